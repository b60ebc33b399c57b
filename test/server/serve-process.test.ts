import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveUntilExit } from "../support/serve-exit.ts";
import { copyOfContent, eventually, tempDataDir } from "./helpers/real-server.ts";

const dataDirs: Array<{ remove(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(dataDirs.map((d) => d.remove()));
});

/** Runs the real `aifirst serve` on a free port, its store in a temp folder; resolves once its banner names the URL. */
async function serve(env: Record<string, string> = {}) {
  const data = await tempDataDir();
  dataDirs.push(data);
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ["bin/aifirst.js", "serve"],
    {
      env: { ...process.env, PORT: "0", LOG_FORMAT: "json", DATA_DIR: data.dir, ...env },
    },
  );
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const url = /Open (http:\/\/localhost:\d+)\//.exec(stdout);
      if (url?.[1]) resolve(url[1]);
    });
    exited.then((code) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
  });
  return { child, base, exited, stdout: () => stdout, stderr: () => stderr };
}

describe("`aifirst serve` as a process", () => {
  it("stops at once on a content folder that is not there, naming it, and makes no store", async () => {
    const data = await tempDataDir();
    dataDirs.push(data);
    const child = spawn(process.execPath, [join(process.cwd(), "bin/aifirst.js"), "serve"], {
      // Started from elsewhere, with the default (relative) CONTENT_DIR.
      cwd: data.dir,
      env: { ...process.env, PORT: "0", DATA_DIR: join(data.dir, "store"), CONTENT_DIR: "" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${join(data.dir, "content")}:0: cannot read content: folder not found`,
    );
    expect(existsSync(join(data.dir, "store"))).toBe(false);
  });

  it("stops at once on a DATABASE_URL that is no URL, naming it, exit 2, without its password", async () => {
    const { code, stderr } = await serveUntilExit({
      PORT: "0",
      DATABASE_URL: "postgres://app:hunter2@127.0.0.1:notaport/aifirst",
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      "aifirst: invalid configuration:\n  DATABASE_URL: not a valid URL: write it as postgres://user:password@host:5432/database, the port a number from 1 to 65535, and @ : / # ? in the password percent-encoded\n",
    );
  });

  it("says first that DATA_DIR cannot hold the store, and answers anyway", async () => {
    const data = await tempDataDir();
    dataDirs.push(data);
    const file = join(data.dir, "a-file");
    await writeFile(file, "not a folder");
    const server = await serve({ DATA_DIR: file });
    expect(server.stdout()).toContain("(unreachable now: answering anyway, retrying)");
    expect((await fetch(`${server.base}/api/ask?q=step%203`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(JSON.parse(server.stderr().split("\n")[0] ?? "")).toMatchObject({
      level: "warn",
      msg: `store: cannot open the store in DATA_DIR=${file}: it is a file, not a folder (retrying)`,
    });
  });

  it("says which surfaces are on and off, serves, and exits 0 on SIGTERM", async () => {
    const server = await serve();
    expect(server.stdout()).toMatch(/1 playbook, 7 steps, 10 FAQs/);
    expect(server.stdout()).toMatch(/Playground: on/);
    const health = await fetch(`${server.base}/healthz`);
    expect(await health.json()).toEqual({
      status: "ok",
      playbooks: 1,
      faqs: 10,
      steps: 7,
      content: {
        version: expect.stringMatching(/^[0-9a-f]{16}$/),
        loadedAt: expect.any(String),
        problems: [],
      },
      store: "ok",
    });

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    const lines = server
      .stderr()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(["listening", "request", "shutting down", "stopped"]),
    );
  });

  it("exits 0 on SIGINT too", async () => {
    const server = await serve();
    server.child.kill("SIGINT");
    expect(await server.exited).toBe(0);
  });

  it("reloads its content on SIGHUP, and keeps serving", async () => {
    const content = await copyOfContent();
    try {
      const server = await serve({ CONTENT_DIR: content.dir, CONTENT_WATCH: "false" });
      const faqs = async () => (await (await fetch(`${server.base}/healthz`)).json()).faqs;
      expect(await faqs()).toBe(10);
      await appendFile(
        join(content.dir, "building-an-ai-first-engineering-organization.md"),
        "\n### How do we onboard a zebra handler?\n\nWith a striped badge.\n",
      );
      server.child.kill("SIGHUP");
      await eventually(async () => (await faqs()) === 11);
      const res = await fetch(`${server.base}/api/ask?q=onboard%20a%20zebra%20handler`);
      expect((await res.json()).faq.question).toBe("How do we onboard a zebra handler?");
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      expect(server.stderr()).toMatch(/"msg":"content reloaded","reason":"SIGHUP"/);
    } finally {
      await content.remove();
    }
  });

  it("says so on SIGHUP when the content is unchanged, as `systemctl reload` needs, and still refuses invalid content each time", async () => {
    const content = await copyOfContent();
    try {
      const server = await serve({ CONTENT_DIR: content.dir, CONTENT_WATCH: "false" });
      const lines = () =>
        server
          .stderr()
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l));
      server.child.kill("SIGHUP");
      await eventually(async () => lines().some((l) => l.msg === "content unchanged"));
      expect(lines().find((l) => l.msg === "content unchanged")).toMatchObject({
        level: "info",
        reason: "SIGHUP",
      });

      await appendFile(
        join(content.dir, "building-an-ai-first-engineering-organization.md"),
        "\n## Step 99: Out of order\n",
      );
      const refusals = () =>
        lines().filter(
          (l) => l.msg === "content reload refused: the previous content keeps answering",
        );
      server.child.kill("SIGHUP");
      await eventually(async () => refusals().length === 1);
      server.child.kill("SIGHUP");
      await eventually(async () => refusals().length === 2);
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    } finally {
      await content.remove();
    }
  });
});
