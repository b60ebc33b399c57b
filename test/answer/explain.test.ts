/**
 * What `aifirst ask --why` shows a content author: how a question was read, the closest
 * answers, and where each word of the question was found in each.
 */
import { describe, expect, it } from "vitest";
import { explainQuestion } from "../../src/answer/explain.ts";
import { toJson } from "../../src/answer/reply.ts";
import { libraryBot } from "../support/converse.ts";

describe("why a question got its answer", () => {
  it("reads the words as the engine does and shows where each was found", async () => {
    const bot = await libraryBot();
    const asked = "hey, how do we mesure ai kpis?";
    const why = explainQuestion(bot.knowledge, asked);
    expect(why?.readAs).toBe("how do we measure ai kpi");
    expect(why?.terms.map((t) => t.term)).toEqual(["measur", "ai", "kpi"]);
    for (const t of why?.terms ?? []) expect(t.weight).toBeGreaterThan(0);
    const [first, second] = why?.candidates ?? [];
    // The first candidate is the answer the bot gives, with its confidence.
    const reply = toJson(bot.reply(asked));
    expect(first).toMatchObject({
      kind: "faq",
      playbook: "building-an-ai-first-engineering-organization",
      title: reply.faq?.question,
      confidence: Math.round(reply.confidence * 100) / 100,
      given: true,
    });
    expect(why?.candidates.filter((c) => c.given)).toHaveLength(1);
    expect(first?.matched).toEqual([
      { term: "measur", where: "phrasing" },
      { term: "ai", where: "phrasing" },
      { term: "kpi", where: "phrasing" },
    ]);
    expect(first?.confidence).toBeGreaterThan(second?.confidence ?? 1);
    expect(why?.candidates.length).toBeLessThanOrEqual(5);
  });

  it("shows an author which words took a question elsewhere", async () => {
    const bot = await libraryBot();
    const why = explainQuestion(bot.knowledge, "how do we mesure ai kpis in prs");
    // "PRs" reads as "pull request": two words, and a code-review FAQ holds both.
    expect(why?.readAs).toContain("pull request");
    const first = why?.candidates[0];
    expect(first?.playbook).toBe("code-review");
    expect(first?.matched.filter((m) => m.where === null).map((m) => m.term)).toEqual([
      "measur",
      "ai",
      "kpi",
    ]);
  });

  it("marks the answer given, a step that fits clearly better than the first FAQ", async () => {
    const bot = await libraryBot();
    const why = explainQuestion(bot.knowledge, "how many approvals before i can merge");
    const given = why?.candidates.filter((c) => c.given);
    expect(given?.map((c) => c.title)).toEqual(["Step 6: Approve and Merge"]);
    expect(bot.reply("how many approvals before i can merge").step?.number).toBe(6);
    // Nothing is marked when the bot is not sure.
    const unsure = explainQuestion(bot.knowledge, "is the vending machine on floor 3 broken");
    expect(toJson(bot.reply("is the vending machine on floor 3 broken")).kind).toBe("fallback");
    expect(unsure?.candidates.some((c) => c.given)).toBe(false);
    expect(unsure).toMatchObject({ notSureBelow: 0.46, sureFrom: 0.6 });
  });

  it("finds a step's words in its title, text, or the playbook's title", async () => {
    const bot = await libraryBot();
    const step = explainQuestion(
      bot.knowledge,
      "how should we structure our team",
    )?.candidates.find((c) => c.kind === "step");
    expect(step?.title).toBe("Step 3: Structure Your Team");
    expect(step?.matched.find((m) => m.term === "structur")?.where).toBe("phrasing");
  });

  it("explains nothing for a command, and nothing found for words no playbook has", async () => {
    const bot = await libraryBot();
    expect(explainQuestion(bot.knowledge, "step 3")).toBeNull();
    expect(explainQuestion(bot.knowledge, "zxqv wubba")?.candidates).toEqual([]);
  });
});
