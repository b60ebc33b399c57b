import { afterEach, describe, expect, it } from "vitest";
import { type RealServer, startRealServer } from "./helpers/real-server.ts";

let server: RealServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = (path: string, init?: RequestInit) => fetch(`${server?.base}${path}`, init);
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe("a default server", () => {
  it("serves the playground and the API to anyone, and says so", async () => {
    server = await startRealServer();
    expect((await get("/")).status).toBe(200);
    expect((await get("/api/ask?q=help")).status).toBe(200);
    expect((await get("/api/chat?q=help")).status).toBe(200);
    expect(server.banner).toMatch(
      /Exposed on 127\.0\.0\.1:\d+ \(this machine only\): playground at \/ \(no login\), \/api\/\* \(no token\), \/metrics \(no token\)/,
    );
    // Loopback only: nothing to warn about.
    expect(server.banner).not.toMatch(/Warning/);
  });

  it("warns when a public bind serves the playground or the API without a token", async () => {
    server = await startRealServer({ HOST: "0.0.0.0" });
    expect(server.banner).toMatch(/Exposed on 0\.0\.0\.0:\d+: playground/);
    expect(server.banner).toMatch(
      /Warning: 0\.0\.0\.0:\d+ is reachable from other machines, and the playground and the API .* answer anyone: set PLAYGROUND=off and API_TOKEN/,
    );
    expect(server.logs.some((l) => l.msg === "public bind without access control")).toBe(true);
  });
});

describe("PLAYGROUND=off", () => {
  it("removes the page, its assets and /api/chat, and keeps the API", async () => {
    server = await startRealServer({ PLAYGROUND: "off" });
    expect((await get("/")).status).toBe(404);
    expect((await get("/assets/app.css")).status).toBe(404);
    const chat = await get("/api/chat?q=help");
    expect(chat.status).toBe(404);
    expect(await chat.json()).toEqual({ error: "not found" });
    expect((await get("/api/ask?q=help")).status).toBe(200);
    expect(server.banner).toMatch(/Playground: off \(PLAYGROUND=off\)/);
    expect(server.banner).not.toMatch(/Open http/);
  });
});

describe("API_TOKEN", () => {
  const TOKEN = "s3cret-token-for-tests";

  it("makes every /api/* route need the bearer token, with a 401 JSON otherwise", async () => {
    server = await startRealServer({ API_TOKEN: TOKEN, HOST: "0.0.0.0", PLAYGROUND: "off" });
    for (const [path, init] of [
      ["/api/ask?q=help", {}],
      ["/api/chat?q=help", {}],
      [
        "/api/feedback",
        { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } },
      ],
      ["/api/anything", {}],
    ] as const) {
      for (const auth of [
        undefined,
        "Bearer wrong",
        `Basic ${TOKEN}`,
        `Bearer ${TOKEN}x`,
        "Bearer",
      ]) {
        const headers = {
          ...("headers" in init ? init.headers : {}),
          ...(auth ? { Authorization: auth } : {}),
        };
        const res = await get(path, { ...init, headers });
        expect(res.status, `${path} with ${auth}`).toBe(401);
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect((await res.json()).error).toMatch(/unauthorized/);
      }
    }
    const ok = await get("/api/ask?q=step%203", bearer(TOKEN));
    expect(ok.status).toBe(200);
    expect((await ok.json()).step.number).toBe(3);
    // Health stays open for load balancers; the page is off.
    expect((await get("/healthz")).status).toBe(200);
    // A public bind with the playground off and the API locked: nothing to warn about.
    expect(server.banner).toMatch(/\/api\/\* \(Bearer token required\)/);
    expect(server.banner).not.toMatch(/Warning/);
  });

  it("guards the playground's calls too, while the page itself loads", async () => {
    server = await startRealServer({ API_TOKEN: TOKEN });
    expect((await get("/")).status).toBe(200);
    expect((await get("/api/chat?q=help")).status).toBe(401);
    expect((await get("/api/chat?q=help", bearer(TOKEN))).status).toBe(200);
  });

  it("leaves Teams' /api/messages to its own token check", async () => {
    server = await startRealServer({ API_TOKEN: TOKEN, TEAMS_ANONYMOUS: "true" });
    // An empty activity: Teams' own validation answers, not our 401.
    const res = await get("/api/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).not.toBe(401);
    expect(res.status).toBe(400);
  });
});

describe("METRICS_TOKEN", () => {
  it("makes /metrics need its bearer token", async () => {
    server = await startRealServer({ METRICS_TOKEN: "m-token" });
    expect((await get("/metrics")).status).toBe(401);
    expect((await get("/metrics", bearer("wrong"))).status).toBe(401);
    const res = await get("/metrics", bearer("m-token"));
    expect(res.status).toBe(200);
    expect(server.banner).toMatch(/\/metrics \(Bearer token required\)/);
  });
});
