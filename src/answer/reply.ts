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
  /**
   * False on a likely answer (the best match, with its alternatives in `suggestions`) and
   * on a fallback; true when the engine is sure (and on every command).
   */
  sure: boolean;
  /** Names this reply for feedback; unique per reply (see `Bot`). */
  id: string;
}

/**
 * Why a reply is what it is, when that needs saying ("there is no step 99").
 * Plain data: each surface words it in its own format.
 */
export type Notice =
  /**
   * No such step: `requested` as asked; `from` when it was asked as the step after (or
   * before) the last (or first) one, which is what to say.
   */
  | {
      type: "unknown-step";
      requested: string;
      playbook: string;
      count: number;
      from?: { number: number; edge: "last" | "first" };
    }
  /**
   * "what's next" with no step named: the steps that can come next (`offset` 1) or before
   * (-1), to pick from.
   */
  | { type: "which-step"; offset: 1 | -1; playbook: string }
  | { type: "unknown-playbook"; requested: string; known: string[] }
  | { type: "too-long"; limit: number }
  | { type: "not-sure" }
  /** Thanks, and nothing else: said back, with what else the bot can do. */
  | { type: "thanks" }
  /** "ok", "got it", and nothing else: what else the bot can do. */
  | { type: "acknowledged" }
  /** The best match, not certainly what was meant: the alternatives are offered. */
  | { type: "likely" };

/** A suggestion that is a playbook's step (in `suggestions` by its `stepLabel`). */
export interface SuggestedStep {
  playbook: string;
  number: number;
  title: string;
}

export interface Reply extends ReplyJson {
  /** Those of `suggestions` that are steps (the rest are FAQ questions or commands). */
  suggestedSteps: SuggestedStep[];
  notice: Notice | null;
  /** What was read: a question searched for, or a command (step 3, faq, help). */
  read: "question" | "command";
  /** The learned alternate phrasing the answer was found through, if it was (see the store). */
  learned: string | null;
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
    sure: reply.sure,
    id: reply.id,
  };
}
