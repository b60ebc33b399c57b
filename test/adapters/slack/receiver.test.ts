/**
 * The HTTP receiver's edges, as Slack (or someone pretending to be Slack)
 * would hit them: content types, sizes, clocks, unhandled payloads, and a
 * listener that never acknowledges.
 */
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackReceiver } from "../../../src/adapters/slack/receiver.ts";
import { createLogger } from "../../../src/log.ts";
import { rawExchange } from "../../support/raw.ts";
import {
  commandBody,
  eventCallback,
  fixture,
  type Harness,
  SECRET,
  sendAction,
  sendCommand,
  sendEvent,
  sendToSlackEndpoint,
  signature,
  startHarness,
  visibleText,
} from "./helpers/harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.surface.ready();
});
afterAll(() => h.close());

const FORM = "application/x-www-form-urlencoded";

describe("Slack HTTP receiver", () => {
  it("answers a command whose content type carries a charset", async () => {
    const res = await sendToSlackEndpoint(
      h.base,
      commandBody("step 3", h.fake),
      `${FORM}; charset=UTF-8`,
    );
    expect(res.status).toBe(200);
    expect(visibleText(await res.json())).toContain("Structure Your Team");
  });

  it("sends the acknowledgement whole, with its length", async () => {
    const res = await sendCommand(h, "how do we measure ai kpis");
    const text = await res.text();
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("rejects a timestamp 10 minutes in the future with 401", async () => {
    const future = Math.floor(Date.now() / 1000) + 600;
    const res = await sendCommand(h, "step 3", {}, { timestamp: future });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/timestamp/) });
  });

  it("rejects a signature that is not hex, and an unknown version, with 401", async () => {
    expect((await sendCommand(h, "step 3", {}, { signature: "v0=not-hex-at-all" })).status).toBe(
      401,
    );
    expect((await sendCommand(h, "step 3", {}, { signature: "v1=abcdef" })).status).toBe(401);
  });

  it("rejects a valid signature with anything after it, or a second one, with 401", async () => {
    const body = commandBody("step 3", h.fake);
    const timestamp = Math.floor(Date.now() / 1000);
    const good = signature(body, timestamp);
    for (const sig of [`${good}00`, `${good}, v0=abcd`, good.toUpperCase()]) {
      const res = await sendToSlackEndpoint(h.base, body, FORM, { timestamp, signature: sig });
      expect(res.status, sig).toBe(401);
    }
    const res = await sendToSlackEndpoint(h.base, body, FORM, { timestamp, signature: good });
    expect(res.status).toBe(200);
  });

  it("refuses an unsigned request at once, without waiting for its body", async () => {
    const reply = await rawExchange(
      h.base,
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        "Content-Length: 500\r\n\r\n", // and the 500 bytes never come
    );
    expect(reply).toMatch(/^HTTP\/1\.1 401/);
  });

  it("refuses a chunked body that grows past 1 MB with 413, and closes the connection", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const head =
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
      `X-Slack-Request-Timestamp: ${timestamp}\r\nX-Slack-Signature: v0=${"0".repeat(64)}\r\n` +
      "Transfer-Encoding: chunked\r\n\r\n";
    const chunk = `${(64 * 1024).toString(16)}\r\n${"x".repeat(64 * 1024)}\r\n`;
    const reply = await rawExchange(h.base, head, chunk.repeat(20));
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/connection: close/i);
  });

  it("answers 400 to a signed body that is not valid JSON, or not an object", async () => {
    for (const body of ["{not json", "[1,2]", "null"]) {
      const res = await sendToSlackEndpoint(h.base, body, "application/json");
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "malformed body" });
    }
    const badPayload = new URLSearchParams({ payload: "{oops" }).toString();
    expect((await sendToSlackEndpoint(h.base, badPayload, FORM)).status).toBe(400);
  });

  it("answers 415 to a content type Slack never sends", async () => {
    const res = await sendToSlackEndpoint(h.base, "hello", "text/plain");
    expect(res.status).toBe(415);
  });

  it("refuses a body over 1 MB with 413 and keeps serving", async () => {
    const huge = JSON.stringify({ type: "event_callback", filler: "x".repeat(1_100_000) });
    const res = await sendToSlackEndpoint(h.base, huge, "application/json");
    expect(res.status).toBe(413);
    const after = await sendCommand(h, "step 3");
    expect(after.status).toBe(200);
  });

  it("answers Slack's ssl_check with an empty 200", async () => {
    const body = new URLSearchParams({ ssl_check: "1", token: "x" }).toString();
    const res = await sendToSlackEndpoint(h.base, body, FORM);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("acknowledges a button it has no handler for at once, and posts nothing", async () => {
    const before = h.fake.calls.length;
    const payload = fixture("block-actions.json");
    const actions = [{ ...(payload.actions as object[])[0], action_id: "someone_elses_button" }];
    const started = Date.now();
    const res = await sendAction(h, { ...payload, actions });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.calls.length).toBe(before);
  });
});

describe("requests this app does not handle", () => {
  it("acknowledges an event type it never subscribed to, and posts nothing", async () => {
    const before = h.fake.calls.length;
    const event = {
      type: "reaction_added",
      user: "U2147483697",
      reaction: "thumbsup",
      item: { type: "message", channel: "C0001", ts: "1700000100.000200" },
      event_ts: "1700000600.000100",
    };
    const res = await sendEvent(h, eventCallback(event, "Ev0reaction01"));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.calls.length).toBe(before);
  });
});

/**
 * A Bolt app of the test's own on the receiver, behind a bare Express route:
 * sends it the slash command `command`, and gives back the response and log.
 */
async function commandToOwnApp(
  command: string,
  setUp: (app: App) => void,
  options: { ackTimeoutMs?: number } = {},
): Promise<{ res: Response; log: string; ms: number }> {
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", format: "json", write: (l) => lines.push(l) });
  const receiver = new SlackReceiver({ signingSecret: SECRET, logger, ...options });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: "xoxb-test", botId: "B1", botUserId: "U1" }),
    convoStore: false,
  });
  setUp(app);
  const server = express();
  server.post("/slack/events", receiver.handler);
  const http = createServer(server).listen(0, "127.0.0.1");
  await once(http, "listening");
  try {
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const body = new URLSearchParams({ command, text: "", team_id: "T1" }).toString();
    const started = Date.now();
    const res = await sendToSlackEndpoint(base, body, FORM);
    return { res, log: lines.join("\n"), ms: Date.now() - started };
  } finally {
    http.closeAllConnections();
    http.close();
  }
}

describe("a listener that never acknowledges", () => {
  it("gets Slack a 404 after the acknowledgement timeout, and a log line", async () => {
    const { res, log } = await commandToOwnApp(
      "/stuck",
      // A listener stuck on something that never comes back.
      (app) => app.command("/stuck", () => new Promise<void>(() => undefined)),
      { ackTimeoutMs: 100 },
    );
    expect(res.status).toBe(404);
    expect(log).toContain("not acknowledged within 0.1 seconds");
  });

  it("gets Slack a 500 at once when a command's handler fails before acknowledging", async () => {
    const { res, log, ms } = await commandToOwnApp("/broken", (app) => {
      app.command("/broken", async () => {
        throw new Error("the handler broke");
      });
      app.error(async () => undefined);
    });
    expect(res.status).toBe(500);
    expect(ms).toBeLessThan(2_000);
    expect(log).toContain("slack command not answered");
  });
});
