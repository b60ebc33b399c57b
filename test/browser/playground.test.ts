/**
 * The playground in a real browser: Debian's Chromium driven by
 * playwright-core against the real server (startServer, every surface the
 * default configuration turns on). See ./harness.ts for when it may skip.
 */
import type { Locator, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  askByTyping as askIn,
  cards as cardsIn,
  openPlayground,
  type Playground,
  replyAfter as replyIn,
  skipBrowser,
  textOf,
} from "./harness.ts";

describe.skipIf(skipBrowser)("the playground in Chromium", () => {
  let playground: Playground;
  const page = () => playground.page;

  beforeAll(async () => {
    playground = await openPlayground();
  });

  afterAll(() => playground?.close());

  const cards = () => cardsIn(page());
  const replyAfter = async (count: number) => textOf(await replyIn(page(), count));
  const askByTyping = async (text: string) => textOf(await askIn(page(), text));

  it("greets with how to ask, and lists the seven steps to browse", async () => {
    expect(await textOf(cards().first())).toContain("How to ask me");
    const steps = page().locator("#steps .step-button");
    await steps.nth(6).waitFor();
    expect(await steps.count()).toBe(7);
    expect(await textOf(steps.nth(2))).toContain("Structure Your Team");
    // The example in the box is one of this content's questions, not a fixed one.
    expect(await page().getByLabel("Ask a question or a command").getAttribute("placeholder")).toBe(
      "e.g. what is an ai-first engineering organization?",
    );
  });

  it("answers a question with the FAQ and its matching step, Step 6", async () => {
    const reply = await askByTyping("how do we measure ai kpis");
    expect(reply).toContain("How can AI engineering KPIs be effectively measured?");
    expect(reply).toMatch(/Playbook step 6/i);
    expect(reply).toContain("Set KPIs and Monitor Progress");
    expect(reply).toContain("Building an AI-First Engineering Organization");
    // The box keeps focus and is cleared, so the next question can be typed at once.
    expect(await page().evaluate(() => document.activeElement?.id)).toBe("question");
    expect(await page().getByLabel("Ask a question or a command").inputValue()).toBe("");
  });

  it("shows a step typed as a command, and marks it in the steps panel", async () => {
    const reply = await askByTyping("step 3");
    expect(reply).toContain("Step 3: Structure Your Team");
    expect(reply).toContain("centralized or decentralized");
    const current = page().locator('#steps [aria-current="step"]');
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
    expect(await page().locator(".from-bot").last().getAttribute("class")).toContain("kind-faq");
  });

  it("asks `step N` when a step in the panel is clicked", async () => {
    const count = await cards().count();
    await page().locator("#steps .step-button").nth(6).click();
    expect(await replyAfter(count)).toContain("Step 7: Foster a Culture of Change");
  });

  it("shows typed HTML as text, never as markup", async () => {
    const attack = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';
    await askByTyping(attack);
    expect(await textOf(page().locator(".from-user .bubble").last())).toBe(attack);
    expect(await page().locator("#log img, #log b").count()).toBe(0);
    expect(await page().evaluate(() => "__pwned" in window)).toBe(false);
  });

  it("renders Markdown in replies: lists and code from the help text", async () => {
    await askByTyping("help");
    const last = cards().last();
    expect(await last.locator(".markdown li").count()).toBeGreaterThan(1);
    expect(await textOf(last.locator(".markdown code").first())).toBe("step 3");
  });

  it("shows the bot's name from the configuration", async () => {
    expect(await textOf(page().locator("h1"))).toBe("Playbook Bot playground");
    expect(await page().title()).toBe("Playbook Bot · playground");
  });

  /** The JSON body of the next feedback request the page sends while `action` runs. */
  async function feedbackSent(
    action: () => Promise<void>,
  ): Promise<{ body: unknown; status: number }> {
    const [request] = await Promise.all([
      page().waitForRequest((r) => r.url().endsWith("/api/feedback")),
      action(),
    ]);
    const response = await request.response();
    return { body: request.postDataJSON(), status: response?.status() ?? 0 };
  }

  const pressed = async (button: Locator) => button.getAttribute("aria-pressed");

  it("takes a 👍 on an answer, shows it pressed, and lets it change to 👎", async () => {
    const count = await cards().count();
    await askByTyping("how do we measure ai kpis");
    const answer = cards().nth(count);
    const helpful = answer.getByRole("button", { name: "Helpful", exact: true });
    const unhelpful = answer.getByRole("button", { name: "Not helpful" });
    expect(await textOf(helpful)).toBe("👍");
    expect([await pressed(helpful), await pressed(unhelpful)]).toEqual(["false", "false"]);

    const up = await feedbackSent(() => helpful.click());
    expect(up.status).toBe(204);
    expect(up.body).toMatchObject({ helpful: true });
    expect((up.body as { id: string }).id).toMatch(/^[\w-]{8,}$/);
    expect([await pressed(helpful), await pressed(unhelpful)]).toEqual(["true", "false"]);
    await expect.poll(() => textOf(answer.locator(".votes-status"))).toBe("Thanks, noted.");

    const down = await feedbackSent(() => unhelpful.click());
    expect(down).toEqual({
      status: 204,
      body: { id: (up.body as { id: string }).id, helpful: false },
    });
    expect([await pressed(helpful), await pressed(unhelpful)]).toEqual(["false", "true"]);
  });

  it("offers no votes on what is not an answer: help, steps, not sure", async () => {
    for (const text of ["help", "steps", "what's for lunch"]) {
      const reply = await askIn(page(), text);
      expect(await reply.locator(".votes").count(), text).toBe(0);
    }
  });

  it("says which suggestion was chosen after a reply, then asks it", async () => {
    const fallback = await askIn(page(), "what's for lunch");
    const count = await cards().count();
    const chip = fallback.locator("button.chip").first();
    const label = await textOf(chip);
    const asked: Request[] = [];
    const onRequest = (r: Request) => {
      if (r.url().includes("/api/")) asked.push(r);
    };
    page().on("request", onRequest);
    const chose = await feedbackSent(() => chip.click());
    await replyIn(page(), count);
    page().off("request", onRequest);
    expect(chose.status).toBe(204);
    expect(chose.body).toEqual({ id: expect.any(String), chose: label });
    // Fed back first, then asked.
    expect(asked.map((r) => new URL(r.url()).pathname)).toEqual(["/api/feedback", "/api/chat"]);
    expect(asked[1]?.postDataJSON()).toEqual({ q: label });
  });

  it("asks a step offered as a suggestion by number, and says it was chosen by its label", async () => {
    const fallback = await askIn(
      page(),
      "which stakeholders need to be bought in for the ai push?",
    );
    const count = await cards().count();
    const label = "Step 7: Foster a Culture of Change";
    const chip = fallback.locator("button.chip", { hasText: label });
    const [chose, asked] = await Promise.all([
      feedbackSent(() => chip.click()),
      page().waitForRequest((r) => r.url().endsWith("/api/chat")),
    ]);
    const reply = await replyIn(page(), count);
    expect(chose).toEqual({ status: 204, body: { id: expect.any(String), chose: label } });
    expect(asked.postDataJSON()).toEqual({ q: "step 7" });
    expect(await textOf(reply)).toContain("Foster a Culture of Change");
  });

  it("announces a reply's words, not its buttons, and keeps the log itself quiet", async () => {
    const reply = await askIn(page(), "how do we measure ai kpis");
    const announcer = page().locator("#announcer");
    await expect
      .poll(() => textOf(announcer))
      .toMatch(
        /^How can AI engineering KPIs be effectively measured\?\. AI engineering KPIs can be/,
      );
    const said = await textOf(announcer);
    for (const furniture of ["Related questions", "Was this helpful", "Open step", "Helpful"]) {
      expect(said).not.toContain(furniture);
    }
    expect(said).not.toContain(await textOf(reply.locator("button.chip").first()));
    expect(await page().locator("#log-box").getAttribute("aria-live")).toBe("off");
    expect(await page().locator("#log-box").getAttribute("role")).toBe("log");
  });

  it("fits a 400px window without sideways scrolling", async () => {
    await page().setViewportSize({ width: 400, height: 760 });
    await page().reload();
    await replyAfter(0);
    const overflow = await page().evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page().getByLabel("Ask a question or a command").isVisible()).toBe(true);
    const reply = await askByTyping("step 3");
    expect(reply).toContain("Structure Your Team");
  });

  it("ran without console errors or CSP violations", () => {
    expect(playground.problems).toEqual([]);
  });
});

