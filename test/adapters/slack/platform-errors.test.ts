/**
 * Failed Web API calls are counted for `/metrics`
 * (`aifirst_platform_api_errors_total`), through the real Bolt stack against
 * a fake Slack that refuses to post where the bot is not a member.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Counters } from "../../../src/metrics.ts";
import {
  clickUnderVisible,
  type Harness,
  sendAction,
  startHarness,
  visibleText,
} from "./helpers/harness.ts";

const failed: string[] = [];
const metrics: Counters = {
  storeWriteFailed: () => undefined,
  storeEventsDropped: () => undefined,
  platformApiError: (platform, call) => {
    failed.push(`${platform} ${call}`);
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ metrics });
});
afterAll(() => h.close());

it("counts a chat.postMessage Slack refused, and still answers privately", async () => {
  const payload = clickUnderVisible(
    { channel: "CNOTIN", ts: "1700000700.1" },
    { action_id: "aifirst_ask_s_1", value: "step 2" },
  );
  payload.response_url = h.fake.responseUrl("counted");
  await sendAction(h, payload);
  const answered = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "counted"));
  expect(visibleText(answered.body)).toContain("Step 2: Develop a Clear Roadmap");
  expect(failed).toEqual(["slack chat.postMessage"]);
});
