import { describe, expect, it } from "vitest";
import { loadEvalSet, score } from "../../scripts/lib/eval-set.ts";
import { toJson } from "../../src/answer/reply.ts";
import { libraryBot } from "../support/converse.ts";

// A regression guard on accuracy (not speed): the labelled set must keep meeting its targets.
describe("the labelled question set", () => {
  it("meets the accuracy targets: FAQ top-1 >= 95%, out-of-scope caught >= 90%, false fallback <= 3%", async () => {
    const bot = await libraryBot();
    const s = score(loadEvalSet(), bot.knowledge.playbooks, (q) => toJson(bot.ask(q).reply));
    const share = (r: { hit: number; of: number }) => r.hit / r.of;
    expect(s.faqTop1.of).toBeGreaterThanOrEqual(60);
    expect(s.outCaught.of).toBeGreaterThanOrEqual(20);
    expect(share(s.faqTop1), s.misses.join("\n")).toBeGreaterThanOrEqual(0.95);
    expect(share(s.outCaught), s.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(share(s.falseFallback), s.misses.join("\n")).toBeLessThanOrEqual(0.03);
    expect(share(s.commands)).toBe(1);
  });
});
