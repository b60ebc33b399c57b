/**
 * The HTML that wiki exports leave in a playbook's text, as the Markdown every surface shows:
 * `<br>` a line break, `<details><summary>More</summary>` the summary in bold over what it
 * folds. Only outside code, which keeps what it holds; any other HTML is left as written.
 */
import { codeBlockReader, fenceOf } from "../markdown-shared.ts";

const BREAK = /<br\s*\/?>/i;
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
/** Two private-use characters mark code spans set aside, so they may not come from the text. */
const SLOT = /\uE000(\d+)\uE001/g;

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

/** One line, code spans set aside so that nothing in them is read. */
function asMarkdown(line: string, joinsNext: boolean): string {
  const spans: string[] = [];
  let text = line
    .replace(/[\uE000\uE001]/g, "")
    .replace(/`+[^`]*?`+/g, (span) => `\uE000${spans.push(span) - 1}\uE001`);
  text = text
    .replace(SUMMARY, (_, summary: string) => {
      const plain = summary.replace(EMPHASIS_TAGS, "").trim();
      return plain ? `\n**${plain}**\n` : "\n";
    })
    .replace(DETAILS, "\n");
  if (text.includes("|")) {
    // A table row's cells hold no block: "Build.<br>Test." reads "Build. Test.", "Build<br>Test"
    // reads "Build; Test".
    text = text.replace(/\s*<br\s*\/?>\s*/gi, (_, offset: number) =>
      /[.;:!?,]$/.test(text.slice(0, offset).trimEnd()) ? " " : "; ",
    );
  } else if (/^\s*(?:<br\s*\/?>\s*)+$/i.test(text)) {
    text = "";
  } else if (BREAK.test(text)) {
    // A break inside the line is Markdown's hard break (a backslash at the line's end), its
    // continuation kept in the line's quote or list item; two in a row, or one on a line of
    // its own, end the paragraph; one at the end breaks only before a line the paragraph goes on to.
    const [, quote = "", item = ""] = LINE_PREFIX.exec(text) ?? [];
    const indent = quote + " ".repeat(item.length);
    text = text
      .replace(/(?:\s*<br\s*\/?>\s*){2,}(?=\S)/gi, `\n${quote.trimEnd()}\n${indent}`)
      .replace(/\s*(?:<br\s*\/?>\s*)+$/i, joinsNext ? "\\" : "")
      .replace(/\s*<br\s*\/?>\s*/gi, `\\\n${indent}`);
  }
  return text.replace(SLOT, (_, n: string) => spans[Number(n)] ?? "");
}
