import { describe, expect, it } from "vitest";
import { loginThrottle } from "../../../src/adapters/insights/login-throttle.ts";

describe("the sign-in throttle", () => {
  it("refuses an address after its limit of failures, until the window ends", () => {
    let now = 1_000_000;
    const throttle = loginThrottle({ limit: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitSeconds("10.0.0.1")).toBe(0);
      throttle.failed("10.0.0.1");
    }
    expect(throttle.waitSeconds("10.0.0.1")).toBe(60);
    expect(throttle.waitSeconds("10.0.0.2")).toBe(0);
    now += 59_500;
    expect(throttle.waitSeconds("10.0.0.1")).toBe(1);
    now += 500;
    expect(throttle.waitSeconds("10.0.0.1")).toBe(0);
  });

  it("forgets an address's failures when it signs in", () => {
    const throttle = loginThrottle({ limit: 1 });
    throttle.failed("a");
    expect(throttle.waitSeconds("a")).toBeGreaterThan(0);
    throttle.succeeded("a");
    expect(throttle.waitSeconds("a")).toBe(0);
  });
});
