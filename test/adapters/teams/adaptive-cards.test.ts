/**
 * Every card the bot produces, parsed by Microsoft's own Adaptive Cards
 * renderer (the `adaptivecards` package) at the version the card declares:
 * an element or property that version lacks, or one the renderer does not
 * know, is a parse warning, and a client would drop it or show the
 * fallback text instead.
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../../src/adapters/teams/render-card.ts";
import type { Bot } from "../../../src/answer/bot.ts";
import { LIKELY_NOTE, type ReplyView } from "../../../src/answer/view.ts";
import { botFor } from "../../support/converse.ts";
import { cardTexts, findNodes, type Json } from "./harness.ts";

// The package's ES build imports its own files without extensions, which Node refuses;
// its UMD bundle is the same code in one file.
const AC: typeof import("adaptivecards") = createRequire(import.meta.url)(
  "adaptivecards/dist/adaptivecards.js",
);

const RICH = "test/fixtures/teams/content-rich";

/** The languages Teams' CodeBlock element colours (Microsoft's card schema for Teams). */
const CODE_BLOCK_LANGUAGES = [
  "Bash",
  "C",
  "C++",
  "C#",
  "CSS",
  "DOS",
  "Go",
  "GraphQL",
  "HTML",
  "Java",
  "JavaScript",
  "JSON",
  "ObjectiveC",
  "Perl",
  "PHP",
  "PlainText",
  "PowerShell",
  "Python",
  "SQL",
  "TypeScript",
  "VbNet",
  "Verilog",
  "VHDL",
  "XML",
];

/** Parse warnings and validation failures for `card` at its declared version. */
function problems(card: Json): string[] {
  const versionContext = new AC.SerializationContext();
  const version = AC.Version.parse(card.version, versionContext);
  expect(version?.isValid, `version ${card.version}`).toBe(true);
  const context = new AC.SerializationContext(version);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const message = context.getEventAt(i).message;
    // Teams' code box is in Microsoft's schema for Teams, not in this renderer: it shows the
    // element's fallback, as a client of Teams that lacks it does (checked below).
    if (message !== 'Unknown element type "CodeBlock". Fallback will be used if present.')
      out.push(message);
  }
  for (const event of parsed.validateProperties().validationEvents) out.push(event.message);
  return out;
}

