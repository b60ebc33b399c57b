/**
 * The engine's reply: the contract's JSON shape (one line of `ask --json`,
 * one `/api/ask` body), plus a short notice that adapters show above it.
 */

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
