/**
 * Markdown as Adaptive Card elements (version 1.2). A TextBlock renders only
 * a subset of Markdown (bold, italics, lists, links), so the engine's
 * Markdown is reshaped into what a card can show: paragraphs and headings
 * become TextBlocks, list runs `\r`-separated list text, tables a ColumnSet
 * per row, fenced code Teams' CodeBlock (monospace lines where a client lacks
 * it), quotes a shaded Container; strike-through and images lose their
 * markers, and only safe links survive (src/markdown-links.ts).
 */

import { rewriteLinks } from "../../markdown-links.ts";
import {
  type Align,
  fenceOf,
  joinSoftBreaks,
  listNesting,
  readTable,
} from "../web/public/markdown-lines.js";
import type { CardElement } from "./contract.ts";

const LIST_ITEM = /^(\s*)(?:([-*+•])|(\d{1,3})[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
/** Deeper items are indented no further: a card is narrow. */
const MAX_SHOWN_DEPTH = 3;

/** The card elements for a Markdown text, in order. */
export function markdownToBlocks(markdown: string): CardElement[] {
  const blocks: CardElement[] = [];
  // Whole paragraphs: a line break left in one is a hard break, which a card shows as
  // "\n\n" (a single "\n" it reads as a space).
  const lines = joinSoftBreaks(markdown.replace(/\r\n?/g, "\n").split("\n"));
  let paragraph: string[] = [];
  let list: string[] = [];
  let depthOf = listNesting();
  const flush = () => {
    if (paragraph.length) blocks.push(textBlock(paragraph.map(inline).join("\n\n")));
    if (list.length) blocks.push(textBlock(list.join("\r")));
    paragraph = [];
    list = [];
    depthOf = listNesting();
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = fenceOf(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !fenceOf(lines[i] ?? "")?.mark.startsWith(fence.mark); i++) {
        code.push(lines[i] ?? "");
      }
      if (code.length) blocks.push(codeBlock(code, fence.info));
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const grid = readTable(lines, i);
    if (grid) {
      flush();
      blocks.push(table(grid.rows, grid.align));
      i = grid.end - 1;
      continue;
    }
    if (QUOTE.test(line)) {
      flush();
      const quoted: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i] ?? ""); i++) {
        quoted.push(QUOTE.exec(lines[i] ?? "")?.[1] ?? "");
      }
      i--;
      const inner = markdownToBlocks(quoted.join("\n"));
      if (inner.length) blocks.push({ type: "Container", style: "emphasis", items: inner });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ ...textBlock(inline(heading[1] ?? "")), weight: "Bolder" });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (paragraph.length) flush();
      const depth = depthOf((item[1] ?? "").length);
      const number = item[3];
      const text = inline(item[4] ?? "");
      if (depth === 0) list.push(`${number ? `${number}.` : "-"} ${text}`);
      else {
        // A card's list has one level: a nested item goes on its parent's line, indented
        // with no-break spaces (which no list syntax reads), under its own marker.
        const marker = number ? `${number}.` : "◦";
        const under = `${"\u00a0".repeat(4 * Math.min(depth, MAX_SHOWN_DEPTH))}${marker} ${text}`;
        if (list.length) list[list.length - 1] = `${list[list.length - 1]}\r${under}`;
        else list.push(under);
      }
      continue;
    }
    // A line under a list item after a hard break: the item goes on, on a line of its own
    // ("\r", a newline in a card's list; "\n\n" there would indent the next item).
    if (list.length) {
      list[list.length - 1] = `${list[list.length - 1]}\r${inline(line.trim())}`;
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** Inline Markdown reduced to what a TextBlock shows. */
export function inline(text: string): string {
  // Code spans are literal (one may be the user's own words, quoted back): the rest is
  // rewritten around them, never inside. Links first, over the whole text: a link's words
  // may hold a code span, which splitting would cut the link at.
  // A backslash escape is read first where it stands, so `\`` opens no code span.
  return rewriteLinks(text)
    .split(/(\\[!-/:-@[-`{-~]|`+[^`]+?`+)/)
    .map((part, i) =>
      i % 2 === 0 ? prose(part) : part[0] === "\\" ? escaped(part) : codeSpan(part),
    )
    .join("");
}

/**
 * A backslash-escaped character as itself, never formatting: a zero-width space before it
 * keeps `1\.` or `\-` at a line's start from making a list, and `literal` one after a marker.
 */
function escaped(part: string): string {
  return `\u200b${literal(part.slice(1))}`;
}

function prose(text: string): string {
  return (
    text
      // No strike-through in a TextBlock: the words stay, the markers go.
      .replace(/~~(?=\S)([^~]*?\S)~~/g, "$1")
      // A single star is italics in CommonMark but not in every Teams client; underscores are.
      .replace(/(^|[^*\w])\*(?!\*)([^*\n]+?)\*(?!\*)/g, "$1_$2_")
  );
}

/**
 * Code spans have no style in a TextBlock; bold keeps commands like `step 3` visible.
 * A zero-width space after each Markdown character keeps the content from becoming
 * links or emphasis.
 */
function codeSpan(span: string): string {
  return `**${literal(span.replace(/^`+|`+$/g, ""))}**`;
}

function literal(text: string): string {
  return text.replace(/([[\]()*_~`])/g, "$1\u200b");
}

/**
 * Fenced code as Teams' own CodeBlock element (Microsoft's card schema for Teams: a code
 * box with a copy button, its text exactly as written), with the monospace lines below as
 * its fallback, which a client that does not know the element shows instead (the Adaptive
 * Cards rule for an unknown element), as every client showed before.
 */
function codeBlock(lines: string[], info: string): CardElement {
  return {
    type: "CodeBlock",
    codeSnippet: lines.join("\n"),
    language: CODE_LANGUAGES[info.split(/\s/)[0]?.toLowerCase() ?? ""] ?? "PlainText",
    fallback: codeLines(lines),
  };
}

/** A fence's language, as the CodeBlock element names the languages it colours. */
const CODE_LANGUAGES: Record<string, string> = {
  bash: "Bash",
  sh: "Bash",
  shell: "Bash",
  zsh: "Bash",
  console: "Bash",
  c: "C",
  cpp: "C++",
  "c++": "C++",
  cs: "C#",
  csharp: "C#",
  css: "CSS",
  bat: "DOS",
  cmd: "DOS",
  go: "Go",
  graphql: "GraphQL",
  html: "HTML",
  java: "Java",
  js: "JavaScript",
  javascript: "JavaScript",
  json: "JSON",
  objc: "ObjectiveC",
  perl: "Perl",
  php: "PHP",
  powershell: "PowerShell",
  ps1: "PowerShell",
  py: "Python",
  python: "Python",
  sql: "SQL",
  ts: "TypeScript",
  typescript: "TypeScript",
  vb: "VbNet",
  xml: "XML",
};

/**
 * Code as monospace lines, one TextBlock each: a TextBlock joins single line breaks, and code
 * needs its lines. Indentation is kept as no-break spaces.
 */
function codeLines(lines: string[]): CardElement {
  return {
    type: "Container",
    style: "emphasis",
    items: lines.map((line) => ({
      type: "TextBlock",
      text: codeLine(line),
      fontType: "Monospace",
      wrap: true,
      spacing: "None",
    })),
  };
}

/** A line of code as literal text: no emphasis, no links, no list from a leading `-` or `1.`. */
function codeLine(line: string): string {
  const text = literal(line.replace(/\t/g, "    "))
    .replace(/^([-+>]|\d+[.)])(?=\s|$)/, "\u200b$1")
    .replace(/^ +/, (spaces) => "\u00a0".repeat(spaces.length));
  return text || "\u00a0";
}

/**
 * A table as rows of columns (every row as wide as the header), the header row bold, each
 * column aligned as the rule row says (`--:` right); cells wrap in narrow cards.
 */
function table(rows: string[][], align: Align[]): CardElement {
  const aligned = align.map((side) =>
    side === "center" ? "Center" : side === "right" ? "Right" : undefined,
  );
  return {
    type: "Container",
    items: rows.map((row, r) => ({
      type: "ColumnSet",
      separator: r > 0,
      spacing: r > 0 ? "Small" : "Default",
      columns: row.map((cell, c) => ({
        type: "Column",
        width: "stretch",
        items: [
          {
            ...textBlock(inline(cell) || " "),
            ...(r === 0 ? { weight: "Bolder" } : {}),
            ...(aligned[c] ? { horizontalAlignment: aligned[c] } : {}),
          },
        ],
      })),
    })),
  };
}

function textBlock(text: string): CardElement {
  return { type: "TextBlock", text, wrap: true };
}
