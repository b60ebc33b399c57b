/**
 * `npm run bench:http`: how fast the one server answers, measured on loopback
 * with autocannon. Three routes of the same server in the same run, each of the
 * others' runs between two of the bare route's (see `main`):
 *
 *   - a bare route (204, no work): the ceiling for this machine and stack;
 *   - `GET /api/ask?q=...`: the engine behind the JSON API;
 *   - signed `POST /slack/events` slash commands: the signature check, body
 *     parsing, Bolt's dispatch, the engine and Block Kit rendering;
 *
 * and, with BENCH_REFERENCE=1, three for reference: the API's requests
 * answered with one constant API reply (HTTP alone, for `/api/ask`); and,
 * with the same signed commands, a POST answered with a constant Slack reply
 * (HTTP alone) and a Bolt app on the same receiver whose only middleware acks
 * that constant (HTTP, signature and Bolt).
 *
 * The Slack surface points at a fake Web API and knows its bot identity up
 * front, so no auth.test sits on the hot path. The load generator runs in a
 * worker thread so it does not share the server's event loop.
 */

import { createHmac } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import type { Express } from "express";
import { renderView } from "../src/adapters/slack/render.ts";
import { slackSurface } from "../src/adapters/slack/surface.ts";
import { createBot } from "../src/answer/bot.ts";
import { toJson } from "../src/answer/reply.ts";
import { createAssistant } from "../src/assistant.ts";
import { parseConfig } from "../src/config.ts";
import { silentLogger } from "../src/log.ts";
import { createHttpServer } from "../src/server/http.ts";
import { sendBody, sendJson } from "../src/server/send.ts";
import { isOff, type Surface } from "../src/server/surface.ts";
import { loadEvalPlaybooks } from "./lib/corpus.ts";
import { loadEvalSet } from "./lib/eval-set.ts";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 9));
/**
 * How far apart the bare route's runs on either side of another route's run may be, for
 * the machine to count as steady around it.
 */
const STEADY = 0.15;
/** Steady rounds needed for a verdict. */
const MIN_STEADY = 3;
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
  /** Built again for every run: a Slack signature is only good for 5 minutes. */
  requests: () => Request[];
}
interface Result {
  /** `total`: the responses counted in the `samples` seconds. */
  requests: { total: number };
  /**
   * Seconds in which responses were counted (`sampleInt` is 1 s). Autocannon counts
   * them second by second from the moment its connections are set up, and its own
   * requests/s is the mean of these counts. Its `duration` also holds that set-up, in
   * which nothing is sent: building every request of every connection, 0.12 s for 50
   * connections of the labelled questions (147 today), against next to nothing for the bare
   * route's one request. Over `duration`, the routes asked many questions were charged
   * 4% of their run for it.
   */
  samples: number;
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  /** Milliseconds between counts of responses. */
  sampleInt?: number;
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
  const slack = slackSurface(
    { config, bot, assistant: createAssistant(bot), logger: silentLogger },
    { retries: 0, identity: { botId: "BBENCH", botUserId: "UBENCH" } },
  );
  if (isOff(slack)) throw new Error(`bench: Slack surface is off: ${slack.off}`);
  // The bench's own routes, on the same app and middleware, never production's: one that
  // does nothing (the ceiling), and with BENCH_REFERENCE=1 three that show where the API's
  // and a slash command's time goes. Those are off by default: a second Bolt app shares
  // Bolt's code with the real one, and the JIT then serves both less well, which slows the
  // Slack route.
  const reference = process.env.BENCH_REFERENCE === "1";
  const constant = {
    response_type: "ephemeral",
    ...renderView(bot.ask(QUESTIONS[0] as string).view),
  };
  const constantApiReply = JSON.stringify(toJson(bot.reply(QUESTIONS[0] as string)));
  const bench: Surface = {
    description: "bench routes",
    mount(app) {
      app.get("/bench/bare", (_req, res) => {
        res.status(204).end();
      });
      if (!reference) return;
      // The API's questions, answered with one constant API reply: the HTTP cost of a
      // route that sends the contract's JSON, without the engine.
      app.get("/bench/get", (_req, res) => {
        sendBody(res, 200, constantApiReply);
      });
      // A POST whose body is read and dropped, answered with a Slack reply of the usual size.
      app.post("/bench/post", (req, res) => {
        req.resume();
        req.on("end", () => sendJson(res, 200, constant));
      });
      // Slack's signature check and Bolt's dispatch, with a listener that acks that reply.
      constantBolt(app, apiUrl, constant);
    },
  };
  const http = createHttpServer({ bot, logger: silentLogger, surfaces: [bench, slack] });
  const port = await http.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;

