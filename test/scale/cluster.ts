/**
 * A scale-out deploy on loopback for one test file: a throwaway Postgres
 * cluster, a fake Slack Web API that records what the bot posted, and server
 * processes sharing a fresh database per test. Also the requests a user's
 * client and Slack make against them.
 */
import { type FakeSlack, startFakeSlack } from "../adapters/slack/helpers/fake-slack.ts";
import { eventCallback, fixture, signature } from "../adapters/slack/helpers/harness.ts";
import { INSTANCE_SLACK, type Instances, startInstances } from "../support/instances.ts";
import { postgresSkipReason, startPostgres, type TestPostgres } from "../support/postgres.ts";

/** Why these tests cannot run here (printed), or undefined. Throws on CI rather than skip. */
export const skipReason = postgresSkipReason();

export interface Cluster {
  postgres: TestPostgres;
  fake: FakeSlack;
  /** Instances started by `deploy`, closed by `teardown`. */
  running: Instances[];
}

export async function setupCluster(): Promise<Cluster> {
  const [postgres, fake] = await Promise.all([startPostgres(), startFakeSlack()]);
  return { postgres, fake, running: [] };
}

export async function teardownCluster(cluster: Cluster | undefined): Promise<void> {
  if (!cluster) return;
  await Promise.all(cluster.running.splice(0).map((i) => i.close()));
  await cluster.fake.close();
  await cluster.postgres.stop();
}

/** `count` instances on a new database of the cluster; returns them and the database's URL. */
export async function deploy(
  cluster: Cluster,
  count: number,
  env: Record<string, string> = {},
): Promise<{ instances: Instances; databaseUrl: string }> {
  const databaseUrl = await cluster.postgres.createDatabase();
  const instances = await startInstances({
    count,
    databaseUrl,
    slackApiUrl: cluster.fake.apiUrl,
    env,
  });
  cluster.running.push(instances);
  return { instances, databaseUrl };
}

/** An `app_mention` delivered by Slack to `base`, signed; `retry` sets X-Slack-Retry-Num. */
export async function sendMention(
  base: string,
  eventId: string,
  text: string,
  retry?: number,
): Promise<Response> {
  const mention = { ...fixture("app-mention.json"), text: `<@UBOT> ${text}` };
  const body = JSON.stringify(eventCallback(mention, eventId));
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature(body, timestamp, INSTANCE_SLACK.signingSecret),
      ...(retry === undefined
        ? {}
        : { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" }),
    },
    body,
  });
}

/** The contract's `/api/ask` reply, as far as these tests read it. */
export interface AskReply {
  kind: string;
  playbook: string | null;
  faq: { question: string; answer: string } | null;
  suggestions: string[];
  sure: boolean;
  id: string;
}

export async function ask(base: string, question: string): Promise<AskReply> {
  const res = await fetch(`${base}/api/ask?q=${encodeURIComponent(question)}`);
  if (res.status !== 200) throw new Error(`${base}/api/ask answered ${res.status}`);
  return (await res.json()) as AskReply;
}

export async function sendFeedback(
  base: string,
  body: { id: string; helpful: boolean } | { id: string; chose: string },
): Promise<number> {
  const res = await fetch(`${base}/api/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Retries `check` every 50 ms until it passes; rethrows its last failure after `ms`. */
export async function eventually<T>(check: () => Promise<T> | T, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
