/**
 * `npm run bench:http`: how fast the one server answers, measured on loopback
 * with autocannon at 50 connections, against the budget in docs/performance.md
 * (p99 under 50 ms, no errors, for `/api/ask` and the signed slash command).
 * Routes of the same server, with metrics on as `npm start` runs it:
 *
 *   - a bare route (204, no work): for reference, this machine and stack's ceiling;
 *   - `GET /api/ask?q=...`: the engine behind the JSON API;
 *   - signed `POST /slack/events` slash commands: the signature check, body
 *     parsing, Bolt's dispatch, the engine and Block Kit rendering.
 *
 * Then, scale-out (skipped, with the reason printed, without PostgreSQL
 * binaries; BENCH_SCALE=off skips it): `GET /api/ask` against real server
 * processes as production starts them (`node dist/main.js serve`, so run
 * `npm run build` after changing src/) sharing one throwaway Postgres: one
 * instance at 50 connections, then two instances at 25 connections each at
 * the same time, as a layer-4 load balancer would spread them (no proxy hop
 * of our own to measure). Their p99 is the worse of the two; their req/s the sum.
 * BENCH_ONLY=scale runs this section alone.
 *
 * Last, recording (BENCH_ONLY=recording runs it alone): `GET /api/ask` on one
 * server process recording every question into the embedded SQLite store,
 * one recording into a throwaway Postgres (when its binaries are there), and
 * one with `DATA_DIR=off`, run by run in turn: the budget is p99 under 50 ms
 * and throughput within 15% of recording off.
 *
 * The Slack surface points at a fake Web API and knows its bot identity up
 * front, so no auth.test sits on the hot path. The load generator runs in a
 * worker thread so it does not share the server's event loop. Each route runs
 * BENCH_ROUNDS times (default 3) for BENCH_SECONDS (default 5); the report
 * gives the median run.
 */

import { once } from "node:events";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { apiSurface } from "../src/adapters/api/api-surface.ts";
import { slackSurface } from "../src/adapters/slack/surface.ts";
import { createBot } from "../src/answer/bot.ts";
import { createAssistant } from "../src/assistant.ts";
import { parseConfig } from "../src/config.ts";
import { silentLogger } from "../src/log.ts";
import { createMetrics } from "../src/metrics.ts";
import { createHttpServer } from "../src/server/http.ts";
import { measuredAssistant } from "../src/server/measured-assistant.ts";
import { isOff, type Surface } from "../src/server/surface.ts";
import { type Instances, startInstances } from "../test/support/instances.ts";
import { postgresBinDir, startPostgres } from "../test/support/postgres.ts";
import { loadEvalPlaybooks } from "./lib/corpus.ts";
import { loadEvalSet } from "./lib/eval-set.ts";
import { signedSlashCommand } from "./lib/slash-command.ts";
import { median } from "./lib/stats.ts";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
/** The budget: p99 under this, with no errors. */
const BUDGET_P99_MS = 50;
const SECRET = "bench-signing-secret";

/** The slice of autocannon's API used here (the package ships no types). */
interface Request {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
interface Target {
  name: string;
  /** Whether the budget applies (the bare route is only a reference). */
  budget: boolean;
  /** Built again for every run: a Slack signature is only good for 5 minutes. */
  requests: () => Request[];
}
interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
  requests: Request[];
}) => Promise<Result>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/**
 * What the API and Slack routes are asked, in turn: the labelled questions of
 * `npm run eval` (paraphrases, typos, commands, out-of-scope ones) over the same three
 * playbooks, so the routes meet the mix of words and replies that users bring rather
 * than a handful of warm questions.
 */
const QUESTIONS = loadEvalSet()
  .map((x) => x.q)
  // /api/ask refuses an empty question with a 400, which would measure an error page.
  .filter((q) => q.trim() !== "");

