/**
 * The two engines every store test runs against: SQLite in a temp dir and a
 * real Postgres cluster started for the test file (a fresh database per
 * store). Also small helpers to build events and open stores.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe } from "vitest";
import { createLogger, type Logger } from "../../src/log.ts";
import { openStore } from "../../src/store/open-store.ts";
import type { QuestionEvent, Store, StoreOptions } from "../../src/store/types.ts";
import { postgresSkipReason, startPostgres, type TestPostgres } from "../support/postgres.ts";

export interface Location {
  dataDir: string;
  databaseUrl?: string;
}

export interface EngineUnderTest {
  name: "sqlite" | "postgres";
  /** Why it cannot run here; undefined when it can. */
  skip: string | undefined;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A new, empty place for a store. */
  fresh(): Promise<Location>;
}

const tempDirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "aifirst-store-"));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const sqliteEngine: EngineUnderTest = {
  name: "sqlite",
  skip: undefined,
  async setup() {},
  async teardown() {
    removeTempDirs();
  },
  async fresh() {
    return { dataDir: join(tempDir(), "data") };
  },
};

/**
 * Postgres: one cluster per test file. `fresh` empties one database rather than
 * creating a new one each time (CREATE DATABASE costs up to a second on a busy
 * machine); `pristine` asks for a new, never-migrated database.
 */
export function postgresEngine(options: { pristine?: boolean } = {}): EngineUnderTest {
  let cluster: TestPostgres | undefined;
  let reused: string | undefined;
  return {
    name: "postgres",
    skip: postgresSkipReason(),
    async setup() {
      cluster = await startPostgres();
    },
    async teardown() {
      await cluster?.stop();
      removeTempDirs();
    },
    async fresh() {
      if (!cluster) throw new Error("postgres engine not set up");
      if (options.pristine || !reused) {
        const url = await cluster.createDatabase();
        if (!options.pristine) reused = url;
        return { dataDir: tempDir(), databaseUrl: url };
      }
      await emptyTables(reused);
      return { dataDir: tempDir(), databaseUrl: reused };
    },
  };
}

/** Empties every table but the migrations' own record, so the schema stays as migrated. */
async function emptyTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'",
    );
    if (rows.length)
      await client.query(`truncate ${rows.map((r) => `"${r.tablename}"`).join(", ")}`);
  } finally {
    await client.end();
  }
}

/** A logger whose lines tests can read. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: "debug",
    format: "json",
    write: (line) => lines.push(JSON.parse(line)),
  });
  return { logger, lines };
}

export function storeOptions(
  location: Location,
  overrides: Partial<StoreOptions> = {},
): StoreOptions {
  return {
    ...location,
    logger: createLogger({ level: "silent" }),
    secret: "test-secret",
    recordQuestions: true,
    retentionDays: 90,
    learnMinUsers: 1,
    flushIntervalMs: 10,
    reconnectIntervalMs: 200,
    // Closing a store whose database is down gives up within a second, unless a test says
    // otherwise; long enough for a healthy database to take what is queued on a cold connection.
    closeRetryMs: 1_000,
    ...overrides,
  };
}

const opened: Store[] = [];

/** Opens a store that closeStores() will close. */
export async function open(
  location: Location,
  overrides: Partial<StoreOptions> = {},
): Promise<Store> {
  const store = await openStore(storeOptions(location, overrides));
  opened.push(store);
  return store;
}

export async function closeStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((s) => s.close()));
}

let ids = 0;

export function event(overrides: Partial<QuestionEvent> = {}): QuestionEvent {
  return {
    id: `reply-${++ids}-${Math.random().toString(36).slice(2, 10)}`,
    at: new Date(),
    surface: "slack",
    user: "U123",
    question: "How do I deploy?",
    kind: "faq",
    sure: true,
    playbook: "deploys",
    faq: "How do I deploy to production?",
    step: null,
    confidence: 0.9,
    suggestions: [],
    viaAlternate: null,
    ...overrides,
  };
}

/** Waits until `check` passes or `ms` elapse (then throws its last error). */
export async function eventually(check: () => void | Promise<void>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/**
 * `body`'s tests, once for SQLite and once for a real Postgres (skipped, with its reason,
 * where none can start): each engine set up once for them, every store closed after each.
 */
export function describeOnEngines(title: string, body: (engine: EngineUnderTest) => void): void {
  describe.each([sqliteEngine, postgresEngine()])(title, (engine) => {
    describe.skipIf(engine.skip !== undefined)("", () => {
      beforeAll(() => engine.setup());
      afterAll(() => engine.teardown());
      afterEach(() => closeStores());
      body(engine);
    });
  });
}
