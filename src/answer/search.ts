/**
 * Free-text questions: every phrasing that shares a term with the question,
 * scored, and the best few answers (FAQs and steps) with what the engine
 * needs to judge them.
 *
 * An answer's coverage is the share of the question's meaning it holds. Each
 * question term weighs by its rarity in the playbooks (idf); a word the
 * playbooks never use weighs like a fairly rare one, so it counts against
 * every answer ("how do we reset a password" shares nothing specific with any
 * playbook). A term found in the phrasing itself counts fully; one found only
 * in the answer's text, or beside it (its matching step, the playbook's
 * title), counts for less, and one matched through a typo at a discount.
 */
import type { Doc, KnowledgeBase, Phrasing } from "./knowledge.ts";

export interface Hit {
  doc: Doc;
  /** The phrasing it was found through. */
  phrasing: Phrasing;
  /** 0..1: how much of the question this answer covers. */
  coverage: number;
  /** The question's weight that this answer covers (coverage is its share of the whole). */
  covered: number;
  /** 0..1: how much of the phrasing's own words the question uses. */
  echo: number;
  /** minisearch's BM25 for the phrasing (field boosts applied). */
  bm25: number;
  /** What hits are ordered by. */
  rank: number;
  /** The question's terms (by index) it holds, in its phrasing or its text. */
  held: ReadonlySet<number>;
  /** ... in its phrasing. */
  inPhrasing: ReadonlySet<number>;
  /** ... in its phrasing or beside it (its step, its playbook's title): what it is about. */
  about: ReadonlySet<number>;
  /** It ranks first by breaking a tie among answers that held the same terms (see `breakTie`). */
  brokeTie: boolean;
}

/** How much a matched term is worth, by where it matched and how. */
export const CREDIT = { head: 1, body: 0.5, context: 0.15, typo: 0.7 };

/** How much BM25 (relative to the best) adds to coverage when ranking. */
const BM25_RANK_WEIGHT = 0.3;

/**
 * What a phrasing that says exactly what the question says (each holds every term of the
 * other) adds to its rank: asked word for word, an FAQ's own question or "Also asked" line
 * wins over a longer phrasing that also holds all the question's words.
 */
const EXACT_RANK_BONUS = 0.1;

/**
 * A glossary phrase or spelled-out acronym of this many terms or more is one thing said in
 * several words: each word counts 1/sqrt(n) towards coverage, or "DSAR" (data subject access
 * request) outweighs everything else a question asks (docs/accuracy.md).
 */
const LONG_PHRASE = 3;

/** A term in more phrasings than this share of them (and at least the minimum) is common. */
const COMMON_SHARE = 0.02;
const COMMON_MIN_PHRASINGS = 200;

/** How much of a learned phrasing, and of the question, must match for it to answer. */
const LEARNED_MATCH = 0.8;

/** How many phrasings are looked at closely (context terms, grouping by answer). */
const SHORTLIST = 24;

/**
 * How much less of the question an answer may cover and still break a tie among the answers
 * ranked first (see `breakTie`).
 */
const TIE_BREAK_MARGIN = 0.05;

export interface QuestionTerms {
  /** The question's words as read: typos corrected, the glossaries' phrases rewritten. */
  words: string[];
  /**
   * ... before the glossaries' phrases: what kind of answer is asked is read from these (a
   * phrase such as "how long" must not hide it).
   */
  asRead: string[];
  terms: string[];
  /** What each term counts towards coverage (see `LONG_PHRASE`). */
  weights: number[];
  /** Whether each term was read from a typo (its weight discounted). */
  guessed: boolean[];
  /** What each term counts towards echo: its whole weight, as a phrasing's own words count. */
  echoWeights: number[];
  /** The weight of all terms: what a hit's coverage is a share of. */
  total: number;
  /** How many of the terms the playbooks use. */
  known: number;
}

/** The question's distinct index terms and their weights (guessed typos discounted). */
export function questionTerms(kb: KnowledgeBase, question: string): QuestionTerms {
  const { analyzer } = kb;
  const read = kb.read(analyzer.words(analyzer.simplify(question)));
  const guessed = new Set<string>();
  for (const { word, guessed: wasGuessed } of read) {
    const t = wasGuessed ? analyzer.termOf(word) : null;
    if (t) guessed.add(t);
  }
  // Glossary phrases after correction: "pull reqeust" is still a pull request.
  const asRead = read.map((r) => r.word);
  const folded = analyzer.fold(asRead);
  const phraseLengths = analyzer.phraseLengths(folded);
  const terms: string[] = [];
  const weights: number[] = [];
  const guesses: boolean[] = [];
  const echoWeights: number[] = [];
  let total = 0;
  let known = 0;
  for (const [i, w] of folded.entries()) {
    const t = analyzer.termOf(w);
    if (!t || terms.includes(t)) continue;
    // A word only learned phrasings use is still unknown to the content.
    if (kb.term(t)?.df) known++;
    const length = phraseLengths[i] ?? 1;
    const weight = kb.termWeight(t) / (length >= LONG_PHRASE ? Math.sqrt(length) : 1);
    const guess = guessed.has(t) ? CREDIT.typo : 1;
    terms.push(t);
    total += weight;
    weights.push(weight * guess);
    guesses.push(guess !== 1);
    echoWeights.push(kb.termWeight(t) * guess);
  }
  return { words: folded, asRead, terms, weights, guessed: guesses, echoWeights, total, known };
}

