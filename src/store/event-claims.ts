/**
 * A shared retry record: the first instance to claim a key (e.g. a Slack
 * event_id) answers it; every other claim within an hour is refused. One
 * atomic statement, so two instances racing on one Postgres cannot both win.
 */
import type { Db } from "./schema.ts";

export const CLAIM_TTL_MS = 60 * 60 * 1000;

/** True when this call claimed the key: it was new, or its earlier claim had expired. */
export async function claimKey(db: Db, key: string, now: number): Promise<boolean> {
  const expired = now - CLAIM_TTL_MS;
  const row = await db
    .insertInto("event_claim")
    .values({ key, at: now })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({ at: now }).where("event_claim.at", "<", expired),
    )
    .returning("key")
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes expired claims (the store's purge); returns how many. */
export async function deleteExpiredClaims(db: Db, now: number): Promise<number> {
  const result = await db
    .deleteFrom("event_claim")
    .where("at", "<", now - CLAIM_TTL_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
