import { describe, expect, it } from "vitest";
import { slackSurface } from "../../../src/adapters/slack/surface.ts";
import { createAssistant } from "../../../src/assistant.ts";
import { parseConfig } from "../../../src/config.ts";
import { silentLogger } from "../../../src/log.ts";
import { isOff } from "../../../src/server/surface.ts";
import { botFor } from "../../support/converse.ts";
import { type Harness, sendCommand, startHarness, visibleText } from "./helpers/harness.ts";

async function setup(env: Record<string, string>) {
  const bot = await botFor();
  return slackSurface({
    config: parseConfig(env),
    bot,
    assistant: createAssistant(bot),
    logger: silentLogger,
  });
}

describe("turning Slack on", () => {
  it("stays off without credentials, saying what to set", async () => {
    const result = await setup({});
    expect(isOff(result) && result.off).toMatch(/SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/);
  });

  it("names the missing half of half-set credentials", async () => {
    const noSecret = await setup({ SLACK_BOT_TOKEN: "xoxb-1" });
    expect(isOff(noSecret) && noSecret.off).toMatch(/SLACK_SIGNING_SECRET is missing/);
    const noToken = await setup({ SLACK_SIGNING_SECRET: "s" });
    expect(isOff(noToken) && noToken.off).toMatch(/SLACK_BOT_TOKEN is missing/);
    const appOnly = await setup({ SLACK_APP_TOKEN: "xapp-1" });
    expect(isOff(appOnly) && appOnly.off).toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it("catches swapped tokens", async () => {
    const swapped = await setup({ SLACK_BOT_TOKEN: "xapp-1", SLACK_APP_TOKEN: "xoxb-1" });
    expect(isOff(swapped) && swapped.off).toMatch(/app-level token/);
  });

  it("uses HTTP with a bot token and signing secret, Socket Mode with an app token too", async () => {
    const http = await setup({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" });
    expect(!isOff(http) && http.description).toBe("HTTP at POST /slack/events, command /aifirst");
    const socket = await setup({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_COMMAND: "/playbook",
    });
    expect(!isOff(socket) && socket.description).toBe("Socket Mode, command /playbook");
  });
});

describe("a custom command name", () => {
  let h: Harness;
  it("answers SLACK_COMMAND and points other commands to it", async () => {
    h = await startHarness({ env: { SLACK_COMMAND: "/playbook" } });
    try {
      const ok = await sendCommand(h, "step 1", { command: "/playbook" });
      expect(visibleText(await ok.json())).toContain("Step 1: Define Your AI Strategy");
      const other = await sendCommand(h, "step 1", { command: "/aifirst" });
      expect(await other.json()).toEqual({
        response_type: "ephemeral",
        text: "This app answers /playbook.",
      });
    } finally {
      await h.close();
    }
  });
});

describe("repaired text", () => {
  it("never shows mojibake from content", async () => {
    const h = await startHarness({ contentDir: "test/fixtures/slack/content-mojibake" });
    try {
      for (const text of ["pager escalation", "step 1", "step 2", "steps", "faq"]) {
        const reply = JSON.stringify(await (await sendCommand(h, text)).json());
        expect(reply).not.toMatch(/â€|Ã/);
      }
      const answer = await (await sendCommand(h, "pager escalation")).json();
      const seen = visibleText(answer);
      expect(seen).toContain("What’s the pager escalation policy?");
      expect(seen).toContain("after 15 minutes — then the manager");
      expect(seen).toContain("<https://example.com/policy|the policy>");
      expect(seen).toContain("From: On‑call Handbook");
    } finally {
      await h.close();
    }
  });

  it("shows the seed playbook's steps and questions without mojibake", async () => {
    const h = await startHarness();
    try {
      const asks = ["steps", "faq", "help", ...[1, 2, 3, 4, 5, 6, 7].map((n) => `step ${n}`)];
      const bot = await botFor();
      asks.push(...bot.knowledge.playbooks.flatMap((p) => p.faqs.map((f) => f.question)));
      for (const text of asks) {
        const raw = await (await sendCommand(h, text)).text();
        expect(raw).not.toMatch(/â€|Ã/);
      }
    } finally {
      await h.close();
    }
  });
});

describe("an engine failure", () => {
  it("is logged, and the user gets a fixed apology without details", async () => {
    const real = await botFor();
    const broken = {
      ...real,
      ask: () => {
        throw new Error("index corrupted at /secret/path");
      },
    };
    const h = await startHarness({ bot: broken });
    try {
      const res = await sendCommand(h, "step 3");
      expect(res.status).toBe(200);
      const raw = await res.text();
      expect(raw).toContain("Sorry, something went wrong while answering. Please try again.");
      expect(raw).not.toContain("secret");
      expect(h.logs.find((l) => l.msg === "slack answer failed")).toMatchObject({
        level: "error",
        via: "command",
      });
    } finally {
      await h.close();
    }
  });
});

describe("a long answer", () => {
  it("arrives whole, split over sections inside Slack's limits", async () => {
    const h = await startHarness({ contentDir: "test/fixtures/slack/content-long" });
    try {
      const reply = (await (await sendCommand(h, "how do we write an incident review")).json()) as {
        text: string;
        blocks: Array<{ type: string; text?: { text: string } }>;
      };
      expect(reply.blocks.length).toBeLessThanOrEqual(50);
      const sections = reply.blocks.filter((b) => b.type === "section");
      for (const s of sections) expect(s.text?.text.length).toBeLessThanOrEqual(3000);
      const seen = visibleText(reply);
      for (let i = 1; i <= 12; i++) {
        expect(seen).toContain(`*Part ${i}.*`);
        expect(seen).toContain(`<https://example.com/review/${i}|the template>`);
        expect(seen).toContain(`\`review --part ${i}\``);
      }
      expect(sections.length).toBeGreaterThan(3);
      expect(reply.text).toContain("*Part 12.*");
    } finally {
      await h.close();
    }
  });
});
