/**
 * Why a question got the answer it got, for content authors (`aifirst ask --why`): how its
 * words were read, the answers it came closest to, and where each of its words was found
 * in them. What they need to decide between an `Also asked:` line, a glossary group, or
 * nothing. Plain data, as every reply is: the command line words it.
 */
import { withoutChatMarkup } from "./analyzer.ts";
import { answer, hitConfidence } from "./engine.ts";
import { parseCommand, withoutOpener } from "./grammar.ts";
import type { KnowledgeBase } from "./knowledge.ts";
import { stepLabel } from "./reply.ts";
import { questionTerms, searchTerms } from "./search.ts";

/** Where a question's term was found in an answer (see search.ts for what each counts). */
export type Found = "phrasing" | "answer" | "beside" | null;

export interface Candidate {
  kind: "faq" | "step";
  playbook: string;
  /** The FAQ's question, or the step's label. */
  title: string;
  coverage: number;
  confidence: number;
  /** This is the answer the bot gives (an FAQ may lose to a step that fits clearly better). */
  given: boolean;
  /** Each of the question's terms, and where this answer holds it. */
  matched: Array<{ term: string; where: Found }>;
}

export interface Explanation {
  /** The words as read: typos corrected, the glossaries' phrases rewritten. */
  readAs: string;
  /** The index terms searched for, with what each weighs (rarer words weigh more). */
  terms: Array<{ term: string; weight: number }>;
  /** The closest answers, best first. */
  candidates: Candidate[];
  /** The confidence below which the bot says it is not sure, and from which it is sure. */
  notSureBelow: number;
  sureFrom: number;
}

const SHOWN = 5;

/** Null for a command ("step 3", "help"): those are read, not searched. */
export function explainQuestion(kb: KnowledgeBase, input: string): Explanation | null {
  const text = withoutChatMarkup(input);
  if (parseCommand(text).type !== "question") return null;
  const read = questionTerms(kb, withoutOpener(text));
  const found = searchTerms(kb, read);
  const reply = answer(kb, input);
  const candidates = found.hits.slice(0, SHOWN).map((hit): Candidate => {
    const { doc } = hit;
    const body = new Set(kb.analyzer.terms(doc.faq ? doc.faq.answer : (doc.step?.text ?? "")));
    return {
      kind: doc.faq ? "faq" : "step",
      playbook: doc.playbook.slug,
      title: doc.faq ? doc.faq.question : stepLabel(doc.step as { number: number; title: string }),
      coverage: round(hit.coverage),
      confidence: round(hitConfidence(kb, found, hit)),
      given:
        reply.playbook === doc.playbook.slug &&
        (doc.faq
          ? reply.kind === "faq" && reply.faq?.question === doc.faq.question
          : reply.kind === "step" && reply.step?.number === doc.step?.number),
      matched: read.terms.map((term) => ({
        term,
        where: hit.phrasing.terms.includes(term)
          ? "phrasing"
          : body.has(term)
            ? "answer"
            : doc.context.has(term)
              ? "beside"
              : null,
      })),
    };
  });
  return {
    readAs: read.words.join(" "),
    terms: read.terms.map((term, i) => ({
      term,
      weight: round(read.total ? (read.weights[i] ?? 0) : 0),
    })),
    candidates,
    notSureBelow: kb.tuning.notSureBelow,
    sureFrom: kb.tuning.sureFrom,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
