/**
 * Learning alternate phrasings from feedback. The rules, all in this module:
 *
 * - Questions are compared after `normaliseQuestion` (./normalise.ts), and
 *   near-identical ones (one `sameQuestionKey`: they differ only in function words
 *   or word order, not in question word) are one question: people who asked either and chose the same
 *   FAQ agree. The wording most of them asked is the alternate's text.
 * - A "chose" (the user picked a suggestion instead of the reply) counts only
 *   when the reply was not sure, or when the same user (hash) gave that reply
 *   👎; either order of 👎 and chose works. It proposes (normalised question of
 *   the event -> chosen FAQ in the chosen playbook). A step offered as a suggestion
 *   is chosen by its label ("Step 2: Write a Useful Description") and learned the
 *   same way. Events whose question was not recorded, and commands (`step 99`), teach nothing.
 * - An alternate is confirmed when >= learnMinUsers distinct user hashes made
 *   the same proposal; anonymous users together count as one.
 * - It is retired when 👎 from distinct users on replies answered through it
 *   (`viaAlternate`, any of its wordings) reach learnMinUsers and outnumber the
 *   👍 on them (each user's latest vote counts once).
 * - One question may have alternates for several FAQs (people judged several
 *   right); all are applied: the engine answers with one and offers the others.
 * - `applied` = confirmed and not retired; whether to use it is the caller's choice.
 *
 * Learned proposals are kept apart from events (table learned_choice), so an
 * alternate outlives the retention of the questions that taught it.
 */
import type { Transaction } from "kysely";
import { sameQuestionKey } from "./normalise.ts";
import type { AlternateVoteTable, Database, Db, LearnedChoiceTable } from "./schema.ts";
import type { Alternate } from "./types.ts";

/** The parts of a recorded event that learning looks at. */
export interface LearningEvent {
  id: string;
  sure: number;
  question_norm: string | null;
  playbook: string | null;
  faq: string | null;
  via_alternate: string | null;
  /** What that alternate was learned for: an FAQ's question, or a step's label. */
  via_alternate_of: string | null;
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
  // What the alternate was learned for; events recorded before that was kept name only an FAQ.
  const answered = event.via_alternate_of ?? event.faq;
  if (event.via_alternate && answered) {
    await trx
      .insertInto("alternate_vote")
      .values({
        question: event.via_alternate,
        playbook: event.playbook ?? "",
        faq: answered,
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

/** One user's proposal (normalised question -> FAQ), as learned_choice keeps it. */
type Proposal = LearnedChoiceTable;

/** One user's latest vote on replies answered through one alternate, as alternate_vote keeps it. */
type AlternateVote = AlternateVoteTable;

/** Every candidate alternate with its distinct users, confirmed and retired as the rules say. */
export async function readAlternates(db: Db, learnMinUsers: number): Promise<Alternate[]> {
  const proposals = await db
    .selectFrom("learned_choice")
    .select(["question", "playbook", "faq", "user_hash", "at"])
    .execute();
  const votes = await db
    .selectFrom("alternate_vote")
    .select(["question", "playbook", "faq", "user_hash", "helpful", "at"])
    .execute();
  return resolveAlternates(proposals, votes, learnMinUsers);
}

/** Users by one wording of a question: the wording most of them used is the alternate's text. */
interface Wording {
  text: string;
  users: Set<string>;
  since: number;
}

interface Candidate {
  playbook: string;
  faq: string;
  users: Set<string>;
  wordings: Map<string, Wording>;
  /** Each voter's latest vote. */
  votes: Map<string, { helpful: boolean; at: number }>;
}

/**
 * The rules, applied to the rows the store keeps. Near-identical questions (one
 * `sameQuestionKey`: they differ only in function words or word order, not in
 * what kind of question they are) are one question: their proposals of an FAQ add up to one
 * candidate, whose text is the wording most of its users asked (the first asked
 * on a tie), and votes on any of its wordings count for it.
 */
function resolveAlternates(
  proposals: readonly Proposal[],
  votes: readonly AlternateVote[],
  learnMinUsers: number,
): Alternate[] {
  const candidates = new Map<string, Candidate>();
  const keyOf = (r: { question: string; playbook: string; faq: string }) =>
    JSON.stringify([sameQuestionKey(r.question), r.playbook, r.faq]);
  for (const p of proposals) {
    const key = keyOf(p);
    let c = candidates.get(key);
    if (!c) {
      c = {
        playbook: p.playbook,
        faq: p.faq,
        users: new Set(),
        wordings: new Map(),
        votes: new Map(),
      };
      candidates.set(key, c);
    }
    c.users.add(p.user_hash);
    let w = c.wordings.get(p.question);
    if (!w) {
      w = { text: p.question, users: new Set(), since: p.at };
      c.wordings.set(p.question, w);
    }
    w.users.add(p.user_hash);
    w.since = Math.min(w.since, p.at);
  }
  for (const v of votes) {
    const c = candidates.get(keyOf(v));
    const before = c?.votes.get(v.user_hash);
    if (c && (!before || v.at >= before.at))
      c.votes.set(v.user_hash, { helpful: v.helpful === 1, at: v.at });
  }
  return [...candidates.values()]
    .map((c) => {
      const down = [...c.votes.values()].filter((v) => !v.helpful).length;
      const up = c.votes.size - down;
      const retired = down >= learnMinUsers && down > up;
      const confirmed = c.users.size >= learnMinUsers;
      return {
        playbook: c.playbook,
        faq: c.faq,
        question: mostAsked(c.wordings.values()),
        users: c.users.size,
        applied: confirmed && !retired,
        retired,
      };
    })
    .sort((a, b) => b.users - a.users || a.question.localeCompare(b.question));
}

function mostAsked(wordings: Iterable<Wording>): string {
  let best: Wording | undefined;
  for (const w of wordings) {
    const more = best && w.users.size - best.users.size;
    if (!best || (more as number) > 0 || (more === 0 && w.since < best.since)) best = w;
  }
  return best?.text ?? "";
}