export interface Found {
  /** The answers sharing terms with the question, best first, one hit per answer. */
  hits: Hit[];
  /** How many distinct terms the question has, and how many of them the playbooks use. */
  terms: number;
  known: number;
}

/** The answers for a question already read into terms. */
export function searchTerms(
  kb: KnowledgeBase,
  { terms, weights, echoWeights, total, known }: QuestionTerms,
): Found {
  return {
    hits: rankAnswers(kb, { terms, weights, echoWeights, total }),
    terms: terms.length,
    known,
  };
}

/** What a question's terms add up to in one phrasing. */
interface Sums {
  bm25: number;
  /** Weight of the question's terms found, credited by where (see `CREDIT`). */
  covered: number;
  /** Weight of the question's terms found in the phrasing itself. */
  echoed: number;
  /** Which of the question's terms it holds. */
  matched: Set<number>;
  /** ... in the phrasing itself. */
  inHead: Set<number>;
}

function rankAnswers(
  kb: KnowledgeBase,
  {
    terms,
    weights,
    echoWeights,
    total,
  }: Omit<QuestionTerms, "known" | "words" | "asRead" | "guessed">,
): Hit[] {
  if (terms.length === 0) return [];
  const headCredit = kb.tuning.boost ? CREDIT.head : 1;
  const bodyCredit = kb.tuning.boost ? CREDIT.body : 1;
  // Only the phrasings a question touches are summed: a few dozen of thousands, usually.
  // Candidates are the phrasings holding a term that is not common; common terms add to
  // them, but bring no phrasings of their own. In a small library no term is common; in
  // a large one, a common word would otherwise make thousands of candidates to rank.
  const common = Math.max(COMMON_MIN_PHRASINGS, kb.phrasings.length * COMMON_SHARE);
  const postingsOf = terms.map((t) => kb.term(t)?.postings);
  const rareFirst = terms
    .map((_, i) => i)
    .sort((a, b) => (postingsOf[a]?.ids.length ?? 0) - (postingsOf[b]?.ids.length ?? 0));
  const sums = new Map<number, Sums>();
  // Learned phrasings do not count here: one person's rare word must not keep the
  // content's own phrasings out.
  let contentCandidates = 0;
  for (const i of rareFirst) {
    const postings = postingsOf[i];
    if (!postings) continue;
    const weight = weights[i] as number;
    const adds = contentCandidates === 0 || postings.ids.length <= common;
    for (let j = 0; j < postings.ids.length; j++) {
      const id = postings.ids[j] as number;
      let sum = sums.get(id);
      if (!sum) {
        if (!adds) continue;
        sum = { bm25: 0, covered: 0, echoed: 0, matched: new Set(), inHead: new Set() };
        sums.set(id, sum);
        if (kb.phrasings[id]?.learned == null) contentCandidates++;
      }
      const inHead = postings.inHead[j] as boolean;
      sum.bm25 += postings.scores[j] as number;
      sum.covered += weight * (inHead ? headCredit : bodyCredit);
      if (inHead) {
        sum.echoed += echoWeights[i] as number;
        sum.inHead.add(i);
      }
      sum.matched.add(i);
    }
  }
  // A learned phrasing too little of which was asked cannot answer (see below): it takes no
  // candidate's place, nor sets the scale of BM25.
  for (const [id, sum] of sums) {
    if (kb.phrasings[id]?.learned != null && echoOf(kb, id, sum.echoed) < LEARNED_MATCH) {
      sums.delete(id);
    }
  }
  if (sums.size === 0) return [];

  let topBm25 = 0;
  for (const sum of sums.values()) topBm25 = Math.max(topBm25, sum.bm25);
  const rankOf = (sum: Sums, coverage: number) =>
    coverage + BM25_RANK_WEIGHT * (sum.bm25 / topBm25);
  const shortlist = best(sums, SHORTLIST, (_id, sum) => rankOf(sum, sum.covered / total));

  // The terms a phrasing lacks may still be beside its answer (its step, its playbook).
  const byDoc = new Map<number, Hit>();
  for (const [id, sum] of shortlist) {
    const phrasing = kb.phrasings[id] as Phrasing;
    let cover = sum.covered;
    const about = new Set(sum.inHead);
    terms.forEach((t, i) => {
      if (!phrasing.doc.context.has(t)) return;
      about.add(i);
      if (!sum.matched.has(i)) cover += (weights[i] as number) * CREDIT.context;
    });
    const coverage = kb.tuning.coverage ? Math.min(1, cover / total) : 1;
    const echo = echoOf(kb, id, sum.echoed);
    // A learned phrasing answers only a question that says nearly what it says: it is one
    // person's wording, not the author's.
    if (phrasing.learned !== null && (coverage < LEARNED_MATCH || echo < LEARNED_MATCH)) continue;
    const hit: Hit = {
      doc: phrasing.doc,
      phrasing,
      coverage,
      covered: cover,
      echo,
      bm25: sum.bm25,
      // Sums of the same weights in another order: equal to within rounding.
      rank: rankOf(sum, coverage) + (coverage > 1 - 1e-9 && echo > 1 - 1e-9 ? EXACT_RANK_BONUS : 0),
      held: sum.matched,
      inPhrasing: sum.inHead,
      about,
      brokeTie: false,
    };
    const other = byDoc.get(phrasing.doc.id);
    if (!other || hit.rank > other.rank) byDoc.set(phrasing.doc.id, hit);
  }
  return [...byDoc.values()].sort((a, b) => b.rank - a.rank);
}

