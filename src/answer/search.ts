/**
 * Free-text questions: one minisearch query over every FAQ and step, then a
 * confidence that says whether the best hit really answers the question.
 *
 * Confidence is the share of the question's meaning the best hit covers: each
 * query term weighs by its rarity (idf), a term the corpus has never seen weighs
 * most, and a term matched only through a typo counts at a discount. "How do we
 * reset a password" shares only common words with any playbook, so it scores low
 * even though minisearch returns hits for it.
 */
import type { SearchResult } from "minisearch";
import { normalize, termOf, words } from "./analyzer.ts";
import { type Doc, FIELD_BOOST, type KnowledgeBase } from "./knowledge.ts";

export interface Hit {
  doc: Doc;
  score: number;
  /** 0..1: how much of the question this hit covers. */
  coverage: number;
}

export interface SearchOutcome {
  hits: Hit[];
  /** The question's own terms, after analysis. */
  terms: string[];
}

const TYPO_DISCOUNT = 0.7;
const MAX_HITS = 8;

export function searchQuestion(kb: KnowledgeBase, question: string): SearchOutcome {
  const queryTerms: string[] = [];
  for (const w of words(normalize(question))) {
    const t = termOf(w);
    if (t && !queryTerms.includes(t)) queryTerms.push(t);
  }
  if (queryTerms.length === 0) return { hits: [], terms: queryTerms };

  const results = kb.index.search(queryTerms.join(" "), {
    boost: FIELD_BOOST,
    combineWith: "OR",
    // Typo tolerance only for words the playbooks do not contain: known words match
    // exactly, so the common case pays nothing for fuzzy matching.
    fuzzy: (term) => (term.length >= 4 && !kb.df.has(term) ? 0.25 : false),
    // The analyzer already ran; the query terms are final.
    tokenize: (text) => text.split(" "),
    processTerm: (term) => term,
  });

  const weights = queryTerms.map((t) => weightOf(kb, t));
  const total = weights.reduce((a, b) => a + b, 0);
  const hits: Hit[] = [];
  for (const result of results.slice(0, MAX_HITS)) {
    const doc = kb.docs[result.id as number];
    if (!doc) continue;
    hits.push({
      doc,
      score: result.score,
      coverage: coverageOf(result, queryTerms, weights, total),
    });
  }
  return { hits, terms: queryTerms };
}

function weightOf(kb: KnowledgeBase, term: string): number {
  const n = kb.docs.length;
  const df = kb.df.get(term) ?? 0;
  return Math.log(1 + n / (df + 0.5));
}

function coverageOf(
  result: SearchResult,
  queryTerms: string[],
  weights: number[],
  total: number,
): number {
  let covered = 0;
  queryTerms.forEach((term, i) => {
    const w = weights[i] ?? 0;
    if (result.match[term]) covered += w;
    else if (result.queryTerms.includes(term)) covered += w * TYPO_DISCOUNT;
  });
  return total > 0 ? covered / total : 0;
}