describe("cards parsed with Microsoft's Adaptive Cards renderer", () => {
  let seed: Bot;
  let rich: Bot;
  beforeAll(async () => {
    seed = await botFor();
    rich = await botFor(RICH);
  });

  /** Every kind of card the bot sends, by name. */
  function cards(): Record<string, ReplyView> {
    const answer = seed.ask("what is mlops").view;
    return {
      answer,
      likely: {
        ...answer,
        note: LIKELY_NOTE,
        suggestionsTitle: "Not what you meant?",
        suggestions: seed
          .ask("training people on ai")
          .view.suggestions.map((s) => ({ label: s.label, ask: s.ask })),
      },
      step: seed.ask("step 3").view,
      steps: seed.ask("steps").view,
      faqs: seed.ask("faq").view,
      help: seed.ask("help").view,
      notSure: seed.ask("what is the best pizza topping").view,
      unknownStep: seed.ask("step 99").view,
      table: rich.ask("which environments get the release").view,
      code: rich.ask("how do I tag a release").view,
      links: rich.ask("step 1").view,
    };
  }

  it("declares version 1.2 and parses without a warning at it, for every kind of reply", () => {
    for (const [name, view] of Object.entries(cards())) {
      const { card } = renderMessage(view);
      expect(card?.version, name).toBe("1.2");
      expect(problems(card), name).toEqual([]);
      // The renderer does not know Teams' code box, so its properties are held here to
      // Microsoft's schema for Teams: a snippet, a language it names, and a fallback.
      for (const box of findNodes(card, (n) => n.type === "CodeBlock")) {
        expect(Object.keys(box).sort(), name).toEqual([
          "codeSnippet",
          "fallback",
          "language",
          "type",
        ]);
        expect(typeof box.codeSnippet, name).toBe("string");
        expect(CODE_BLOCK_LANGUAGES, name).toContain(box.language);
        expect(box.fallback.type, name).toBe("Container");
      }
    }
  });

  it("is a check that can fail: a 1.5 element or property in a 1.2 card is reported", () => {
    const { card } = renderMessage(seed.ask("what is mlops").view);
    const broken: Json = structuredClone(card);
    broken.body.push({ type: "Table", columns: [], rows: [] });
    broken.body.push({ type: "TextBlock", text: "x", style: "heading" });
    expect(problems(broken).join("\n")).toMatch(/Table[\s\S]*style/);
  });

  it("shows a table as rows of cells, the header bold", () => {
    const { card } = renderMessage(rich.ask("which environments get the release").view);
    const rows = findNodes(card, (n) => n.type === "ColumnSet" && n.columns.length === 3);
    const cellsOf = (row: Json) => row.columns.map((c: Json) => c.items[0].text);
    expect(rows.map(cellsOf)).toEqual([
      ["Environment", "When", "Who approves"],
      ["Staging", "Monday 10:00", "The release captain"],
      ["Canary (5%)", "Tuesday 10:00", "On-call SRE"],
      ["Production", "Wednesday 10:00", "Engineering manager"],
    ]);
    expect(rows[0].columns[0].items[0].weight).toBe("Bolder");
    const texts = cardTexts(card);
    expect(texts.join("\n")).not.toMatch(/\||~~|^>/m);
    expect(texts).toContain("Friday releases are no longer allowed.");
    expect(texts).toContain("Never skip canary, even for a one-line fix.");
  });

  it("sends code as Teams' code box, and shows its lines, one monospace line each, where the box is unknown", () => {
    const { card } = renderMessage(rich.ask("how do I tag a release").view);
    const [box] = findNodes(card, (n) => n.type === "CodeBlock");
    expect(box.codeSnippet).toBe(
      'git tag -a v1.4.0 -m "Release 1.4.0"\ngit push origin v1.4.0\n  # indented: check the pipeline\n- not a list item',
    );
    // What a client without it shows: the card as Microsoft's renderer reads it.
    const context = new AC.SerializationContext(
      AC.Version.parse("1.2", new AC.SerializationContext()),
    );
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card, context);
    const shown = parsed.toJSON() as Json;
    expect(findNodes(shown, (n) => n.type === "CodeBlock")).toEqual([]);
    const code = findNodes(shown, (n) => n.fontType === "Monospace");
    const lines = code.map((b) => b.text.replace(/\u200b/g, "").replace(/\u00a0/g, " "));
    expect(lines).toEqual([
      'git tag -a v1.4.0 -m "Release 1.4.0"',
      "git push origin v1.4.0",
      "  # indented: check the pipeline",
      "- not a list item",
    ]);
  });

  it("lets no javascript: link through, and keeps links with parentheses whole", () => {
    for (const question of [
      "how do I tag a release",
      "step 1",
      "where is the release guide kept",
    ]) {
      const { card, fallback } = renderMessage(rich.ask(question).view);
      const everything = JSON.stringify(card) + fallback;
      expect(everything).not.toMatch(/javascript:/i);
    }
    // In a title too (an FAQ's question is a heading of the content).
    const guide = renderMessage(rich.ask("where is the release guide kept").view);
    expect(cardTexts(guide.card)[0]).toBe("Where is the release guide kept?");
    const tagging = renderMessage(rich.ask("how do I tag a release").view);
    // The words of a refused link stay, as text.
    expect(cardTexts(tagging.card).join("\n")).toContain("Do not follow this link or .");
    expect(tagging.fallback).toContain(
      "[open the pipeline](https://ci.example.com/pipelines?ref=v1.4.0)",
    );
    const { card, fallback } = renderMessage(rich.ask("step 1").view);
    const wiki = "https://en.wikipedia.org/wiki/Rust_%28programming_language%29";
    expect(cardTexts(card).join("\n")).toContain(`[the Rust book](${wiki})`);
    expect(fallback).toContain(`[the Rust book](${wiki})`);
  });
});
