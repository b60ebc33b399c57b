/**
 * Opens the database a store runs on: an SQLite file under DATA_DIR (WAL,
 * created on first start), or Postgres when DATABASE_URL says so. Returns a
 * Kysely instance already migrated to the latest schema.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Kysely as KyselyType, PostgresPool, PostgresPoolClient } from "kysely";
import type { Logger } from "../log.ts";
import { isClientTimeout } from "./connection-errors.ts";
import { Kysely, PostgresDialect, SqliteDialect } from "./kysely.ts";
import { expectLatestSchema, migrateToLatest } from "./migrations.ts";
import type { Database, Db } from "./schema.ts";

export type Engine = "sqlite" | "postgres";

export const SQLITE_FILE = "aifirst.sqlite";

const PG_INT8 = 20;

/**
 * How long the running store waits for Postgres to answer one statement. Its statements take
 * milliseconds; one unanswered this long is waiting on a lock or on a network that dropped it,
 * and the connection is closed so the write queue can try again on a fresh one. Kept on the
 * client: a server-side statement_timeout is a startup parameter PgBouncer refuses.
 */
export const QUERY_TIMEOUT_MS = 30_000;
/** A migration may rightly take minutes (an index on a large table), but not forever. */
const MIGRATION_TIMEOUT_MS = 10 * 60_000;
/** Idle time before TCP starts probing a silent connection (the OS default is two hours). */
export const KEEPALIVE_DELAY_MS = 10_000;

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
  options: { dataDir: string; databaseUrl?: string | undefined; queryTimeoutMs?: number },
  logger: Logger,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<Connection> {
  const engine = engineFor(options.databaseUrl);
  const url = options.databaseUrl ?? "";
  const queryTimeoutMs = options.queryTimeoutMs ?? QUERY_TIMEOUT_MS;
  if (engine === "postgres" && !readOnly) {
    // Migrations run on a pool of their own, with a longer limit, before the store's opens.
    const migrating = await openPostgres(url, logger, 1, MIGRATION_TIMEOUT_MS);
    try {
      await migrateToLatest(migrating as KyselyType<unknown>);
    } finally {
      await migrating.destroy().catch(() => {});
    }
    return { db: await openPostgres(url, logger, 4, queryTimeoutMs), engine };
  }
  const db =
    engine === "postgres"
      ? await openPostgres(url, logger, 1, queryTimeoutMs)
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

async function openPostgres(
  url: string,
  logger: Logger,
  connections: number,
  queryTimeoutMs: number,
): Promise<Db> {
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
    // A connection whose server vanished without a word is found out by TCP, not kept forever.
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    query_timeout: queryTimeoutMs,
    types,
  });
  // An idle client losing its server emits here; without a listener Node would crash.
  pool.on("error", (error) => logger.debug("store: idle postgres client failed", { error }));
  // A checked-out client between two queries (inside a transaction) has no pool listener: a server
  // shutting down then emits an 'error' nobody hears, which would crash the process.
  pool.on("connect", (client) => {
    client.on("error", (error) => logger.debug("store: postgres client failed", { error }));
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: closingTimedOut(pool) }) });
}

/**
 * The pool as Kysely uses it, except that a connection whose query the client gave up on is
 * closed rather than handed out again: its answer may still arrive, or never, and every query
 * queued behind it would wait as long. Later queries on it (a transaction's rollback) fail at
 * once, which makes Kysely release it as discarded.
 */
function closingTimedOut(pool: import("pg").Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      let timedOut: unknown;
      return {
        // Only the (sql, parameters) form: the store streams nothing through a cursor.
        query: (async (sql: string, parameters: ReadonlyArray<unknown>) => {
          if (timedOut) throw timedOut;
          try {
            return await client.query(sql, parameters as unknown[]);
          } catch (error) {
            if (isClientTimeout(error)) timedOut = error;
            throw error;
          }
        }) as unknown as PostgresPoolClient["query"],
        release: (destroy?: boolean) => client.release(Boolean(destroy || timedOut)),
      };
    },
    end: () => pool.end(),
  };
}
