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

export function userHasher(secret: string): UserHasher {
  return (user) => createHmac("sha256", secret).update(user).digest("hex");
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
