/**
 * The HTML that wiki exports leave in a playbook's text, as the Markdown every surface shows:
 * `<br>` a line break, `<details><summary>More</summary>` the summary in bold over what it
 * folds. Only outside code, which keeps what it holds; any other HTML is left as written.
 */
import { fenceMark } from "../markdown-fence.ts";

const DETAILS = /<\/?details(?:\s[^<>]*)?>/gi;
const SUMMARY = /<summary(?:\s[^<>]*)?>(.*?)<\/summary>/gi;
/** Tags an export puts inside a summary ("<summary><b>More</b></summary>"), which bold replaces. */
const EMPHASIS_TAGS = /<\/?(?:b|strong|i|em|span)(?:\s[^<>]*)?>/gi;
/** A table row: its cells hold no block, so a break in one is written inline. */
const TABLE_ROW = /^\s*\|/;

/** The lines of a playbook's text, export HTML read as Markdown. */
export function exportHtmlAsMarkdown(lines: string[]): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const mark = fenceMark(line);
    if (fence !== null || mark) {
      if (mark && fence === null) fence = mark;
      else if (mark?.startsWith(fence ?? "")) fence = null;
      out.push(line);
      continue;
    }
    out.push(...outsideCode(line, (text) => asMarkdown(text, TABLE_ROW.test(line))).split("\n"));
  }
  return out;
}

/** A line with `change` made to what is not in a code span. */
function outsideCode(line: string, change: (text: string) => string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join("");
}

function asMarkdown(text: string, inTable: boolean): string {
  const read = text
    .replace(SUMMARY, (_, summary: string) => {
      const plain = summary.replace(EMPHASIS_TAGS, "").trim();
      return plain ? `\n**${plain}**\n` : "\n";
    })
    .replace(DETAILS, "\n");
  if (inTable) {
    // "Build.<br>Test." reads "Build. Test."; "Build<br>Test" reads "Build; Test".
    return read.replace(/\s*<br\s*\/?>\s*/gi, (_, offset: number) =>
      /[.;:!?,]$/.test(read.slice(0, offset).trimEnd()) ? " " : "; ",
    );
  }
  // A backslash at a line's end is Markdown's hard break; a break on a line of its own, or
  // two in a row, ends the paragraph.
  return read
    .replace(/(?:\s*<br\s*\/?>\s*){2,}/gi, "\n\n")
    .replace(/^\s*<br\s*\/?>\s*$/i, "")
    .replace(/\s*<br\s*\/?>\s*$/i, "\\")
    .replace(/\s*<br\s*\/?>\s*/gi, "\\\n");
}
