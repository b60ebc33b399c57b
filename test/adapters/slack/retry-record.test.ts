/**
 * The retry record is a port: two instances sharing one (as they will share
 * the store's) answer a retried event once between them, whichever instance
 * Slack's retry reaches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventClaims } from "../../../src/adapters/slack/dedupe.ts";
import {
  eventCallback,
  fixture,
  type Harness,
  sendEvent,
  startHarness,
  visibleText,
} from "./helpers/harness.ts";

/** A shared record that answers asynchronously, as a database would. */
function sharedClaims(): EventClaims & { claimed: string[] } {
  const claimed: string[] = [];
  return {
    claimed,
    async claim(eventId) {
      await new Promise((r) => setTimeout(r, 5));
      if (claimed.includes(eventId)) return false;
      claimed.push(eventId);
      return true;
    },
  };
}

const claims = sharedClaims();
let a: Harness;
let b: Harness;
beforeAll(async () => {
  [a, b] = await Promise.all([startHarness({ claims }), startHarness({ claims })]);
  await Promise.all([a.surface.ready(), b.surface.ready()]);
});
afterAll(() => Promise.all([a.close(), b.close()]));

const posts = () => [...a.fake.callsTo("chat.postMessage"), ...b.fake.callsTo("chat.postMessage")];

describe("a retry record shared by two instances", () => {
  it("answers an event once when its retry reaches the other instance", async () => {
    const body = eventCallback({ ...fixture("message-im.json"), text: "step 5" }, "EvShared0001");
    expect((await sendEvent(a, body)).status).toBe(200);
    await a.fake.waitFor(() => posts()[0]);
    const retry = { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } };
    expect((await sendEvent(b, body, retry)).status).toBe(200);
    // A later event through the second instance is answered: the retry has had its chance.
    await sendEvent(
      b,
      eventCallback({ ...fixture("message-im.json"), text: "step 1" }, "EvShared0002"),
    );
    await b.fake.waitFor(() => b.fake.callsTo("chat.postMessage")[0]);
    expect(posts().filter((p) => visibleText(p.body).includes("Step 5:"))).toHaveLength(1);
    expect(claims.claimed).toEqual(["EvShared0001", "EvShared0002"]);
    expect(b.logs.find((l) => l.msg === "slack retry ignored")).toMatchObject({
      eventId: "EvShared0001",
      retryNum: 1,
    });
  });

  it("answers anyway when the record cannot be reached", async () => {
    const broken: EventClaims = { claim: () => Promise.reject(new Error("store down")) };
    const h = await startHarness({ claims: broken });
    try {
      await h.surface.ready();
      await sendEvent(
        h,
        eventCallback({ ...fixture("message-im.json"), text: "step 2" }, "EvDown01"),
      );
      const posted = await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[0]);
      expect(visibleText(posted.body)).toContain("Step 2:");
      expect(h.logs.some((l) => l.msg === "slack retry record unavailable; answering")).toBe(true);
    } finally {
      await h.close();
    }
  });
});
