/**
 * The knowledge base: playbooks plus the search index built from them.
 * Built once per content version; answering only reads it.
 *
 * What is indexed are phrasings: each FAQ's question, each of its alternates
 * (written in content or learned from use), and each step's title, with the
 * answer's text beside it. A question is matched against every phrasing, and
 * an FAQ is as good a match as its best phrasing.
 */
import MiniSearch from "minisearch";
import type { Faq, Playbook, Step } from "../content/types.ts";
import { acronymGroups, headingInitials } from "./acronyms.ts";
import {
  type Analyzer,
  type AnalyzerOptions,
  createAnalyzer,
  withoutChatMarkup,
} from "./analyzer.ts";
import type { Glossary } from "./glossary.ts";
import { type BotNames, botNames } from "./grammar.ts";
import { stepLabel } from "./reply.ts";
import { buildVocabulary, createReader, type ReadWord } from "./spelling.ts";
import { matchSteps } from "./step-match.ts";

/** One thing the engine can answer with: an FAQ entry or a playbook step. */
export interface Doc {
  id: number;
  playbook: Playbook;
  faq: Faq | null;
  step: Step | null;
  /**
   * Terms of what is shown beside this answer: an FAQ's matching step, and the
   * playbook's title and description. A question may use them without the
   * answer's own text doing so.
   */
  context: ReadonlySet<string>;
}

/** One indexed way of asking for a doc: its question, an alternate, or a step's title. */
export interface Phrasing {
  id: number;
  doc: Doc;
  /** The distinct terms of the phrasing itself. */
  terms: readonly string[];
  /** The weight (idf) of those terms together. */
  weight: number;
  /** The learned alternate this is (its text as learned), or null for content's own words. */
  learned: string | null;
  /** As written: an FAQ's question or one of its alternates, a step's title or alternate. */
  text: string;
}

/** A phrasing's entries for one term: ids, BM25 scores, and whether it is in the phrasing itself. */
export interface Postings {
  readonly ids: readonly number[];
  readonly scores: readonly number[];
  /** True where the term is in the phrasing (question or title), false where only in the answer's text. */
  readonly inHead: readonly boolean[];
}

/** One index term: how many phrasings use it, and where. */
export interface IndexedTerm {
  /** How many of the content's own phrasings use it (learned ones are not counted): 0 or more. */
  readonly df: number;
  readonly postings: Postings;
}

/** An alternate phrasing learned from use (see the store), applied as content would be. */
export interface LearnedAlternate {
  playbook: string;
  /**
   * The FAQ's question, as written in its playbook; or a step's label ("Step 2: Write a
   * Useful Description"), as the step was offered.
   */
  faq: string;
  question: string;
}

export interface KnowledgeBase {
  playbooks: Playbook[];
  defaultPlaybook: Playbook;
  docs: Doc[];
  phrasings: Phrasing[];
  /** What the index holds for a term; undefined for a term no phrasing uses. */
  term(term: string): IndexedTerm | undefined;
  /** A question's words as the index reads them (see `createReader`). */
  read(typed: string[]): ReadWord[];
  /** The index terms of a playbook's or a step's title, or of any other text. */
  titleTerms(title: string): readonly string[];
  /** How much a term says, by how many phrasings use it (idf). */
  weight(df: number): number;
  /** How much a term says: by how many of the content's phrasings use it, or as an unknown word. */
  termWeight(term: string): number;
  analyzer: Analyzer;
  /** The bot's own names, which may start a message said to it; null if none. */
  names: BotNames | null;
  tuning: Required<EngineTuning>;
}

/**
 * Parts of the engine that can be switched off. Everything is on by default;
 * `npm run eval -- --ablation` turns each off in turn to show what it buys.
 */
