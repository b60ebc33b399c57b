import { describe, expect, it } from "vitest";
import { memoize } from "../src/memo.ts";

/** A memoized identity of size `max`, and the keys it had to compute. */
function recording(max: number) {
  const calls: string[] = [];
  const id = memoize((s: string) => {
    calls.push(s);
    return s;
  }, max);
  return { id, calls };
}

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

  it("keeps at most `max` entries: the older half goes when the newer half is full", () => {
    const { id, calls } = recording(4);
    for (const k of ["a", "b", "c", "d", "e"]) id(k); // "e" starts a new half: "a" and "b" go
    id("c"); // still remembered
    id("a"); // computed again
    expect(calls).toEqual(["a", "b", "c", "d", "e", "a"]);
  });

  it("keeps what is used: a result found in the older half moves to the newer", () => {
    const { id, calls } = recording(4);
    for (const k of ["a", "b", "c", "a", "d", "a", "b"]) id(k);
    // "a" was used again while "b" was not, so "b" went with its half and "a" did not.
    expect(calls).toEqual(["a", "b", "c", "d", "b"]);
  });

  it("gives back the same result for a long key however it was made", () => {
    const long = "x".repeat(40);
    const memo = memoize((s: string) => ({ s }), 10);
    const first = memo(`${long}!`.slice(0, 40));
    expect(memo(long)).toBe(first);
  });

  it("never keeps a key over `longestKey`, computing it each time", () => {
    const calls: string[] = [];
    const memo = memoize(
      (s: string) => {
        calls.push(s);
        return s.length;
      },
      10,
      { longestKey: 5 },
    );
    expect([memo("short"), memo("short"), memo("longer"), memo("longer")]).toEqual([5, 5, 6, 6]);
    expect(calls).toEqual(["short", "longer", "longer"]);
  });
});
