/**
 * The production start caps V8's heap; a library that fills much of the cap
 * gets a warning at start, before a content reload could run out of memory.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Starts the built server with these V8 flags; resolves with its log once it serves. */
async function startLog(flags: string[]): Promise<string> {
  const child = spawn(process.execPath, [...flags, "dist/main.js", "serve"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_FORMAT: "json", DATA_DIR: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        if (/Open http:\/\/127\.0\.0\.1:\d+\//.test(stdout)) resolve();
      });
      exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
  return stderr;
}

describe("heap headroom at start", () => {
  it("warns when the content leaves a reload too little room, and names the flag", async () => {
    // A small heap: the shipped content and the libraries already fill most of it.
    const log = await startLog(["--max-old-space-size=32", "--max-semi-space-size=1"]);
    expect(log).toMatch(
      /"level":"warn","msg":"the heap holds \d+ MB of its \d+ MB limit with the content built/,
    );
    expect(log).toContain("raise --max-old-space-size");
  });

  it("says nothing with the production start's heap and the shipped content", async () => {
    const flags = ["--max-old-space-size=256", "--max-semi-space-size=4"];
    expect(await startLog(flags)).not.toContain("the heap holds");
  });
});
