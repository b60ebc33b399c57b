/**
 * With an Azure Bot registration, a request's token is checked before its
 * body is read: a bad or missing token is 401 whatever the body (malformed,
 * oversized, or still arriving), and a good token goes on to the body's own
 * checks. Tokens are signed here with a key served on loopback as
 * Microsoft's OpenID metadata, so botbuilder's checks run for real, offline.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type FakeConnector,
  fixture,
  startConnector,
  startTeamsServer,
  type TeamsServer,
} from "./harness.ts";

const APP_ID = "00000000-1111-2222-3333-444444444444";
const KEY_ID = "loopback-key";

/** Microsoft's token-signing keys, as its OpenID metadata serves them, on loopback. */
async function startKeys(publicKey: KeyObject): Promise<{ server: Server; metadataUrl: string }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const jwk = { ...publicKey.export({ format: "jwk" }), kid: KEY_ID, use: "sig" };
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify(
        req.url === "/keys"
          ? { keys: [{ ...jwk, endorsements: ["msteams"] }] }
          : { issuer: "https://api.botframework.com", jwks_uri: `${base}/keys` },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    server,
    metadataUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`,
  };
}

function jwt(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const head = `${part({ alg: "RS256", typ: "JWT", kid: KEY_ID })}.${part(claims)}`;
  return `${head}.${sign("sha256", Buffer.from(head), privateKey).toString("base64url")}`;
}

describe("Teams with an Azure Bot registration: the token before the body", () => {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  let keys: Server;
  let connector: FakeConnector;
  let server: TeamsServer;
  const now = () => Math.floor(Date.now() / 1000);
  const token = (claims: Record<string, unknown> = {}) =>
    `Bearer ${jwt(privateKey, {
      iss: "https://api.botframework.com",
      aud: APP_ID,
      nbf: now() - 60,
      exp: now() + 600,
      ...claims,
    })}`;

  beforeAll(async () => {
    connector = await startConnector();
    const started = await startKeys(publicKey);
    keys = started.server;
    server = await startTeamsServer(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: "not-a-real-secret",
        MicrosoftAppType: "SingleTenant",
        MicrosoftAppTenantId: "72f988bf-0000-0000-0000-2d7cd011db47",
      },
      { openIdMetadataUrl: started.metadataUrl },
    );
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await new Promise((resolve) => keys?.close(resolve));
  });

  /** botbuilder prints refused tokens to the console itself; keep the test output clean. */
  async function quietly<T>(run: () => Promise<T>): Promise<T> {
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      return await run();
    } finally {
      printed.mockRestore();
    }
  }

  it("answers 401, not 400, to a bad or missing token with a malformed body", async () => {
    const bad = jwt(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey, {
      iss: "https://api.botframework.com",
      aud: APP_ID,
      exp: now() + 600,
    });
    for (const authorization of [undefined, "Bearer nonsense", `Bearer ${bad}`]) {
      const res = await quietly(() =>
        server.post('{"type": "message", "text": ', authorization ? { authorization } : {}),
      );
      expect(res, String(authorization)).toEqual({ status: 401, body: { error: "unauthorized" } });
    }
    expect(connector.requests).toHaveLength(0);
  });

  it("answers 401, not 413, to a bad token with an oversized body", async () => {
    const activity = fixture("personal-message", connector.serviceUrl);
    activity.text = "x".repeat(300_000);
    const res = await quietly(() => server.post(activity, { authorization: "Bearer nonsense" }));
    expect(res.status).toBe(401);
  });

  it("refuses a bad token while the body is still arriving, and closes the connection", async () => {
    const url = new URL(`${server.url}/api/messages`);
    const answer = await quietly(
      () =>
        new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
          const req = request(url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "content-length": 50_000_000,
              authorization: "Bearer nonsense",
            },
          });
          req.on("response", (res) => {
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
            res.resume();
            req.destroy();
          });
          req.on("error", reject);
          // One small piece of a body announced as 50 MB; the rest never comes.
          req.write('{"type":"message","text":"');
        }),
    );
    expect(answer).toEqual({ status: 401, connection: "close" });
  });

  it("refuses an expired token, another bot's token and another issuer's", async () => {
    for (const claims of [
      { exp: now() - 3600, nbf: now() - 7200 },
      { aud: "99999999-1111-2222-3333-444444444444" },
      { iss: "https://evil.example.com" },
    ]) {
      const res = await quietly(() =>
        server.post(fixture("personal-message", connector.serviceUrl), {
          authorization: token(claims),
        }),
      );
      expect(res.status, JSON.stringify(claims)).toBe(401);
    }
    expect(connector.requests).toHaveLength(0);
  });

  it("reads the body once the token is good: malformed is 400, oversized 413", async () => {
    const malformed = await server.post('{"type": "message", "text": ', {
      authorization: token(),
    });
    expect(malformed).toEqual({ status: 400, body: { error: "malformed JSON body" } });
    const activity = fixture("personal-message", connector.serviceUrl);
    activity.text = "x".repeat(150_000);
    const oversized = await server.post(activity, { authorization: token() });
    expect(oversized.status).toBe(413);
    const missing = await server.post({ type: "message" }, { authorization: token() });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/serviceUrl is required/);
  });

  it("takes a message of the size Teams allows (28 KB of text, sent twice)", async () => {
    const activity = fixture("channel-mention", connector.serviceUrl);
    const words = "what is mlops ".repeat(2_000);
    activity.text = `<at>FAQ Bot</at> ${words}`;
    activity.attachments[0].content = `<div>${words}</div>`;
    expect(JSON.stringify(activity).length).toBeGreaterThan(56_000);
    // A token bound to another service URL passes the first check and fails botbuilder's
    // own (which reads the body): the size was accepted, the token still refused.
    const res = await quietly(() =>
      server.post(activity, { authorization: token({ serviceurl: "https://elsewhere.example/" }) }),
    );
    expect(res.status).toBe(401);
    // Refused by botbuilder's check of the activity, after the body was read.
    expect(server.logs.findLast((l) => l.msg === "teams request not authenticated")).toMatchObject({
      stage: "activity",
    });
    expect(connector.requests).toHaveLength(0);
  });
});
