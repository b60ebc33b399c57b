import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/metrics.ts";
import { type RealServer, startRealServer } from "./helpers/real-server.ts";

let servers: RealServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function start(env: Record<string, string> = {}) {
  const server = await startRealServer(env);
  servers.push(server);
  return server;
}

/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels = ""): number | undefined {
  const escaped = `${name}${labels ? `{${labels}}` : ""}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^${escaped} (\\S+)$`, "m").exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

describe("GET /metrics", () => {
  it("counts requests by route and status, replies by kind and sureness, and times both", async () => {
    const server = await start();
    const ask = (q: string) => fetch(`${server.base}/api/ask?q=${encodeURIComponent(q)}`);
    await (await ask("how do we measure ai kpis")).json();
    await (await ask("step 3")).json();
    await (await ask("step 4")).json();
    await (await fetch(`${server.base}/api/ask`)).json();
    await (await fetch(`${server.base}/assets/app.css`)).text();
    await (await fetch(`${server.base}/no/such/page`)).text();

    const res = await fetch(`${server.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const requests = "aifirst_http_requests_total";
    expect(sample(text, requests, 'route="/api/ask",method="GET",status="200"')).toBe(3);
    expect(sample(text, requests, 'route="/api/ask",method="GET",status="400"')).toBe(1);
    // By pattern, never by URL: one series for every asset.
    expect(sample(text, requests, 'route="/assets/:name",method="GET",status="200"')).toBe(1);
    expect(sample(text, requests, 'route="unmatched",method="GET",status="404"')).toBe(1);
    expect(text).not.toMatch(/kpis|app\.css|no\/such/);

    expect(sample(text, "aifirst_replies_total", 'kind="step",sure="true"')).toBe(2);
    expect(sample(text, "aifirst_replies_total", 'kind="faq",sure="true"')).toBe(1);
    expect(sample(text, "aifirst_answer_duration_seconds_count")).toBe(3);
    expect(sample(text, "aifirst_http_request_duration_seconds_count", 'route="/api/ask"')).toBe(4);

    const version = (
      (await (await fetch(`${server.base}/healthz`)).json()) as {
        content: { version: string };
      }
    ).content.version;
    expect(sample(text, "aifirst_content_info", `version="${version}"`)).toBe(1);
    expect(sample(text, "aifirst_content_reloads_total", 'result="ok"')).toBe(0);
    expect(sample(text, "aifirst_content_reloads_total", 'result="failed"')).toBe(0);
    expect(sample(text, "aifirst_store_write_failures_total")).toBe(0);
  });

  it("counts per server: two servers in one process do not share counts", async () => {
    const [a, b] = [await start(), await start()];
    await (await fetch(`${a.base}/api/ask?q=help`)).json();
    const text = await (await fetch(`${b.base}/metrics`)).text();
    expect(sample(text, "aifirst_replies_total", 'kind="help",sure="true"')).toBeUndefined();
  });
});

describe("routes mounted by surfaces", () => {
  it("are counted under their own pattern", async () => {
    const server = await start({ TEAMS_ANONYMOUS: "true" });
    const res = await fetch(`${server.base}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    await res.arrayBuffer();
    const text = await (await fetch(`${server.base}/metrics`)).text();
    expect(
      sample(
        text,
        "aifirst_http_requests_total",
        `route="/api/messages",method="POST",status="${res.status}"`,
      ),
    ).toBe(1);
  });
});

describe("the counters other modules increment", () => {
  it("show store write failures and platform API errors", async () => {
    const metrics = createMetrics();
    metrics.storeWriteFailed();
    metrics.storeWriteFailed();
    metrics.storeEventsDropped(3);
    metrics.platformApiError("slack", "chat.postMessage");
    metrics.platformApiError("teams", "replyToActivity");
    const text = await metrics.registry.metrics();
    expect(sample(text, "aifirst_store_write_failures_total")).toBe(2);
    expect(sample(text, "aifirst_store_events_dropped_total")).toBe(3);
    expect(
      sample(text, "aifirst_platform_api_errors_total", 'platform="slack",call="chat.postMessage"'),
    ).toBe(1);
    expect(
      sample(text, "aifirst_platform_api_errors_total", 'platform="teams",call="replyToActivity"'),
    ).toBe(1);
  });
});
