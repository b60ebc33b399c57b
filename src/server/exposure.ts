/**
 * What a running server lets others reach, said once at start-up: where it
 * listens, what answers there and what protects it; and a warning when a
 * public bind serves the playground or the API to anyone.
 */
import type { Config } from "../config.ts";

export interface Exposure {
  /** "Exposed on 0.0.0.0:3000 (every interface): ..." */
  summary: string;
  /** Set when a public bind serves something with no login. */
  warning: string | null;
}

/** `on`: the names of the surfaces that are on (e.g. "Playground", "Slack", "Teams"). */
export function describeExposure(
  config: Pick<Config, "host" | "access" | "slack" | "teams">,
  port: number,
  on: ReadonlySet<string>,
): Exposure {
  const { playground, apiToken, metricsToken } = config.access;
  const parts: string[] = [];
  if (on.has("Playground")) parts.push("playground at / (no login)");
  parts.push(`/api/* (${apiToken ? "Bearer token required" : "no token"})`);
  parts.push(`/metrics (${metricsToken ? "Bearer token required" : "no token"})`);
  if (on.has("Slack") && !config.slack.appToken) parts.push("/slack/events (Slack signature)");
  if (on.has("Teams")) {
    parts.push(
      `/api/messages (${config.teams.appId ? "Bot Framework token" : "anonymous: no token checks"})`,
    );
  }
  parts.push("/healthz (counts only)");
  const host = config.host ?? "0.0.0.0";
  const where = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  const summary = `Exposed on ${where}${isPublic(config.host) ? "" : " (this machine only)"}: ${parts.join(", ")}`;
  const open = [
    ...(playground && on.has("Playground") ? ["the playground"] : []),
    ...(apiToken ? [] : ["the API (/api/ask, /api/chat, /api/feedback)"]),
  ];
  const warning =
    isPublic(config.host) && open.length > 0
      ? `${where} is reachable from other machines, and ${open.join(" and ")} answer anyone: set PLAYGROUND=off and API_TOKEN, or HOST=127.0.0.1 (docs/operations.md)`
      : null;
  return { summary, warning };
}

/** Whether a server bound to `host` can be reached from other machines. */
export function isPublic(host: string | undefined): boolean {
  if (host === undefined) return true;
  const h = host.toLowerCase();
  return !(h === "localhost" || h === "::1" || h.startsWith("127.") || h === "::ffff:127.0.0.1");
}
