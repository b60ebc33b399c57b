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
import type { SearchResult } from "minisearch";
import { STOP_WORDS, words } from "./analyzer.ts";
import { type Doc, FIELD_BOOST, type KnowledgeBase } from "./knowledge.ts";
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

  const { tuning } = kb;
  const results = kb.index.search(queryTerms.join(" "), {
    boost: tuning.boost ? FIELD_BOOST : {},
    combineWith: "OR",
    // The analyzer and the spelling correction already ran; the query terms are final.
    tokenize: (text) => text.split(" "),
    processTerm: (term) => term,
  });

  const weights = queryTerms.map((t) => weightOf(kb, t));
  const total = weights.reduce((a, b) => a + b, 0);
  const hits: Hit[] = [];
  for (const result of results.slice(0, MAX_HITS)) {
    const doc = kb.docs[result.id as number];
    if (!doc) continue;
    const coverage = tuning.coverage
      ? (coverageOf(result, doc, queryTerms, weights, corrected) / total) * specificity(kb, result)
      : 1;
    hits.push({ doc, score: result.score, coverage });
  }
  // Coverage says more about "answers this question" than raw BM25, which favours
  // short entries; BM25 only breaks near-ties.
  const top = hits[0]?.score ?? 1;
  const rank = (h: Hit) => h.coverage + RANK_SCORE_SHARE * (h.score / top);
  return hits.sort((a, b) => rank(b) - rank(a));
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
function specificity(kb: KnowledgeBase, result: SearchResult): number {
  const common = kb.docs.length * COMMON_TERM_SHARE;
  for (const term of Object.keys(result.match)) if ((kb.df.get(term) ?? 0) <= common) return 1;
  return ONLY_COMMON_TERMS;
}

function weightOf(kb: KnowledgeBase, term: string): number {
  const n = kb.docs.length;
  const df = kb.df.get(term) ?? Math.max(1, n * UNKNOWN_WORD_DF_SHARE);
  return Math.log(1 + n / (df + 0.5));
}

function coverageOf(
  result: SearchResult,
  doc: Doc,
  queryTerms: string[],
  weights: number[],
  corrected: Set<string>,
): number {
  let covered = 0;
  queryTerms.forEach((term, i) => {
    const w = (weights[i] ?? 0) * (corrected.has(term) ? CREDIT.typo : 1);
    // `match` is a plain object keyed by terms: only its own entries count.
    const fields = Object.hasOwn(result.match, term) ? result.match[term] : undefined;
    if (fields) covered += w * (fields.includes("head") ? CREDIT.head : CREDIT.body);
    else if (doc.context.has(term)) covered += w * CREDIT.context;
  });
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
