/**
 * `aifirst insights`, `insights alternates`, `insights --export csv` and
 * `forget`, run through the real bin against a store in a temp DATA_DIR
 * holding questions recorded the way the server records them.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPeriod } from "../../../src/adapters/insights/range.ts";
import { createAssistant } from "../../../src/assistant.ts";
import { parseConfig } from "../../../src/config.ts";
import { loadBot } from "../../../src/load-bot.ts";
import { silentLogger } from "../../../src/log.ts";
import { openStore } from "../../../src/store/index.ts";
import { storeRecorder } from "../../../src/store-recorder.ts";
import { CONTRACT_INSIGHTS_KEYS } from "../../support/contract.ts";
import { freePort, postgresSkipReason, startPostgres } from "../../support/postgres.ts";

const FAQ = "How can AI engineering KPIs be effectively measured?";
let dataDir: string;

function aifirst(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["bin/aifirst.js", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: dataDir, ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "aifirst-cli-data-"));
  const store = await openStore({
    dataDir,
    logger: silentLogger,
    recordQuestions: true,
    retentionDays: 90,
    learnMinUsers: 2,
  });
  const bot = await loadBot(parseConfig({ CONTENT_DIR: "content" }));
  const assistant = createAssistant(
    bot,
    storeRecorder({ store, bot: () => bot, recordQuestions: true, logger: silentLogger }),
  );
  const sure = assistant.ask("how do we measure ai kpis?", { surface: "slack", user: "U01ALICE" });
  await assistant.feedback(
    { id: sure.reply.id, helpful: true },
    { surface: "slack", user: "U01ALICE" },
  );
  for (const user of ["U01ALICE", "U02BOB", "U03CAROL"]) {
    const asker = { surface: "teams" as const, user };
    const { reply } = assistant.ask("what is a kpi scorecard", asker);
    await assistant.feedback({ id: reply.id, chose: FAQ }, asker);
  }
  assistant.ask("what's for lunch", { surface: "api", user: "127.0.0.1" });
  await store.close();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe("aifirst insights", () => {
  it("counts --days N as /insights.json counts ?days=N: UTC days, today included", () => {
    const { code, stdout } = aifirst(["insights", "--json", "--days", "1"]);
    expect(code).toBe(0);
    const { from, to } = JSON.parse(stdout);
    // Judged at the CLI's own moment, so a run across midnight UTC cannot fail it.
    const check = checkPeriod({ days: "1" }, new Date(to));
    expect(check.ok && check.period.from.toISOString()).toBe(from);
    expect(from).toMatch(/T00:00:00\.000Z$/);
  });

  it("prints the figures of /insights.json with --json", () => {
    const { code, stdout, stderr } = aifirst(["insights", "--json", "--days", "7"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(CONTRACT_INSIGHTS_KEYS);
    expect(json).toMatchObject({ asked: 5, sure: 1, not_sure: 4, helpful: 1, not_helpful: 0 });
    expect(json.unanswered).toEqual([
      { question: "what is a kpi scorecard", count: 3 },
      { question: "what's for lunch", count: 1 },
    ]);
    expect(json.alternates).toEqual([
      {
        playbook: "building-an-ai-first-engineering-organization",
        faq: FAQ,
        question: "what is a kpi scorecard",
        users: 3,
        applied: true,
      },
    ]);
    // Seven UTC days, today included: from midnight six days before today's.
    const span = Date.parse(json.to) - Date.parse(json.from);
    expect(json.from).toMatch(/T00:00:00\.000Z$/);
    expect(span).toBeGreaterThanOrEqual(6 * 86_400_000);
    expect(span).toBeLessThan(7 * 86_400_000);
  });

  it("prints them readably without --json", () => {
    const { code, stdout } = aifirst(["insights"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/asked\s+5/);
    expect(stdout).toMatch(/not sure\s+4 \(80%\)/);
    expect(stdout).toContain("Feedback: 1 helpful, 0 not helpful");
    expect(stdout).toMatch(/3\s+what is a kpi scorecard/);
  });

  it("prints confirmed alternates as a snippet to paste under the FAQ", () => {
    const { code, stdout } = aifirst(["insights", "alternates"], { LEARN_MIN_USERS: "2" });
    expect(code).toBe(0);
    expect(stdout).toContain(`### ${FAQ}\n\nAlso asked: what is a kpi scorecard\n`);
  });

  it("asks for no line the content already has, however it is written", async () => {
    const content = await mkdtemp(join(tmpdir(), "aifirst-cli-content-"));
    const seed = "building-an-ai-first-engineering-organization.md";
    const text = readFileSync(join("content", seed), "utf8").replace(
      `### ${FAQ}\nAlso asked: `,
      `### ${FAQ}\nAlso asked: What is a KPI scorecard? | `,
    );
    expect(text).toContain("What is a KPI scorecard?");
    writeFileSync(join(content, seed), text);
    try {
      const env = { LEARN_MIN_USERS: "2", CONTENT_DIR: content };
      const pasted = aifirst(["insights", "alternates"], env);
      expect(pasted.code).toBe(0);
      expect(pasted.stdout).toBe("");
      expect(pasted.stderr).toContain("every confirmed alternate is in the content already");
      const summary = aifirst(["insights"], env).stdout;
      expect(summary).toContain('[in content] "what is a kpi scorecard"');
      expect(summary).toContain("Every confirmed one is in the content already.");
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });

  it("lists no alternates with LEARN=off", () => {
    const json = JSON.parse(aifirst(["insights", "--json"], { LEARN: "off" }).stdout);
    expect(json.alternates).toEqual([]);
    const { code, stdout, stderr } = aifirst(["insights", "alternates"], { LEARN: "off" });
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain("LEARN=off");
  });

  it("exports every event as CSV", () => {
    const { code, stdout } = aifirst(["insights", "--export", "csv"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^id,at,surface,user_hash,question,/);
    expect(lines).toHaveLength(6);
    expect(stdout).not.toContain("U01ALICE");
  });

  it("rejects bad options with a clear line", () => {
    const { code, stderr } = aifirst(["insights", "--days", "zero"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--days takes a whole number of days, from 1 to 365 (got zero)");
    // No more than the server's ?days allows: a year.
    expect(aifirst(["insights", "--days", "200000000"]).stderr).toContain("from 1 to 365");
  });
});

describe("aifirst ask with what was learned", () => {
  const ask = (env: Record<string, string>) => {
    const result = spawnSync(process.execPath, ["bin/aifirst.js", "ask", "--json"], {
      encoding: "utf8",
      input: "what is a kpi scorecard\n",
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATA_DIR: dataDir,
        ...env,
      },
      timeout: 30_000,
    });
    return { code: result.status, reply: JSON.parse(result.stdout), stderr: result.stderr };
  };

  it("answers a confirmed alternate as the server does with LEARN=auto, and not otherwise", () => {
    const auto = ask({ LEARN: "auto" });
    expect(auto.code).toBe(0);
    expect(auto.stderr).toBe("");
    expect(auto.reply).toMatchObject({ kind: "faq", faq: { question: FAQ } });
    expect(ask({ LEARN: "suggest" }).reply.kind).toBe("fallback");
  });

  it("reads the store without changing it: no file written, nothing purged or migrated", () => {
    // The shared-memory index (-shm) is a reader's too: what is kept is the file and its log.
    const files = () =>
      readdirSync(dataDir)
        .filter((f) => !f.endsWith("-shm"))
        .sort()
        .map((f) => {
          const { size, mtimeMs } = statSync(join(dataDir, f));
          return { f, size, mtimeMs };
        });
    const before = files();
    expect(ask({ LEARN: "auto", RETENTION_DAYS: "1" }).reply.kind).toBe("faq");
    expect(files()).toEqual(before);
  });

  it("migrates nothing: a store an older version made is read by the server first", async () => {
    const older = await mkdtemp(join(tmpdir(), "aifirst-cli-older-"));
    try {
      // A database with none of this version's tables, as an older version would leave one.
      new Database(join(older, "aifirst.sqlite")).close();
      const before = statSync(join(older, "aifirst.sqlite")).size;
      const { code, reply, stderr } = ask({ LEARN: "auto", DATA_DIR: older });
      expect(code).toBe(0);
      expect(reply.kind).toBe("fallback");
      expect(stderr).toContain("made by an older version; start the server once to update it");
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(statSync(join(older, "aifirst.sqlite")).size).toBe(before);
    } finally {
      await rm(older, { recursive: true, force: true });
    }
  });

  it("answers without them, and says so in one line, when the store cannot be read", async () => {
    const port = await freePort();
    const down = ask({ LEARN: "auto", DATABASE_URL: `postgres://app@127.0.0.1:${port}/none` });
    expect(down.code).toBe(0);
    expect(down.reply.kind).toBe("fallback");
    expect(down.stderr.trim().split("\n")).toHaveLength(1);
    expect(down.stderr).toContain("answering without learned alternates");
  });
});

describe("aifirst forget", () => {
  it("deletes one person's rows and says how many", () => {
    const { code, stdout } = aifirst(["forget", "U02BOB"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Deleted [1-9]\d* rows about U02BOB\.\n$/);
    const json = JSON.parse(aifirst(["insights", "--json"]).stdout);
    expect(json.asked).toBe(4);
    expect(json.alternates[0].users).toBe(2);
    expect(aifirst(["forget", "U02BOB"]).stdout).toBe("Deleted 0 rows about U02BOB.\n");
  });

  it("takes the IP address a web user asked from, as the docs say", () => {
    // "what's for lunch" was asked over /api/ask from 127.0.0.1.
    expect(aifirst(["forget", "127.0.0.1"]).stdout).toBe("Deleted 1 row about 127.0.0.1.\n");
    expect(JSON.parse(aifirst(["insights", "--json"]).stdout).asked).toBe(3);
    const usage = aifirst(["forget"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("or the IP address a web user asked from");
  });
});

describe("a store the CLI cannot open", () => {
  it("says so in one line and exits 1: no store yet", async () => {
    const empty = await mkdtemp(join(tmpdir(), "aifirst-cli-empty-"));
    try {
      const { code, stderr } = aifirst(["insights"], { DATA_DIR: empty });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^aifirst: no store yet at /);
      expect(stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("says so in one line and exits 1: Postgres unreachable", async () => {
    const port = await freePort();
    const { code, stderr } = aifirst(["forget", "U1"], {
      DATABASE_URL: `postgres://app:pw@127.0.0.1:${port}/aifirst`,
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `aifirst: cannot open the store (Postgres at 127.0.0.1:${port}/aifirst): connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  });

  it.skipIf(postgresSkipReason() !== undefined)(
    "says why in that line: a database that does not exist",
    async () => {
      const cluster = await startPostgres();
      try {
        const { code, stderr } = aifirst(["forget", "U1"], {
          DATABASE_URL: cluster.url("nosuchdb"),
        });
        // A name holding escape sequences is quoted back by Postgres: shown, never run.
        const hostile = aifirst(["forget", "U1"], {
          DATABASE_URL: cluster.url("x%1B%5D0%3Bpwned%07%1B%5B2J"),
        });
        expect(hostile.code).toBe(1);
        expect(hostile.stderr).toContain("does not exist");
        expect(hostile.stderr).not.toMatch(/\p{Cc}(?<!\n)/u);
        expect(code).toBe(1);
        expect(stderr).toMatch(
          /^aifirst: cannot open the store \(Postgres at .*\/nosuchdb\): .*"nosuchdb" does not exist\n$/,
        );
      } finally {
        await cluster.stop();
      }
    },
  );

  it("lists the store commands in --help", () => {
    const { stdout } = aifirst(["--help"]);
    for (const c of [
      "aifirst insights [--days N] [--json]",
      "aifirst insights alternates",
      "--export csv",
      "aifirst forget <user id>",
    ])
      expect(stdout).toContain(c);
  });
});
