/**
 * How recorded events reach the database, on embedded SQLite and a real
 * Postgres: every column as recorded, whatever the batch size (a size seen
 * before reuses its statement), full batches without waiting for the flush
 * interval, and rows read back exactly as the writer bound them.
 */
import { createHmac } from "node:crypto";
import { expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { connect } from "../../src/store/connect.ts";
import { eventRow, eventValues } from "../../src/store/event-row.ts";
import type { QuestionEventTable } from "../../src/store/schema.ts";
import { BATCH } from "../../src/store/write-queue.ts";
import { describeOnEngines, event, eventually, type Location, open } from "./engines.ts";

/** Every stored event, oldest first, straight from the database. */
async function storedRows(at: Location): Promise<QuestionEventTable[]> {
  const { db } = await connect(at, silentLogger);
  try {
    return await db.selectFrom("question_event").selectAll().orderBy("at").orderBy("id").execute();
  } finally {
    await db.destroy();
  }
}

describeOnEngines("writing events on $name", (engine) => {
  it("stores every column of every event as recorded, batch after batch of one size", async () => {
    const at = await engine.fresh();
    const store = await open(at);
    const t0 = Date.now() - 60_000;
    const recorded = [
      event({ at: new Date(t0), suggestions: ['Say "hi", then?', "b"], step: 2 }),
      event({ at: new Date(t0 + 1), user: null, question: null, playbook: null, faq: null }),
      event({ at: new Date(t0 + 2), kind: "fallback", sure: false, confidence: Number.NaN }),
      // The second batch of three reuses the first one's statement.
      event({ at: new Date(t0 + 3), surface: "teams", user: "AAD-1", viaAlternate: "vpn" }),
      event({ at: new Date(t0 + 4), question: "Où est l'API ?", confidence: 0.25 }),
      event({ at: new Date(t0 + 5), surface: "api", kind: "steps", step: null }),
      // And a batch of another size.
      event({ at: new Date(t0 + 6), surface: "playground", user: "127.0.0.1" }),
    ];
    for (const batch of [recorded.slice(0, 3), recorded.slice(3, 6), recorded.slice(6)]) {
      for (const e of batch) store.record(e);
      await store.flush();
    }
    await store.close();

    const hash = (user: string) => createHmac("sha256", "test-secret").update(user).digest("hex");
    const expected = recorded.map((e) => eventRow(e, hash, true));
    expect(await storedRows(at)).toEqual(expected);
    expect(expected[2]?.confidence).toBe(0);
    expect(expected[4]?.question_norm).toBe("ou est l api");
  });

  it("writes a full batch at once, and keeps a partial one until the interval", async () => {
    const at = await engine.fresh();
    const store = await open(at, { flushIntervalMs: 60_000 });
    // The purge at open flushes whatever is queued then: let it pass first.
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < BATCH + 5; i++) store.record(event());
    expect(store.stats().queued).toBe(BATCH + 5);
    await eventually(() => expect(store.stats().queued).toBe(5));
    await store.close();
    expect(await storedRows(at)).toHaveLength(BATCH + 5);
  });

  it("binds a batch's values in the order Kysely's own INSERT does", async () => {
    const { db } = await connect(await engine.fresh(), silentLogger);
    try {
      const rows = [event(), event({ user: null, question: null })].map((e) =>
        eventRow(e, (u) => `h-${u}`, true),
      );
      const compiled = db.insertInto("question_event").values(rows).compile();
      expect(eventValues(rows)).toEqual(compiled.parameters);
    } finally {
      await db.destroy();
    }
  });
});