async function main() {
  const fakeSlack = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
  fakeSlack.listen(0, "127.0.0.1");
  await once(fakeSlack, "listening");
  const apiUrl = `http://127.0.0.1:${(fakeSlack.address() as AddressInfo).port}/api/`;

  const bot = createBot(await loadEvalPlaybooks());
  const config = parseConfig({
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: "silent",
  });
  const metrics = createMetrics();
  const assistant = measuredAssistant(createAssistant(bot), metrics);
  const slack = slackSurface(
    { config, bot, assistant, logger: silentLogger },
    { retries: 0, identity: { botId: "BBENCH", botUserId: "UBENCH" } },
  );
  if (isOff(slack)) throw new Error(`bench: Slack surface is off: ${slack.off}`);
  const bare: Surface = {
    description: "bench route",
    mount(app) {
      app.get("/bench/bare", (_req, res) => {
        res.status(204).end();
      });
    },
  };
  const http = createHttpServer({
    bot,
    logger: silentLogger,
    metrics,
    surfaces: [bare, apiSurface({ assistant, logger: silentLogger }), slack],
  });
  const port = await http.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;

  const slashCommand = (text: string, path?: string): Request =>
    signedSlashCommand({ secret: SECRET, text, responseUrl: `${apiUrl}response`, path });

  const asked = (path: string): Request[] =>
    QUESTIONS.map((q) => ({ method: "GET", path: `${path}?q=${encodeURIComponent(q)}` }));

  const targets: Target[] = [
    {
      name: "bare GET /bench/bare (reference)",
      budget: false,
      requests: () => [{ method: "GET", path: "/bench/bare" }],
    },
    { name: "GET /api/ask", budget: true, requests: () => asked("/api/ask") },
    {
      name: "POST /slack/events (command)",
      budget: true,
      requests: () => QUESTIONS.map((q) => slashCommand(q)),
    },
  ];

  // Every request must succeed, or the figures measure error pages.
  for (const target of targets) {
    for (const r of target.requests()) {
      const res = await fetch(`${url}${r.path}`, {
        method: r.method,
        ...(r.headers ? { headers: r.headers } : {}),
        ...(r.body ? { body: r.body } : {}),
      });
      if (res.status >= 300) throw new Error(`bench: ${r.method} ${r.path} answered ${res.status}`);
      await res.arrayBuffer();
    }
  }

  process.stdout.write(
    `aifirst bench:http — ${CONNECTIONS} connections, ${ROUNDS} run${ROUNDS === 1 ? "" : "s"} of ${SECONDS} s per route (median shown), loopback, Node ${process.version}\n\n`,
  );
  // BENCH_ONLY=slack (a substring of the route name) measures one route, e.g. under a profiler.
  const only = process.env.BENCH_ONLY;
  const chosen = targets.filter((t) => !only || t.name.includes(only));
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const target of chosen) {
    const runs = await measure(url, target.requests);
    rows.push(row(target.name, runs));
    if (target.budget) verdicts.push(verdict(target.name, runs));
  }
  if (rows.length) {
    printTable(rows);
    process.stdout.write(`${verdicts.join("\n")}\n`);
  }

  // BENCH_ONLY=scale or BENCH_ONLY=recording measures that section alone.
  if (process.env.BENCH_SCALE !== "off" && (!only || only === "scale"))
    await scaleOut(apiUrl, asked("/api/ask"));
  if (!only || only === "recording") await recordingOnAndOff(apiUrl, asked("/api/ask"));

  await http.close();
  fakeSlack.close();
}

/** ROUNDS runs (after a warm-up) of `requests` against one URL. */
async function measure(url: string, requests: () => Request[]): Promise<Result[]> {
  // A short warm-up so the JIT and connection pools are not measured.
  await runAcross([url], requests(), 1);
  const runs: Result[] = [];
  for (let round = 0; round < ROUNDS; round++)
    runs.push(await runAcross([url], requests(), SECONDS));
  return runs;
}

/**
 * One run of `requests` against every URL at once, CONNECTIONS shared
 * between them; over several URLs: the worst p50 and p99, the summed rate
 * and errors.
 */
async function runAcross(urls: string[], requests: Request[], duration: number): Promise<Result> {
  const connections = Math.floor(CONNECTIONS / urls.length);
  const results = await Promise.all(
    urls.map((url) => autocannon({ url, connections, duration, workers: 1, requests })),
  );
  const sum = (pick: (r: Result) => number) => results.reduce((n, r) => n + pick(r), 0);
  return {
    requests: { average: sum((r) => r.requests.average), total: sum((r) => r.requests.total) },
    latency: {
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
    },
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
  };
}

