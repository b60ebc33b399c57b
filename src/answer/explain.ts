/**
 * Why a question got the answer it got, for content authors (`aifirst ask --why`): how its
 * words were read, the answers it came closest to, and where each of its words was found
 * in them. What they need to decide between an `Also asked:` line, a glossary group, or
 * nothing. Plain data, as every reply is: the command line words it.
 */
import { withoutChatMarkup } from "./analyzer.ts";
import { answer, hitConfidence, isTooLong, STEP_CONFIDENCE_MARGIN, STEP_MARGIN } from "./engine.ts";
import { withoutOpener } from "./grammar.ts";
import type { KnowledgeBase } from "./knowledge.ts";
import { stepLabel } from "./reply.ts";
import { questionTerms, searchTerms } from "./search.ts";

/** Where a question's term was found in an answer (see search.ts for what each counts). */
export type Found = "phrasing" | "answer" | "beside" | null;

/** One word of the question as searched. */
export interface Term {
  /** The word as read (after typo correction and the glossaries). */
  word: string;
  /** Its index term (a stem), what the other lists name. */
  term: string;
  /** What it weighs: a rarer word more; a typo, or a word of a long phrase, less. */
  weight: number;
  /** Read from a typo: what was typed is one slip from this. */
  guessed: boolean;
  /** No playbook uses it: it counts against every answer. */
  inNoPlaybook: boolean;
}

export interface Candidate {
  kind: "faq" | "step";
  playbook: string;
  /** The FAQ's question, or the step's label. */
  title: string;
  /**
   * The phrasing the question matched, when it is not the title: an `Also asked:` line, or
   * (learned: true) a question learned from use.
   */
  via: { text: string; learned: boolean } | null;
  coverage: number;
  confidence: number;
  /** This is the answer the bot gives (an FAQ may lose to a step that fits clearly better). */
  given: boolean;
  /** Each of the question's words, and where this answer holds it. */
  matched: Array<{ word: string; where: Found }>;
}

export type Explanation =
  | { searched: false; because: "command" | "too long" }
  | {
      searched: true;
      /** The words as read: typos corrected, the glossaries' phrases rewritten. */
      readAs: string;
      terms: Term[];
      /** The closest answers, best first by rank (coverage, and a little BM25). */
      candidates: Candidate[];
      /** The confidence below which the bot says it is not sure, and from which it is sure. */
      notSureBelow: number;
      sureFrom: number;
      /** How much clearer a step's fit must be for it to answer instead of an FAQ. */
      stepMargins: { coverage: number; confidence: number };
    };

const SHOWN = 5;

export function explainQuestion(kb: KnowledgeBase, asked: string): Explanation {
  // Read as `answer` reads it; what it searched, searched again, to show how.
  const input = asked.trim();
  if (isTooLong(input)) return { searched: false, because: "too long" };
  const reply = answer(kb, input);
  if (reply.read !== "question") return { searched: false, because: "command" };
  const read = questionTerms(kb, withoutOpener(withoutChatMarkup(input)));
  const found = searchTerms(kb, read);
  const wordOf = new Map<string, string>();
  for (const w of read.words) {
    const t = kb.analyzer.termOf(w);
    if (t && !wordOf.has(t)) wordOf.set(t, w);
  }
  const word = (term: string) => wordOf.get(term) ?? term;
  const candidates = found.hits.slice(0, SHOWN).map((hit): Candidate => {
    const { doc, phrasing } = hit;
    const own = doc.faq ? doc.faq.question : (doc.step?.title ?? "");
    const body = new Set(kb.analyzer.terms(doc.faq ? doc.faq.answer : (doc.step?.text ?? "")));
    return {
      kind: doc.faq ? "faq" : "step",
      playbook: doc.playbook.slug,
      title: doc.faq ? doc.faq.question : stepLabel(doc.step as { number: number; title: string }),
      via:
        phrasing.text === own && phrasing.learned === null
          ? null
          : { text: phrasing.learned ?? phrasing.text, learned: phrasing.learned !== null },
      coverage: round(hit.coverage),
      confidence: round(hitConfidence(kb, found, hit)),
      given:
        reply.playbook === doc.playbook.slug &&
        (doc.faq
          ? reply.kind === "faq" && reply.faq?.question === doc.faq.question
          : reply.kind === "step" && reply.step?.number === doc.step?.number),
      matched: read.terms.map((term) => ({
        word: word(term),
        where: phrasing.terms.includes(term)
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
    searched: true,
    readAs: read.words.join(" "),
    terms: read.terms.map((term, i) => ({
      word: word(term),
      term,
      weight: round(read.weights[i] ?? 0),
      guessed: read.guessed[i] ?? false,
      inNoPlaybook: !kb.term(term)?.df,
    })),
    candidates,
    notSureBelow: kb.tuning.notSureBelow,
    sureFrom: kb.tuning.sureFrom,
    stepMargins: { coverage: STEP_MARGIN, confidence: STEP_CONFIDENCE_MARGIN },
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
