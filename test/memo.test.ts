import { memoryUsage } from "node:process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
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

  it("finds an undefined result in the older half without computing it again", () => {
    const calls: string[] = [];
    const nothing = memoize((k: string) => {
      calls.push(k);
      return undefined;
    }, 4);
    for (const k of ["a", "b", "c", "a", "a"]) nothing(k); // "c" moves "a" and "b" to the older half
    expect(calls).toEqual(["a", "b", "c"]);
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

  it("keeps neither keys nor results tied to the long texts they were cut from", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // Each result holds its key, as a word read from a question does.
    const memo = memoize((word: string) => ({ word }), 1_000);
    gc();
    const before = memoryUsage().heapUsed;
    for (let i = 0; i < 500; i++) {
      // A 100,000-character question, unique, with one word of 20 letters in it.
      const text = `${String(i).padStart(20, "w")} ${"x".repeat(100_000)}${i}`;
      memo(text.slice(0, 20));
    }
    gc();
    // Tied to their texts, the 500 results would keep 50 MB alive.
    expect(memoryUsage().heapUsed - before).toBeLessThan(10_000_000);
  });
});
