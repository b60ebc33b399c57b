/**
 * The store: every question asked, feedback, and learned alternate phrasings,
 * in an embedded SQLite file or a shared Postgres. See docs/store.md.
 */
export { normaliseQuestion } from "./normalise.ts";
export { openStore } from "./open-store.ts";
export * from "./types.ts";
