/**
 * Configuration, read once at the edge from the environment (and `.env`),
 * validated with zod, frozen. Nothing else in the code reads process.env.
 */
import { isIP } from "node:net";
import { z } from "zod/v4";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    if (["", "0", "false", "no", "off"].includes(v)) return false;
    if (["1", "true", "yes", "on"].includes(v)) return true;
    ctx.addIssue({
      code: "custom",
      message: `expected on/off, true/false, yes/no or 1/0, got "${v}"`,
    });
    return z.NEVER;
  })
  .optional();

/** A whole number from `min` to `max`, one message for every way it can be wrong (zod's say "expected int"). */
function wholeNumber(message: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce
    .number<string | undefined>({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

/** Express's names for the private ranges a proxy on the same host or network sits in. */
const PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Whose X-Forwarded-For to believe: a hop count, or proxies by address, CIDR or range name.
 * "true" would believe any client's header, so it is refused.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): number | string[] | undefined => {
    if (["", "false", "off", "no", "0"].includes(v.toLowerCase())) return undefined;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
    const bad = entries.find((x) => !PROXY_RANGES.has(x) && !isAddressOrCidr(x));
    if (v.toLowerCase() === "true" || bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `TRUST_PROXY must name the proxy (loopback, an address or CIDR, or a hop count)${bad !== undefined && v.toLowerCase() !== "true" ? `, got "${bad}"` : ": true would believe any client's X-Forwarded-For"}`,
      });
      return z.NEVER;
    }
    return entries;
  })
  .optional();

function isAddressOrCidr(value: string): boolean {
  const [address = "", bits, ...rest] = value.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Never the value itself: it holds the password. */
const DATABASE_URL_FORM =
  "not a valid URL: write it as postgres://user:password@host:5432/database, the port a number from 1 to 65535, and @ : / # ? in the password percent-encoded";

/**
 * Whether the Postgres driver can read the URL (it parses with `new URL`), with a port it can
 * connect to: else the store would retry an "Invalid URL" forever, as if the database were down.
 */
function parsesWithPort(value: string): boolean {
  // pg reads a URL with no host (`postgres://app@/db?host=/run/postgresql`) as if it had one.
  for (const text of [value, value.replace("@/", "@localhost/")]) {
    try {
      return new URL(text).port !== "0";
    } catch {}
  }
  return false;
}

const envSchema = z.object({
  // Empty (a blank line in .env) means unset, not port 0.
  PORT: optionalText.pipe(
    wholeNumber("must be a whole number from 0 to 65535", 0, 65535).default(3000),
  ),
  HOST: optionalText,
  TRUST_PROXY: trustProxy,
  BOT_NAME: optionalText.pipe(
    z.string().max(30, "must be at most 30 characters (Teams' limit)").default("Playbook Bot"),
  ),
  CONTENT_DIR: optionalText,
  DEFAULT_PLAYBOOK: optionalText,
  LOG_LEVEL: optionalText.pipe(
    z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  ),
  LOG_FORMAT: optionalText.pipe(z.enum(["json", "pretty"]).optional()),

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url({ error: "must be a URL" }).optional()),
  SLACK_COMMAND: optionalText.pipe(
    z
      .string()
      .regex(/^\/[a-z0-9_-]+$/i, "must look like /aifirst")
      .default("/aifirst"),
  ),

  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: optionalText.pipe(
    z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).optional(),
  ),
  MicrosoftAppTenantId: optionalText,
  TEAMS_ANONYMOUS: flag,

  PLAYGROUND: flag,
  API_TOKEN: optionalText,
  METRICS_TOKEN: optionalText,
  CONTENT_WATCH: flag,

  DATA_DIR: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .refine(parsesWithPort, DATABASE_URL_FORM)
      .optional(),
  ),
  RECORD_QUESTIONS: flag,
  RETENTION_DAYS: optionalText.pipe(
    wholeNumber("must be a whole number of days, at least 1", 1).default(90),
  ),
  LEARN: optionalText.pipe(z.enum(["suggest", "auto", "off"]).default("suggest")),
  LEARN_MIN_USERS: optionalText.pipe(
    wholeNumber("must be a whole number of users, at least 1", 1).default(3),
  ),
  INSIGHTS_TOKEN: optionalText,
});

export interface Config {
  port: number;
  host: string | undefined;
  /** What the bot is called everywhere: Slack, Teams, the playground, the manifests. */
  botName: string;
  contentDir: string;
  defaultPlaybook: string | undefined;
  log: {
    level: "debug" | "info" | "warn" | "error" | "silent";
    format: "json" | "pretty" | undefined;
  };
  slack: {
    botToken: string | undefined;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
    command: string;
  };
  teams: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI" | undefined;
    tenantId: string | undefined;
    anonymous: boolean;
  };
  /** Who may reach what on a public host. */
  access: {
    /** The page at `/`, its assets and `/api/chat` (PLAYGROUND=off removes them). */
    playground: boolean;
    /** When set, `/api/*` (not Teams' `/api/messages`) needs `Authorization: Bearer <it>`. */
    apiToken: string | undefined;
    /** When set, `/metrics` needs `Authorization: Bearer <it>`. */
    metricsToken: string | undefined;
    /**
     * The reverse proxies whose X-Forwarded-For gives the client's address (Express's
     * "trust proxy"): a hop count or proxies by address. Unset, the header is ignored.
     */
    trustProxy: number | string[] | undefined;
  };
  content: {
    /** Watch CONTENT_DIR and apply edits without a restart (SIGHUP reloads either way). */
    watch: boolean;
  };
  /** The question store and what it learns (read by the store; parsed here with the rest). */
  store: {
    dataDir: string;
    databaseUrl: string | undefined;
    recordQuestions: boolean;
    retentionDays: number;
    learn: "suggest" | "auto" | "off";
    learnMinUsers: number;
    /** When set, `/insights` answers to `Authorization: Bearer <it>`; unset, it is 404. */
    insightsToken: string | undefined;
  };
}

export class ConfigError extends Error {
  readonly code = "AIFIRST_BAD_CONFIG";
}

/** Parses an environment (process.env, or a test's own object) into a frozen Config. */
export function parseConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`aifirst: invalid configuration:\n${lines.join("\n")}`);
  }
  const e = result.data;
  return deepFreeze({
    port: e.PORT,
    host: e.HOST,
    botName: e.BOT_NAME,
    contentDir: e.CONTENT_DIR ?? "content",
    defaultPlaybook: e.DEFAULT_PLAYBOOK,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      command: e.SLACK_COMMAND,
    },
    teams: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      anonymous: e.TEAMS_ANONYMOUS ?? false,
    },
    access: {
      playground: e.PLAYGROUND ?? true,
      apiToken: e.API_TOKEN,
      metricsToken: e.METRICS_TOKEN,
      trustProxy: e.TRUST_PROXY,
    },
    content: { watch: e.CONTENT_WATCH ?? true },
    store: {
      dataDir: e.DATA_DIR ?? "data",
      databaseUrl: e.DATABASE_URL,
      recordQuestions: e.RECORD_QUESTIONS ?? true,
      retentionDays: e.RETENTION_DAYS,
      learn: e.LEARN,
      learnMinUsers: e.LEARN_MIN_USERS,
      insightsToken: e.INSIGHTS_TOKEN,
    },
  });
}

/** The name of every variable the configuration reads: the schema's own keys, listed nowhere else. */
export const SETTING_NAMES: readonly string[] = Object.freeze(Object.keys(envSchema.shape));

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const v of Object.values(value)) if (v && typeof v === "object") deepFreeze(v);
  return Object.freeze(value);
}