describe.skipIf(skipBrowser)("the playground on a server started with API_TOKEN", () => {
  let playground: Playground;
  const page = () => playground.page;
  const cards = () => cardsIn(page());

  beforeAll(async () => {
    playground = await openPlayground({ env: { API_TOKEN: "s3cret-playground-token" } });
  });

  afterAll(() => playground?.close());

  /** Types a token into the form the page shows, and waits for the page to start again. */
  async function giveToken(token: string): Promise<void> {
    await page().getByLabel("API token").fill(token);
    await Promise.all([
      page().waitForEvent("load"),
      page().getByRole("button", { name: "Use token" }).click(),
    ]);
    await cards().first().waitFor();
  }

  it("asks for the token rather than failing every question", async () => {
    const first = await textOf(cards().first());
    expect(first).toContain("An API token is needed");
    expect(first).toContain("API_TOKEN");
    expect(first).not.toContain("Something went wrong");
    expect(await textOf(page().locator("#steps-note"))).toContain("once the API token is given");
  });

  it("brings the form back, ready to type into, when a question is asked before the token", async () => {
    const count = await cards().count();
    const box = page().getByLabel("Ask a question or a command");
    await box.fill("how do we measure ai kpis");
    await box.press("Enter");
    await expect.poll(() => page().evaluate(() => document.activeElement?.id)).toBe("api-token");
    // The one form, now after the question.
    expect(await page().locator("#token-form").count()).toBe(1);
    expect(await cards().count()).toBe(count);
    const last = page().locator(".message").last();
    expect(await last.locator("#token-form").count()).toBe(1);
  });

  it("refuses a token no header can carry, and says why", async () => {
    await page().getByLabel("API token").fill("s3cret-playground-token\u201d");
    await page().getByRole("button", { name: "Use token" }).click();
    expect(await textOf(page().locator("#api-token-problem"))).toContain("without quotes");
    expect(await page().evaluate(() => sessionStorage.length)).toBe(0);
  });

  it("says so when the token is wrong, and asks again", async () => {
    await giveToken("not-the-token");
    expect(await textOf(cards().first())).toContain("That token was not accepted");
    expect(await page().getByLabel("API token").isVisible()).toBe(true);
  });

  it("answers, lists the steps and takes feedback once the right token is given", async () => {
    await giveToken("s3cret-playground-token");
    expect(await textOf(cards().first())).toContain("How to ask me");
    await page().locator("#steps .step-button").nth(6).waitFor();
    const reply = await askIn(page(), "how do we measure ai kpis");
    expect(await textOf(reply)).toContain("How can AI engineering KPIs be effectively measured?");
    const [request] = await Promise.all([
      page().waitForRequest((r) => r.url().endsWith("/api/feedback")),
      reply.getByRole("button", { name: "Helpful", exact: true }).click(),
    ]);
    expect((await request.response())?.status()).toBe(204);
  });
});

