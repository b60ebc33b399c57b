/**
 * openStore: the store as callers see it. Assembles the connection (with
 * background reconnects while the database is down), the write queue, the
 * notifier and the queries in the other modules. Nothing here throws at the
 * answer path: `record` only queues; reads reject with AIFIRST_STORE_DOWN
 * while the database cannot be reached.
 */

import { mintedAt } from "../reply-id.ts";
import { AlternatesNotifier } from "./alternates-notifier.ts";
import { type Connection, connect, engineFor } from "./connect.ts";
import { isConnectionError, readError, settingProblem } from "./connection-errors.ts";
import { writeEventsCsv } from "./csv-export.ts";
import { claimKey, deleteExpiredClaims } from "./event-claims.ts";
import { eventRow, insertEvents } from "./event-row.ts";
import { writeFeedback } from "./feedback.ts";
import { readInsights } from "./insights.ts";
import { sql } from "./kysely.ts";
import { readAlternates } from "./learning.ts";
import { LocalClaims } from "./local-claims.ts";
import { forgetUserHash, purgeOlderThan } from "./retention.ts";
import { type QuestionEvent, type Store, StoreDownError, type StoreOptions } from "./types.ts";
import { installSecret, type UserHasher, userHasher } from "./user-hash.ts";
import { WriteQueue } from "./write-queue.ts";

const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;
/** How long closing keeps trying to write what is queued while the database is down. */
const CLOSE_RETRY_MS = 4_000;
/** How long closing waits, at least, for the connections to be let go of. */
const DESTROY_WAIT_MS = 1_000;
/** How long a health probe of a shared database may take before it counts as down. */
const PROBE_TIMEOUT_MS = 2_000;

interface Ready extends Connection {
  hashUser: UserHasher;
}

/**
 * A reply id minted in the last few seconds (ids are UUIDv7: they start with their time):
 * only such a reply can still be on its way from another instance. Anything else unknown is
 * unknown at once, so a made-up id costs one lookup, not a wait.
 */
function justAnswered(id: string, now = Date.now()): boolean {
  const at = mintedAt(id);
  return at !== null && Math.abs(now - at) <= JUST_ANSWERED_MS;
}

/** How recent a reply must be for feedback on it to wait for another instance's write. */
const JUST_ANSWERED_MS = 5_000;

