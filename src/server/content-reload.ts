/**
 * Live content: edits under CONTENT_DIR take effect without a restart. The
 * folder is watched, and followed when it is replaced (SIGHUP asks too); after
 * a quiet moment the content is read, validated and indexed while the old bot
 * keeps answering, then the new bot is swapped in with one assignment. Invalid
 * content never replaces good content: its problems are logged and shown on
 * `/healthz` until fixed.
 * Learned alternates (LEARN=auto) are built into every bot, and a change to
 * them rebuilds the bot from the content answering now, the same way.
 */
import { type FSWatcher, realpathSync, statSync, watch } from "node:fs";
import type { Bot } from "../answer/bot.ts";
import { formatProblem } from "../content/types.ts";
import type { ConfirmedAlternate } from "../learning/fit-alternates.ts";
import {
  type BuildOptions,
  type ContentConfig,
  type LoadedBot,
  loadBotVersion,
} from "../load-bot.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics.ts";
import { warnIfHeapTight } from "./heap-headroom.ts";

/** What `/healthz` says of the content. */
export interface ContentStatus {
  /** A hash of the playbook files answering now. */
  version: string;
  /** When that version was loaded (ISO 8601). */
  loadedAt: string;
  /** Why the files as they are now were refused (`file:line: problem`); empty when they answer. */
  problems: string[];
}

export type ReloadResult = "applied" | "unchanged" | "refused";

export interface LiveContent {
  status(): ContentStatus;
  /** Reads the folder now (after any reload already running); `reason` is for the log. */
  reload(reason: string): Promise<ReloadResult>;
  /** Starts watching the folder; edits reload after `debounceMs` of quiet. */
  watch(): void;
  /**
   * Rebuilds the bot from the content answering now with the learned alternates
   * as they are now, and swaps it in (after any reload already running).
   */
  relearn(reason: string): Promise<void>;
  /** Stops watching and drops any reload not yet started. */
  close(): void;
}

export interface LiveContentOptions {
  config: ContentConfig;
  logger: Logger;
  /** The content as loaded at start-up (valid: the server refuses to start otherwise). */
  initial: { bot: Bot; version: string; rebuild?: (learned: readonly ConfirmedAlternate[]) => Bot };
  /** The learned alternates to answer with now; none when absent. */
  learned?: () => readonly ConfirmedAlternate[];
  /** Puts a new bot in place of the old one. */
  swap(bot: Bot): void;
  metrics?: Pick<Metrics, "contentLoaded" | "contentReload">;
  /** Quiet time after the last change before reading: an editor's save is several events. */
  debounceMs?: number;
  /** Reads the content; tests may slow it down. */
  load?: (config: LiveContentOptions["config"], options: BuildOptions) => Promise<LoadedBot>;
}

/**
 * How often the watched folder is checked for having been replaced (a release symlink
 * switched, the folder renamed away and another put in its place): a watch stays on the
 * folder it began on.
 */
const REPLACED_CHECK_MS = 2_000;

/**
 * The folder a path names now: where it leads and which folder that is. A folder deleted
 * and made again at once may get the same inode back (ext4 does); its birth time differs.
 */
function folderAt(dir: string): string | null {
  try {
    const real = realpathSync(dir);
    const { ino, birthtimeMs } = statSync(real);
    return `${real}\n${ino}\n${birthtimeMs}`;
  } catch {
    return null;
  }
}

/** The reason the watcher gives its reloads. */
const FILE_CHANGE = "file change";

/** How long after a swap the heap is read (see `warnIfHeapTight`). */
const HEAP_CHECK_DELAY_MS = 30_000;

