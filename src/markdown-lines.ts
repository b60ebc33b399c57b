/**
 * A Markdown text's lines as its paragraphs are read: playbooks are reviewed in git and
 * often wrapped at 80 columns, and Markdown reads a single line break inside a paragraph
 * as a space. Slack shows every line break it is sent, so Slack and Teams get whole
 * paragraphs from here; the playground's renderer (static browser code) does the same,
 * pinned to it by test/adapters/markdown-surfaces.test.ts.
 *
 * What keeps its lines: fenced code, indented code (after a blank line), headings, quotes,
 * table rows (a line with a `|`), setext underlines and rules. A list item takes the lines
 * under it. A hard break (two spaces or a backslash at a line's end) stays a break.
 */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HARD_BREAK = /(?: {2,}|\\)$/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s/;
/** A line no other line is joined onto, nor it onto one. */
const OWN_LINE = /^\s{0,3}(?:#{1,6}(?:\s|$)|>)|\||^\s*(?:=+|-+|\*{3,}|_{3,})\s*$/;

export function joinSoftBreaks(lines: readonly string[]): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  let indentedCode = false;
  let blankBefore = true;
  /** Whether the last line out goes on with the next one, if that is prose. */
  let open = false;
  for (const line of lines) {
    if (fence !== null) {
      out.push(line);
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1] as string;
      out.push(line);
      open = false;
      blankBefore = false;
      continue;
    }
    if (line.trim() === "") {
      out.push(line);
      open = false;
      indentedCode = false;
      blankBefore = true;
      continue;
    }
    if ((blankBefore || indentedCode) && /^(?: {4}|\t)/.test(line)) {
      out.push(line);
      indentedCode = true;
      blankBefore = false;
      continue;
    }
    indentedCode = false;
    blankBefore = false;
    const last = out.length - 1;
    if (open && !LIST_ITEM.test(line) && !OWN_LINE.test(line)) {
      const before = out[last] as string;
      if (HARD_BREAK.test(before)) {
        out[last] = before.replace(HARD_BREAK, "");
        out.push(line.trim());
      } else {
        out[last] = `${before} ${line.trim()}`;
      }
      continue;
    }
    out.push(line);
    open = !OWN_LINE.test(line);
  }
  return out;
}
