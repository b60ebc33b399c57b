/**
 * The one rule for a question arriving over HTTP (`/api/ask`, the
 * playground): present, not blank, not over the engine's limit. Every JSON
 * route applies it the same way, so they fail with the same 400s.
 */
import { parse as parseQuery, unescape as unescapeQuery } from "node:querystring";
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
  return { ok: true, text };
}

/**
 * `checkQuestion` for the `q` of a GET request, read from the URL's query
 * string by Node's `querystring` ('+' is a space; repeated, it is a list), in
 * one parse rather than Express's `req.query` and a second one. A `q` whose
 * percent-encoding is not UTF-8 (`%E0%A4`) is refused: `querystring` turns
 * such bytes into U+FFFD and would have the bot answer a question nobody asked.
 */
export function checkQueryQuestion(req: { url: string }, example: string): QuestionCheck {
  const query = queryString(req.url);
  const q = parseQuery(query).q;
  const values = q === undefined ? [] : Array.isArray(q) ? q : [q];
  // Rare, so read again only then: a U+FFFD that was properly encoded is a question's own.
  if (values.some((v) => v.includes("\uFFFD"))) {
    const garbled = notUtf8(query);
    if (values.some((v) => garbled.has(v))) {
      return { ok: false, error: "q is not valid UTF-8: percent-encode the question as UTF-8" };
    }
  }
  return checkQuestion(q, example);
}

/** The query string of `url`, without the fragment a raw request can carry. */
function queryString(url: string): string {
  const start = url.indexOf("?");
  if (start === -1) return "";
  const hash = url.indexOf("#", start);
  return url.slice(start + 1, hash === -1 ? undefined : hash);
}

/** The keys and values of `query`, decoded as `querystring` decodes them, whose escapes are not UTF-8. */
function notUtf8(query: string): Set<string> {
  const garbled = new Set<string>();
  parseQuery(query, "&", "=", {
    decodeURIComponent: (part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        // What querystring does with a part that is malformed somewhere ("100%" stays as typed).
        const lenient = unescapeQuery(part);
        if (lenient.includes("\uFFFD")) garbled.add(lenient);
        return lenient;
      }
    },
  });
  return garbled;
}
