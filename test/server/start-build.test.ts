/**
 * `aifirst serve` builds its bot once: over the content and what was learned
 * when it started. It rebuilds only when what was learned changed during the
 * start; a second build for nothing doubles the start's time and peak memory
 * (a large library's heap), and tells the operator something was applied.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type RealServer, startRealServer } from "./helpers/real-server.ts";

let server: RealServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const rebuilds = (s: RealServer) => s.logs.filter((l) => l.msg === "learned alternates applied");

describe("the bot built at start", () => {
  for (const learn of ["suggest", "auto", "off"]) {
    it(`is built once, with LEARN=${learn} and nothing learned`, async () => {
      server = await startRealServer({ LEARN: learn });
      await new Promise((r) => setTimeout(r, 300));
      expect(rebuilds(server)).toEqual([]);
      const res = await fetch(`${server.base}/api/ask?q=step%201`);
      expect(res.status).toBe(200);
    });
  }
});
