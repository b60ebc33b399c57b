/**
 * The playground in a real browser: Debian's Chromium driven by
 * playwright-core against the real server (startServer, every surface the
 * default configuration turns on). `.ci/run` installs Chromium; elsewhere the
 * test is skipped with a note on how to install it.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { type Running, startServer } from "../../src/server/start.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the browser test: ${CHROMIUM} not found. Install it with ` +
      "`sudo apt-get install chromium` (Debian/Ubuntu), as .ci/run does.",
  );
}

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

describe.skipIf(!hasChromium)("the playground in Chromium", () => {
  let running: Running;
  let base: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  /** Console errors and page errors (a CSP violation shows up here). */
  const problems: string[] = [];

  beforeAll(async () => {
    const config = parseConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
    running = await startServer(config, silentLogger, {
      handleSignals: false,
      print: () => undefined,
    });
    base = `http://127.0.0.1:${running.port}`;
    profile = await mkdtemp(join(tmpdir(), "aifirst-chromium-"));
    // A fresh profile per run; playwright takes it here rather than as --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1100, height: 800 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
    await page.goto(`${base}/`);
    await replyAfter(0);
  });

  afterAll(async () => {
    await context?.close();
    await running?.http.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const cards = () => page.locator(".from-bot .card");
  const textOf = async (locator: Locator) =>
    ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();

  /** Waits until there are more than `count` replies; returns the newest one's text. */
  async function replyAfter(count: number): Promise<string> {
    await cards().nth(count).waitFor();
    return textOf(cards().nth(count));
  }

  async function askByTyping(text: string): Promise<string> {
    const count = await cards().count();
    const box = page.getByLabel("Ask a question or a command");
    await box.fill(text);
    await box.press("Enter");
    return replyAfter(count);
  }

  it("greets with how to ask, and lists the seven steps to browse", async () => {
    expect(await textOf(cards().first())).toContain("How to ask me");
    const steps = page.locator("#steps .step-button");
    await steps.nth(6).waitFor();
    expect(await steps.count()).toBe(7);
    expect(await textOf(steps.nth(2))).toContain("Structure Your Team");
  });

  it("answers a question with the FAQ and its matching step, Step 6", async () => {
    const reply = await askByTyping("how do we measure ai kpis");
    expect(reply).toContain("How can AI engineering KPIs be effectively measured?");
    expect(reply).toMatch(/Playbook step 6/i);
    expect(reply).toContain("Set KPIs and Monitor Progress");
    expect(reply).toContain("Building an AI-First Engineering Organization");
    // The box keeps focus and is cleared, so the next question can be typed at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("question");
    expect(await page.getByLabel("Ask a question or a command").inputValue()).toBe("");
  });

  it("shows a step typed as a command, and marks it in the steps panel", async () => {
    const reply = await askByTyping("step 3");
    expect(reply).toContain("Step 3: Structure Your Team");
    expect(reply).toContain("centralized or decentralized");
    const current = page.locator('#steps [aria-current="step"]');
    expect(await textOf(current)).toContain("Structure Your Team");
  });

  it("answers a clicked suggestion after an out-of-scope question", async () => {
    const fallback = await askByTyping("what's for lunch");
    expect(fallback).toContain("not sure");
    const count = await cards().count();
    const suggestion = cards().last().locator("button.chip").first();
    const label = await textOf(suggestion);
    expect(label.length).toBeGreaterThan(5);
    await suggestion.click();
    const answer = await replyAfter(count);
    expect(answer).toContain(label);
    expect(answer).not.toContain("not sure");
    expect(await page.locator(".from-bot").last().getAttribute("class")).toContain("kind-faq");
  });

  it("asks `step N` when a step in the panel is clicked", async () => {
    const count = await cards().count();
    await page.locator("#steps .step-button").nth(6).click();
    expect(await replyAfter(count)).toContain("Step 7: Foster a Culture of Change");
  });

  it("shows typed HTML as text, never as markup", async () => {
    const attack = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';
    await askByTyping(attack);
    expect(await textOf(page.locator(".from-user .bubble").last())).toBe(attack);
    expect(await page.locator("#log img, #log b").count()).toBe(0);
    expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
  });

  it("renders Markdown in replies: lists and code from the help text", async () => {
    await askByTyping("help");
    const last = cards().last();
    expect(await last.locator(".markdown li").count()).toBeGreaterThan(1);
    expect(await textOf(last.locator(".markdown code").first())).toBe("step 3");
  });

  it("fits a 400px window without sideways scrolling", async () => {
    await page.setViewportSize({ width: 400, height: 760 });
    await page.reload();
    await replyAfter(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.getByLabel("Ask a question or a command").isVisible()).toBe(true);
    const reply = await askByTyping("step 3");
    expect(reply).toContain("Structure Your Team");
  });

  it("ran without console errors or CSP violations", () => {
    expect(problems).toEqual([]);
  });
});
