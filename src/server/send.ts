/**
 * Replies whose body is already whole, written in one piece with their
 * length. Express's `res.json` parses and re-formats the content type and
 * copies the body into a Buffer on every call; on the hot routes (`/api/ask`,
 * Slack's acknowledgements) that was measurable.
 *
 * The body goes out by `write` and then a bare `end`, not `end(body)`: Node's
 * `end(chunk)` corks the socket and queues an empty chunk after the data, so
 * every reply became a two-part `writev` (with its buffer copy in C++) instead
 * of one plain write. Under `npm run bench:http`'s load, in a copy instrumented
 * to read the server thread's CPU time, that cost about 9 µs per 1 KB reply,
 * a sixth of a bare request's whole cost.
 */
import type { ServerResponse } from "node:http";

const JSON_TYPE = "application/json; charset=utf-8";

/** `value` as JSON, with `status`. Does nothing once a reply has started. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, JSON.stringify(value), JSON_TYPE);
}

/** `body` as is; an empty body goes without a content type. */
export function sendBody(
  res: ServerResponse,
  status: number,
  body: string,
  type = JSON_TYPE,
): void {
  if (res.headersSent) return;
  // Every reply sent this way is made for one request (answers, health, errors, acks):
  // no cache, browser's or proxy's, may keep it.
  const headers: Record<string, string | number> = {
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  };
  if (body) headers["Content-Type"] = type;
  res.writeHead(status, headers);
  // Headers and body leave in one write (Node joins them); `end` then has nothing to send.
  if (body) res.write(body);
  res.end();
}
