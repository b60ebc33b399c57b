import { describe, expect, it } from "vitest";
import { inline, markdownToBlocks } from "../../../src/adapters/teams/card-markdown.ts";
import { renderMessage } from "../../../src/adapters/teams/render-card.ts";
import type { ReplyView } from "../../../src/answer/view.ts";
import { botFor, say } from "../../support/converse.ts";
import { cardButtons, cardTexts } from "./harness.ts";

describe("Markdown in a card", () => {
  it("turns lists into TextBlock list text and keeps bold, italics and links", () => {
    const blocks = markdownToBlocks(
      "Intro with **bold**, *italic* and [a link](https://example.com).\n\n* one\n* two\n1. first\n2) second",
    );
    expect(blocks.map((b) => b.text)).toEqual([
      "Intro with **bold**, _italic_ and [a link](https://example.com).",
      "- one\r- two\r1. first\r2. second",
    ]);
    expect(blocks.every((b) => b.type === "TextBlock" && b.wrap === true)).toBe(true);
  });

  it("splits usage text into its sentence and its bullet list", () => {
    const blocks = markdownToBlocks("Ask me:\n• `step 3`: one step\n• `help`: this");
    expect(blocks.map((b) => b.text)).toEqual([
      "Ask me:",
      "- **step 3**: one step\r- **help**: this",
    ]);
  });

  it("shows headings bold, code in monospace and images by their alt text", () => {
    const blocks = markdownToBlocks("## Why\n\n```python\nprint('hi')\n```\n\n![A chart](/x.png)");
    expect(blocks).toEqual([
      { type: "TextBlock", text: "Why", wrap: true, weight: "Bolder" },
      { type: "TextBlock", text: "print('hi')", wrap: true, fontType: "Monospace" },
      { type: "TextBlock", text: "A chart", wrap: true },
    ]);
    expect(inline("a ** b * c")).toBe("a ** b * c");
  });

  it("keeps a quoted question literal: no links or emphasis from the user's words", () => {
    const quoted = inline("none of them covers `[click here](https://evil.example) **now**`.");
    expect(quoted).not.toMatch(/\]\(/);
    expect(quoted).not.toMatch(/\*\*now\*\*/);
    expect(quoted.replace(/\u200b/g, "")).toBe(
      "none of them covers **[click here](https://evil.example) **now****.",
    );
  });
});

describe("a reply as a Teams message", () => {
  it("lays out an FAQ answer: title, answer, matching step, playbook", async () => {
    const bot = await botFor();
    const { view, text } = say(bot, "what is mlops");
    const { card, fallback } = renderMessage(view);
    const texts = cardTexts(card);
    expect(texts[0]).toBe(view.title);
    expect(texts).toContain(view.body);
    expect(texts).toContain(`Playbook step ${view.step?.number}: ${view.step?.title}`);
    expect(texts).toContain(view.step?.excerpt);
    expect(fallback).toBe(text);
    expect(card.fallbackText).toBe(fallback);
  });

  it("makes every listed step a row that asks for it", async () => {
    const bot = await botFor();
    const { card } = renderMessage(bot.ask("steps").view);
    const rows = cardButtons(card);
    expect(rows).toHaveLength(7);
    expect(rows[2]).toEqual({ title: "Step 3: Structure Your Team", ask: "step 3" });
  });

  it("neutralises markup in the fallback text, so echoed input cannot mention anyone", () => {
    const view: ReplyView = {
      id: "r1",
      votes: false,
      note: null,
      title: 'I don\'t know a playbook called "<at>Everyone</at>"',
      body: "R&D",
      step: null,
      list: [],
      suggestions: [],
      suggestionsTitle: "",
      playbook: null,
    };
    const { fallback, card } = renderMessage(view);
    expect(fallback).not.toMatch(/<\/?at>/);
    expect(fallback.replace(/\u200B/g, "")).toContain('"<at>Everyone</at>"');
    expect(fallback).toContain("R&D");
    // Adaptive Cards render no HTML: the card shows the words as typed.
    expect(cardTexts(card)[0]).toContain("<at>Everyone</at>");
  });

  it("sends buttons as messageBack so Teams shows the question that was clicked", () => {
    const view: ReplyView = {
      id: "r1",
      votes: false,
      note: null,
      title: "t",
      body: "",
      step: null,
      list: [],
      suggestions: [{ label: "What is X?", ask: "What is X?" }],
      suggestionsTitle: "Did you mean",
      playbook: null,
    };
    const { card } = renderMessage(view);
    const set = card.body.find((e) => e.type === "ActionSet");
    expect(set?.actions).toEqual([
      {
        type: "Action.Submit",
        title: "What is X?",
        data: {
          ask: "What is X?",
          msteams: { type: "messageBack", displayText: "What is X?", text: "What is X?" },
        },
      },
    ]);
  });
});
