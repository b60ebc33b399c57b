import { describe, expect, it } from "vitest";
import { formatInsights, formatSnippet } from "../../../src/adapters/cli/insights-text.ts";
import type { Alternate, Insights } from "../../../src/store/types.ts";

const insights = (applied: boolean): Insights =>
  ({
    from: "2026-12-01T00:00:00.000Z",
    to: "2026-12-06T00:00:00.000Z",
    asked: 4,
    sure: 2,
    likely: 1,
    not_sure: 1,
    helpful: 1,
    not_helpful: 0,
    unanswered: [{ question: "how to ship code", count: 1 }],
    alternates: [
      {
        playbook: "deploys",
        faq: "How do I deploy?",
        question: "how to ship code",
        users: 1,
        applied,
      },
    ],
  }) as Insights;

describe("insights in a terminal", () => {
  it("points at the paste-ready snippet only when an alternate is confirmed", () => {
    const proposed = formatInsights(insights(false), { days: 7, learn: "suggest" });
    expect(proposed).toContain('[proposed] "how to ship code" -> How do I deploy? (deploys), 1');
    expect(proposed).toContain("None is confirmed yet");
    expect(proposed).not.toContain("Paste-ready");
    const confirmed = formatInsights(insights(true), { days: 7, learn: "suggest" });
    expect(confirmed).toContain("[confirmed]");
    expect(confirmed).toContain("Paste-ready: aifirst insights alternates");
    expect(formatInsights(insights(true), { days: 7, learn: "auto" })).toContain("[applied]");
    // Once its line is in the content, there is nothing left to paste.
    const written = formatInsights(insights(true), {
      days: 7,
      learn: "suggest",
      inContent: (a) => a.question === "how to ship code",
    });
    expect(written).toContain('[in content] "how to ship code"');
    expect(written).toContain("Every confirmed one is in the content already.");
    expect(written).not.toContain("Paste-ready");
  });

  it("never prints a control character someone typed into a question to the terminal", () => {
    // Anyone who can ask (Slack, Teams, the API) could otherwise recolour, retitle or
    // rewrite the operator's terminal, or reorder a line with a bidirectional override.
    const typed = "\u001b[31mRED\u001b[0m \u001b]0;owned\u0007 \u202eevil \u009b2J";
    const alternate: Alternate = {
      playbook: "deploys",
      faq: "How do I deploy?",
      question: typed,
      users: 2,
      applied: true,
      retired: false,
    };
    const text = formatInsights(
      { ...insights(true), unanswered: [{ question: typed, count: 1 }], alternates: [alternate] },
      { days: 7, learn: "suggest" },
    );
    const snippet = formatSnippet([alternate]);
    for (const out of [text, snippet]) {
      for (const line of out.split("\n")) expect(line).not.toMatch(/\p{Cc}|[\u202a-\u202e]/u);
      expect(out).toContain("\uFFFD[31mRED\uFFFD[0m");
    }
  });

  it("shows a long or multi-line question on one line, cut short", () => {
    const long = {
      ...insights(false),
      unanswered: [{ question: `a\nb ${"x".repeat(2000)}`, count: 3 }],
    };
    const text = formatInsights(long as Insights, { days: 7, learn: "off" });
    const line = text.split("\n").find((l) => l.includes("a b x")) ?? "";
    expect(line).toMatch(/^ {2}3 {2}a b x+…$/);
    expect([...line].length).toBeLessThan(120);
  });
});
