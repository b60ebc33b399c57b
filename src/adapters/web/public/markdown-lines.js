// A Markdown text's lines as its paragraphs are read: playbooks are reviewed in git and
// often wrapped at 80 columns, and Markdown reads a single line break inside a paragraph as
// a space, while Slack shows every line break it is sent. One rule for every surface: the
// playground's renderer loads this file in the browser as it is, and the Slack, Teams and
// terminal renderers import it on the server (test/adapters/markdown-surfaces.test.ts holds
// the three surfaces to it).
//
// A hard break (two spaces or a backslash at a line's end) stays a break. Fenced code,
// headings, table rows (a line with a `|`), setext underlines and rules keep their lines; a
// list item takes the lines under it, a quote the quoted lines after it. Indented code
// (after a blank line) is fenced, so that every surface shows it as code.

const FENCE_LINE = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(`{3,}|~{3,})(.*)$/;
const LIST_ITEM_START = /^\s*(?:[-*+•]|\d{1,3}[.)])\s/;
const QUOTE_LINE = /^\s{0,3}>/;
const OWN_LINE = /^\s{0,3}#{1,6}(?:\s|$)|\||^\s*(?:=+|-+|\*{3,}|_{3,})\s*$/;
const INDENTED = /^(?: {4}|\t)/;

/**
 * A paragraph wrapped in its file as one line, as Markdown reads it; a hard break (two
 * spaces or a backslash at a line's end) stays a line break. Fenced code, headings, table
 * rows and rules keep their lines; a list item takes the lines under it, a quote the quoted
 * lines after it; indented code (after a blank line) is fenced.
 * @param {string[]} lines
 */
export function joinSoftBreaks(lines) {
  /** @type {string[]} */
  const out = [];
  /** @type {string | null} */
  let fence = null;
  let indentedCode = false;
  let blankBefore = true;
  /** @type {"prose" | "quote" | null} */
  let open = null;
  let breakAfter = false;
  const closeIndentedCode = () => {
    if (indentedCode) out.push("```");
    indentedCode = false;
  };
  for (const line of lines) {
    if (fence !== null) {
      out.push(line);
      if (fenceOf(line)?.mark.startsWith(fence)) fence = null;
      continue;
    }
    if (indentedCode && INDENTED.test(line)) {
      out.push(line.replace(INDENTED, ""));
      continue;
    }
    closeIndentedCode();
    const opening = fenceOf(line);
    if (opening) {
      fence = opening.mark;
      out.push(line);
      open = null;
      blankBefore = false;
      continue;
    }
    if (line.trim() === "") {
      out.push(line);
      open = null;
      blankBefore = true;
      continue;
    }
    if (blankBefore && INDENTED.test(line)) {
      out.push("```", line.replace(INDENTED, ""));
      indentedCode = true;
      blankBefore = false;
      continue;
    }
    blankBefore = false;
    const hard = line.endsWith("  ") || line.endsWith("\\");
    const quoted = QUOTE_LINE.test(line);
    const goesOn =
      open === "quote"
        ? quoted
        : open === "prose" && !quoted && !LIST_ITEM_START.test(line) && !OWN_LINE.test(line);
    if (goesOn) {
      const last = out.length - 1;
      const words = (open === "quote" ? line.replace(QUOTE_LINE, "") : line).trim();
      if (breakAfter) {
        out[last] = withoutBreak(out[last] ?? "");
        out.push(open === "quote" ? `> ${words}` : words);
      } else {
        out[last] = `${out[last]} ${words}`;
      }
      breakAfter = hard;
      continue;
    }
    out.push(line);
    open = quoted ? "quote" : OWN_LINE.test(line) ? null : "prose";
    breakAfter = hard;
  }
  closeIndentedCode();
  if (fence !== null) out.push(fence);
  return out;
}

/**
 * The fence a line opens or closes a code block with ("```", "~~~~") and the words after it
 * (a language), if the line is one: at any indent, or on a list item's first line ("- ```yaml").
 * A backtick fence's info string holds no backtick (CommonMark), so "```npm ci```" on a line
 * is inline code, not a fence. The content's reader and every surface tell fences by it.
 * @param {string} line
 * @returns {{ mark: string, info: string } | undefined}
 */
export function fenceOf(line) {
  const m = FENCE_LINE.exec(line);
  const mark = m?.[1];
  const info = (m?.[2] ?? "").trim();
  if (!mark || (mark.startsWith("`") && info.includes("`"))) return undefined;
  return { mark, info };
}

