/**
 * Why a question got the answer it got, for content authors (`aifirst ask --why`): how its
 * words were read, the answers it came closest to, and where each of its words was found
 * in them. What they need to decide between an `Also asked:` line, a glossary group, or
 * nothing. Plain data, as every reply is: the command line words it.
 */
import { kindsAsked } from "./asks.ts";
import {
  answerRead,
  hitConfidence,
  isTooLong,
  STEP_CONFIDENCE_MARGIN,
  STEP_MARGIN,
  weighQuestion,
} from "./engine.ts";
import type { KnowledgeBase } from "./knowledge.ts";
import { stepLabel } from "./reply.ts";
import type { Hit } from "./search.ts";

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
  /** Its place among all the answers found, best first. */
  rank: number;
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
  /** The bot weighs two answers, the best FAQ and the best step: this is one of them. */
  judged: boolean;
  /**
   * It went first by breaking a tie: the answers that ranked first held the same words in
   * the same places, and it holds those and more.
   */
  brokeTie: boolean;
  /**
   * Each of the question's words, where this answer holds it, and (`as`) the answer's own
   * word when it differs: a shared stem ("several" and "severity") or a glossary group.
   */
  matched: Array<{ word: string; where: Found; as?: string }>;
}

export type Explanation =
  | { searched: false; because: "command" | "too long" }
  | {
      searched: true;
      /** The words as read: typos corrected, the glossaries' phrases rewritten. */
      readAs: string;
      terms: Term[];
      /**
       * The closest answers, best first by rank (coverage, and a little BM25), and the two
       * the bot weighs, and the one it gives, wherever they rank.
       */
      candidates: Candidate[];
      /** The bot said it was not sure. */
      notSure: boolean;
      /** No answer fitted, and the question says this playbook's title: its steps were listed. */
      titleOf: string | null;
      /** The confidence below which the bot says it is not sure, and from which it is sure. */
      notSureBelow: number;
      sureFrom: number;
      /** How much clearer a step's fit must be for it to answer instead of an FAQ. */
      stepMargins: { coverage: number; confidence: number };
      /**
       * A step answers, at least as likely right as the best FAQ, because the FAQ asks another
       * kind of thing: what each asks for ("how often", "who", "what or how"); null otherwise.
       */
      byKind: { question: string[]; faq: string[]; alternate: string | null } | null;
      /** The question is one word, which the answer given's question or title (or an Also asked line) holds. */
      oneWordNamed: boolean;
    };

const SHOWN = 5;

export function explainQuestion(kb: KnowledgeBase, asked: string): Explanation {
  // Read as `answer` reads it; what it searched, searched again, to show how.
  const input = asked.trim();
  if (isTooLong(input)) return { searched: false, because: "too long" };
  const { reply, text } = answerRead(kb, input);
  if (reply.read !== "question") return { searched: false, because: "command" };
  // The question weighed as the engine weighed it for `reply`.
  const { read, found, weighed, best, byKind, lifted } = weighQuestion(kb, text);
  // A playbook's steps listed for a question: no one answer was given.
  const notSure = reply.kind === "fallback" || reply.kind === "steps";
  /** Each term of words as read, with the first word it came from. */
  const termWords = (words: readonly string[]) => {
    const out = new Map<string, string>();
    for (const w of words) {
      const t = kb.analyzer.termOf(w);
      if (t && !out.has(t)) out.set(t, w);
    }
    return out;
  };
  const wordsIn = (text: string) =>
    termWords(kb.analyzer.fold(kb.analyzer.words(kb.analyzer.simplify(text))));
  const typed = termWords(read.words);
  const word = (term: string) => typed.get(term) ?? term;
  const candidates = found.hits.flatMap((hit, i): Candidate[] => {
    const { doc, phrasing } = hit;
    const given = !notSure && hit === best;
    const judged = weighed.includes(hit);
    if (i >= SHOWN && !given && !judged) return [];
    const own = doc.faq ? doc.faq.question : (doc.step?.title ?? "");
    const head = wordsIn(phrasing.learned ?? phrasing.text);
    const body = wordsIn(doc.faq ? doc.faq.answer : (doc.step?.text ?? ""));
    const where = (t: string): Found =>
      phrasing.terms.includes(t)
        ? "phrasing"
        : body.has(t)
          ? "answer"
          : doc.context.has(t)
            ? "beside"
            : null;
    return [
      {
        rank: i + 1,
        kind: doc.faq ? "faq" : "step",
        playbook: doc.playbook.slug,
        title: doc.faq
          ? doc.faq.question
          : stepLabel(doc.step as { number: number; title: string }),
        via:
          phrasing.text === own && phrasing.learned === null
            ? null
            : { text: phrasing.learned ?? phrasing.text, learned: phrasing.learned !== null },
        coverage: round(hit.coverage),
        confidence: round(hitConfidence(kb, found, hit)),
        given,
        judged,
        brokeTie: hit.brokeTie,
        matched: read.terms.map((term) => {
          const at = where(term);
          const theirs =
            at === "phrasing" ? head.get(term) : at === "answer" ? body.get(term) : undefined;
          const ours = word(term);
          // Only a word that is not the other's ending changed ("severity" for "several"):
          // "customers" for "customer" says nothing.
          const differs = theirs && !theirs.startsWith(ours) && !ours.startsWith(theirs);
          return { word: ours, where: at, ...(differs ? { as: theirs } : {}) };
        }),
      },
    ];
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
    notSure,
    titleOf:
      reply.kind === "steps"
        ? (kb.playbooks.find((p) => p.slug === reply.playbook)?.title ?? null)
        : null,
    notSureBelow: kb.tuning.notSureBelow,
    sureFrom: kb.tuning.sureFrom,
    stepMargins: { coverage: STEP_MARGIN, confidence: STEP_CONFIDENCE_MARGIN },
    byKind: kindsOf(byKind && !notSure, read.asRead.join(" "), weighed),
    oneWordNamed: lifted && !notSure,
  };
}

/** As replies round their confidence: to three places, so 0.457 is not shown as 0.46. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * What the question and the FAQ weighed against the step ask for, when that chose the step;
 * `alternate` is the FAQ's `Also asked:` line (or learned question) the question matched.
 */
function kindsOf(
  chose: boolean,
  text: string,
  weighed: readonly Hit[],
): { question: string[]; faq: string[]; alternate: string | null } | null {
  const faq = weighed.find((h) => h.doc.faq);
  if (!chose || !faq) return null;
  const line = faq.phrasing.learned ?? faq.phrasing.text;
  return {
    question: kindsAsked(text),
    faq: kindsAsked(faq.phrasing.text),
    alternate: line === faq.doc.faq?.question ? null : line,
  };
}
