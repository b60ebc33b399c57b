/**
 * The same Markdown, shown line for line alike in Slack, in a Teams card and in the
 * playground: a paragraph wrapped in its file is one line, a hard break is a break, and
 * code, lists and tables keep their lines. All three read line breaks through one file
 * (src/adapters/web/public/markdown-lines.js) and then render in their own ways.
 */
import { describe, expect, it } from "vitest";
import { markdownToMrkdwn } from "../../src/adapters/slack/mrkdwn.ts";
import { markdownToBlocks } from "../../src/adapters/teams/card-markdown.ts";
import type { CardElement } from "../../src/adapters/teams/contract.ts";
import { renderMarkdown } from "../../src/adapters/web/public/markdown.js";

/** The lines a reader sees, without list and quote markers (or the stars of a bold heading). */
const slackLines = (md: string) =>
  markdownToMrkdwn(md)
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("```"))
    .map((l) =>
      l
        .replace(/^\s*(?:• |\d+\. |>)/, "")
        .replace(/^\*(.*)\*$/, "$1")
        .trim(),
    );

const teamsLines = (md: string): string[] => {
  // Code is Teams' code box, its lines as written; its fallback must show the same lines.
  const texts = (e: CardElement): string[] =>
    e.type === "CodeBlock"
      ? String(e.codeSnippet).split("\n")
      : e.type === "Container"
        ? ((e.items as CardElement[] | undefined) ?? []).flatMap(texts)
        : [String((e as { text?: string }).text ?? "")];
  for (const box of markdownToBlocks(md).filter((e) => e.type === "CodeBlock")) {
    const shown = texts(box.fallback as CardElement).map((l) =>
      l.replace(/\u00a0/g, " ").replace(/\u200b/g, ""),
    );
    expect(shown, "Teams, without its code box").toEqual(texts(box).map((l) => l || " "));
  }
  return markdownToBlocks(md)
    .flatMap(texts)
    .flatMap((t) => t.split(/\n\n|\r/))
    .map((l) =>
      l
        .replace(/\u00a0/g, " ")
        .replace(/\u200b/g, "")
        .trim()
        .replace(/^(?:- |◦ |\d+\. )/, "")
        .trim(),
    )
    .filter(Boolean);
};

const webLines = (md: string) =>
  renderMarkdown(md)
    .replace(/<br>|<\/(?:p|li|pre|h\d)>|<[ou]l[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((l: string) => l.trim())
    .filter(Boolean);

describe("line breaks on every surface", () => {
  it.each([
    ["a paragraph wrapped in its file is one line", "one\ntwo\nthree", ["one two three"]],
    [
      "a hard break stays: two spaces or a backslash",
      "one  \ntwo\\\nthree\nfour",
      ["one", "two", "three four"],
    ],
    [
      "a list item takes the lines under it",
      "- item one\n  wrapped\nlazily\n- item two",
      ["item one wrapped lazily", "item two"],
    ],
    [
      "fenced code keeps its lines",
      "Intro\n\n```\nnpm ci\nnpm test\n```",
      ["Intro", "npm ci", "npm test"],
    ],
    [
      "indented code keeps its lines",
      "Run:\n\n    npm ci\n    npm test",
      ["Run:", "npm ci", "npm test"],
    ],
    ["lines with a pipe keep their lines", "a | b\nc | d", ["a | b", "c | d"]],
    [
      "a nested list keeps its items, in order",
      "- first\n  - nested a\n  - nested b\n- second",
      ["first", "nested a", "nested b", "second"],
    ],
    ["a heading keeps its line", "## Title\nText wrapped\nhere", ["Title", "Text wrapped here"]],
    [
      "a hard break after the first line of a paragraph too",
      "Owner: platform team\nOn call: #platform-oncall  \nEscalate after 30 minutes.",
      ["Owner: platform team On call: #platform-oncall", "Escalate after 30 minutes."],
    ],
    ["hard breaks in a list item", "- one  \n  two  \n  three", ["one", "two", "three"]],
    [
      "a quote wrapped over lines",
      "> a quote\n> that wraps\n> three lines",
      ["a quote that wraps three lines"],
    ],
    [
      "a fence indented under a list item",
      "1. Install:\n    ```sh\n    npm ci\n    npm test\n    ```\n2. Done",
      ["Install:", "npm ci", "npm test", "Done"],
    ],
    [
      "indented code is code",
      "Run:\n\n    # wipe the cache\n    rm -rf build/*_tmp_*",
      ["Run:", "# wipe the cache", "rm -rf build/*_tmp_*"],
    ],
  ])("%s", (_name, markdown, lines) => {
    expect(slackLines(markdown), "Slack").toEqual(lines);
    expect(teamsLines(markdown), "Teams").toEqual(lines);
    expect(webLines(markdown), "playground").toEqual(lines);
  });

  it("keeps code, links and bold whole when a wrap falls inside them", () => {
    const md =
      "Run `kubectl argo\nrollouts abort` now, see [the rollout\nguide](https://example.com/g), **very\nimportant**.";
    expect(markdownToMrkdwn(md)).toBe(
      "Run `kubectl argo rollouts abort` now, see <https://example.com/g|the rollout guide>, *very important*.",
    );
    expect(teamsLines(md)).toEqual([
      "Run **kubectl argo rollouts abort** now, see [the rollout guide](https://example.com/g), **very important**.",
    ]);
    const html = renderMarkdown(md);
    expect(html).toContain("<code>kubectl argo rollouts abort</code>");
    expect(html).toContain(">the rollout guide</a>");
    expect(html).toContain("<strong>very important</strong>");
  });
});

describe("backslash escapes on every surface", () => {
  it("shows the escaped character itself, without its backslash, and no formatting from it", () => {
    const md = "snake\\_case, \\*not bold\\*, 1\\. first, \\#tag, C:\\Users, `a\\_b`";
    // Slack and Teams keep markers from pairing with zero-width spaces, which no one sees.
    const seen = (lines: string[]) => lines.map((l) => l.replace(/\u200b/g, ""));
    expect(seen(slackLines(md)), "Slack").toEqual([
      "snake_case, *not bold*, 1. first, #tag, C:\\Users, `a\\_b`",
    ]);
    expect(teamsLines(md), "Teams").toEqual([
      "snake_case, *not bold*, 1. first, #tag, C:\\Users, **a\\_b**",
    ]);
    expect(webLines(md), "playground").toEqual([
      "snake_case, *not bold*, 1. first, #tag, C:\\Users, a\\_b",
    ]);
  });
});

describe("code blocks on every surface, told as the content's reader tells them", () => {
  it("reads a line of inline code in triple backticks as inline code, not a block that swallows the rest", () => {
    const md = "Install it:\n\n```npm ci```\n\nThen run the tests.";
    expect(slackLines(md), "Slack").toEqual(["Install it:", "`npm ci`", "Then run the tests."]);
    expect(teamsLines(md), "Teams").toEqual(["Install it:", "**npm ci**", "Then run the tests."]);
    expect(webLines(md), "playground").toEqual(["Install it:", "npm ci", "Then run the tests."]);
    expect(renderMarkdown(md)).not.toContain("<pre>");
  });

  it("closes a block only with its own kind of fence", () => {
    const md = "```\nprintf '~~~'\n~~~\n```\n\nDone.";
    expect(slackLines(md), "Slack").toEqual(["printf '~~~'", "~~~", "Done."]);
    expect(renderMarkdown(md), "playground").toBe(
      "<pre><code>printf &#39;~~~&#39;\n~~~</code></pre><p>Done.</p>",
    );
  });
});
