/**
 * Deleting what must not be kept: events past the retention period, and
 * everything of a user who asked to be forgotten. Feedback goes with the
 * events it is about.
 */
import type { Db } from "./schema.ts";

const DAY_MS = 86_400_000;

/**
 * Events deleted per transaction when purging: a backlog of millions (a long retention
 * shortened, a purge that could not run for weeks) is deleted in short transactions, each
 * well within the time a statement may take, none holding locks for long.
 */
export const PURGE_BATCH = 2_000;

/** Deletes events older than `retentionDays` before `now`, and their feedback; returns events deleted. */
export async function purgeOlderThan(
  db: Db,
  retentionDays: number,
  now: number,
  batch = PURGE_BATCH,
): Promise<number> {
  const cutoff = now - retentionDays * DAY_MS;
  let deleted = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const ids = (
        await trx
          .selectFrom("question_event")
          .select("id")
          .where("at", "<", cutoff)
          .limit(batch)
          .execute()
      ).map((r) => r.id);
      if (ids.length === 0) return 0;
      await trx.deleteFrom("feedback_vote").where("event_id", "in", ids).execute();
      await trx.deleteFrom("feedback_choice").where("event_id", "in", ids).execute();
      const result = await trx
        .deleteFrom("question_event")
        .where("id", "in", ids)
        .executeTakeFirst();
      deleted += Number(result.numDeletedRows);
      return ids.length;
    });
    if (done < batch) return deleted;
  }
}

/**
 * Deletes every row tied to one user hash: their events (and all feedback on
 * them), their feedback elsewhere, and what learning kept of them. Returns
 * rows deleted.
 */
export async function forgetUserHash(db: Db, userHash: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const theirs = trx.selectFrom("question_event").select("id").where("user_hash", "=", userHash);
    let deleted = 0;
    const count = (r: { numDeletedRows: bigint }) => {
      deleted += Number(r.numDeletedRows);
    };
    count(
      await trx
        .deleteFrom("feedback_vote")
        .where((eb) => eb.or([eb("user_hash", "=", userHash), eb("event_id", "in", theirs)]))
        .executeTakeFirst(),
    );
    count(
      await trx
        .deleteFrom("feedback_choice")
        .where((eb) => eb.or([eb("user_hash", "=", userHash), eb("event_id", "in", theirs)]))
        .executeTakeFirst(),
    );
    count(
      await trx.deleteFrom("learned_choice").where("user_hash", "=", userHash).executeTakeFirst(),
    );
    count(
      await trx.deleteFrom("alternate_vote").where("user_hash", "=", userHash).executeTakeFirst(),
    );
    count(
      await trx.deleteFrom("question_event").where("user_hash", "=", userHash).executeTakeFirst(),
    );
    return deleted;
  });
}
