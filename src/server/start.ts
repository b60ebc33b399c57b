/**
 * `aifirst serve`: loads content, builds the bot, sets up every surface the
 * configuration allows, listens, and shuts down cleanly on SIGTERM/SIGINT.
 */

import { slackSurface } from "../adapters/slack/surface.ts";
import type { Bot } from "../answer/bot.ts";
import { createBot } from "../answer/bot.ts";
import type { Config } from "../config.ts";
import { loadContentStrict } from "../content/load.ts";
import type { Logger } from "../log.ts";
import { createHttpServer, type HttpServer } from "./http.ts";
import { isOff, type Surface, type SurfaceSetup } from "./surface.ts";

export interface SurfaceContext {
  config: Readonly<Config>;
  bot: Bot;
  logger: Logger;
}

/** Every surface the product has; each decides from the config whether it is on. */
const SURFACES: Array<{ name: string; setup: (ctx: SurfaceContext) => SurfaceSetup }> = [
  { name: "Slack", setup: (ctx) => slackSurface(ctx) },
];

export interface Running {
  http: HttpServer;
  port: number;
  bot: Bot;
  surfaces: Surface[];
}

export async function startServer(config: Readonly<Config>, logger: Logger): Promise<Running> {
  const playbooks = await loadContentStrict(config.contentDir);
  const bot = createBot(playbooks, { defaultPlaybook: config.defaultPlaybook });
  const ctx: SurfaceContext = { config, bot, logger };
  const surfaces: Surface[] = [];
  const lines: string[] = [];
  for (const { name, setup } of SURFACES) {
    const result = setup(ctx);
    if (isOff(result)) lines.push(`  - ${name}: off (${result.off})`);
    else {
      surfaces.push(result);
      lines.push(`  - ${name}: on, ${result.description}`);
    }
  }
  const http = createHttpServer({ bot, logger, surfaces });
  const port = await http.listen(config.port, config.host);
  for (const surface of surfaces) {
    // A surface that cannot reach its platform yet must not take the others down.
    surface
      .start?.()
      .catch((error: unknown) =>
        logger.error("surface failed to start", { surface: surface.description, error }),
      );
  }
  const { playbooks: p, faqs, steps } = bot.counts();
  const host = config.host && config.host !== "0.0.0.0" ? config.host : "localhost";
  logger.info("listening", { port, content: config.contentDir, playbooks: p, faqs, steps });
  process.stdout.write(
    [
      `aifirst is running: ${p} playbook${p === 1 ? "" : "s"}, ${faqs} FAQs, ${steps} steps from ${config.contentDir}/`,
      `  Playground: http://${host}:${port}/   API: http://${host}:${port}/api/ask?q=help   Health: /healthz`,
      ...lines,
      "",
    ].join("\n"),
  );
  return { http, port, bot, surfaces };
}

/** Stops on SIGTERM/SIGINT: no new connections, requests in flight finish, exit 0. */
export function stopOnSignals(running: Running, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info("shutting down", { signal });
    running.http.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
