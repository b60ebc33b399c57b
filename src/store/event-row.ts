/**
 * A recorded event as a table row: the user replaced by its keyed hash, the
 * question dropped when questions are not to be recorded, times in epoch ms.
 * And the one statement that writes a batch of them.
 */
import type { CompiledQuery } from "kysely";
import { sql } from "./kysely.ts";
import { normaliseQuestion } from "./normalise.ts";
import type { Db, QuestionEventTable } from "./schema.ts";
import type { QuestionEvent } from "./types.ts";
import type { UserHasher } from "./user-hash.ts";

/** Every column of a row, in the order eventRow builds them (and Kysely binds them). */
export const EVENT_COLUMNS = [
  "id",
  "at",
  "surface",
  "user_hash",
  "question",
  "question_norm",
  "kind",
  "sure",
  "playbook",
  "faq",
  "step",
  "confidence",
  "suggestions",
  "via_alternate",
  "via_alternate_of",
] as const satisfies ReadonlyArray<keyof QuestionEventTable>;

export function eventRow(
  event: QuestionEvent,
  hashUser: UserHasher,
  recordQuestions: boolean,
): QuestionEventTable {
  const question = recordQuestions ? event.question : null;
  // Every value is defined (null, never undefined): Kysely would write DEFAULT for an undefined one,
  // and insertEvents' reused statement binds one value per column.
  return {
    id: event.id,
    at: event.at.getTime(),
    surface: event.surface,
    user_hash: event.user === null ? null : hashUser(event.user),
    question: question ?? null,
    // Learning keys on the normalised question; a command's teaches nothing.
    question_norm: question == null || event.command ? null : normaliseQuestion(question) || null,
    kind: event.kind,
    sure: event.sure ? 1 : 0,
    playbook: event.playbook ?? null,
    faq: event.faq ?? null,
    step: event.step ?? null,
    // A NaN would be stored as NULL by one engine and rejected by the other.
    confidence: Number.isFinite(event.confidence) ? event.confidence : 0,
    suggestions: JSON.stringify(event.suggestions),
    via_alternate: event.viaAlternate ?? null,
    via_alternate_of: event.viaAlternateOf ?? null,
  };
}

/** The suggestions a stored row offered: its column holds them as a JSON array of questions. */
export function rowSuggestions(column: string): string[] {
  try {
    const parsed: unknown = JSON.parse(column);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === "string") : [];
  } catch {
    return [];
  }
}

/** The INSERT for each batch size already built, per database: the SQL differs by dialect. */
const statements = new WeakMap<Db, Map<number, CompiledQuery>>();

/**
 * Inserts rows as one multi-row INSERT (one statement, so one transaction); a row whose id
 * is already stored is skipped, so a batch may be written again. Kysely builds each batch
 * size's statement once; later batches of that size reuse its SQL with their own values,
 * which spares building and compiling a query tree of every value on each write.
 */
export async function insertEvents(db: Db, rows: QuestionEventTable[]): Promise<void> {
  if (rows.length === 0) return;
  let bySize = statements.get(db);
  if (!bySize) {
    bySize = new Map();
    statements.set(db, bySize);
  }
  const built = bySize.get(rows.length);
  if (built) {
    await db.executeQuery({ ...built, parameters: eventValues(rows) });
    return;
  }
  const compiled = db
    .insertInto("question_event")
    .values(rows)
    .onConflict((oc) => oc.column("id").doNothing())
    .compile();
  await db.executeQuery(compiled);
  // Only its SQL is kept: the compiled query itself holds this batch's values.
  bySize.set(rows.length, sql.raw(compiled.sql).compile(db));
}

/** The rows' values, row after row, each in EVENT_COLUMNS order: what the built INSERT binds. */
export function eventValues(rows: QuestionEventTable[]): unknown[] {
  const values: unknown[] = [];
  for (const row of rows) for (const column of EVENT_COLUMNS) values.push(row[column]);
  return values;
}
