/**
 * The store from a terminal: `aifirst insights [--days N] [--json]`,
 * `aifirst insights alternates`, `aifirst insights --export csv [--days N]`,
 * `aifirst forget <user id>`. Each opens the store the server uses (DATA_DIR
 * or DATABASE_URL), does one thing and closes it.
 */
import { existsSync } from "node:fs";
import { isIPv4 } from "node:net";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type { Config } from "../../config.ts";
import { loadContent } from "../../content/load.ts";
import {
  type ConfirmedAlternate,
  confirmedOf,
  writtenInContent,
} from "../../learning/fit-alternates.ts";
import { storeForMode } from "../../learning/learning-view.ts";
import { createLogger } from "../../log.ts";
import { plainAddress } from "../../server/web-caller.ts";
import type { Alternate, Store } from "../../store/types.ts";
import { describeStore, resolvedDataDir, sqlitePath, storeIsOff } from "../../store-place.ts";
import { DEFAULT_DAYS, lastDays, MAX_DAYS } from "../insights/range.ts";
import { toContractJson } from "../insights/report.ts";
import { formatInsights, formatSnippet } from "./insights-text.ts";
import { printable, printableStream } from "./terminal-safe.ts";

export interface StoreIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
}

const DAY_MS = 86_400_000;

type StoreOutcome = { ok: true; store: Store } | { ok: false; message: string };

/** Opens the configured store, or says in one line why it cannot. */
async function openForCli(config: Readonly<Config>): Promise<StoreOutcome> {
  const options = config.store;
  if (storeIsOff(options)) {
    return { ok: false, message: "aifirst: DATA_DIR=off: there is no store to read" };
  }
  const dataDir = resolvedDataDir(options);
  if (!options.databaseUrl && !existsSync(sqlitePath(options))) {
    return {
      ok: false,
      message: `aifirst: no store yet at ${dataDir} (the server creates it on first start; set DATA_DIR or DATABASE_URL to read another)`,
    };
  }
  const { openStore } = await import("../../store/index.ts");
  // The store's own retries and warnings are for a server; here one clear line says it all,
  // with the reason the store logged ("password authentication failed for user ...").
  let reason = "";
  const ignore = () => {};
  const firstError = (_msg: string, fields?: Record<string, unknown>) => {
    if (!reason && fields?.error instanceof Error) reason = fields.error.message;
  };
  const store = await openStore({
    dataDir,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    logger: { debug: ignore, info: ignore, warn: firstError, error: firstError },
    recordQuestions: options.recordQuestions,
    retentionDays: options.retentionDays,
    learnMinUsers: options.learnMinUsers,
    closeRetryMs: 0,
  });
  if (store.health() !== "ok") {
    await store.close();
    // The database's own words, which may quote what was configured: shown, never run.
    const why = reason ? `: ${printable(reason.replace(/^aifirst: /, ""))}` : "";
    return {
      ok: false,
      message: `aifirst: cannot open the store (${describeStore(options)})${why}`,
    };
  }
  return { ok: true, store: storeForMode(store, options.learn) };
}

/**
 * With LEARN=auto, the confirmed alternates the server answers with, so that `aifirst ask`
 * answers as `/api/ask` does. Read without changing the store (docs/learning.md). None when
 * there is no store yet; when it cannot be read, one line says the answers come without them.
 */
export async function learnedForCli(
  config: Readonly<Config>,
  io: Pick<StoreIo, "stderr">,
): Promise<ConfirmedAlternate[]> {
  const options = config.store;
  if (options.learn !== "auto" || storeIsOff(options)) return [];
  if (!options.databaseUrl && !existsSync(sqlitePath(options))) return [];
  const { readAlternatesOnce } = await import("../../store/read-once.ts");
  try {
    const alternates = await readAlternatesOnce(
      {
        dataDir: resolvedDataDir(options),
        databaseUrl: options.databaseUrl,
        learnMinUsers: options.learnMinUsers,
      },
      createLogger({ level: "silent" }),
    );
    return confirmedOf(alternates);
  } catch (error) {
    // Learned alternates only add to the answers: whatever kept them out, the question is
    // still answered from the content.
    const reason = printable(
      error instanceof Error ? error.message.replace(/^aifirst: /, "") : String(error),
    );
    io.stderr.write(
      `aifirst: ${describeStore(options)}: ${reason}: answering without learned alternates\n`,
    );
    return [];
  }
}

/** Runs `use` on the open store and closes it; store and argument errors exit 1 with one line. */
async function withStore(
  config: Readonly<Config>,
  io: StoreIo,
  use: (store: Store) => Promise<number>,
): Promise<number> {
  const opened = await openForCli(config);
  if (!opened.ok) {
    io.stderr.write(`${opened.message}\n`);
    return 1;
  }
  try {
    return await use(opened.store);
  } catch (error) {
    const e = error as { code?: unknown; message?: string };
    if (typeof e.code !== "string" || !e.code.startsWith("AIFIRST_")) throw error;
    io.stderr.write(`aifirst: ${describeStore(config.store)}: ${e.message}\n`);
    return 1;
  } finally {
    await opened.store.close();
  }
}

interface InsightsArgs {
  days: number | undefined;
  json: boolean;
  export: "csv" | undefined;
  alternates: boolean;
}

