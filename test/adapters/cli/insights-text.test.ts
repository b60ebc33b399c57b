import { describe, expect, it } from "vitest";
import { formatInsights } from "../../../src/adapters/cli/insights-text.ts";
import type { Insights } from "../../../src/store/types.ts";

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
