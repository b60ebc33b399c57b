/**
 * The knowledge base: playbooks plus the search index built from them.
 * Built once at start-up; answering only reads it.
 */
import MiniSearch from "minisearch";
import type { Faq, Playbook, Step } from "../content/types.ts";
import { memoize } from "../memo.ts";
import {
  type Analyzer,
  type AnalyzerOptions,
  createAnalyzer,
  LONGEST_REMEMBERED_WORD,
  words,
} from "./analyzer.ts";
import { buildVocabulary, createSpeller } from "./spelling.ts";
import { matchSteps } from "./step-match.ts";

/** One searchable unit: an FAQ entry or a playbook step. */
export interface Doc {
  id: number;
  playbook: Playbook;
  faq: Faq | null;
  step: Step | null;
  /**
   * Terms of what is shown beside this entry: an FAQ's matching step, and the
   * playbook's title and description. A question may use them without the
   * entry's own text doing so ("roll back a bad deploy" -> the rollback FAQ,
   * whose step talks of deploys).
   */
  context: ReadonlySet<string>;
}

export interface KnowledgeBase {
  playbooks: Playbook[];
  defaultPlaybook: Playbook;
  docs: Doc[];
  index: MiniSearch<IndexedDoc>;
  /** What the index holds for one term; undefined for a term no entry uses. */
  term(term: string): IndexedTerm | undefined;
  /** One word of a question, read once for every question that uses it (see `QuestionWord`). */
  readWord(word: string): QuestionWord;
  /** A word already spelled (of folded text): its term, and what the index holds for it. */
  readTerm(word: string): Pick<QuestionWord, "term" | "indexed">;
  /** The index terms of a playbook's or a step's title (read once at build), or of any other text. */
  titleTerms(title: string): readonly string[];
  analyzer: Analyzer;
  tuning: Required<EngineTuning>;
}

/**
 * Parts of the engine that can be switched off. Everything is on by default;
 * `npm run eval` turns each off in turn to show what it buys.
 */
export interface EngineTuning extends AnalyzerOptions {
  /** Spelling correction of words the playbooks do not contain. */
  fuzzy?: boolean;
  /** Weigh a question's (or step title's) words above its answer's. */
  boost?: boolean;
  /** Confidence from how much of the question the best hit covers; off: any hit is confident. */
  coverage?: boolean;
  /** Let a step answer when it fits clearly better than any FAQ. */
  stepAnswers?: boolean;
}

const DEFAULT_TUNING: Required<EngineTuning> = {
  fold: true,
  stem: true,
  fuzzy: true,
  boost: true,
  coverage: true,
  stepAnswers: true,
};

export interface KnowledgeOptions {
  /** Slug of the playbook that `step N` refers to; default: the first one. */
  defaultPlaybook?: string;
  tuning?: EngineTuning;
}

interface IndexedDoc {
  id: number;
  head: string;
  body: string;
}

/** Field weights: a question's own words say more than its answer's. */
export const FIELD_BOOST = { head: 3, body: 1 };

/**
 * Entries are indexed already analyzed (their terms joined by spaces), so each
 * text is analyzed once per build; searches given raw text analyze it the same way.
 */
function createIndex(analyzer: Analyzer): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>({
    fields: ["head", "body"],
    storeFields: [],
    tokenize: (analyzed) => analyzed.split(" "),
    processTerm: (term) => term || null,
    searchOptions: {
      tokenize: (text) => words(analyzer.normalize(text)),
      processTerm: (word) => analyzer.termOf(word),
    },
  });
}

/**
 * One index term's entries, in parallel arrays: the entry ids, minisearch's
 * BM25 score for the term in each (field boosts applied), and the fields it
 * occurs in. A term's postings depend on the index alone, never on the
 * question around it, so each term is looked up in minisearch once and
 * questions combine the postings of their terms. Ids and scores sit in typed
 * arrays, a few cache lines per term: a question reads them all, the fields
 * only for the entries it keeps.
 */
export interface Postings {
  readonly ids: Uint32Array;
  readonly scores: Float64Array;
  /** The fields, as bits: `IN_HEAD`, `IN_BODY`. */
  readonly fields: Uint8Array;
}

/** Bits of `Postings.fields`: where in an entry a term occurs. */
export const IN_HEAD = 1;
export const IN_BODY = 2;

/** One index term: how many entries use it, and what it contributes to each. */
export interface IndexedTerm {
  readonly df: number;
  readonly postings: Postings;
}

/** A word of a question as the index reads it. */
export interface QuestionWord {
  /** The word, its correction ("incidnet" -> "incident"), or "" for a misspelt stop word. */
  spelled: string;
  /** The index term of `spelled`, or null for a stop word. */
  term: string | null;
  /** `spelled` is a correction of the word typed. */
  corrected: boolean;
  /** What the index holds for `term` (as `KnowledgeBase.term` gives it), read with the word. */
  indexed: IndexedTerm | undefined;
}

/** How many distinct question words are remembered as read. */
const WORDS_KEPT = 50_000;

export class KnowledgeError extends Error {
  readonly code = "AIFIRST_BAD_OPTION";
}

