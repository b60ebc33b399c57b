/**
 * Text out to Slack: Markdown (from content and the engine) becomes Slack
 * mrkdwn, with `&`, `<` and `>` escaped everywhere so that no echoed text can
 * ping (`<!channel>`, or `@channel` as text) or link, and only web and mail
 * links become links.
 */

import {
  type Align,
  codeBlockReader,
  ESCAPED_CHAR,
  joinSoftBreaks,
  readTable,
  withoutEscapes,
} from "../web/public/markdown-lines.js";

/** Slack's three control characters, escaped as Slack asks; a broadcast mention kept from pinging. */
export function escapeSlack(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // "@channel" typed as text: a word joiner keeps any parsing of plain text from pinging.
      .replace(/(?<![\w.+-])@(channel|here|everyone)\b/gi, "@\u2060$1")
  );
}

/** Line starts that make a heading, quote or bullet. */
const LINE_START = /^\s*([#>*+-]|~~~|```)/;

/** Placeholder for bold markers while single `*` are turned into italics. */
const BOLD = "\u0001";
const BOLD_MARK = new RegExp(BOLD, "g");

/**
 * Markdown to Slack mrkdwn: headings and `**bold**` -> `*bold*`, `*italic*`
 * and `_italic_` -> `_italic_`, `~~strike~~` -> `~strike~`, `[t](u)` ->
 * `<u|t>`, bullets -> `•`, code spans and fences kept (their text escaped,
 * otherwise untouched), `> quotes` kept, tables as code blocks.
 */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  const code = codeBlockReader();
  let inFence = false;
  // Two private-use characters mark a table cell's kept parts, so they may not come from the text.
  const text = markdown.replace(/\r\n?/g, "\n").replace(/[\uE000\uE001]/g, "");
  const lines = joinSoftBreaks(text.split("\n"));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const kind = code(line);
    if (kind === "open" || kind === "close") {
      // Slack fences take no language tag.
      out.push("```");
      inFence = kind === "open";
      continue;
    }
    const grid = inFence ? null : readTable(lines, i);
    if (grid) {
      out.push(tableBlock(grid.rows, grid.align));
      i = grid.end - 1;
      continue;
    }
    out.push(inFence ? escapeSlack(line) : convertLine(line));
  }
  if (inFence) out.push("```");
  return out.join("\n");
}

function convertLine(line: string): string {
  if (!LINE_START.test(line) && !SPECIAL.test(line)) return line;
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (heading) return `*${convertInline(stripEmphasis(heading[1] ?? ""))}*`;
  const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
  if (quote) return `>${convertInline(quote[1] ?? "")}`;
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (bullet) return `${bullet[1] ?? ""}• ${convertInline(bullet[2] ?? "")}`;
  return convertInline(line);
}

/** A heading is already shown bold; nested markers would cancel it out. */
function stripEmphasis(text: string): string {
  return text.replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a?: string, b?: string) => a ?? b ?? "");
}

