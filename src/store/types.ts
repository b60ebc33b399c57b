/**
 * The store's public types: what callers record, ask and get back. The store
 * itself (SQLite by default, Postgres when DATABASE_URL says so) is built by
 * `openStore` in ./open-store.ts.
 */
import type { Logger } from "../log.ts";

export type Surface = "slack" | "teams" | "api" | "playground";

/** One answered question, as the answer path saw it. */
export interface QuestionEvent {
  /** The reply id (a UUID; the server makes time-ordered ones, see src/reply-id.ts); unique. */
  id: string;
  at: Date;
  surface: Surface;
  /** RAW platform user id; the store keeps only HMAC-SHA256(secret, user) in hex. null = anonymous. */
  user: string | null;
  /** null when RECORD_QUESTIONS=false; the store also drops it itself when told so. */
  question: string | null;
  /**
   * True when the text was read as a command (`step 99`, `faq boats`): the event counts in the
   * insights, and teaches no alternate, since a command never reaches the search one would teach.
   */
  command?: boolean;
  kind: "faq" | "step" | "steps" | "faqs" | "help" | "fallback";
  sure: boolean;
  playbook: string | null;
  /** The FAQ question answered. */
  faq: string | null;
  step: number | null;
  confidence: number;
  suggestions: string[];
  /** When the answer came through a learned alternate: its normalised question. */
  viaAlternate: string | null;
  /** ... and what it was learned for: the FAQ's question, or the step's label. */
  viaAlternateOf?: string | null;
}

/**
 * Feedback on one reply: a 👍/👎 vote, or the suggestion the user chose
 * instead. `playbook` names the chosen FAQ's playbook (the caller knows it).
 */
export type FeedbackInput =
  | { id: string; user: string | null; helpful: boolean }
  | { id: string; user: string | null; chose: string; playbook?: string };

export type FeedbackOutcome = "recorded" | "unknown" | "not-offered";

/** A learned alternate phrasing: `question` (normalised) should answer `faq`. */
export interface Alternate {
  /** "" when the chooser did not say which playbook. */
  playbook: string;
  faq: string;
  question: string;
  /** Distinct users who made this choice (all anonymous users count as one). */
  users: number;
  /** Confirmed (users >= learnMinUsers) and not retired. */
  applied: boolean;
  retired: boolean;
}

export interface Insights {
  from: string;
  to: string;
  asked: number;
  sure: number;
  likely: number;
  not_sure: number;
  helpful: number;
  not_helpful: number;
  unanswered: Array<{ question: string; count: number }>;
  alternates: Array<{
    playbook: string;
    faq: string;
    question: string;
    users: number;
    applied: boolean;
  }>;
  /** One entry per UTC day of the range, days with no questions included as zeros. */
  perDay: Array<{ day: string; sure: number; likely: number; not_sure: number }>;
  perFaq: Array<{ playbook: string; faq: string; helpful: number; not_helpful: number }>;
}

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string;
  logger: Logger;
  /** HMAC key; when absent a random per-install secret is created once and kept in the `meta` table. */
  secret?: string;
  recordQuestions: boolean;
  retentionDays: number;
  learnMinUsers: number;
  /** How long a recorded event may wait in memory before it is written; default 250 ms. */
  flushIntervalMs?: number;
  /** How often a store that cannot reach its database tries again; default 2 s. */
  reconnectIntervalMs?: number;
  /** How long `close` keeps trying to write what is queued while the database is down; default 4 s. */
  closeRetryMs?: number;
  /** How long one Postgres statement may take before it is given up and tried again; default 30 s. */
  queryTimeoutMs?: number;
}

/** What the write queue has been through, for health pages and tests. */
export interface StoreStats {
  /** Events waiting in memory. */
  queued: number;
  /** Events dropped since start because the queue was full. */
  dropped: number;
  /** Failed write attempts since start. */
  failed: number;
}

export interface Store {
  readonly engine: "sqlite" | "postgres";
  /** Synchronous, never throws, never waits: queued in memory and written in batches. */
  record(event: QuestionEvent): void;
  /**
   * "unknown" when no question event has that id (written or still queued); "not-offered"
   * when a chosen question was not among that reply's suggestions (nothing is written).
   */
  feedback(input: FeedbackInput): Promise<FeedbackOutcome>;
  /** "degraded" while the database cannot be reached or writes are failing. */
  health(): "ok" | "degraded";
  stats(): StoreStats;
  insights(range: { from: Date; to: Date }): Promise<Insights>;
  alternates(): Promise<Alternate[]>;
  /** Deletes every event and feedback row of that raw user id; returns rows deleted. */
  forget(user: string): Promise<number>;
  /** Deletes events (and their feedback) older than retentionDays, and expired event claims; returns events deleted. */
  purge(now?: Date): Promise<number>;
  /** RFC 4180 CSV, header row, one row per event in the range. */
  exportCsv(out: NodeJS.WritableStream, range: { from: Date; to: Date }): Promise<void>;
  /** True the first time a key is claimed across every instance sharing the database; keys expire after an hour. */
  claimEvent(key: string): Promise<boolean>;
  /** Fires (debounced) when alternates may have changed, in every instance; returns an unsubscribe. */
  onAlternatesChanged(listener: () => void): () => void;
  /** Writes everything queued; never rejects (failures leave events queued and are logged). */
  flush(): Promise<void>;
  /** Flushes, then closes connections. */
  close(): Promise<void>;
}

/** Thrown (rejected) by reads while the database cannot be reached. */
export class StoreDownError extends Error {
  readonly code = "AIFIRST_STORE_DOWN";
  constructor(message = "aifirst: the store's database cannot be reached", options?: ErrorOptions) {
    super(message, options);
    this.name = "StoreDownError";
  }
}
