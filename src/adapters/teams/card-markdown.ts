/**
 * Markdown as Adaptive Card TextBlocks. A TextBlock renders only a subset of
 * Markdown (bold, italics, lists, links) and no headings, code or images, so
 * the engine's Markdown is reshaped into that subset: paragraphs become
 * blocks, list runs become `\r`-separated list text, headings bold, code
 * spans bold, images their alt text.
 */
import type { CardElement } from "./contract.ts";

const LIST_ITEM = /^\s*(?:([-*+•])|(\d{1,3})[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** One TextBlock per paragraph, list run, heading or code block. */
export function markdownToBlocks(markdown: string): CardElement[] {
  const blocks: CardElement[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(textBlock(inline(paragraph.join(" "))));
    if (list.length) blocks.push(textBlock(list.join("\r")));
    paragraph = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").trim().startsWith(fence[1] ?? "```"); i++) {
        code.push(lines[i] ?? "");
      }
      if (code.length) blocks.push({ ...textBlock(code.join("\n")), fontType: "Monospace" });
      continue;
    }
    if (line.trim() === "") {
      flush();
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
      const marker = item[2] ? `${item[2]}.` : "-";
      list.push(`${marker} ${inline(item[3] ?? "")}`);
      continue;
    }
    if (list.length) flush();
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** Inline Markdown reduced to what a TextBlock shows. */
export function inline(text: string): string {
  // Code spans are literal (one may be the user's own words, quoted back): the rest is
  // rewritten around them, never inside.
  return text
    .split(/(`+[^`]+?`+)/)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part) : prose(part)))
    .join("");
}

function prose(text: string): string {
  return (
    text
      // Images cannot show inside text: keep what they say.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
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
  const code = span.replace(/^`+|`+$/g, "");
  return `**${code.replace(/([[\]()*_~])/g, "$1\u200b")}**`;
}

function textBlock(text: string): CardElement {
  return { type: "TextBlock", text, wrap: true };
}
