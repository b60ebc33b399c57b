/**
 * How likely the best answer found is the right one, from what the search saw:
 * a logistic model over a handful of signals that hold for any playbook.
 *
 * - coverage: the share of the question's meaning the answer holds;
 * - covered: that meaning in absolute terms, in units of the rarest word's weight (two
 *   rare words matched say more than one), so it reads the same in a small library and
 *   a large one;
 * - gap: how far ahead of the next answer it ranks (a clear winner, or one of several);
 * - echo: how much of the answer's own question (or step title) was asked;
 * - both: the lesser of coverage and echo: question and phrasing say the same thing
 *   ("What is COVID-19?" asked of an FAQ of that name), however common their words;
 * - known: the share of the question's words the playbooks use at all;
 * - length: long messages carry more words that no answer needs to hold.
 *
 * The weights were fitted on the tuning halves of the eval sets (all of them at
 * once, each set weighted alike) by `scripts/fit-confidence.ts`, and are judged on
 * the held-out halves by `npm run eval` (docs/accuracy.md).
 */
import type { Hit } from "./search.ts";

const WEIGHTS = {
  bias: -2.45,
  coverage: 0.71,
  gap: 0.77,
  echo: 0.21,
  covered: 1.77,
  known: 0.38,
  length: -0.44,
  both: 0.68,
};

export interface Signals {
  best: Hit;
  /** The next answer after the best, if any. */
  next: Hit | undefined;
  /** Distinct terms of the question, and how many of them the playbooks use. */
  terms: number;
  known: number;
  /** The weight of a word used once in the playbooks: the unit of `covered`. */
  unit: number;
}

/** The signals of a candidate answer, scaled as the model was fitted on. */
export function features({
  best,
  next,
  terms,
  known,
  unit,
}: Signals): Record<keyof typeof WEIGHTS, number> {
  return {
    bias: 1,
    coverage: best.coverage,
    gap: best.rank - (next?.rank ?? 0),
    echo: best.echo,
    covered: Math.min(3, best.covered / unit),
    known: known / Math.max(1, terms),
    length: Math.min(1, terms / 10),
    both: Math.min(best.coverage, best.echo),
  };
}

/** 0..1: how likely `best` answers the question. */
export function confidenceOf(signals: Signals): number {
  const x = features(signals);
  let z = 0;
  for (const key of Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>) z += WEIGHTS[key] * x[key];
  return 1 / (1 + Math.exp(-z));
}
