/**
 * The HTTP edge, as Slack (or someone pretending to be Slack) would hit it:
 * content types, sizes, clocks, many unsigned bodies at once, payloads of
 * the wrong types, and payloads this app does not handle.
 */
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_UNVERIFIED_BODIES, SLACK_BODY_LIMIT } from "../../../src/adapters/slack/intake.ts";
import { rawExchange } from "../../support/raw.ts";
import {
  commandBody,
  eventCallback,
  fixture,
  type Harness,
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
const now = () => Math.floor(Date.now() / 1000);

/** Opens `count` unsigned Slack requests whose bodies start and never finish, into `sockets`. */
async function startBodies(base: string, count: number, declared: number, sockets: Socket[]) {
  const { port } = new URL(base);
  for (let i = 0; i < count; i++) {
    const socket = connect(Number(port), "127.0.0.1");
    sockets.push(socket);
    await once(socket, "connect");
    socket.write(
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        `X-Slack-Request-Timestamp: ${now()}\r\nX-Slack-Signature: v0=${"0".repeat(64)}\r\n` +
        `Content-Length: ${declared}\r\n\r\n{`,
    );
  }
}

describe("Slack's request verification", () => {
  it("answers a command whose content type carries a charset", async () => {
    const res = await sendToSlackEndpoint(
      h.base,
      commandBody("step 3", h.fake),
      `${FORM}; charset=UTF-8`,
    );
    expect(res.status).toBe(200);
    expect(visibleText(await res.json())).toContain("Structure Your Team");
  });

  it("rejects a timestamp 10 minutes in the future with 401", async () => {
    const res = await sendCommand(h, "step 3", {}, { timestamp: now() + 600 });
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
    const timestamp = now();
    const good = signature(body, timestamp);
    for (const sig of [`${good}00`, `${good}, v0=abcd`, good.toUpperCase()]) {
      const res = await sendToSlackEndpoint(h.base, body, FORM, { timestamp, signature: sig });
      expect(res.status, sig).toBe(401);
    }
    const res = await sendToSlackEndpoint(h.base, body, FORM, { timestamp, signature: good });
    expect(res.status).toBe(200);
  });

  it("answers Slack's ssl_check with an empty 200", async () => {
    const body = new URLSearchParams({ ssl_check: "1", token: "x" }).toString();
    const res = await sendToSlackEndpoint(h.base, body, FORM);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });
});

describe("what an unsigned stranger can cost", () => {
  it("refuses an unsigned request at once, without waiting for its body", async () => {
    const reply = await rawExchange(
      h.base,
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        "Content-Length: 500\r\n\r\n", // and the 500 bytes never come
    );
    expect(reply).toMatch(/^HTTP\/1\.1 401/);
  });

  it(`refuses a declared body over ${SLACK_BODY_LIMIT / 1024} KiB with 413 before reading it`, async () => {
    const head =
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
      `X-Slack-Request-Timestamp: ${now()}\r\nX-Slack-Signature: v0=${"0".repeat(64)}\r\n` +
      `Content-Length: ${SLACK_BODY_LIMIT + 1}\r\n\r\n`; // and the body never comes
    const reply = await rawExchange(h.base, head);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/connection: close/i);
  });

  it("refuses a chunked body that grows past the limit with 413, and closes the connection", async () => {
    const head =
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
      `X-Slack-Request-Timestamp: ${now()}\r\nX-Slack-Signature: v0=${"0".repeat(64)}\r\n` +
      "Transfer-Encoding: chunked\r\n\r\n";
    const chunk = `${(64 * 1024).toString(16)}\r\n${"x".repeat(64 * 1024)}\r\n`;
    const reply = await rawExchange(h.base, head, chunk.repeat(SLACK_BODY_LIMIT / 65536 + 2));
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/connection: close/i);
    // And the server goes on answering.
    expect((await sendCommand(h, "step 3")).status).toBe(200);
  });

  it(`reads at most ${MAX_UNVERIFIED_BODIES} unverified bodies at once; more get 503`, async () => {
    // Bodies that start and never finish, each claiming 100 kB.
    const sockets: Socket[] = [];
    try {
      await startBodies(h.base, MAX_UNVERIFIED_BODIES, 100_000, sockets);
      await new Promise((r) => setTimeout(r, 100));
      const res = await sendCommand(h, "step 3");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
    } finally {
      for (const s of sockets) s.destroy();
    }
    // Once those go, the door opens again.
    await new Promise((r) => setTimeout(r, 100));
    expect((await sendCommand(h, "step 3")).status).toBe(200);
  });

  it("frees a body's place when the server's own deadline closes it (408), not only when the client goes", async () => {
    const slow = await startHarness({ requestTimeoutMs: 300 });
    const sockets: Socket[] = [];
    try {
      await slow.surface.ready();
      await startBodies(slow.base, MAX_UNVERIFIED_BODIES, 1000, sockets);
      // Read only once a listener is on: what the server sends before waits in the socket.
      const answers = sockets.map(
        (socket) =>
          new Promise<string>((resolve) => {
            let text = "";
            socket.on("data", (d: Buffer) => {
              text += d.toString();
            });
            socket.on("end", () => resolve(text));
          }),
      );
      // The server answers each 408 and closes it; the clients stay, never sending the rest.
      for (const text of await Promise.all(answers)) expect(text).toMatch(/^HTTP\/1\.1 408/);
      await new Promise((r) => setTimeout(r, 100));
      expect((await sendCommand(slow, "step 3")).status).toBe(200);
    } finally {
      for (const s of sockets) s.destroy();
      await slow.close();
    }
  });

  it("answers 415 to a content type Slack never sends", async () => {
    const res = await sendToSlackEndpoint(h.base, "hello", "text/plain");
    expect(res.status).toBe(415);
  });
});

