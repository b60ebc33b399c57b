/**
 * The Slack surface: decides from the configuration whether Slack is on and
 * in which mode, builds the Bolt app, and plugs it into the shared server.
 *
 * - HTTP mode (bot token + signing secret): Bolt's ExpressReceiver on the
 *   product's own Express app, at `POST /slack/events`, behind an intake that
 *   bounds what unsigned requests can cost (receiver.ts, intake.ts).
 * - Socket Mode (app token as well): Bolt's Socket Mode receiver, which dials
 *   out to Slack; the HTTP server keeps serving everything else.
 *
 * Slack being unreachable never stops the server: identity (`auth.test`) and
 * the Socket Mode connection are retried in the background with backoff.
 */
import { App, SocketModeReceiver, webApi } from "@slack/bolt";
import type { Express } from "express";
import type { Config } from "../../config.ts";
import { noCounters } from "../../metrics.ts";
import type { Surface, SurfaceContext, SurfaceOff } from "../../server/surface.ts";
import { boltLogger, boltLogLevel } from "./bolt-logger.ts";
import { type EventClaims, memoryClaims } from "./dedupe.ts";
import { type BotIdentity, createIdentity } from "./identity.ts";
import { registerListeners } from "./listeners.ts";
import { createPendingReplies } from "./pending-replies.ts";
import { mountHttpReceiver, SLACK_EVENTS_PATH } from "./receiver.ts";
import { type Backoff, DEFAULT_BACKOFF } from "./retry.ts";
import { socketConnection } from "./socket-connection.ts";

export { SLACK_EVENTS_PATH } from "./receiver.ts";

export interface SlackSurfaceOptions {
  /** Web API retries per call (chat.postMessage, auth.test...). Tests use 0. */
  retries?: number;
  /** Web API request timeout. */
  timeoutMs?: number;
  /** Pauses between attempts to reach Slack in the background. */
  backoff?: Backoff;
  /** Bot id and bot user id known ahead: no auth.test at all (benchmarks). */
  identity?: Required<BotIdentity>;
  /**
   * The retry record: `claim(eventId)` is true the first time. Default: in memory, for one
   * process; several instances share one through the store.
   */
  claims?: EventClaims;
}

export interface SlackSurface extends Surface {
  readonly mode: "http" | "socket";
  /** What is known of the bot so far; filled in once auth.test answers. */
  readonly identity: BotIdentity;
  /** Resolves true once Slack answered auth.test (and, in Socket Mode, the socket is open). */
  ready(): Promise<boolean>;
}

export function slackSurface(
  ctx: SurfaceContext,
  options: SlackSurfaceOptions = {},
): SlackSurface | SurfaceOff {
  const { config, assistant, bot, logger } = ctx;
  const counters = ctx.metrics ?? noCounters;
  const { botToken, signingSecret, appToken, command } = config.slack;
  const off = missingCredentials(config.slack);
  if (off) return { off };
  // missingCredentials guarantees a bot token from here on.
  const token = botToken as string;
  const socket = appToken !== undefined;

  const level = boltLogLevel(config.log.level);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: apiUrl(config.slack.apiUrl),
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 500 },
    timeout: options.timeoutMs ?? 10_000,
  };
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const identity = createIdentity({
    botToken: token,
    // One attempt per call: the identity loop does its own, slower, retrying.
    client: new webApi.WebClient(token, {
      ...clientOptions,
      retryConfig: { retries: 0 },
      logger: boltLogger(logger, level),
    }),
    logger,
    backoff,
    ...(options.identity ? { known: options.identity } : {}),
  });
  const pending = createPendingReplies();
  const claims = options.claims ?? memoryClaims();
  const deps = { assistant, bot, logger, command, identity, claims, pending, counters };
  // Answers already acknowledged are posted before the process goes.
  const finishReplies = async (graceMs: number) => {
    const left = await pending.settle(graceMs);
    if (left > 0) logger.warn("slack replies not sent before shutdown", { pending: left });
  };
  const baseAppOptions = {
    authorize: identity.authorize,
    clientOptions,
    logger: boltLogger(logger, level),
    logLevel: level,
    // Bolt's conversation store is for apps that keep state per conversation; this one keeps none.
    convoStore: false as const,
  };
  const where = config.slack.apiUrl ? ` (Web API ${clientOptions.slackApiUrl})` : "";
  // Set by start(): resolves true once Slack has answered.
  let started: Promise<boolean> | undefined;
  const ready = () => started ?? Promise.resolve(false);

  if (socket) {
    const receiver = new SocketModeReceiver({
      appToken,
      logger: boltLogger(logger, level),
      logLevel: level,
      // Reconnection is ours: the client's own loop leaves a rejected promise unhandled when Slack is down.
      autoReconnectEnabled: false,
      installerOptions: { clientOptions: { ...clientOptions } },
    });
    const app = new App({ ...baseAppOptions, receiver });
    registerListeners(app, deps);
    const connection = socketConnection({ app, client: receiver.client, logger, backoff });
    return {
      mode: "socket",
      description: `Socket Mode, command ${command}${where}`,
      identity: identity.current,
      start() {
        started ??= Promise.all([identity.start(), connection.start()]).then(([a, b]) => a && b);
        return started.then(() => undefined);
      },
      async stop(graceMs) {
        identity.stop();
        await connection.stop();
        await finishReplies(graceMs);
      },
      ready,
    };
  }

  return {
    mode: "http",
    description: `HTTP at POST ${SLACK_EVENTS_PATH}, command ${command}${where}`,
    identity: identity.current,
    mount(server: Express) {
      const receiver = mountHttpReceiver({
        signingSecret: signingSecret as string,
        logger,
        boltLogger: boltLogger(logger, level),
        server,
      });
      registerListeners(new App({ ...baseAppOptions, receiver }), deps);
    },
    start() {
      // Requests are served from the moment the route is mounted; this only learns who we are.
      started ??= identity.start();
      return Promise.resolve();
    },
    async stop(graceMs) {
      identity.stop();
      await finishReplies(graceMs);
    },
    ready,
  };
}

/** Why Slack stays off, naming what is missing; undefined when the credentials are complete. */
function missingCredentials(slack: Config["slack"]): string | undefined {
  const { botToken, signingSecret, appToken } = slack;
  if (!botToken && !signingSecret && !appToken) {
    return "set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP), plus SLACK_APP_TOKEN for Socket Mode";
  }
  if (!botToken) return "SLACK_BOT_TOKEN is missing (the xoxb- bot token)";
  if (botToken.startsWith("xapp-")) {
    return "SLACK_BOT_TOKEN holds an app-level token (xapp-); it needs the bot token (xoxb-)";
  }
  if (appToken?.startsWith("xox")) {
    return "SLACK_APP_TOKEN holds a bot or user token; it needs an app-level token (xapp-) with connections:write";
  }
  if (!appToken && !signingSecret) {
    return "SLACK_SIGNING_SECRET is missing (needed for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode)";
  }
  return undefined;
}

/** SLACK_API_URL as the Web API client wants it: ending in `/`, `/api/` added to a bare host. */
function apiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = "/api/";
  if (!parsed.pathname.endsWith("/")) parsed.pathname += "/";
  return parsed.toString();
}
