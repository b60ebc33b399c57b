/**
 * The write queue on its own, with a database that fails as told and a clock the test
 * sets: what an operator reads in the log while the database is down and after.
 */
import { describe, expect, it } from "vitest";
import { WriteQueue } from "../../src/store/write-queue.ts";
import { capturingLogger } from "./engines.ts";

function queueOver(options: { maxQueued: number }) {
  const { logger, lines } = capturingLogger();
  const db = { up: false, written: [] as number[] };
  let now = 0;
  const queue = new WriteQueue<number>({
    logger,
    flushIntervalMs: 60_000,
    maxQueued: options.maxQueued,
    now: () => now,
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

  it("says once when writes go through again, with what failed and was dropped meanwhile", async () => {
    const { queue, db, logged } = queueOver({ maxQueued: 3 });
    queue.push(1);
    await queue.flush();
    await queue.flush();
    expect(logged("store writes failing")).toMatchObject([{ failed: 1 }]);
    for (let i = 2; i < 6; i++) queue.push(i); // one dropped
    db.up = true;
    await queue.flush();
    expect(db.written).toEqual([3, 4, 5]);
    expect(logged("store writes going through again")).toMatchObject([
      { level: "info", failed: 1, dropped: 2, queued: 0 },
    ]);
    // Nothing left over to be reported later (at close) as if it were failing then.
    queue.reportFailures();
    expect(logged("store writes failing")).toHaveLength(1);
    queue.push(6);
    await queue.flush();
    expect(logged("store writes going through again")).toHaveLength(1);
    queue.stop();
  });
});