/**
 * A reader of a text's lines, in order, telling what each is: a fence opening or closing a
 * code block, a line of code inside one, or text. A fence closes its block when it starts
 * with the block's own mark ("```" closes "```", not "~~~"); a block never closed runs to
 * the end (CommonMark).
 * @returns {(line: string) => "open" | "close" | "code" | "text"}
 */
export function codeBlockReader() {
  /** @type {string | null} */
  let open = null;
  return (line) => {
    const mark = fenceOf(line)?.mark;
    if (open === null) {
      if (!mark) return "text";
      open = mark;
      return "open";
    }
    if (!mark?.startsWith(open)) return "code";
    open = null;
    return "close";
  };
}

/**
 * A backslash before ASCII punctuation, CommonMark's escape, as a RegExp's source: group 1 is
 * the character, which stands for itself.
 */
export const ESCAPED_CHAR = String.raw`\\([!-/:-@[-\`{-~])`;

/**
 * `text` with its backslash escapes read: each escaped character itself (a link's URL, words
 * shown where no Markdown is).
 * @param {string} text
 */
export function withoutEscapes(text) {
  return text.replace(new RegExp(ESCAPED_CHAR, "g"), "$1");
}

/** @param {string} line */
function withoutBreak(line) {
  return line.endsWith("\\") ? line.slice(0, -1) : line.trimEnd();
}

/**
 * How deep each item of a list sits, told one item at a time from its indent: an item
 * indented two spaces or more past one before it is inside that one (0 for the outermost).
 * Every surface nests lists by this one rule; a new list needs a new reader.
 * @returns {(indent: number) => number}
 */
export function listNesting() {
  /** @type {number[]} */
  const open = [];
  return (indent) => {
    while (open.length && indent < /** @type {number} */ (open[open.length - 1]) + 2) open.pop();
    open.push(indent);
    return open.length - 1;
  };
}

/** @typedef {"left" | "center" | "right" | null} Align */

/**
 * The pipe table (GitHub's: a header row, a `|---|:---:|` rule, then rows) starting at
 * line `i`, or null. The rule must have as many cells as the header, as GitHub asks; rows
 * go on while a line has a `|`, each cut or padded to the header's width. Every surface
 * reads tables by this one rule.
 * @param {readonly string[]} lines
 * @param {number} i
 * @returns {{ align: Align[], rows: string[][], end: number } | null}
 */
export function readTable(lines, i) {
  const head = lines[i] ?? "";
  const rule = lines[i + 1] ?? "";
  if (!head.includes("|") || !rule.includes("|")) return null;
  const header = tableCells(head);
  const marks = tableCells(rule);
  if (marks.length !== header.length || !marks.every((m) => /^:?-+:?$/.test(m))) return null;
  /** @type {Align[]} */
  const align = marks.map((m) =>
    m.startsWith(":") && m.endsWith(":")
      ? "center"
      : m.endsWith(":")
        ? "right"
        : m.startsWith(":")
          ? "left"
          : null,
  );
  const rows = [header];
  let end = i + 2;
  for (; end < lines.length && (lines[end] ?? "").includes("|"); end++) {
    const row = tableCells(lines[end] ?? "");
    rows.push(header.map((_, c) => row[c] ?? ""));
  }
  return { align, rows, end };
}

/**
 * A table row's cells, trimmed, without the outer pipes. A `|` in a code span or escaped
 * (`\|`, which becomes `|`, in code too, as on GitHub) is in a cell, not between two.
 * @param {string} row
 */
export function tableCells(row) {
  const text = row.trim();
  /** @type {string[]} */
  const cells = [];
  let cell = "";
  let afterPipe = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    afterPipe = ch === "|";
    if (ch === "\\") {
      // `\\` is kept whole, so the `|` after it still ends the cell.
      cell += text[i + 1] === "|" ? "|" : text.slice(i, i + 2);
      i += 2;
    } else if (ch === "`") {
      const ticks = /^`+/.exec(text.slice(i))?.[0] ?? "`";
      const close = text.slice(i + ticks.length).search(new RegExp(`(?<!\`)${ticks}(?!\`)`));
      const end = close < 0 ? i + ticks.length : i + 2 * ticks.length + close;
      cell += text.slice(i, end).replace(/\\\|/g, "|");
      i = end;
    } else if (ch === "|") {
      cells.push(cell.trim());
      cell = "";
      i++;
    } else {
      cell += ch;
      i++;
    }
  }
  // The outer pipes open and close the row; they hold no cell.
  if (text.startsWith("|")) cells.shift();
  if (!afterPipe) cells.push(cell.trim());
  return cells;
}
