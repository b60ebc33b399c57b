/**
 * Bolt's HTTP receiver for the shared server: Slack's requests to
 * `POST /slack/events` (events, slash commands, interactivity) are read,
 * authenticated and handed to the Bolt app as `ReceiverEvent`s. Bolt's own
 * middleware, listeners, `ack`, `respond` and Web API client do the rest.
 *
 * Why not Bolt's ExpressReceiver: it mounts a second router on our app, reads
 * the body through raw-body, compares signatures with tsscmp (a fresh random
 * key and two extra HMACs per request) and answers acks with chunked bodies.
 * Together that was a third of the server's time per slash command. This
 * receiver does the same checks with one HMAC and `timingSafeEqual`, and
 * writes each ack in one piece.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { type App, type Receiver, type ReceiverEvent, ReceiverMultipleAckError } from "@slack/bolt";
import type { RequestHandler } from "express";
import type { Logger } from "../../log.ts";
import { sendBody, sendJson } from "../../server/send.ts";

export interface SlackReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Largest body accepted; Slack's payloads are a few kB, a full modal view tens of kB. */
  bodyLimit?: number;
  /** How long a listener has to `ack()` before Slack is answered 404 for it (Slack waits 3 s). */
  ackTimeoutMs?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

/** Slack rejects requests older than this itself, and asks apps to do the same. */
const MAX_CLOCK_SKEW_S = 5 * 60;
const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Just over Slack's 3 seconds, as Bolt's own receivers do. */
const DEFAULT_ACK_TIMEOUT_MS = 3_001;

/** A request that never reaches Bolt, and what to answer it. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export class SlackReceiver implements Receiver {
  private bolt: App | undefined;
  private readonly secret: Buffer;
  private readonly logger: Logger;
  private readonly bodyLimit: number;
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;

  constructor(options: SlackReceiverOptions) {
    if (!options.signingSecret) throw new Error("SlackReceiver needs a signing secret");
    this.secret = Buffer.from(options.signingSecret, "utf8");
    this.logger = options.logger;
    this.bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.bolt = app;
  }

  /** The shared server owns the port: nothing to start or stop here. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** The Express handler for `POST /slack/events`. */
  readonly handler: RequestHandler = (req, res, next) => {
    this.handle(req, res).catch(next);
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Record<string, unknown>;
    try {
      // Headers first: an unsigned or stale request is refused before its body is read.
      const signed = this.signatureHeaders(req);
      const raw = await readBody(req, this.bodyLimit);
      this.verify(signed, raw);
      body = parseBody(raw, req.headers["content-type"]);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (error.status === 401) {
        this.logger.warn("slack request verification failed", { reason: error.reason });
      } else {
        this.logger.warn("slack request refused", { status: error.status, reason: error.reason });
      }
      // The body may not have been read to the end (too large): don't leave it on the socket.
      if (!req.complete) res.setHeader("Connection", "close");
      sendJson(res, error.status, { error: error.reason });
      return;
    }

    if (body.ssl_check !== undefined) {
      sendBody(res, 200, "");
      return;
    }
    if (body.type === "url_verification") {
      sendJson(res, 200, { challenge: body.challenge });
      return;
    }

    const bolt = this.bolt;
    if (!bolt) throw new Error("SlackReceiver used before Bolt's App took it");
    const ack = this.acknowledger(res);
    const event: ReceiverEvent = {
      body,
      ack: ack.fn,
      ...retryHeaders(req),
    };
    try {
      await bolt.processEvent(event);
    } catch (error) {
      this.logger.error("slack event failed", { error });
      ack.finish(500);
      return;
    }
    if (typeof body.command !== "string") {
      // An event or a button no handler took: say we got it rather than keep Slack waiting.
      ack.finish(200);
    } else if (ack.finish(500)) {
      // A command always gets an answer from its handler; none means it failed (and was
      // logged). A 500 makes Slack tell the user the command failed, where an empty 200
      // would show nothing at all.
      this.logger.error("slack command not answered", { command: body.command });
    }
  }

  /**
   * One ack per request: the first call answers Slack, a second is Bolt's own
   * error. `finish` answers (by default with an empty body) if nothing has yet,
   * and says whether it did.
   */
  private acknowledger(res: ServerResponse) {
    let acknowledged = false;
    const finish = (status: number, body = "", type?: string): boolean => {
      if (acknowledged) return false;
      acknowledged = true;
      clearTimeout(timer);
      sendBody(res, status, body, type);
      return true;
    };
    const timer = setTimeout(() => {
      if (finish(404)) {
        this.logger.error(
          `slack request not acknowledged within ${this.ackTimeoutMs / 1000} seconds`,
        );
      }
    }, this.ackTimeoutMs);
    timer.unref();
    return {
      finish,
      // biome-ignore lint/suspicious/noExplicitAny: Bolt's AckFn<any>: a message, options or nothing.
      fn: async (response?: any) => {
        const answered = !response
          ? finish(200)
          : typeof response === "string"
            ? finish(200, response, "text/plain; charset=utf-8")
            : finish(200, JSON.stringify(response));
        if (!answered) throw new ReceiverMultipleAckError();
      },
    };
  }

  /** The signature and a timestamp within 5 minutes of ours, or a 401. */
  private signatureHeaders(req: IncomingMessage): SignatureHeaders {
    const signature = req.headers["x-slack-signature"];
    const timestamp = req.headers["x-slack-request-timestamp"];
    if (typeof signature !== "string" || typeof timestamp !== "string") {
      throw new Refusal(401, "missing signature headers");
    }
    if (!/^\d{1,12}$/.test(timestamp)) throw new Refusal(401, "invalid timestamp");
    // Both ways: a replayed request is old, a forged clock is new.
    if (Math.abs(this.now() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) {
      throw new Refusal(401, "timestamp more than 5 minutes away from the server clock");
    }
    // Exactly one v0 signature: 32 bytes in hex, nothing before or after.
    if (!/^v0=[0-9a-fA-F]{64}$/.test(signature)) throw new Refusal(401, "malformed signature");
    return { signature: signature.slice(3), timestamp };
  }

  /** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
  private verify({ signature, timestamp }: SignatureHeaders, raw: string): void {
    const given = Buffer.from(signature, "hex");
    const expected = createHmac("sha256", this.secret)
      .update(`v0:${timestamp}:`)
      .update(raw)
      .digest();
    if (!timingSafeEqual(given, expected)) throw new Refusal(401, "signature mismatch");
  }
}

interface SignatureHeaders {
  /** The signature's hex digits, without `v0=`. */
  signature: string;
  timestamp: string;
}

