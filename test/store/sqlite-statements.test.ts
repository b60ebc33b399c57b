/**
 * The SQLite store keeps the statements it prepares: what a query answers must
 * not change because its statement was kept, nor when the schema changes under it.
 */
import { createRequire } from "node:module";
import type { Kysely as KyselyType } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { Kysely, SqliteDialect, sql } from "../../src/store/kysely.ts";
import { keepingStatements } from "../../src/store/sqlite-statements.ts";

type BetterSqlite = typeof import("better-sqlite3");
const Database = createRequire(import.meta.url)("better-sqlite3") as BetterSqlite;

interface Tables {
  t: { n: number; label?: string | null };
}

const opened: Array<KyselyType<Tables>> = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

function openMemory(): KyselyType<Tables> {
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: keepingStatements(new Database(":memory:")) }),
  });
  opened.push(db);
  return db;
}

describe("kept SQLite statements", () => {
  it("answer each run with the data as it is then, with that run's values", async () => {
    const db = openMemory();
    await sql`create table t (n integer not null)`.execute(db);
    const count = () => db.selectFrom("t").select((eb) => eb.fn.countAll<number>().as("c"));
    for (let i = 1; i <= 3; i++) {
      await db.insertInto("t").values({ n: i }).execute();
      expect((await count().executeTakeFirstOrThrow()).c).toBe(i);
    }
    const above = (n: number) => db.selectFrom("t").select("n").where("n", ">", n).execute();
    expect(await above(1)).toEqual([{ n: 2 }, { n: 3 }]);
    expect(await above(2)).toEqual([{ n: 3 }]);
  });

  it("still work after the schema changes, and after many other statements", async () => {
    const db = openMemory();
    await sql`create table t (n integer not null)`.execute(db);
    await db.insertInto("t").values({ n: 1 }).execute();
    const all = () => db.selectFrom("t").selectAll().execute();
    expect(await all()).toEqual([{ n: 1 }]);
    await sql`alter table t add column label text`.execute(db);
    expect(await all()).toEqual([{ n: 1, label: null }]);
    // Forty different statements: more than are kept, so the first ones are let go.
    for (let i = 0; i < 40; i++) await sql.raw(`select n from t where n = ${i}`).execute(db);
    await db.insertInto("t").values({ n: 2, label: "two" }).execute();
    expect(await all()).toEqual([
      { n: 1, label: null },
      { n: 2, label: "two" },
    ]);
  });
});
