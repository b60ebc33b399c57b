/**
 * Reads steps and FAQs out of a playbook's Markdown body.
 *
 * The format (see the seed playbook): steps are `### Step N: Title` headings
 * anywhere in the body; questions are `### ...` headings under a `## FAQ`
 * section (or `# FAQ`, `## FAQs:`, `## Frequently Asked Questions (FAQ)`, `## Q&A`, `## FAQ: deploys`).
 * A block's text runs to the next heading of level 3 or higher. Headings are
 * ATX (`## FAQ`) or setext (`FAQ` underlined with `---` or `===`), as in
 * CommonMark (with GitHub's tables); those inside fenced code blocks are code,
 * not structure, and neither is what an HTML comment hides. One exception: a
 * sentence (ending in `.`, `,`, `;`, `:` or `!`, and not an FAQ title) over a
 * `---` line is text and a rule, which is what its author meant, not a heading
 * that would cut the text short. Rules and comments are left out of the text.
 * What wiki exports add is read as meant: markup in headings, numbered questions ("1. How
 * do I...?"), escaped characters, `<br>` and `<details>` in the text (src/content/export-html.ts).
 */
import { codeBlockReader, fenceOf } from "../markdown-shared.ts";
import { outsideCode } from "./code-aside.ts";
import { exportHtmlAsMarkdown } from "./export-html.ts";
import { repairMojibake } from "./mojibake.ts";
import type { ContentProblem } from "./types.ts";

export interface RawStep {
  number: number;
  title: string;
  /** Other ways to ask for it, from an "Also asked:" line or list under the heading. */
  alternates: string[];
  text: string;
  line: number;
}

export interface RawFaq {
  question: string;
  /** Other ways to ask it, from an "Also asked:" line or list under the question. */
  alternates: string[];
  answer: string;
  line: number;
}

interface Heading {
  level: number;
  /** As written, less markup an export adds: emphasis, inline HTML, `{#id}` attributes. */
  text: string;
  /** What tells a step or the FAQ: the text without emoji or symbols before it ("🚀 Step 3"). */
  key: string;
  line: number;
  /** Index into the body's lines of its first line. */
  index: number;
  /** Index of the line after it: past a setext heading's underline. */
  after: number;
  /** A setext heading's underline as written ("---", "========"). */
  underline?: string;
}

const stepHeading = /^step\s+(\d+)\s*[:.\-–—]\s*(.+)$/i;
/** A heading meant as a step, however written: "Step 3x", "Step5: Title". */
const looseStepHeading = /^step(?:\s+\S|\s*\d)/i;
/** "5. Title", "5) Title": a numbered heading, a step written without "Step" (not "1:1s", "2.5"). */
const numberedHeading = /^(\d{1,3})[.):]\s+(\S.*)$/;
/**
 * "FAQ", "FAQs:", "Frequently Asked Questions (FAQ)", "Q&A", "FAQ — Deploys": a section of
 * questions, which may say what they are about after a dash or a colon.
 */
const faqSection =
  /^(?:(?:.*\s)?faqs?|frequently asked questions|q\s*&\s*a|questions and answers)(?:\s*\(faqs?\))?(?:\s*:.*|\s+[-–—]\s.*|\s+(?:about|for|on)\s.*)?$/i;

/**
 * A heading's text without the markup wiki exports put in headings: emphasis with asterisks
 * ("**Step 3: Deploy**"), inline HTML ("<a id=\"s3\"></a>"), pandoc's "{#step-3}" at the end.
 * Underscores stay ("__name__", "snake_case" are what engineers write), as do code spans.
 */
