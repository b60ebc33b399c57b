/**
 * The HTML that wiki exports leave in a playbook's text, as the Markdown every surface shows:
 * `<br>` a line break, `<details><summary>More</summary>` the summary in bold over what it
 * folds. Only outside code, which keeps what it holds; any other HTML is left as written.
 */
import { codeBlockReader, fenceOf } from "../markdown-shared.ts";
import { outsideCode } from "./code-aside.ts";

/** A line break as exports write it: `<br>`, `<br/>`, `<br />`. */
const BR = String.raw`<br\s*\/?>`;
const BREAK = new RegExp(BR, "i");
/** Each break, with the spaces around it. */
const BREAKS = new RegExp(String.raw`\s*${BR}\s*`, "gi");
/** Two breaks or more in a row, before more text: a paragraph's end. */
const BREAK_RUN = new RegExp(String.raw`(?:\s*${BR}\s*){2,}(?=\S)`, "gi");
/** Breaks that end the line. */
const LAST_BREAKS = new RegExp(String.raw`\s*(?:${BR}\s*)+$`, "i");
/** A line of breaks and nothing else. */
const ONLY_BREAKS = new RegExp(String.raw`^\s*(?:${BR}\s*)+$`, "i");
const DETAILS = /<\/?details(?:\s[^<>]*)?>/gi;
const SUMMARY = /<summary(?:\s[^<>]*)?>(.*?)<\/summary>/gi;
/** Tags an export puts inside a summary ("<summary><b>More</b></summary>"), which bold replaces. */
const EMPHASIS_TAGS = /<\/?(?:b|strong|i|em|span)(?:\s[^<>]*)?>/gi;
/** Indented code, which keeps what it holds as fenced code does. */
const INDENTED_CODE = /^(?: {4}|\t)/;
/** What a line's continuation repeats to stay in its block: quote markers, a list item's indent. */
const LINE_PREFIX = /^(\s*(?:>\s?)*)((?:[-*+]|\d{1,9}[.)])\s+)?/;
/** A line that starts a block of its own, which a hard break before it would not join. */
const BLOCK_START = /^\s*(?:$|[-*+]\s|\d{1,9}[.)]\s|#{1,6}\s|>|\||```|~~~)/;

/** The lines of a playbook's text, export HTML read as Markdown. */
export function exportHtmlAsMarkdown(lines: string[]): string[] {
  const out: string[] = [];
  const code = codeBlockReader();
  lines.forEach((line, i) => {
    if (code(line) !== "text") {
      out.push(line);
      return;
    }
    if (INDENTED_CODE.test(line) && (out.at(-1) ?? "").trim() === "") {
      out.push(line);
      return;
    }
    const next = lines[i + 1];
    const joinsNext = next !== undefined && !BLOCK_START.test(next) && fenceOf(next) === undefined;
    out.push(...asMarkdown(line, joinsNext).split("\n"));
  });
  return out;
}

/** One line, code spans set aside so that nothing in them is read (src/content/code-aside.ts). */
function asMarkdown(line: string, joinsNext: boolean): string {
  return outsideCode(line, (text) => {
    const read = text
      .replace(SUMMARY, (_, summary: string) => {
        const plain = summary.replace(EMPHASIS_TAGS, "").trim();
        return plain ? `\n**${plain}**\n` : "\n";
      })
      .replace(DETAILS, "\n");
    if (!BREAK.test(read)) return read;
    if (read.includes("|")) {
      // A table row's cells hold no block: "Build.<br>Test." reads "Build. Test.",
      // "Build<br>Test" reads "Build; Test".
      return read.replace(BREAKS, (_, offset: number) =>
        /[.;:!?,]$/.test(read.slice(0, offset).trimEnd()) ? " " : "; ",
      );
    }
    // A break inside the line is Markdown's hard break (a backslash at the line's end), its
    // continuation kept in the line's quote or list item; two in a row, or a line of breaks
    // alone, end the paragraph; one at the end breaks only before a line the paragraph goes on to.
    if (ONLY_BREAKS.test(read)) return "";
    const [, quote = "", item = ""] = LINE_PREFIX.exec(read) ?? [];
    const indent = quote + " ".repeat(item.length);
    return read
      .replace(BREAK_RUN, `\n${quote.trimEnd()}\n${indent}`)
      .replace(LAST_BREAKS, joinsNext ? "\\" : "")
      .replace(BREAKS, `\\\n${indent}`);
  });
}
