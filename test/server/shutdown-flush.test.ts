/**
 * SIGTERM loses nothing: questions answered just before the signal are in the
 * store once the process has exited.
 */
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { openStore } from "../../src/store/index.ts";
import { tempDataDir } from "./helpers/real-server.ts";

const data = await tempDataDir();
afterAll(() => data.remove());

describe("`aifirst serve` stopped by SIGTERM", () => {
  it("writes every question answered before it to the store", async () => {
    const child = spawn(process.execPath, ["bin/aifirst.js", "serve"], {
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_FORMAT: "json",
        DATA_DIR: data.dir,
        CONTENT_WATCH: "false",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let stdout = "";
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const url = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
        if (url?.[1]) resolve(url[1]);
      });
      exited.then((code) => reject(new Error(`exited ${code} before listening`)));
    });
    const asked = 20;
    for (let i = 0; i < asked; i++) {
      const res = await fetch(`${base}/api/ask?q=${encodeURIComponent(`question number ${i}`)}`);
      expect(res.status).toBe(200);
    }
    // At once: the store writes its queue every 250 ms, so some of these are still in memory.
    child.kill("SIGTERM");
    expect(await exited).toBe(0);

    const store = await openStore({
      dataDir: data.dir,
      logger: silentLogger,
      recordQuestions: true,
      retentionDays: 90,
      learnMinUsers: 3,
    });
    try {
      const insights = await store.insights({ from: new Date(0), to: new Date(Date.now() + 1000) });
      expect(insights.asked).toBe(asked);
    } finally {
      await store.close();
    }
  });
});
