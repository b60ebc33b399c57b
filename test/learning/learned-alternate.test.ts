/**
 * Learning from use, end to end on the real server and a real store: people
 * choose a suggestion after a "not sure", and once enough different people
 * made the same choice, the next person asking that question gets that FAQ
 * (LEARN=auto), and keeps getting it across a content reload. With
 * LEARN=suggest the same choices change no answer.
 */
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Asker } from "../../src/assistant.ts";
import {
  copyOfContent,
  eventually,
  type RealServer,
  startRealServer,
} from "../server/helpers/real-server.ts";

const QUESTION = "what is a kpi scorecard";
const FAQ = "How can AI engineering KPIs be effectively measured?";

let server: RealServer | undefined;
let content: { remove(): Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  await content?.remove();
  server = undefined;
  content = undefined;
});

async function askOverHttp(base: string, q: string) {
  const res = await fetch(`${base}/api/ask?q=${encodeURIComponent(q)}`);
  return (await res.json()) as {
    kind: string;
    sure: boolean;
    faq: { question: string } | null;
    suggestions: string[];
  };
}

async function insightsJson(base: string) {
  const res = await fetch(`${base}/insights.json`, {
    headers: { authorization: "Bearer insights-token" },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { asked: number; alternates: unknown[] };
}

/** `user` (on Slack) asks, gets "not sure" or a likely answer with FAQ offered, and chooses FAQ. */
async function chooseAfterAsking(s: RealServer, user: string, question = QUESTION): Promise<void> {
  const asker: Asker = { surface: "slack", user };
  const { reply } = s.running.assistant.ask(question, asker);
  expect(reply.sure).toBe(false);
  expect(reply.suggestions).toContain(FAQ);
  expect(await s.running.assistant.feedback({ id: reply.id, chose: FAQ }, asker)).toBe("recorded");
}

describe("a learned alternate", () => {
  it("answers the next person once LEARN_MIN_USERS different people chose it (LEARN=auto)", async () => {
    const copy = await copyOfContent();
    content = copy;
    server = await startRealServer({
      LEARN: "auto",
      LEARN_MIN_USERS: "2",
      CONTENT_DIR: copy.dir,
      CONTENT_WATCH: "false",
    });
    expect(server.banner).toMatch(/Learning: LEARN=auto/);
    const before = await askOverHttp(server.base, QUESTION);
    expect(before.kind).toBe("fallback");

    await chooseAfterAsking(server, "U0000AAAA");
    // One person is not enough.
    await new Promise((r) => setTimeout(r, 600));
    expect((await askOverHttp(server.base, QUESTION)).kind).toBe("fallback");

    await chooseAfterAsking(server, "U0000BBBB");
    const base = server.base;
    await eventually(async () => (await askOverHttp(base, QUESTION)).faq?.question === FAQ);
    const after = await askOverHttp(base, QUESTION);
    expect(after.kind).toBe("faq");
    expect(after.faq?.question).toBe(FAQ);

    // A content edit rebuilds the bot from the files: what was learned stays.
    await appendFile(
      join(copy.dir, "building-an-ai-first-engineering-organization.md"),
      "\n### How do we onboard a zebra handler?\n\nWith a striped badge.\n",
    );
    expect(await server.running.content.reload("test")).toBe("applied");
    expect(server.running.bot.counts().faqs).toBe(11);
    expect((await askOverHttp(base, QUESTION)).faq?.question).toBe(FAQ);
  });

  it("counts people who asked near-identical questions as agreeing (LEARN=auto)", async () => {
    server = await startRealServer({ LEARN: "auto", LEARN_MIN_USERS: "2" });
    await chooseAfterAsking(server, "U0000AAAA", "what is a kpi scorecard");
    await chooseAfterAsking(server, "U0000BBBB", "What is the KPI scorecard?");
    const base = server.base;
    // A third wording, asked by nobody before: the learned phrasing answers it.
    await eventually(async () => (await askOverHttp(base, "kpi scorecard?")).faq?.question === FAQ);
    expect(await server.running.store?.alternates()).toEqual([
      expect.objectContaining({ faq: FAQ, question: QUESTION, users: 2, applied: true }),
    ]);
  });

  it("changes no answer with LEARN=suggest, but is listed as confirmed", async () => {
    server = await startRealServer({
      LEARN: "suggest",
      LEARN_MIN_USERS: "2",
      INSIGHTS_TOKEN: "insights-token",
    });
    await chooseAfterAsking(server, "U0000AAAA");
    await chooseAfterAsking(server, "U0000BBBB");
    const alternates = await server.running.store?.alternates();
    expect(alternates).toEqual([
      expect.objectContaining({ faq: FAQ, question: QUESTION, users: 2, applied: true }),
    ]);
    expect((await insightsJson(server.base)).alternates).toEqual([
      expect.objectContaining({ faq: FAQ, question: QUESTION, users: 2, applied: true }),
    ]);
    await new Promise((r) => setTimeout(r, 600));
    expect((await askOverHttp(server.base, QUESTION)).kind).toBe("fallback");
  });

  it("learns a step chosen by its label the same way, and retires it on 👎 (LEARN=auto)", async () => {
    server = await startRealServer({ LEARN: "auto", LEARN_MIN_USERS: "2" });
    const asked = "which stakeholders need to be bought in for the ai push?";
    const step = "Step 7: Foster a Culture of Change";
    for (const user of ["U0000AAAA", "U0000BBBB"]) {
      const asker: Asker = { surface: "slack", user };
      const { reply } = server.running.assistant.ask(asked, asker);
      expect(reply.kind).toBe("fallback");
      expect(reply.suggestions).toContain(step);
      const chose = { id: reply.id, chose: step };
      expect(await server.running.assistant.feedback(chose, asker)).toBe("recorded");
    }
    const base = server.base;
    await eventually(async () => (await askOverHttp(base, asked)).kind === "step");
    expect(await askOverHttp(base, asked)).toMatchObject({
      kind: "step",
      step: { number: 7, title: "Foster a Culture of Change" },
    });
    expect(await server.running.store?.alternates()).toEqual([
      expect.objectContaining({
        playbook: "building-an-ai-first-engineering-organization",
        faq: step,
        users: 2,
        applied: true,
      }),
    ]);
    // People it then failed vote it down: it is retired, and the question is "not sure" again.
    for (const user of ["U0000CCCC", "U0000DDDD"]) {
      const asker: Asker = { surface: "slack", user };
      const { reply } = server.running.assistant.ask(asked, asker);
      expect(reply).toMatchObject({ kind: "step", learned: expect.any(String) });
      const vote = { id: reply.id, helpful: false };
      expect(await server.running.assistant.feedback(vote, asker)).toBe("recorded");
    }
    await eventually(async () => (await askOverHttp(base, asked)).kind === "fallback");
    expect(await server.running.store?.alternates()).toEqual([
      expect.objectContaining({ faq: step, applied: false, retired: true }),
    ]);
  });

  it("is neither applied nor listed with LEARN=off", async () => {
    server = await startRealServer({
      LEARN: "off",
      LEARN_MIN_USERS: "1",
      INSIGHTS_TOKEN: "insights-token",
    });
    await chooseAfterAsking(server, "U0000AAAA");
    await new Promise((r) => setTimeout(r, 600));
    expect((await askOverHttp(server.base, QUESTION)).kind).toBe("fallback");
    expect(server.banner).toMatch(/LEARN=off, feedback is recorded but nothing is learned/);
    const insights = await insightsJson(server.base);
    expect(insights.asked).toBe(2);
    expect(insights.alternates).toEqual([]);
  });
});
