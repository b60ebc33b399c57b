import { describe, expect, it } from "vitest";
import { notSureChart, outcomesChart } from "../../../src/adapters/insights/charts.ts";
import { html } from "../../../src/adapters/insights/html.ts";
import { alsoAsked } from "../../../src/adapters/insights/page.ts";

const alternate = (question: string) => ({
  playbook: "p",
  faq: "F?",
  question,
  users: 3,
  applied: true,
});

describe("the page's pieces", () => {
  it("escapes every interpolated value, in text and in attributes, but not nested markup", () => {
    const evil = `"><img src=x onerror=alert(1)>`;
    expect(html`<a title="${evil}">${evil}${html`<b>ok</b>`}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;<b>ok</b></a>',
    );
  });

  it("writes alternates as one 'Also asked:' line that reads back as the same phrasings", () => {
    expect(alsoAsked([alternate("how to ship code"), alternate("a | b; c")])).toBe(
      "Also asked: how to ship code | a b c",
    );
  });

  it("draws an empty period without dividing by zero, and says so", () => {
    const days = [{ day: "2026-12-06", sure: 0, likely: 0, not_sure: 0 }];
    expect(outcomesChart(days).value).toContain(
      "2026-12-06: 0 asked (0 sure, 0 likely, 0 not sure).",
    );
    const rate = notSureChart(days).value;
    expect(rate).toContain("no questions in this period");
    expect(rate).not.toMatch(/NaN|Infinity/);
    expect(rate).not.toContain("<polyline");
  });

  it("breaks the not-sure line at a day without questions", () => {
    const day = (d: string, notSure: number, sure: number) => ({
      day: d,
      sure,
      likely: 0,
      not_sure: notSure,
    });
    const chart = notSureChart([
      day("2026-12-01", 1, 1),
      day("2026-12-02", 1, 3),
      day("2026-12-03", 0, 0),
      day("2026-12-04", 2, 0),
    ]).value;
    expect(chart.match(/<polyline/g)).toHaveLength(2);
    expect(chart).toContain("50% over the period; highest 100% on 2026-12-04.");
  });
});
