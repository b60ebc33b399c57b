/**
 * Plain replies for handlers that hold Node's own response type. Kept only
 * while the Slack receiver and the Teams surface still call it: Express
 * routes answer with `res.status().json()`; delete this once nothing imports it.
 */
import type { ServerResponse } from "node:http";

/** `value` as JSON, with `status`. Does nothing once a reply has started. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, JSON.stringify(value), "application/json; charset=utf-8");
}

/** `body` as is; an empty body goes without a content type. */
export function sendBody(
  res: ServerResponse,
  status: number,
  body: string,
  type = "application/json; charset=utf-8",
): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader("Cache-Control", "no-store");
  if (body) res.setHeader("Content-Type", type);
  res.end(body);
}
