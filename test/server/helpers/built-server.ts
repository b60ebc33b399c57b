/**
 * The production start as a separate process: `node [flags] dist/main.js serve`
 * on a free loopback port, its store off unless `env` says otherwise.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

export interface BuiltServer {
  base: string;
  /** What it has logged so far. */
  stderr(): string;
  /** Sends SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function spawnBuiltServer(
  options: { nodeFlags?: string[]; env?: Record<string, string> } = {},
): Promise<BuiltServer> {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), "dist/main.js", "serve"], {
    // DATA_DIR=off by default: the store is tested elsewhere, and never in ./data.
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_FORMAT: "json",
      DATA_DIR: "off",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const url = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (url?.[1]) resolve(url[1]);
    });
    exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return {
    base,
    stderr: () => stderr,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Every JavaScript file under `dir` (the build's output), as paths from here. */
export function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js"))
    .map((f) => join(dir, f));
}
