/**
 * The write queue on its own, with a database that fails as told and a clock the test
 * sets: what an operator reads in the log while the database is down and after.
 */
import { describe, expect, it, vi } from "vitest";
import { WriteQueue } from "../../src/store/write-queue.ts";
import { capturingLogger } from "./engines.ts";

function queueOver(options: { maxQueued: number; now?: () => number }) {
  const { logger, lines } = capturingLogger();
  const db = { up: false, written: [] as number[] };
  let now = 0;
  const queue = new WriteQueue<number>({
    logger,
    flushIntervalMs: 60_000,
    maxQueued: options.maxQueued,
    now: options.now ?? (() => now),
    canWrite: () => true,
    write: async (batch) => {
      if (!db.up) throw new Error("connection refused");
      db.written.push(...batch);
    },
    onFailure: () => undefined,
    onSuccess: () => undefined,
  });
  const logged = (msg: string) => lines.filter((l) => l.msg === msg);
  const later = (ms: number) => {
    now += ms;
  };
  return { queue, db, logged, later };
}

describe("the write queue while its database is down", () => {
  it("says when it drops events, once a minute at most, not only at the next failure", async () => {
    const { queue, logged, later } = queueOver({ maxQueued: 3 });
    await queue.flush(); // nothing queued: nothing fails
    for (let i = 0; i < 4; i++) queue.push(i);
    expect(logged("store writes failing")).toMatchObject([{ dropped: 1, failed: 0 }]);
    queue.push(4);
    expect(logged("store writes failing")).toHaveLength(1);
    later(60_000);
    queue.push(5);
    expect(logged("store writes failing").at(-1)).toMatchObject({ dropped: 2 });
    queue.stop();
  });

  it("says once when the database answers again, with what failed and was dropped meanwhile", async () => {
    const { queue, db, logged } = queueOver({ maxQueued: 3 });
    queue.push(1);
    await queue.flush();
    await queue.flush();
    expect(logged("store writes failing")).toMatchObject([{ failed: 1 }]);
    for (let i = 2; i < 6; i++) queue.push(i); // 1 and 2 dropped
    db.up = true;
    await queue.flush();
    expect(db.written).toEqual([3, 4, 5]);
    expect(logged("store: database reachable again")).toMatchObject([
      { level: "info", failed: 1, dropped: 2, queued: 0 },
    ]);
    // Nothing left over to be reported at close as if it were failing then.
    queue.reportAtClose();
    expect(logged("store writes failing")).toHaveLength(1);
    queue.push(6);
    await queue.flush();
    expect(logged("store: database reachable again")).toHaveLength(1);
    queue.stop();
  });

  it("says a second outage within the minute when the minute is up, not hours later", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const { queue, db, logged } = queueOver({ maxQueued: 100, now: Date.now });
      const outage = async () => {
        db.up = false;
        queue.push(1);
        await queue.flush();
        db.up = true;
        await queue.flush();
      };
      await outage();
      expect(logged("store: database reachable again")).toHaveLength(1);
      vi.advanceTimersByTime(5_000);
      await outage();
      expect(logged("store: database reachable again")).toHaveLength(1);
      vi.advanceTimersByTime(55_000);
      expect(logged("store: database reachable again").at(-1)).toMatchObject({ failed: 1 });
      // Hours later, a new failure is counted on its own.
      vi.advanceTimersByTime(3 * 3_600_000);
      db.up = false;
      queue.push(2);
      await queue.flush();
      expect(logged("store writes failing").at(-1)).toMatchObject({ failed: 1 });
      queue.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("logs a database that flaps at most twice a minute, and the rest at close", async () => {
    const { queue, db, logged, later } = queueOver({ maxQueued: 100 });
    for (let cycle = 0; cycle < 3; cycle++) {
      db.up = false;
      queue.push(cycle);
      await queue.flush();
      db.up = true;
      await queue.flush();
      later(5_000);
    }
    expect(logged("store writes failing")).toHaveLength(1);
    expect(logged("store: database reachable again")).toHaveLength(1);
    // The second and third outages are still said, at close, as past.
    queue.reportAtClose();
    expect(logged("store: database reachable again").at(-1)).toMatchObject({ failed: 2 });
    expect(logged("store writes failing")).toHaveLength(1);
    queue.stop();
  });
});
