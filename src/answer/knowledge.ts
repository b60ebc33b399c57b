/**
 * The knowledge base: playbooks plus the search index built from them.
 * Built once at start-up; answering only reads it.
 */
import MiniSearch from "minisearch";
import type { Faq, Playbook, Step } from "../content/types.ts";
import { normalize, termOf, terms, words } from "./analyzer.ts";
import { matchSteps } from "./step-match.ts";

/** One searchable unit: an FAQ entry or a playbook step. */
export interface Doc {
  id: number;
  playbook: Playbook;
  faq: Faq | null;
  step: Step | null;
}

export interface KnowledgeBase {
  playbooks: Playbook[];
  defaultPlaybook: Playbook;
  docs: Doc[];
  index: MiniSearch<IndexedDoc>;
  /** Document frequency of each index term, for weighting query terms. */
  df: Map<string, number>;
}

export interface KnowledgeOptions {
  /** Slug of the playbook that `step N` refers to; default: the first one. */
  defaultPlaybook?: string;
}

interface IndexedDoc {
  id: number;
  head: string;
  body: string;
}

/** Field weights: a question's own words say more than its answer's. */
export const FIELD_BOOST = { head: 3, body: 1 };

export function createIndex(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>({
    fields: ["head", "body"],
    storeFields: [],
    tokenize: (text) => words(normalize(text)),
    processTerm: (word) => termOf(word),
  });
}

export class KnowledgeError extends Error {
  readonly code = "AIFIRST_BAD_OPTION";
}

export function buildKnowledge(source: Playbook[], options: KnowledgeOptions = {}): KnowledgeBase {
  if (source.length === 0) throw new KnowledgeError("aifirst: no playbooks to answer from");
  const playbooks = source.map(matchSteps);
  const wanted = options.defaultPlaybook;
  const defaultPlaybook = wanted ? playbooks.find((p) => p.slug === wanted) : playbooks[0];
  if (!defaultPlaybook) {
    throw new KnowledgeError(
      `aifirst: DEFAULT_PLAYBOOK "${wanted}" is not a playbook slug (known: ${playbooks.map((p) => p.slug).join(", ")})`,
    );
  }
  const docs: Doc[] = [];
  const rows: IndexedDoc[] = [];
  const df = new Map<string, number>();
  for (const playbook of playbooks) {
    for (const faq of playbook.faqs) {
      const id = docs.length;
      docs.push({ id, playbook, faq, step: null });
      rows.push({ id, head: faq.question, body: faq.answer });
    }
    for (const step of playbook.steps) {
      const id = docs.length;
      docs.push({ id, playbook, faq: null, step });
      rows.push({ id, head: step.title, body: step.text });
    }
  }
  for (const row of rows) {
    for (const t of new Set(terms(`${row.head} ${row.body}`))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const index = createIndex();
  index.addAll(rows);
  return { playbooks, defaultPlaybook, docs, index, df };
}

export function findPlaybook(kb: KnowledgeBase, slug: string): Playbook | undefined {
  return kb.playbooks.find((p) => p.slug === slug);
}
