import { describe, expect, it } from "vitest";
import {
  learnSet,
  outcomeOf,
  perfectMemory,
  rightCeiling,
  rightFor,
  tally,
} from "../../scripts/lib/learn-score.ts";
import { normaliseQuestion } from "../../src/store/normalise.ts";

// One query judged with two FAQs on adjacent lines, asked again later; another asked once.
const lines = [
  { q: "Should I wear a mask?", faq: "Masks?" },
  { q: "should I wear a mask", faq: "Face masks?" },
  { q: "What is it?", faq: "What is COVID-19?" },
  { q: "Should I wear a MASK", faq: "Masks?" },
];
const set = learnSet(lines, normaliseQuestion);

describe("bench:learn scoring", () => {
  it("groups repeats, repeats after other questions and the second half", () => {
    expect(set.repeat).toEqual([false, true, false, true]);
    expect(set.groups.map((g) => g.has)).toEqual([
      [false, true, false, true],
      [false, false, false, true],
      [false, false, true, true],
    ]);
  });

  it("counts a line right by its own FAQ, or by any FAQ judged right for the same question", () => {
    expect([...rightFor(set, 1, "line")]).toEqual(["Face masks?"]);
    expect([...rightFor(set, 1, "any")].sort()).toEqual(["Face masks?", "Masks?"]);
    expect(outcomeOf("Masks?", rightFor(set, 1, "line"))).toBe("wrong");
    expect(outcomeOf("Masks?", rightFor(set, 1, "any"))).toBe("right");
    expect(outcomeOf(null, rightFor(set, 1, "any"))).toBe("notSure");
  });

  it("answers a repeat from memory with the FAQ labelled most often before", () => {
    const off = [null, null, "What is COVID-19?", null];
    const line = perfectMemory(set, "line", off);
    // Line 2 remembers "Masks?" (wrong for its own label); line 4 has a tie, the earliest wins.
    expect(line).toEqual(["notSure", "wrong", "right", "right"]);
    expect(tally(set.groups[0] as (typeof set.groups)[0], line)).toEqual({
      right: 1,
      wrong: 1,
      notSure: 0,
      of: 2,
    });
    expect(perfectMemory(set, "any", off)).toEqual(["notSure", "right", "right", "right"]);
  });

  it("bounds right answers by what the bot got right plus what earlier lines taught", () => {
    const off = [null, null, "What is COVID-19?", null];
    expect(rightCeiling(set, "line", off)).toEqual([false, false, true, true]);
    expect(rightCeiling(set, "any", off)).toEqual([false, true, true, true]);
  });
});
