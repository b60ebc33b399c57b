/**
 * The content model: what a playbook is once its Markdown has been read.
 * Everything here is plain data, so the engine and every adapter can share it.
 */

/** One numbered step of a playbook (`### Step N: Title`). */
export interface Step {
  number: number;
  title: string;
  /** The Markdown under the heading, repaired and trimmed. */
  text: string;
  /** Other ways people ask for it ("Also asked:" under the heading), matched like its title. */
  alternates?: string[];
  /** 1-based line of the heading in its file, for error messages. */
  line: number;
}

/** One question of a playbook's FAQ (`### Question?` under `## FAQ`). */
export interface Faq {
  question: string;
  /** Other ways people ask it ("Also asked:"), matched like the question, never shown as its title. */
  alternates: string[];
  /** The answer paragraphs, as Markdown. */
  answer: string;
  /** Number of the step that best fits this question (computed, or set in front matter). */
  stepNumber: number | null;
  line: number;
}

export interface Playbook {
  slug: string;
  title: string;
  description: string;
  /** Path of the source file, as given to the loader. */
  file: string;
  steps: Step[];
  faqs: Faq[];
  /**
   * The Markdown that is neither a step nor the FAQ (the introduction, other sections):
   * never an answer, but it may define the acronyms the rest uses.
   */
  prose: string;
}

/** A problem found in content, reported as `file:line: message`. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export class ContentError extends Error {
  readonly code = "AIFIRST_INVALID_CONTENT";
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ContentError";
  }
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** A note (valid, likely not meant) as `file:line: note: ...`, marked so no one counts it a problem. */
export function formatNote(p: ContentProblem): string {
  return `${p.file}:${p.line}: note: ${p.message}`;
}

/** How much content there is: what `/healthz` and `aifirst check` report. */
export function countContent(playbooks: Playbook[]): {
  playbooks: number;
  faqs: number;
  steps: number;
} {
  return {
    playbooks: playbooks.length,
    faqs: playbooks.reduce((n, p) => n + p.faqs.length, 0),
    steps: playbooks.reduce((n, p) => n + p.steps.length, 0),
  };
}

/** "1 playbook, 7 steps, 10 FAQs": counts as `aifirst check` and `npm start` say them. */
export function describeContent(counts: {
  playbooks: number;
  faqs: number;
  steps: number;
}): string {
  const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    counted(counts.playbooks, "playbook", "playbooks"),
    counted(counts.steps, "step", "steps"),
    counted(counts.faqs, "FAQ", "FAQs"),
  ].join(", ");
}
