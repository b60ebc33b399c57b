/**
 * The engine's reply: the contract's JSON shape (one line of `ask --json`,
 * one `/api/ask` body), plus a short notice that adapters show above it.
 */
import { memoize } from "../memo.ts";

export type ReplyKind = "faq" | "step" | "steps" | "faqs" | "help" | "fallback";

export interface ReplyFaq {
  question: string;
  answer: string;
}

export interface ReplyStep {
  number: number;
  title: string;
  text: string;
}

/** The public shape, exactly as the contract defines it. */
export interface ReplyJson {
  input: string;
  kind: ReplyKind;
  playbook: string | null;
  faq: ReplyFaq | null;
  step: ReplyStep | null;
  confidence: number;
  suggestions: string[];
}

/**
 * Why a reply is what it is, when that needs saying ("there is no step 99").
 * Plain data: each surface words it in its own format.
 */
export type Notice =
  | { type: "unknown-step"; requested: string; playbook: string; count: number }
  | { type: "unknown-playbook"; requested: string; known: string[] }
  | { type: "too-long"; limit: number }
  | { type: "not-sure" };

export interface Reply extends ReplyJson {
  notice: Notice | null;
}

/** How a step is named in listings and titles: "Step 3: Structure Your Team". */
export function stepLabel(step: { number: number; title: string }): string {
  return `Step ${step.number}: ${step.title}`;
}

/** The contract's JSON object, in the contract's key order, without internal fields. */
export function toJson(reply: Reply): ReplyJson {
  return {
    input: reply.input,
    kind: reply.kind,
    playbook: reply.playbook,
    faq: reply.faq,
    step: reply.step,
    confidence: reply.confidence,
    suggestions: reply.suggestions,
  };
}

/**
 * `JSON.stringify(toJson(reply))`, written from its parts. A reply's texts
 * other than the input (FAQ, step, suggestions, slug) come from the playbooks
 * and recur from reply to reply: each is escaped once and remembered, and only
 * what the user typed is escaped every time. Serializing the whole reply was
 * a quarter of what `/api/ask` spent on a question. Only playbook texts may go
 * through `quote`, whose memo keeps its keys; the engine builds `faq` and
 * `step` with exactly the contract's fields (the test compares every kind).
 */
export function toJsonText(reply: Reply): string {
  const { faq, step } = reply;
  return (
    `{"input":${JSON.stringify(reply.input)},"kind":${quote(reply.kind)}` +
    `,"playbook":${reply.playbook === null ? "null" : quote(reply.playbook)}` +
    `,"faq":${faq ? `{"question":${quote(faq.question)},"answer":${quote(faq.answer)}}` : "null"}` +
    `,"step":${step ? `{"number":${JSON.stringify(step.number)},"title":${quote(step.title)},"text":${quote(step.text)}}` : "null"}` +
    `,"confidence":${JSON.stringify(reply.confidence)}` +
    `,"suggestions":[${reply.suggestions.map(quote).join(",")}]}`
  );
}

/** A playbook text as a JSON string. Bounded: the playbooks' texts number in the thousands. */
const quote = memoize((text: string) => JSON.stringify(text), 10_000, { keepKeys: true });
