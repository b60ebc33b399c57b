/**
 * Who may see insights: whoever holds INSIGHTS_TOKEN, shown either as
 * `Authorization: Bearer <token>` or, in a browser, as the session cookie the
 * login form sets. The cookie holds an expiry and an HMAC of it keyed by the
 * token, never the token: it cannot be turned back into the token, survives a
 * restart, is valid on every instance sharing the token, and dies when the
 * token changes.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";

const COOKIE_NAME = "aifirst_insights";
/** A signed-in browser stays signed in for a working day. */
const SESSION_SECONDS = 12 * 60 * 60;
/** Where the cookie is sent: only to the insights routes. */
const COOKIE_PATH = "/insights";

export interface Gate {
  /** True for the right Bearer token or a valid, unexpired session cookie. */
  allows(req: Request): boolean;
  /** Compares a token typed into the login form, in constant time. */
  isToken(candidate: string): boolean;
  /** Sets the session cookie on a signed-in response. */
  signIn(req: Request, res: Response): void;
  signOut(req: Request, res: Response): void;
}

export function createGate(token: string, now: () => number = Date.now): Gate {
  const expected = digest(token);
  const isToken = (candidate: string) => timingSafeEqual(digest(candidate), expected);
  const signature = (expires: number) =>
    createHmac("sha256", token).update(`aifirst-insights-session:${expires}`).digest("base64url");

  function validSession(value: string | undefined): boolean {
    const match = /^(\d{1,12})\.([\w-]{43})$/.exec(value ?? "");
    if (!match?.[1] || !match[2]) return false;
    const expires = Number(match[1]);
    if (expires * 1000 <= now()) return false;
    return timingSafeEqual(digest(match[2]), digest(signature(expires)));
  }

  const cookieOptions = (req: Request) => ({
    httpOnly: true,
    sameSite: "strict" as const,
    // Plain http on localhost must work too; behind a TLS proxy, Express's `trust proxy` makes req.secure true.
    secure: req.secure,
    path: COOKIE_PATH,
  });

  return {
    isToken,
    allows(req) {
      const bearer = /^Bearer +(\S+) *$/i.exec(req.get("authorization") ?? "");
      if (bearer?.[1]) return isToken(bearer[1]);
      return validSession(readCookie(req, COOKIE_NAME));
    },
    signIn(req, res) {
      const expires = Math.floor(now() / 1000) + SESSION_SECONDS;
      res.cookie(COOKIE_NAME, `${expires}.${signature(expires)}`, {
        ...cookieOptions(req),
        maxAge: SESSION_SECONDS * 1000,
      });
    },
    signOut(req, res) {
      res.clearCookie(COOKIE_NAME, cookieOptions(req));
    },
  };
}

/**
 * A login POST must come from a page of this server: SameSite=Strict keeps the
 * cookie off cross-site requests, and this refuses cross-site form posts that
 * would sign a victim in (or out). Browsers send Sec-Fetch-Site and Origin
 * on every POST (the page's Referrer-Policy keeps Origin real); a client
 * without either (curl) is not a browser, so there is nothing to forge.
 */
export function sameOrigin(req: Request): boolean {
  const origin = req.get("origin");
  const site = req.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  if (origin === undefined) return true;
  // Hosts, not schemes: behind a TLS proxy this process sees http while the browser says https.
  // `Origin: null` (a sandboxed frame, a data: page) is refused.
  try {
    return new URL(origin).host === req.get("host");
  } catch {
    return false;
  }
}

/** One cookie's value from the Cookie header (no cookie-parser needed for one name). */
function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Fixed-length digests, so neither length nor prefix can be learnt from timing. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