export function liveContent(options: LiveContentOptions): LiveContent {
  const { config, logger, metrics } = options;
  const load = options.load ?? loadBotVersion;
  const debounceMs = options.debounceMs ?? 250;
  const learned = options.learned ?? (() => []);
  let current = { version: options.initial.version, loadedAt: new Date().toISOString() };
  let rebuild = options.initial.rebuild;
  /** The refused version and its problems, while the files are in that state. */
  let refused: { version: string; problems: string[] } | null = null;
  let watcher: FSWatcher | null = null;
  let watched: string | null = null;
  let replacedCheck: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Reloads run one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve();
  metrics?.contentLoaded(current.version);

  async function readOnce(reason: string): Promise<ReloadResult> {
    const loaded = await load(config, { learned: learned(), logger });
    // A reload asked for (SIGHUP, `systemctl reload`) is always answered in the log; the
    // watcher's are not, or every save that changes nothing would add a line.
    const asked = reason !== FILE_CHANGE;
    if (loaded.version === current.version) {
      refused = null;
      const fields = { reason, version: loaded.version };
      if (asked) logger.info("content unchanged", fields);
      else logger.debug("content unchanged", fields);
      return "unchanged";
    }
    if (!loaded.ok) {
      const problems = loaded.problems.map(formatProblem);
      const repeated = refused?.version === loaded.version;
      refused = { version: loaded.version, problems };
      if (!repeated || asked) {
        for (const problem of problems) logger.error(problem);
        logger.error("content reload refused: the previous content keeps answering", {
          reason,
          version: loaded.version,
          answering: current.version,
          problems: problems.length,
        });
        metrics?.contentReload("failed");
      }
      return "refused";
    }
    options.swap(loaded.bot);
    rebuild = loaded.rebuild;
    current = { version: loaded.version, loadedAt: new Date().toISOString() };
    refused = null;
    metrics?.contentLoaded(current.version);
    metrics?.contentReload("ok");
    logger.info("content reloaded", { reason, version: current.version, ...loaded.bot.counts() });
    for (const note of loaded.notes) logger.warn(note);
    checkHeapLater();
    return "applied";
  }

  const reload = (reason: string): Promise<ReloadResult> => {
    const next = queue.then(() => readOnce(reason));
    // A failed read (not invalid content: that is "refused") must not stop later reloads.
    queue = next.catch((error: unknown) => {
      logger.error("content reload failed", { reason, error });
      metrics?.contentReload("failed");
    });
    return next;
  };

  // Read once the old index is likely collected: just after a swap the heap holds both.
  let heapCheck: NodeJS.Timeout | undefined;
  const checkHeapLater = () => {
    clearTimeout(heapCheck);
    heapCheck = setTimeout(() => warnIfHeapTight(logger, "after the reload"), HEAP_CHECK_DELAY_MS);
    heapCheck.unref();
  };

  const relearn = (reason: string): Promise<void> => {
    const next = queue.then(() => {
      if (!rebuild) return;
      const alternates = learned();
      options.swap(rebuild(alternates));
      logger.info("learned alternates applied", { reason, alternates: alternates.length });
      checkHeapLater();
    });
    queue = next.catch((error: unknown) => {
      logger.error("rebuilding with learned alternates failed", { reason, error });
    });
    return next;
  };

  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) reload(FILE_CHANGE).catch(() => undefined);
    }, debounceMs);
  };

  /** Watches the folder CONTENT_DIR names now; false (and said) if it cannot. */
  const watchFolder = (): boolean => {
    try {
      watcher = watch(config.contentDir, { persistent: false }, changed);
      watcher.on("error", (error) => {
        logger.warn("content watch stopped; SIGHUP still reloads", { error });
        watcher?.close();
      });
      return true;
    } catch (error) {
      logger.warn("cannot watch the content folder; SIGHUP still reloads", {
        dir: config.contentDir,
        error,
      });
      return false;
    }
  };

  return {
    status: () => ({
      version: current.version,
      loadedAt: current.loadedAt,
      problems: refused?.problems ?? [],
    }),
    reload,
    relearn,
    watch() {
      if (watcher || closed) return;
      watched = folderAt(config.contentDir);
      if (!watchFolder()) return;
      replacedCheck = setInterval(() => {
        const now = folderAt(config.contentDir);
        if (now === null || now === watched || closed) return;
        logger.info("content folder replaced; watching the new one", { dir: config.contentDir });
        watcher?.close();
        watcher = null;
        watched = now;
        watchFolder();
        // Read now whether or not the new folder can be watched: SIGHUP still reloads it.
        changed();
      }, REPLACED_CHECK_MS);
      replacedCheck.unref();
    },
    close() {
      closed = true;
      clearTimeout(timer);
      clearTimeout(heapCheck);
      clearInterval(replacedCheck);
      watcher?.close();
      watcher = null;
    },
  };
}
