/**
 * `aifirst serve` run as an operator runs it, for a start-up that is meant to fail: its exit
 * code and what it printed on stderr.
 */
import { spawn } from "node:child_process";

export async function serveUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["bin/aifirst.js", "serve"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, stderr };
}
