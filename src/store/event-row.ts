/**
 * A recorded event as a table row: the user replaced by its keyed hash, the
 * question dropped when questions are not to be recorded, times in epoch ms.
 */
import { normaliseQuestion } from "./normalise.ts";
import type { QuestionEventTable } from "./schema.ts";
import type { QuestionEvent } from "./types.ts";
import type { UserHasher } from "./user-hash.ts";

export function eventRow(
  event: QuestionEvent,
  hashUser: UserHasher,
  recordQuestions: boolean,
): QuestionEventTable {
  const question = recordQuestions ? event.question : null;
  return {
    id: event.id,
    at: event.at.getTime(),
    surface: event.surface,
    user_hash: event.user === null ? null : hashUser(event.user),
    question,
    question_norm: question === null ? null : normaliseQuestion(question) || null,
    kind: event.kind,
    sure: event.sure ? 1 : 0,
    playbook: event.playbook,
    faq: event.faq,
    step: event.step,
    // A NaN would be stored as NULL by one engine and rejected by the other.
    confidence: Number.isFinite(event.confidence) ? event.confidence : 0,
    suggestions: JSON.stringify(event.suggestions),
    via_alternate: event.viaAlternate,
  };
}