export function buildKnowledge(source: Playbook[], options: KnowledgeOptions = {}): KnowledgeBase {
  if (source.length === 0) throw new KnowledgeError("aifirst: no playbooks to answer from");
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const analyzer = createAnalyzer(tuning);
  const analyzed = new Map<string, string[]>();
  const termsOf = (text: string): string[] => {
    let terms = analyzed.get(text);
    if (!terms) {
      terms = analyzer.terms(text);
      analyzed.set(text, terms);
    }
    return terms;
  };
  const playbooks = source.map((p) => matchSteps(p, termsOf));
  const wanted = options.defaultPlaybook;
  const defaultPlaybook = wanted ? playbooks.find((p) => p.slug === wanted) : playbooks[0];
  if (!defaultPlaybook) {
    throw new KnowledgeError(
      `aifirst: DEFAULT_PLAYBOOK "${wanted}" is not a playbook slug (known: ${playbooks.map((p) => p.slug).join(", ")})`,
    );
  }
  const docs: Doc[] = [];
  const rows: IndexedDoc[] = [];
  // Every term of the playbooks; null until a question first uses it (most terms are never
  // asked about), then what the index holds for it.
  const known = new Map<string, IndexedTerm | null>();
  const distinct = (...texts: string[]) => [...new Set(texts.flatMap(termsOf))];
  for (const playbook of playbooks) {
    const about = distinct(playbook.title, playbook.description);
    // One set per playbook and one per step, shared by the entries beside them: a
    // question reads a few of them, not one set of its own per entry.
    const aboutSet = new Set(about);
    const stepContext = new Map(
      playbook.steps.map((s) => [s.number, new Set([...about, ...distinct(s.title, s.text)])]),
    );
    const add = (
      faq: Faq | null,
      step: Step | null,
      head: string,
      body: string,
      context: Set<string>,
    ) => {
      const id = docs.length;
      docs.push({ id, playbook, faq, step, context });
      rows.push({ id, head: termsOf(head).join(" "), body: termsOf(body).join(" ") });
      for (const t of termsOf(head)) known.set(t, null);
      for (const t of termsOf(body)) known.set(t, null);
    };
    for (const faq of playbook.faqs) {
      add(faq, null, faq.question, faq.answer, stepContext.get(faq.stepNumber ?? 0) ?? aboutSet);
    }
    for (const step of playbook.steps) add(null, step, step.title, step.text, aboutSet);
  }
  const index = createIndex(analyzer);
  index.addAll(rows);
  const vocabulary = buildVocabulary(
    docs.map((d) =>
      d.faq ? `${d.faq.question} ${d.faq.answer}` : `${d.step?.title} ${d.step?.text}`,
    ),
    (text) => words(analyzer.simplify(text)),
  );
  const boost = tuning.boost ? FIELD_BOOST : {};
  const postingsOf = (term: string): Postings => {
    const results = index.search(term, {
      boost,
      // The term is final: no analysis, no prefix or fuzzy matching.
      tokenize: (text) => [text],
      processTerm: (t) => t,
    });
    return {
      ids: Uint32Array.from(results, (r) => r.id as number),
      scores: Float64Array.from(results, (r) => r.score),
      fields: Uint8Array.from(results, (r) => {
        const where = r.match[term] ?? [];
        return (where.includes("head") ? IN_HEAD : 0) | (where.includes("body") ? IN_BODY : 0);
      }),
    };
  };
  // Bounded by the playbooks: at most every posting of the index, once.
  const term = (t: string): IndexedTerm | undefined => {
    const entry = known.get(t);
    if (entry !== null) return entry;
    const postings = postingsOf(t);
    // The entries holding the term are the ones minisearch returns for it.
    const indexed = { df: postings.ids.length, postings };
    known.set(t, indexed);
    return indexed;
  };
  const spell = createSpeller({
    vocabulary,
    termOf: analyzer.termOf,
    indexed: (t) => known.has(t),
    fuzzy: tuning.fuzzy,
  });
  // A question's words repeat across questions far more than they vary: each is spelled
  // and analyzed once (up to a bound, since users bring new words for as long as it runs).
  const readTerm = (word: string): Pick<QuestionWord, "term" | "indexed"> => {
    const termOfWord = word === "" ? null : analyzer.termOf(word);
    return { term: termOfWord, indexed: termOfWord === null ? undefined : term(termOfWord) };
  };
  const readWord = memoize(
    (word: string): QuestionWord => {
      const spelled = spell(word);
      return { spelled, ...readTerm(spelled), corrected: spelled !== word && spelled !== "" };
    },
    WORDS_KEPT,
    { longestKey: LONGEST_REMEMBERED_WORD },
  );
  // Commands name steps and playbooks by their titles ("step governance"); each question
  // that does so compares it with every title, which is worth analyzing once.
  const titles = new Map<string, readonly string[]>();
  for (const playbook of playbooks) {
    titles.set(playbook.title, termsOf(playbook.title));
    for (const step of playbook.steps) titles.set(step.title, termsOf(step.title));
  }
  const titleTerms = (title: string) => titles.get(title) ?? analyzer.terms(title);
  return {
    playbooks,
    defaultPlaybook,
    docs,
    index,
    term,
    readWord,
    readTerm,
    titleTerms,
    analyzer,
    tuning,
  };
}