describe("signed payloads of the wrong shape", () => {
  it("answers 400 to a signed body that is not valid JSON, or not an object", async () => {
    for (const body of ["{not json", "[1,2]", "null"]) {
      const res = await sendToSlackEndpoint(h.base, body, "application/json");
      expect(res.status, body).toBe(400);
    }
    const badPayload = new URLSearchParams({ payload: "{oops" }).toString();
    expect((await sendToSlackEndpoint(h.base, badPayload, FORM)).status).toBe(400);
  });

  it("answers 400 to a command whose text comes twice, or whose user is missing", async () => {
    const twice = `${commandBody("step 3", h.fake)}&text=step%204`;
    const res = await sendToSlackEndpoint(h.base, twice, FORM);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "malformed slash command" });
    const noUser = new URLSearchParams({ command: "/aifirst", text: "step 3" }).toString();
    expect((await sendToSlackEndpoint(h.base, noUser, FORM)).status).toBe(400);
  });

  it("answers 400 to a click with a numeric value, or without its container", async () => {
    const payload = fixture("block-actions.json");
    const action = (payload.actions as Array<Record<string, unknown>>)[0];
    const numeric = { ...payload, actions: [{ ...action, value: 3 }] };
    expect((await sendAction(h, numeric)).status).toBe(400);
    const { container: _container, ...noContainer } = payload;
    const res = await sendAction(h, noContainer);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "malformed interactivity payload" });
  });

  it("acknowledges an event that is a string, or whose text is an object or a number, and posts nothing", async () => {
    const before = h.fake.calls.length;
    const mention = fixture("app-mention.json");
    const bodies = [
      { ...eventCallback({}, "EvBad0000001"), event: "app_mention" },
      eventCallback({ ...mention, text: { oops: true } }, "EvBad0000002"),
      eventCallback({ ...mention, text: 42 }, "EvBad0000003"),
      eventCallback({ ...fixture("message-im.json"), text: ["step", "3"] }, "EvBad0000004"),
    ];
    for (const body of bodies) {
      const res = await sendEvent(h, body);
      expect(res.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.calls.length).toBe(before);
    expect(h.logs.some((l) => l.msg === "slack listener failed")).toBe(false);
    expect(h.logs.some((l) => l.level === "error")).toBe(false);
  });
});

describe("requests this app does not handle", () => {
  it.each([
    ["of another app", "someone_elses_button"],
    ["of ours this version does not know (an old message's)", "aifirst_retired_button"],
  ])("acknowledges a button %s at once, and posts nothing", async (_which, actionId) => {
    const before = h.fake.calls.length;
    const payload = fixture("block-actions.json");
    const actions = [{ ...(payload.actions as object[])[0], action_id: actionId }];
    const started = Date.now();
    const res = await sendAction(h, { ...payload, actions });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.calls.length).toBe(before);
  });

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

  it("acknowledges a payload type it has no listener for (a shortcut) at once", async () => {
    const started = Date.now();
    const res = await sendAction(h, {
      type: "shortcut",
      callback_id: "x",
      trigger_id: "1.2",
      user: { id: "U1" },
      team: { id: "T0001" },
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
