/**
 * Turns one Markdown file into a validated Playbook, or into problems that
 * name the file, the line and what is wrong.
 */
import { parseFrontMatter } from "./front-matter.ts";
import { repairMojibake } from "./mojibake.ts";
import { parseBody } from "./playbook-body.ts";
import type { ContentProblem, Playbook } from "./types.ts";

export interface ParseResult {
  playbook: Playbook | null;
  /** The slug it claims, valid or not (so a clash is reported with its other problems). */
  slug: string | null;
  problems: ContentProblem[];
  /** What is valid but likely not meant (a misspelt front matter key). */
  notes: ContentProblem[];
}

/** `defaultSlug` is what `slug` falls back to: the file name without `.md`. */
export function parsePlaybook(file: string, source: string, defaultSlug: string): ParseResult {
  const front = parseFrontMatter(file, source.replace(/^\uFEFF/, ""));
  // Unreadable front matter hides where the body starts: report that alone.
  if (!front.data && front.problems.length > 0 && front.body === "")
    return { playbook: null, slug: null, problems: front.problems, notes: front.notes };
  const body = parseBody(file, front.body, front.bodyLine);
  const problems = [...front.problems, ...body.problems];
  const data = front.data;

  const seen = new Map<number, number>();
  const ordered: typeof body.steps = [];
  for (const step of body.steps) {
    const firstLine = seen.get(step.number);
    if (firstLine !== undefined) {
      problems.push({
        file,
        line: step.line,
        message: `duplicate Step ${step.number} (first at line ${firstLine})`,
      });
      continue;
    }
    seen.set(step.number, step.line);
    const before = ordered.at(-1);
    // Out of order: said once, where a step comes after a higher one.
    if (before && step.number < before.number) {
      problems.push({
        file,
        line: step.line,
        message: `Step ${step.number} comes after step ${before.number}: number steps in order`,
      });
    }
    ordered.push(step);
    if (!step.text)
      problems.push({ file, line: step.line, message: `Step ${step.number} has no text` });
  }
  // Numbers missing, wherever the steps around them stand: each run said once, at the first
  // step above it. A step 0 ("Prerequisites") is said to be numbered from 1 instead.
  const zero = ordered.find((s) => s.number === 0);
  if (zero) {
    problems.push({ file, line: zero.line, message: "Step 0: number steps from 1" });
  }
  const highest = Math.max(0, ...seen.keys());
  for (let from = 1; from < highest; from++) {
    if (seen.has(from)) continue;
    let to = from;
    while (!seen.has(to + 1)) to++;
    // The first step above the run: there is one, since the highest step is above it.
    const above = ordered.find((s) => s.number > to) as (typeof ordered)[number];
    const previous = ordered[ordered.indexOf(above) - 1];
    const missing = from === to ? `step ${from} is missing` : `steps ${from} to ${to} are missing`;
    // With no step 1 (and no step 0, said above), the first step in the file is above the run.
    if (from === 1) {
      if (!zero) {
        problems.push({
          file,
          line: above.line,
          message: `Step ${above.number} is the first step: number steps from 1`,
        });
      }
    } else {
      problems.push({
        file,
        line: above.line,
        message:
          previous?.number === from - 1
            ? `Step ${above.number} comes after step ${from - 1}: ${missing}`
            : `${missing.replace(/^s/, "S")} (the steps go up to ${highest})`,
      });
    }
    from = to;
  }
  if (body.steps.length === 0 && body.faqs.length === 0) {
    const leadingBlankLines = (/^\s*\n/.exec(front.body)?.[0].split("\n").length ?? 1) - 1;
    problems.push({
      file,
      line: front.bodyLine + leadingBlankLines,
      message: 'no steps and no FAQ: add "### Step 1: Title" headings or a "## FAQ" section',
    });
  }
  const questions = new Map<string, number>();
  // The same question but for case, spaces and sentence punctuation ("How fast?", "how fast").
  const asked = new Map<string, number>();
  for (const faq of body.faqs) {
    const key = faq.question.toLowerCase();
    // Sentence punctuation only: "C++" and "C#" stay apart.
    const words = key.replace(/[\s?.!,;:'"\u2018\u2019\u201c\u201d]+/g, " ").trim();
    const first = asked.get(words);
    if (first !== undefined)
      problems.push({
        file,
        line: faq.line,
        message: `duplicate FAQ question (first at line ${first})`,
      });
    else asked.set(words, faq.line);
    if (!questions.has(key)) questions.set(key, faq.line);
  }

  // A Map: a question such as "constructor" must not find Object's own members.
  const faqSteps = new Map<string, number>();
  for (const [question, number] of Object.entries(data?.faqSteps ?? front.faqSteps ?? {})) {
    const key = repairMojibake(question).toLowerCase();
    if (!questions.has(key)) {
      problems.push({
        file,
        line: lineOf(source, question),
        message: `faqSteps names "${question}", which is not a question in this playbook's FAQ`,
      });
    } else if (!seen.has(number)) {
      problems.push({
        file,
        line: lineOf(source, question),
        message: `faqSteps maps "${question}" to step ${number}, which does not exist`,
      });
    }
    faqSteps.set(key, number);
  }

  const slug = data ? (data.slug ?? defaultSlug) : null;
  const notes = [...front.notes, ...body.notes];
  if (!data || slug === null || problems.length > 0) {
    return { playbook: null, slug, problems, notes };
  }
  return {
    slug,
    playbook: {
      slug,
      title: repairMojibake(data.title),
      description: repairMojibake(data.description ?? ""),
      file,
      steps: body.steps.map((s) => ({
        number: s.number,
        title: s.title,
        text: s.text,
        ...(s.alternates.length ? { alternates: s.alternates } : {}),
        line: s.line,
      })),
      faqs: body.faqs.map((f) => ({
        question: f.question,
        alternates: f.alternates,
        answer: f.answer,
        line: f.line,
        stepNumber: faqSteps.get(f.question.toLowerCase()) ?? null,
      })),
      prose: body.prose,
    },
    problems,
    notes,
  };
}

function lineOf(source: string, needle: string): number {
  const at = source.indexOf(needle);
  return at === -1 ? 1 : source.slice(0, at).split("\n").length;
}
