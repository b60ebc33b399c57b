/**
 * The server and its store: answers are recorded (never on the CLI), feedback
 * over HTTP lands in the store, `/healthz` says how the store is, the banner
 * says where it is, retention deletes old events, and a store that cannot be
 * reached never stops an answer.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  freePort,
  postgresSkipReason,
  startPostgres,
  type TestPostgres,
} from "../support/postgres.ts";
import { eventually, type RealServer, startRealServer } from "./helpers/real-server.ts";

const DAY = 86_400_000;
const everything = () => ({ from: new Date(0), to: new Date(Date.now() + DAY) });

let server: RealServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const health = async (base: string) => (await (await fetch(`${base}/healthz`)).json()).store;

async function ask(
  base: string,
  q: string,
): Promise<{ id: string; kind: string; sure: boolean; suggestions: string[] }> {
  const res = await fetch(`${base}/api/ask?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.json();
}

const feedback = (base: string, body: unknown) =>
  fetch(`${base}/api/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the server's store", () => {
  it("records API questions and feedback, and says where it is", async () => {
    server = await startRealServer();
    expect(server.banner).toMatch(/Store: SQLite at \/.*aifirst-data-[^/]+\/aifirst\.sqlite\./);
    expect(await health(server.base)).toBe("ok");
    const kpis = await ask(server.base, "how do we measure ai kpis?");
    const lunch = await ask(server.base, "what's for lunch");
    // The CLI surface is never recorded.
    server.running.assistant.ask("step 2", { surface: "cli", user: null });

    expect((await feedback(server.base, { id: kpis.id, helpful: true })).status).toBe(204);
    expect(
      (await feedback(server.base, { id: lunch.id, chose: lunch.suggestions[0] })).status,
    ).toBe(204);
    expect((await feedback(server.base, { id: "no-such-reply", helpful: false })).status).toBe(404);

    const insights = await server.running.store?.insights(everything());
    expect(insights).toMatchObject({ asked: 2, sure: 1, not_sure: 1, helpful: 1, not_helpful: 0 });
    expect(insights?.unanswered).toEqual([{ question: "what's for lunch", count: 1 }]);
  });

  it("keeps question text out with RECORD_QUESTIONS=false", async () => {
    server = await startRealServer({ RECORD_QUESTIONS: "false" });
    await ask(server.base, "what's for lunch");
    const insights = await server.running.store?.insights(everything());
    expect(insights?.asked).toBe(1);
    expect(JSON.stringify(insights)).not.toContain("lunch");
  });

  it("deletes events older than RETENTION_DAYS", async () => {
    server = await startRealServer({ RETENTION_DAYS: "7" });
    await ask(server.base, "how do we measure ai kpis?");
    const store = server.running.store;
    expect(await store?.purge(new Date(Date.now() + 6 * DAY))).toBe(0);
    expect(await store?.purge(new Date(Date.now() + 8 * DAY))).toBe(1);
    expect((await store?.insights(everything()))?.asked).toBe(0);
  });

  it("is off with DATA_DIR=off: nothing recorded, feedback still taken", async () => {
    server = await startRealServer({ DATA_DIR: "off" });
    expect(server.banner).toMatch(/Store: off \(DATA_DIR=off\)/);
    expect(server.banner).toMatch(/Learning: off, with nothing recorded to learn from/);
    expect(await health(server.base)).toBe("off");
    expect(server.running.store).toBeUndefined();
    const reply = await ask(server.base, "how do we measure ai kpis?");
    expect((await feedback(server.base, { id: reply.id, helpful: true })).status).toBe(204);
  });
});

describe("a store that cannot be reached", () => {
  it("at start: answers continue, /healthz says degraded, feedback is a polite 503", async () => {
    const port = await freePort();
    server = await startRealServer({
      DATABASE_URL: `postgres://app:hunter2secret@127.0.0.1:${port}/aifirst`,
    });
    expect(server.banner).toContain(
      `Store: Postgres at 127.0.0.1:${port}/aifirst (unreachable now`,
    );
    expect(server.banner).not.toContain("hunter2secret");
    expect(await health(server.base)).toBe("degraded");
    const reply = await ask(server.base, "how do we measure ai kpis?");
    expect(reply.kind).toBe("faq");
    const res = await feedback(server.base, { id: reply.id, helpful: true });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/try again later/) });
    const metrics = await (await fetch(`${server.base}/metrics`)).text();
    expect(metrics).toMatch(/^aifirst_store_write_failures_total [1-9]/m);
    expect(JSON.stringify(server.logs)).not.toContain("hunter2secret");
  });

  describe("mid-run", () => {
    const skip = postgresSkipReason();
    let cluster: TestPostgres | undefined;
    afterAll(() => cluster?.stop());

    it.skipIf(skip !== undefined)(
      "keeps answering while Postgres is down, says degraded, and writes what it queued once back",
      async () => {
        cluster = await startPostgres();
        const url = await cluster.createDatabase();
        server = await startRealServer({ DATABASE_URL: url });
        const base = server.base;
        expect(await health(base)).toBe("ok");
        await ask(base, "how do we measure ai kpis?");
        await cluster.pause();
        for (let i = 0; i < 5; i++) expect((await ask(base, `step ${i + 1}`)).kind).toBe("step");
        await eventually(async () => (await health(base)) === "degraded", 10_000);
        expect((await ask(base, "what's for lunch")).kind).toBe("fallback");
        await cluster.resume();
        await eventually(async () => (await health(base)) === "ok", 15_000);
        const store = server.running.store;
        await eventually(async () => (await store?.insights(everything()))?.asked === 7, 10_000);
      },
      60_000,
    );
  });
});