/**
 * Three or more replies (an FAQ and the step it brings are one) ranked first with the
 * same coverage, holding the same terms in the same places ("pull request" in the question
 * of every FAQ of a playbook about pull requests): the question says nothing that chooses
 * between them, and BM25 would pick the shortest. An answer that holds all they hold in what
 * it is about (its phrasing, its step, its playbook) and a term none of them holds, covering
 * nearly as much, goes first. Null when there is no such tie, or no such answer.
 */
export function breakTie(found: Found): Found | null {
  const { hits } = found;
  const top = hits[0];
  if (!top) return null;
  const tied = hits.filter(
    (h) =>
      Math.abs(h.coverage - top.coverage) < 1e-6 &&
      sameSet(h.held, top.held) &&
      sameSet(h.inPhrasing, top.inPhrasing),
  );
  // Three replies or more (an FAQ and the step it brings are one): two may differ in what the
  // question leaves unsaid.
  const faqs = tied.filter((h) => h.doc.faq);
  const steps = tied.filter((h) => h.doc.step && !faqs.some((f) => faqAndItsStep(f, h)));
  if (faqs.length + steps.length < 3) return null;
  const at = hits.findIndex(
    (h) =>
      !tied.includes(h) &&
      h.coverage >= top.coverage - TIE_BREAK_MARGIN &&
      [...h.held].some((i) => !top.held.has(i)) &&
      [...top.held].every((i) => h.about.has(i)),
  );
  if (at < 0) return null;
  // Just ahead: the confidence reads a near tie.
  const first: Hit = { ...(hits[at] as Hit), rank: top.rank + 1e-3, brokeTie: true };
  return { ...found, hits: [first, ...hits.slice(0, at), ...hits.slice(at + 1)] };
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** An FAQ and the step it brings are one reply, not two answers. */
function faqAndItsStep(a: Hit, b: Hit): boolean {
  if (a.doc.playbook !== b.doc.playbook) return false;
  const faq = a.doc.faq ?? b.doc.faq;
  const step = a.doc.step ?? b.doc.step;
  return faq !== null && step !== null && faq.stepNumber === step.number;
}

/** The share of a phrasing's own words' weight that the question asked. */
function echoOf(kb: KnowledgeBase, id: number, echoedWeight: number): number {
  const own = (kb.phrasings[id] as Phrasing).weight;
  return own === 0 ? 0 : Math.min(1, echoedWeight / own);
}

/** The `limit` entries of highest `score`, best first. */
function best<T>(
  entries: Map<number, T>,
  limit: number,
  score: (id: number, value: T) => number,
): Array<[number, T]> {
  const kept: Array<{ entry: [number, T]; s: number }> = [];
  for (const entry of entries) {
    const s = score(entry[0], entry[1]);
    if (kept.length === limit && s <= (kept[limit - 1] as { s: number }).s) continue;
    let at = kept.findIndex((k) => k.s < s);
    if (at === -1) at = kept.length;
    kept.splice(at, 0, { entry, s });
    if (kept.length > limit) kept.pop();
  }
  return kept.map((k) => k.entry);
}