/**
 * Whether `work` settles within `ms` (a rejection passes through). It is not waited for past
 * that: a statement hung on a database that stopped answering would hold on until TCP gives up.
 */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => true), timeUp]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const { logger } = options;
  const engine = engineFor(options.databaseUrl);
  const reconnectMs = options.reconnectIntervalMs ?? 2_000;
  const notifier = new AlternatesNotifier(logger, reconnectMs);
  const localClaims = new LocalClaims();
  let ready: Ready | undefined;
  let writesFailing = false;
  /** The last probe or read of a shared database could not reach it (a write since clears it). */
  let unreachable = false;
  let closed = false;
  let closing: Promise<void> | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  let retryWritesTimer: NodeJS.Timeout | undefined;
  let probeTimer: NodeJS.Timeout | undefined;
  let probing: Promise<void> | undefined;

  const flushIntervalMs = options.flushIntervalMs ?? 250;
  const queue = new WriteQueue<QuestionEvent>({
    logger,
    flushIntervalMs,
    canWrite: () => ready !== undefined,
    write: (batch) => writeEvents(batch),
    onSuccess: () => {
      writesFailing = false;
      unreachable = false;
    },
    onFailure: () => {
      writesFailing = true;
      // Try again later rather than at every new event; pg's pool reconnects by itself.
      if (retryWritesTimer || closed) return;
      retryWritesTimer = setTimeout(() => {
        retryWritesTimer = undefined;
        queue.resume();
      }, reconnectMs);
      retryWritesTimer.unref();
    },
  });

  async function writeEvents(batch: QuestionEvent[]): Promise<void> {
    const r = ready;
    if (!r) throw new StoreDownError();
    const rows = batch.map((e) => eventRow(e, r.hashUser, options.recordQuestions));
    const insert = (values: typeof rows) => insertEvents(r.db, values);
    try {
      await insert(rows);
    } catch (error) {
      if (isConnectionError(error)) throw error;
      // Bad data, not a bad connection: write the rows one by one so one poison row cannot block the queue.
      let rejected = 0;
      let firstError: unknown;
      for (const row of rows) {
        try {
          await insert([row]);
        } catch (rowError) {
          if (isConnectionError(rowError)) throw rowError;
          rejected++;
          firstError ??= rowError;
        }
      }
      if (rejected)
        logger.error("store: events rejected by the database", { rejected, error: firstError });
    }
  }

  async function tryConnect(): Promise<void> {
    const connection = await connect(options, logger);
    try {
      const secret = options.secret ?? (await installSecret(connection.db));
      if (closed) throw new StoreDownError("aifirst: the store was closed while connecting");
      ready = { ...connection, hashUser: userHasher(secret) };
    } catch (error) {
      await connection.db.destroy().catch(() => {});
      throw error;
    }
    writesFailing = false;
    unreachable = false;
    if (connection.engine === "postgres" && options.databaseUrl) {
      notifier.listen(options.databaseUrl);
      scheduleProbe();
    }
    queue.resume();
    schedulePurge(0);
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(async () => {
      reconnectTimer = undefined;
      try {
        await tryConnect();
        queue.recovered();
      } catch (error) {
        queue.noteFailure(error);
        scheduleReconnect();
      }
    }, reconnectMs);
    reconnectTimer.unref();
  }

  /**
   * An instance that answers nothing writes nothing, and would not notice a shared database
   * going away: health pages would say "ok" through an outage. So it asks, now and then.
   */
  function scheduleProbe(): void {
    if (closed || probeTimer) return;
    probeTimer = setTimeout(async () => {
      probeTimer = undefined;
      const r = ready;
      if (!r || closed) return;
      // A probe stuck on a connection that died silently is not sent again: each would hold
      // one of the pool's few connections until TCP gives up.
      probing ??= sql`select 1`
        .execute(r.db)
        .then(() => undefined)
        .finally(() => {
          probing = undefined;
        });
      try {
        unreachable = !(await settlesWithin(probing, PROBE_TIMEOUT_MS));
      } catch (error) {
        if (isConnectionError(error)) unreachable = true;
        else logger.warn("store: health probe failed", { error });
      }
      scheduleProbe();
    }, reconnectMs);
    probeTimer.unref();
  }

  function schedulePurge(delayMs: number): void {
    if (closed) return;
    if (purgeTimer) clearTimeout(purgeTimer);
    purgeTimer = setTimeout(async () => {
      try {
        const deleted = await store.purge();
        if (deleted)
          logger.info("store: purged old events", {
            deleted,
            retentionDays: options.retentionDays,
          });
      } catch (error) {
        logger.warn("store: purge failed", { error });
      }
      schedulePurge(PURGE_EVERY_MS);
    }, delayMs);
    purgeTimer.unref();
  }

  /**
   * Runs a read against the database, or rejects with AIFIRST_STORE_DOWN.
   * Queued events are written first, so a read sees everything recorded before it.
   */
  async function read<T>(run: (r: Ready) => Promise<T>): Promise<T> {
    if (!ready) throw new StoreDownError();
    if (queue.size) await queue.flush();
    const r = ready;
    if (!r) throw new StoreDownError();
    try {
      const result = await run(r);
      unreachable = false;
      return result;
    } catch (error) {
      const failed = readError(error);
      // A shared database is probed until it answers again; an embedded one is not, and its
      // trouble (a lock held too long) is the writes' to report.
      if (failed instanceof StoreDownError && engine === "postgres") unreachable = true;
      throw failed;
    }
  }

  const store: Store = {
    engine,

    record(event) {
      try {
        if (closed) return;
        queue.push(event);
      } catch (error) {
        // Never reaches the answer path; the queue itself does not throw, this is belt and braces.
        logger.error("store: could not queue an event", { error });
      }
    },

    async feedback(input) {
      if (queue.find((e) => e.id === input.id)) {
        await queue.flush();
        if (queue.find((e) => e.id === input.id)) throw new StoreDownError();
      }
      let result = await read((r) => writeFeedback(r.db, input, r.hashUser, Date.now()));
      if (result.outcome === "unknown" && engine === "postgres" && justAnswered(input.id)) {
        // Shared by several instances: the reply may be one another instance answered a moment
        // ago and has yet to write (it writes every flush interval). Look once more after that.
        await new Promise((resolve) => setTimeout(resolve, 2 * flushIntervalMs));
        result = await read((r) => writeFeedback(r.db, input, r.hashUser, Date.now()));
      }
      if (result.alternatesChanged) await notifier.changed(ready?.db);
      return result.outcome;
    },

    health() {
      return ready && !writesFailing && !unreachable ? "ok" : "degraded";
    },

    stats() {
      return { queued: queue.size, dropped: queue.dropped, failed: queue.failed };
    },

    insights(range) {
      return read((r) => readInsights(r.db, range, options.learnMinUsers));
    },

    alternates() {
      return read((r) => readAlternates(r.db, options.learnMinUsers));
    },

    async forget(user) {
      return read(async (r) => {
        const unwritten = queue.remove((e) => e.user === user);
        const deleted = await forgetUserHash(r.db, r.hashUser(user));
        await notifier.changed(r.db);
        return unwritten + deleted;
      });
    },

    purge(now = new Date()) {
      return read(async (r) => {
        await deleteExpiredClaims(r.db, now.getTime());
        return purgeOlderThan(r.db, options.retentionDays, now.getTime());
      });
    },

    exportCsv(out, range) {
      return read((r) => writeEventsCsv(r.db, out, range));
    },

    async claimEvent(key) {
      const r = ready;
      const now = Date.now();
      if (r) {
        try {
          // Expired claims are swept by purge (at open, then every 6 hours), not here on the answer path.
          return await claimKey(r.db, key, now);
        } catch (error) {
          if (!isConnectionError(error)) throw error;
        }
      }
      // Down: answering once per instance is the best left; a retry is better answered than lost.
      return localClaims.claim(key, now);
    },

    onAlternatesChanged(listener) {
      return notifier.subscribe(listener);
    },

    flush() {
      return queue.flush();
    },

    close() {
      closing ??= closeOnce();
      return closing;
    },
  };

  async function closeOnce(): Promise<void> {
    // A database down for a moment (a failover, a restart beside a deploy) may be back
    // within the grace period: what is queued is tried until then, not given up at once.
    // A write hung on a database that drops packets is not waited for past then either.
    const deadline = Date.now() + (options.closeRetryMs ?? CLOSE_RETRY_MS);
    const untilDeadline = (work: Promise<unknown>) => settlesWithin(work, deadline - Date.now());
    await untilDeadline(queue.flush());
    // Reconnecting, if the connection itself was lost, is left to the reconnect timer.
    while (queue.size && Date.now() < deadline) {
      await untilDeadline(
        new Promise((resolve) => setTimeout(resolve, Math.min(reconnectMs, 500))),
      );
      await untilDeadline(queue.flush());
    }
    closed = true;
    for (const t of [reconnectTimer, purgeTimer, retryWritesTimer, probeTimer])
      if (t) clearTimeout(t);
    queue.stop();
    const { lost, unanswered } = queue.giveUp();
    queue.reportAtClose();
    // `unanswered` were sent and may have landed: an operator counting losses needs both.
    if (lost || unanswered) {
      logger.warn("store: closed with unwritten events", { lost, unanswered });
    }
    // Letting go of the connections waits for any a hung write holds (pg's pool ends only
    // when every client is back): a second at most for each, past the deadline if need be.
    await settlesWithin(notifier.close(), DESTROY_WAIT_MS);
    const r = ready;
    ready = undefined;
    await settlesWithin(r?.db.destroy() ?? Promise.resolve(), DESTROY_WAIT_MS);
  }

  try {
    await tryConnect();
  } catch (error) {
    // A wrong setting is retried too (it may be fixed meanwhile), but said as what to fix.
    const setting = settingProblem(error, { engine, dataDir: options.dataDir });
    logger.warn(
      setting
        ? `store: ${setting} (retrying)`
        : "store: database unavailable, retrying in the background",
      { engine, error },
    );
    queue.noteFailure(error);
    scheduleReconnect();
  }
  return store;
}
