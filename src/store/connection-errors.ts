/**
 * Telling "the database cannot be reached" apart from "this statement is
 * wrong": the first makes the store degraded and retry, the second is a bug
 * or bad data, reported as it is.
 */
import { StoreDownError } from "./types.ts";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "SQLITE_BUSY",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "SQLITE_FULL",
  "SQLITE_READONLY",
]);

/**
 * SQLSTATEs that say "not now" rather than "never": a statement cancelled at its time limit,
 * a lock not granted, a deadlock or serialization failure. The same write succeeds later.
 */
const TRY_AGAIN_CODES = new Set(["57014", "55P03", "40P01", "40001"]);

/** The client gave up waiting for Postgres to answer (pg's `query_timeout`). */
export function isClientTimeout(error: unknown): boolean {
  return error instanceof Error && /^query read timeout$/i.test(error.message);
}

export function isConnectionError(error: unknown): boolean {
  if (error instanceof StoreDownError) return true;
  if (!(error instanceof Error)) return false;
  const code = String((error as { code?: unknown }).code ?? "");
  // Postgres SQLSTATE class 08 = connection exception, 57P = the server is shutting down or starting.
  if (NETWORK_CODES.has(code) || code.startsWith("08") || code.startsWith("57P")) return true;
  if (TRY_AGAIN_CODES.has(code) || isClientTimeout(error)) return true;
  if (code.startsWith("SQLITE_IOERR")) return true;
  return /connection terminated|timeout exceeded when trying to connect|connection error|not queryable|driver has already been destroyed/i.test(
    error.message,
  );
}

/** The error a read rejects with: a StoreDownError for connection trouble, else the error itself. */
export function readError(error: unknown): Error {
  if (error instanceof StoreDownError) return error;
  if (isClientTimeout(error)) {
    // Not necessarily out of reach: a read over a large table may simply be slow.
    return new StoreDownError("aifirst: the store's database did not answer in time", {
      cause: error,
    });
  }
  if (isConnectionError(error)) return new StoreDownError(undefined, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** Postgres turning away who or what the URL names: no such role, a wrong password, no such database. */
const POSTGRES_REFUSALS = new Set(["28000", "28P01", "3D000"]);

/** Why SQLite's folder or file cannot be made or opened, by error code. */
const FOLDER_PROBLEMS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EEXIST: "it is a file, not a folder",
  ENOTDIR: "part of the path is a file, not a folder",
  SQLITE_CANTOPEN: "SQLite cannot open its file there",
};

/**
 * What to fix when the store cannot be opened because of a setting rather than an outage
 * (the store retries either way: the setting may be fixed, or the folder made, meanwhile);
 * undefined when it looks like an outage. Never the URL: it may hold the password.
 */
export function settingProblem(
  error: unknown,
  place: { engine: "sqlite" | "postgres"; dataDir: string },
): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = String((error as { code?: unknown }).code ?? "");
  if (place.engine === "postgres") {
    return POSTGRES_REFUSALS.has(code)
      ? `Postgres refused the connection: ${error.message}; check DATABASE_URL`
      : undefined;
  }
  const problem = FOLDER_PROBLEMS[code];
  return problem ? `cannot open the store in DATA_DIR=${place.dataDir}: ${problem}` : undefined;
}
