/**
 * The in-memory queue between the answer path and the database: `push` never
 * waits or throws; batches are written off the answer path, a full batch as
 * soon as it is full, what is left every `flushIntervalMs`. Bounded, so a
 * database that stays down costs at most MAX_QUEUED events of memory: beyond
 * that the oldest are dropped and counted. Failures and drops are logged at
 * most once a minute with their counts, never thrown; the database answering
 * again is logged once an outage, at most once a minute.
 */
import type { Logger } from "../log.ts";

export const MAX_QUEUED = 10_000;
/**
 * Events per INSERT: one statement and one transaction each. Well under SQLite's 32,766 and
 * Postgres's 65,535 bound variables (15 columns a row), and short enough a write that
 * SQLite, which writes on this thread, holds requests back only briefly.
 */
export const BATCH = 200;
const LOG_EVERY_MS = 60_000;

export interface WriteQueueOptions<T> {
  /** Writes one batch; rejects when it could not. Must be safe to repeat (idempotent). */
  write(batch: T[]): Promise<void>;
  /** Whether writing is worth trying now (false while disconnected). */
  canWrite(): boolean;
  /** Told when writes fail, so the owner can mark itself degraded or reconnect. */
  onFailure(error: unknown): void;
  onSuccess(): void;
  logger: Logger;
  flushIntervalMs: number;
  maxQueued?: number;
  now?: () => number;
}

export class WriteQueue<T> {
  private items: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Immediate | undefined;
  private running: Promise<void> | undefined;
  /** The batch being written, until the database answers. */
  private sending: ReadonlySet<T> | undefined;
  private readonly maxQueued: number;
  private readonly now: () => number;
  private lastLog = Number.NEGATIVE_INFINITY;
  private lastRecoveryLog = Number.NEGATIVE_INFINITY;
  private recoveryTimer: NodeJS.Timeout | undefined;
  private failedSinceLog = 0;
  private droppedSinceLog = 0;
  /** A write or a connection failed since the last write that went through. */
  private failing = false;
  /** Totals since start, for stats(). */
  failed = 0;
  dropped = 0;

  constructor(private readonly options: WriteQueueOptions<T>) {
    this.maxQueued = options.maxQueued ?? MAX_QUEUED;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.maxQueued) {
      this.items.shift();
      this.dropped++;
      this.droppedSinceLog++;
      // Said when it happens (once a minute at most), not only at the next failure or at close.
      if (this.now() - this.lastLog >= LOG_EVERY_MS) this.reportFailures();
    }
    this.schedule();
  }

  /** The first queued item matching `test`, without removing it. */
  find(test: (item: T) => boolean): T | undefined {
    return this.items.find(test);
  }

  /** Removes queued items matching `test`; returns how many. */
  remove(test: (item: T) => boolean): number {
    const before = this.items.length;
    this.items = this.items.filter((i) => !test(i));
    return before - this.items.length;
  }

  /** Writes everything queued, batch by batch; stops (and resolves) at the first failure. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    return this.write(1);
  }

  /** Writes batches while at least `least` events are queued; one writer at a time. */
  private write(least: number): Promise<void> {
    // A flush during a flush waits for it, then writes what is left.
    const run = (this.running ?? Promise.resolve()).then(() => this.drain(least));
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = undefined;
    });
    return run;
  }

  /** Called when writing becomes possible again (reconnected). */
  resume(): void {
    this.schedule();
  }

  private reportFailures(error?: unknown): void {
    if (this.failedSinceLog === 0 && this.droppedSinceLog === 0) return;
    this.options.logger.warn("store writes failing", {
      failed: this.failedSinceLog,
      dropped: this.droppedSinceLog,
      queued: this.items.length,
      ...(error ? { error } : {}),
    });
    this.lastLog = this.now();
    this.failedSinceLog = 0;
    this.droppedSinceLog = 0;
  }

  /**
   * Gives up what is left (at close): `lost`, never sent, counted as dropped; `unanswered`,
   * sent in a write the database has not answered, which may yet have been written.
   */
  giveUp(): { lost: number; unanswered: number } {
    const unanswered = this.items.filter((i) => this.sending?.has(i)).length;
    const lost = this.items.length - unanswered;
    this.dropped += lost;
    this.items = [];
    return { lost, unanswered };
  }

  /** Counts a failure that happened outside a write (e.g. connecting), logged like write failures. */
  noteFailure(error: unknown): void {
    this.failed++;
    this.failedSinceLog++;
    this.failing = true;
    if (this.now() - this.lastLog >= LOG_EVERY_MS) this.reportFailures(error);
  }

  /**
   * The database answers again (a write went through, or a reconnect): said once an outage,
   * at most once a minute however often it flaps, with what failed or was dropped since the
   * last line, so that nothing is left to be reported later as if it were failing then.
   */
  recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    const wait = this.lastRecoveryLog + LOG_EVERY_MS - this.now();
    if (wait <= 0) {
      this.reportRecovery();
      return;
    }
    // Within a minute of the last all-clear (a database that flaps): said when it is up, if
    // the database still answers then, so this outage is not folded into a later one.
    this.recoveryTimer ??= setTimeout(() => {
      this.recoveryTimer = undefined;
      if (!this.failing) this.reportRecovery();
    }, wait);
    this.recoveryTimer.unref();
  }

  /** At close: what is left to say, as a failure if the database is still down. */
  reportAtClose(): void {
    if (this.failing) this.reportFailures();
    else if (this.failedSinceLog || this.droppedSinceLog) this.reportRecovery();
  }

  private reportRecovery(): void {
    clearTimeout(this.recoveryTimer);
    this.recoveryTimer = undefined;
    this.options.logger.info("store: database reachable again", {
      failed: this.failedSinceLog,
      dropped: this.droppedSinceLog,
      queued: this.items.length,
    });
    this.lastRecoveryLog = this.now();
    this.failedSinceLog = 0;
    this.droppedSinceLog = 0;
  }

  stop(): void {
    clearTimeout(this.recoveryTimer);
    this.recoveryTimer = undefined;
    if (this.timer) clearTimeout(this.timer);
    if (this.soon) clearImmediate(this.soon);
    this.timer = undefined;
    this.soon = undefined;
  }

  private schedule(): void {
    if (!this.options.canWrite()) return;
    // A full batch goes at once rather than wait for the timer: events held for the whole
    // interval outlive V8's young generation, and copying them to the old one costs every request.
    if (this.items.length >= BATCH && !this.soon && !this.running) {
      this.soon = setImmediate(() => {
        this.soon = undefined;
        void this.write(BATCH);
      });
      this.soon.unref();
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.flushIntervalMs);
    // A pending write must not keep a finished process alive; close() flushes explicitly.
    this.timer.unref();
  }

  private async drain(least: number): Promise<void> {
    while (this.items.length >= least && this.items.length > 0 && this.options.canWrite()) {
      const batch = this.items.slice(0, BATCH);
      const sending = new Set(batch);
      this.sending = sending;
      try {
        await this.options.write(batch);
      } catch (error) {
        this.noteFailure(error);
        this.options.onFailure(error);
        return;
      } finally {
        this.sending = undefined;
      }
      // Remove exactly what was written; pushes meanwhile went to the end, drops from the front.
      this.items = this.items.filter((i) => !sending.has(i));
      this.recovered();
      this.options.onSuccess();
      // SQLite writes on this thread: let requests in between batches rather than hold them
      // for the whole queue (bench:http's "Recording" section shows the p99 it costs).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