function errorsOf(runs: Result[]): number {
  return runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
}

function row(name: string, runs: Result[]): string[] {
  return [
    name,
    median(runs.map((r) => r.requests.average)).toFixed(0),
    `${median(runs.map((r) => r.latency.p50))} ms`,
    `${median(runs.map((r) => r.latency.p99))} ms`,
    String(errorsOf(runs)),
  ];
}

function verdict(name: string, runs: Result[]): string {
  const p99 = median(runs.map((r) => r.latency.p99));
  const errors = errorsOf(runs);
  const ok = p99 < BUDGET_P99_MS && errors === 0;
  return `${ok ? "PASS" : "MISS"} ${name}: p99 ${p99} ms (budget < ${BUDGET_P99_MS} ms), ${errors} errors (budget 0)`;
}

function printTable(rows: string[][]): void {
  const header = ["route", "req/s", "p50", "p99", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(`${[line(header), ...rows.map(line)].join("\n")}\n\n`);
}

/**
 * `/api/ask` on real server processes sharing one Postgres, recording on:
 * one instance, then two. The content is the same three playbooks as above.
 */
async function scaleOut(slackApiUrl: string, requests: Request[]): Promise<void> {
  process.stdout.write(
    "\nScale-out: node dist/main.js serve, DATABASE_URL to one throwaway Postgres, GET /api/ask\n\n",
  );
  if (!postgresBinDir()) {
    process.stdout.write(
      "skipped: no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)\n",
    );
    return;
  }
  const contentDir = mkdtempSync(join(tmpdir(), "aifirst-bench-content-"));
  cpSync("content", contentDir, { recursive: true });
  cpSync("test/fixtures/playbooks", contentDir, { recursive: true });
  const postgres = await startPostgres();
  try {
    const databaseUrl = await postgres.createDatabase();
    const instances = await startInstances({
      count: 2,
      databaseUrl,
      slackApiUrl,
      // As production logs by default; BENCH_LOG_LEVEL=warn shows what the two lines per request cost.
      env: { CONTENT_DIR: contentDir, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info" },
    });
    try {
      const [a, b] = instances.all.map((i) => i.base) as [string, string];
      const pids = instances.all.map((i) => i.pid);
      // Interleaved, so a neighbour's load on the machine falls on both alike.
      await runAcross([a, b], requests, 1);
      const one: Result[] = [];
      const two: Result[] = [];
      const cpu = { one: [] as number[], two: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        let before = cpuMs(pids);
        one.push(await runAcross([a], requests, SECONDS));
        cpu.one.push(((cpuMs(pids) - before) * 1000) / (one.at(-1)?.requests.total ?? 1));
        before = cpuMs(pids);
        two.push(await runAcross([a, b], requests, SECONDS));
        cpu.two.push(((cpuMs(pids) - before) * 1000) / (two.at(-1)?.requests.total ?? 1));
      }
      printTable([
        row("1 instance, 50 connections", one),
        row("2 instances, 25 connections each", two),
      ]);
      // Steadier than latency on a shared machine: what a request costs the instances, in CPU.
      process.stdout.write(
        `instances' CPU per request (median): 1 instance ${median(cpu.one).toFixed(0)} µs, 2 instances ${median(cpu.two).toFixed(0)} µs\n`,
      );
      process.stdout.write(`${await recordingSummary([a, b], databaseUrl)}\n\n`);
      const rate = (runs: Result[]) => median(runs.map((r) => r.requests.average));
      const kept = rate(two) >= rate(one);
      process.stdout.write(
        [
          verdict("1 instance on Postgres", one),
          verdict("2 instances on one Postgres", two),
          `${kept ? "PASS" : "MISS"} 2 instances' throughput ${rate(two).toFixed(0)} req/s vs 1 instance's ${rate(one).toFixed(0)} req/s (budget: not below)`,
          "",
        ].join("\n"),
      );
    } finally {
      await instances.close();
    }
  } finally {
    await postgres.stop();
    rmSync(contentDir, { recursive: true, force: true });
  }
}

/**
 * One instance recording every question into the embedded store, one recording into a
 * throwaway Postgres (when its binaries are installed), and one with `DATA_DIR=off`, run
 * by run in turn: what recording costs a request (issue 17's budget: p99 under 50 ms,
 * throughput within 15% of recording off, in the same run).
 */
async function recordingOnAndOff(slackApiUrl: string, requests: Request[]): Promise<void> {
  process.stdout.write("\nRecording: node dist/main.js serve, GET /api/ask, 50 connections\n\n");
  const start = (env: Record<string, string>, databaseUrl = "") =>
    startInstances({
      count: 1,
      databaseUrl,
      slackApiUrl,
      env: { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info", ...env },
    });
  const postgres = postgresBinDir() ? await startPostgres() : undefined;
  const started: Instances[] = [];
  try {
    const variants: Array<{
      name: string;
      short: string;
      base: string;
      pid: number;
      recording: boolean;
    }> = [];
    const add = (name: string, short: string, recording: boolean, instances: Instances) => {
      started.push(instances);
      const { base, pid } = instances.at(0);
      variants.push({ name, short, recording, base, pid });
    };
    add("recording on (embedded SQLite store)", "SQLite", true, await start({}));
    if (postgres) {
      const databaseUrl = await postgres.createDatabase();
      add("recording on (Postgres)", "Postgres", true, await start({}, databaseUrl));
    }
    add("recording off (DATA_DIR=off)", "off", false, await start({ DATA_DIR: "off" }));
    const off = variants.at(-1) as (typeof variants)[number];

    await runAcross(
      variants.map((v) => v.base),
      requests,
      1,
    );
    const runs = new Map(variants.map((v) => [v, [] as Result[]]));
    const cpu = new Map(variants.map((v) => [v, [] as number[]]));
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, so a neighbour's load on the machine falls on every variant alike.
      for (const v of variants) {
        const before = cpuMs([v.pid]);
        const result = await runAcross([v.base], requests, SECONDS);
        runs.get(v)?.push(result);
        cpu.get(v)?.push(((cpuMs([v.pid]) - before) * 1000) / result.requests.total);
      }
    }
    printTable(variants.map((v) => row(v.name, runs.get(v) ?? [])));
    // Steadier than latency on a shared machine: what a request costs the server, in CPU.
    const perRequest = variants.map((v) => `${v.short} ${median(cpu.get(v) ?? []).toFixed(0)} µs`);
    process.stdout.write(`server CPU per request (median): ${perRequest.join(", ")}\n`);
    if (!postgres)
      process.stdout.write(
        "Postgres skipped: no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)\n",
      );
    process.stdout.write("\n");
    const rate = (v: (typeof variants)[number]) =>
      median((runs.get(v) ?? []).map((r) => r.requests.average));
    const verdicts: string[] = [];
    for (const v of variants.filter((x) => x.recording)) {
      const share = rate(v) / rate(off);
      verdicts.push(
        verdict(v.name, runs.get(v) ?? []),
        `${share >= 0.85 ? "PASS" : "MISS"} ${v.name} at ${(100 * share).toFixed(0)}% of recording off's throughput (budget: within 15%)`,
      );
    }
    process.stdout.write(`${verdicts.join("\n")}\n`);
  } finally {
    for (const instances of started) await instances.close();
    await postgres?.stop();
  }
}

/** User plus system CPU time the processes have used so far, in ms (Linux's /proc; 0 elsewhere). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  }
  // Linux counts in USER_HZ, 100 a second on every common build.
  return ticks * 10;
}

/** What the instances say of their store, and how many questions reached the database: recording was on. */
async function recordingSummary(urls: string[], databaseUrl: string): Promise<string> {
  const health = await Promise.all(
    urls.map(async (url) => {
      const body = (await (await fetch(`${url}/healthz`)).json()) as { store?: unknown };
      return String(body.store ?? "not reported");
    }),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client
      .query<{ n: string }>("SELECT count(*) AS n FROM question_event")
      .catch(() => ({ rows: [{ n: "no" }] }));
    return `store (/healthz): ${health.join(", ")}; ${rows[0]?.n ?? "no"} questions recorded in Postgres`;
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  // The servers are still listening: leave rather than wait on them.
  process.exit(1);
});
