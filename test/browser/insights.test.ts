/**
 * The insights page in Chromium (playwright-core, Debian's /usr/bin/chromium;
 * see ./harness.ts for when it may skip: never on CI): signing in through the
 * form, the charts and tables a content author reads, the period picker, the
 * copy button, and axe-core in the light and dark themes.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insightsSurface } from "../../src/adapters/insights/surface.ts";
import { createAssistant } from "../../src/assistant.ts";
import { parseConfig } from "../../src/config.ts";
import { isOff } from "../../src/server/surface.ts";
import { ATTACK, type SeededStore, seededStore } from "../adapters/insights/fixture.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { contrast, violations } from "./a11y.ts";
import { CHROMIUM, CHROMIUM_FLAGS, skipBrowser } from "./harness.ts";

const TOKEN = "browser-insights-token";

describe.skipIf(skipBrowser)("the insights page in Chromium", () => {
  let seeded: SeededStore;
  let server: TestServer;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    seeded = await seededStore();
    server = await startTestServer({
      surfaces: (bot, logger) => {
        const setup = insightsSurface({
          config: parseConfig({ INSIGHTS_TOKEN: TOKEN }),
          bot,
          assistant: createAssistant(bot),
          logger,
          store: seeded.store,
        });
        if (isOff(setup)) throw new Error(`insights is off: ${setup.off}`);
        return [setup];
      },
    });
    profile = await mkdtemp(join(tmpdir(), "aifirst-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1100, height: 900 },
      reducedMotion: "reduce",
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
    page.on("dialog", (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await seeded?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it("asks for the token, refuses a wrong one, and signs in with the right one", async () => {
    const first = await page.goto(`${server.base}/insights`);
    expect(first?.status()).toBe(401);
    await page.getByLabel("Insights token").fill("wrong-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Sign-in failed");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await violations(page), `sign-in form, ${colorScheme}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.getByLabel("Insights token").fill(TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Questions per day, by outcome" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/insights");
    // The cookie is HttpOnly: the page's own script cannot read it.
    expect(await page.evaluate(() => document.cookie)).toBe("");
    // The two 401 pages (before signing in, and the wrong token) are the only failed loads.
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem).toContain("status of 401");
    problems.length = 0;
  });

  it("shows both charts, summed up for screen readers, with a legend in words", async () => {
    const charts = page.getByRole("img");
    expect(await charts.count()).toBe(2);
    expect(await charts.first().getAttribute("aria-labelledby")).toBe("ins-outcomes-title");
    const names = await charts.evaluateAll((els) =>
      els.map((el) => el.querySelector("title")?.textContent ?? ""),
    );
    expect(names[0]).toContain("14 asked (4 sure, 2 likely, 8 not sure)");
    expect(names[1]).toContain("57% over the period");
    const box = await charts.first().boundingBox();
    expect(box?.width).toBeGreaterThan(500);
    expect(box?.height).toBeGreaterThan(150);
    expect(await page.getByRole("list", { name: "Legend" }).textContent()).toMatch(
      /Sure.*Likely.*Not sure/s,
    );
  });

  it("shows the day table, unanswered questions as text, votes per FAQ and alternates", async () => {
    await page.getByText("Show these numbers as a table").click();
    const dayTable = page.getByRole("table", { name: "Questions per day, by outcome" });
    expect(await dayTable.getByRole("row").count()).toBe(31);
    const unanswered = page.getByRole("table", { name: "Top unanswered questions" });
    const cells = await unanswered.locator("td.question").allTextContents();
    expect(cells).toContain(ATTACK);
    expect(cells[0]).toBe("how to ship code");
    const votes = page.getByRole("table", { name: "Votes per FAQ" });
    expect(await votes.textContent()).toContain("How do I deploy to production?");
    const snippet = page.getByLabel("Snippet for How do I deploy to production?");
    expect(await snippet.textContent()).toBe("Also asked: how to ship code");
    expect(problems).toEqual([]);
  });

  it("copies the snippet with its Copy button", async () => {
    await page.getByRole("button", { name: "Copy" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "Also asked: how to ship code",
    );
  });

  it("has no serious or critical axe violations in the light and dark themes", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await violations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "dark" });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(13, 17, 23)");
  });

  it("draws each outcome and the rate line at 3:1 or more against the page, in both themes", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const colors = await page.evaluate(() => {
        const fill = (selector: string) =>
          getComputedStyle(document.querySelector(selector) as Element).fill;
        return {
          page: getComputedStyle(document.body).backgroundColor,
          marks: [
            fill("#ins-solid .o-sure"),
            fill("#ins-stripes .o-likely"),
            fill("#ins-dots .o-not_sure"),
            getComputedStyle(document.querySelector(".rate-line") as Element).stroke,
          ],
        };
      });
      for (const mark of colors.marks) {
        expect(mark).toMatch(/^rgb\(/);
        expect(contrast(mark, colors.page), `${colorScheme} ${mark}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("switches the period with the picker", async () => {
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await page.waitForURL(/days=7/);
    expect(await page.getByRole("link", { name: "Last 7 days" }).getAttribute("aria-current")).toBe(
      "page",
    );
    await page.getByText("Show these numbers as a table").click();
    const rows = page
      .getByRole("table", { name: "Questions per day, by outcome" })
      .getByRole("row");
    expect(await rows.count()).toBe(8);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await violations(page), colorScheme).toEqual([]);
    }
  });

  it("ran without console errors, CSP violations or script from a question", () => {
    expect(problems).toEqual([]);
  });
});
