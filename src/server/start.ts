/**
 * `aifirst serve`: loads content, builds the bot, sets up every surface the
 * configuration allows, listens, says what is exposed, keeps the content live,
 * and shuts down cleanly on SIGTERM/SIGINT.
 */

import { apiSurface } from "../adapters/api/api-surface.ts";
import { insightsSurface } from "../adapters/insights/surface.ts";
import { slackSurface } from "../adapters/slack/surface.ts";
import { teamsSurface } from "../adapters/teams/teams-surface.ts";
import { feedbackSurface } from "../adapters/web/feedback-route.ts";
import { playgroundSurface } from "../adapters/web/playground.ts";
import type { Bot } from "../answer/bot.ts";
import { createAssistant } from "../assistant.ts";
import type { Config } from "../config.ts";
import { ContentError, describeContent } from "../content/types.ts";
import { loadBotVersion } from "../load-bot.ts";
import type { Logger } from "../log.ts";
import { createMetrics, type Metrics } from "../metrics.ts";
import { type LiveContent, liveContent } from "./content-reload.ts";
import { describeExposure } from "./exposure.ts";
import { createHttpServer, DEFAULTS, type HttpServer } from "./http.ts";
import { liveBot } from "./live-bot.ts";
import { measuredAssistant } from "./measured-assistant.ts";
import { isOff, type Surface, type SurfaceContext, type SurfaceSetup } from "./surface.ts";

/** Every surface the product has; each decides from the config whether it is on. */
const SURFACES: Array<{ name: string; setup: (ctx: SurfaceContext) => SurfaceSetup }> = [
  {
    name: "Playground",
    setup: (ctx) =>
      ctx.config.access.playground ? playgroundSurface(ctx) : { off: "PLAYGROUND=off" },
  },
  { name: "JSON API", setup: (ctx) => apiSurface(ctx) },
  { name: "Feedback", setup: (ctx) => feedbackSurface(ctx) },
  { name: "Slack", setup: (ctx) => slackSurface(ctx) },
  { name: "Teams", setup: (ctx) => teamsSurface(ctx) },
  { name: "Insights", setup: (ctx) => insightsSurface(ctx) },
];

export interface Running {
  http: HttpServer;
  port: number;
  /** Answers from the content live now. */
  bot: Bot;
  surfaces: Surface[];
  content: LiveContent;
  metrics: Metrics;
}

export interface StartOptions {
  /**
   * Stop cleanly on SIGTERM/SIGINT and reload content on SIGHUP (default
   * true). Installed before the banner, so a signal sent as soon as the URL
   * shows is never fatal.
   */
  handleSignals?: boolean;
  /** Where the start-up banner goes; default stdout. */
  print?: (text: string) => void;
}

export async function startServer(
  config: Readonly<Config>,
  logger: Logger,
  options: StartOptions = {},
): Promise<Running> {
  const first = await loadBotVersion(config);
  if (!first.ok) throw new ContentError(first.problems);
  const metrics = createMetrics();
  const assistant = measuredAssistant(createAssistant(first.bot), metrics);
  const bot = liveBot(() => assistant.bot);
  const content = liveContent({
    config,
    logger,
    initial: first,
    swap: (next) => assistant.replaceBot(next),
    metrics,
  });
  const ctx: SurfaceContext = { config, assistant, bot, logger, metrics };
  const surfaces: Surface[] = [];
  const on = new Set<string>();
  const lines: string[] = [];
  for (const { name, setup } of SURFACES) {
    const result = setup(ctx);
    if (isOff(result)) {
      lines.push(`  - ${name}: off (${result.off})`);
      logger.info("surface off", { surface: name, reason: result.off });
    } else {
      surfaces.push(result);
      on.add(name);
      lines.push(`  - ${name}: on, ${result.description}`);
      logger.info("surface on", { surface: name, description: result.description });
    }
  }
  const http = createHttpServer({
    bot,
    logger,
    surfaces,
    health: () => ({ content: content.status() }),
    apiToken: config.access.apiToken,
    metrics,
    metricsToken: config.access.metricsToken,
  });
  http.server.on("close", () => content.close());
  let port: number;
  try {
    port = await http.listen(config.port, config.host);
  } catch (error) {
    // Surfaces may hold clients already (a Slack Web API client retries for minutes): let them go.
    await Promise.all(surfaces.map((s) => s.stop?.(0).catch(() => undefined)));
    throw error;
  }
  for (const surface of surfaces) {
    // A surface that cannot reach its platform yet must not take the others down.
    surface
      .start?.()
      .catch((error: unknown) =>
        logger.error("surface failed to start", { surface: surface.description, error }),
      );
  }
  if (config.content.watch) content.watch();
  const running: Running = { http, port, bot, surfaces, content, metrics };
  if (options.handleSignals ?? true) handleSignals(running, logger);
  const counts = bot.counts();
  const base = `http://${displayHost(config.host)}:${port}`;
  const exposure = describeExposure(config, port, on);
  logger.info("listening", {
    port,
    host: config.host ?? null,
    content: config.contentDir,
    version: content.status().version,
    ...counts,
  });
  if (exposure.warning)
    logger.warn("public bind without access control", { detail: exposure.warning });
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  print(
    [
      `aifirst is running: ${describeContent(counts)} from ${config.contentDir}/`,
      "",
      ...(on.has("Playground") ? [`  Open ${base}/ to try the bot in your browser.`] : []),
      `  JSON API: ${base}/api/ask?q=help   Health: ${base}/healthz   Metrics: ${base}/metrics`,
      "",
      "Surfaces:",
      ...lines,
      "",
      exposure.summary,
      ...(exposure.warning ? [`Warning: ${exposure.warning}`] : []),
      "",
      `Content: ${config.content.watch ? "edits apply without a restart" : "CONTENT_WATCH=false: reload with SIGHUP"}.`,
      "Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
  return running;
}

/** Where a browser reaches a server bound to `host`: wildcard binds are reached at localhost. */
function displayHost(host: string | undefined): string {
  if (!host || host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * SIGTERM/SIGINT: no new connections, requests in flight finish, surfaces
 * stop, exit 0; a second signal during shutdown exits at once. SIGHUP: reload
 * the content.
 */
function handleSignals(running: Running, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn("second signal: exiting without waiting", { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info("shutting down", { signal });
    // The server cuts lingering connections after its grace period, and surfaces get as
    // long again for work left behind; this only guards a stuck surface.
    const guard = setTimeout(
      () => {
        logger.error("shutdown did not finish in time; exiting");
        process.exit(1);
      },
      2 * DEFAULTS.shutdownGraceMs + 5_000,
    );
    guard.unref();
    running.http.close().then(
      () => {
        logger.info("stopped", { signal });
        process.exit(0);
      },
      (error: unknown) => {
        logger.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGHUP", () => {
    if (!stopping) running.content.reload("SIGHUP").catch(() => undefined);
  });
}
