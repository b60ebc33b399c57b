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
    });
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
