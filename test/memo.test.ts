import { describe, expect, it } from "vitest";
import { memoize } from "../src/memo.ts";

describe("memoize", () => {
  it("computes each key once while it is remembered", () => {
    const calls: string[] = [];
    const upper = memoize((s: string) => {
      calls.push(s);
      return s.toUpperCase();
    }, 10);
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(calls).toEqual(["a", "b"]);
  });

  it("remembers null results too", () => {
    let calls = 0;
    const nothing = memoize(() => {
      calls++;
      return null;
    }, 10);
    nothing("x");
    nothing("x");
    expect(calls).toBe(1);
  });

  it("keeps at most `max` entries, forgetting the oldest first", () => {
    const calls: string[] = [];
    const id = memoize((s: string) => {
      calls.push(s);
      return s;
    }, 2);
    id("a");
    id("b");
    id("c"); // forgets "a"
    id("b");
    id("a"); // computed again, forgets "b"
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});
