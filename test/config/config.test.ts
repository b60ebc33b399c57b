import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.ts";

describe("configuration from the environment", () => {
  it("has working defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.contentDir).toBe("content");
    expect(config.slack.command).toBe("/aifirst");
    expect(config.teams.anonymous).toBe(false);
    expect(Object.isFrozen(config.slack)).toBe(true);
  });

  it("treats blank values (as in a copied .env.example) as unset", () => {
    const config = parseConfig({
      PORT: "",
      SLACK_BOT_TOKEN: "",
      MicrosoftAppType: "",
      LOG_FORMAT: "",
      SLACK_COMMAND: " ",
    });
    expect(config.port).toBe(3000);
    expect(config.slack.command).toBe("/aifirst");
    expect(config.slack.botToken).toBeUndefined();
    expect(config.teams.appType).toBeUndefined();
  });

  it("reads every surface's variables", () => {
    const config = parseConfig({
      PORT: "8080",
      CONTENT_DIR: "playbooks",
      DEFAULT_PLAYBOOK: "incident-response",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_API_URL: "https://slack-gov.com/api/",
      SLACK_COMMAND: "/playbook",
      MicrosoftAppId: "id",
      MicrosoftAppPassword: "pw",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: "tenant",
      TEAMS_ANONYMOUS: "yes",
    });
    expect(config.port).toBe(8080);
    expect(config.defaultPlaybook).toBe("incident-response");
    expect(config.slack).toMatchObject({
      appToken: "xapp-1",
      apiUrl: "https://slack-gov.com/api/",
      command: "/playbook",
    });
    expect(config.teams).toMatchObject({
      appId: "id",
      appType: "SingleTenant",
      tenantId: "tenant",
      anonymous: true,
    });
  });

  it("names the variable that is wrong, without echoing secrets", () => {
    expect(() => parseConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseConfig({ SLACK_COMMAND: "aifirst" })).toThrow(
      /SLACK_COMMAND must look like \/aifirst/,
    );
    expect(() => parseConfig({ TEAMS_ANONYMOUS: "maybe" })).toThrow(
      /TEAMS_ANONYMOUS: expected true or false/,
    );
    expect(() =>
      parseConfig({ SLACK_API_URL: "not a url", SLACK_BOT_TOKEN: "xoxb-secret" }),
    ).toThrow(/SLACK_API_URL must be a URL/);
    try {
      parseConfig({ SLACK_API_URL: "not a url", SLACK_BOT_TOKEN: "xoxb-secret" });
    } catch (error) {
      expect((error as Error).message).not.toContain("xoxb-secret");
    }
  });
});
