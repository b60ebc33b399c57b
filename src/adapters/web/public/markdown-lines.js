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

const FENCE_LINE = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(`{3,}|~{3,})/;
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
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (indentedCode && INDENTED.test(line)) {
      out.push(line.replace(INDENTED, ""));
      continue;
    }
    closeIndentedCode();
    const opening = FENCE_LINE.exec(line);
    if (opening) {
      fence = opening[1] ?? "```";
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
