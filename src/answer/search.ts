/**
 * Free-text questions: one minisearch query over every FAQ and step, then a
 * confidence that says whether the best hit really answers the question.
 *
 * Confidence is the share of the question's meaning that a hit covers. Each
 * query term weighs by its rarity in the playbooks (idf); a word the playbooks
 * never use weighs like a fairly rare one, so it counts against a hit without
 * drowning it. A term found only in a hit's answer text counts for less than
 * one found in its question or title, and a term matched through a typo counts
 * at a discount. "How do we reset a password" shares nothing specific with any
 * playbook, so it scores low even though minisearch may return hits for it.
 */
import { STOP_WORDS, words } from "./analyzer.ts";
import type { Doc, KnowledgeBase } from "./knowledge.ts";
import { correct } from "./spelling.ts";

export interface Hit {
  doc: Doc;
  score: number;
  /** 0..1: how much of the question this hit covers. */
  coverage: number;
}

/** How much a matched term is worth, by where it matched and how. */
const CREDIT = { head: 1, body: 0.6, context: 0.4, typo: 0.7 };

/**
 * The weight of a word the playbooks never use: that of a word in 1 in 16 entries,
 * rarer than most. It counts against a hit ("vacation days") without swamping the
 * words that do match ("post mortem template").
 */
const UNKNOWN_WORD_DF_SHARE = 1 / 16;

const MAX_HITS = 8;

/** A term in more than this share of all entries is common; a hit matching only such terms is discounted. */
const COMMON_TERM_SHARE = 0.2;
const ONLY_COMMON_TERMS = 0.75;

/** How much BM25 (relative to the best hit) adds to coverage when ranking hits. */
const RANK_SCORE_SHARE = 0.15;

export function searchQuestion(kb: KnowledgeBase, question: string): Hit[] {
  const { terms: queryTerms, corrected } = termsOfQuestion(kb, question);
  if (queryTerms.length === 0) return [];

  const candidates = combine(kb, queryTerms);
  const weights = queryTerms.map((t) => weightOf(kb, t));
  const total = weights.reduce((a, b) => a + b, 0);
  const hits: Hit[] = [];
  for (const candidate of candidates.slice(0, MAX_HITS)) {
    const doc = kb.docs[candidate.id];
    if (!doc) continue;
    const coverage = kb.tuning.coverage
      ? (coverageOf(candidate, doc, queryTerms, weights, corrected) / total) *
        specificity(kb, candidate, queryTerms)
      : 1;
    hits.push({ doc, score: candidate.score, coverage });
  }
  // Coverage says more about "answers this question" than raw BM25, which favours
  // short entries; BM25 only breaks near-ties.
  const top = hits[0]?.score ?? 1;
  return hits.sort((a, b) => rankOf(b, top) - rankOf(a, top));
}

function rankOf(hit: Hit, topScore: number): number {
  return hit.coverage + RANK_SCORE_SHARE * (hit.score / topScore);
}

/** An entry matching some of the question's terms. */
export interface Candidate {
  id: number;
  score: number;
  /** How many of the question's terms it matches. */
  matched: number;
  /** For each query term (by position), the fields it matched in, if any. */
  fields: Array<readonly string[] | undefined>;
}

/**
 * The entries matching any of the terms, best first: minisearch's OR query,
 * scored as minisearch scores it (the sum of the terms' BM25 scores, times
 * the number of terms matched), from the terms' postings. The terms must be
 * distinct, as `termsOfQuestion` makes them: minisearch counts each once.
 */
export function combine(kb: KnowledgeBase, queryTerms: string[]): Candidate[] {
  const byId = new Map<number, Candidate>();
  for (let t = 0; t < queryTerms.length; t++) {
    for (const posting of kb.postings(queryTerms[t] as string)) {
      let candidate = byId.get(posting.id);
      if (!candidate) {
        candidate = { id: posting.id, score: 0, matched: 0, fields: [] };
        byId.set(posting.id, candidate);
      }
      candidate.score += posting.score;
      candidate.matched += 1;
      candidate.fields[t] = posting.fields;
    }
  }
  const candidates = [...byId.values()];
  for (const c of candidates) c.score *= c.matched;
  return candidates.sort((a, b) => b.score - a.score);
}

