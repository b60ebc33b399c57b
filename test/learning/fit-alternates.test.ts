/**
 * Learned alternates meet the content as it is now: those whose FAQ is gone
 * are skipped (and noted at debug level); one learned without a playbook
 * goes to the playbook that holds its FAQ.
 */
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/content/load.ts";
import { fitAlternates, writtenInContent } from "../../src/learning/fit-alternates.ts";
import { createLogger } from "../../src/log.ts";

const FAQ = "How can AI engineering KPIs be effectively measured?";
const SLUG = "building-an-ai-first-engineering-organization";

describe("fitting learned alternates to the content", () => {
  it("keeps those whose FAQ exists, ties them to its playbook, and skips the rest", async () => {
    const { playbooks } = await loadLibrary("content");
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({
      level: "debug",
      format: "json",
      write: (l) => lines.push(JSON.parse(l)),
    });
    const fitted = fitAlternates(
      playbooks,
      [
        { playbook: SLUG, faq: FAQ, question: "what is a kpi scorecard" },
        { playbook: "", faq: FAQ, question: "how do we track metrics" },
        { playbook: SLUG, faq: "A question the content no longer has?", question: "gone" },
        { playbook: "another-playbook", faq: FAQ, question: "wrong playbook" },
      ],
      logger,
    );
    expect(fitted).toEqual([
      { playbook: SLUG, faq: FAQ, question: "what is a kpi scorecard" },
      { playbook: SLUG, faq: FAQ, question: "how do we track metrics" },
    ]);
    expect(lines.filter((l) => l.level === "debug").map((l) => l.question)).toEqual([
      "gone",
      "wrong playbook",
    ]);
  });
});

describe("an alternate the content already says", () => {
  it("is found as the FAQ's question or an Also asked line, or a step's title, compared as learning compares", async () => {
    const { playbooks } = await loadLibrary("content");
    const says = (faq: string, question: string, playbook = SLUG) =>
      writtenInContent(playbooks)({ playbook, faq, question });
    // The seed's own line, "how do we measure ai kpis", and its question, as learning keeps them.
    expect(says(FAQ, "how do we measure ai kpis")).toBe(true);
    expect(says(FAQ, "how can ai engineering kpis be effectively measured")).toBe(true);
    expect(says(FAQ, "", "")).toBe(false);
    expect(says(FAQ, "what is a kpi scorecard")).toBe(false);
    // Under another FAQ, or in another playbook, it is not said for this one.
    expect(says("What is an AI-first engineering organization?", "how do we measure ai kpis")).toBe(
      false,
    );
    expect(says(FAQ, "how do we measure ai kpis", "another-playbook")).toBe(false);
    expect(says("Step 3: Structure Your Team", "structure your team")).toBe(true);
  });
});
