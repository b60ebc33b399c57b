/**
 * Exports recorded events as RFC 4180 CSV (CRLF, quoted when needed), one row
 * per event, read a page at a time so a long range never sits in memory.
 * Cells that a spreadsheet would run as a formula are prefixed with '.
 */
import { once } from "node:events";
import { sql } from "./kysely.ts";
import type { Db } from "./schema.ts";

const PAGE = 1000;

/** The event's own columns, written as they are stored (and grouped by, beside the vote counts). */
const EVENT_COLUMNS = [
  "e.id",
  "e.at",
  "e.surface",
  "e.user_hash",
  "e.question",
  "e.kind",
  "e.sure",
  "e.playbook",
  "e.faq",
  "e.step",
  "e.confidence",
  "e.suggestions",
  "e.via_alternate",
] as const;

const HEADER = [...EVENT_COLUMNS.map((c) => c.slice("e.".length)), "helpful", "not_helpful"];

/** One CSV cell: formula guard first, then RFC 4180 quoting. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  // Tab and CR start formulas in some spreadsheets too (OWASP's list), and some trim
  // leading spaces or line breaks before reading one.
  if (typeof value === "string" && /^(?:\s*[=+\-@]|[\t\r])/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: Array<string | number | null>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export async function writeEventsCsv(
  db: Db,
  out: NodeJS.WritableStream,
  range: { from: Date; to: Date },
): Promise<void> {
  await write(out, csvLine(HEADER));
  let after: { at: number; id: string } | undefined;
  for (;;) {
    let query = db
      .selectFrom("question_event as e")
      .leftJoin("feedback_vote as v", "v.event_id", "e.id")
      .where("e.at", ">=", range.from.getTime())
      .where("e.at", "<=", range.to.getTime())
      .select([
        ...EVENT_COLUMNS,
        sql<number>`sum(case when v.helpful = 1 then 1 else 0 end)`.as("helpful"),
        sql<number>`sum(case when v.helpful = 0 then 1 else 0 end)`.as("not_helpful"),
      ])
      .groupBy(EVENT_COLUMNS)
      .orderBy("e.at")
      .orderBy("e.id")
      .limit(PAGE);
    // Keyset paging: (at, id) after the last row written.
    if (after) {
      const { at, id } = after;
      query = query.where((eb) =>
        eb.or([eb("e.at", ">", at), eb.and([eb("e.at", "=", at), eb("e.id", ">", id)])]),
      );
    }
    const rows = await query.execute();
    for (const r of rows) {
      const line = csvLine([
        r.id,
        new Date(Number(r.at)).toISOString(),
        r.surface,
        r.user_hash,
        r.question,
        r.kind,
        r.sure ? "true" : "false",
        r.playbook,
        r.faq,
        r.step,
        Number(r.confidence),
        r.suggestions,
        r.via_alternate,
        Number(r.helpful ?? 0),
        Number(r.not_helpful ?? 0),
      ]);
      await write(out, line);
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { at: Number(last.at), id: last.id };
  }
}

/** Writes, waiting for 'drain' when the stream asks to (backpressure). */
async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}
