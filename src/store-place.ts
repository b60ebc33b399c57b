/**
 * Where the configured store is, in words an operator can check: the
 * SQLite file's path, or Postgres's host and database (never its password).
 */
import path from "node:path";
import type { Config } from "./config.ts";

/** `DATA_DIR=off`: no store at all, nothing recorded. */
export function storeIsOff(store: Config["store"]): boolean {
  return store.dataDir.toLowerCase() === "off";
}

/** DATA_DIR resolved against the working directory, as the store will use it. */
export function resolvedDataDir(store: Config["store"]): string {
  return path.resolve(store.dataDir);
}

/** The store's SQLite file: SQLITE_FILE (src/store/connect.ts), named here so `ask` never loads the store. */
export function sqlitePath(store: Config["store"]): string {
  return path.join(resolvedDataDir(store), "aifirst.sqlite");
}

export function describeStore(store: Config["store"]): string {
  if (storeIsOff(store)) return "off (DATA_DIR=off): nothing is recorded";
  if (store.databaseUrl) {
    try {
      const url = new URL(store.databaseUrl);
      const db = url.pathname.replace(/^\//, "") || "(default database)";
      return `Postgres at ${url.host || "(local socket)"}/${db}`;
    } catch {
      return "Postgres (DATABASE_URL)";
    }
  }
  return `SQLite at ${sqlitePath(store)}`;
}
