/**
 * LEARN=auto: keeps the confirmed alternates the bot answers with in step
 * with the store. Read once at start, then again (debounced, off the request
 * path) whenever the store says alternates may have changed, in this
 * instance or another sharing its database. A change calls `onChange`, which
 * rebuilds the bot. With LEARN=suggest or off, nothing is applied.
 */
import type { Logger } from "../log.ts";
import type { Store } from "../store/types.ts";
import { type ConfirmedAlternate, confirmedOf } from "./fit-alternates.ts";

export type LearnMode = "suggest" | "auto" | "off";

export interface LearningLoop {
  /** The confirmed alternates to answer with now; always empty unless LEARN=auto. */
  current(): readonly ConfirmedAlternate[];
  /** Reads the alternates once (a store that is down is retried later) and starts listening. */
  start(): Promise<void>;
  stop(): void;
}

export interface LearningLoopOptions {
  store: Store | undefined;
  mode: LearnMode;
  logger: Logger;
  /** Called after `current()` changed (not on the first read, which the first bot is built with). */
  onChange(reason: string): void;
  /** Quiet time after a change notice before reading; default 250 ms. */
  debounceMs?: number;
  /** How soon to try again when the store cannot be read; default 30 s. */
  retryMs?: number;
}

export function learningLoop(options: LearningLoopOptions): LearningLoop {
  const { store, logger } = options;
  const debounceMs = options.debounceMs ?? 250;
  const retryMs = options.retryMs ?? 30_000;
  let current: readonly ConfirmedAlternate[] = [];
  let currentKey = "[]";
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let stopped = false;
  // One read at a time; a notice during a read asks for one more after it.
  let reading: Promise<void> | undefined;
  let again = false;

  if (!store || options.mode !== "auto") {
    return { current: () => [], start: async () => undefined, stop: () => undefined };
  }

  /** Reads the applied alternates; true when they differ from what answers now. */
  async function read(): Promise<boolean> {
    const applied = confirmedOf(await (store as Store).alternates());
    const key = JSON.stringify(applied);
    if (key === currentKey) return false;
    current = applied;
    currentKey = key;
    return true;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, delayMs);
    timer.unref();
  }

  function refresh(): void {
    if (reading) {
      again = true;
      return;
    }
    reading = read()
      .then(
        (changed) => {
          try {
            if (changed && !stopped) options.onChange("alternates changed");
          } catch (error) {
            logger.error("applying learned alternates failed", { error });
          }
        },
        (error: unknown) => {
          logger.warn("learned alternates could not be read; trying again later", { error });
          schedule(retryMs);
        },
      )
      .finally(() => {
        reading = undefined;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  return {
    current: () => current,
    async start() {
      unsubscribe = store.onAlternatesChanged(() => schedule(debounceMs));
      try {
        await read();
        logger.info("learning: LEARN=auto, answering with confirmed alternates", {
          alternates: current.length,
        });
      } catch (error) {
        logger.warn("learned alternates could not be read at start; trying again later", {
          error,
        });
        schedule(retryMs);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
    },
  };
}
