/**
 * Versioned migrations, in code (nothing is read from disk at runtime), run by
 * Kysely's Migrator at open. The migrator is idempotent and, on Postgres,
 * holds an advisory lock, so instances starting together apply each once.
 * Never edit a released migration: add the next one.
 */
import type { Kysely, Migration, MigrationProvider } from "kysely";
import { Migrator } from "./kysely.ts";

// Migrations must accept any database: the schema they build is what ./schema.ts describes.
type AnyDb = Kysely<unknown>;

const migrations: Record<string, Migration> = {
  "0001_initial": {
    async up(db: AnyDb) {
      await db.schema
        .createTable("meta")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("question_event")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("surface", "text", (c) => c.notNull())
        .addColumn("user_hash", "text")
        .addColumn("question", "text")
        .addColumn("question_norm", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("sure", "integer", (c) => c.notNull())
        .addColumn("playbook", "text")
        .addColumn("faq", "text")
        .addColumn("step", "integer")
        .addColumn("confidence", "double precision", (c) => c.notNull())
        .addColumn("suggestions", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("via_alternate", "text")
        .execute();
      await db.schema.createIndex("question_event_at").on("question_event").column("at").execute();
      await db.schema
        .createIndex("question_event_user_hash")
        .on("question_event")
        .column("user_hash")
        .execute();

      await db.schema
        .createTable("feedback_vote")
        .addColumn("event_id", "text", (c) => c.notNull())
        .addColumn("user_hash", "text", (c) => c.notNull())
        .addColumn("helpful", "integer", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("feedback_vote_pk", ["event_id", "user_hash"])
        .execute();
      await db.schema
        .createIndex("feedback_vote_user_hash")
        .on("feedback_vote")
        .column("user_hash")
        .execute();

      await db.schema
        .createTable("feedback_choice")
        .addColumn("event_id", "text", (c) => c.notNull())
        .addColumn("user_hash", "text", (c) => c.notNull())
        .addColumn("chose", "text", (c) => c.notNull())
        .addColumn("playbook", "text")
        .addColumn("at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("feedback_choice_pk", ["event_id", "user_hash", "chose"])
        .execute();
      await db.schema
        .createIndex("feedback_choice_user_hash")
        .on("feedback_choice")
        .column("user_hash")
        .execute();

      await db.schema
        .createTable("learned_choice")
        .addColumn("question", "text", (c) => c.notNull())
        .addColumn("playbook", "text", (c) => c.notNull())
        .addColumn("faq", "text", (c) => c.notNull())
        .addColumn("user_hash", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("learned_choice_pk", ["question", "playbook", "faq", "user_hash"])
        .execute();

      await db.schema
        .createTable("alternate_vote")
        .addColumn("question", "text", (c) => c.notNull())
        .addColumn("playbook", "text", (c) => c.notNull())
        .addColumn("faq", "text", (c) => c.notNull())
        .addColumn("user_hash", "text", (c) => c.notNull())
        .addColumn("helpful", "integer", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("alternate_vote_pk", ["question", "playbook", "faq", "user_hash"])
        .execute();

      await db.schema
        .createTable("event_claim")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("at", "bigint", (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      for (const table of [
        "event_claim",
        "alternate_vote",
        "learned_choice",
        "feedback_choice",
        "feedback_vote",
        "question_event",
        "meta",
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  },
};

migrations["0002_via_alternate_of"] = {
  // What a learned alternate an answer came through was learned for: an FAQ's question, or a
  // step's label ("Step 7: ..."), since a step answer records only its number.
  async up(db: AnyDb) {
    // SQLite runs migrations without a lock or a transaction: an instance starting beside
    // another, or one stopped between adding the column and recording the migration, finds
    // the column there already.
    const tables = await db.introspection.getTables();
    const events = tables.find((t) => t.name === "question_event");
    if (events?.columns.some((c) => c.name === "via_alternate_of")) return;
    await db.schema.alterTable("question_event").addColumn("via_alternate_of", "text").execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable("question_event").dropColumn("via_alternate_of").execute();
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the latest schema; rejects with the first migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** The schema a command that only reads may use: every migration applied. */
export class StoreSchemaError extends Error {
  readonly code = "AIFIRST_STORE_SCHEMA";
}

/** Rejects unless every migration is applied: a read-only command must not migrate. */
export async function expectLatestSchema(db: Kysely<unknown>): Promise<void> {
  const pending = (await new Migrator({ db, provider }).getMigrations()).filter(
    (m) => m.executedAt === undefined,
  );
  if (pending.length > 0) {
    throw new StoreSchemaError(
      "aifirst: the store was made by an older version; start the server once to update it",
    );
  }
}