export function plainHeading(text: string): string {
  // Code spans ("`__init__.py`") are kept as they are; an escaped character ("snake\_case",
  // "\*") is itself, and never emphasis.
  return outsideCode(
    text,
    (plain) =>
      plain
        .replace(INLINE_HTML, "")
        .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "$1")
        .replace(/(^|[^\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])/g, "$1$2")
        .replace(/\s+\{#[\w:.-]+(?:\s[^{}]*)?\}\s*$/, ""),
    (_, char) => char,
  ).trim();
}

/** Emoji and symbols a heading may start with, which say nothing of what it is. */
const LEADING_SYMBOLS =
  /^(?:[\p{Extended_Pictographic}\p{So}\p{Sm}•·\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]\s*)+/u;

/**
 * The HTML tags exports put in headings (anchors, spans, emphasis, breaks): only these, so
 * that "Vec<u8>", "Map<string, number>", "<TOKEN>" or "<https://...>" stay as written.
 */
const INLINE_HTML =
  /<\/?(?:a|span|b|i|em|strong|u|s|br|sup|sub|font|mark|small|div|p|img)(?:\s[^<>]*)?\/?>/gi;

export function parseBody(
  file: string,
  body: string,
  firstLine: number,
): {
  steps: RawStep[];
  faqs: RawFaq[];
  prose: string;
  problems: ContentProblem[];
  notes: ContentProblem[];
} {
  const lines = body.split(/\r?\n/);
  const { headings, paragraphs, unclosedFence } = readBlocks(lines, firstLine);
  /** The lines from `from` to `to` where an `Also asked:` line starts a paragraph. */
  const alsoAskedLines = (from: number, to: number) =>
    [...paragraphs].filter((i) => i >= from && i < to && ALSO_ASKED.test(lines[i] ?? ""));
  const problems: ContentProblem[] = [];
  const notes: ContentProblem[] = [];
  const steps: RawStep[] = [];
  const faqs: RawFaq[] = [];
  // What is neither a step nor the FAQ: the introduction and other sections.
  const prose: string[] = [blockText(lines, 0, headings[0]?.index ?? lines.length)];
  let inFaq = false;
  // Whether the last heading of level 3 or less was read as a step: what a deeper one is part of.
  let inStep = false;
  // An "Also asked:" line under no question or step would be read as prose, and match nothing.
  const strayAlternates = (from: number, to: number) => {
    for (const index of alsoAskedLines(from, to)) {
      problems.push({
        file,
        line: firstLine + index,
        message:
          '"Also asked:" under no question or step: put it under the "### ..." heading it is for',
      });
    }
  };
  strayAlternates(0, headings[0]?.index ?? lines.length);
  // A code block never closed is code to the end of the file: a heading after it is lost.
  if (unclosedFence !== null) {
    // A "## " or "### " line, not a shell or YAML comment ("# promote the build").
    const lost = lines.findIndex((l, i) => i > unclosedFence && /^ {0,3}#{2,3}\s+\S/.test(l));
    if (lost >= 0) {
      problems.push({
        file,
        line: firstLine + unclosedFence,
        message: `a code block opened here is never closed, so everything after it is read as code, the heading on line ${firstLine + lost} too: close it with a line of ${fenceOf(lines[unclosedFence] ?? "")?.mark ?? "```"}`,
      });
    }
  }

  headings.forEach((h, i) => {
    const next = headings.slice(i + 1).find((n) => n.level <= 3);
    const text = () => blockText(lines, h.after, next ? next.index : lines.length);
    // "#", "##" or "###" alone is an empty heading (CommonMark): it would end the step or
    // the FAQ above it, and the text or questions under it would go unread, unsaid.
    if (h.level <= 3 && !clean(h.text)) {
      const marks = "#".repeat(h.level);
      problems.push({
        file,
        line: h.line,
        message:
          inFaq && h.level === 3
            ? 'an empty "###" heading: write its question after "### "'
            : `an empty "${marks}" heading: write its title after "${marks} ", or remove it`,
      });
      return;
    }
    // A question one level too deep in the FAQ is read as part of the answer above. It may be
    // a sub-heading of that answer, so a note, not a problem.
    if (inFaq && h.level === 4 && /\?$/.test(clean(h.text))) {
      notes.push({
        file,
        line: h.line,
        message: `"#### ${clean(h.text)}" is read as part of the answer above; if it is a question of its own, write "### ${clean(h.text)}"`,
      });
    }
    // A step heading one level or more too deep is read as part of the step above, so a note;
    // none for a sub-step ("Step 2.1: Configure" under step 2).
    if (inStep && h.level >= 4 && stepHeading.test(h.key) && !/^step\s+\d+\.\d/i.test(h.key)) {
      notes.push({
        file,
        line: h.line,
        message: `"${"#".repeat(h.level)} ${clean(h.text)}" is read as part of the step above; if it is a step of its own, write "### ${clean(h.text)}"`,
      });
    }
    if (h.level <= 3) inStep = false;
    if (h.level <= 2) {
      if (looseStepHeading.test(h.key)) {
        // Read as a section, it would leave the playbook without that step, silently.
        problems.push({
          file,
          line: h.line,
          message: `"${clean(h.text)}" is a level-${h.level} heading: write a step as "### Step N: Title"`,
        });
      }
      const wasInFaq = inFaq;
      inFaq = faqSection.test(h.key);
      strayAlternates(h.after, next ? next.index : lines.length);
      if (!inFaq) prose.push(clean(h.text), text());
      // A short "---" under a line is how a rule is drawn, and may have been meant as one;
      // a heading underlined at length ("Appendix" over "========") was meant as a heading.
      const maybeRule = h.underline !== undefined && /^-{1,3}$/.test(h.underline);
      const cut = wasInFaq && !inFaq && maybeRule ? questionsCut(headings, i) : undefined;
      if (cut) {
        problems.push({
          file,
          line: h.line,
          message: `"${clean(h.text)}" over a line of --- is a heading, which ends the FAQ, so the questions after it (from line ${cut.line}) are not read: leave a blank line above --- to draw a line, or write "## ${clean(h.text)}" for a new section`,
        });
      } else if (wasInFaq && !inFaq && /\?$/.test(clean(h.text))) {
        // A question one level too high ends the FAQ; when questions follow, they were likely
        // meant as part of it. A note: "## Still have questions?" may be a section of its own.
        const lost = questionsCut(headings, i);
        if (lost && /\?$/.test(clean(lost.text))) {
          notes.push({
            file,
            line: h.line,
            message: `"${"#".repeat(h.level)} ${clean(h.text)}" ends the FAQ, so it and the questions after it (from line ${lost.line}) are read as a section, not as questions: if it is a question, write "### ${clean(h.text)}"`,
          });
        }
      }
      return;
    }
    if (h.level !== 3) return;
    const end = next ? next.index : lines.length;
    const step = stepHeading.exec(h.key);
    if (step) {
      inStep = true;
      const under = underHeading(lines, alsoAskedLines(h.after, end), h.after, end);
      for (const problem of under.problems) {
        problems.push({ file, line: firstLine + problem.index, message: problem.message });
      }
      steps.push({
        number: Number(step[1]),
        title: withoutTrailingColon(clean(step[2] ?? "")),
        alternates: under.alternates,
        text: under.text,
        line: h.line,
      });
      return;
    }
    if (looseStepHeading.test(h.key) && !inFaq) {
      // "Step5: Title", "Step5 Title": the number run into "Step", the rest as meant.
      const meant = /^step(\d+)\s*[:.\-–—]?\s*(.*)$/i.exec(clean(h.key));
      problems.push({
        file,
        line: h.line,
        message: meant
          ? `step heading "${h.text}" should read "Step ${meant[1]}: ${meant[2] || "Title"}"`
          : `step heading "${h.text}" should read "Step N: Title" with a number`,
      });
      return;
    }
    if (!inFaq) {
      const numbered = numberedHeading.exec(clean(h.text));
      // Outside the steps, such a heading may be an introduction's, so a note.
      if (numbered) {
        notes.push({
          file,
          line: h.line,
          message: `"### ${clean(h.text)}" is not read as a step, and no answer holds its text; if it is a step, write "### Step ${numbered[1]}: ${numbered[2]}"`,
        });
      }
      strayAlternates(h.after, end);
      prose.push(clean(h.text), text());
      return;
    }
    const under = underHeading(lines, alsoAskedLines(h.after, end), h.after, end);
    const answer = under.text;
    if (!answer)
      problems.push({
        file,
        line: h.line,
        message: `FAQ question "${clean(h.text)}" has no answer`,
      });
    for (const problem of under.problems) {
      problems.push({ file, line: firstLine + problem.index, message: problem.message });
    }
    faqs.push({
      question: questionOf(clean(h.text)),
      alternates: under.alternates,
      answer,
      line: h.line,
    });
  });
  return { steps, faqs, prose: prose.filter(Boolean).join("\n\n"), problems, notes };
}

/**
 * "Also asked:", "Also-asked:", "*Also asked as:*", "**Also asked:**": what starts a question's
 * alternates.
 */
const ALSO_ASKED =
  /^\s*(?:[*_]{1,2})?also[\s-]+asked(?:\s+as)?\s*(?:[*_]{1,2})?\s*:\s*(?:[*_]{1,2})?\s*(.*)$/i;
/** Alternates on one line are parted by `|` or `;`, or follow a question mark. */
const ALTERNATE_SEPARATOR = /\s*[|;]\s*|(?<=\?)\s+/;
const LIST_BULLET = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;
/** Longer than this, an "alternate" is a paragraph, not a way to ask. */
const LONGEST_ALTERNATE = 300;

type LineProblem = { index: number; message: string };

/**
 * What is under a question's or step's heading: its text, and the alternates of the
 * `Also asked:` line among `markers` (where one starts a paragraph), under the heading or
 * after the answer, kept out of the text shown.
 */
function underHeading(
  lines: string[],
  markers: number[],
  from: number,
  to: number,
): { text: string; alternates: string[]; problems: LineProblem[] } {
  const first = markers[0];
  if (first === undefined)
    return { text: blockText(lines, from, to), alternates: [], problems: [] };
  const also = alsoAsked(lines, first, to);
  const text = [blockText(lines, from, first), blockText(lines, also.after, to)]
    .filter(Boolean)
    .join("\n\n");
  const problems = [...also.problems];
  for (const index of markers.slice(1)) {
    problems.push({
      index,
      message: 'a second "Also asked:" under one heading: list every phrasing under the first',
    });
  }
  return { text, alternates: also.alternates, problems };
}

/**
 * The alternates of the `Also asked:` line at `i`: `Also asked: one way | another way`, or
 * `Also asked:` over a list. `after` is the line after them.
 */
function alsoAsked(
  lines: string[],
  i: number,
  to: number,
): { alternates: string[]; after: number; problems: LineProblem[] } {
  const marker = ALSO_ASKED.exec(lines[i] ?? "");
  const found: Array<{ text: string; index: number }> = [];
  for (const text of (marker?.[1] ?? "").split(ALTERNATE_SEPARATOR)) found.push({ text, index: i });
  let after = i + 1;
  for (let j = i + 1; j < to; j++) {
    const item = LIST_BULLET.exec(lines[j] ?? "");
    if (!item) break;
    found.push({ text: item[1] ?? "", index: j });
    after = j + 1;
  }
  const problems: LineProblem[] = [];
  const alternates: string[] = [];
  for (const { text, index } of found) {
    const alternate = clean(text.replace(/^[*_]+|[*_]+$/g, ""));
    if (!alternate) continue;
    if (alternate.length > LONGEST_ALTERNATE) {
      problems.push({
        index,
        message: `an "Also asked" phrasing is over ${LONGEST_ALTERNATE} characters: write it as a question`,
      });
    } else alternates.push(alternate);
  }
  if (alternates.length === 0 && problems.length === 0) {
    problems.push({ index: i, message: '"Also asked:" lists no phrasing' });
  }
  return { alternates, after, problems };
}

/** The first question-like heading after `headings[i]` in its section, if any. */
function questionsCut(headings: Heading[], i: number): Heading | undefined {
  for (const h of headings.slice(i + 1)) {
    if (h.level <= 2) return undefined;
    if (h.level === 3 && !stepHeading.test(h.key)) return h;
  }
  return undefined;
}

/** How a line can start a block, as far as telling paragraphs (and so setext headings) goes. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const THEMATIC_BREAKS = new RegExp(THEMATIC_BREAK.source, "gm");
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/;
const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** List items, quotes, HTML, table rows and GitHub's table delimiter rows: never paragraph text. */
const CONTAINER =
  /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|<[A-Za-z/!?]|\|)|^[ \t]*\|?[ \t]*:?-+:?[ \t]*\|/;
const INDENTED = /^(?: {4}|\t)/;
/** What GitHub hides: a draft in a comment, or a note to the next author. */
const HTML_COMMENTS = /<!--[\s\S]*?-->/g;
/** What a sentence ends with (markdownlint's MD026 list), which a heading does not. */
const SENTENCE_END = /[.,;:!]$/;

/**
 * The headings of a body, and the lines where a paragraph starts (outside code, comments,
 * lists, quotes and HTML): where an `Also asked:` line may stand.
 */
function readBlocks(
  lines: string[],
  firstLine: number,
): { headings: Heading[]; paragraphs: Set<number>; unclosedFence: number | null } {
  const headings: Heading[] = [];
  const paragraphs = new Set<number>();
  const code = codeBlockReader();
  // Where the open code block opened: one never closed runs to the end of the file (CommonMark).
  let openAt: number | null = null;
  // What the lines read so far are in: a paragraph (from the index given), which an
  // underline makes a setext heading; a list item, quote, table or HTML ("other"), until a
  // blank line or a rule; indented code; or nothing.
  let block: number | "other" | "code" | null = null;
  // A list goes on past blank lines while its lines are indented: "- Docker", "", "  Check
  // it", "---" is a list and a rule, not a heading.
  let inList = false;
  // Inside an HTML comment, which hides a draft ("<!-- ### Step 9: ... -->") as GitHub does.
  let comment = false;
  lines.forEach((line, index) => {
    if (comment) {
      if (line.includes("-->")) comment = false;
      return;
    }
    if (openAt === null && /^ {0,3}<!--/.test(line)) {
      // A comment ends its block on the line that closes it (CommonMark's HTML block 2).
      comment = !line.includes("-->");
      block = null;
      return;
    }
    const kind = code(line);
    if (kind === "open") openAt = index;
    if (kind === "close") openAt = null;
    if (kind !== "text") {
      block = null;
      return;
    }
    // A closing run of #s needs a space before it (CommonMark): "Learn C#" keeps its #.
    // "###" alone is an empty heading (CommonMark), not text of the block above it. Any
    // space may follow the #s, a no-break one pasted from a document too, as it always could.
    const m = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (m) {
      const level = (m[1] ?? "").length;
      const text = plainHeading(m[2] ?? "");
      headings.push({
        level,
        text,
        key: keyOf(text),
        line: firstLine + index,
        index,
        after: index + 1,
      });
      block = null;
      inList = false;
      return;
    }
    if (line.trim() === "") {
      block = null;
      return;
    }
    if (LIST_ITEM.test(line)) inList = true;
    else if (!/^[ \t]/.test(line)) inList = false;
    else if (inList) {
      block = "other";
      return;
    }
    const underline = UNDERLINE.exec(line)?.[1];
    if (underline && typeof block === "number") {
      const text = plainHeading(clean(lines.slice(block, index).join(" ")));
      const sentence = SENTENCE_END.test(text) && !faqSection.test(keyOf(text));
      if (!(underline.startsWith("-") && sentence)) {
        headings.push({
          level: underline.startsWith("=") ? 1 : 2,
          text,
          key: keyOf(text),
          line: firstLine + block,
          index: block,
          after: index + 1,
          underline,
        });
      }
      block = null;
      return;
    }
    if (THEMATIC_BREAK.test(line)) block = null;
    else if (CONTAINER.test(line)) block = "other";
    else if (block === null || (block === "code" && !INDENTED.test(line))) {
      block = INDENTED.test(line) ? "code" : index;
      if (block === index) paragraphs.add(index);
    }
  });
  return { headings, paragraphs, unclosedFence: openAt };
}

function blockText(lines: string[], from: number, to: number): string {
  return repairMojibake(
    exportHtmlAsMarkdown(lines.slice(from, to))
      .join("\n")
      .replace(HTML_COMMENTS, "")
      .replace(THEMATIC_BREAKS, "")
      // A rule or comment taken out leaves its blank lines on either side: one is enough.
      .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, "\n\n")
      .trim(),
  );
}

/**
 * A question as its heading says it, less what exports number it with ("1. How do I roll
 * back?", "Q3: Who approves?"; not "401: what does it mean?") and a colon at its end.
 */
function questionOf(heading: string): string {
  return withoutTrailingColon(heading.replace(/^(?:q\s?\d{0,3}[.):]|\d{1,3}[.)])\s+(?=\S)/i, ""));
}

/** "Step 2: Configure the runner:": a title is not a sentence leading into what follows. */
function withoutTrailingColon(title: string): string {
  // One colon after a word; not an emoji's ":tada:", nor "std::".
  if (/:[\w+-]+:$|::$/.test(title)) return title;
  return title.replace(/\s*:$/, "") || title;
}

function keyOf(text: string): string {
  return repairMojibake(text).replace(LEADING_SYMBOLS, "");
}

function clean(text: string): string {
  return repairMojibake(text.replace(HTML_COMMENTS, "").replace(/\s+/g, " ").trim());
}
