/**
 * `aifirst serve`: opens the store, loads content (with what was learned),
 * builds the bot, sets up every surface the configuration allows, listens,
 * says what is exposed, keeps the content live, and shuts down cleanly on
 * SIGTERM/SIGINT: the HTTP server and surfaces first, then the store, so
 * every answer given is written.
 */

import { readdir } from "node:fs/promises";
import { apiSurface } from "../adapters/api/api-surface.ts";
import { insightsSurface } from "../adapters/insights/surface.ts";
import { slackSurface } from "../adapters/slack/surface.ts";
import { teamsSurface } from "../adapters/teams/teams-surface.ts";
import { feedbackSurface } from "../adapters/web/feedback-route.ts";
import { playgroundSurface } from "../adapters/web/playground.ts";
import type { Bot } from "../answer/bot.ts";
import { type Assistant, createAssistant, memoryRecorder } from "../assistant.ts";
import type { Config } from "../config.ts";
import { unreadableFolder } from "../content/load.ts";
import { ContentError, describeContent } from "../content/types.ts";
import type { ConfirmedAlternate } from "../learning/fit-alternates.ts";
import { learningLoop } from "../learning/learning-loop.ts";
import { loadBotVersion } from "../load-bot.ts";
import type { Logger } from "../log.ts";
import { createMetrics, type Metrics } from "../metrics.ts";
import type { Store } from "../store/types.ts";
import { describeStore, storeIsOff } from "../store-place.ts";
import { storeRecorder } from "../store-recorder.ts";
import { type LiveContent, liveContent } from "./content-reload.ts";
import { describeExposure } from "./exposure.ts";
import { warnIfHeapTight } from "./heap-headroom.ts";
import { createHttpServer, DEFAULTS, type HttpServer } from "./http.ts";
import { liveBot } from "./live-bot.ts";
import { measuredAssistant } from "./measured-assistant.ts";
import { openConfiguredStore, storeHealth } from "./store-lifecycle.ts";
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
  {
    name: "Slack",
    // The store's retry record is shared by every instance on its database: a retried event
    // is answered once, whichever instance it reaches.
    setup: (ctx) => {
      const store = ctx.store;
      return slackSurface(
        ctx,
        store ? { claims: { claim: (id) => store.claimEvent(`slack:${id}`) } } : {},
      );
    },
  },
  { name: "Teams", setup: (ctx) => teamsSurface(ctx) },
  { name: "Insights", setup: (ctx) => insightsSurface(ctx) },
];

export interface Running {
  http: HttpServer;
  port: number;
  /** Answers from the content live now. */
  bot: Bot;
  /** What surfaces ask through: answers, recorded, and feedback on them. */
  assistant: Assistant;
  surfaces: Surface[];
  content: LiveContent;
  metrics: Metrics;
  /** The store answers are recorded in; undefined with DATA_DIR=off. */
  store: Store | undefined;
  /** Stops the HTTP server and surfaces, then writes what is queued and closes the store. */
  close(): Promise<void>;
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
  // A folder that is not there stops start-up before a store is made beside it.
  await readdir(config.contentDir).catch((error: unknown) => {
    throw new ContentError([unreadableFolder(config.contentDir, error)]);
  });
  const metrics = createMetrics();
  const store = await openConfiguredStore(config, logger, metrics);
  // Set once the content is live; a change noticed before that is caught up below.
  let live: LiveContent | undefined;
  const learning = learningLoop({
    store: store?.raw,
    mode: config.store.learn,
    logger,
    onChange: (reason) => live?.relearn(reason).catch(() => undefined),
  });
  let first: Awaited<ReturnType<typeof loadBotVersion>>;
  let builtWith: readonly ConfirmedAlternate[] = [];
  try {
    await learning.start();
    builtWith = learning.current();
    first = await loadBotVersion(config, { learned: builtWith, logger });
    if (!first.ok) throw new ContentError(first.problems);
    for (const note of first.notes) logger.warn(note);
  } catch (error) {
    learning.stop();
    await store?.close();
    throw error;
  }
  const recorder = store
    ? storeRecorder({
        store: store.raw,
        // Called only for feedback, once the assistant exists.
        bot: () => assistant.bot,
        recordQuestions: config.store.recordQuestions,
        logger,
        counters: metrics,
      })
    : memoryRecorder();
  const assistant = measuredAssistant(createAssistant(first.bot, recorder), metrics);
  const bot = liveBot(() => assistant.bot);
  live = liveContent({
    config,
    logger,
    initial: first,
    learned: () => learning.current(),
    swap: (next) => assistant.replaceBot(next),
    metrics,
  });
  const content = live;
  // Only a real change rebuilds: building twice would double the start's time and peak memory.
  if (!sameAlternates(learning.current(), builtWith)) {
    content.relearn("alternates changed during start").catch(() => undefined);
  }
  const ctx: SurfaceContext = {
    config,
    assistant,
    bot,
    logger,
    metrics,
    ...(store ? { store: store.view } : {}),
  };
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
    health: () => ({ content: content.status(), store: storeHealth(store) }),
    apiToken: config.access.apiToken,
    metrics,
    metricsToken: config.access.metricsToken,
    trustProxy: config.access.trustProxy,
  });
  http.server.on("close", () => content.close());
  let port: number;
  try {
    port = await http.listen(config.port, config.host);
  } catch (error) {
    // Surfaces may hold clients already (a Slack Web API client retries for minutes): let them go.
    await Promise.all(surfaces.map((s) => s.stop?.(0).catch(() => undefined)));
    learning.stop();
    await store?.close();
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
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await http.close();
      learning.stop();
      await store?.close();
    })();
    return closing;
  };
  const running: Running = {
    http,
    port,
    bot,
    assistant,
    surfaces,
    content,
    metrics,
    store: store?.raw,
    close,
  };
  if (options.handleSignals ?? true) handleSignals(running, logger);
  const counts = bot.counts();
  const base = `http://${displayHost(config.host)}:${port}`;
  const exposure = describeExposure(config, port, on);
  logger.info("listening", {
    port,
    host: config.host ?? null,
    content: config.contentDir,
    version: content.status().version,
    store: describeStore(config.store),
    learn: config.store.learn,
    ...counts,
  });
  if (exposure.warning)
    logger.warn("public bind without access control", { detail: exposure.warning });
  warnIfHeapTight(logger, "with the content built and every surface loaded");
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
      `Store: ${describeStore(config.store)}${store?.raw.health() === "degraded" ? " (unreachable now: answering anyway, retrying)" : ""}.`,
      `Learning: ${describeLearning(config.store)}.`,
      "Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
  return running;
}

function sameAlternates(
  a: readonly ConfirmedAlternate[],
  b: readonly ConfirmedAlternate[],
): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every(
        (x, i) =>
          x.playbook === b[i]?.playbook && x.faq === b[i]?.faq && x.question === b[i]?.question,
      ))
  );
}

function describeLearning(store: Config["store"]): string {
  if (storeIsOff(store)) return "off, with nothing recorded to learn from";
  if (store.learn === "off") return "LEARN=off, feedback is recorded but nothing is learned";
  const confirmed = `confirmed by ${store.learnMinUsers} user${store.learnMinUsers === 1 ? "" : "s"}`;
  return store.learn === "auto"
    ? `LEARN=auto, alternate phrasings ${confirmed} answer at once`
    : `LEARN=suggest, alternate phrasings ${confirmed} are listed by \`aifirst insights alternates\``;
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
    running.close().then(
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
