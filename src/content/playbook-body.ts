/**
 * Reads steps and FAQs out of a playbook's Markdown body.
 *
 * The format (see the seed playbook): steps are `### Step N: Title` headings
 * anywhere in the body; questions are `### ...` headings under a `## FAQ`
 * section (or `# FAQ`, `## FAQs:`, `## Frequently Asked Questions (FAQ)`).
 * A block's text runs to the next heading of level 3 or higher. Headings are
 * ATX (`## FAQ`) or setext (`FAQ` underlined with `---` or `===`), as in
 * CommonMark; those inside fenced code blocks are code, not structure.
 */
import { repairMojibake } from "./mojibake.ts";
import type { ContentProblem } from "./types.ts";

export interface RawStep {
  number: number;
  title: string;
  text: string;
  line: number;
}

export interface RawFaq {
  question: string;
  answer: string;
  line: number;
}

interface Heading {
  level: number;
  text: string;
  line: number;
  /** Index into the body's lines of its first line. */
  index: number;
  /** Index of the line after it: past a setext heading's underline. */
  after: number;
}

const stepHeading = /^step\s+(\d+)\s*[:.\-–—]\s*(.+)$/i;
const looseStepHeading = /^step\s+(\S+)/i;
/** "FAQ", "FAQs:", "Frequently Asked Questions (FAQ)". */
const faqSection = /^(?:faqs?|frequently asked questions)(?:\s*\(faqs?\))?\s*:?$/i;

export function parseBody(
  file: string,
  body: string,
  firstLine: number,
): { steps: RawStep[]; faqs: RawFaq[]; problems: ContentProblem[] } {
  const lines = body.split(/\r?\n/);
  const headings = findHeadings(lines, firstLine);
  const problems: ContentProblem[] = [];
  const steps: RawStep[] = [];
  const faqs: RawFaq[] = [];
  let inFaq = false;

  headings.forEach((h, i) => {
    const next = headings.slice(i + 1).find((n) => n.level <= 3);
    const text = () => blockText(lines, h.after, next ? next.index : lines.length);
    if (h.level <= 2) {
      inFaq = faqSection.test(h.text);
      return;
    }
    if (h.level !== 3) return;
    const step = stepHeading.exec(h.text);
    if (step) {
      steps.push({
        number: Number(step[1]),
        title: clean(step[2] ?? ""),
        text: text(),
        line: h.line,
      });
      return;
    }
    if (looseStepHeading.test(h.text) && !inFaq) {
      problems.push({
        file,
        line: h.line,
        message: `step heading "${h.text}" should read "Step N: Title" with a number`,
      });
      return;
    }
    if (inFaq) {
      const answer = text();
      if (!answer)
        problems.push({
          file,
          line: h.line,
          message: `FAQ question "${clean(h.text)}" has no answer`,
        });
      faqs.push({ question: clean(h.text), answer, line: h.line });
    }
  });
  return { steps, faqs, problems };
}

function findHeadings(lines: string[], firstLine: number): Heading[] {
  const headings: Heading[] = [];
  let fence: string | null = null;
  // Where the paragraph being read began, which an underline makes a setext heading;
  // "other" inside a list item, quote or indented code, whose lines never are one.
  let paragraph: number | "other" | null = null;
  lines.forEach((line, index) => {
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMark) {
      const mark = fenceMark[1] ?? "";
      if (fence === null) fence = mark;
      else if (mark.startsWith(fence)) fence = null;
      paragraph = null;
      return;
    }
    if (fence !== null) return;
    // A closing run of #s needs a space before it (CommonMark): "Learn C#" keeps its #.
    const m = /^(#{1,6})\s+(.+?)(?:\s+#+)?\s*$/.exec(line);
    if (m) {
      const level = (m[1] ?? "").length;
      headings.push({ level, text: m[2] ?? "", line: firstLine + index, index, after: index + 1 });
      paragraph = null;
      return;
    }
    if (line.trim() === "") {
      paragraph = null;
      return;
    }
    const underline = /^ {0,3}(=+|-+)\s*$/.exec(line);
    if (underline && typeof paragraph === "number") {
      const text = lines.slice(paragraph, index).join(" ").replace(/\s+/g, " ").trim();
      const level = underline[1]?.startsWith("=") ? 1 : 2;
      headings.push({
        level,
        text,
        line: firstLine + paragraph,
        index: paragraph,
        after: index + 1,
      });
      paragraph = null;
      return;
    }
    if (paragraph === null) {
      // A thematic break, a list item, a quote or indented code starts no paragraph.
      const other = /^(?: {4}|\t| {0,3}(?:[-*+]\s|\d{1,9}[.)]\s|>|(?:[-*_]\s*){3,}$))/.test(line);
      paragraph = other ? "other" : index;
    }
  });
  return headings;
}

function blockText(lines: string[], from: number, to: number): string {
  return repairMojibake(
    lines
      .slice(from, to)
      .join("\n")
      .replace(/^\s*---\s*$/gm, "")
      .trim(),
  );
}

function clean(text: string): string {
  return repairMojibake(text.replace(/\s+/g, " ").trim());
}
