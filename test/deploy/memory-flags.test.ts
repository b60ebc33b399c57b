/**
 * The server's memory budget (docs/performance.md, "Memory") holds with V8's
 * heap sized by two node flags. `npm start` passes them on its command line;
 * the container and the systemd unit must run the server with the same ones
 * (through NODE_OPTIONS, which an operator can override for a larger library).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDockerfile, parseEnv } from "./dockerfile-parse.ts";

const root = resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(join(root, file), "utf8");

const start = (JSON.parse(read("package.json")) as { scripts: { start: string } }).scripts.start;
const startFlags = start.split(/\s+/).filter((word) => word.startsWith("--"));

describe("the V8 memory flags", () => {
  it("size the old generation and the young one in `npm start`", () => {
    expect(start).toMatch(/^(exec )?node /);
    expect(startFlags.some((f) => /^--max-old-space-size=\d+$/.test(f))).toBe(true);
    expect(startFlags.some((f) => /^--max-semi-space-size=\d+$/.test(f))).toBe(true);
  });

  it("are the container's NODE_OPTIONS", () => {
    const runtime = parseDockerfile(read("Dockerfile")).at(-1);
    const env = Object.assign(
      {},
      ...(runtime?.instructions.filter((i) => i.keyword === "ENV").map(parseEnv) ?? []),
    ) as Record<string, string>;
    expect(env.NODE_OPTIONS?.split(/\s+/)).toEqual(startFlags);
  });

  it("are the systemd unit's NODE_OPTIONS", () => {
    const line = /^Environment="?NODE_OPTIONS=([^"\n]*)"?$/m.exec(read("deploy/aifirst.service"));
    expect(line?.[1]?.split(/\s+/)).toEqual(startFlags);
  });

  it("take effect through NODE_OPTIONS", () => {
    const limitMb = Number(
      execFileSync(
        process.execPath,
        ["-p", "require('node:v8').getHeapStatistics().heap_size_limit / 1048576"],
        { env: { ...process.env, NODE_OPTIONS: startFlags.join(" ") }, encoding: "utf8" },
      ),
    );
    const oldMb = Number(/--max-old-space-size=(\d+)/.exec(startFlags.join(" "))?.[1]);
    // The limit is the old generation plus the young generation's reserve.
    expect(limitMb).toBeGreaterThanOrEqual(oldMb);
    expect(limitMb).toBeLessThan(oldMb + 64);
  });
});