/**
 * The question's distinct index terms. Unknown words are first corrected to the
 * nearest playbook word ("incidnet" -> "incident"); a misspelt stop word
 * ("waht") is dropped. `corrected` holds the terms that came from a correction.
 */
function termsOfQuestion(
  kb: KnowledgeBase,
  question: string,
): { terms: string[]; corrected: Set<string> } {
  const { analyzer, vocabulary, tuning } = kb;
  const corrected = new Set<string>();
  const fixed = words(analyzer.simplify(question)).map((word) => {
    if (STOP_WORDS.has(word) || vocabulary.words.has(word)) return word;
    const term = analyzer.termOf(word);
    if (term === null || kb.df.has(term)) return word;
    if (isMisspeltStopWord(word)) return "";
    const fix = tuning.fuzzy ? correct(vocabulary, word) : null;
    if (!fix) return word;
    const fixedTerm = analyzer.termOf(fix);
    if (fixedTerm) corrected.add(fixedTerm);
    return fix;
  });
  const terms: string[] = [];
  for (const word of words(analyzer.foldPhrases(fixed.join(" ")))) {
    const term = analyzer.termOf(word);
    if (term && !terms.includes(term)) terms.push(term);
  }
  return { terms, corrected };
}

/**
 * A hit that shares only the playbooks' commonest words with the question ("ai",
 * "team", "engineering") has not shown it is about the same thing.
 */
function specificity(kb: KnowledgeBase, candidate: Candidate, queryTerms: string[]): number {
  const common = kb.docs.length * COMMON_TERM_SHARE;
  for (let t = 0; t < queryTerms.length; t++) {
    if (candidate.fields[t] && (kb.df.get(queryTerms[t] as string) ?? 0) <= common) return 1;
  }
  return ONLY_COMMON_TERMS;
}

function weightOf(kb: KnowledgeBase, term: string): number {
  const n = kb.docs.length;
  const df = kb.df.get(term) ?? Math.max(1, n * UNKNOWN_WORD_DF_SHARE);
  return Math.log(1 + n / (df + 0.5));
}

function coverageOf(
  candidate: Candidate,
  doc: Doc,
  queryTerms: string[],
  weights: number[],
  corrected: Set<string>,
): number {
  let covered = 0;
  for (let t = 0; t < queryTerms.length; t++) {
    const term = queryTerms[t] as string;
    const w = (weights[t] ?? 0) * (corrected.has(term) ? CREDIT.typo : 1);
    const fields = candidate.fields[t];
    if (fields) covered += w * (fields.includes("head") ? CREDIT.head : CREDIT.body);
    else if (doc.context.has(term)) covered += w * CREDIT.context;
  }
  return covered;
}

const stopWordsBySize = new Map<number, string[]>();
for (const w of STOP_WORDS) {
  if (w.length >= 3 && /^[a-z]+$/.test(w)) {
    stopWordsBySize.set(w.length, [...(stopWordsBySize.get(w.length) ?? []), w]);
  }
}

/**
 * Two neighbouring letters swapped ("waht", "shuold"): the commonest slip of fast
 * typing. Only swaps: one wrong letter turns real words into stop words too
 * ("game" / "same").
 */
function isMisspeltStopWord(word: string): boolean {
  if (word.length < 4) return false;
  for (const candidate of stopWordsBySize.get(word.length) ?? []) {
    const first = [...word].findIndex((ch, i) => ch !== candidate[i]);
    if (
      first !== -1 &&
      word[first] === candidate[first + 1] &&
      word[first + 1] === candidate[first] &&
      word.slice(first + 2) === candidate.slice(first + 2)
    ) {
      return true;
    }
  }
  return false;
}
