import { describe, expect, it } from "vitest";
import { createAnalyzer, simplify, withoutChatMarkup, words } from "../../src/answer/analyzer.ts";

describe("simplify", () => {
  it("lowercases, strips accents and straightens apostrophes", () => {
    expect(simplify("Café ‘KPIs’ isn`t ÀI’s naïve")).toBe("cafe 'kpis' isn't ai's naive");
  });
});

describe("withoutChatMarkup", () => {
  const read = (text: string) => words(simplify(withoutChatMarkup(text)));

  it("drops emoji shortcodes and @mentions", () => {
    expect(read(":wave: hi :+1::skin-tone-2: measure :PRAY:")).toEqual(["hi", "measure"]);
    expect(read("@aifirst cc @Steve.Jones, mail ops@example.com")).toEqual([
      "mail",
      "ops",
      "example",
      "com",
    ]);
  });

  it("leaves times, email addresses, package scopes and code alone", () => {
    for (const text of [
      "at 10:30:00, ratio a:b:c, step 3: why?",
      "npm i @types/node @aws-sdk/client-s3",
      "std::vector::push_back and Rails::Application::Configuration",
      "git clone git@github.com:org/repo",
    ]) {
      expect(withoutChatMarkup(text)).toBe(text);
    }
  });

  it("drops a pasted link whole", () => {
    expect(read("see https://user:pass@host/x?a=1, or www.example.com/y! :eyes:")).toEqual([
      "see",
      "or",
    ]);
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
    // An organization is not what one organizes, though Porter2 gives both "organ".
    expect(terms("organisations")).toEqual(terms("organization"));
    expect(terms("organize")).not.toEqual(terms("organization"));
  });

  it("reads every phrase of a glossary group as its first, inflected or not", () => {
    expect(terms("who approves PRs")).toEqual(terms("who approves pull requests"));
    expect(terms("merge requests")).toEqual(terms("pull request"));
    expect(terms("on-call handoff")).toEqual(terms("oncall handoff"));
  });

  it("reads a phrasal verb with a pronoun inside it as the phrase", () => {
    const { terms: read } = createAnalyzer({
      groups: [
        ["burnout", "burning out"],
        ["rollback", "roll back"],
      ],
    });
    expect(read("it is burning me out")).toEqual(["burnout"]);
    expect(read("roll it back")).toEqual(["rollback"]);
    // Only a pronoun, and only before a particle: other words keep the phrase apart.
    expect(read("roll the dice back")).toEqual(["roll", "dice", "back"]);
    const { terms: onCall } = createAnalyzer({ groups: [["oncall", "on call"]] });
    expect(onCall("who was on that call")).toEqual(["call"]);
    expect(onCall("who was on it call")).toEqual(["call"]);
  });

  it("reads a contraction typed without its apostrophe as the contraction", () => {
    expect(terms("theres a table, dont know whos the owner")).toEqual(["tabl", "owner"]);
    expect(terms("theres a table, dont know whos the owner")).toEqual(
      terms("there's a table, don't know who's the owner"),
    );
    expect(terms("the lib hasnt had a release, we havent upgraded")).toEqual(
      terms("the lib hasn't had a release, we haven't upgraded"),
    );
  });

  it("reads the forms of a stop word's verb as the stop word", () => {
    // "my vp wants numbers": "wants" must not weigh as a word the playbooks never use.
    expect(terms("my vp wants numbers")).toEqual(terms("my vp want numbers"));
    expect(terms("what is needed, what needs testing")).toEqual(["test"]);
  });

  it("reads the chat around a question as no words", () => {
    expect(
      terms("sorry if this was asked before, noob question: how do we deploy? cheers folks"),
    ).toEqual(terms("how do we deploy"));
  });

  it("leaves a word as typed where a glossary phrase shares only its stem, while stems make terms", () => {
    const groups = {
      groups: [
        ["production", "prod"],
        ["management", "mgmt"],
      ],
    };
    // "product" and "production" are one term by stem: shown as typed, searched alike.
    expect(createAnalyzer(groups).fold(["our", "product", "manager"])).toEqual([
      "our",
      "product",
      "manager",
    ]);
    expect(createAnalyzer(groups).terms("product")).toEqual(createAnalyzer(groups).terms("prod"));
    // Without stemming the phrase is what makes them one, so it is written out.
    expect(createAnalyzer(groups, { stem: false }).fold(["our", "product", "manager"])).toEqual([
      "our",
      "production",
      "management",
    ]);
  });

  it("applies no glossary when folding is off", () => {
    expect(createAnalyzer(glossary, { fold: false }).terms("PRs")).toEqual(["prs"]);
  });

  it("reads a group's first phrase as the other groups read their phrases", () => {
    const { terms: read } = createAnalyzer({
      groups: [
        ["engineer", "developer"],
        ["developer experience", "dx"],
      ],
    });
    expect(read("DX")).toEqual(read("developer experience"));
    expect(read("DX")).toEqual(["engin", "experi"]);
  });

  it("reads a group's first phrase once, though it holds another of the group's phrases", () => {
    const { terms: read } = createAnalyzer({
      groups: [["root cause analysis", "rca", "root cause"]],
    });
    expect(read("RCA")).toEqual(["root", "caus", "analysi"]);
    expect(read("root cause analysis")).toEqual(read("RCA"));
    expect(read("root cause")).toEqual(read("RCA"));
    expect(read("root cause analyses")).toEqual(read("RCA"));
  });

  it("reads a first phrase through the groups of the phrases inside it, however deep", () => {
    const { terms: read } = createAnalyzer({
      groups: [
        ["engineer", "developer"],
        ["developer experience", "dx"],
        ["developer experience survey", "dx survey"],
      ],
    });
    expect(read("dx survey")).toEqual(["engin", "experi", "survey"]);
    expect(read("developer experience survey")).toEqual(read("dx survey"));
    expect(read("developer experience")).toEqual(read("DX"));
    expect(read("DX")).toEqual(["engin", "experi"]);
  });

  it("matches a phrase of several words through another group's one-word phrases", () => {
    const { terms: read } = createAnalyzer({
      groups: [
        ["deploy", "ship to production"],
        ["production", "prod"],
        ["postmortem", "incident review"],
        ["incident", "outage"],
      ],
    });
    expect(read("ship to prod")).toEqual(read("deploy"));
    expect(read("ship to production")).toEqual(read("deploy"));
    // The first word too: "outage review" is an incident review.
    expect(read("outage review")).toEqual(read("postmortem"));
    // A one-word phrase itself is matched only as written: "prod" is no "deploy".
    expect(read("prod")).toEqual(read("production"));
    expect(read("prod")).not.toEqual(read("deploy"));
    expect(read("ship to staging")).toEqual(["ship", "stage"]);
  });

  it("keeps a word longer than any word as typed, unstemmed", () => {
    const { terms } = createAnalyzer({ groups: [] });
    const long = `ba${"na".repeat(18)}meetings`;
    expect(terms(long)).toEqual([long]);
    expect(terms(`ba${"na".repeat(10)}meetings`)).toEqual([`ba${"na".repeat(10)}meet`]);
  });

  it("does not take a word for another that only shares its stem ('prod' is no 'product')", () => {
    const { terms: read } = createAnalyzer({
      groups: [
        ["production", "prod"],
        ["product director", "product lead", "head of product"],
      ],
    });
    // "production" and "product" share the stem "product"; "prod" reads as "production" only.
    expect(read("prod lead")).not.toEqual(read("product director"));
    expect(read("head of prod")).not.toEqual(read("product director"));
    expect(read("product lead")).toEqual(read("product director"));
  });
});
