import { readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
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
      /SLACK_COMMAND: must look like \/aifirst/,
    );
    expect(() => parseConfig({ TEAMS_ANONYMOUS: "maybe" })).toThrow(
      'TEAMS_ANONYMOUS: expected on/off, true/false, yes/no or 1/0, got "maybe"',
    );
    expect(() =>
      parseConfig({ SLACK_API_URL: "not a url", SLACK_BOT_TOKEN: "xoxb-secret" }),
    ).toThrow(/SLACK_API_URL: must be a URL/);
    try {
      parseConfig({ SLACK_API_URL: "not a url", SLACK_BOT_TOKEN: "xoxb-secret" });
    } catch (error) {
      expect((error as Error).message).not.toContain("xoxb-secret");
    }
  });
});

describe("access, content and store settings", () => {
  it("has open, watched, recording defaults", () => {
    const config = parseConfig({});
    expect(config.access).toEqual({
      playground: true,
      apiToken: undefined,
      metricsToken: undefined,
      trustProxy: undefined,
    });
    expect(config.content.watch).toBe(true);
    expect(config.store).toEqual({
      dataDir: "data",
      databaseUrl: undefined,
      recordQuestions: true,
      retentionDays: 90,
      learn: "suggest",
      learnMinUsers: 3,
      insightsToken: undefined,
    });
  });

  it("reads every access, content and store variable", () => {
    const config = parseConfig({
      PLAYGROUND: "off",
      API_TOKEN: "api-secret",
      METRICS_TOKEN: "metrics-secret",
      CONTENT_WATCH: "false",
      DATA_DIR: "/var/lib/aifirst",
      DATABASE_URL: "postgres://app@db:5432/aifirst",
      RECORD_QUESTIONS: "no",
      RETENTION_DAYS: "30",
      LEARN: "auto",
      LEARN_MIN_USERS: "5",
      INSIGHTS_TOKEN: "insights-secret",
      TRUST_PROXY: "loopback, 10.0.0.0/8",
    });
    expect(config.access).toEqual({
      playground: false,
      apiToken: "api-secret",
      metricsToken: "metrics-secret",
      trustProxy: ["loopback", "10.0.0.0/8"],
    });
    expect(config.content.watch).toBe(false);
    expect(config.store).toEqual({
      dataDir: "/var/lib/aifirst",
      databaseUrl: "postgres://app@db:5432/aifirst",
      recordQuestions: false,
      retentionDays: 30,
      learn: "auto",
      learnMinUsers: 5,
      insightsToken: "insights-secret",
    });
  });

  it("believes X-Forwarded-For only from proxies it is told of", () => {
    expect(parseConfig({ TRUST_PROXY: "1" }).access.trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: "127.0.0.1,::1" }).access.trustProxy).toEqual([
      "127.0.0.1",
      "::1",
    ]);
    expect(parseConfig({ TRUST_PROXY: "false" }).access.trustProxy).toBeUndefined();
    expect(() => parseConfig({ TRUST_PROXY: "true" })).toThrow(/would believe any client/);
    expect(() => parseConfig({ TRUST_PROXY: "nginx" })).toThrow(
      /TRUST_PROXY must name the proxy.*"nginx"/,
    );
    expect(() => parseConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
  });

  it("names a bad store setting without echoing it", () => {
    expect(() => parseConfig({ LEARN: "always" })).toThrow(/LEARN/);
    expect(() => parseConfig({ RETENTION_DAYS: "0" })).toThrow(/RETENTION_DAYS/);
    expect(() => parseConfig({ PLAYGROUND: "hidden" })).toThrow(/PLAYGROUND: expected on\/off/);
    try {
      parseConfig({ DATABASE_URL: "mysql://root:hunter2@db/x" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
      expect((error as Error).message).not.toContain("hunter2");
    }
  });

  it("lists every word an on/off setting takes, and says what a number setting must be", () => {
    expect(() => parseConfig({ PLAYGROUND: "of" })).toThrow(
      '\n  PLAYGROUND: expected on/off, true/false, yes/no or 1/0, got "of"',
    );
    for (const [yes, no] of [
      ["on", "off"],
      ["true", "false"],
      ["yes", "no"],
      ["1", "0"],
    ])
      expect([yes, no].map((v) => parseConfig({ PLAYGROUND: v ?? "" }).access.playground)).toEqual([
        true,
        false,
      ]);
    const numbers = {
      PORT: "must be a whole number from 0 to 65535",
      RETENTION_DAYS: "must be a whole number of days, at least 1",
      LEARN_MIN_USERS: "must be a whole number of users, at least 1",
    };
    for (const [name, message] of Object.entries(numbers))
      for (const value of ["1.5", "abc", "-1"])
        expect(() => parseConfig({ [name]: value }), `${name}=${value}`).toThrow(
          `aifirst: invalid configuration:\n  ${name}: ${message}`,
        );
    expect(() => parseConfig({ PORT: "70000" })).toThrow(numbers.PORT);
    expect(() => parseConfig({ RETENTION_DAYS: "0" })).toThrow(numbers.RETENTION_DAYS);
  });

  it("refuses a DATABASE_URL the Postgres driver cannot read, naming it, without the password", () => {
    for (const url of [
      "postgres://app:hunter2@127.0.0.1:notaport/aifirst",
      "postgres://app:hunter2@127.0.0.1:99999/aifirst",
      "postgres://app:hunter2@127.0.0.1:0/aifirst",
      "postgres://app:hun#ter2@db/aifirst",
    ]) {
      expect(() => parseConfig({ DATABASE_URL: url }), url).toThrow(
        /\n {2}DATABASE_URL: not a valid URL: write it as postgres:\/\/user:password@host:5432\/database/,
      );
      expect(() => parseConfig({ DATABASE_URL: url })).not.toThrow(/hunter2|ter2/);
    }
    for (const url of [
      "postgres://app:pw@db.internal:5432/aifirst",
      "postgresql://app@[::1]/aifirst",
      "postgres://app@/aifirst?host=/var/run/postgresql",
    ])
      expect(parseConfig({ DATABASE_URL: url }).store.databaseUrl).toBe(url);
  });
});

describe(".env.example", () => {
  const example = readFileSync(".env.example", "utf8");

  it("parses as it stands, to the defaults", () => {
    const config = parseConfig(parseDotenv(example));
    expect(config.access).toEqual({
      playground: true,
      apiToken: undefined,
      metricsToken: undefined,
    });
    expect(config.content.watch).toBe(true);
    expect(config.store).toMatchObject({ dataDir: "data", learn: "suggest", retentionDays: 90 });
  });

  it("documents every variable the configuration reads", () => {
    const source = readFileSync("src/config.ts", "utf8");
    const schema = source.slice(
      source.indexOf("const envSchema"),
      source.indexOf("export interface Config"),
    );
    const names = [...schema.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(example, name).toMatch(new RegExp(`^${name}=`, "m"));
  });
});
