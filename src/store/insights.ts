/**
 * The insights report over a time range: how many questions, how sure the
 * answers were, what people said of them, what went unanswered, what was
 * learned. Counting happens in SQL; only small grouped results reach memory.
 */
import { sql } from "./kysely.ts";
import { readAlternates } from "./learning.ts";
import { nearDuplicateKey, normaliseQuestion } from "./normalise.ts";
import type { Db } from "./schema.ts";
import type { Insights } from "./types.ts";

const DAY_MS = 86_400_000;
const TOP_UNANSWERED = 20;
/** Ten years of days is the longest chart drawn; a longer range shows its latest part. */
const MAX_DAYS = 3660;

// Sure, likely and not sure partition the questions: a fallback is "not sure".
const sureCount = sql<number>`sum(case when sure = 1 then 1 else 0 end)`;
const likelyCount = sql<number>`sum(case when sure = 0 and kind <> 'fallback' then 1 else 0 end)`;
const notSureCount = sql<number>`sum(case when sure = 0 and kind = 'fallback' then 1 else 0 end)`;
const helpfulCount = sql<number>`sum(case when v.helpful = 1 then 1 else 0 end)`;
const notHelpfulCount = sql<number>`sum(case when v.helpful = 0 then 1 else 0 end)`;

/** Range ends are both included. */
export async function readInsights(
  db: Db,
  range: { from: Date; to: Date },
  learnMinUsers: number,
): Promise<Insights> {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const inRange = db.selectFrom("question_event").where("at", ">=", from).where("at", "<=", to);
  // Votes on the replies given in the range (whenever the vote was cast).
  const votesInRange = db
    .selectFrom("feedback_vote as v")
    .innerJoin("question_event as e", "e.id", "v.event_id")
    .where("e.at", ">=", from)
    .where("e.at", "<=", to);

  const totals = await inRange
    .select((eb) => [
      eb.fn.countAll<number>().as("asked"),
      sureCount.as("sure"),
      likelyCount.as("likely"),
      notSureCount.as("not_sure"),
    ])
    .executeTakeFirstOrThrow();

  const votes = await votesInRange
    .select([helpfulCount.as("helpful"), notHelpfulCount.as("not_helpful")])
    .executeTakeFirstOrThrow();

  const days = await inRange
    .select([
      sql<number>`at / ${sql.lit(DAY_MS)}`.as("day"),
      sureCount.as("sure"),
      likelyCount.as("likely"),
      notSureCount.as("not_sure"),
    ])
    .groupBy(sql`at / ${sql.lit(DAY_MS)}`)
    .execute();

  const fallbacks = await inRange
    .select(["question", (eb) => eb.fn.countAll<number>().as("count")])
    .where("kind", "=", "fallback")
    .where("question", "is not", null)
    // A command ("step 99") kept no normalised question, nor did one of no words ("🤔",
    // "???"): neither is a gap in the content to fill.
    .where("question_norm", "is not", null)
    .groupBy("question")
    .execute();

  const perFaq = await votesInRange
    .where("e.faq", "is not", null)
    .select(["e.playbook", "e.faq", helpfulCount.as("helpful"), notHelpfulCount.as("not_helpful")])
    .groupBy(["e.playbook", "e.faq"])
    .execute();

  const alternates = await readAlternates(db, learnMinUsers);

  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    asked: Number(totals.asked),
    sure: Number(totals.sure ?? 0),
    likely: Number(totals.likely ?? 0),
    not_sure: Number(totals.not_sure ?? 0),
    helpful: Number(votes.helpful ?? 0),
    not_helpful: Number(votes.not_helpful ?? 0),
    unanswered: groupUnanswered(
      fallbacks.map((f) => ({ question: f.question ?? "", count: Number(f.count) })),
    ),
    alternates: alternates
      .filter((a) => !a.retired)
      .map(({ playbook, faq, question, users, applied }) => ({
        playbook,
        faq,
        question,
        users,
        applied,
      })),
    perDay: fillDays(
      from,
      to,
      days.map((d) => ({
        day: Number(d.day),
        sure: Number(d.sure ?? 0),
        likely: Number(d.likely ?? 0),
        not_sure: Number(d.not_sure ?? 0),
      })),
    ),
    perFaq: perFaq
      .map((f) => ({
        playbook: f.playbook ?? "",
        faq: f.faq ?? "",
        helpful: Number(f.helpful ?? 0),
        not_helpful: Number(f.not_helpful ?? 0),
      }))
      .sort((a, b) => b.helpful + b.not_helpful - (a.helpful + a.not_helpful)),
  };
}

/**
 * Groups wordings of unanswered questions that are near-identical (same words
 * once stop words are gone); each group shows its most common wording.
 */
export function groupUnanswered(
  wordings: Array<{ question: string; count: number }>,
): Array<{ question: string; count: number }> {
  const groups = new Map<string, { count: number; best: string; bestCount: number }>();
  for (const w of wordings) {
    const normalised = normaliseQuestion(w.question);
    if (!normalised) continue;
    const key = nearDuplicateKey(normalised);
    const g = groups.get(key);
    if (!g) groups.set(key, { count: w.count, best: w.question, bestCount: w.count });
    else {
      g.count += w.count;
      if (w.count > g.bestCount) {
        g.best = w.question;
        g.bestCount = w.count;
      }
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.best.localeCompare(b.best))
    .slice(0, TOP_UNANSWERED)
    .map((g) => ({ question: g.best, count: g.count }));
}

function fillDays(
  from: number,
  to: number,
  counted: Array<{ day: number; sure: number; likely: number; not_sure: number }>,
): Insights["perDay"] {
  const byDay = new Map(counted.map((c) => [c.day, c]));
  const last = Math.floor(to / DAY_MS);
  const first = Math.max(Math.floor(from / DAY_MS), last - MAX_DAYS + 1);
  const out: Insights["perDay"] = [];
  for (let day = first; day <= last; day++) {
    const c = byDay.get(day);
    out.push({
      day: new Date(day * DAY_MS).toISOString().slice(0, 10),
      sure: c?.sure ?? 0,
      likely: c?.likely ?? 0,
      not_sure: c?.not_sure ?? 0,
    });
  }
  return out;
}
