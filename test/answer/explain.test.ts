/**
 * What `aifirst ask --why` shows a content author: how a question was read, the closest
 * answers, and where each word of the question was found in each.
 */
import { describe, expect, it } from "vitest";
import { formatWhy } from "../../src/adapters/cli/why-text.ts";
import type { Bot } from "../../src/answer/bot.ts";
import { explainQuestion } from "../../src/answer/explain.ts";
import { toJson } from "../../src/answer/reply.ts";
import { libraryBot } from "../support/converse.ts";

/** The explanation of a question that was searched (fails the test for one that was not). */
function searched(bot: Bot, question: string) {
  const why = explainQuestion(bot.knowledge, question);
  if (!why.searched) throw new Error(`not searched: ${why.because}`);
  return why;
}

describe("why a question got its answer", () => {
  it("reads the words as the engine does and shows where each was found", async () => {
    const bot = await libraryBot();
    const asked = "hey, how do we mesure ai kpis?";
    const why = searched(bot, asked);
    expect(why.readAs).toBe("how do we measure ai kpi");
    // Words as read, not stems; a typo is said to be one.
    expect(why.terms.map((t) => [t.word, t.guessed])).toEqual([
      ["measure", true],
      ["ai", false],
      ["kpi", false],
    ]);
    for (const t of why.terms) expect(t.weight).toBeGreaterThan(0);
    const [first, second] = why.candidates;
    // The first candidate is the answer the bot gives, with its confidence.
    const reply = toJson(bot.reply(asked));
    expect(first).toMatchObject({
      kind: "faq",
      playbook: "building-an-ai-first-engineering-organization",
      title: reply.faq?.question,
      // Matched through one of its "Also asked" lines, word for word.
      via: { text: "how do we measure ai kpis", learned: false },
      confidence: reply.confidence,
      rank: 1,
      judged: true,
      given: true,
    });
    expect(first?.matched).toEqual([
      { word: "measure", where: "phrasing" },
      { word: "ai", where: "phrasing" },
      { word: "kpi", where: "phrasing" },
    ]);
    expect(why.candidates.filter((c) => c.given)).toHaveLength(1);
    expect(first?.confidence).toBeGreaterThan(second?.confidence ?? 1);
    expect(why.candidates.length).toBeLessThanOrEqual(5);
  });

  it("shows an author which words took a question elsewhere, and which no playbook uses", async () => {
    const bot = await libraryBot();
    const why = searched(bot, "how do we mesure ai kpis in prs");
    // "PRs" reads as "pull request": two words, and a code-review FAQ holds both.
    expect(why.readAs).toContain("pull request");
    const first = why.candidates[0];
    expect(first?.playbook).toBe("code-review");
    expect(first?.matched.filter((m) => m.where === null).map((m) => m.word)).toEqual([
      "measure",
      "ai",
      "kpi",
    ]);
    const odd = searched(bot, "how do we measure kpis for the zorblax team");
    expect(odd.terms.find((t) => t.word === "zorblax")?.inNoPlaybook).toBe(true);
    expect(odd.terms.find((t) => t.word === "kpi")?.inNoPlaybook).toBe(false);
  });

  it("names the Also asked line a question matched through, not the FAQ's own question", async () => {
    const bot = await libraryBot();
    const why = searched(bot, "why do we need mlops");
    expect(why.candidates[0]).toMatchObject({
      title: "What role does MLOps play in transforming engineering with AI?",
      via: { text: "why do we need mlops", learned: false },
      given: true,
    });
  });

  it("names a question learned from use that a question matched through", async () => {
    const faq = "How can AI engineering KPIs be effectively measured?";
    const question = "what numbers should my vp see for the ai rollout";
    const bot = await libraryBot({
      learned: [{ playbook: "building-an-ai-first-engineering-organization", faq, question }],
    });
    expect(searched(bot, question).candidates[0]).toMatchObject({
      title: faq,
      via: { text: question, learned: true },
      given: true,
    });
  });

  it("marks the answer given, a step that fits clearly better than the first FAQ", async () => {
    const bot = await libraryBot();
    const why = searched(bot, "how many approvals before i can merge");
    expect(why.candidates.filter((c) => c.given).map((c) => c.title)).toEqual([
      "Step 6: Approve and Merge",
    ]);
    expect(bot.reply("how many approvals before i can merge").step?.number).toBe(6);
    // Nothing is marked when the bot is not sure.
    const unsure = searched(bot, "is the vending machine on floor 3 broken");
    expect(toJson(bot.reply("is the vending machine on floor 3 broken")).kind).toBe("fallback");
    expect(unsure.candidates.some((c) => c.given)).toBe(false);
    expect(unsure).toMatchObject({ notSureBelow: 0.46, sureFrom: 0.6 });
  });

  it("explains what the bot searched when a message starts with its name", async () => {
    const bot = await libraryBot({ names: ["/aifirst", "Playbook Bot"] });
    for (const asked of [
      "Playbook Bot: who writes the postmortem?",
      "aifirst why should we bother tracking data lineage for our models?",
    ]) {
      const why = searched(bot, asked);
      expect(why.readAs).not.toMatch(/bot|playbook|aifirst/);
      const given = why.candidates.find((c) => c.given);
      const reply = bot.reply(asked);
      expect(given?.confidence).toBe(reply.confidence);
      expect(given?.title).toBe(
        reply.faq?.question ?? `Step ${reply.step?.number}: ${reply.step?.title}`,
      );
    }
  });

  it("marks an answer that went first by breaking a tie", async () => {
    const bot = await libraryBot();
    const why = searched(bot, "should i link the jira ticket in the pr");
    expect(why.candidates[0]).toMatchObject({
      title: "Step 2: Write a Useful Description",
      given: true,
      brokeTie: true,
    });
    expect(why.candidates.slice(1).some((c) => c.brokeTie)).toBe(false);
    expect(searched(bot, "who merges the pr").candidates[0]?.brokeTie).toBe(false);
  });

  it("says when a step answers because the best FAQ asks another kind of thing", async () => {
    const bot = await libraryBot();
    const why = searched(bot, "why should we bother tracking data lineage for our models?");
    expect(why.byKind).toEqual({
      question: ["why"],
      faq: ["what or how"],
      alternate: "what metrics should we track for ai",
    });
    expect(why.candidates.find((c) => c.given)?.title).toBe(
      "Step 4: Implement AI Governance and Data Management",
    );
    expect(searched(bot, "how many approvals before i can merge").byKind).toBeNull();
  });

  it("says when one word, named in an answer's own question, made it a likely answer", async () => {
    const bot = await libraryBot();
    const why = searched(bot, "kpis");
    expect(why.oneWordNamed).toBe(true);
    expect(why.candidates.find((c) => c.given)?.title).toBe(
      "How can AI engineering KPIs be effectively measured?",
    );
    expect(formatWhy(why)).toContain(
      "  One word, which the answer given's question or title (or one of its Also asked lines) holds: asked about that answer's topic",
    );
    // How coverage is counted is said once, so "covers 50%" for a word found in a text reads right.
    expect(formatWhy(why)).toContain("half in its text");
    // Two words, or one found only in answers' text, are weighed as any question is.
    expect(searched(bot, "ai kpis").oneWordNamed).toBe(false);
    expect(searched(bot, "federated").oneWordNamed).toBe(false);
  });

  it("says which two answers the bot weighed when it was not sure, whatever their rank", async () => {
    const bot = await libraryBot();
    const asked = "several goes customers driven components";
    expect(bot.reply(asked).kind).toBe("fallback");
    const why = searched(bot, asked);
    expect(why.notSure).toBe(true);
    const judged = why.candidates.filter((c) => c.judged);
    expect(judged.map((c) => c.kind).sort()).toEqual(["faq", "step"]);
    for (const c of judged) expect(c.confidence).toBeLessThan(why.notSureBelow);
    // A shared stem is shown with the answer's own word.
    expect(why.candidates[0]?.matched[0]).toEqual({
      word: "several",
      where: "phrasing",
      as: "severity",
    });
  });

  it("finds a step's words in its title, text, or the playbook's title", async () => {
    const bot = await libraryBot();
    const step = searched(bot, "how should we structure our team").candidates.find(
      (c) => c.kind === "step",
    );
    expect(step?.title).toBe("Step 3: Structure Your Team");
    expect(step?.matched.find((m) => m.word === "structure")?.where).toBe("phrasing");
  });

  it("searches what the bot searched: not a command or a message too long, but a command's words that name nothing", async () => {
    const bot = await libraryBot();
    expect(explainQuestion(bot.knowledge, "step 3")).toEqual({
      searched: false,
      because: "command",
    });
    expect(explainQuestion(bot.knowledge, "rollback ".repeat(300))).toEqual({
      searched: false,
      because: "too long",
    });
    // "steps to measure kpis" names no playbook: the bot searched it as a question.
    expect(bot.reply("steps to measure kpis").read).toBe("question");
    expect(searched(bot, "steps to measure kpis").candidates.length).toBeGreaterThan(0);
    expect(searched(bot, "zxqv wubba").candidates).toEqual([]);
  });
});
