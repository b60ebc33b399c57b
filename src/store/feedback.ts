/**
 * Writes one piece of feedback on a recorded reply, in one transaction with
 * whatever it teaches (./learning.ts). A 👍/👎 is one vote per (reply, user),
 * changeable; a choice is kept as made.
 */
import { offeredChoice } from "../suggestion-choice.ts";
import { rowSuggestions } from "./event-row.ts";
import { learnChoice, learnVote } from "./learning.ts";
import { ANONYMOUS, type Db } from "./schema.ts";
import type { FeedbackInput, FeedbackOutcome } from "./types.ts";
import type { UserHasher } from "./user-hash.ts";

export interface FeedbackResult {
  outcome: FeedbackOutcome;
  /** True when alternates may have changed, so listeners should be told. */
  alternatesChanged: boolean;
}

export async function writeFeedback(
  db: Db,
  input: FeedbackInput,
  hashUser: UserHasher,
  now: number,
): Promise<FeedbackResult> {
  const userHash = input.user === null ? ANONYMOUS : hashUser(input.user);
  return db.transaction().execute(async (trx) => {
    const event = await trx
      .selectFrom("question_event")
      .select([
        "id",
        "sure",
        "question_norm",
        "playbook",
        "faq",
        "via_alternate",
        "via_alternate_of",
        "suggestions",
      ])
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (!event) return { outcome: "unknown", alternatesChanged: false };

    if ("helpful" in input) {
      const helpful = input.helpful ? 1 : 0;
      await trx
        .insertInto("feedback_vote")
        .values({ event_id: input.id, user_hash: userHash, helpful, at: now })
        .onConflict((oc) => oc.columns(["event_id", "user_hash"]).doUpdateSet({ helpful, at: now }))
        .execute();
      const changed = await learnVote(trx, event, { userHash, helpful: input.helpful, at: now });
      return { outcome: "recorded", alternatesChanged: changed };
    }

    // Only what the reply offered can be chosen: anything else would be taught as an answer.
    const chose = offeredChoice(rowSuggestions(event.suggestions), input.chose);
    if (chose === undefined) return { outcome: "not-offered", alternatesChanged: false };
    const playbook = input.playbook ?? null;
    await trx
      .insertInto("feedback_choice")
      .values({ event_id: input.id, user_hash: userHash, chose, playbook, at: now })
      .onConflict((oc) => oc.columns(["event_id", "user_hash", "chose"]).doNothing())
      .execute();
    const changed = await learnChoice(trx, event, {
      userHash,
      faq: chose,
      playbook,
      at: now,
    });
    return { outcome: "recorded", alternatesChanged: changed };
  });
}
