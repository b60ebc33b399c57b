/**
 * The real server and Debian's Chromium (driven by playwright-core) for the
 * browser tests. Locally, without /usr/bin/chromium, they are skipped with a
 * printed reason; in CI (`CI` set) a missing Chromium fails them instead, so
 * they can never pass by not running.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { parseConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { type Running, startServer } from "../../src/server/start.ts";

export const CHROMIUM = "/usr/bin/chromium";

const inCi = Boolean(process.env.CI) && process.env.CI !== "false";

/** True only locally and only without Chromium: then the browser tests are skipped. */
export const skipBrowser = !existsSync(CHROMIUM) && !inCi;
if (skipBrowser) {
  console.warn(
    `Skipping the browser tests: ${CHROMIUM} not found. Install it with ` +
      "`sudo apt-get install chromium` (Debian/Ubuntu), as .ci/run does.",
  );
}

/** How Chromium runs here: headless, and without reaching for the network. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface Playground {
  base: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors (a CSP violation shows up here). */
  problems: string[];
  close(): Promise<void>;
}

export interface PlaygroundOptions {
  viewport?: { width: number; height: number };
  /** A phone: touch, mobile viewport rules. */
  mobile?: boolean;
  env?: Record<string, string>;
}

/** Starts the server (every surface the configuration turns on) and opens the page on it. */
export async function openPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`CI is set but ${CHROMIUM} is missing: the browser tests must run in CI`);
  }
  // The store in a temp folder: tests never write into the repository's ./data.
  const data = await mkdtemp(join(tmpdir(), "aifirst-data-"));
  const config = parseConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DATA_DIR: data,
    ...options.env,
  });
  const running: Running = await startServer(config, silentLogger, {
    handleSignals: false,
    print: () => undefined,
  });
  const base = `http://127.0.0.1:${running.port}`;
  const profile = await mkdtemp(join(tmpdir(), "aifirst-chromium-"));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await running.close();
    await rm(profile, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  };
  try {
    // A fresh profile per run; playwright takes it here rather than as --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: options.viewport ?? { width: 1100, height: 800 },
      isMobile: options.mobile ?? false,
      hasTouch: options.mobile ?? false,
      // Scroll positions are read straight after a reply: no smooth scrolling in between.
      reducedMotion: "reduce",
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
    await page.goto(`${base}/`);
    await cards(page).first().waitFor();
    return { base, context, page, problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export const cards = (page: Page) => page.locator(".from-bot .card");

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** Waits until there are more than `count` replies; returns the newest one. */
export async function replyAfter(page: Page, count: number): Promise<Locator> {
  const reply = cards(page).nth(count);
  await reply.waitFor();
  return reply;
}

/** Types `text` into the question box and sends it; returns the reply. */
export async function askByTyping(page: Page, text: string): Promise<Locator> {
  const count = await cards(page).count();
  const box = page.getByLabel("Ask a question or a command");
  await box.fill(text);
  await box.press("Enter");
  return replyAfter(page, count);
}
