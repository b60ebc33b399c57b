/**
 * The store's behaviour, run identically against embedded SQLite and a real
 * Postgres: recording, insights, feedback, learning, retention, export, claims.
 */
import { createHmac } from "node:crypto";
import { PassThrough } from "node:stream";
import { expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { connect } from "../../src/store/connect.ts";
import { CLAIM_TTL_MS, claimKey, deleteExpiredClaims } from "../../src/store/event-claims.ts";
import { purgeOlderThan } from "../../src/store/retention.ts";
import type { Store, Surface } from "../../src/store/types.ts";
import { describeOnEngines, event, eventually, open } from "./engines.ts";

const DAY = 86_400_000;

async function csvOf(
  store: Store,
  from = new Date(0),
  to = new Date(Date.now() + DAY),
): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await store.exportCsv(out, { from, to });
  return Buffer.concat(chunks).toString("utf8");
}

/** What the unsure replies of these tests suggested. */
const OFFERED = ["How do I deploy?", "A"];

/** `user` picks the "How do I deploy?" suggestion under reply `id`. */
function chooseDeploy(store: Store, id: string, user: string | null) {
  return store.feedback({ id, user, chose: "How do I deploy?", playbook: "deploys" });
}

describeOnEngines("store on $name", (engine) => {
  it("applies its migrations once: a second open keeps the schema and the data", async () => {
    const at = await engine.fresh();
    const first = await open(at);
    expect(first.engine).toBe(engine.name);
    first.record(event());
    await first.close();
    const second = await open(at);
    expect(second.health()).toBe("ok");
    const insights = await second.insights({ from: new Date(0), to: new Date(Date.now() + DAY) });
    expect(insights.asked).toBe(1);
  });

  it("opens a store whose last migration's column is there but not recorded as applied", async () => {
    // As an instance stopped between the two leaves it, or one starting beside another on
    // SQLite, where migrations take no lock.
    const at = await engine.fresh();
    await (await open(at)).close();
    const { db } = await connect(at, silentLogger);
    try {
      await db
        .deleteFrom("kysely_migration" as never)
        .where("name" as never, "=", "0002_via_alternate_of" as never)
        .execute();
    } finally {
      await db.destroy();
    }
    const again = await open(at);
    expect(again.health()).toBe("ok");
    again.record(event({ viaAlternate: "ship it", viaAlternateOf: "Step 2: Ship" }));
    await again.flush();
    const insights = await again.insights({ from: new Date(0), to: new Date(Date.now() + DAY) });
    expect(insights.asked).toBe(1);
    await again.close();
  });

  it("writes recorded events in batches and counts them in insights", async () => {
    const store = await open(await engine.fresh());
    const now = Date.now();
    const twoDaysAgo = new Date(now - 2 * DAY);
    store.record(event({ sure: true }));
    store.record(event({ sure: false, kind: "faq" }));
    store.record(
      event({ sure: false, kind: "fallback", question: "How do I rotate the VPN keys?" }),
    );
    store.record(event({ sure: false, kind: "fallback", question: "how do i rotate vpn keys" }));
    store.record(event({ sure: false, kind: "fallback", question: "Rotate the VPN keys!" }));
    store.record(
      event({ sure: false, kind: "fallback", question: "Who owns billing?", at: twoDaysAgo }),
    );
    store.record(event({ sure: false, kind: "fallback", question: null }));
    // A command the bot could not follow counts as asked, but is no question left unanswered.
    store.record(event({ sure: false, kind: "fallback", question: "step 99", command: true }));
    expect(store.stats().queued).toBe(8);
    await store.flush();
    expect(store.stats().queued).toBe(0);

    const insights = await store.insights({
      from: new Date(now - 3 * DAY),
      to: new Date(now + 1000),
    });
    expect(insights).toMatchObject({ asked: 8, sure: 1, likely: 1, not_sure: 6 });
    expect(insights.unanswered).toEqual([
      { question: expect.stringMatching(/rotate/i), count: 3 },
      { question: "Who owns billing?", count: 1 },
    ]);
    expect(insights.perDay).toHaveLength(4);
    expect(insights.perDay.map((d) => d.sure + d.likely + d.not_sure)).toEqual([0, 1, 0, 7]);
    expect(insights.perDay[3]?.day).toBe(new Date(now).toISOString().slice(0, 10));
  });

  it("writes the good events of a batch that holds one the database rejects", async () => {
    const store = await open(await engine.fresh());
    store.record(event({ id: "good-1" }));
    // A caller bypassing the types: a surface the schema requires is missing.
    store.record(event({ id: "bad", surface: null as unknown as Surface }));
    store.record(event({ id: "good-2" }));
    await store.flush();
    expect(store.stats().queued).toBe(0);
    expect(store.health()).toBe("ok");
    const insights = await store.insights({ from: new Date(0), to: new Date(Date.now() + DAY) });
    expect(insights.asked).toBe(2);
  });

  it("answers unknown to feedback on a reply it never recorded", async () => {
    const store = await open(await engine.fresh());
    expect(await store.feedback({ id: "nope", user: "U1", helpful: true })).toBe("unknown");
    expect(await store.feedback({ id: "nope", user: "U1", chose: "Anything?" })).toBe("unknown");
  });

  it("takes a suggestion chosen as a button shows it, links as their words, and keeps it as offered", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 1 });
    const faq = "Where is [the release guide](https://wiki.example.com/release) kept?";
    const e = event({ sure: false, question: "release docs?", suggestions: [faq] });
    store.record(e);
    const made = { id: e.id, user: "U1", playbook: "deploys" };
    expect(await store.feedback({ ...made, chose: "Where is the release guide kept?" })).toBe(
      "recorded",
    );
    expect((await store.alternates()).map((a) => [a.question, a.faq])).toEqual([
      ["release docs", faq],
    ]);
  });

  it("takes only a question the reply suggested as chosen, and writes nothing else", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 1 });
    const e = event({ sure: false, question: "Shipping to prod?", suggestions: OFFERED });
    store.record(e);
    const made = { id: e.id, user: "U1", playbook: "deploys" };
    expect(await store.feedback({ ...made, chose: "How do I get a raise?" })).toBe("not-offered");
    expect(await store.alternates()).toEqual([]);
    expect(await store.forget("U1")).toBe(0);
    expect(await store.feedback({ ...made, chose: "How do I deploy?" })).toBe("recorded");
    expect(await store.alternates()).toHaveLength(1);
  });

  it("finds a reply still waiting in the queue", async () => {
    const store = await open(await engine.fresh(), { flushIntervalMs: 60_000 });
    const e = event();
    store.record(e);
    expect(await store.feedback({ id: e.id, user: "U1", helpful: true })).toBe("recorded");
  });

  it("keeps one vote per reply and user, which the user can change", async () => {
    const store = await open(await engine.fresh());
    const e = event();
    store.record(e);
    await store.flush();
    await store.feedback({ id: e.id, user: "U1", helpful: true });
    await store.feedback({ id: e.id, user: "U1", helpful: false });
    await store.feedback({ id: e.id, user: "U2", helpful: true });
    const insights = await store.insights({ from: new Date(0), to: new Date(Date.now() + DAY) });
    expect(insights).toMatchObject({ helpful: 1, not_helpful: 1 });
    expect(insights.perFaq).toEqual([
      { playbook: "deploys", faq: "How do I deploy to production?", helpful: 1, not_helpful: 1 },
    ]);
  });

  it("learns an alternate from one choice on an unsure reply when learnMinUsers is 1", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 1 });
    const e = event({ sure: false, suggestions: OFFERED, question: "Shipping to prod?" });
    store.record(e);
    await store.flush();
    await chooseDeploy(store, e.id, "U1");
    expect(await store.alternates()).toEqual([
      {
        playbook: "deploys",
        faq: "How do I deploy?",
        question: "shipping to prod",
        users: 1,
        applied: true,
        retired: false,
      },
    ]);
  });

  it("learns from a sure reply only when the same user voted it down", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 1 });
    const e = event({ sure: true, suggestions: OFFERED, question: "Ship it" });
    store.record(e);
    await store.flush();
    await chooseDeploy(store, e.id, "U1");
    await store.feedback({ id: e.id, user: "U2", helpful: false });
    expect(await store.alternates()).toEqual([]);
    // 👎 after the choice makes it count, as 👎 before would.
    await store.feedback({ id: e.id, user: "U1", helpful: false });
    expect((await store.alternates()).map((a) => [a.question, a.users])).toEqual([["ship it", 1]]);
    await chooseDeploy(store, e.id, "U2");
    expect((await store.alternates()).map((a) => a.users)).toEqual([2]);
  });

  it("confirms an alternate once 3 distinct users made the choice, anonymous ones counting as one", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 3 });
    const choose = async (user: string | null, question: string) => {
      const e = event({ sure: false, suggestions: OFFERED, question });
      store.record(e);
      await chooseDeploy(store, e.id, user);
    };
    await choose("U1", "Shipping to prod?");
    await choose("U1", "shipping to PROD");
    await choose(null, "Shipping, to prod");
    await choose(null, "shipping to prod");
    let [alternate] = await store.alternates();
    expect(alternate).toMatchObject({ question: "shipping to prod", users: 2, applied: false });
    await choose("U2", "Shipping to prod!");
    [alternate] = await store.alternates();
    expect(alternate).toMatchObject({ users: 3, applied: true, retired: false });
    const insights = await store.insights({ from: new Date(0), to: new Date(Date.now() + DAY) });
    expect(insights.alternates).toEqual([
      {
        playbook: "deploys",
        faq: "How do I deploy?",
        question: "shipping to prod",
        users: 3,
        applied: true,
      },
    ]);
  });

  it("retires an alternate when down votes from enough users outnumber up votes", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 2 });
    for (const user of ["U1", "U2"]) {
      const e = event({ sure: false, suggestions: OFFERED, question: "Ship it" });
      store.record(e);
      await chooseDeploy(store, e.id, user);
    }
    expect((await store.alternates())[0]).toMatchObject({ applied: true, retired: false });
    const vote = async (user: string, helpful: boolean) => {
      const e = event({ faq: "How do I deploy?", viaAlternate: "ship it", question: "ship it" });
      store.record(e);
      await store.feedback({ id: e.id, user, helpful });
    };
    await vote("U3", false);
    await vote("U4", true);
    await vote("U5", false);
    // Two 👎 reach learnMinUsers and outnumber the one 👍.
    expect((await store.alternates())[0]).toMatchObject({ applied: false, retired: true });
    await vote("U6", true);
    await vote("U7", true);
    expect((await store.alternates())[0]).toMatchObject({ applied: true, retired: false });
  });

  it("retires a step's alternate by the label it was learned for, not an older title's", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 2 });
    const old = "Step 2: Ship";
    const retitled = "Step 2: Ship it safely";
    for (const [label, users] of [
      [old, ["U1", "U2"]],
      [retitled, ["U3", "U4"]],
    ] as const) {
      for (const user of users) {
        const e = event({ sure: false, suggestions: [label], question: "Ship it" });
        store.record(e);
        await store.feedback({ id: e.id, user, chose: label, playbook: "deploys" });
      }
    }
    // A step answer records only the step's number; what it came through names the label.
    for (const user of ["U5", "U6"]) {
      const e = event({
        kind: "step",
        faq: null,
        step: 2,
        viaAlternate: "ship it",
        viaAlternateOf: retitled,
        question: "ship it",
      });
      store.record(e);
      await store.feedback({ id: e.id, user, helpful: false });
    }
    const byLabel = new Map((await store.alternates()).map((a) => [a.faq, a]));
    expect(byLabel.get(retitled)).toMatchObject({ applied: false, retired: true });
    expect(byLabel.get(old)).toMatchObject({ applied: true, retired: false });
  });

  it("tells in-process listeners, debounced, when alternates may have changed", async () => {
    const store = await open(await engine.fresh());
    let calls = 0;
    const stop = store.onAlternatesChanged(() => calls++);
    const e = event({ sure: false, suggestions: OFFERED, question: "Ship it" });
    store.record(e);
    await store.feedback({ id: e.id, user: "U1", chose: "A", playbook: "p" });
    await store.feedback({ id: e.id, user: "U2", chose: "A", playbook: "p" });
    await eventually(() => expect(calls).toBe(1));
    stop();
  });

  it("forgets a user: their events and feedback, found by the hash of their raw id", async () => {
    const store = await open(await engine.fresh());
    const mine = event({ user: "U-forget", sure: false, suggestions: OFFERED });
    const theirs = event({ user: "U-keep" });
    store.record(mine);
    store.record(theirs);
    await store.feedback({ id: mine.id, user: "U-forget", chose: "A", playbook: "p" });
    await store.feedback({ id: theirs.id, user: "U-forget", helpful: false });
    await store.feedback({ id: theirs.id, user: "U-keep", helpful: true });
    // 1 event + 1 choice + 1 learned choice + 1 vote.
    expect(await store.forget("U-forget")).toBe(4);
    const insights = await store.insights({ from: new Date(0), to: new Date(Date.now() + DAY) });
    expect(insights).toMatchObject({ asked: 1, helpful: 1, not_helpful: 0 });
    expect(await store.alternates()).toEqual([]);
    expect(await store.forget("U-forget")).toBe(0);
  });

  it("purges events older than the retention period, with their feedback", async () => {
    const store = await open(await engine.fresh(), { retentionDays: 30 });
    // In the future, so the store's own purge at open (by the real clock) leaves these alone.
    const now = new Date(Date.now() + 100 * DAY);
    const old = event({ at: new Date(now.getTime() - 31 * DAY) });
    const recent = event({ at: new Date(now.getTime() - 29 * DAY) });
    store.record(old);
    store.record(recent);
    await store.feedback({ id: old.id, user: "U1", helpful: true });
    expect(await store.purge(now)).toBe(1);
    expect(await store.feedback({ id: old.id, user: "U1", helpful: true })).toBe("unknown");
    expect(await store.feedback({ id: recent.id, user: "U1", helpful: true })).toBe("recorded");
    const all = await store.insights({ from: new Date(0), to: now });
    expect(all).toMatchObject({ asked: 1, helpful: 1 });
  });

  it("purges a backlog in short batches, each with its events' feedback", async () => {
    const at = await engine.fresh();
    const store = await open(at, { retentionDays: 30 });
    const now = new Date(Date.now() + 100 * DAY);
    const old = Array.from({ length: 7 }, () => event({ at: new Date(now.getTime() - 40 * DAY) }));
    const recent = event({ at: new Date(now.getTime() - 29 * DAY) });
    for (const e of [...old, recent]) store.record(e);
    for (const e of old.slice(0, 5)) await store.feedback({ id: e.id, user: "U1", helpful: true });
    await store.flush();
    const { db } = await connect(at, silentLogger);
    try {
      // Seven events past retention, three a batch: three transactions, the last one short.
      expect(await purgeOlderThan(db, 30, now.getTime(), 3)).toBe(7);
      const left = await db.selectFrom("question_event").select("id").execute();
      expect(left.map((r) => r.id)).toEqual([recent.id]);
      expect(await db.selectFrom("feedback_vote").select("event_id").execute()).toEqual([]);
      expect(await purgeOlderThan(db, 30, now.getTime(), 3)).toBe(0);
    } finally {
      await db.destroy();
    }
  });

  it("exports RFC 4180 CSV with hashed users and formula-guarded cells", async () => {
    // The event is dated months ago: a retention long enough that the store's own purge
    // (at open, racing the write) keeps it.
    const store = await open(await engine.fresh(), { retentionDays: 36_500 });
    const e = event({
      id: "r1",
      at: new Date("2026-01-02T03:04:05.000Z"),
      user: "U42",
      question: '=HYPERLINK("x"), then\nmore',
      suggestions: ["@a", "b"],
      confidence: 0.5,
    });
    store.record(e);
    await store.feedback({ id: "r1", user: "U1", helpful: true });
    const csv = await csvOf(store);
    const hash = createHmac("sha256", "test-secret").update("U42").digest("hex");
    expect(csv).toBe(
      "id,at,surface,user_hash,question,kind,sure,playbook,faq,step,confidence,suggestions,via_alternate,helpful,not_helpful\r\n" +
        `r1,2026-01-02T03:04:05.000Z,slack,${hash},"'=HYPERLINK(""x""), then\nmore",faq,true,deploys,How do I deploy to production?,,0.5,"[""@a"",""b""]",,1,0\r\n`,
    );
    expect(csv).not.toContain("U42");
  });

  it("exports long ranges page by page, in time order", async () => {
    const store = await open(await engine.fresh());
    const base = Date.now() - DAY;
    for (let i = 0; i < 2500; i++)
      store.record(event({ id: `e${i}`, at: new Date(base + (i % 7)) }));
    const lines = (await csvOf(store)).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(2500);
  });

  it("does not keep question text when told not to record questions", async () => {
    const store = await open(await engine.fresh(), { recordQuestions: false });
    store.record(event({ question: "secret plans", kind: "fallback", sure: false }));
    const csv = await csvOf(store);
    expect(csv).not.toContain("secret plans");
    const insights = await store.insights({ from: new Date(0), to: new Date(Date.now() + DAY) });
    expect(insights).toMatchObject({ asked: 1, not_sure: 1, unanswered: [] });
  });

  it("keeps one install secret across restarts when none is configured", async () => {
    const at = await engine.fresh();
    const first = await open(at, { secret: undefined });
    first.record(event({ id: "a", user: "U9" }));
    const before = await csvOf(first);
    await first.close();
    const second = await open(at, { secret: undefined });
    second.record(event({ id: "b", user: "U9" }));
    const hashes = (await csvOf(second))
      .split("\r\n")
      .slice(1, 3)
      .map((l) => l.split(",")[3]);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[1]).toBe(hashes[0]);
    expect(before).toContain(hashes[0]);
  });

  it("lets a claim be taken again once its hour has passed, and sweeps expired claims", async () => {
    const { db } = await connect(await engine.fresh(), silentLogger);
    try {
      const t0 = Date.now();
      expect(await claimKey(db, "Ev", t0)).toBe(true);
      expect(await claimKey(db, "Ev", t0 + CLAIM_TTL_MS - 1)).toBe(false);
      expect(await claimKey(db, "Ev", t0 + CLAIM_TTL_MS + 1)).toBe(true);
      expect(await claimKey(db, "Ev", t0 + CLAIM_TTL_MS + 2)).toBe(false);
      expect(await claimKey(db, "Old", t0)).toBe(true);
      expect(await deleteExpiredClaims(db, t0 + CLAIM_TTL_MS + 10)).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it("claims a key once, and again only after it expired", async () => {
    const store = await open(await engine.fresh());
    expect(await store.claimEvent("Ev1")).toBe(true);
    expect(await store.claimEvent("Ev1")).toBe(false);
    expect(await store.claimEvent("Ev2")).toBe(true);
  });
});
