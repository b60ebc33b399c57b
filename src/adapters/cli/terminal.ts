/**
 * Renders a reply view for a terminal: bold headings when the output is a
 * TTY, plain text otherwise (so it pipes cleanly).
 */
import { listLead, type ReplyView } from "../../answer/view.ts";
import { codeBlockReader, ESCAPED_CHAR, joinSoftBreaks } from "../web/public/markdown-lines.js";

/** A backslash escape (group 1) or a code span (group 2). */
const ESCAPED_OR_CODE = new RegExp(`${ESCAPED_CHAR}|\`([^\`]+)\``, "g");

export function renderTerminal(view: ReplyView, color: boolean): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  // Code stays as typed, to be copied: in colour on a TTY, between backticks otherwise
  // (curly quotes around a command would be copied with it).
  const code = (s: string) => (color ? `\x1b[36m${s}\x1b[39m` : `\`${s}\``);
  // The Markdown a terminal can show: bold, italics (as plain words), code. Code spans are
  // set aside first, so a name_with_underscores in one is no italics, and put back last, so
  // bold around code ("**run `npm ci` first**") is still bold. The markers are taken off, so
  // a backslash-escaped character (`\*`, `snake\_case`) is set aside too, as itself, its
  // backslash gone; in code a backslash is as typed.
  const inline = (line: string) => {
    const spans: string[] = [];
    const keep = (t: string) => `\uE000${spans.push(t) - 1}\uE001`;
    return line
      .replace(/[\uE000\uE001]/g, "")
      .replace(ESCAPED_OR_CODE, (_m, c?: string, t?: string) => keep(c ?? code(t ?? "")))
      .replace(/\*\*(.+?)\*\*/g, (_m, t: string) => bold(t))
      .replace(/(^|[^*\w])[*_]([^*_\s][^*_]*?)[*_](?=[^*\w]|$)/g, "$1$2")
      .replace(/\uE000(\d+)\uE001/g, (_m, i: string) => spans[Number(i)] ?? "");
  };
  // Line by line: a fenced block's lines are code as typed, its fences kept (dim on a TTY),
  // so that no backtick of a fence pairs with one of the text.
  const md = (s: string) => {
    const read = codeBlockReader();
    return joinSoftBreaks(s.split("\n"))
      .map((line) => {
        const kind = read(line);
        if (kind === "text") return inline(line);
        if (kind === "code") return color ? code(line) : line;
        return dim(line);
      })
      .join("\n");
  };
  const parts: string[] = [];
  if (view.note) parts.push(dim(view.note));
  if (view.title) parts.push(bold(view.title));
  if (view.body) parts.push(md(view.body));
  if (view.step) parts.push(`${bold(`→ ${view.step.heading}`)}\n  ${md(view.step.excerpt)}`);
  if (view.list.length) parts.push(view.list.map((c) => `  • ${c.label}`).join("\n"));
  if (view.suggestions.length) {
    parts.push(
      `${listLead(view.suggestionsTitle)}\n${view.suggestions.map((c) => `  • ${c.label}`).join("\n")}`,
    );
  }
  if (view.playbook) parts.push(dim(`From: ${view.playbook.title} (${view.playbook.slug})`));
  return `${parts.join("\n\n")}\n`;
}
