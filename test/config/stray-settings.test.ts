/**
 * A variable that is almost one of ours (RETENTON_DAYS=7) is named at start with the one
 * it likely meant, and start-up goes on; a shared environment's own variables are left alone.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { straySettings } from "../../src/stray-settings.ts";

const BIN = path.resolve("bin/aifirst.js");
const CONTENT = path.resolve("content");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "aifirst-stray-"));
  dirs.push(dir);
  return dir;
}

/** The real `aifirst` bin, started from `cwd` (where it reads `.env`). */
function aifirst(args: string[], env: Record<string, string>, cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input: "",
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("variables that are almost settings", () => {
  it("are each named with the setting they are one or two slips from", () => {
    expect(
      straySettings({
        RETENTON_DAYS: "7",
        POTR: "3001",
        LEARN_MIN_USER: "2",
        SLACK_TOKEN: "xoxb-1",
        MICROSOFT_APP_ID: "id",
        RETENTION_DAYS: "30",
      }),
    ).toEqual([
      "LEARN_MIN_USER is not a setting: did you mean LEARN_MIN_USERS?",
      "MICROSOFT_APP_ID is not a setting: did you mean MicrosoftAppId?",
      "POTR is not a setting: did you mean PORT?",
      "RETENTON_DAYS is not a setting: did you mean RETENTION_DAYS?",
      "SLACK_TOKEN is not a setting: did you mean SLACK_BOT_TOKEN or SLACK_APP_TOKEN?",
    ]);
  });

  it("leave a shared environment's own variables alone, and this test run's", () => {
    const theirs = {
      PATH: "/usr/bin",
      HOME: "/root",
      HOSTNAME: "web-1",
      NODE_OPTIONS: "--max-old-space-size=256",
      NODE_ENV: "production",
      CI: "true",
      NPM_TOKEN: "t",
      GITHUB_TOKEN: "t",
      API_KEY: "k",
      HTTP_PROXY: "http://proxy:3128",
      NO_PROXY: "localhost",
      DATABASE_USER: "app",
      PGHOST: "db",
      LANG: "C.UTF-8",
      TERM: "xterm",
      PWD: "/srv",
      USER: "aifirst",
      TZ: "UTC",
      KUBERNETES_SERVICE_PORT: "443",
      // Marathon and Mesos number the ports they hand out.
      PORT0: "31000",
      PORT1: "31001",
      PORTS: "31000,31001",
      TEAMS_BOT_DOMAIN: "faq-bot.example.com",
    };
    expect(straySettings(theirs)).toEqual([]);
  });

  it("are warned of by `aifirst ask` from .env, which answers all the same", () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, ".env"), "RETENTON_DAYS=7\nLEARN_MIN_USER=2\n");
    const { code, stdout, stderr } = aifirst(["ask", "step 3"], { CONTENT_DIR: CONTENT }, cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Step 3: /);
    expect(stderr).toBe(
      "aifirst: LEARN_MIN_USER is not a setting: did you mean LEARN_MIN_USERS?\n" +
        "aifirst: RETENTON_DAYS is not a setting: did you mean RETENTION_DAYS?\n",
    );
  });

  it("are warned of beside a bad value, which still stops start-up", () => {
    const { code, stderr } = aifirst(["check"], { RETENTON_DAYS: "7", LEARN: "always" });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^aifirst: RETENTON_DAYS is not a setting: did you mean RETENTION_DAYS\?\naifirst: invalid configuration:\n {2}LEARN: /,
    );
  });

  it("are logged as a warning by `aifirst serve`, which starts", async () => {
    const child = spawn(process.execPath, [BIN, "serve"], {
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: "off",
        LOG_FORMAT: "json",
        POTR: "3001",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        if (stdout.includes("Stop with Ctrl-C.")) resolve();
      });
      exited.then((code) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const warnings = stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
      .filter((line) => line.level === "warn");
    expect(warnings.map((line) => line.msg)).toContain("POTR is not a setting: did you mean PORT?");
  });
});
