/**
 * What the store-backed recorder writes: a chosen suggestion is credited to
 * the playbook that holds it, the replied one first when two playbooks ask
 * the same question; nothing from the CLI; feedback on a store that is down
 * rejects (the surfaces answer that politely) and is counted.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createAssistant } from "../../src/assistant.ts";
import { parseConfig } from "../../src/config.ts";
import { loadBot } from "../../src/load-bot.ts";
import { silentLogger } from "../../src/log.ts";
import { openStore } from "../../src/store/index.ts";
import type { Store } from "../../src/store/types.ts";
import { storeRecorder } from "../../src/store-recorder.ts";
import { contentDir, playbook } from "../support/playbook-files.ts";
import { freePort } from "../support/postgres.ts";

const SHARED = "How do we start?";
const body = (topic: string) => `
## The Solution

### Step 1: ${topic} basics

Learn the ${topic} basics.

## FAQ

### ${SHARED}

Start with ${topic}.

### What does ${topic} cost?

It depends on ${topic}.
`;

let store: Store | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  store = undefined;
  dir = undefined;
});

async function setUp(options: { databaseUrl?: string } = {}) {
  dir = await mkdtemp(join(tmpdir(), "aifirst-recorder-"));
  store = await openStore({
    dataDir: dir,
    ...options,
    logger: silentLogger,
    recordQuestions: true,
    retentionDays: 90,
    learnMinUsers: 1,
  });
  // Both have the same second step ("Step 2: Pack the gear").
  const started = (topic: string) =>
    body(topic).replace("## FAQ", `### Step 2: Pack the gear\n\nPack it.\n\n## FAQ`);
  const content = contentDir({
    "a-kites.md": playbook(
      "title: Kites\nslug: kites\ndescription: Flying kites",
      started("kites"),
    ),
    "b-boats.md": playbook(
      "title: Boats\nslug: boats\ndescription: Sailing boats",
      started("boats"),
    ),
  });
  const bot = await loadBot(parseConfig({ CONTENT_DIR: content }));
  let failures = 0;
  const recorder = storeRecorder({
    store,
    bot: () => bot,
    recordQuestions: true,
    logger: silentLogger,
    counters: { storeWriteFailed: () => failures++ },
  });
  return {
    store,
    bot,
    recorder,
    assistant: createAssistant(bot, recorder),
    failures: () => failures,
  };
}

describe("the store recorder", () => {
  it("credits a chosen FAQ to the playbook the user was reading, else the first holding it", async () => {
    const { store, assistant } = await setUp();
    const asker = { surface: "slack" as const, user: "U1" };
    // Step 1 of boats, sure, offers the questions about that step.
    const boats = assistant.ask("boats basics", asker).reply;
    expect([boats.playbook, boats.step?.number, boats.sure]).toEqual(["boats", 1, true]);
    expect(boats.suggestions).toContain(SHARED);
    await assistant.feedback({ id: boats.id, helpful: false }, asker);
    await assistant.feedback({ id: boats.id, chose: SHARED }, asker);
    const fallback = assistant.ask("xylophone zebra", asker).reply;
    expect(fallback.kind).toBe("fallback");
    await assistant.feedback({ id: fallback.id, chose: SHARED }, asker);
    const alternates = await store.alternates();
    expect(alternates.map((a) => [a.question, a.playbook, a.faq]).sort()).toEqual([
      ["boats basics", "boats", SHARED],
      ["xylophone zebra", "kites", SHARED],
    ]);
  });

  it("credits a chosen step to the playbook it was offered from, when two share its label", async () => {
    const { store, bot, recorder } = await setUp();
    const asker = { surface: "slack" as const, user: "U1" };
    const label = "Step 2: Pack the gear";
    expect(bot.knowledge.playbooks.map((p) => p.steps[1]?.title)).toEqual([
      "Pack the gear",
      "Pack the gear",
    ]);
    // A "not sure" that offered the boats playbook's step 2 (the second playbook holding that label).
    const fallback = bot.ask("xylophone zebra").reply;
    const offered = {
      ...fallback,
      id: "offered-boats-step",
      suggestions: [label],
      suggestedSteps: [{ playbook: "boats", number: 2, title: "Pack the gear" }],
    };
    recorder.record(offered, asker);
    expect(await recorder.feedback({ id: offered.id, chose: label }, asker)).toBe("recorded");
    expect((await store.alternates()).map((a) => [a.question, a.playbook, a.faq])).toEqual([
      ["xylophone zebra", "boats", label],
    ]);
  });

  it("records a choice made on a command's reply, and learns nothing from it", async () => {
    const { store, assistant } = await setUp();
    const asker = { surface: "slack" as const, user: "U1" };
    // `step 99` lists the steps there are; `step 1 boats` offers that step's questions.
    const unknown = assistant.ask("step 99", asker).reply;
    const step = assistant.ask("step 1 boats", asker).reply;
    expect([unknown.read, step.read]).toEqual(["command", "command"]);
    expect(unknown.suggestions).toContain("Step 2: Pack the gear");
    expect(step.suggestions).toContain(SHARED);
    expect(
      await assistant.feedback({ id: unknown.id, chose: "Step 2: Pack the gear" }, asker),
    ).toBe("recorded");
    await assistant.feedback({ id: step.id, helpful: false }, asker);
    expect(await assistant.feedback({ id: step.id, chose: SHARED }, asker)).toBe("recorded");
    // The other order: a choice, then the 👎 that makes it count.
    const again = assistant.ask("step 1 boats", { ...asker, user: "U2" }).reply;
    await assistant.feedback({ id: again.id, chose: SHARED }, { ...asker, user: "U2" });
    await assistant.feedback({ id: again.id, helpful: false }, { ...asker, user: "U2" });
    expect(await store.alternates()).toEqual([]);
    const range = { from: new Date(0), to: new Date(Date.now() + 1000) };
    expect((await store.insights(range)).asked).toBe(3);
  });

  it("records nothing asked on the CLI", async () => {
    const { store, assistant } = await setUp();
    assistant.ask("what does kites cost", { surface: "cli", user: null });
    assistant.ask("what does kites cost", { surface: "api", user: "127.0.0.1" });
    const range = { from: new Date(0), to: new Date(Date.now() + 1000) };
    expect((await store.insights(range)).asked).toBe(1);
  });

  it("answers while the store is down; feedback rejects and is counted", async () => {
    const port = await freePort();
    const { assistant, failures } = await setUp({
      databaseUrl: `postgres://app@127.0.0.1:${port}/none`,
    });
    const asker = { surface: "teams" as const, user: "29:1abc" };
    const { reply } = assistant.ask("what does kites cost", asker);
    expect(reply.kind).toBe("faq");
    await expect(assistant.feedback({ id: reply.id, helpful: true }, asker)).rejects.toMatchObject({
      code: "AIFIRST_STORE_DOWN",
    });
    expect(failures()).toBe(1);
  });
});
