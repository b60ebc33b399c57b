/**
 * Free-text questions: minisearch's OR query over every FAQ and step (summed
 * from each term's postings, see `combine`), then a confidence that says
 * whether the best hit really answers the question.
 *
 * Confidence is the share of the question's meaning that a hit covers. Each
 * query term weighs by its rarity in the playbooks (idf); a word the playbooks
 * never use weighs like a fairly rare one, so it counts against a hit without
 * drowning it. A term found only in a hit's answer text counts for less than
 * one found in its question or title, and a term matched through a typo counts
 * at a discount. "How do we reset a password" shares nothing specific with any
 * playbook, so it scores low even though minisearch may return hits for it.
 */
import { words } from "./analyzer.ts";
import {
  type Doc,
  IN_HEAD,
  type IndexedTerm,
  type KnowledgeBase,
  type Postings,
  type QuestionWord,
} from "./knowledge.ts";

const NONE: Postings = {
  ids: new Uint32Array(0),
  scores: new Float64Array(0),
  fields: new Uint8Array(0),
};

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
export const RANK_SCORE_SHARE = 0.15;

export function searchQuestion(kb: KnowledgeBase, question: string): Hit[] {
  // Each term is looked up once; everything below reads these arrays by position.
  const { terms: queryTerms, indexed, corrected } = termsOfQuestion(kb, question);
  if (queryTerms.length === 0) return [];

  const candidates = combine(kb, indexed, MAX_HITS);
  const n = kb.docs.length;
  const common = n * COMMON_TERM_SHARE;
  const credits: number[] = [];
  const rare: boolean[] = [];
  let total = 0;
  for (let t = 0; t < queryTerms.length; t++) {
    const df = indexed[t]?.df ?? Math.max(1, n * UNKNOWN_WORD_DF_SHARE);
    const weight = Math.log(1 + n / (df + 0.5));
    total += weight;
    credits.push(weight * (corrected.includes(queryTerms[t] as string) ? CREDIT.typo : 1));
    rare.push(df <= common);
  }
  const hits: Hit[] = [];
  for (const candidate of candidates) {
    const doc = kb.docs[candidate.id];
    if (!doc) continue;
    const coverage = kb.tuning.coverage
      ? (coverageOf(candidate, doc, queryTerms, credits) / total) * specificity(candidate, rare)
      : 1;
    hits.push({ doc, score: candidate.score, coverage });
  }
  // Coverage says more about "answers this question" than raw BM25, which favours
  // short entries; BM25 only breaks near-ties.
  const top = hits[0]?.score ?? 1;
  return byRank(hits, top);
}

/**
 * `hits`, best rank first; equal ranks keep their order (as a stable sort would).
 * Each rank is computed once, into an array of numbers: a comparator computing them
 * would box two numbers per comparison, most of what ranking a question allocated.
 */
function byRank(hits: Hit[], topScore: number): Hit[] {
  const rank: number[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i] as Hit;
    const r = hit.coverage + RANK_SCORE_SHARE * (hit.score / topScore);
    let at = i;
    for (; at > 0 && (rank[at - 1] as number) < r; at--) {
      rank[at] = rank[at - 1] as number;
      hits[at] = hits[at - 1] as Hit;
    }
    rank[at] = r;
    hits[at] = hit;
  }
  return hits;
}

/** An entry matching some of the question's terms. */
export interface Candidate {
  id: number;
  score: number;
  /** For each query term (by position), the fields it matched in (`Postings.fields`' bits); 0 if none. */
  fields: number[];
}

/**
 * Per-entry sums while combining, kept between questions. A question touches a
 * few dozen entries of thousands; a map and an object per entry touched made
 * this the engine's largest cost in time and garbage. Every slot used is
 * cleared before `combine` returns, and JavaScript runs one at a time, so the
 * buffers never carry anything from one question to the next.
 */
let sums = sumsFor(0);

function sumsFor(size: number) {
  return {
    score: new Float64Array(size),
    matched: new Uint32Array(size),
    /** 1 + the entry's place among those kept; 0 for the others. */
    rank: new Uint32Array(size),
    /** The entries met, in the order first met. */
    touched: new Uint32Array(size),
  };
}

/**
 * The entries matching any of the terms, best first, at most `limit` of them:
 * minisearch's OR query, scored as minisearch scores it (the sum of the terms'
 * BM25 scores, times the number of terms matched), from the terms' postings.
 * The terms (as `kb.term` gives them, undefined for a term no entry uses) must
 * be distinct, as `termsOfQuestion` makes them: minisearch counts each once.
 * Equal scores keep the order in which entries were first met. Entry ids are
 * below `kb.docs.length`, as the index was built; `limit` is at least 1.
 */
