/**
 * The one rule for a question arriving over HTTP (`/api/ask`, the
 * playground): present, not blank, not over the engine's limit. Every JSON
 * route applies it the same way, so they fail with the same 400s.
 */
import { isTooLong, MAX_INPUT_LENGTH } from "../answer/engine.ts";

export type QuestionCheck = { ok: true; text: string } | { ok: false; error: string };

/** `example` names the route in the hint, e.g. "/api/ask?q=step%203". */
export function checkQuestion(value: unknown, example: string): QuestionCheck {
  if (Array.isArray(value)) {
    return { ok: false, error: "q is given more than once: send one question" };
  }
  if (value === undefined) return { ok: false, error: `missing q, e.g. ${example}` };
  if (typeof value !== "string") {
    return { ok: false, error: `q must be text, e.g. ${example}` };
  }
  if (value.trim() === "") {
    return { ok: false, error: "q is empty: ask a question or a command such as `help`" };
  }
  // Counted as the engine counts it, without the spaces around it.
  if (isTooLong(value.trim())) {
    return { ok: false, error: `q is too long: at most ${MAX_INPUT_LENGTH} characters` };
  }
  return { ok: true, text: value };
}
