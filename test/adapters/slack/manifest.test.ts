import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { SLACK_EVENTS_PATH } from "../../../src/adapters/slack/surface.ts";
import { parseConfig } from "../../../src/config.ts";

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: {
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; url?: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

/** YAML through gray-matter (a dependency already): front matter is YAML. */
function load(file: string): Manifest {
  const yaml = readFileSync(file, "utf8");
  return matter(`---\n${yaml}\n---\n`, {}).data as Manifest;
}

const NEEDED_SCOPES = ["app_mentions:read", "chat:write", "commands", "im:history"];

describe("the Slack app manifests", () => {
  const defaultCommand = parseConfig({}).slack.command;

  for (const [file, socket] of [
    ["slack/manifest.yml", false],
    ["slack/manifest.socket-mode.yml", true],
  ] as const) {
    it(`${file} declares the command, events, scopes and interactivity`, () => {
      const m = load(file);
      expect(m.features.slash_commands.map((c) => c.command)).toEqual([defaultCommand]);
      expect(m.settings.event_subscriptions.bot_events.sort()).toEqual([
        "app_mention",
        "message.im",
      ]);
      expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(NEEDED_SCOPES));
      expect(m.settings.interactivity.is_enabled).toBe(true);
      expect(m.settings.socket_mode_enabled).toBe(socket);
      // Slack's own limits on these fields.
      expect(m.display_information.description.length).toBeLessThanOrEqual(140);
      expect(m.display_information.long_description.length).toBeGreaterThanOrEqual(175);
      expect(m.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    });
  }

  it("points every HTTP request URL at the events endpoint", () => {
    const m = load("slack/manifest.yml");
    const urls = [
      m.features.slash_commands[0]?.url,
      m.settings.event_subscriptions.request_url,
      m.settings.interactivity.request_url,
    ];
    for (const url of urls) {
      expect(url).toBe(`https://YOUR-HOST.example.com${SLACK_EVENTS_PATH}`);
    }
  });

  it("needs no request URL in Socket Mode", () => {
    const m = load("slack/manifest.socket-mode.yml");
    expect(m.settings.event_subscriptions.request_url).toBeUndefined();
    expect(m.settings.interactivity.request_url).toBeUndefined();
    expect(m.features.slash_commands[0]?.url).toBeUndefined();
  });
});

describe("npm run slack:manifest", () => {
  const run = (env: Record<string, string>, args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/slack-manifest.ts", ...args], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", ...env },
    });

  it("fills in this install's BOT_NAME, command and host", () => {
    const out = run({ BOT_NAME: "FAQ Helper", SLACK_COMMAND: "/faq" }, [
      "--host",
      "faq.example.com",
    ]);
    expect(out.status).toBe(0);
    const manifest = matter(`---\n${out.stdout}\n---\n`, {}).data as Manifest;
    expect(manifest.display_information.name).toBe("FAQ Helper");
    expect(manifest.features.bot_user.display_name).toBe("faq-helper");
    expect(manifest.features.slash_commands[0]?.command).toBe("/faq");
    expect(manifest.settings.event_subscriptions.request_url).toBe(
      `https://faq.example.com${SLACK_EVENTS_PATH}`,
    );
  });

  it("refuses a host that is a URL", () => {
    const out = run({}, ["--host", "https://faq.example.com/"]);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/bare host name/);
  });
});
