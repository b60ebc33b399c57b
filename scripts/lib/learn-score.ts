/**
 * How `npm run bench:learn` scores a replay, and what the set allows at best.
 *
 * The COVID set's lines are relevance judgements: one query on several lines,
 * each with another FAQ judged right for it. Two rules of what "right" is:
 * - "line": the FAQ of that line only (as the set is laid out);
 * - "any": any FAQ the set judges right for the same query (normalised text),
 *   on any line. A query with four relevant FAQs is answered by any of them.
 * The simulated user follows the same rule when choosing a suggestion.
 *
 * Groups of lines scored ("later questions"):
 * - repeats: each normalised question's occurrences after its first, the only
 *   lines learning a phrasing can act on;
 * - repeats after other questions: those of them whose line before asked
 *   something else (the set's adjacent lines of one query are one query
 *   judged several times; these are a question really asked again);
 * - the second half of the file.
 */
import type { Labelled } from "./eval-set.ts";

export type Rule = "line" | "any";
export type Outcome = "right" | "wrong" | "notSure";

/** What a reply gave for one line: the FAQ answered, "" for another kind of answer, null for "not sure". */
export type Given = string | null;

export interface Tally {
  right: number;
  wrong: number;
  notSure: number;
  of: number;
}

export interface Group {
  name: string;
  /** Which lines (by index) are in it. */
  has: readonly boolean[];
}

export interface LearnSet {
  lines: readonly Labelled[];
  /** Each line's normalised question. */
  norms: readonly string[];
  /** Every FAQ the set judges right for each normalised question. */
  relevant: ReadonlyMap<string, ReadonlySet<string>>;
  /** True where an earlier line asked the same normalised question. */
  repeat: readonly boolean[];
  groups: readonly Group[];
}

export function learnSet(lines: readonly Labelled[], normalise: (q: string) => string): LearnSet {
  const norms = lines.map((l) => normalise(l.q));
  const relevant = new Map<string, Set<string>>();
  norms.forEach((n, i) => {
    const faq = lines[i]?.faq;
    if (!faq) return;
    const set = relevant.get(n) ?? new Set<string>();
    set.add(faq);
    relevant.set(n, set);
  });
  const seen = new Set<string>();
  const repeat = norms.map((n) => {
    const again = seen.has(n);
    seen.add(n);
    return again;
  });
  const laterFrom = Math.floor(lines.length / 2);
  return {
    lines,
    norms,
    relevant,
    repeat,
    groups: [
      { name: "repeats (a normalised question after its first line)", has: repeat },
      {
        name: "repeats after other questions (not on the next line)",
        has: repeat.map((r, i) => r && norms[i - 1] !== norms[i]),
      },
      {
        name: `second half of the file (lines ${laterFrom + 1}-${lines.length})`,
        has: lines.map((_, i) => i >= laterFrom),
      },
    ],
  };
}

/** The FAQs that answer line `i` right under `rule`. */
export function rightFor(set: LearnSet, i: number, rule: Rule): ReadonlySet<string> {
  if (rule === "any") return set.relevant.get(set.norms[i] as string) ?? new Set();
  const faq = set.lines[i]?.faq;
  return new Set(faq ? [faq] : []);
}

export function outcomeOf(given: Given, right: ReadonlySet<string>): Outcome {
  if (given === null) return "notSure";
  return right.has(given) ? "right" : "wrong";
}

export function tally(group: Group, outcomes: readonly Outcome[]): Tally {
  const t: Tally = { right: 0, wrong: 0, notSure: 0, of: 0 };
  outcomes.forEach((o, i) => {
    if (!group.has[i]) return;
    t[o]++;
    t.of++;
  });
  return t;
}

/**
 * A perfect memory on top of the bot without learning: each repeat answered with
 * the FAQ earlier lines of its normalised question were labelled with most often
 * (the earliest on a tie), every other line as `off` answered it.
 */
export function perfectMemory(set: LearnSet, rule: Rule, off: readonly Given[]): Outcome[] {
  const chosen = new Map<string, Map<string, number>>();
  return set.lines.map((line, i) => {
    const norm = set.norms[i] as string;
    const before = chosen.get(norm) ?? new Map<string, number>();
    chosen.set(norm, before);
    let best: string | undefined;
    for (const [faq, n] of before)
      if (best === undefined || n > (before.get(best) ?? 0)) best = faq;
    if (line.faq) before.set(line.faq, (before.get(line.faq) ?? 0) + 1);
    const given = set.repeat[i] && best !== undefined ? best : (off[i] ?? null);
    return outcomeOf(given, rightFor(set, i, rule));
  });
}

/**
 * The most right answers learning from earlier lines can give: a line is right when
 * the bot without learning answered it right, or when it repeats a question an
 * earlier line was labelled with an FAQ that is right for it.
 */
export function rightCeiling(set: LearnSet, rule: Rule, off: readonly Given[]): boolean[] {
  const labelled = new Map<string, Set<string>>();
  return set.lines.map((line, i) => {
    const norm = set.norms[i] as string;
    const right = rightFor(set, i, rule);
    const before = labelled.get(norm) ?? new Set<string>();
    labelled.set(norm, before);
    const learnable = [...before].some((faq) => right.has(faq));
    if (line.faq) before.add(line.faq);
    return outcomeOf(off[i] ?? null, right) === "right" || learnable;
  });
}
