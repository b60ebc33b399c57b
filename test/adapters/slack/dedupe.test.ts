import { describe, expect, it } from "vitest";
import { memoryClaims } from "../../../src/adapters/slack/dedupe.ts";

describe("the in-memory retry record", () => {
  it("lets an event id through once", async () => {
    const claims = memoryClaims();
    expect(await claims.claim("Ev1")).toBe(true);
    expect(await claims.claim("Ev1")).toBe(false);
    expect(await claims.claim("Ev2")).toBe(true);
  });

  it("forgets ids after the expiry window", async () => {
    let now = 0;
    const claims = memoryClaims({ ttlMs: 1_000, now: () => now });
    await claims.claim("Ev1");
    now = 999;
    expect(await claims.claim("Ev1")).toBe(false);
    now = 2_500;
    expect(await claims.claim("Ev1")).toBe(true);
  });

  it("stays bounded, dropping the oldest ids first", async () => {
    const claims = memoryClaims({ max: 100 });
    for (let i = 0; i < 1_000; i++) await claims.claim(`Ev${i}`);
    expect(claims.size).toBe(100);
    expect(await claims.claim("Ev999")).toBe(false);
    expect(await claims.claim("Ev0")).toBe(true);
  });

  it("drops expired ids as new ones arrive", async () => {
    let now = 0;
    const claims = memoryClaims({ ttlMs: 10, now: () => now });
    for (let i = 0; i < 50; i++) await claims.claim(`old${i}`);
    now = 100;
    await claims.claim("new");
    expect(claims.size).toBe(1);
  });
});
