import { describe, expect, it } from "vitest";
import { half, loadEvalSet, type Ratio, score } from "../../scripts/lib/eval-set.ts";
import { toJson } from "../../src/answer/reply.ts";
import { libraryBot } from "../support/converse.ts";

const share = (r: Ratio) => r.hit / r.of;

// A regression guard on accuracy (not speed), on the held-out half of the labelled set.
describe("the held-out half of the labelled question set", () => {
  it("keeps its floor: answered right, out of scope caught, and every command", async () => {
    const bot = await libraryBot();
    const s = score(half(loadEvalSet(), "held-out"), bot.knowledge.playbooks, (q) =>
      toJson(bot.reply(q)),
    );
    expect(s.right.of).toBeGreaterThanOrEqual(40);
    expect(s.outCaught.of).toBeGreaterThanOrEqual(10);
    expect(share(s.right), s.misses.join("\n")).toBeGreaterThanOrEqual(0.8);
    expect(share(s.outCaught), s.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(share(s.commands)).toBe(1);
  });
});