/** The whole body as text, refusing more than `limit` bytes without reading them all. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return Promise.reject(new Refusal(413, "body too large"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        // Stop reading: the rest of the body is never buffered.
        req.pause();
        reject(new Refusal(413, "body too large"));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(
        chunks.length === 1
          ? (chunks[0] as Buffer).toString("utf8")
          : Buffer.concat(chunks).toString("utf8"),
      );
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAborted = () => {
      cleanup();
      reject(new Refusal(400, "request aborted"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}

/**
 * Events come as JSON; slash commands as a form; interactivity as a form
 * whose `payload` field holds JSON. Anything else is a client error.
 */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  const type = (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase();
  const form = type === "application/x-www-form-urlencoded";
  if (!form && type !== "application/json") throw new Refusal(415, "unsupported content type");
  try {
    const fields = form ? parseQuery(raw) : null;
    const parsed: unknown = !fields
      ? JSON.parse(raw)
      : typeof fields.payload === "string"
        ? JSON.parse(fields.payload)
        : fields;
    if (isObject(parsed)) return parsed;
  } catch {
    // A malformed body, as below.
  }
  throw new Refusal(400, "malformed body");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `X-Slack-Retry-Num` and `X-Slack-Retry-Reason`, as Bolt's context expects them. */
function retryHeaders(req: IncomingMessage): Pick<ReceiverEvent, "retryNum" | "retryReason"> {
  const num = req.headers["x-slack-retry-num"];
  const reason = req.headers["x-slack-retry-reason"];
  const out: Pick<ReceiverEvent, "retryNum" | "retryReason"> = {};
  if (typeof num === "string" && /^\d+$/.test(num)) out.retryNum = Number(num);
  if (typeof reason === "string") out.retryReason = reason;
  return out;
}
