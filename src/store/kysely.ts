/**
 * Kysely's runtime, loaded once through its CommonJS build. Its ESM build is
 * ~280 modules, and under tsx every ES module also passes through the loader
 * thread: measured, that cost the server ~15 MB more RSS than `require`.
 * Types still come from the package itself (`import type ... from "kysely"`).
 */
import { createRequire } from "node:module";
import type * as KyselyModule from "kysely";

const kysely = createRequire(import.meta.url)("kysely") as typeof KyselyModule;

export const { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } = kysely;
