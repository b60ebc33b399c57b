/**
 * A folder whose first playbook has steps and no FAQ (a checklist) beside one that has
 * an FAQ: every reply that offers questions still offers some, and says so when a
 * playbook has none to list.
 */
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/answer/bot.ts";
import { loadLibrary } from "../../src/content/load.ts";
import { contentDir, playbook } from "../support/playbook-files.ts";

async function sparseBot() {
  const dir = contentDir({
    "a-checklist.md": playbook(
      'title: "Access Checklist"',
      "### Step 1: Get a laptop\n\nAsk IT for one.\n\n### Step 2: Join the chat\n\nAsk your manager.",
    ),
    "b-deploys.md": playbook(
      'title: "Deploys"',
      "### Step 1: Merge\n\nMerging to main deploys to staging.\n\n## FAQ\n\n### How do I roll back a deploy?\n\nRun the rollback job.\n\n### Can I deploy on Friday?\n\nOnly fixes.",
    ),
  });
  const library = await loadLibrary(dir);
  return createBot(library.playbooks, { glossary: library.glossary });
}

describe("content whose first playbook has no FAQ", () => {
  it("lists the questions of a playbook that has some when asked for the FAQ", async () => {
    const { reply, view } = (await sparseBot()).ask("faq");
    expect(reply.playbook).toBe("b-deploys");
    expect(view.list.map((c) => c.ask)).toEqual([
      "How do I roll back a deploy?",
      "Can I deploy on Friday?",
    ]);
  });

  it("says so when a playbook named has nothing to list", async () => {
    const { view } = (await sparseBot()).ask("faq a-checklist");
    expect(view.list).toEqual([]);
    // And says which playbook has one.
    expect(view.body).toBe(
      "It has no FAQ: ask a question in your own words. Other playbooks: `faq b-deploys`.",
    );
  });

  it('offers questions after "not sure", in help, and beside a likely answer', async () => {
    const bot = await sparseBot();
    const notSure = bot.ask("whats the wifi password").reply;
    expect(notSure.kind).toBe("fallback");
    expect(notSure.suggestions).toEqual([
      "How do I roll back a deploy?",
      "Can I deploy on Friday?",
    ]);
    expect(bot.ask("help").reply.suggestions).toEqual([
      "steps",
      "step 1",
      "faq",
      "How do I roll back a deploy?",
    ]);
    const likely = bot.ask("friday rollout freeze").reply;
    expect(likely.sure).toBe(false);
    expect(likely.kind).not.toBe("fallback");
    expect(likely.suggestions).toEqual(["How do I roll back a deploy?"]);
  });
});

describe("content whose first playbook has no steps", () => {
  it('lists another playbook\'s steps for "steps", and its example asks for one of them', async () => {
    const dir = contentDir({
      "a-faq.md": playbook(
        'title: "Access FAQ"',
        "## FAQ\n\n### How do I get VPN access?\n\nAsk IT.",
      ),
      "b-deploys.md": playbook(
        'title: "Deploys"',
        "### Step 1: Merge\n\nMerging to main deploys to staging.\n\n### Step 2: Promote\n\nRun the promote job.",
      ),
    });
    const library = await loadLibrary(dir);
    const bot = createBot(library.playbooks, { glossary: library.glossary });
    const { reply, view } = bot.ask("steps");
    expect(reply.playbook).toBe("b-deploys");
    expect(view.body).toBe("Ask for one by number, e.g. `step 1 b-deploys`.");
    const example = /`([^`]+)`/.exec(view.body)?.[1] ?? "";
    expect(bot.ask(example).reply).toMatchObject({ kind: "step", step: { number: 1 } });
  });
});
