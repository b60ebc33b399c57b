/**
 * The real server as `aifirst serve` builds it (startServer: every surface the
 * configuration turns on, metrics, live content), in this process on a free
 * loopback port, with its log lines and start-up banner captured.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { parseConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/log.ts";
import { type Running, startServer } from "../../../src/server/start.ts";
import { type FakeSlack, startFakeSlack } from "../../adapters/slack/helpers/fake-slack.ts";
import { BOT_TOKEN, SECRET } from "../../adapters/slack/helpers/harness.ts";

export interface RealServer {
  base: string;
  running: Running;
  banner: string;
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * Starts the server with `env` over the defaults; its store lives in a fresh
 * temp folder (removed on close) unless `env` names DATA_DIR or DATABASE_URL.
 */
export async function startRealServer(env: Record<string, string> = {}): Promise<RealServer> {
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: "debug",
    format: "json",
    write: (line) => logs.push(JSON.parse(line)),
  });
  let banner = "";
  const data = await tempDataDir();
  const config = parseConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: data.dir, ...env });
  let running: Running;
  try {
    running = await startServer(config, logger, {
      handleSignals: false,
      print: (text) => {
        banner += text;
      },
    });
  } catch (error) {
    await data.remove();
    throw error;
  }
  const host = config.host === "0.0.0.0" ? "127.0.0.1" : (config.host ?? "127.0.0.1");
  return {
    base: `http://${host}:${running.port}`,
    running,
    banner,
    logs,
    close: async () => {
      await running.close();
      await data.remove();
    },
  };
}

/** A fresh folder for a store, so no test writes into the repository's ./data. */
export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "aifirst-data-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A copy of the seed content in a fresh folder, for tests that edit it. */
export async function copyOfContent(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "aifirst-content-"));
  await cp("content", dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Polls `check` every 50 ms until it returns true, or fails after `ms`. */
export async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not true within ${ms} ms`);
}

/**
 * The real server with Slack on over HTTP, against a fake Slack Web API that records what
 * the bot sent; both are closed when the test finishes.
 */
export async function startSlackServer(
  env: Record<string, string> = {},
): Promise<{ server: RealServer; fake: FakeSlack }> {
  const fake = await startFakeSlack();
  onTestFinished(() => fake.close());
  const server = await startRealServer({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  onTestFinished(() => server.close());
  return { server, fake };
}
