/**
 * User ids are kept only as keyed hashes: HMAC-SHA256(secret, raw id) in hex.
 * Without a configured secret, one random secret per install is created once
 * and kept in the `meta` table, so hashes stay stable across restarts and
 * across instances sharing a Postgres.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "./schema.ts";

const SECRET_KEY = "user_hash_secret";

export type UserHasher = (user: string) => string;

/** Users whose hash is remembered: the same people ask again and again. */
const REMEMBERED = 1_000;

export function userHasher(secret: string): UserHasher {
  // Every recorded event hashes its user; an HMAC per event is a measurable share of the writer's work.
  const known = new Map<string, string>();
  return (user) => {
    let hash = known.get(user);
    if (hash === undefined) {
      hash = createHmac("sha256", secret).update(user).digest("hex");
      // Forgetting all at once keeps this simple; the next events fill it again.
      if (known.size >= REMEMBERED) known.clear();
      known.set(user, hash);
    }
    return hash;
  };
}

/** The install's secret: created by whichever instance gets there first, then read by all. */
export async function installSecret(db: Db): Promise<string> {
  await db
    .insertInto("meta")
    .values({ key: SECRET_KEY, value: randomBytes(32).toString("hex") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("meta")
    .select("value")
    .where("key", "=", SECRET_KEY)
    .executeTakeFirstOrThrow();
  return row.value;
}
