/**
 * Opens the database a store runs on: an SQLite file under DATA_DIR (WAL,
 * created on first start), or Postgres when DATABASE_URL says so. Returns a
 * Kysely instance already migrated to the latest schema.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Kysely as KyselyType } from "kysely";
import type { Logger } from "../log.ts";
import { Kysely, PostgresDialect, SqliteDialect } from "./kysely.ts";
import { expectLatestSchema, migrateToLatest } from "./migrations.ts";
import type { Database, Db } from "./schema.ts";

export type Engine = "sqlite" | "postgres";

export const SQLITE_FILE = "aifirst.sqlite";

const PG_INT8 = 20;

/** Which engine a configuration selects. */
export function engineFor(databaseUrl: string | undefined): Engine {
  return databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgres" : "sqlite";
}

export interface Connection {
  db: Db;
  engine: Engine;
}

/**
 * Connects and migrates; rejects (after releasing what it opened) when the database cannot be
 * used. `readOnly` (a command that only looks) changes nothing: no file or directory is made,
 * nothing is migrated, and a schema that is not the latest is an error.
 */
export async function connect(
  options: { dataDir: string; databaseUrl?: string | undefined },
  logger: Logger,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<Connection> {
  const engine = engineFor(options.databaseUrl);
  const db =
    engine === "postgres"
      ? await openPostgres(options.databaseUrl ?? "", logger, readOnly ? 1 : 4)
      : await openSqlite(options.dataDir, readOnly);
  try {
    if (readOnly) await expectLatestSchema(db as KyselyType<unknown>);
    else await migrateToLatest(db as KyselyType<unknown>);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
  return { db, engine };
}

// Each engine's driver is loaded only when used: pg alone costs ~15 MB of RSS that an embedded install never needs.
async function openSqlite(dataDir: string, readOnly: boolean): Promise<Db> {
  const { default: SqliteDatabase } = await import("better-sqlite3");
  if (readOnly) {
    const file = new SqliteDatabase(join(dataDir, SQLITE_FILE), {
      readonly: true,
      fileMustExist: true,
    });
    file.pragma("busy_timeout = 5000");
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  }
  mkdirSync(dataDir, { recursive: true });
  const file = new SqliteDatabase(join(dataDir, SQLITE_FILE));
  // WAL + NORMAL: a process crash loses nothing committed, and a power loss at worst the last
  // commits, never consistency (only checkpoints fsync). busy_timeout lets a CLI read beside
  // the server.
  file.pragma("journal_mode = WAL");
  file.pragma("synchronous = NORMAL");
  file.pragma("busy_timeout = 5000");
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection. SQLite's own default
  // (2 MB) serves this store: it appends events and reads rarely, and the OS caches the file too.
  file.pragma("cache_size = -2000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
}

async function openPostgres(url: string, logger: Logger, connections: number): Promise<Db> {
  const { default: pg } = await import("pg");
  // pg parses int8 (counts, epoch ms) as strings by default; every value we keep fits a double.
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === PG_INT8
        ? (v: string) => Number(v)
        : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: url,
    // Small: the store writes in batches, and the whole server must stay under 150 MB.
    max: connections,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // An idle client losing its server emits here; without a listener Node would crash.
  pool.on("error", (error) => logger.debug("store: idle postgres client failed", { error }));
  // A checked-out client between two queries (inside a transaction) has no pool listener: a server
  // shutting down then emits an 'error' nobody hears, which would crash the process.
  pool.on("connect", (client) => {
    client.on("error", (error) => logger.debug("store: postgres client failed", { error }));
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
