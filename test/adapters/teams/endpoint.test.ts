import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  cardButtons,
  cardOf,
  cardTexts,
  type FakeConnector,
  fixture,
  startConnector,
  startTeamsServer,
  type TeamsServer,
  useAnonymousTeams,
} from "./harness.ts";

const BOT_ID = "28:11111111-2222-3333-4444-555555555555";

describe("Teams in anonymous local mode (TEAMS_ANONYMOUS=true, no app id)", () => {
  const teams = useAnonymousTeams();
  const { exchange } = teams;

  it("announces itself as unauthenticated at startup", () => {
    expect(teams.server.surface?.description).toMatch(/POST \/api\/messages.*anonymous/);
    expect(teams.server.logs.some((l) => l.level === "warn" && /TEAMS_ANONYMOUS/.test(l.msg))).toBe(
      true,
    );
  });

  it("answers a channel mention in its thread, with the mention stripped", async () => {
    const activity = fixture("channel-mention", teams.connector.serviceUrl);
    const sent = await exchange(activity);

    // A threaded reply: POST {serviceUrl}v3/conversations/{id}/activities/{activityId}.
    expect(sent.method).toBe("POST");
    expect(sent.path.startsWith("/amer/v3/conversations/")).toBe(true);
    expect(decodeURIComponent(sent.path)).toBe(
      `/amer/v3/conversations/${activity.conversation.id}/activities/${activity.id}`,
    );
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body.replyToId).toBe(activity.id);
    expect(sent.body.conversation.id).toBe(activity.conversation.id);

    const texts = cardTexts(cardOf(sent.body));
    expect(texts[0]).toBe("What role does MLOps play in transforming engineering with AI?");
    expect(texts).toContain("Playbook step 4: Implement AI Governance and Data Management");
    expect(texts).toContain("From: Building an AI-First Engineering Organization");
    expect(sent.body.summary).toContain("MLOps");

    const line = teams.server.logs.find((l) => l.msg === "reply" && l.surface === "teams");
    expect(line).toMatchObject({
      surface: "teams",
      kind: "faq",
      playbook: "building-an-ai-first-engineering-organization",
      conversation: "channel",
    });
    expect(line.confidence).toBeGreaterThan(0.5);
  });

  it("answers `step 3` in a personal chat with that step", async () => {
    const sent = await exchange(fixture("personal-message", teams.connector.serviceUrl));
    const card = cardOf(sent.body);
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.2");
    expect(cardTexts(card)[0]).toBe("Step 3: Structure Your Team");
    expect(cardTexts(card).join("\n")).toMatch(/centralized or decentralized AI team/);
    expect(sent.body.replyToId).toBe("1763634041092");
    // The same words travel as text for clients and previews that cannot show the card.
    expect(card.fallbackText).toContain("**Step 3: Structure Your Team**");
    expect(sent.body.summary).toBe(card.fallbackText);
    expect(sent.body.text).toBe(card.fallbackText);
  });

  it("answers `help` with usage and buttons to try", async () => {
    const activity = fixture("personal-message", teams.connector.serviceUrl);
    activity.text = "help";
    const sent = await exchange(activity);
    const card = cardOf(sent.body);
    expect(cardTexts(card)[0]).toBe("How to ask me");
    expect(cardTexts(card).join("\n")).toMatch(/\*\*step 3\*\*/);
    expect(cardButtons(card).map((b) => b.ask)).toContain("steps");
  });

  it("answers the question on a suggestion button when it is clicked", async () => {
    const activity = fixture("personal-message", teams.connector.serviceUrl);
    activity.text = "ML Ops and governance";
    const first = await exchange(activity);
    const buttons = cardButtons(cardOf(first.body));
    const suggestion = buttons[0];
    expect(suggestion, JSON.stringify(buttons)).toBeDefined();

    // Teams sends the button's data back as the activity's value.
    const click = fixture("card-button-click", teams.connector.serviceUrl);
    click.value = { ask: suggestion?.ask };
    const sent = await exchange(click);
    // The suggestion is an FAQ question: clicking it answers exactly that question.
    expect(cardTexts(cardOf(sent.body))[0]).toBe(suggestion?.title);
    expect(
      teams.server.logs.some((l) => l.msg === "reply" && l.via === "button" && l.kind === "faq"),
    ).toBe(true);
  });

  it("offers suggestion buttons on a 'not sure' reply", async () => {
    const activity = fixture("personal-message", teams.connector.serviceUrl);
    activity.text = "what is the best pizza topping";
    const sent = await exchange(activity);
    const card = cardOf(sent.body);
    expect(cardTexts(card)[0]).toBe("I'm not sure I have an answer to that");
    const buttons = cardButtons(card);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) expect(b.ask).toBe(b.title);
  });

  it("welcomes the team with usage when the bot is added", async () => {
    const activity = fixture("bot-added-to-team", teams.connector.serviceUrl);
    const sent = await exchange(activity);
    expect(decodeURIComponent(sent.path)).toMatch(
      /^\/amer\/v3\/conversations\/19:0f1e2d3c4b5a@thread\.tacv2\/activities/,
    );
    expect(cardTexts(cardOf(sent.body))[0]).toBe("How to ask me");
  });

  it("stays quiet when someone else joins the team", async () => {
    const res = await teams.server.post(fixture("user-added-to-team", teams.connector.serviceUrl));
    expect(res.status).toBe(200);
    expect(teams.connector.requests).toHaveLength(0);
  });

  it("answers a mention in a group chat", async () => {
    const activity = fixture("channel-mention", teams.connector.serviceUrl);
    activity.conversation = {
      isGroup: true,
      conversationType: "groupChat",
      id: "19:meeting_ab@thread.v2",
    };
    activity.text = "<at>FAQ Bot</at> steps";
    const sent = await exchange(activity);
    expect(decodeURIComponent(sent.path)).toBe(
      `/amer/v3/conversations/19:meeting_ab@thread.v2/activities/${activity.id}`,
    );
    const card = cardOf(sent.body);
    expect(cardTexts(card)[0]).toBe("Steps of Building an AI-First Engineering Organization");
    expect(cardButtons(card)).toHaveLength(7);
  });

  it("refuses an oversized body with 413 and stays healthy", async () => {
    const activity = fixture("personal-message", teams.connector.serviceUrl);
    activity.text = "x".repeat(300_000);
    const res = await teams.server.post(activity);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: "request body too large" });
    expect((await fetch(`${teams.server.url}/healthz`)).status).toBe(200);
    expect(teams.connector.requests).toHaveLength(0);
  });

  it("answers invalid JSON with 400 and stays healthy", async () => {
    const res = await teams.server.post('{"type": "message", "text": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "malformed JSON body" });
    const health = await fetch(`${teams.server.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe("ok");
    expect(teams.connector.requests).toHaveLength(0);
  });

  it("answers an activity with missing fields with 400 naming them", async () => {
    const activity = fixture("personal-message", teams.connector.serviceUrl);
    delete activity.conversation;
    delete activity.serviceUrl;
    const res = await teams.server.post(activity);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/conversation is required/);
    expect(res.body.error).toMatch(/serviceUrl is required/);
    const wrongKinds = await teams.server.post({
      ...fixture("personal-message", teams.connector.serviceUrl),
      serviceUrl: 5,
      from: { id: 7 },
    });
    expect(wrongKinds.status).toBe(400);
    expect(wrongKinds.body.error).toBe(
      "invalid activity: serviceUrl must be an http(s) URL; from.id is invalid",
    );
    const notObject = await teams.server.post("[1, 2, 3]");
    expect(notObject.status).toBe(400);
    const notJson = await fetch(`${teams.server.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(notJson.status).toBe(400);
    expect(teams.connector.requests).toHaveLength(0);
  });

  it("does not crash on odd mention entities", async () => {
    const activity = fixture("channel-mention", teams.connector.serviceUrl);
    activity.entities = [{ type: "mention" }, { type: "mention", mentioned: { id: BOT_ID } }];
    const sent = await exchange(activity);
    expect(cardTexts(cardOf(sent.body))[0]).toMatch(/MLOps/);
  });

  it("answers 502 without the raw error when the connector cannot be reached", async () => {
    const activity = fixture("personal-message", "http://127.0.0.1:9/amer/");
    const res = await teams.server.post(activity);
    expect(res.status).toBe(502);
    expect(res.body).toEqual({ error: "the reply could not be delivered" });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect(teams.server.logs.some((l) => l.msg === "teams reply not delivered")).toBe(true);
    // Counted for /metrics (aifirst_platform_api_errors_total).
    expect(teams.server.platformErrors).toEqual(["teams sendActivity"]);
    expect((await fetch(`${teams.server.url}/healthz`)).status).toBe(200);
  });
});

describe("Teams with an Azure Bot registration (MicrosoftAppId set)", () => {
  let connector: FakeConnector;
  let server: TeamsServer;
  // Microsoft's token-signing keys, served on loopback: the checks run for real, offline.
  const keyRequests: string[] = [];
  const keys = createServer((req, res) => {
    keyRequests.push(req.url ?? "");
    const base = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify(
        req.url === "/keys"
          ? { keys: [] }
          : { issuer: "https://api.botframework.com", jwks_uri: `${base}/keys` },
      ),
    );
  });

  beforeAll(async () => {
    connector = await startConnector();
    await new Promise<void>((resolve) => keys.listen(0, "127.0.0.1", resolve));
    const openIdMetadataUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/openid`;
    server = await startTeamsServer(
      {
        MicrosoftAppId: "00000000-1111-2222-3333-444444444444",
        MicrosoftAppPassword: "not-a-real-secret",
        MicrosoftAppType: "SingleTenant",
        MicrosoftAppTenantId: "72f988bf-0000-0000-0000-2d7cd011db47",
        // Ignored once an app id is set: tokens are always checked then.
        TEAMS_ANONYMOUS: "true",
      },
      { openIdMetadataUrl },
    );
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await new Promise((resolve) => keys.close(resolve));
  });

  it("answers 401 to a request without a token and sends nothing", async () => {
    const res = await server.post(fixture("channel-mention", connector.serviceUrl));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "unauthorized" });
    expect(connector.requests).toHaveLength(0);
  });

  it("answers 401 to a request with a forged token and sends nothing", async () => {
    const forged = [
      Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url"),
      Buffer.from(
        JSON.stringify({ iss: "https://api.botframework.com", aud: "00000000-1111" }),
      ).toString("base64url"),
      "",
    ].join(".");
    // botbuilder's HTTP entry prints each refusal to the console, stack and all, whatever
    // LOG_LEVEL says; the endpoint logs it as one line of its own instead.
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await server
      .post(fixture("channel-mention", connector.serviceUrl), {
        authorization: `Bearer ${forged}`,
      })
      .finally(() => printed.mockRestore());
    expect(res.status).toBe(401);
    expect(printed.mock.calls.flat().filter((x) => x instanceof Error)).toEqual([]);
    expect(server.logs.some((l) => l.msg === "teams request not authenticated")).toBe(true);
    expect(connector.requests).toHaveLength(0);
    // The token was checked against the (loopback) published keys, not refused unread.
    expect(keyRequests).toContain("/openid");
    expect(JSON.stringify(server.logs)).not.toContain(forged);
    expect(JSON.stringify(server.logs)).not.toContain("not-a-real-secret");
  });
});

describe("Teams not configured", () => {
  it("has no endpoint: /api/messages is 404", async () => {
    const server = await startTeamsServer({});
    try {
      expect(server.off).toMatch(/MicrosoftAppId/);
      const res = await server.post(fixture("personal-message", "http://127.0.0.1:9/"));
      expect(res.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("is off with a reason when the registration is incomplete", async () => {
    const server = await startTeamsServer({
      MicrosoftAppId: "00000000-1111-2222-3333-444444444444",
      MicrosoftAppType: "SingleTenant",
    });
    try {
      expect(server.off).toMatch(/MicrosoftAppPassword is required/);
      expect((await server.post({})).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
