import { describe, expect, it } from "vitest";
import { createAnalyzer, simplify, words } from "../../src/answer/analyzer.ts";

describe("simplify", () => {
  it("lowercases, strips accents and straightens apostrophes", () => {
    expect(simplify("Café ‘KPIs’ isn`t ÀI’s naïve")).toBe("cafe 'kpis' isn't ai's naive");
  });

  it("drops emoji shortcodes and @mentions, and only them", () => {
    expect(simplify(":wave: hi :+1::skin-tone-2: measure :PRAY:").split(/\s+/)).toEqual([
      "",
      "hi",
      "measure",
      "",
    ]);
    expect(words(simplify("@aifirst cc @steve.jones, mail ops@example.com"))).toEqual([
      "cc",
      "mail",
      "ops",
      "example",
      "com",
    ]);
    expect(simplify("at 10:30:00, ratio a:b:c, step 3: why?")).toBe(
      "at 10:30:00, ratio a:b:c, step 3: why?",
    );
  });
});

describe("terms", () => {
  const glossary = {
    groups: [
      ["pull request", "pr", "merge request"],
      ["oncall", "on call"],
    ],
  };
  const { terms } = createAnalyzer(glossary);

  it("drops stop words and reduces words to their stems, British spellings as American", () => {
    expect(terms("How do we measure the deployments?")).toEqual(["measur", "deploy"]);
    expect(terms("centralised organisation")).toEqual(terms("centralized organization"));
  });

  it("reads every phrase of a glossary group as its first, inflected or not", () => {
    expect(terms("who approves PRs")).toEqual(terms("who approves pull requests"));
    expect(terms("merge requests")).toEqual(terms("pull request"));
    expect(terms("on-call handoff")).toEqual(terms("oncall handoff"));
  });

  it("applies no glossary when folding is off", () => {
    expect(createAnalyzer(glossary, { fold: false }).terms("PRs")).toEqual(["prs"]);
  });
});
