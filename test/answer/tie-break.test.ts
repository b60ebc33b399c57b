/**
 * `breakTie` on hits laid out by hand: which answers make a tie, and which answer breaks it.
 * (Questions that reach it through the whole engine are in engine.test.ts.)
 */
import { describe, expect, it } from "vitest";
import type { Doc } from "../../src/answer/knowledge.ts";
import {
  breakTie,
  type Found,
  type Hit,
  questionTerms,
  searchTerms,
} from "../../src/answer/search.ts";
import type { Faq, Playbook, Step } from "../../src/content/types.ts";
import { libraryBot } from "../support/converse.ts";

const playbook = { slug: "reviews", title: "Reviews" } as Playbook;
const step = (number: number) => ({ number, title: `Step ${number}`, text: "" }) as Step;
const faq = (question: string, stepNumber: number) => ({ question, answer: "", stepNumber }) as Faq;

let nextId = 0;
/** A hit holding terms 0 ("pull request") in its phrasing, and `more` terms elsewhere. */
function hit(answer: { faq?: Faq; step?: Step }, coverage: number, more: number[] = []): Hit {
  const doc: Doc = {
    id: nextId++,
    playbook,
    faq: answer.faq ?? null,
    step: answer.step ?? null,
    context: new Set(),
  };
  return {
    doc,
    phrasing: { id: doc.id, doc, terms: [], weight: 1, learned: null, text: "" },
    coverage,
    covered: coverage,
    echo: 0,
    bm25: 0,
    rank: coverage,
    held: new Set([0, ...more]),
    inPhrasing: new Set(more.length ? [] : [0]),
    about: new Set([0]),
    brokeTie: false,
  };
}
const found = (hits: Hit[]): Found => ({ hits, terms: 3, known: 3 });

describe("breaking a tie at the top", () => {
  const howBig = hit({ faq: faq("How big should a pull request be?", 1) }, 0.31);
  const itsStep = hit({ step: step(1) }, 0.31);
  const whoMerges = hit({ faq: faq("Who merges the pull request?", 6) }, 0.31);
  const approvals = hit({ faq: faq("How many approvals does a pull request need?", 6) }, 0.31);
  const description = hit({ step: step(2) }, 0.3, [1, 2]);
  const approvalsOf1 = () => hit({ faq: faq("How many lines is too many?", 1) }, 0.31);

  it("lets an answer that holds what the tied ones hold, and more, go first", () => {
    const broken = breakTie(found([howBig, itsStep, whoMerges, approvals, description]));
    expect(broken?.hits.map((h) => h.doc.id)).toEqual(
      [description, howBig, itsStep, whoMerges, approvals].map((h) => h.doc.id),
    );
    expect(broken?.hits[0]).toMatchObject({ brokeTie: true, rank: howBig.rank + 1e-3 });
    // The hits found are left as they were.
    expect(description).toMatchObject({ brokeTie: false, rank: 0.3 });
  });

  it("counts an FAQ and the step it brings as one reply: two replies are no tie", () => {
    expect(breakTie(found([howBig, itsStep, whoMerges, description]))).toBeNull();
    expect(breakTie(found([whoMerges, howBig, itsStep, description]))).toBeNull();
  });

  it("counts the same replies in whatever order the tied answers come", () => {
    const mergeFaq = hit({ faq: faq("When may I merge?", 6) }, 0.31);
    const mergeStep = hit({ step: step(6) }, 0.31);
    // Two FAQs of step 1 and step 1 itself, then an FAQ of step 6: three replies.
    const orders = [
      [howBig, approvalsOf1(), itsStep, mergeFaq],
      [howBig, itsStep, approvalsOf1(), mergeFaq],
      [itsStep, howBig, approvalsOf1(), mergeFaq],
    ];
    for (const tied of orders) expect(breakTie(found([...tied, description]))).not.toBeNull();
    // An FAQ of step 6 and step 6 itself are one reply: with How big and its step, two.
    expect(breakTie(found([mergeStep, howBig, itsStep, mergeFaq, description]))).toBeNull();
  });

  it("ties only answers that hold the same words in the same places, of one playbook's steps", () => {
    const otherWords = { ...whoMerges, held: new Set([0, 3]) };
    expect(breakTie(found([howBig, otherWords, approvals, description]))).toBeNull();
    const inText = { ...whoMerges, inPhrasing: new Set<number>() };
    expect(breakTie(found([howBig, inText, approvals, description]))).toBeNull();
    // A step of another playbook is not the step an FAQ brings.
    const elsewhereStep = hit({ step: step(1) }, 0.31);
    elsewhereStep.doc.playbook = { slug: "other", title: "Other" } as Playbook;
    expect(breakTie(found([howBig, elsewhereStep, whoMerges, description]))).not.toBeNull();
  });

  it("breaks no tie for an answer that covers clearly less, or lacks a word the tied ones hold", () => {
    const far = hit({ step: step(2) }, 0.2, [1, 2]);
    expect(breakTie(found([howBig, whoMerges, approvals, far]))).toBeNull();
    const elsewhere = { ...description, about: new Set<number>() };
    expect(breakTie(found([howBig, whoMerges, approvals, elsewhere]))).toBeNull();
    const nothingMore = { ...description, held: new Set([0]) };
    expect(breakTie(found([howBig, whoMerges, approvals, nothingMore]))).toBeNull();
  });

  it("reads what an answer is about from its phrasing and what is beside it, its text aside", async () => {
    const { knowledge } = await libraryBot();
    const read = questionTerms(knowledge, "code feedback");
    const hits = searchTerms(knowledge, read).hits;
    const kindFeedback = hits.find((h) => h.doc.step?.title === "Give Kind, Specific Feedback");
    // "Feedback" is in the step's title; "code" in its text and in its playbook's title too.
    expect(read.terms).toEqual(["code", "feedback"]);
    expect([...(kindFeedback?.inPhrasing ?? [])]).toEqual([1]);
    expect([...(kindFeedback?.held ?? [])].sort()).toEqual([0, 1]);
    expect([...(kindFeedback?.about ?? [])].sort()).toEqual([0, 1]);
  });
});