  const slashCommand = (text: string, path = "/slack/events"): Request => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = new URLSearchParams({
      token: "x",
      team_id: "T0001",
      channel_id: "C0001",
      user_id: "U0001",
      command: "/aifirst",
      text,
      response_url: `${apiUrl}response`,
      trigger_id: "1.2.3",
    }).toString();
    const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    return {
      method: "POST",
      path,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signature,
      },
      body,
    };
  };

  const asked = (path: string): Request[] =>
    QUESTIONS.map((q) => ({ method: "GET", path: `${path}?q=${encodeURIComponent(q)}` }));

  const targets: Target[] = [
    { name: "bare GET /bench/bare", requests: () => [{ method: "GET", path: "/bench/bare" }] },
    { name: "GET /api/ask", requests: () => asked("/api/ask") },
    {
      name: "POST /slack/events (command)",
      requests: () => QUESTIONS.map((q) => slashCommand(q)),
    },
  ];
  if (reference) {
    targets.push(
      { name: "  for reference: GET, constant API reply", requests: () => asked("/bench/get") },
      {
        name: "  for reference: POST, constant reply",
        requests: () => QUESTIONS.map((q) => slashCommand(q, "/bench/post")),
      },
      {
        name: "  for reference: Bolt, constant ack",
        requests: () => QUESTIONS.map((q) => slashCommand(q, "/bench/bolt")),
      },
    );
  }

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
    `aifirst bench:http — ${CONNECTIONS} connections, ${ROUNDS} round${ROUNDS === 1 ? "" : "s"} of ${SECONDS} s runs, each run of a route between two of the bare route, loopback, Node ${process.version}\n\n`,
  );
  // BENCH_ONLY=slack (a substring of the route name) measures one route, e.g. under a profiler.
  const only = process.env.BENCH_ONLY;
  const chosen = targets.filter((t) => !only || t.name.includes(only));
  for (const target of chosen) {
    // A short warm-up so the JIT and connection pools are not measured.
    await autocannon({
      url,
      connections: CONNECTIONS,
      duration: 1,
      workers: 1,
      requests: target.requests(),
    });
  }
  // On this shared machine the speed of everything drifts, at times by half, from one
  // few seconds to the next (the server thread's CPU time for one bare request went from
  // 45 to 85 µs between runs). So each run of a route sits between two runs of the bare
  // route, and its share is taken against their mean: bare, API, bare, Slack, bare, ...
  // (every other round in reverse order). When the two bare runs differ by more than
  // `STEADY`, the machine changed speed around that run, and its share says more about the
  // machine than about the route: the report keeps the median of the shares measured on a
  // steady machine, and says so when too few were.
  //
  // Every run is followed by a full collection, timed and charged to that run: each route
  // pays for the garbage it leaves behind, and the next starts on a clean heap. Otherwise
  // the garbage one route leaves in the old generation (Bolt's, mostly) is collected during
  // whichever route runs next, whose share then swings with the order of the round rather
  // than with its own cost: in one run without this, /api/ask measured 46% to 93% of the
  // bare route across rounds.
  if (!collectGarbage()) {
    process.stderr.write(
      "bench: run with node --expose-gc (as npm run bench:http does): no collection between runs\n",
    );
  }
  const runs: Measured[][] = chosen.map(() => []);
  const shares: Share[][] = chosen.map(() => []);
  const measure = async (i: number): Promise<Measured> => {
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      sampleInt: 1000,
      workers: 1,
      requests: (chosen[i] as Target).requests(),
    });
    const started = performance.now();
    collectGarbage();
    const collecting = (performance.now() - started) / 1000;
    const measured = { ...result, rps: result.requests.total / (result.samples + collecting) };
    (runs[i] as Measured[]).push(measured);
    return measured;
  };
  const bare = chosen.indexOf(targets[0] as Target);
  const others = chosen.map((_, i) => i).filter((i) => i !== bare);
  let before = bare === -1 ? undefined : await measure(bare);
  for (let round = 0; round < ROUNDS; round++) {
    if (others.length === 0 && bare !== -1 && round > 0) await measure(bare);
    for (const i of round % 2 === 1 ? [...others].reverse() : others) {
      const run = await measure(i);
      if (before === undefined) continue;
      const after = await measure(bare);
      const [low, high] = [Math.min(before.rps, after.rps), Math.max(before.rps, after.rps)];
      (shares[i] as Share[]).push({
        share: run.rps / ((before.rps + after.rps) / 2),
        steady: high <= low * (1 + STEADY),
      });
      before = after;
    }
  }
  const summaries = chosen.map((_, i) => summarize(runs[i] as Measured[], shares[i] as Share[]));

  const rows = chosen.map((t, i) => {
    const s = summaries[i] as Summary;
    return [
      t.name,
      s.rps.toFixed(0),
      `${s.p50} ms`,
      `${s.p99} ms`,
      i === bare ? "100%" : s.share === undefined ? "-" : describeShare(s.share),
      String(s.failed),
    ];
  });
  const header = ["route", "req/s", "p50", "p99", "vs bare (range, steady rounds)", "failed"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(`${[line(header), ...rows.map(line)].join("\n")}\n\n`);
  if (bare !== -1) {
    const bareRuns = (runs[bare] as Measured[]).map((r) => r.rps);
    process.stdout.write(
      `The bare route did ${Math.min(...bareRuns).toFixed(0)} to ${Math.max(...bareRuns).toFixed(0)} requests/s across its runs.\n\n`,
    );
  }

  const verdict = (name: string, s: Summary | undefined, share: number, p99: number) => {
    if (!s?.share) return;
    // A failed request is an error page, which is cheap: it must never help a route pass.
    const ok = s.share.median >= share && s.p99 < p99 && s.failed === 0;
    const failed = s.failed ? `, ${s.failed} failed requests` : "";
    // Too few steady rounds: the figure is the machine's as much as the route's. Failed
    // requests are the route's whatever the machine did.
    const sure = s.share.steady >= MIN_STEADY || s.failed > 0;
    const unsure = sure
      ? ""
      : ` — ${s.share.steady} of ${s.share.of} rounds met a steady machine, ${MIN_STEADY} are needed: run again when it is quieter`;
    process.stdout.write(
      // One decimal here: a share just under the target must not print as the target itself.
      `${sure ? (ok ? "PASS" : "MISS") : "UNSURE"} ${name}: ${pct(s.share.median, 1)} of bare (target ≥ ${pct(share)}), p99 ${s.p99} ms (target < ${p99} ms)${failed}${unsure}\n`,
    );
  };
  if (bare === -1) {
    process.stdout.write(
      "No verdicts: the bare route was not measured (BENCH_ONLY leaves it out), so there is no share.\n",
    );
  }
  verdict("/api/ask", summaries[chosen.indexOf(targets[1] as Target)], 0.6, 25);
  // Slack's budget is its p99 alone (issue 16 withdrew the ratio targets).
  verdict("Slack command", summaries[chosen.indexOf(targets[2] as Target)], 0, 50);

  await http.close();
  fakeSlack.close();
}

