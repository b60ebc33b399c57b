/**
 * `npm run eval -- --misses` is what a developer reads while tuning: it must show the tuning
 * halves only, their figures as well as their misses, so a look at it spends no held-out look.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("npm run eval -- --misses", () => {
  it("prints the tuning halves' figures and misses, and nothing of the held-out halves", async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/eval.ts", "--misses"],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(stdout).toMatch(/\| own set, tuning \(\d+\) +\| aifirst engine/);
    expect(stdout).toContain("Misses of the engine on the tuning halves:");
    expect(stdout).not.toContain("held-out");
    expect(stdout).not.toMatch(/even lines/);
  }, 120_000);
});
