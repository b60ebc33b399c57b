/**
 * The store as the server holds it: opened at start from the configuration
 * (unless DATA_DIR=off), its failed writes and dropped events counted for `/metrics`, its health
 * for `/healthz`, closed last at shutdown so what is queued gets written.
 */
import type { Config } from "../config.ts";
import { storeForMode } from "../learning/learning-view.ts";
import type { Logger } from "../log.ts";
import type { Counters } from "../metrics.ts";
import type { Store } from "../store/types.ts";
import { resolvedDataDir, storeIsOff } from "../store-place.ts";

export interface ServerStore {
  /** The store itself: what answers are recorded in and learning reads. */
  raw: Store;
  /** What readers (the insights page) get: alternates hidden with LEARN=off. */
  view: Store;
  /** Stops counting, writes what is queued, closes the connections. */
  close(): Promise<void>;
}

/** How often the store's failed-write count is carried over to `/metrics`. */
const COUNT_EVERY_MS = 5_000;

export async function openConfiguredStore(
  config: Readonly<Config>,
  logger: Logger,
  counters: Pick<Counters, "storeWriteFailed" | "storeEventsDropped">,
): Promise<ServerStore | undefined> {
  const options = config.store;
  if (storeIsOff(options)) {
    if (options.databaseUrl)
      logger.warn("DATA_DIR=off: DATABASE_URL is ignored, nothing is recorded");
    logger.info("store off: DATA_DIR=off, nothing is recorded");
    return undefined;
  }
  // Loaded only when a store is on: its drivers are not small.
  const { openStore } = await import("../store/index.ts");
  const raw = await openStore({
    dataDir: resolvedDataDir(options),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    logger,
    recordQuestions: options.recordQuestions,
    retentionDays: options.retentionDays,
    learnMinUsers: options.learnMinUsers,
  });
  let counted = 0;
  let countedDropped = 0;
  const count = () => {
    const { failed, dropped } = raw.stats();
    for (; counted < failed; counted++) counters.storeWriteFailed();
    if (dropped > countedDropped) counters.storeEventsDropped(dropped - countedDropped);
    countedDropped = dropped;
  };
  const timer = setInterval(count, COUNT_EVERY_MS);
  timer.unref();
  return {
    raw,
    view: storeForMode(raw, options.learn),
    async close() {
      clearInterval(timer);
      // Counted before closing: nothing scrapes a process that is stopping, and what closing
      // gives up is in its last log line (`store: closed with unwritten events`).
      count();
      await raw.close();
    },
  };
}

export function storeHealth(store: ServerStore | undefined): "ok" | "degraded" | "off" {
  return store ? store.raw.health() : "off";
}
