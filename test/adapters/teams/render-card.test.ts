import { describe, expect, it } from "vitest";
import { inline, markdownToBlocks } from "../../../src/adapters/teams/card-markdown.ts";
import type { AdaptiveCard, TeamsMessage } from "../../../src/adapters/teams/contract.ts";
import { renderMessage } from "../../../src/adapters/teams/render-card.ts";
import { LIKELY_NOTE, type ReplyView } from "../../../src/answer/view.ts";
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

  it("shows a nested item under its parent, indented: a card's list has one level", () => {
    const blocks = markdownToBlocks(
      "- first\n  - nested a\n    - deeper\n- second\n\n1. one\n   1. one.one\n2. two",
    );
    const indent = (n: number) => "\u00a0".repeat(4 * n);
    expect(blocks.map((b) => b.text)).toEqual([
      `- first\r${indent(1)}◦ nested a\r${indent(2)}◦ deeper\r- second`,
      `1. one\r${indent(1)}1. one.one\r2. two`,
    ]);
  });

  it("reads lines wrapped in the Markdown file as one paragraph or one list item", () => {
    const blocks = markdownToBlocks(
      "Abort the rollout,\nthen revert the PR.\n\n- one item\n  wrapped\n- two\n\nAfter.",
    );
    expect(blocks.map((b) => b.text)).toEqual([
      "Abort the rollout, then revert the PR.",
      "- one item wrapped\r- two",
      "After.",
    ]);
  });

  it("splits usage text into its sentence and its bullet list", () => {
    const blocks = markdownToBlocks("Ask me:\n• `step 3`: one step\n• `help`: this");
    expect(blocks.map((b) => b.text)).toEqual([
      "Ask me:",
      "- **step 3**: one step\r- **help**: this",
    ]);
  });

  it("shows headings bold, code as a code block (monospace lines where unknown) and images by their alt text", () => {
    const blocks = markdownToBlocks(
      "## Why\n\n```python\nprint('hi')\n\n    return [x](y)\n```\n\n![A chart](/x.png)",
    );
    expect(blocks).toEqual([
      { type: "TextBlock", text: "Why", wrap: true, weight: "Bolder" },
      {
        // Copied from Teams' code box, the code is as written: no zero-width or no-break spaces.
        type: "CodeBlock",
        codeSnippet: "print('hi')\n\n    return [x](y)",
        language: "Python",
        fallback: {
          type: "Container",
          style: "emphasis",
          items: [
            "print(\u200b'hi')\u200b",
            "\u00a0",
            "\u00a0\u00a0\u00a0\u00a0return [\u200bx]\u200b(\u200by)\u200b",
          ].map((text) => ({
            type: "TextBlock",
            text,
            fontType: "Monospace",
            wrap: true,
            spacing: "None",
          })),
        },
      },
      { type: "TextBlock", text: "A chart", wrap: true },
    ]);
    expect(markdownToBlocks("```\nmake\n```")[0]).toMatchObject({ language: "PlainText" });
    expect(markdownToBlocks("~~~sh title=x\nmake\n~~~")[0]).toMatchObject({ language: "Bash" });
    expect(inline("a ** b * c")).toBe("a ** b * c");
  });

  it("strips strike-through and quote markers, keeping the words", () => {
    const blocks = markdownToBlocks("~~old~~ new\n\n> quoted **words**\n> on two lines");
    expect(blocks).toEqual([
      { type: "TextBlock", text: "old new", wrap: true },
      {
        type: "Container",
        style: "emphasis",
        items: [{ type: "TextBlock", text: "quoted **words** on two lines", wrap: true }],
      },
    ]);
  });

  it("keeps only http(s) and mailto links, and links with parentheses whole", () => {
    expect(
      inline(
        "[a](javascript:alert(1)) [b](<JaVa\tScRiPt:x>) [c](data:text/html,x) [d](/relative) [e](mailto:x@example.com)",
      ),
    ).toBe("a b c d [e](mailto:x@example.com)");
    expect(inline("see [Rust](https://en.wikipedia.org/wiki/Rust_(programming_language)).")).toBe(
      "see [Rust](https://en.wikipedia.org/wiki/Rust_%28programming_language%29).",
    );
    expect(inline("<javascript:alert(1)> and <https://example.com/a>")).toBe(
      " and https://example.com/a",
    );
    expect(inline("see [`run`](javascript:alert(1)) now")).toBe("see **run** now");
    expect(inline("see [`run`](https://example.com) now")).toBe(
      "see [**run**](https://example.com) now",
    );
  });

  it("keeps a pipe in a code span or escaped in its table cell", () => {
    const blocks = markdownToBlocks(
      "| Command | Means |\n|---|---|\n| `grep a|b` | either a or b |\n| x \\| y | a pipe |",
    );
    const rows = (blocks[0]?.items ?? []) as { columns: { items: { text: string }[] }[] }[];
    const texts = rows.map((row) =>
      row.columns.map((c) => c.items[0]?.text.replace(/\u200b/g, "")),
    );
    expect(texts).toEqual([
      ["Command", "Means"],
      ["**grep a|b**", "either a or b"],
      ["x | y", "a pipe"],
    ]);
  });

  it("aligns a table's columns as its rule row says", () => {
    const blocks = markdownToBlocks(
      "| Job | Fired | Mode |\n|:--|--:|:-:|\n| backup | 12 | full |",
    );
    const rows = (blocks[0]?.items ?? []) as {
      columns: { items: { horizontalAlignment?: string }[] }[];
    }[];
    for (const row of rows) {
      expect(row.columns.map((c) => c.items[0]?.horizontalAlignment)).toEqual([
        undefined,
        "Right",
        "Center",
      ]);
    }
  });

  it("shows a backslash-escaped character as itself, never as formatting; code keeps its backslashes", () => {
    const text = (md: string) => markdownToBlocks(md).map((b) => b.text);
    const z = "\u200b";
    expect(text("snake\\_case, \\*not bold\\*, C:\\Users\\d1")).toEqual([
      `snake${z}_${z}case, ${z}*${z}not bold${z}*${z}, C:\\Users\\d1`,
    ]);
    // No list, heading or quote from an escaped line start.
    expect(text("1\\. not a list\n\n\\- not a bullet\n\n\\> not a quote")).toEqual([
      `1${z}. not a list`,
      `${z}- not a bullet`,
      `${z}> not a quote`,
    ]);
    expect(text("`a\\_b` and \\`not code\\`")).toEqual([
      `**a\\_${z}b** and ${z}\`${z}not code${z}\`${z}`,
    ]);
    expect(text("[snake\\_case](https://x.example/snake\\_case)")).toEqual([
      `[snake${z}_${z}case](https://x.example/snake_case)`,
    ]);
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
    const message = renderMessage(view);
    const { fallback } = message;
    const card = cardOf(message);
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
    const message = renderMessage(view);
    const { fallback } = message;
    const card = cardOf(message);
    expect(fallback).not.toMatch(/<\/?at>/);
    expect(fallback.replace(/\u200B/g, "")).toContain('"<at>Everyone</at>"');
    expect(fallback).toContain("R&D");
    // Adaptive Cards render no HTML: the card shows the words as typed.
    expect(cardTexts(card)[0]).toContain("<at>Everyone</at>");
  });

  it("quotes the user's words back unchanged in the fallback text: a code span holds no links", async () => {
    const bot = await botFor();
    const asked = "what about [the menu](javascript:alert(1)) and [pizza](https://example.com)";
    const { fallback, card } = renderMessage(bot.ask(asked).view);
    expect(fallback).toContain(`\`${asked}\``);
    expect(card?.fallbackText).toBe(fallback);
    // Outside code, an unsafe link from content still loses its target.
    const view = bot.ask("what is mlops").view;
    const withLink = renderMessage({ ...view, body: "See [this](javascript:alert(1))." });
    expect(withLink.fallback).toContain("See this.");
    expect(withLink.fallback).not.toContain("javascript:");
  });

  it("sends code as Teams' code box, but as its lines alone where the message would near Teams' limit", async () => {
    const view = (await botFor()).ask("what is mlops").view;
    const boxes = (body: string) =>
      JSON.stringify(renderMessage({ ...view, body }).card).match(/"type":"CodeBlock"/g)?.length ??
      0;
    const code = (lines: number) =>
      `Run:\n\n\`\`\`sh\n${Array.from({ length: lines }, (_, i) => `echo step ${i}`).join("\n")}\n\`\`\``;
    expect(boxes(code(20))).toBe(1);
    const long = renderMessage({ ...view, body: code(600) });
    expect(boxes(code(600))).toBe(0);
    // Every line is still there, one monospace line each.
    expect(JSON.stringify(long.card)).toContain("echo step 599");
  });

  it("sends suggestions as messageBack rows carrying the reply id, so a click records the choice", () => {
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
    const texts = cardTexts(cardOf(renderMessage(view)));
    expect(texts).toEqual(["t", "Did you mean", "What is X?", "›"]);
    const value = { ask: "What is X?", reply: "r1", label: "What is X?" };
    expect(JSON.stringify(cardOf(renderMessage(view)))).toContain(
      JSON.stringify({
        type: "Action.Submit",
        title: "What is X?",
        data: {
          ...value,
          msteams: { type: "messageBack", displayText: "What is X?", text: "What is X?", value },
        },
      }),
    );
  });

  it("shows the note above a likely answer's title, the title larger than the headings below", async () => {
    const bot = await botFor();
    const { view } = bot.ask("what is mlops");
    const card = cardOf(renderMessage({ ...view, note: LIKELY_NOTE }));
    const [note, title] = card.body;
    expect(note).toMatchObject({ type: "TextBlock", text: LIKELY_NOTE, color: "Warning" });
    expect(title).toMatchObject({ text: view.title, size: "Large", weight: "Bolder" });
    const headings = card.body.filter(
      (e) => e.type === "TextBlock" && e.weight === "Bolder" && e !== title,
    );
    for (const heading of headings) expect(heading.size).toBeUndefined();
  });

  it("offers 👍 / 👎 naming the reply on an answer, and not on help", async () => {
    const bot = await botFor();
    const { view } = bot.ask("what is mlops");
    const votes = cardOf(renderMessage(view)).body.find((e) => e.type === "ActionSet");
    expect(votes?.actions).toEqual([
      { type: "Action.Submit", title: "👍 Helpful", data: { vote: "helpful", reply: view.id } },
      {
        type: "Action.Submit",
        title: "👎 Not helpful",
        data: { vote: "not_helpful", reply: view.id },
      },
    ]);
    const help = cardOf(renderMessage(bot.ask("help").view));
    expect(cardTexts(help).some((t) => /Helpful/.test(t))).toBe(false);
  });
});

function cardOf(message: TeamsMessage): AdaptiveCard {
  if (!message.card) throw new Error(`no card: ${message.fallback}`);
  return message.card;
}
