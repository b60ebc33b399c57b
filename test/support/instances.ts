/**
 * Several real server processes sharing one database, as a scale-out deploy
 * runs them: `node dist/main.js serve` (the production start; `npm test`
 * builds dist first), each on its own loopback port and data dir, Slack in
 * HTTP mode against a fake Web API, Teams off, content watching off. Tests
 * talk to them with plain fetch and may kill one; teardown kills the rest.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = join(ROOT, "dist", "main.js");
/** Lines kept per instance: a bench writes two log lines per request. */
const MAX_KEPT_LINES = 10_000;

/** The Slack credentials every instance shares, as one Slack app behind a load balancer. */
export const INSTANCE_SLACK = {
  botToken: "xoxb-scale-test-token",
  signingSecret: "scale-out-signing-secret-0123456789",
};

export interface Instance {
  /** "a", "b", "c", ... in start order. */
  readonly name: string;
  readonly base: string;
  readonly pid: number;
  /** The lines the process wrote to stderr (JSON log lines) and stdout (the banner), the first 10,000. */
  readonly output: string[];
  /** Parsed JSON log lines whose `msg` equals `msg`. */
  logs(msg: string): Array<Record<string, unknown>>;
  /** Sends `signal` and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  readonly exited: boolean;
}

export interface InstancesOptions {
  count: number;
  /** One database for all of them. */
  databaseUrl: string;
  /** The fake Slack Web API's base URL (`http://127.0.0.1:<port>/api/`). */
  slackApiUrl: string;
  /** More environment for every instance (LEARN, INSIGHTS_TOKEN, ...). */
  env?: Record<string, string>;
  /** How long each may take to answer /healthz; default 20 s. */
  startTimeoutMs?: number;
}

export interface Instances {
  readonly all: Instance[];
  at(index: number): Instance;
  /** Kills every instance still running and removes their data dirs. */
  close(): Promise<void>;
}

/** Starts `count` instances at once and resolves when every one answers /healthz with 200. */
export async function startInstances(options: InstancesOptions): Promise<Instances> {
  if (!existsSync(ENTRY)) {
    throw new Error(`no ${ENTRY}: run \`npm run build\` first (npm test builds it)`);
  }
  const dirs: string[] = [];
  const started: Instance[] = [];
  const children: ChildProcess[] = [];
  const close = async () => {
    await Promise.all(started.map((i) => i.kill("SIGKILL")));
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const names = Array.from({ length: options.count }, (_, i) => String.fromCharCode(97 + i));
    await Promise.all(
      names.map(async (name) => {
        const dataDir = mkdtempSync(join(tmpdir(), `aifirst-instance-${name}-`));
        dirs.push(dataDir);
        const instance = await startOne(name, dataDir, options, children);
        started.push(instance);
      }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  started.sort((x, y) => x.name.localeCompare(y.name));
  return {
    all: started,
    at(index) {
      const found = started[index];
      if (!found) throw new Error(`instances: no instance ${index}`);
      return found;
    },
    close,
  };
}

async function startOne(
  name: string,
  dataDir: string,
  options: InstancesOptions,
  children: ChildProcess[],
): Promise<Instance> {
  const child = spawn(process.execPath, [ENTRY, "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      // The port is chosen by the OS and read back from the start-up banner: no race.
      PORT: "0",
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      CONTENT_DIR: join(ROOT, "content"),
      CONTENT_WATCH: "false",
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl,
      SLACK_BOT_TOKEN: INSTANCE_SLACK.botToken,
      SLACK_SIGNING_SECRET: INSTANCE_SLACK.signingSecret,
      SLACK_API_URL: options.slackApiUrl,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const output: string[] = [];
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let port: number | undefined;
  const onLine = (line: string) => {
    if (output.length < MAX_KEPT_LINES) output.push(line);
    // The banner names the URL whatever LOG_LEVEL says.
    const listening = port === undefined ? /JSON API: http:\/\/[^:]+:(\d+)\//.exec(line) : null;
    if (listening) port = Number(listening[1]);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
  }

  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  let healthy = false;
  while (!healthy) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`instance ${name} exited while starting:\n${output.join("\n")}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`instance ${name} did not answer /healthz in time:\n${output.join("\n")}`);
    }
    if (port !== undefined) {
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        async (res) => {
          await res.arrayBuffer();
          return res.status === 200;
        },
        () => false,
      );
    }
    if (!healthy) await new Promise((r) => setTimeout(r, 50));
  }

  const pid = child.pid ?? -1;
  return {
    name,
    base: `http://127.0.0.1:${port}`,
    pid,
    output,
    logs(msg) {
      return output
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === msg);
    },
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    async kill(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exit;
    },
  };
}
