/**
 * The tables as Kysely sees them: one schema for SQLite and Postgres. Times
 * are epoch milliseconds (bigint) and booleans are 0/1 integers, so both
 * engines store, compare and group them the same way.
 */
import type { Kysely } from "kysely";

/** Anonymous users share this hash in feedback tables, whose keys cannot hold null. */
export const ANONYMOUS = "";

export interface MetaTable {
  key: string;
  value: string;
}

export interface QuestionEventTable {
  id: string;
  at: number;
  surface: string;
  user_hash: string | null;
  question: string | null;
  /** normaliseQuestion(question), kept for grouping and learning. */
  question_norm: string | null;
  kind: string;
  sure: number;
  playbook: string | null;
  faq: string | null;
  step: number | null;
  confidence: number;
  /** JSON array of strings. */
  suggestions: string;
  via_alternate: string | null;
  /** What that alternate was learned for: the FAQ's question, or the step's label. */
  via_alternate_of: string | null;
}

/** One 👍/👎 per (reply, user), changeable. */
export interface FeedbackVoteTable {
  event_id: string;
  user_hash: string;
  helpful: number;
  at: number;
}

/** "I meant this one instead": every choice made, as made. */
export interface FeedbackChoiceTable {
  event_id: string;
  user_hash: string;
  chose: string;
  playbook: string | null;
  at: number;
}

/**
 * One row per user who proposed (question -> FAQ) in a way that counts for
 * learning. Kept apart from events so that learned phrasings outlive retention.
 */
export interface LearnedChoiceTable {
  question: string;
  playbook: string;
  faq: string;
  user_hash: string;
  at: number;
}

/** Each user's latest vote on replies that came through an alternate. */
export interface AlternateVoteTable {
  question: string;
  playbook: string;
  faq: string;
  user_hash: string;
  helpful: number;
  at: number;
}

/** Keys already claimed (a retried Slack event answered once), with when. */
export interface EventClaimTable {
  key: string;
  at: number;
}

export interface Database {
  meta: MetaTable;
  question_event: QuestionEventTable;
  feedback_vote: FeedbackVoteTable;
  feedback_choice: FeedbackChoiceTable;
  learned_choice: LearnedChoiceTable;
  alternate_vote: AlternateVoteTable;
  event_claim: EventClaimTable;
}

export type Db = Kysely<Database>;
