/**
 * `npm run bench:start`: how long the server takes to start, and how much
 * memory it holds once it has served load, started the ways it can be:
 *
 *   - production: `npm start`'s own command (package.json "start", its node
 *     flags included) run without npm, as a container or a service unit runs
 *     it (docs/operations.md);
 *   - `npm start`: the same through npm;
 *   - `node --import tsx src/main.ts serve`: compiling TypeScript on every
 *     start, as the server started before it was built.
 *
 * Start time: from spawn to the first 200 from `/healthz`, median of
 * BENCH_STARTS runs (default 5). Slack (HTTP mode) and Teams (anonymous) are
 * on, with fake credentials; Slack's Web API is a loopback fake, so nothing
 * leaves the machine. Then one more server of each kind has its resident
 * memory (VmRSS, what `ps` shows) read 2 s after it is ready, takes 50 connections
 * of `/api/ask` and signed slash commands for BENCH_SECONDS (default 5), and
 * its resident memory is read again as soon as the load ends. Run
 * `npm run build` first.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signedSlashCommand } from "./lib/slash-command.ts";
import { median } from "./lib/stats.ts";

const STARTS = Math.max(1, Number(process.env.BENCH_STARTS ?? 5));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SECRET = "bench-start-signing-secret";
const TARGETS = { startSeconds: 1.0, rssMb: 150 };
/** How long a server that is ready stays idle before its first RSS reading. */
const IDLE_WAIT_MS = 2_000;

interface Way {
  name: string;
  command: string;
  args: string[];
  /** Whether the spawned process is the server itself (npm's is not: it runs the server as a child). */
  measureRss: boolean;
}
const WAYS: Way[] = [
  { name: `${productionCommand().join(" ")} (production)`, ...productionWay() },
  { name: "npm start", command: "npm", args: ["start", "--silent"], measureRss: false },
  {
    name: "node --import tsx src/main.ts (before)",
    command: process.execPath,
    args: ["--import", "tsx", "src/main.ts", "serve"],
    measureRss: true,
  },
];

/** package.json's "start" script as words, without its leading `exec`: `node <flags> <entry> serve`. */
function productionCommand(): string[] {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  if (words[0] === "exec") words.shift();
  if (words[0] !== "node")
    throw new Error(`bench: the start script does not run node: ${pkg.scripts.start}`);
  return words;
}

function productionWay(): Omit<Way, "name"> {
  const [, ...args] = productionCommand();
  return { command: process.execPath, args, measureRss: true };
}

/** The slice of autocannon's API used here (the package ships no types). */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
  requests: Array<{
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
  }>;
}) => Promise<{ non2xx: number; errors: number; latency: { p99: number } }>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

async function main() {
  if (!existsSync("dist/main.js"))
    throw new Error("bench: dist/main.js is missing: run npm run build");
  const fakeSlack = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json" });
    // auth.test's answer, and good enough for every other call.
    res.end('{"ok":true,"user_id":"UBENCH","bot_id":"BBENCH","team_id":"T0001"}');
  });
  fakeSlack.listen(0, "127.0.0.1");
  await once(fakeSlack, "listening");
  const apiUrl = `http://127.0.0.1:${(fakeSlack.address() as AddressInfo).port}/api/`;
  // The store is on, as in production, in a temp folder rather than the repository's ./data.
  const dataDir = mkdtempSync(join(tmpdir(), "aifirst-bench-start-"));
  process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    ...process.env,
    DATA_DIR: process.env.DATA_DIR ?? dataDir,
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    TEAMS_ANONYMOUS: "true",
    MicrosoftAppId: "",
  };

  process.stdout.write(
    `aifirst bench:start — spawn to the first 200 from /healthz, median of ${STARTS}, Slack and Teams on; RSS after ${SECONDS} s of load at 50 connections; Node ${process.version}\n\n`,
  );
  const times: number[][] = WAYS.map(() => []);
  // Taken in turn, so a machine that slows down for a while slows every way alike.
  for (let run = 0; run < STARTS; run++) {
    for (const [i, way] of WAYS.entries()) {
      const server = await start(way, env);
      (times[i] as number[]).push(server.seconds);
      await server.stop();
    }
  }
  const rows: string[][] = [];
  for (const [i, way] of WAYS.entries()) {
    const server = await start(way, env);
    // Teams' SDK loads in the background once the server listens: let it finish first.
    await new Promise((r) => setTimeout(r, IDLE_WAIT_MS));
    const idle = way.measureRss ? rssMb(server.pid) : undefined;
    const load = await applyLoad(server.port, apiUrl);
    const rss = way.measureRss ? rssMb(server.pid) : undefined;
    await server.stop();
    const sorted = [...(times[i] as number[])].sort((a, b) => a - b);
    rows.push([
      way.name,
      `${median(sorted).toFixed(2)} s`,
      `${(sorted[0] as number).toFixed(2)}–${(sorted.at(-1) as number).toFixed(2)} s`,
      idle === undefined ? "-" : `${idle.toFixed(0)} MB`,
      rss === undefined ? "-" : `${rss.toFixed(0)} MB`,
      `${load.p99} ms`,
      String(load.failed),
    ]);
  }
  const header = [
    "start",
    "median",
    "range",
    "RSS idle",
    "RSS after load",
    "p99 under load",
    "errors",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(`${[line(header), ...rows.map(line)].join("\n")}\n\n`);
  const production = rows[0] as string[];
  const seconds = median(times[0] as number[]);
  const rss = Number.parseFloat(production[4] ?? "");
  process.stdout.write(
    `${seconds <= TARGETS.startSeconds ? "PASS" : "MISS"} start ${seconds.toFixed(2)} s (target <= ${TARGETS.startSeconds.toFixed(1)} s)\n` +
      `${rss <= TARGETS.rssMb ? "PASS" : "MISS"} RSS after load ${production[4]} (target <= ${TARGETS.rssMb} MB)\n`,
  );
  fakeSlack.close();
}

interface Started {
  port: number;
  pid: number;
  seconds: number;
  stop(): Promise<void>;
}

/** Spawns `way` on a free port and polls `/healthz` until it answers 200. */
async function start(way: Way, env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(way.command, way.args, {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`bench: ${way.name} exited before it was healthy:\n${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    port,
    pid: child.pid as number,
    seconds,
    async stop() {
      if (exited) return;
      const gone = once(child, "exit");
      child.kill("SIGTERM");
      await gone;
    },
  };
}

/** `/api/ask` and signed slash commands, in turn, for SECONDS at 50 connections. */
async function applyLoad(port: number, apiUrl: string): Promise<{ p99: number; failed: number }> {
  const questions = [
    "how do we measure ai kpis",
    "step 3",
    "what is mlops",
    "steps",
    "who owns governance",
  ];
  const command = (text: string) =>
    signedSlashCommand({ secret: SECRET, text, responseUrl: `${apiUrl}response` });
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 50,
    duration: SECONDS,
    workers: 1,
    requests: questions.flatMap((q) => [
      { method: "GET", path: `/api/ask?q=${encodeURIComponent(q)}` },
      command(q),
    ]),
  });
  return { p99: result.latency.p99, failed: result.non2xx + result.errors };
}

/** Resident memory of `pid`, from Linux's /proc. */
function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