function parseInsightsArgs(args: string[]): InsightsArgs | string {
  const parsed: InsightsArgs = {
    days: undefined,
    json: false,
    export: undefined,
    alternates: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const [flag, inline] = (arg ?? "").split("=", 2);
      if (inline !== undefined) return { flag, v: inline };
      i++;
      return { flag, v: args[i] };
    };
    if (arg === "alternates" && i === 0) parsed.alternates = true;
    else if (arg === "--json") parsed.json = true;
    else if (arg === "--days" || arg?.startsWith("--days=")) {
      const { v } = value();
      const days = Number(v);
      if (!v || !Number.isInteger(days) || days < 1 || days > MAX_DAYS)
        return `--days takes a whole number of days, from 1 to ${MAX_DAYS} (got ${v ?? "nothing"})`;
      parsed.days = days;
    } else if (arg === "--export" || arg?.startsWith("--export=")) {
      const { v } = value();
      if (v !== "csv") return `--export takes csv (got ${v ?? "nothing"})`;
      parsed.export = "csv";
    } else return `unknown argument "${arg}"`;
  }
  if (parsed.alternates && (parsed.json || parsed.export || parsed.days))
    return "insights alternates takes no options";
  if (parsed.export && parsed.json) return "give either --json or --export csv, not both";
  return parsed;
}

export async function insightsCommand(
  args: string[],
  config: Readonly<Config>,
  io: StoreIo,
  now: () => Date = () => new Date(),
): Promise<number> {
  const parsed = parseInsightsArgs(args);
  if (typeof parsed === "string") {
    io.stderr.write(`aifirst insights: ${parsed}\n`);
    return 2;
  }
  if (parsed.alternates) return alternatesCommand(config, io);
  const to = now();
  const days = parsed.days ?? DEFAULT_DAYS;
  // The export defaults to everything kept; the summary to the last 30 days, counted as the
  // server counts `?days=N` (UTC days, today included), so both show the same figures.
  const range =
    parsed.days === undefined && parsed.export
      ? { from: new Date(to.getTime() - config.store.retentionDays * DAY_MS), to }
      : lastDays(days, to);
  return withStore(config, io, async (store) => {
    if (parsed.export) {
      // Shown in a terminal rather than written to a file: what people typed is shown, not run.
      if (!io.stdout.isTTY) {
        await store.exportCsv(io.stdout, range);
        return 0;
      }
      const shown = printableStream(io.stdout);
      await store.exportCsv(shown, range);
      shown.end();
      await finished(shown);
      return 0;
    }
    const insights = await store.insights(range);
    if (parsed.json) {
      io.stdout.write(`${JSON.stringify(toContractJson(insights))}\n`);
      return 0;
    }
    // The content is read only when there are alternates to hold against it.
    const inContent = insights.alternates.length ? await contentSays(config) : undefined;
    io.stdout.write(formatInsights(insights, { days, learn: config.store.learn, inContent }));
    return 0;
  });
}

async function alternatesCommand(config: Readonly<Config>, io: StoreIo): Promise<number> {
  if (config.store.learn === "off") {
    io.stderr.write("aifirst: LEARN=off: nothing is learned, so there are no alternates\n");
    return 0;
  }
  return withStore(config, io, async (store) => {
    const confirmed: Alternate[] = (await store.alternates()).filter((a) => a.applied);
    if (confirmed.length === 0) {
      io.stderr.write(
        `aifirst: no confirmed alternates yet (one needs ${config.store.learnMinUsers} different users choosing the same FAQ or step for the same question)\n`,
      );
      return 0;
    }
    const inContent = await contentSays(config);
    const toPaste = confirmed.filter((a) => !inContent(a));
    if (toPaste.length === 0) {
      io.stderr.write(
        `aifirst: every confirmed alternate is in the content already (${config.contentDir}): nothing to paste\n`,
      );
      return 0;
    }
    io.stdout.write(formatSnippet(toPaste));
    return 0;
  });
}

/** Whether the content (CONTENT_DIR, as far as it reads) already says an alternate. */
async function contentSays(config: Readonly<Config>): Promise<(a: ConfirmedAlternate) => boolean> {
  const { playbooks } = await loadContent(config.contentDir);
  return writtenInContent(playbooks);
}

export async function forgetCommand(
  args: string[],
  config: Readonly<Config>,
  io: StoreIo,
): Promise<number> {
  // An IPv4 address however it is written ("::ffff:203.0.113.5" too), as web callers are kept.
  const user = args[0] === undefined ? undefined : plainAddress(args[0].trim());
  if (!user || args.length > 1) {
    io.stderr.write(
      "aifirst forget: give one Slack or Teams user id, or the IP address a web user asked from, e.g. aifirst forget U0123ABCD\n",
    );
    return 2;
  }
  return withStore(config, io, async (store) => {
    // Earlier versions kept an IPv4 caller of a dual-stack server as "::ffff:a.b.c.d".
    const deleted =
      (await store.forget(user)) + (isIPv4(user) ? await store.forget(`::ffff:${user}`) : 0);
    io.stdout.write(`Deleted ${deleted} row${deleted === 1 ? "" : "s"} about ${user}.\n`);
    return 0;
  });
}