export interface EngineTuning extends AnalyzerOptions {
  /** Spelling correction of words the playbooks do not contain. */
  fuzzy?: boolean;
  /** Read an acronym the playbooks define ("Production Readiness Review (PRR)") as its words. */
  acronyms?: boolean;
  /** Read a question's initials of a term the titles name ("IC") as its words. */
  initials?: boolean;
  /** Weigh a question's (or step title's) words above its answer's. */
  boost?: boolean;
  /** Confidence from how much of the question the best hit covers; off: any hit is confident. */
  coverage?: boolean;
  /** Let a step answer when it fits clearly better than any FAQ. */
  stepAnswers?: boolean;
  /**
   * ... or when the best FAQ asks another kind of thing than the question ("how often" for
   * "what should ... include") and the step is as likely right.
   */
  kindsAsked?: boolean;
  /** Three or more answers tied at the top: let one that holds what they hold and more go first. */
  tieBreaks?: boolean;
  /** A question of one word that an answer's question, title or Also asked line holds: at least likely. */
  oneWordTopics?: boolean;
  /** Below this confidence, "not sure"; from `sureFrom` on, sure; between, a likely answer. */
  notSureBelow?: number;
  sureFrom?: number;
}

const DEFAULT_TUNING: Required<EngineTuning> = {
  // Chosen on the tuning halves of the eval sets (docs/accuracy.md).
  notSureBelow: 0.46,
  sureFrom: 0.6,
  fold: true,
  stem: true,
  fuzzy: true,
  acronyms: true,
  initials: true,
  boost: true,
  coverage: true,
  stepAnswers: true,
  kindsAsked: true,
  tieBreaks: true,
  oneWordTopics: true,
};

export interface KnowledgeOptions {
  /** Slug of the playbook that `step N` refers to; default: the first one. */
  defaultPlaybook?: string;
  /** The glossary in force (the shipped one merged with the content's own). */
  glossary?: Glossary;
  /**
   * Alternates learned from use: matched only when a question says nearly what the learned
   * one said, and never counted in the content's term weights.
   */
  learned?: readonly LearnedAlternate[];
  /** What users call the bot besides "bot": its slash command without the slash, its display name. */
  names?: readonly string[];
  tuning?: EngineTuning;
}

interface IndexedRow {
  id: number;
  head: string;
  body: string;
}

/**
 * The weight of a word the playbooks never use: that of a word in 1 in 16 phrasings,
 * rarer than most. It counts against a hit without swamping the words that match.
 */
const UNKNOWN_WORD_SHARE = 1 / 16;

/** Field weights: a question's own words say more than its answer's. */
export const FIELD_BOOST = { head: 3, body: 1 };

export class KnowledgeError extends Error {
  readonly code = "AIFIRST_BAD_OPTION";
}

