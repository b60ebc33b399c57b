/**
 * The playground checked by axe-core in Chromium, in the light and dark
 * themes, in each state a user meets: the empty conversation, an answer, and
 * a "not sure", a likely answer. Violations of serious or critical impact fail the test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contrast, violations } from "./a11y.ts";
import { askByTyping, cards, openPlayground, type Playground, skipBrowser } from "./harness.ts";

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
    const reply = await askByTyping(page(), "chnge managment tips");
    const text = (await reply.textContent()) ?? "";
    expect(text).toContain("Best match");
    expect(text).toContain("Not what you meant?");
    await expectNoViolations();
  });

  it("ran without console errors or CSP violations", () => {
    expect(playground.problems).toEqual([]);
  });
});

describe.skipIf(skipBrowser)("the playground's token form (API_TOKEN), checked by axe-core", () => {
  let playground: Playground;
  beforeAll(async () => {
    playground = await openPlayground({ env: { API_TOKEN: "s3cret-a11y-token" } });
  });
  afterAll(() => playground?.close());

  it("has no violations, asked for and refused, in both themes", async () => {
    const page = playground.page;
    await page.getByLabel("API token").waitFor();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await violations(page), colorScheme).toEqual([]);
    }
    await page.getByLabel("API token").fill("with space");
    await page.getByRole("button", { name: "Use token" }).click();
    await page.locator("#api-token-problem").filter({ hasText: "without spaces" }).waitFor();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await violations(page), colorScheme).toEqual([]);
    }
  });
});