/** A run's result, with its requests/s over the run and the collection after it. */
interface Measured extends Result {
  rps: number;
}

/** A full collection, when node runs with --expose-gc; whether it could. */
function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}

/** A Bolt app on Bolt's ExpressReceiver at /bench/bolt whose only middleware acks `reply`. */
function constantBolt(server: Express, apiUrl: string, reply: object): void {
  const receiver = new ExpressReceiver({
    signingSecret: SECRET,
    endpoints: "/bench/bolt",
    app: server,
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: "xoxb-bench", botId: "BBENCH", botUserId: "UBENCH" }),
    clientOptions: { slackApiUrl: apiUrl },
    convoStore: false,
    logLevel: LogLevel.ERROR,
  });
  app.use(async ({ ack }) => {
    await (ack as (body: unknown) => Promise<void>)(reply);
  });
}

/** A route's run beside the bare route's runs before and after it. */
interface Share {
  /** Its requests/s over the mean of theirs. */
  share: number;
  /** Theirs were within `STEADY` of each other. */
  steady: boolean;
}

interface Summary {
  rps: number;
  p50: number;
  p99: number;
  /** Undefined for the bare route itself, or when it was not measured. */
  share?: {
    /** Over the rounds that met a steady machine; over all of them when too few did. */
    median: number;
    min: number;
    max: number;
    steady: number;
    of: number;
  };
  failed: number;
}

/** A route's runs: medians of throughput and latencies, and of its share of the bare route. */
function summarize(runs: Measured[], shares: Share[]): Summary {
  const steady = shares.filter((s) => s.steady);
  const kept = (steady.length >= MIN_STEADY ? steady : shares).map((s) => s.share);
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.latency.p50)),
    p99: median(runs.map((r) => r.latency.p99)),
    ...(kept.length > 0 && {
      share: {
        median: median(kept),
        min: Math.min(...kept),
        max: Math.max(...kept),
        steady: steady.length,
        of: shares.length,
      },
    }),
    failed: runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
  };
}

/** "64% (58–69%, 6 of 7 steady)". */
function describeShare(share: NonNullable<Summary["share"]>): string {
  const range = share.of > 1 ? `${pct(share.min)}–${pct(share.max)}, ` : "";
  return `${pct(share.median)} (${range}${share.steady} of ${share.of} steady)`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new Error("bench: no results");
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function pct(share: number, decimals = 0): string {
  return `${(share * 100).toFixed(decimals)}%`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  // The servers are still listening: leave rather than wait on them.
  process.exit(1);
});