export function buildKnowledge(source: Playbook[], options: KnowledgeOptions = {}): KnowledgeBase {
  if (source.length === 0) throw new KnowledgeError("aifirst: no playbooks to answer from");
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const given = options.glossary ?? { groups: [] };
  const glossary = tuning.acronyms
    ? {
        groups: [
          ...given.groups,
          ...acronymGroups(given, source).map((a) => [a.spelled, a.acronym]),
        ],
      }
    : given;
  const analyzer = createAnalyzer(glossary, tuning);
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
  const learnedFor = learnedByAnswer(options.learned ?? []);
  const docs: Doc[] = [];
  const phrasings: Phrasing[] = [];
  const rows: IndexedRow[] = [];
  // Term weights come from the content's own phrasings: a learned alternate is one
  // person's wording, and must not make the content's words weigh less.
  const df = new Map<string, number>();
  const indexed = new Set<string>();
  const distinct = (...texts: string[]) => [...new Set(texts.flatMap(termsOf))];
  const addPhrasing = (doc: Doc, head: string, body: string, learned: string | null) => {
    const id = phrasings.length;
    const terms = distinct(head);
    phrasings.push({ id, doc, terms, weight: 0, learned, text: head });
    rows.push({ id, head: termsOf(head).join(" "), body: termsOf(body).join(" ") });
    for (const t of new Set([...terms, ...termsOf(body)])) {
      indexed.add(t);
      if (learned === null) df.set(t, (df.get(t) ?? 0) + 1);
    }
  };
  for (const playbook of playbooks) {
    const about = new Set(distinct(playbook.title, playbook.description));
    const stepContext = new Map(
      playbook.steps.map((s) => [s.number, new Set([...about, ...distinct(s.title, s.text)])]),
    );
    for (const faq of playbook.faqs) {
      const doc: Doc = {
        id: docs.length,
        playbook,
        faq,
        step: null,
        context: stepContext.get(faq.stepNumber ?? 0) ?? about,
      };
      docs.push(doc);
      addPhrasing(doc, faq.question, faq.answer, null);
      for (const alternate of faq.alternates) addPhrasing(doc, alternate, faq.answer, null);
      for (const learned of learnedFor.get(`${playbook.slug}\n${faq.question}`) ?? []) {
        // Learned from chat: read as a question is, without emoji or mentions.
        addPhrasing(doc, withoutChatMarkup(learned), faq.answer, learned);
      }
    }
    for (const step of playbook.steps) {
      const doc: Doc = { id: docs.length, playbook, faq: null, step, context: about };
      docs.push(doc);
      addPhrasing(doc, step.title, step.text, null);
      for (const alternate of step.alternates ?? []) addPhrasing(doc, alternate, step.text, null);
      for (const learned of learnedFor.get(`${playbook.slug}\n${stepLabel(step)}`) ?? []) {
        addPhrasing(doc, withoutChatMarkup(learned), step.text, learned);
      }
    }
  }
  const index = new MiniSearch<IndexedRow>({
    fields: ["head", "body"],
    storeFields: [],
    // Rows hold analysed terms already, joined by spaces.
    tokenize: (analysed) => analysed.split(" "),
    processTerm: (term) => term || null,
  });
  index.addAll(rows);

  const boost = tuning.boost ? FIELD_BOOST : {};
  // Each term's postings are read from minisearch once, the first time a question uses
  // the term: bounded by the index's own vocabulary.
  const postings = new Map<string, IndexedTerm>();
  const term = (t: string): IndexedTerm | undefined => {
    if (!indexed.has(t)) return undefined;
    let found = postings.get(t);
    if (!found) {
      const results = index.search(t, {
        boost,
        // The term is final: no analysis, no prefix or fuzzy matching.
        tokenize: (text) => [text],
        processTerm: (x) => x,
      });
      found = {
        df: df.get(t) ?? 0,
        postings: {
          ids: results.map((r) => r.id as number),
          scores: results.map((r) => r.score),
          inHead: results.map((r) => (r.match[t] ?? []).includes("head")),
        },
      };
      postings.set(t, found);
    }
    return found;
  };

  const vocabulary = buildVocabulary(
    [
      ...docs.map((d) =>
        d.faq
          ? [d.faq.question, ...d.faq.alternates, d.faq.answer].join(" ")
          : `${d.step?.title} ${d.step?.text}`,
      ),
      analyzer.glossaryWords().join(" "),
    ],
    (text) => analyzer.words(analyzer.simplify(text)),
  );
  const read = createReader({
    vocabulary,
    termOf: analyzer.termOf,
    indexed: (t) => indexed.has(t),
    fuzzy: tuning.fuzzy,
    ...(tuning.initials
      ? {
          initials: headingInitials(source, new Set(glossary.groups.flat().map(analyzer.simplify))),
        }
      : {}),
  });
  analyzer.seal();
  const titles = new Map<string, readonly string[]>();
  for (const playbook of playbooks) {
    titles.set(playbook.title, termsOf(playbook.title));
    for (const step of playbook.steps) titles.set(step.title, termsOf(step.title));
  }
  const n = phrasings.filter((p) => p.learned === null).length;
  const weight = (count: number) => Math.log(1 + n / (count + 0.5));
  const termWeight = (t: string) => weight(df.get(t) ?? Math.max(1, n * UNKNOWN_WORD_SHARE));
  for (const p of phrasings) p.weight = p.terms.reduce((sum, t) => sum + termWeight(t), 0);
  return {
    playbooks,
    defaultPlaybook,
    docs,
    phrasings,
    term,
    read,
    titleTerms: (title) => titles.get(title) ?? analyzer.terms(title),
    weight,
    termWeight,
    analyzer,
    names: botNames(options.names ?? []),
    tuning,
  };
}

/** Learned alternates by "playbook\nquestion" of the FAQ (or label of the step) they belong to. */
function learnedByAnswer(learned: readonly LearnedAlternate[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of learned) {
    const key = `${a.playbook}\n${a.faq}`;
    out.set(key, [...(out.get(key) ?? []), a.question]);
  }
  return out;
}
