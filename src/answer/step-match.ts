/**
 * Gives each FAQ its matching playbook step: the step whose words best cover
 * the question and its answer, by tf-idf cosine within the playbook.
 * An explicit `faqSteps` entry in front matter wins.
 */
import type { Playbook } from "../content/types.ts";

type Vector = Map<string, number>;

/** `terms` is the analyzer's (memoized by the caller: every text is analyzed once per build). */
export function matchSteps(playbook: Playbook, terms: (text: string) => string[]): Playbook {
  if (playbook.steps.length === 0) return playbook;
  // A step's title names what it is about: its words count three times
  // (docs/accuracy.md, "How a question is answered").
  const stepBags = playbook.steps.map((s) => {
    const title = terms(s.title);
    return [...title, ...title, ...title, ...terms(s.text)];
  });
  const idf = inverseFrequency(stepBags);
  const stepVectors = stepBags.map((bag) => vectorOf(bag, idf));
  const faqs = playbook.faqs.map((faq) => {
    if (faq.stepNumber !== null) return faq;
    const question = vectorOf(terms(faq.question), idf);
    const answer = vectorOf(terms(faq.answer), idf);
    let best = 0;
    let bestScore = -1;
    stepVectors.forEach((sv, i) => {
      // Question and answer alike: a short question often names its step in other words
      // than the step's title, and its answer says more (docs/accuracy.md measures both).
      const score = cosine(question, sv) + cosine(answer, sv);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    return { ...faq, stepNumber: playbook.steps[best]?.number ?? null };
  });
  return { ...playbook, faqs };
}

function inverseFrequency(bags: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of new Set(bag)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(1 + bags.length / n));
  return idf;
}

function vectorOf(bag: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const t of bag) {
    const w = idf.get(t);
    if (w !== undefined) v.set(t, (v.get(t) ?? 0) + w);
  }
  return v;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    const y = b.get(t);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
