import { describe, expect, it } from "vitest";
import { checkPeriod } from "../../../src/adapters/insights/range.ts";

const NOW = new Date("2026-12-06T13:45:00.000Z");

describe("the period of a report", () => {
  it("is the last 30 UTC days, today included, by default", () => {
    const check = checkPeriod({}, NOW);
    expect(check).toEqual({
      ok: true,
      period: { from: new Date("2026-11-07T00:00:00.000Z"), to: NOW, days: 30 },
    });
  });

  it("covers today alone at days=1, and a year at days=365", () => {
    const one = checkPeriod({ days: "1" }, NOW);
    expect(one.ok && one.period.from.toISOString()).toBe("2026-12-06T00:00:00.000Z");
    const year = checkPeriod({ days: "365" }, NOW);
    expect(year.ok && year.period.from.toISOString()).toBe("2025-12-07T00:00:00.000Z");
  });

  it("takes times with an offset as given", () => {
    const check = checkPeriod(
      { from: "2026-12-01T09:00:00+01:00", to: "2026-12-02T10:00:00Z" },
      NOW,
    );
    expect(check.ok && check.period.from.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(check.ok && check.period.days).toBeNull();
  });

  it.each([
    [{ days: "1.5" }, "whole number"],
    [{ days: "-3" }, "whole number"],
    [{ days: "" }, "whole number"],
    [{ from: "2026-13-01", to: "2026-12-01" }, "from: must be a date"],
    [{ from: "2026-12-01", to: "soon" }, "to: must be a date"],
    [{ to: "2026-12-01" }, "both from and to"],
  ])("refuses %j, saying %s", (query, says) => {
    const check = checkPeriod(query, NOW);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toContain(says);
  });
});