/** Characters that can start Markdown or need escaping; prose without them passes through. */
const SPECIAL = /[`[\]<>&*_~\\]/;

/**
 * A link's URL in Markdown: no spaces, and parentheses only in balanced
 * pairs, so `https://en.wikipedia.org/wiki/Rust_(programming_language)` is
 * kept whole while the `)` that closes the link is not taken into it.
 */
const LINK_URL = String.raw`(?:[^()\s]|\([^()\s]*\))+`;

/**
 * A backslash escape, a code span, a Markdown link or image, or an autolink: the parts
 * styling must not touch. Escapes first, so that `\`` opens no code span.
 */
const INLINE = new RegExp(
  String.raw`${ESCAPED_CHAR}|(\`+)([\s\S]*?)\2|!?\[([^\]]*)\]\((${LINK_URL})(?:\s+"[^"]*")?\)|<(https?:\/\/[^>\s]+)>`,
  "g",
);

/**
 * One line outside code fences: code spans and links are cut out first, the rest styled.
 * An escaped character stays in the text it is part of, held by a placeholder, so that
 * `**a \* b**` is still bold around it.
 */
function convertInline(line: string): string {
  if (!SPECIAL.test(line)) return line;
  let out = "";
  let text = "";
  let last = 0;
  const escaped: string[] = [];
  for (const m of line.matchAll(INLINE)) {
    const at = m.index ?? 0;
    text += line.slice(last, at);
    last = at + m[0].length;
    if (m[1] !== undefined) {
      const shown = literal(m[1], line.slice(0, at), line[last]);
      text += `\uE000${escaped.push(shown) - 1}\uE001`;
      continue;
    }
    out += styleText(text);
    text = "";
    if (m[2] !== undefined) out += `\`${escapeSlack(m[3] ?? "")}\``;
    else if (m[5] !== undefined) out += link(withoutEscapes(m[5]), m[4] ?? "");
    else if (m[6] !== undefined) out += link(m[6], "");
  }
  out += styleText(text + line.slice(last));
  return out.replace(/\uE000(\d+)\uE001/g, (_m, n: string) => escaped[Number(n)] ?? "");
}

/**
 * An escaped character as Slack should show it: as itself. Slack has no escapes, so a
 * marker (`*`, `_`, `~`, `` ` ``, a `>` that starts the line) gets zero-width spaces either
 * side, which keep it from pairing with another; inside a word it cannot pair, and is left
 * clean, so `snake\_case` copies as typed.
 */
function literal(char: string, before: string, after = ""): string {
  const shown = escapeSlack(char);
  const marker = /[*_~`]/.test(char) || (char === ">" && before.trim() === "");
  const inWord = /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after);
  return marker && !inWord ? `\u200b${shown}\u200b` : shown;
}

function link(url: string, label: string): string {
  // `|` and `>` end Slack's link syntax; a URL needs neither unescaped.
  const safeUrl = escapeSlack(url).replace(/\|/g, "%7C");
  const text = escapeSlack(withoutEscapes(stripEmphasis(label))).replace(/\|/g, "¦");
  if (!/^(https?:|mailto:)/i.test(url)) return text || safeUrl;
  return text && text !== safeUrl ? `<${safeUrl}|${text}>` : `<${safeUrl}>`;
}

function styleText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return restyled(escapeSlack(text), SLACK_MARKS);
}

/** Emphasis as Slack marks it, and as a code block shows it: not at all. */
const SLACK_MARKS = { bold: "*", italic: "_", strike: "~" };
const NO_MARKS = { bold: "", italic: "", strike: "" };

/** Markdown's bold, italics (`*` or `_`) and strike-through, written with `marks`. */
function restyled(text: string, marks: typeof SLACK_MARKS): string {
  return text
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__/g, (_m, a?: string, b?: string) => {
      return `${BOLD}${a ?? b ?? ""}${BOLD}`;
    })
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, `$1${marks.italic}$2${marks.italic}`)
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, `$1${marks.italic}$2${marks.italic}`)
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, `${marks.strike}$1${marks.strike}`)
    .replace(BOLD_MARK, marks.bold);
}

/**
 * A table as a code block, its columns padded to line up: Slack has no tables, and a
 * monospace block is how people paste one into Slack (a per-row list loses the columns).
 */
function tableBlock(rows: string[][], align: Align[]): string {
  const cells = rows.map((row) => row.map(plainCell));
  const widths = align.map((_, c) => Math.max(1, ...cells.map((row) => width(row[c] ?? ""))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => pad(cell, widths[c] ?? 0, align[c] ?? null))
      .join(" | ")
      .trimEnd();
  const [head = [], ...body] = cells;
  const rule = widths.map((w) => "-".repeat(w)).join(" | ");
  return ["```", ...[line(head), rule, ...body.map(line)].map(escapeSlack), "```"].join("\n");
}

/** Columns count characters, not UTF-16 units (an emoji is one). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, align: Align): string {
  const space = to - width(text);
  if (align === "right") return " ".repeat(space) + text;
  if (align === "center") {
    const left = Math.floor(space / 2);
    return " ".repeat(left) + text + " ".repeat(space - left);
  }
  return text + " ".repeat(space);
}

/** The parts of a cell kept as they are: code, an escaped character, a link or image, an autolink. */
const CELL_PARTS = new RegExp(
  String.raw`(\`+)([\s\S]*?)\1(?!\`)|${ESCAPED_CHAR}|(!?)\[([^\]]*)\]\((${LINK_URL})(?:\s+"[^"]*")?\)|<(https?:\/\/[^>\s]+)>`,
  "g",
);

/**
 * A table cell as the words it shows, for a code block (which shows no formatting): code
 * as typed, emphasis markers gone, a link as its words and its web address.
 */
function plainCell(cell: string): string {
  const kept: string[] = [];
  const keep = (text: string) => `\uE000${kept.push(text) - 1}\uE001`;
  const text = cell.replace(CELL_PARTS, (_m, ...g: (string | undefined)[]) => {
    const [ticks, code, escaped, image, label, url, auto] = g;
    if (ticks !== undefined) return keep((code ?? "").trim());
    if (escaped !== undefined) return keep(escaped);
    if (auto !== undefined) return keep(auto);
    const words = plainCell(label ?? "");
    const web = !image && /^(https?:|mailto:)/i.test(url ?? "") && url !== words;
    return keep(web ? `${words} (${url})`.trim() : words);
  });
  return restyled(text, NO_MARKS).replace(
    /\uE000(\d+)\uE001/g,
    (_m, n: string) => kept[Number(n)] ?? "",
  );
}
