/**
 * The cards as people see them: rendered by Microsoft's Adaptive Cards
 * renderer (the `adaptivecards` package's browser bundle) in Chromium, with
 * a host config using Teams' font sizes (where Medium is no bigger than the
 * default), at 400 and 700 px. Skipped, with a note, without Chromium.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../../src/adapters/teams/render-card.ts";
import type { Bot } from "../../../src/answer/bot.ts";
import { botFor } from "../../support/converse.ts";
import type { Json } from "./harness.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the Teams card rendering test: ${CHROMIUM} not found.`);
}
const BUNDLE = createRequire(import.meta.url).resolve("adaptivecards/dist/adaptivecards.min.js");

/** Teams' type ramp: Medium is the default size, so only Large stands out. */
const HOST_CONFIG = {
  fontFamily: "Segoe UI, system-ui, sans-serif",
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  supportsInteractivity: true,
};

/** What the page reports about one rendered card. */
interface Rendered {
  /** Text blocks: their text, font size and weight, whether any of it is cut off. */
  blocks: Array<{ text: string; size: number; weight: number; cut: boolean; top: number }>;
  /** Clickable rows and buttons: their text and what a click submits. */
  clickables: Array<{ text: string; data: Json }>;
  width: number;
}

describe.skipIf(!hasChromium)("Teams cards rendered by the Adaptive Cards renderer", () => {
  let bot: Bot;
  let rich: Bot;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    bot = await botFor();
    rich = await botFor("test/fixtures/teams/content-rich");
    profile = await mkdtemp(join(tmpdir(), "aifirst-cards-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.setContent("<!doctype html><html><body style='margin:0'></body></html>");
    await page.addScriptTag({ path: BUNDLE });
  });
  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function render(card: Json, width: number): Promise<Rendered> {
    return page.evaluate(
      ({ card, width, hostConfig }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the renderer's UMD global, untyped in the page
        const AC = (window as any).AdaptiveCards;
        document.body.innerHTML = "";
        const box = document.createElement("div");
        box.style.width = `${width}px`;
        document.body.append(box);
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        adaptive.parse(card);
        const clicked: Json[] = [];
        adaptive.onExecuteAction = (action: Json) => clicked.push(action.data);
        box.append(adaptive.render());
        const blocks = Array.from(box.querySelectorAll<HTMLElement>(".ac-textBlock")).map((el) => {
          const style = getComputedStyle(el);
          return {
            text: (el.textContent ?? "").trim(),
            size: Number.parseFloat(style.fontSize),
            weight: Number(style.fontWeight),
            cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
            top: el.getBoundingClientRect().top,
          };
        });
        const clickables = Array.from(
          box.querySelectorAll<HTMLElement>("[role=button], button"),
        ).map((el) => {
          el.click();
          return { text: (el.textContent ?? "").trim(), data: clicked.pop() };
        });
        return { blocks, clickables, width: box.getBoundingClientRect().width };
      },
      { card, width, hostConfig: HOST_CONFIG },
    );
  }

  const cardOf = (text: string, from: () => Bot = () => bot) => {
    const { card } = renderMessage(from().ask(text).view);
    if (!card) throw new Error("no card");
    return card;
  };

  for (const width of [400, 700]) {
    it(`shows every suggestion whole, as a clickable row that asks it (${width} px)`, async () => {
      for (const question of ["what is mlops", "help", "what is the best pizza topping"]) {
        const view = bot.ask(question).view;
        const shown = await render(cardOf(question), width);
        expect(view.suggestions.length, question).toBeGreaterThan(0);
        for (const s of view.suggestions) {
          const block = shown.blocks.find((b) => b.text === s.label);
          expect(block, `${question}: ${s.label}`).toMatchObject({ cut: false });
          const row = shown.clickables.find((c) => c.text.startsWith(s.label));
          expect(row?.data?.ask, s.label).toBe(s.ask);
        }
      }
    });

    it(`makes each listed step a clickable row (${width} px)`, async () => {
      const shown = await render(cardOf("steps"), width);
      const rows = shown.clickables.filter((c) => /^Step \d+:/.test(c.text));
      expect(rows.map((r) => r.data.ask)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `step ${n}`));
      expect(rows.every((r) => r.text.endsWith("›"))).toBe(true);
    });

    it(`sets the answer's title apart from the headings below it (${width} px)`, async () => {
      const shown = await render(cardOf("what is mlops"), width);
      const title = shown.blocks[0];
      const step = shown.blocks.find((b) => b.text.startsWith("Playbook step"));
      const related = shown.blocks.find((b) => b.text === "Related questions");
      expect(title?.size).toBeGreaterThan(step?.size ?? Number.POSITIVE_INFINITY);
      expect(title?.size).toBeGreaterThan(related?.size ?? Number.POSITIVE_INFINITY);
      expect(title?.cut).toBe(false);
      const votes = shown.clickables.filter((c) => c.data?.vote);
      expect(votes.map((v) => [v.text, v.data.vote])).toEqual([
        ["👍 Helpful", "helpful"],
        ["👎 Not helpful", "not_helpful"],
      ]);
    });

    it(`keeps code on its own lines and table cells side by side (${width} px)`, async () => {
      const code = await render(
        cardOf("how do I tag a release", () => rich),
        width,
      );
      const lines = code.blocks.filter((b) => b.text.startsWith("git "));
      expect(lines).toHaveLength(2);
      expect(lines[1]?.top).toBeGreaterThan(lines[0]?.top ?? 0);
      const table = await render(
        cardOf("which environments get the release", () => rich),
        width,
      );
      const row = ["Staging", "Monday 10:00", "The release captain"].map((t) =>
        table.blocks.find((b) => b.text === t),
      );
      expect(new Set(row.map((b) => b?.top)).size).toBe(1);
      expect(row.every((b) => b && !b.cut)).toBe(true);
    });
  }
});
