/**
 * The period a report covers, from the query string: `?days=N` (the last N
 * UTC days, today included; default 30) or `?from=ISO&to=ISO` (a date alone
 * means the whole of that day). Checked with zod; a bad query is the user's
 * mistake and gets a message, never a default they did not ask for.
 */
import { z } from "zod/v4";

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 365;
const DAY_MS = 86_400_000;

export interface Period {
  from: Date;
  to: Date;
  /** Set when the period was given as a number of days (the picker shows it as chosen). */
  days: number | null;
}

export type PeriodCheck = { ok: true; period: Period } | { ok: false; error: string };

const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "must be a date (2026-12-01) or a date and time (2026-12-01T09:00:00Z)",
});

const querySchema = z.object({
  days: z
    .string()
    .regex(/^\d{1,4}$/, "days must be a whole number")
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, `days must be from 1 to ${MAX_DAYS}`)
        .max(MAX_DAYS, `days must be from 1 to ${MAX_DAYS}`),
    )
    .optional(),
  from: dateOrTime.optional(),
  to: dateOrTime.optional(),
});

/** Reads the period from a parsed query string (Express's "simple" parser: flat strings). */
export function checkPeriod(query: Record<string, unknown>, now = new Date()): PeriodCheck {
  const result = querySchema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return { ok: false, error: `${where}${issue?.message ?? "bad period"}` };
  }
  const { days, from, to } = result.data;
  if (days !== undefined && (from !== undefined || to !== undefined)) {
    return { ok: false, error: "give either days or from and to, not both" };
  }
  if ((from === undefined) !== (to === undefined)) {
    return { ok: false, error: "give both from and to (ISO dates), or neither" };
  }
  if (from !== undefined && to !== undefined) {
    const start = parseEnd(from, "start");
    const end = parseEnd(to, "end");
    if (start.getTime() > end.getTime()) return { ok: false, error: "from is after to" };
    if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) {
      return { ok: false, error: `the period is longer than ${MAX_DAYS} days` };
    }
    return { ok: true, period: { from: start, to: end, days: null } };
  }
  const n = days ?? DEFAULT_DAYS;
  return { ok: true, period: { ...lastDays(n, now), days: n } };
}

/** The last `n` UTC days, today included: what `?days=N` and `aifirst insights --days N` cover. */
export function lastDays(n: number, now: Date): { from: Date; to: Date } {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { from: new Date(today - (n - 1) * DAY_MS), to: now };
}

/** A date alone covers its whole UTC day: `from` its first millisecond, `to` its last. */
function parseEnd(text: string, end: "start" | "end"): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = Date.parse(`${text}T00:00:00Z`);
    return new Date(end === "start" ? day : day + DAY_MS - 1);
  }
  return new Date(text);
}
