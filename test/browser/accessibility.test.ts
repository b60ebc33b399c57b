/**
 * The playground checked by axe-core in Chromium, in the light and dark
 * themes, in each state a user meets: the empty conversation, an answer, and
 * a "not sure". Violations of serious or critical impact fail the test.
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

  // The engine gives no "likely" answers yet (their note and "Not what you meant?"); once
  // a question reaches one, check that state here too.
  it.todo("has none on a likely answer, with its note and alternatives");

  it("ran without console errors or CSP violations", () => {
    expect(playground.problems).toEqual([]);
  });
});
