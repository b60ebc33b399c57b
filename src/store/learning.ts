/**
 * Learning alternate phrasings from feedback. The rules, all in this module:
 *
 * - Questions are compared after `normaliseQuestion` (./normalise.ts).
 * - A "chose" (the user picked a suggestion instead of the reply) counts only
 *   when the reply was not sure, or when the same user (hash) gave that reply
 *   👎; either order of 👎 and chose works. It proposes (normalised question of
 *   the event -> chosen FAQ in the chosen playbook). Events whose question was
 *   not recorded teach nothing.
 * - An alternate is confirmed when >= learnMinUsers distinct user hashes made
 *   the same proposal; anonymous users together count as one.
 * - It is retired when 👎 from distinct users on replies answered through it
 *   (`viaAlternate`) reach learnMinUsers and outnumber the 👍 on them (each
 *   user's latest vote counts once).
 * - `applied` = confirmed and not retired; whether to use it is the caller's choice.
 *
 * Learned proposals are kept apart from events (table learned_choice), so an
 * alternate outlives the retention of the questions that taught it.
 */
import type { Transaction } from "kysely";
import type { Database, Db } from "./schema.ts";
import type { Alternate } from "./types.ts";

/** The parts of a recorded event that learning looks at. */
export interface LearningEvent {
  id: string;
  sure: number;
  question_norm: string | null;
  playbook: string | null;
  faq: string | null;
  via_alternate: string | null;
}

type Trx = Transaction<Database>;

/** Records that `userHash` proposed (event's question -> faq); true when that is news. */
export async function learnChoice(
  trx: Trx,
  event: LearningEvent,
  choice: { userHash: string; faq: string; playbook: string | null; at: number },
): Promise<boolean> {
  if (!event.question_norm) return false;
  if (event.sure) {
    const downVote = await trx
      .selectFrom("feedback_vote")
      .select("helpful")
      .where("event_id", "=", event.id)
      .where("user_hash", "=", choice.userHash)
      .executeTakeFirst();
    if (downVote?.helpful !== 0) return false;
  }
  const result = await trx
    .insertInto("learned_choice")
    .values({
      question: event.question_norm,
      playbook: choice.playbook ?? "",
      faq: choice.faq,
      user_hash: choice.userHash,
      at: choice.at,
    })
    .onConflict((oc) => oc.columns(["question", "playbook", "faq", "user_hash"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * After a vote: a 👎 on a sure reply may make this user's earlier choices on it
 * count; any vote on a reply that came through an alternate counts toward
 * retiring it. True when alternates may have changed.
 */
export async function learnVote(
  trx: Trx,
  event: LearningEvent,
  vote: { userHash: string; helpful: boolean; at: number },
): Promise<boolean> {
  let changed = false;
  if (!vote.helpful && event.sure) {
    const choices = await trx
      .selectFrom("feedback_choice")
      .select(["chose", "playbook"])
      .where("event_id", "=", event.id)
      .where("user_hash", "=", vote.userHash)
      .execute();
    for (const c of choices) {
      const learned = await learnChoice(trx, event, {
        userHash: vote.userHash,
        faq: c.chose,
        playbook: c.playbook,
        at: vote.at,
      });
      changed ||= learned;
    }
  }
  if (event.via_alternate && event.faq) {
    await trx
      .insertInto("alternate_vote")
      .values({
        question: event.via_alternate,
        playbook: event.playbook ?? "",
        faq: event.faq,
        user_hash: vote.userHash,
        helpful: vote.helpful ? 1 : 0,
        at: vote.at,
      })
      .onConflict((oc) =>
        oc
          .columns(["question", "playbook", "faq", "user_hash"])
          .doUpdateSet({ helpful: vote.helpful ? 1 : 0, at: vote.at }),
      )
      .execute();
    changed = true;
  }
  return changed;
}

const keyOf = (r: { question: string; playbook: string; faq: string }) =>
  JSON.stringify([r.question, r.playbook, r.faq]);

/** Every candidate alternate with its distinct users, confirmed and retired as the rules say. */
export async function readAlternates(db: Db, learnMinUsers: number): Promise<Alternate[]> {
  const candidates = await db
    .selectFrom("learned_choice")
    .select(["question", "playbook", "faq", (eb) => eb.fn.countAll<number>().as("users")])
    .groupBy(["question", "playbook", "faq"])
    .execute();
  const votes = await db
    .selectFrom("alternate_vote")
    .select(["question", "playbook", "faq", "helpful", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["question", "playbook", "faq", "helpful"])
    .execute();
  const tally = new Map<string, { up: number; down: number }>();
  for (const v of votes) {
    const t = tally.get(keyOf(v)) ?? { up: 0, down: 0 };
    if (v.helpful) t.up += Number(v.n);
    else t.down += Number(v.n);
    tally.set(keyOf(v), t);
  }
  return candidates
    .map((c) => {
      const users = Number(c.users);
      const t = tally.get(keyOf(c)) ?? { up: 0, down: 0 };
      const retired = t.down >= learnMinUsers && t.down > t.up;
      const confirmed = users >= learnMinUsers;
      return {
        playbook: c.playbook,
        faq: c.faq,
        question: c.question,
        users,
        applied: confirmed && !retired,
        retired,
      };
    })
    .sort((a, b) => b.users - a.users || a.question.localeCompare(b.question));
}
