/**
 * The playground's layout where space is short: a phone, and a desktop window
 * zoomed to 200% and 400% (a 1280x800 window's 640x400 and 320x200 CSS
 * pixels), measured in Chromium.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  askByTyping,
  cards,
  openPlayground,
  type Playground,
  replyAfter,
  skipBrowser,
} from "./harness.ts";

/** The element's box in the window, once scrolling has settled. */
async function box(locator: Locator) {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error("not rendered");
  return rect;
}

/** How far the document reaches beyond the page's own layout (hidden text escaping it). */
function overhang(page: Page): Promise<number> {
  return page.evaluate(() => {
    const layout = document.querySelector(".layout")?.getBoundingClientRect();
    if (!layout) return Number.POSITIVE_INFINITY;
    return document.documentElement.scrollHeight - Math.ceil(layout.bottom + window.scrollY);
  });
}

describe.skipIf(skipBrowser)("the playground on a phone (390x844)", () => {
  let playground: Playground;
  const page = () => playground.page;

  beforeAll(async () => {
    playground = await openPlayground({ viewport: { width: 390, height: 844 }, mobile: true });
  });
  afterAll(() => playground?.close());

  it("shows a long answer from its question down, not scrolled to its end", async () => {
    const answer = await askByTyping(page(), "how do we measure ai kpis");
    // Taller than the conversation's box: so it can only be read from one end.
    const log = await box(page().locator("#log-box"));
    expect((await box(answer)).height).toBeGreaterThan(log.height * 0.8);
    const question = await box(page().locator(".from-user").last());
    expect(question.y).toBeGreaterThanOrEqual(log.y - 1);
    expect(question.y).toBeLessThan(log.y + 40);
    const title = await box(answer.locator(".card-title"));
    expect(title.y + title.height).toBeLessThan(log.y + log.height);
  });

  it("folds the steps panel once a step is picked, so the step is not hidden under it", async () => {
    const panel = page().locator("#steps-panel");
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page().getByText("Playbook steps").click();
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const count = await cards(page()).count();
    await page().locator("#steps .step-button").nth(2).click();
    const step = await replyAfter(page(), count);
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const title = await box(step.locator(".card-title"));
    const log = await box(page().locator("#log-box"));
    expect(title.y).toBeGreaterThanOrEqual(log.y);
    expect(title.y + title.height).toBeLessThan(log.y + log.height);
    expect(await step.locator(".card-title").textContent()).toBe("Step 3: Structure Your Team");
  });

  it("ran without console errors or CSP violations", () => {
    expect(playground.problems).toEqual([]);
  });
});

describe.skipIf(skipBrowser)("the playground zoomed in", () => {
  let playground: Playground;
  const page = () => playground.page;

  beforeAll(async () => {
    playground = await openPlayground({ viewport: { width: 640, height: 400 } });
  });
  afterAll(() => playground?.close());

  it.each([
    ["200%", 640, 400],
    ["400%", 320, 200],
  ])(
    "at %s lets the page scroll rather than squeezing the conversation",
    async (_zoom, width, height) => {
      await page().setViewportSize({ width, height });
      await page().reload();
      await cards(page()).first().waitFor();
      const answer = await askByTyping(page(), "how do we measure ai kpis");
      // The conversation is as tall as what it holds, and the whole answer can be scrolled to.
      const log = await box(page().locator("#log-box"));
      expect(log.height).toBeGreaterThan((await box(answer)).height);
      // Nothing (such as visually hidden text) makes the page longer than its layout.
      expect(await overhang(page())).toBeLessThanOrEqual(0);
      // The question just asked is at the top of the window.
      const question = await box(page().locator(".from-user").last());
      expect(question.y).toBeGreaterThanOrEqual(-1);
      expect(question.y).toBeLessThan(40);
      // The question box is still there, further down.
      const input = page().getByLabel("Ask a question or a command");
      await input.scrollIntoViewIfNeeded();
      expect(await input.isVisible()).toBe(true);
      const overflow = await page().evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    },
  );

  it("keeps visually hidden text inside its own message's box", async () => {
    const escaped = await page().evaluate(
      () =>
        Array.from(document.querySelectorAll("#log .visually-hidden")).filter((hidden) => {
          const inner = hidden.getBoundingClientRect();
          const outer = hidden.closest(".message")?.getBoundingClientRect();
          return (
            !outer ||
            inner.top < outer.top - 1 ||
            inner.bottom > outer.bottom + 1 ||
            inner.left < outer.left - 1
          );
        }).length,
    );
    expect(escaped).toBe(0);
  });

  it("ran without console errors or CSP violations", () => {
    expect(playground.problems).toEqual([]);
  });
});
