import { describe, expect, it } from "vitest";
import { createSeenEvents } from "../../../src/adapters/slack/dedupe.ts";

describe("the record of seen events", () => {
  it("lets an event id through once", () => {
    const seen = createSeenEvents();
    expect(seen.firstTime("Ev1")).toBe(true);
    expect(seen.firstTime("Ev1")).toBe(false);
    expect(seen.firstTime("Ev2")).toBe(true);
  });

  it("forgets ids after the expiry window", () => {
    let now = 0;
    const seen = createSeenEvents({ ttlMs: 1_000, now: () => now });
    seen.firstTime("Ev1");
    now = 999;
    expect(seen.firstTime("Ev1")).toBe(false);
    now = 2_500;
    expect(seen.firstTime("Ev1")).toBe(true);
  });

  it("stays bounded, dropping the oldest ids first", () => {
    const seen = createSeenEvents({ max: 100 });
    for (let i = 0; i < 1_000; i++) seen.firstTime(`Ev${i}`);
    expect(seen.size).toBe(100);
    expect(seen.firstTime("Ev999")).toBe(false);
    expect(seen.firstTime("Ev0")).toBe(true);
  });

  it("drops expired ids as new ones arrive", () => {
    let now = 0;
    const seen = createSeenEvents({ ttlMs: 10, now: () => now });
    for (let i = 0; i < 50; i++) seen.firstTime(`old${i}`);
    now = 100;
    seen.firstTime("new");
    expect(seen.size).toBe(1);
  });
});
