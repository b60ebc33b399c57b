/**
 * The real server with the Slack surface on loopback, pointed at a fake
 * Slack, plus signed requests the way Slack makes them. Tests read as
 * "Slack sends this; the user sees that".
 */

import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import type { EventClaims } from "../../../../src/adapters/slack/dedupe.ts";
import { type SlackSurface, slackSurface } from "../../../../src/adapters/slack/surface.ts";
import type { Bot } from "../../../../src/answer/bot.ts";
import {
  type Asker,
  createAssistant,
  type FeedbackInput,
  type Recorder,
} from "../../../../src/assistant.ts";
import { parseConfig } from "../../../../src/config.ts";
import { createLogger } from "../../../../src/log.ts";
import type { Counters } from "../../../../src/metrics.ts";
import { createHttpServer, type HttpServer } from "../../../../src/server/http.ts";
import { isOff } from "../../../../src/server/surface.ts";
import { botFor } from "../../../support/converse.ts";
import { type FakeSlack, startFakeSlack } from "./fake-slack.ts";

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-1234-test-token";
export const APP_TOKEN = "xapp-1-A0001-test-token";

export interface Harness {
  base: string;
  fake: FakeSlack;
  surface: SlackSurface;
  http: HttpServer;
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    env?: Record<string, string>;
    socket?: boolean;
    contentDir?: string;
    /** Replaces the content's bot, e.g. with one that fails. */
    bot?: Bot;
    /** Where the assistant records questions and feedback (default: in memory). */
    recorder?: Recorder;
    /** The retry record (default: the surface's own, in memory). */
    claims?: EventClaims;
    /** Runs before the surface starts, e.g. to take the fake Slack down. */
    beforeStart?: (fake: FakeSlack) => void;
    /** The server's shutdown grace period (short by default, so tests end quickly). */
    shutdownGraceMs?: number;
    /** How long a request may take, its body's arrival included (the server's default if unset). */
    requestTimeoutMs?: number;
    /** Where the surface counts failed Web API calls (default: nowhere). */
    metrics?: Counters;
  } = {},
): Promise<Harness> {
  const fake = await startFakeSlack();
  options.beforeStart?.(fake);
  const rawLogs: string[] = [];
  const logger = createLogger({ level: "debug", format: "json", write: (l) => rawLogs.push(l) });
  const config = parseConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...(options.socket ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const bot = options.bot ?? (await botFor(options.contentDir));
  const setup = slackSurface(
    {
      config,
      bot,
      assistant: createAssistant(bot, options.recorder),
      logger,
      ...(options.metrics ? { metrics: options.metrics } : {}),
    },
    {
      retries: 0,
      timeoutMs: 2_000,
      backoff: { initialMs: 50, maxMs: 200 },
      ...(options.claims ? { claims: options.claims } : {}),
    },
  );
  if (isOff(setup)) throw new Error(`slack surface is off: ${setup.off}`);
  const http = createHttpServer({
    bot,
    logger,
    surfaces: [setup],
    shutdownGraceMs: options.shutdownGraceMs ?? 100,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
  const port = await http.listen(0, "127.0.0.1");
  void setup.start?.();
  return {
    base: `http://127.0.0.1:${port}`,
    fake,
    surface: setup,
    http,
    rawLogs,
    get logs() {
      return rawLogs.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    async close() {
      await http.close();
      await fake.close();
    },
  };
}

/** Slack's v0 request signature over `v0:{timestamp}:{raw body}`. */
export function signature(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  /** Replace the signature header (or drop it with null). */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** POSTs a raw body to /slack/events signed as Slack would. */
export async function sendToSlackEndpoint(
  base: string,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const sig =
    options.signature === undefined
      ? signature(body, timestamp, options.secret)
      : options.signature;
  return fetch(`${base}/slack/events`, {
    method: "POST",
    // An explicit header and a string body, as Slack sends them (fetch would add a charset).
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      ...(sig === null ? {} : { "x-slack-signature": sig }),
      ...options.headers,
    },
    body,
  });
}

/**
 * A recorder that keeps everything it is given, so a test can see what a
 * click recorded; feedback on an id it never recorded is "unknown".
 */
export function recordingRecorder(): Recorder & {
  replies: Array<{ id: string; user: string | null }>;
  feedback: Recorder["feedback"] & { calls: Array<{ input: FeedbackInput; user: string | null }> };
} {
  const replies: Array<{ id: string; user: string | null }> = [];
  const calls: Array<{ input: FeedbackInput; user: string | null }> = [];
  const feedback = Object.assign(
    async (input: FeedbackInput, asker: Asker) => {
      calls.push({ input, user: asker.user });
      return replies.some((r) => r.id === input.id) ? ("recorded" as const) : ("unknown" as const);
    },
    { calls },
  );
  return {
    replies,
    record: (reply, asker) => {
      replies.push({ id: reply.id, user: asker.user });
    },
    feedback,
  };
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../../../fixtures/slack/${name}`, import.meta.url), "utf8"),
  );
}

/** The message a button was clicked under, as Slack sends it back with the click. */
export interface ClickedMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text?: unknown;
  blocks?: unknown;
}

/** A click on one of our buttons under a visible (not ephemeral) message of the bot's. */
export function clickUnderVisible(
  message: ClickedMessage,
  button: { action_id: string; value: string; block_id?: string },
  options: { user?: string; responseUrl?: string } = {},
): Record<string, unknown> {
  const payload = fixture("block-actions.json");
  if (options.user) {
    payload.user = { id: options.user, username: options.user.toLowerCase(), team_id: "T0001" };
  }
  payload.container = {
    type: "message",
    message_ts: message.ts,
    channel_id: message.channel,
    is_ephemeral: false,
  };
  payload.channel = { id: message.channel, name: "general" };
  payload.message = {
    type: "message",
    ts: message.ts,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    bot_id: "BBOT",
    text: message.text,
    blocks: message.blocks,
  };
  if (options.responseUrl) payload.response_url = options.responseUrl;
  payload.actions = [{ type: "button", block_id: "b1", ...button }];
  return payload;
}

/** A slash command as Slack posts it: a form, with the fields of the recorded fixture. */
export function commandBody(
  text: string,
  fake: FakeSlack,
  extra: Record<string, string> = {},
): string {
  const fields: Record<string, string> = {
    ...(fixture("slash-command.json") as Record<string, string>),
    text,
    response_url: fake.responseUrl("cmd"),
    ...extra,
  };
  return new URLSearchParams(fields).toString();
}

export async function sendCommand(
  h: Harness,
  text: string,
  extra: Record<string, string> = {},
  options: SendOptions = {},
): Promise<Response> {
  return sendToSlackEndpoint(
    h.base,
    commandBody(text, h.fake, extra),
    "application/x-www-form-urlencoded",
    options,
  );
}

export async function sendEvent(
  h: Harness,
  body: Record<string, unknown>,
  options: SendOptions = {},
): Promise<Response> {
  return sendToSlackEndpoint(h.base, JSON.stringify(body), "application/json", options);
}

export async function sendAction(
  h: Harness,
  payload: Record<string, unknown>,
  options: SendOptions = {},
): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return sendToSlackEndpoint(h.base, body, "application/x-www-form-urlencoded", options);
}

/** An Events API callback wrapping `event`, from the recorded fixture. */
export function eventCallback(
  event: Record<string, unknown>,
  eventId: string,
): Record<string, unknown> {
  return { ...fixture("event-callback.json"), event, event_id: eventId };
}

/** Every text a user could read in a message: section and context text, button labels, fallback. */
export function visibleText(message: { text?: unknown; blocks?: unknown }): string {
  const parts: string[] = [];
  if (typeof message.text === "string") parts.push(message.text);
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (typeof o.text === "string") parts.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== "text" || typeof v !== "string") walk(v);
    }
  };
  walk(message.blocks);
  return parts.join("\n");
}

/** All buttons in a message's blocks. */
export function buttons(message: {
  blocks?: unknown;
}): Array<{ label: string; value: string; action_id: string }> {
  const out: Array<{ label: string; value: string; action_id: string }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "button") {
        out.push({
          label: (o.text as { text: string }).text,
          value: String(o.value),
          action_id: String(o.action_id),
        });
      } else Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return out;
}
