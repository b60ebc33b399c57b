/**
 * What a developer reads while tuning must show the tuning halves only, so reading it spends
 * no held-out look: `npm run eval -- --misses` (figures and misses) and the confidence refit.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = async (script: string, ...args: string[]) =>
  (
    await promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], {
      maxBuffer: 64 * 1024 * 1024,
    })
  ).stdout;

describe("the views used while tuning", () => {
  it("npm run eval -- --misses: the tuning halves' figures and misses, nothing held out", async () => {
    const out = await run("scripts/eval.ts", "--misses");
    expect(out).toMatch(/\| own set, tuning \(\d+\) +\| aifirst engine/);
    expect(out).toContain("Misses of the engine on the tuning halves:");
    expect(out).not.toContain("held-out");
  }, 120_000);

  it("the confidence refit: the tuning halves, and the held-out ones only when asked", async () => {
    const out = await run("scripts/fit-confidence.ts");
    expect(out).toMatch(/Weights: \{/);
    expect(out).toMatch(/tuning: +own set \d+% right/);
    expect(out).not.toContain("held-out");
    expect(await run("scripts/fit-confidence.ts", "--held-out")).toMatch(/held-out: +own set/);
  }, 120_000);
});
