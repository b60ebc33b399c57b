/**
 * Replies whose body is already whole, sent with their length in one write.
 * Express's `res.json` parses and re-formats the content type and copies the
 * body into a Buffer on every call; on the hot routes (`/api/ask`, Slack's
 * acknowledgements) that was measurable.
 *
 * Node's own ways of sending a body both end in two chunks: `end(body)` and
 * `write(body)` then `end()` each leave the head and body corked in the socket,
 * and `end` queues an empty chunk behind them, so every reply became a
 * `writev` of two buffers (with a buffer allocated and copied in C++). `write`
 * also schedules a tick of its own to uncork. Corking the response around the
 * one `write` and uncorking before `end` sends head and body as one plain `write(2)`
 * (strace shows it; `test/server/send.test.ts` checks it), after which `end`
 * has nothing left to send.
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
  if (body) {
    // Node joins the head and the body into one chunk while the response is corked (its
    // socket's, or its own while it waits behind another reply on its connection).
    res.cork();
    try {
      res.write(body);
    } finally {
      res.uncork();
    }
  }
  res.end();
}
