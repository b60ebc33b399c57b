/**
 * Bearer-token checks for what a public host should not give to anyone:
 * `/api/*` under API_TOKEN, `/metrics` under METRICS_TOKEN.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";

/** Teams' endpoint under /api, which checks its own Bot Framework token. */
const OWN_AUTH = ["/messages"];

/**
 * `requireBearer(token)` for everything under the `/api` mount it is used on,
 * except Teams' `/api/messages`.
 */
export function apiAccess(token: string): RequestHandler {
  const check = requireBearer(token);
  return (req, res, next) => {
    // req.path is relative to the /api mount here; compared as Express routes match it
    // (case-insensitive, a trailing slash allowed), so it is exempt exactly where Teams' route answers.
    const path = req.path.toLowerCase().replace(/\/+$/, "");
    if (OWN_AUTH.includes(path)) next();
    else check(req, res, next);
  };
}

/** Lets a request through only with `Authorization: Bearer <token>`; otherwise 401 JSON. */
export function requireBearer(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(req.get("authorization") ?? "");
    // Compared as fixed-length digests, so neither the length nor any prefix of the
    // token can be learnt from how long a refusal takes.
    if (match?.[1] && timingSafeEqual(digest(match[1]), expected)) {
      next();
      return;
    }
    res
      .status(401)
      .set("WWW-Authenticate", 'Bearer realm="aifirst"')
      .json({ error: "unauthorized: send Authorization: Bearer <token>" });
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
