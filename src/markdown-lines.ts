/**
 * A Markdown text's lines as its paragraphs are read: playbooks are reviewed in git and
 * often wrapped at 80 columns, and Markdown reads a single line break inside a paragraph
 * as a space. Slack shows every line break it is sent, so Slack, Teams and the terminal get
 * whole paragraphs from here; the playground's renderer (static browser code) does the same,
 * pinned to it by test/adapters/markdown-surfaces.test.ts.
 *
 * A hard break (two spaces or a backslash at a line's end) stays a break. Fenced code,
 * headings, table rows (a line with a `|`), setext underlines and rules keep their lines;
 * a list item takes the lines under it, a quote the quoted lines after it. Indented code
 * (after a blank line) is fenced, so that every surface shows it as code.
 */

/** A fence, also under a list item ("    ```sh") or on its line ("1. ```sh"). */
const FENCE = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s/;
const QUOTE = /^\s{0,3}>/;
/** A line no other line is joined onto, nor it onto one. */
const OWN_LINE = /^\s{0,3}#{1,6}(?:\s|$)|\||^\s*(?:=+|-+|\*{3,}|_{3,})\s*$/;
const INDENTED = /^(?: {4}|\t)/;

export function joinSoftBreaks(lines: readonly string[]): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  let indentedCode = false;
  let blankBefore = true;
  /** What the last line out goes on with: prose, quoted lines, or nothing. */
  let open: "prose" | "quote" | null = null;
  /** The last line out ends in a hard break (tested on each line as it comes: linear). */
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
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1] as string;
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
    const quoted = QUOTE.test(line);
    const goesOn =
      open === "quote"
        ? quoted
        : open === "prose" && !quoted && !LIST_ITEM.test(line) && !OWN_LINE.test(line);
    if (goesOn) {
      const last = out.length - 1;
      const words = (open === "quote" ? line.replace(QUOTE, "") : line).trim();
      if (breakAfter) {
        out[last] = withoutBreak(out[last] as string);
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

function withoutBreak(line: string): string {
  return line.endsWith("\\") ? line.slice(0, -1) : line.trimEnd();
}
