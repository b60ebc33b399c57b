/**
 * The one rule for a question arriving over HTTP (`/api/ask`, the
 * playground): present, not blank, not over the engine's limit. Every JSON
 * route applies it the same way, so they fail with the same 400s.
 */
import { unescape as unescapeQuery } from "node:querystring";
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
 * `checkQuestion` for the `q` of a GET request, read from the URL's query
 * string as Node's `querystring` reads it ('+' is a space; repeated, it is a
 * list), except that a `q` whose percent-encoding is not UTF-8 (`%E0%A4`) is
 * refused: `querystring` turns such bytes into U+FFFD and would have the bot
 * answer a question nobody asked. One pass over the URL, which the hot route
 * (`/api/ask`) otherwise parsed twice, once into Express's `req.query`.
 */
export function checkQueryQuestion(req: { url: string }, example: string): QuestionCheck {
  const values = queryValues(req.url, "q");
  if (values === null) {
    return { ok: false, error: "q is not valid UTF-8: percent-encode the question as UTF-8" };
  }
  return checkQuestion(values.length > 1 ? values : values[0], example);
}

/** Every value of `name` in `url`'s query string, decoded; null if one is not UTF-8. */
function queryValues(url: string, name: string): string[] | null {
  const values: string[] = [];
  const query = url.indexOf("?");
  if (query === -1) return values;
  // A fragment is not part of the query (clients do not send one, but a raw request can).
  const hash = url.indexOf("#", query);
  const stop = hash === -1 ? url.length : hash;
  // One pass: each search starts where the last one ended, so no pair is read twice.
  let eq = query;
  for (let start = query + 1; start < stop; ) {
    let end = url.indexOf("&", start);
    if (end === -1 || end > stop) end = stop;
    if (eq < start) {
      eq = url.indexOf("=", start);
      if (eq === -1) eq = url.length;
    }
    const keyEnd = Math.min(eq, end);
    if (decodeQueryPart(url.slice(start, keyEnd)) === name) {
      const value = keyEnd < end ? decodeQueryPart(url.slice(keyEnd + 1, end)) : "";
      if (value === null) return null;
      values.push(value);
    }
    start = end + 1;
  }
  return values;
}

/**
 * One key or value of a query string, decoded; null when its escapes are not
 * UTF-8. A stray '%' ("100%") stays as typed, as `querystring` leaves it.
 */
function decodeQueryPart(raw: string): string | null {
  if (!raw.includes("%") && !raw.includes("+")) return raw;
  const spaced = raw.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Malformed somewhere: decode what can be, as querystring does; a U+FFFD then marks bytes
    // that are not UTF-8.
    const lenient = unescapeQuery(spaced);
    return lenient.includes("\uFFFD") ? null : lenient;
  }
}
