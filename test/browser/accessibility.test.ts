/**
 * The playground checked by axe-core in Chromium, in the light and dark
 * themes, in each state a user meets: the empty conversation, an answer, and
 * a "not sure", a likely answer. Violations of serious or critical impact fail the test.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askByTyping, cards, openPlayground, type Playground, skipBrowser } from "./harness.ts";

const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not restrict.
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.evaluate(await readFile(AXE_SOURCE, "utf8"));
  }
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
    return (await axe.run()).violations;
  });
  return results
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}

/** WCAG's contrast ratio of two opaque CSS `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r = 0, g = 0, bl = 0] = (css.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe.skipIf(skipBrowser)("the playground's accessibility (axe-core)", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await openPlayground();
    await playground.page.locator("#steps .step-button").first().waitFor();
  });
  afterAll(() => playground?.close());

  const page = () => playground.page;

  /** Checks the page in both themes. */
  async function expectNoViolations(): Promise<void> {
    for (const colorScheme of ["light", "dark"] as const) {
      await page().emulateMedia({ colorScheme });
      expect(await violations(page()), colorScheme).toEqual([]);
    }
  }

  it("has none on the empty conversation", async () => {
    expect(await cards(page()).count()).toBe(1);
    await expectNoViolations();
  });

  it("has none with an answer, its votes and suggestions", async () => {
    const answer = await askByTyping(page(), "how do we measure ai kpis");
    await answer.locator(".votes").waitFor();
    await expectNoViolations();
    await answer.getByRole("button", { name: "Helpful", exact: true }).click();
    await expectNoViolations();
  });

  it("has none after a 'not sure'", async () => {
    const reply = await askByTyping(page(), "what's for lunch");
    expect(await reply.textContent()).toContain("not sure");
    await expectNoViolations();
  });

  it("draws the question box's edge at 3:1 and its placeholder at 4.5:1, in both themes", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page().emulateMedia({ colorScheme });
      // Unfocused, as a reader first sees it.
      await page().locator("#clear").focus();
      const colors = await page().evaluate(() => {
        const input = document.getElementById("question") as HTMLElement;
        const composer = document.getElementById("composer") as HTMLElement;
        return {
          border: getComputedStyle(input).borderTopColor,
          field: getComputedStyle(input).backgroundColor,
          page: getComputedStyle(composer).backgroundColor,
          placeholder: getComputedStyle(input, "::placeholder").color,
        };
      });
      expect(contrast(colors.border, colors.page), colorScheme).toBeGreaterThanOrEqual(3);
      expect(contrast(colors.border, colors.field), colorScheme).toBeGreaterThanOrEqual(3);
      expect(contrast(colors.placeholder, colors.field), colorScheme).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("has none on a likely answer, with its note and alternatives", async () => {
    const reply = await askByTyping(page(), "chnage managment tips");
    const text = (await reply.textContent()) ?? "";
    expect(text).toContain("Best match");
    expect(text).toContain("Not what you meant?");
    await expectNoViolations();
  });

  it("ran without console errors or CSP violations", () => {
    expect(playground.problems).toEqual([]);
  });
});
