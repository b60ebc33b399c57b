/**
 * Test harness for the Teams surface: the real server with the real
 * botbuilder, a fake Bot Framework connector on loopback that records what
 * the bot sends, and recorded activities whose serviceUrl points at it.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import {
  type TeamsSurfaceOptions,
  teamsSurface,
} from "../../../src/adapters/teams/teams-surface.ts";
import {
  type Asker,
  createAssistant,
  type FeedbackInput,
  type FeedbackResult,
  memoryRecorder,
} from "../../../src/assistant.ts";
import { parseConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/log.ts";
import type { Counters } from "../../../src/metrics.ts";
import { createHttpServer } from "../../../src/server/http.ts";
import { isOff, type Surface } from "../../../src/server/surface.ts";
import { botFor } from "../../support/converse.ts";

/** Activities are JSON of arbitrary shape; tests read them field by field. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures and recorded bodies are untyped JSON
export type Json = any;

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Json;
}

export interface FakeConnector {
  /** The service URL to put in activities, with a path like Teams' own (`/amer/`). */
  serviceUrl: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/** A Bot Framework connector that accepts every activity and remembers it. */
export async function startConnector(): Promise<FakeConnector> {
  const requests: Recorded[] = [];
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: raw ? JSON.parse(raw) : null,
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `reply-${++next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/amer/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A reply id whose feedback fails as if the store were down. */
export const STORE_DOWN = "store-down";

export interface FeedbackCall {
  input: FeedbackInput;
  asker: Asker;
  result: FeedbackResult;
}

export interface TeamsServer {
  url: string;
  surface: Surface | null;
  off: string | null;
  logs: Json[];
  /** Every feedback call the surface made, with what the recorder answered. */
  feedback: FeedbackCall[];
  /** Every failed platform call the surface counted for `/metrics`, as "platform call". */
  platformErrors: string[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

/** The real HTTP server with the Teams surface configured from `env`. */
export async function startTeamsServer(
  env: Record<string, string>,
  options: TeamsSurfaceOptions = {},
): Promise<TeamsServer> {
  const logs: Json[] = [];
  const logger = createLogger({
    level: "debug",
    format: "json",
    write: (line) => logs.push(JSON.parse(line)),
  });
  const bot = await botFor();
  const feedback: FeedbackCall[] = [];
  const recorder = memoryRecorder();
  const assistant = createAssistant(bot, {
    record: (reply, asker) => recorder.record(reply, asker),
    async feedback(input, asker) {
      // A store that is down, for the reply id that says so.
      if (input.id === STORE_DOWN) throw new Error("store unavailable");
      const result = await recorder.feedback(input, asker);
      feedback.push({ input, asker, result });
      return result;
    },
  });
  const platformErrors: string[] = [];
  const metrics: Counters = {
    storeWriteFailed: () => undefined,
    storeEventsDropped: () => undefined,
    platformApiError: (platform, call) => {
      platformErrors.push(`${platform} ${call}`);
    },
  };
  const setup = teamsSurface(
    { config: parseConfig(env), assistant, bot, logger, metrics },
    options,
  );
  const surface = isOff(setup) ? null : setup;
  const http = createHttpServer({ bot, logger, surfaces: surface ? [surface] : [] });
  const port = await http.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    surface,
    off: isOff(setup) ? setup.off : null,
    logs,
    feedback,
    platformErrors,
    async post(body, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? safeJson(text) : null };
    },
    close: () => http.close(),
  };
}

/** The anonymous Teams server and its connector, started once for a `describe` block. */
export interface AnonymousTeams {
  readonly connector: FakeConnector;
  readonly server: TeamsServer;
  /** Posts an activity, expects 200 and exactly one message sent back, and returns it (then forgets it). */
  exchange(activity: Json): Promise<Recorded>;
}

/**
 * Starts a connector and a server in anonymous local mode (TEAMS_ANONYMOUS=true)
 * before the block's tests, closes them after, and clears what they recorded
 * before each test. Call it inside a `describe`.
 */
export function useAnonymousTeams(): AnonymousTeams {
  let connector: FakeConnector | undefined;
  let server: TeamsServer | undefined;
  beforeAll(async () => {
    connector = await startConnector();
    server = await startTeamsServer({ TEAMS_ANONYMOUS: "true" });
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });
  beforeEach(() => {
    if (connector) connector.requests.length = 0;
    if (server) {
      server.feedback.length = 0;
      server.platformErrors.length = 0;
    }
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the Teams harness has not started yet");
    return value;
  };
  return {
    get connector() {
      return started(connector);
    },
    get server() {
      return started(server);
    },
    async exchange(activity) {
      const { requests } = started(connector);
      const res = await started(server).post(activity);
      expect(res.status).toBe(200);
      expect(requests).toHaveLength(1);
      const sent = requests[0] as Recorded;
      requests.length = 0;
      return sent;
    },
  };
}

/** A recorded activity from test/fixtures/teams, sent to the given connector. */
export function fixture(name: string, serviceUrl: string): Json {
  const activity = JSON.parse(readFileSync(`test/fixtures/teams/${name}.json`, "utf8"));
  activity.serviceUrl = serviceUrl;
  return activity;
}

/** The Adaptive Card of a message the bot sent. */
export function cardOf(activity: Json): Json {
  const attachment = activity?.attachments?.[0];
  if (attachment?.contentType !== "application/vnd.microsoft.card.adaptive") {
    throw new Error(`not an Adaptive Card reply: ${JSON.stringify(activity).slice(0, 200)}`);
  }
  return attachment.content;
}

/** Every text a user can read on a card, in order (TextBlocks and button titles; a row's select action shows none). */
export function cardTexts(node: Json): string[] {
  const out: string[] = [];
  const walk = (n: Json) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      if (n.type === "TextBlock" && typeof n.text === "string") out.push(n.text);
      if (typeof n.type === "string" && n.type.startsWith("Action.") && n.title) out.push(n.title);
      for (const [key, value] of Object.entries(n)) {
        if (key !== "data" && key !== "fallbackText" && key !== "selectAction") walk(value);
      }
    }
  };
  walk(node);
  return out;
}

/** Every object in a card (or any JSON) for which `pick` holds, depth first, parents first. */
export function findNodes(node: Json, pick: (n: Json) => boolean): Json[] {
  const out: Json[] = [];
  const walk = (n: Json) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      if (pick(n)) out.push(n);
      Object.values(n).forEach(walk);
    }
  };
  walk(node);
  return out;
}

/** Every Action.Submit in a card (buttons and rows' select actions), with its data. */
export function cardSubmits(card: Json): Json[] {
  return findNodes(card, (n) => n.type === "Action.Submit");
}

/** The card buttons (and clickable rows): their labels and what they ask. */
export function cardButtons(node: Json): Array<{ title: string; ask: string }> {
  return cardSubmits(node).map((n) => ({ title: n.title, ask: n.data?.ask }));
}

function safeJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
