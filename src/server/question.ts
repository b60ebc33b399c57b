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
  // Judged as the engine reads it, without the spaces around it.
  const text = value.trim();
  if (text === "") {
    return { ok: false, error: "q is empty: ask a question or a command such as `help`" };
  }
  if (isTooLong(text)) {
    return { ok: false, error: `q is too long: at most ${MAX_INPUT_LENGTH} characters` };
  }
  return { ok: true, text: value };
}

/**
 * `checkQuestion` for the `q` of a GET request, which also refuses a `q` whose
 * percent-encoding is not UTF-8 (`%E0%A4`): the query parser turns such bytes into
 * U+FFFD and would have the bot answer a question nobody asked.
 */
export function checkQueryQuestion(
  req: { query: Record<string, unknown>; url: string },
  example: string,
): QuestionCheck {
  const value = req.query.q;
  // Only a decoded U+FFFD can hide bad bytes; the raw query is read again just then.
  if (typeof value === "string" && value.includes("\uFFFD") && !utf8Encoded(req.url, "q")) {
    return { ok: false, error: "q is not valid UTF-8: percent-encode the question as UTF-8" };
  }
  return checkQuestion(value, example);
}

/** Whether every value of `name` in `url`'s query decodes as UTF-8. */
function utf8Encoded(url: string, name: string): boolean {
  const query = url.slice(url.indexOf("?") + 1);
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    if (eq === -1 || pair.slice(0, eq) !== name) continue;
    try {
      decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, " "));
    } catch {
      return false;
    }
  }
  return true;
}
