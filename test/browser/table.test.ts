/**
 * A pipe table in an answer, in Chromium on a phone: a real table, whose box scrolls
 * sideways when the table is wider than the card, so the page never does; and readable
 * in the dark theme.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playbook } from "../support/playbook-files.ts";
import { askByTyping, openPlayground, type Playground, skipBrowser } from "./harness.ts";

const TABLE = [
  "| Service | Owner | Command | Runbook |",
  "|:--|:-:|--:|---|",
  "| **payments-api** | platform | `deployctl rollback payments-api --to previous` | https://runbooks.example.com/payments/rollback-and-recovery |",
  "| search | data | `deployctl pause search` | https://runbooks.example.com/search |",
].join("\n");

describe.skipIf(skipBrowser)("a table in an answer, on a phone (390x844)", () => {
  let playground: Playground;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aifirst-content-"));
    await writeFile(
      join(dir, "rollbacks.md"),
      playbook(
        'title: "Rollbacks"',
        `### Step 1: Roll Back\n\nRoll back first.\n\n## FAQ\n\n### Who owns which service?\n\nOwners:\n\n${TABLE}`,
      ),
    );
    playground = await openPlayground({
      viewport: { width: 390, height: 844 },
      mobile: true,
      env: { CONTENT_DIR: dir },
    });
  });
  afterAll(async () => {
    await playground?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("shows a table with header cells, scrolling inside the card rather than widening the page", async () => {
    const page = playground.page;
    const reply = await askByTyping(page, "who owns which service");
    const table = reply.locator(".markdown table");
    expect(await table.locator("th").allTextContents()).toEqual([
      "Service",
      "Owner",
      "Command",
      "Runbook",
    ]);
    expect(await table.locator("tbody tr").first().locator("strong").textContent()).toBe(
      "payments-api",
    );
    expect(await reply.textContent()).not.toContain("|");
    const sizes = await reply.evaluate((card) => {
      const box = card.querySelector(".md-table") as HTMLElement;
      return {
        cardRight: card.getBoundingClientRect().right,
        boxWidth: box.clientWidth,
        boxScroll: box.scrollWidth,
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
      };
    });
    expect(sizes.cardRight).toBeLessThanOrEqual(sizes.window);
    expect(sizes.page).toBeLessThanOrEqual(sizes.window);
    // Wider than its box, so it scrolls: the words in its cells were not broken to fit.
    expect(sizes.boxScroll).toBeGreaterThan(sizes.boxWidth);
    expect(
      await table
        .locator("th")
        .nth(1)
        .evaluate((th) => getComputedStyle(th).textAlign),
    ).toBe("center");
  });

  it("draws the table in the dark theme's colours", async () => {
    const page = playground.page;
    const colours = () =>
      page
        .locator(".markdown th")
        .first()
        .evaluate((th) => {
          const style = getComputedStyle(th);
          return { background: style.backgroundColor, text: style.color };
        });
    const light = await colours();
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await colours();
    await page.emulateMedia({ colorScheme: "light" });
    expect(dark.background).not.toBe(light.background);
    expect(dark.text).not.toBe(light.text);
    // Light text on a dark header: the dark theme's own colours.
    expect(dark.background).toBe("rgb(35, 40, 51)");
  });

  it("ran without console errors or CSP violations", () => {
    expect(playground.problems).toEqual([]);
  });
});
