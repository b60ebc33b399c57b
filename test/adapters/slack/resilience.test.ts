import { once } from "node:events";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  eventCallback,
  fixture,
  type Harness,
  sendCommand,
  sendEvent,
  signature,
  startHarness,
  visibleText,
} from "./helpers/harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("Slack unreachable at start-up", () => {
  it("keeps serving, answers commands, and catches up once Slack is back", async () => {
    h = await startHarness({ beforeStart: (fake) => (fake.down = true) });
    const { fake } = h;

    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    const cmd = await sendCommand(h, "step 3");
    expect(cmd.status).toBe(200);
    expect(visibleText(await cmd.json())).toContain("Step 3: Structure Your Team");

    // A mention while Slack is down: acknowledged, the failed post logged, the process fine.
    const res = await sendEvent(h, eventCallback(fixture("app-mention.json"), "EvDown0001"));
    expect(res.status).toBe(200);
    const logs = () => h?.logs ?? [];
    await fake.waitFor(() => logs().find((l) => l.msg === "slack listener failed"));
    await fake.waitFor(() => logs().filter((l) => l.msg === "slack unreachable, will retry")[1]);
    expect(h.surface.identity.botUserId).toBeUndefined();

    fake.down = false;
    expect(await h.surface.ready()).toBe(true);
    expect(h.surface.identity).toEqual({ botId: "BBOT", botUserId: "UBOT" });
    expect(logs().some((l) => l.msg === "slack reachable again")).toBe(true);

    const posted = await (async () => {
      await sendEvent(h, eventCallback(fixture("app-mention.json"), "EvUp0001"));
      return fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    })();
    expect(posted.body.thread_ts).toBe("1700000100.000200");
    expect(visibleText(posted.body)).toContain(
      "How can AI engineering KPIs be effectively measured?",
    );
  });

  it("says clearly when Slack refuses the token, and keeps serving", async () => {
    h = await startHarness({ beforeStart: (fake) => (fake.authError = "invalid_auth") });
    expect(await h.surface.ready()).toBe(false);
    const refused = h.logs.find(
      (l) => l.msg === "slack refused the credentials; fix them and restart",
    );
    expect(refused).toMatchObject({ level: "error", slackError: "invalid_auth" });
    expect((await sendCommand(h, "help")).status).toBe(200);
    expect(h.rawLogs.join("\n")).not.toContain("xoxb-");
  });
});

describe("shutdown", () => {
  it("posts the answer to a mention already acknowledged before the server stops", async () => {
    // Long enough that nothing is cut short: the test is about what shutdown waits for.
    h = await startHarness({ shutdownGraceMs: 5_000 });
    await h.surface.ready();
    h.fake.postDelayMs = 300;
    const res = await sendEvent(h, eventCallback(fixture("app-mention.json"), "EvStop00001"));
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h?.fake.callsTo("chat.postMessage")[0]);
    // Slack has its 200 and will not send the event again: stopping now must not lose it.
    await h.http.close();
    expect(h.fake.callsTo("chat.postMessage")[0]?.answered).toBe(true);
  });

  it("also posts the answer to a mention still arriving when shutdown began", async () => {
    // Long enough that nothing is cut short: the test is about what shutdown waits for.
    h = await startHarness({ shutdownGraceMs: 5_000 });
    await h.surface.ready();
    const body = JSON.stringify(eventCallback(fixture("app-mention.json"), "EvStop00002"));
    const timestamp = Math.floor(Date.now() / 1000);
    const { port } = new URL(h.base);
    const socket = connect(Number(port), "127.0.0.1");
    await once(socket, "connect");
    socket.write(
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Slack-Request-Timestamp: ${timestamp}\r\n` +
        `X-Slack-Signature: ${signature(body, timestamp)}\r\n\r\n`,
    );
    await new Promise((r) => setTimeout(r, 50));
    const closed = h.http.close();
    socket.end(body);
    await closed;
    socket.destroy();
    expect(h.fake.callsTo("chat.postMessage")[0]?.answered).toBe(true);
  });
});
