import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_TOKEN,
  buttons,
  eventCallback,
  fixture,
  type Harness,
  startHarness,
  visibleText,
} from "./helpers/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ socket: true });
  expect(await h.surface.ready()).toBe(true);
});
afterAll(() => h.close());

let n = 0;
const envelopeId = () => `env-${++n}`;

describe("Socket Mode", () => {
  it("connects through apps.connections.open with the app token", () => {
    expect(h.surface.mode).toBe("socket");
    const open = h.fake.callsTo("apps.connections.open");
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(h.fake.sockets).toHaveLength(1);
  });

  it("does not listen on /slack/events", async () => {
    const res = await fetch(`${h.base}/slack/events`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
  });

  it("answers a slash command in the envelope's acknowledgement", async () => {
    const payload = {
      ...fixture("slash-command.json"),
      text: "step 3",
      response_url: h.fake.responseUrl("s1"),
    };
    const ack = await h.fake.sendEnvelope({
      envelope_id: envelopeId(),
      type: "slash_commands",
      payload,
      accepts_response_payload: true,
    });
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(visibleText(ack.payload ?? {})).toContain("*Step 3: Structure Your Team*");
    expect(buttons(ack.payload ?? {}).map((b) => b.label)).toContain("Share in channel");
  });

  it("acknowledges an app_mention and answers it in its thread, once despite a retry", async () => {
    const before = h.fake.callsTo("chat.postMessage").length;
    const body = eventCallback(fixture("app-mention.json"), "EvSocket001");
    const first = {
      type: "events_api",
      payload: body,
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: "",
    };
    const ack = await h.fake.sendEnvelope({ envelope_id: envelopeId(), ...first });
    expect(ack.envelope_id).toBeDefined();
    const posted = await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[before]);
    expect(posted.body).toMatchObject({ channel: "C0001", thread_ts: "1700000100.000200" });
    expect(posted.authorization).toBe("Bearer xoxb-1234-test-token");
    expect(visibleText(posted.body)).toContain("*Playbook step 6: Set KPIs and Monitor Progress*");

    await h.fake.sendEnvelope({
      envelope_id: envelopeId(),
      ...first,
      retry_attempt: 1,
      retry_reason: "timeout",
    });
    const dm = eventCallback({ ...fixture("message-im.json"), text: "step 2" }, "EvSocket002");
    await h.fake.sendEnvelope({ envelope_id: envelopeId(), ...first, payload: dm });
    await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[before + 1]);
    const mentions = h.fake
      .callsTo("chat.postMessage")
      .slice(before)
      .filter((c) => c.body.channel === "C0001");
    expect(mentions).toHaveLength(1);
  });

  it("handles a Share in channel click through the response_url", async () => {
    const payload = fixture("block-actions.json");
    payload.response_url = h.fake.responseUrl("socket-share");
    await h.fake.sendEnvelope({
      envelope_id: envelopeId(),
      type: "interactive",
      payload,
      accepts_response_payload: false,
    });
    const shared = await h.fake.waitFor(() =>
      h.fake.responses.find(
        (r) => r.id === "socket-share" && r.body.response_type === "in_channel",
      ),
    );
    expect(visibleText(shared.body)).toContain("Step 3: Structure Your Team");
  });

  it("reconnects when Slack closes the connection", async () => {
    const opened = h.fake.callsTo("apps.connections.open").length;
    h.fake.sockets[0]?.close(1001, "going away");
    await h.fake.waitFor(() => h.fake.callsTo("apps.connections.open")[opened]);
    await h.fake.waitFor(() => h.fake.sockets[1]);
    const payload = { ...fixture("slash-command.json"), text: "step 4" };
    const ack = await h.fake.sendEnvelope({
      envelope_id: envelopeId(),
      type: "slash_commands",
      payload,
      accepts_response_payload: true,
    });
    expect(visibleText(ack.payload ?? {})).toContain("Step 4:");
  });
});

describe("Socket Mode with Slack down at start-up", () => {
  it("retries opening the connection and connects once Slack is back", async () => {
    const down = await startHarness({ socket: true, beforeStart: (fake) => (fake.down = true) });
    try {
      const logs = () => down.logs;
      await down.fake.waitFor(() =>
        logs().find(
          (l) => l.msg === "slack unreachable, will retry" && l.what === "socket mode connection",
        ),
      );
      expect((await fetch(`${down.base}/healthz`)).status).toBe(200);
      down.fake.down = false;
      expect(await down.surface.ready()).toBe(true);
      const ack = await down.fake.sendEnvelope({
        envelope_id: "late-1",
        type: "slash_commands",
        payload: { ...fixture("slash-command.json"), text: "steps" },
        accepts_response_payload: true,
      });
      expect(visibleText(ack.payload ?? {})).toContain("Step 7: Foster a Culture of Change");
    } finally {
      await down.close();
    }
  });
});
