/**
 * The door in front of Bolt at `POST /slack/events`: what an unsigned
 * stranger can cost us before Bolt checks the signature. Requests without
 * Slack's headers, or with a timestamp more than 5 minutes away, are refused
 * before their body is read; bodies are capped at what Slack really sends;
 * and only so many unverified bodies are read at once. The body read here is
 * handed to Bolt as `req.rawBody`, which its ExpressReceiver verifies and
 * parses as it would its own read.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "../../log.ts";

/**
 * Largest body accepted, in bytes. Slack's own limits bound what it sends us:
 * a message's text is at most 40,000 characters (longer ones are truncated),
 * and a click on our buttons quotes our own message (at most 50 blocks, kept
 * within the same words as its 39,000-character text). The largest payload
 * that allows, JSON-escaped and URL-encoded, is about 250 kB; this is twice
 * that. See docs/slack.md.
 */
export const SLACK_BODY_LIMIT = 512 * 1024;
/** Unverified bodies read at once; beyond this, 503 (at most 32 MiB held). */
export const MAX_UNVERIFIED_BODIES = 64;
/** Slack rejects requests older than this itself, and asks apps to do the same. */
const MAX_CLOCK_SKEW_S = 5 * 60;
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

export interface IntakeOptions {
  logger: Logger;
  maxBytes?: number;
  maxConcurrent?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

/** Express middleware for the Slack route, mounted just before Bolt's. */
export function slackIntake(options: IntakeOptions): RequestHandler {
  const { logger } = options;
  const maxBytes = options.maxBytes ?? SLACK_BODY_LIMIT;
  const maxConcurrent = options.maxConcurrent ?? MAX_UNVERIFIED_BODIES;
  const now = options.now ?? Date.now;
  let reading = 0;

  const refuse = (req: Request, res: Response, status: number, reason: string) => {
    logger.warn(status === 401 ? "slack request verification failed" : "slack request refused", {
      status,
      reason,
    });
    // The body was not read to its end: don't leave the rest of it on a kept-alive socket.
    if (!req.complete) res.setHeader("Connection", "close");
    if (status === 503) res.setHeader("Retry-After", "1");
    res.status(status).json({ error: reason });
  };

  return (req, res, next) => {
    const problem = headerProblem(req, now());
    if (problem) return refuse(req, res, 401, problem);
    const type = mediaType(req.headers["content-type"]);
    if (type !== FORM && type !== JSON_TYPE) {
      return refuse(req, res, 415, "unsupported content type");
    }
    // Bolt reads a form only under exactly this type; a proxy may have added a charset.
    if (type === FORM) req.headers["content-type"] = FORM;
    if (Number(req.headers["content-length"]) > maxBytes) {
      return refuse(req, res, 413, "body too large");
    }
    if (reading >= maxConcurrent) return refuse(req, res, 503, "too many requests at once");
    reading++;
    readCapped(req, res, maxBytes).then(
      (body) => {
        reading--;
        // Bolt's ExpressReceiver takes a body already read from here (as on Google Cloud).
        (req as Request & { rawBody?: Buffer }).rawBody = body;
        next();
      },
      (error: unknown) => {
        reading--;
        if (error instanceof TooLarge) refuse(req, res, 413, "body too large");
        else if (!res.headersSent) refuse(req, res, 400, "request aborted");
      },
    );
  };
}

/** Why the signature headers are unusable, or undefined when Bolt can check them. */
function headerProblem(req: IncomingMessage, nowMs: number): string | undefined {
  const signature = req.headers["x-slack-signature"];
  const timestamp = req.headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string") {
    return "missing signature headers";
  }
  if (!/^\d{1,12}$/.test(timestamp)) return "invalid timestamp";
  // Both ways: a replayed request is old, a forged clock is new.
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) {
    return "timestamp more than 5 minutes away from the server clock";
  }
  return undefined;
}

function mediaType(header: string | undefined): string {
  return (header ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

class TooLarge extends Error {}

/** The whole body, or a TooLarge as soon as it passes `limit` (the rest is never buffered). */
function readCapped(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
      res.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error?: Error) => {
      cleanup();
      reject(error ?? new Error("aborted"));
    };
    // Answered or gone before the body ended: the deadline's 408 closes the connection
    // without aborting or erroring the request, so the body would never settle and its
    // place would never be given back.
    const onClose = () => onError(new Error("closed before the body ended"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onError);
    res.on("close", onClose);
  });
}
