/**
 * `aifirst serve`: loads content, builds the bot, sets up every surface the
 * configuration allows, listens, and shuts down cleanly on SIGTERM/SIGINT.
 */

import { slackSurface } from "../adapters/slack/surface.ts";
import { teamsSurface } from "../adapters/teams/teams-surface.ts";
import { feedbackSurface } from "../adapters/web/feedback-route.ts";
import { playgroundSurface } from "../adapters/web/playground.ts";
import type { Bot } from "../answer/bot.ts";
import { createAssistant } from "../assistant.ts";
import type { Config } from "../config.ts";
import { describeContent } from "../content/types.ts";
import { loadBot } from "../load-bot.ts";
import type { Logger } from "../log.ts";
import { createHttpServer, DEFAULTS, type HttpServer } from "./http.ts";
import { isOff, type Surface, type SurfaceContext, type SurfaceSetup } from "./surface.ts";

/** Every surface the product has; each decides from the config whether it is on. */
const SURFACES: Array<{ name: string; setup: (ctx: SurfaceContext) => SurfaceSetup }> = [
  { name: "Playground", setup: (ctx) => playgroundSurface(ctx) },
  { name: "Feedback", setup: (ctx) => feedbackSurface(ctx) },
  { name: "Slack", setup: (ctx) => slackSurface(ctx) },
  { name: "Teams", setup: (ctx) => teamsSurface(ctx) },
];

export interface Running {
  http: HttpServer;
  port: number;
  bot: Bot;
  surfaces: Surface[];
}

export interface StartOptions {
  /**
   * Stop cleanly on SIGTERM/SIGINT (default true). Installed before the
   * banner, so a signal sent as soon as the URL shows is never fatal.
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
  const bot = await loadBot(config);
  const assistant = createAssistant(bot);
  const ctx: SurfaceContext = { config, assistant, bot, logger };
  const surfaces: Surface[] = [];
  const lines: string[] = [];
  for (const { name, setup } of SURFACES) {
    const result = setup(ctx);
    if (isOff(result)) {
      lines.push(`  - ${name}: off (${result.off})`);
      logger.info("surface off", { surface: name, reason: result.off });
    } else {
      surfaces.push(result);
      lines.push(`  - ${name}: on, ${result.description}`);
      logger.info("surface on", { surface: name, description: result.description });
    }
  }
  const http = createHttpServer({ bot, logger, surfaces });
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
  const running: Running = { http, port, bot, surfaces };
  if (options.handleSignals ?? true) stopOnSignals(running, logger);
  const counts = bot.counts();
  const base = `http://${displayHost(config.host)}:${port}`;
  logger.info("listening", { port, content: config.contentDir, ...counts });
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  print(
    [
      `aifirst is running: ${describeContent(counts)} from ${config.contentDir}/`,
      "",
      `  Open ${base}/ to try the bot in your browser.`,
      `  JSON API: ${base}/api/ask?q=help   Health: ${base}/healthz`,
      "",
      "Surfaces:",
      ...lines,
      "",
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

/** Servers whose signals are already handled: startServer does it, and callers may too. */
const handled = new WeakSet<Running>();

/**
 * Stops on SIGTERM/SIGINT: no new connections, requests in flight finish,
 * surfaces stop, exit 0. A second signal during shutdown exits at once.
 */
export function stopOnSignals(running: Running, logger: Logger): void {
  if (handled.has(running)) return;
  handled.add(running);
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
}
