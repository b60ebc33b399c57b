/**
 * Slack on the real server with its store: a retried event is claimed in the
 * store (shared by every instance on one database), so it is answered once,
 * and the question is recorded under the Slack user's keyed hash.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  eventCallback,
  fixture,
  sendToSlackEndpoint,
  visibleText,
} from "../adapters/slack/helpers/harness.ts";
import { startSlackServer } from "./helpers/real-server.ts";

describe("Slack with the store", () => {
  it("answers a retried event once, through the store's retry record, and records it", async () => {
    const { server, fake } = await startSlackServer();
    const body = JSON.stringify(
      eventCallback({ ...fixture("message-im.json"), text: "step 5" }, "Ev0STORE0001"),
    );
    const send = (headers: Record<string, string> = {}) =>
      sendToSlackEndpoint(server.base, body, "application/json", { headers });
    expect((await send()).status).toBe(200);
    const posts = () => fake.callsTo("chat.postMessage");
    await fake.waitFor(() => posts()[0]);
    for (const retry of ["1", "2"]) {
      const res = await send({
        "x-slack-retry-num": retry,
        "x-slack-retry-reason": "http_timeout",
      });
      expect(res.status).toBe(200);
    }
    // The claim is in the store: any other instance on it would refuse the event too.
    expect(await server.running.store?.claimEvent("slack:Ev0STORE0001")).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(posts()).toHaveLength(1);
    expect(visibleText(posts()[0]?.body ?? {})).toContain("Step 5:");

    const csv: string[] = [];
    await server.running.store?.exportCsv(
      new Writable({
        write(chunk, _enc, done) {
          csv.push(String(chunk));
          done();
        },
      }),
      { from: new Date(0), to: new Date(Date.now() + 1000) },
    );
    const rows = csv.join("").trim().split("\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(",slack,");
    expect(rows[1]).not.toContain("U2147483697");
  });
});