export function combine(
  kb: KnowledgeBase,
  queryTerms: ReadonlyArray<IndexedTerm | undefined>,
  limit = Number.POSITIVE_INFINITY,
): Candidate[] {
  if (sums.score.length < kb.docs.length) sums = sumsFor(kb.docs.length);
  const { score, matched, rank, touched } = sums;
  const lists = queryTerms.map((term) => term?.postings ?? NONE);
  let count = 0;
  try {
    for (const { ids, scores } of lists) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        if (matched[id] === 0) touched[count++] = id;
        score[id] = (score[id] as number) + (scores[i] as number);
        matched[id] = (matched[id] as number) + 1;
      }
    }
    for (let i = 0; i < count; i++) {
      const id = touched[i] as number;
      score[id] = (score[id] as number) * (matched[id] as number);
    }
    const best = bestOf(touched, count, score, limit);
    const candidates = best.map((id, i): Candidate => {
      rank[id] = i + 1;
      // Filled by a loop: `new Array(n).fill(0)` calls into C++ for a handful of slots.
      const fields: number[] = [];
      for (let t = 0; t < lists.length; t++) fields.push(0);
      return { id, score: score[id] as number, fields };
    });
    // The fields each term matched, for the entries kept only.
    for (let t = 0; t < lists.length; t++) {
      const { ids, fields } = lists[t] as Postings;
      for (let i = 0; i < ids.length; i++) {
        const r = rank[ids[i] as number] as number;
        if (r > 0) (candidates[r - 1] as Candidate).fields[t] = fields[i] as number;
      }
    }
    return candidates;
  } finally {
    // Whatever happened above, the next question must find the sums clean.
    for (let i = 0; i < count; i++) {
      const id = touched[i] as number;
      score[id] = 0;
      matched[id] = 0;
      rank[id] = 0;
    }
  }
}

/**
 * The `limit` ids of highest score, best first; equal scores stay in the order
 * given. By insertion, which for the handful kept beats sorting every entry met.
 */
function bestOf(ids: Uint32Array, count: number, score: Float64Array, limit: number): number[] {
  const kept: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = ids[i] as number;
    const v = score[id] as number;
    if (kept.length === limit && v <= (score[kept[limit - 1] as number] as number)) continue;
    let at = kept.length;
    if (at === limit) at--;
    else kept.push(id);
    for (; at > 0 && (score[kept[at - 1] as number] as number) < v; at--) {
      kept[at] = kept[at - 1] as number;
    }
    kept[at] = id;
  }
  return kept;
}

/**
 * The question's distinct index terms, and what the index holds for each (as
 * `kb.term` gives it). Unknown words are first corrected to the nearest
 * playbook word ("incidnet" -> "incident"); a misspelt stop word ("waht") is
 * dropped. `corrected` holds the terms that came from a correction.
 */
function termsOfQuestion(
  kb: KnowledgeBase,
  question: string,
): { terms: string[]; indexed: Array<IndexedTerm | undefined>; corrected: string[] } {
  const read = words(kb.analyzer.simplify(question)).map(kb.readWord);
  const corrected: string[] = [];
  for (const word of read) if (word.corrected && word.term) corrected.push(word.term);
  // Phrases are folded after correction ("ai frist" -> "ai first" -> "aifirst"). Most
  // questions hold none, and then the words as read already give the terms and what
  // the index holds for them.
  const joined = read.map((w) => w.spelled).join(" ");
  const folded = kb.analyzer.foldPhrases(joined);
  const found: ReadonlyArray<Pick<QuestionWord, "term" | "indexed">> =
    folded === joined ? read : words(folded).map(kb.readTerm);
  const terms: string[] = [];
  const indexed: Array<IndexedTerm | undefined> = [];
  for (const { term, indexed: entry } of found) {
    if (term && !terms.includes(term)) {
      terms.push(term);
      indexed.push(entry);
    }
  }
  return { terms, indexed, corrected };
}

/**
 * A hit that shares only the playbooks' commonest words with the question ("ai",
 * "team", "engineering") has not shown it is about the same thing. `rare` says,
 * for each query term, whether it is not one of those.
 */
function specificity(candidate: Candidate, rare: boolean[]): number {
  for (let t = 0; t < rare.length; t++) if (candidate.fields[t] !== 0 && rare[t]) return 1;
  return ONLY_COMMON_TERMS;
}

/** How much of the question's weight `doc` covers; `credits` are the terms' weights, typos discounted. */
function coverageOf(
  candidate: Candidate,
  doc: Doc,
  queryTerms: string[],
  credits: number[],
): number {
  let covered = 0;
  for (let t = 0; t < queryTerms.length; t++) {
    const credit = credits[t] as number;
    const fields = candidate.fields[t] as number;
    if (fields !== 0) covered += credit * (fields & IN_HEAD ? CREDIT.head : CREDIT.body);
    else if (doc.context.has(queryTerms[t] as string)) covered += credit * CREDIT.context;
  }
  return covered;
}
