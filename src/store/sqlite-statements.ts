/**
 * better-sqlite3 as Kysely's SqliteDialect uses it, but keeping the statements
 * it prepares: Kysely prepares every query anew, and the writer's multi-row
 * INSERT costs a fifth as much again to prepare as to run. Kysely runs one
 * query at a time on the connection, so a kept statement is never in use twice.
 */
import type { Database as BetterSqlite } from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Statements kept, most recently used first out last; each holds its compiled program. */
const KEPT = 16;

export function keepingStatements(db: BetterSqlite): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => {
      kept.clear();
      db.close();
    },
    prepare(sql) {
      let statement = kept.get(sql);
      if (statement) kept.delete(sql);
      else statement = db.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}