describe.skipIf(skipBrowser)("the playground's own requests, as the insights count them", () => {
  let playground: Playground;
  beforeAll(async () => {
    playground = await openPlayground({ env: { INSIGHTS_TOKEN: "insights-token" } });
  });
  afterAll(() => playground?.close());

  it("counts what a person asks, not the steps and greeting the page loads", async () => {
    const { page, base } = playground;
    await page.locator("#steps .step-button").nth(6).waitFor();
    const asked = async () => {
      const res = await fetch(`${base}/insights.json`, {
        headers: { authorization: "Bearer insights-token" },
      });
      return ((await res.json()) as { asked: number }).asked;
    };
    await askIn(page, "how do we measure ai kpis");
    // Written in batches: wait for the one question, then make sure nothing else came.
    const deadline = Date.now() + 5_000;
    while ((await asked()) < 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(await asked()).toBe(1);
  });

  it("asks a greeting's suggestion without feeding back a choice the server never recorded", async () => {
    const { page } = playground;
    const paths: string[] = [];
    const onRequest = (r: Request) => {
      if (r.url().includes("/api/")) paths.push(new URL(r.url()).pathname);
    };
    page.on("request", onRequest);
    const count = await cardsIn(page).count();
    await cardsIn(page).first().locator("button.chip").first().click();
    await replyIn(page, count);
    page.off("request", onRequest);
    expect(paths).toEqual(["/api/chat"]);
    expect(playground.problems).toEqual([]);
  });
});
