/**
 * Several instances on one Postgres: migrations applied once when they start
 * together, a retried event claimed by exactly one, and an alternate learned
 * through one instance announced to the others.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeStores, event, eventually, open, postgresEngine } from "./engines.ts";

const engine = postgresEngine({ pristine: true });

describe.skipIf(engine.skip !== undefined)("instances sharing one Postgres", () => {
  beforeAll(() => engine.setup());
  afterAll(() => engine.teardown());
  afterEach(() => closeStores());

  it("migrate a fresh database once when three start at the same time", async () => {
    const at = await engine.fresh();
    const stores = await Promise.all([open(at), open(at), open(at)]);
    expect(stores.map((s) => s.health())).toEqual(["ok", "ok", "ok"]);
    stores[0]?.record(event({ id: "shared" }));
    await stores[0]?.flush();
    expect(await stores[2]?.feedback({ id: "shared", user: "U1", helpful: true })).toBe("recorded");
  });

  it("claim a key exactly once between them, however they race", async () => {
    const at = await engine.fresh();
    const [a, b] = await Promise.all([open(at), open(at)]);
    if (!a || !b) throw new Error("not opened");
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claimEvent("Ev-retried")),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await a.claimEvent("Ev-other")).toBe(true);
    expect(await b.claimEvent("Ev-other")).toBe(false);
  });

  it("hear about an alternate learned through another instance within seconds", async () => {
    const at = await engine.fresh();
    const [a, b] = await Promise.all([open(at), open(at)]);
    if (!a || !b) throw new Error("not opened");
    let heardByB = 0;
    b.onAlternatesChanged(() => heardByB++);
    // The listener connects in the background; give it a moment to LISTEN.
    await new Promise((r) => setTimeout(r, 300));
    const e = event({ sure: false, question: "Ship it", suggestions: ["How do I deploy?"] });
    a.record(e);
    await a.feedback({ id: e.id, user: "U1", chose: "How do I deploy?", playbook: "deploys" });
    await eventually(() => expect(heardByB).toBe(1), 5_000);
    expect((await b.alternates()).map((x) => x.applied)).toEqual([true]);
  });
});
