import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSurface } from "../../src/adapters/api/api-surface.ts";
import { createAssistant } from "../../src/assistant.ts";
import type { Surface } from "../../src/server/surface.ts";
import { CONTRACT_REPLY_KEYS } from "../support/contract.ts";
import { rawExchange } from "../support/raw.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

/** Routes that misbehave on purpose, to see what the server makes of them. */
const troublemaker: Surface = {
  description: "test routes",
  mount(app) {
    app.get("/test/throws", () => {
      throw new Error("secret internals at /srv/app.ts:12");
    });
    app.get("/test/rejects", async () => {
      throw new Error("async internals");
    });
    app.get("/test/never", () => undefined);
    app.get("/test/late", (_req, res) => {
      // A callback, not a promise: a throw here would be uncaught.
      setTimeout(() => res.json({ late: true }), 400);
    });
    app.get("/test/item/:id", (req, res) => {
      res.json({ id: req.params.id });
    });
  },
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    surfaces: (bot, logger) => [
      apiSurface({ assistant: createAssistant(bot), logger }),
      troublemaker,
    ],
    requestTimeoutMs: 300,
  });
});
afterAll(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(`${server.base}${path}`, init);

const raw = (bytes: string) => rawExchange(server.base, bytes);

describe("GET /healthz", () => {
  it("answers 200 with the seed's exact counts", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", playbooks: 1, faqs: 10, steps: 7 });
  });
});

describe("GET /api/ask", () => {
  it("answers a question with the contract's object, keys in order", async () => {
    const res = await get(`/api/ask?q=${encodeURIComponent("how do we measure ai kpis")}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await res.json();
    expect(Object.keys(body)).toEqual(CONTRACT_REPLY_KEYS);
    expect(body).toMatchObject({
      input: "how do we measure ai kpis",
      kind: "faq",
      playbook: "building-an-ai-first-engineering-organization",
      faq: { question: "How can AI engineering KPIs be effectively measured?" },
      step: { number: 6, title: "Set KPIs and Monitor Progress" },
    });
    expect(body.confidence).toBeGreaterThanOrEqual(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.suggestions.every((s: unknown) => typeof s === "string")).toBe(true);
  });

  it("answers HEAD with GET's headers and no body, keeping the connection usable", async () => {
    // Two requests on one connection: a body sent after HEAD's headers would be read
    // as the start of the second reply.
    const path = `/api/ask?q=${encodeURIComponent("step 3")}`;
    const reply = await raw(
      `HEAD ${path} HTTP/1.1\r\nHost: x\r\n\r\nGET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    const [head, rest] = reply.split(/\r\n\r\n(?=HTTP\/1\.1 )/) as [string, string];
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(rest).toMatch(/^HTTP\/1\.1 200 /);
    const body = rest.slice(rest.indexOf("\r\n\r\n") + 4);
    expect(JSON.parse(body)).toMatchObject({ kind: "step", step: { number: 3 } });
    const length = (text: string) => Number(/content-length: (\d+)/i.exec(text)?.[1]);
    expect(length(head)).toBe(Buffer.byteLength(body));
    expect(length(rest)).toBe(Buffer.byteLength(body));
  });

  it("answers a question holding U+FFFD itself, properly encoded", async () => {
    const res = await get(`/api/ask?q=${encodeURIComponent("step 3 \uFFFD")}&x=%E0%A4`);
    expect(res.status).toBe(200);
    expect((await res.json()).input).toBe("step 3 \uFFFD");
  });

  it.each([
    ["+ as a space", "?q=step+3", "step 3"],
    ["an encoded name", "?x=1&%71=step%203&y", "step 3"],
    ["a stray % as typed", "?q=is+100%+coverage+a+kpi", "is 100% coverage a kpi"],
    ["a stray % beside proper escapes", "?q=step%203%", "step 3%"],
    ["empty pairs around it", "?&&q=help&", "help"],
  ])("reads q with %s, as Node's querystring does", async (_name, query, input) => {
    const res = await get(`/api/ask${query}`);
    expect(res.status).toBe(200);
    expect((await res.json()).input).toBe(input);
  });

  it("reads no further than Node's querystring does: 1,000 pairs", async () => {
    const res = await get(`/api/ask?${"x=1&".repeat(1000)}q=help`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/missing q/);
  });

  it("leaves a fragment out of q, as URL parsers do", async () => {
    // fetch never sends a fragment; a raw request can.
    const reply = await raw(
      "GET /api/ask?q=step%203#&q=step%204 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(reply.slice(reply.indexOf("\r\n\r\n") + 4)).input).toBe("step 3");
  });

  it("accepts a question of exactly 2,000 characters, counting an emoji as one", async () => {
    expect((await get(`/api/ask?q=${"a".repeat(2000)}`)).status).toBe(200);
    // 2,000 emoji are 4,000 UTF-16 units, and 24,000 bytes percent-encoded.
    const emoji = await get(`/api/ask?q=${encodeURIComponent("🙂".repeat(2000))}`);
    expect(emoji.status).toBe(200);
    expect((await emoji.json()).input).toBe("🙂".repeat(2000));
    const cjk = await get(`/api/ask?q=${encodeURIComponent("測".repeat(2000))}`);
    expect(cjk.status).toBe(200);
    // Headers beyond that room are refused as Node refuses them, in JSON.
    const huge = await get(`/api/ask?q=${"x".repeat(40_000)}`);
    expect(huge.status).toBe(431);
    expect(await huge.json()).toEqual({ error: "request header fields too large" });
    // Spaces around the question are not part of it, here as in the engine.
    expect((await get(`/api/ask?q=${"a".repeat(2000)}%20%20`)).status).toBe(200);
  });

  it.each([
    ["missing", "/api/ask", /missing/],
    ["empty", "/api/ask?q=", /empty/],
    ["valueless", "/api/ask?other=1&q", /empty/],
    ["valueless, before another pair", "/api/ask?q&x=1", /empty/],
    ["blank", "/api/ask?q=%20%20", /empty/],
    ["5,000 characters", `/api/ask?q=${"x".repeat(5000)}`, /too long: at most 2000/],
    ["repeated", "/api/ask?q=help&q=steps", /more than once/],
    ["repeated under an encoded name", "/api/ask?q=help&%71=steps", /more than once/],
    ["badly encoded", "/api/ask?q=step%20%E0%A4", /not valid UTF-8/],
  ])("refuses a %s q with 400 JSON", async (_name, path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await res.json();
    expect(body.error).toMatch(message);
  });
});

describe("routes that do not exist", () => {
  it("answers 404 JSON under /api/", async () => {
    for (const [method, path] of [
      ["GET", "/api/nope"],
      ["POST", "/api/ask"],
      ["DELETE", "/api"],
    ] as const) {
      const res = await get(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await res.json()).toEqual({ error: "not found" });
    }
  });

  it("answers a plain 404 elsewhere", async () => {
    const res = await get("/nope");
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("Not found");
  });
});

describe("errors", () => {
  it("answers a thrown error with a fixed JSON line, no stack, and logs it", async () => {
    for (const path of ["/test/throws", "/test/rejects"]) {
      const res = await get(path);
      expect(res.status).toBe(500);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: "internal error" });
      expect(text).not.toMatch(/internals|\.ts|at /);
    }
    expect(server.logs.some((l) => l.msg === "request failed" && l.path === "/test/throws")).toBe(
      true,
    );
  });

  it("answers a malformed URL parameter with 400, not a stack", async () => {
    const res = await get("/test/item/%E0%A4%A");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "bad request" });
  });

  it("answers 503 when a handler does not reply in time", async () => {
    const started = Date.now();
    const res = await get("/test/never");
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatch(/too long/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("ignores a handler that answers after the deadline, rather than crashing", async () => {
    const res = await get("/test/late");
    expect(res.status).toBe(503);
    await new Promise((r) => setTimeout(r, 250));
    expect((await get("/healthz")).status).toBe(200);
  });
});

describe("requests Node refuses before routing", () => {
  it("answers a client too slow to send its headers with 408, and logs it", async () => {
    const reply = await raw("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(server.logs.some((l) => l.msg === "request rejected" && l.status === 408)).toBe(true);
  });

  it("answers a malformed request with 400 JSON", async () => {
    const reply = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('{"error":"bad request"}');
  });
});

describe("request logs", () => {
  it("writes one line per request with method, path and status, never the question", async () => {
    const secretQuestion = "what is our salary band for tokens xoxb-123";
    const before = server.logs.length;
    await get(`/api/ask?q=${encodeURIComponent(secretQuestion)}`);
    await new Promise((r) => setTimeout(r, 20));
    const lines = server.logs.slice(before);
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "GET", path: "/api/ask", status: 200 });
    expect(typeof requests[0]?.ms).toBe("number");
    expect(lines.filter((l) => l.msg === "reply")).toHaveLength(1);
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/salary|xoxb/);
  });

  it("logs the path as requested, not as a mounted router sees it", async () => {
    const before = server.logs.length;
    await get("/api/nope");
    await new Promise((r) => setTimeout(r, 20));
    const line = server.logs.slice(before).find((l) => l.msg === "request");
    expect(line).toMatchObject({ path: "/api/nope", status: 404 });
  });
});

describe("request objects", () => {
  it("come from Node with Express's prototypes already, so Express never has to swap them", async () => {
    const { app, server: node } = server.http;
    const seen: boolean[] = [];
    // Runs before the server's own handler, i.e. before Express touches the objects.
    const probe = (req: object, res: object) => {
      seen.push(
        Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response,
      );
    };
    node.prependListener("request", probe);
    try {
      const res = await get("/api/ask?q=step%203");
      expect(res.status).toBe(200);
      expect((await res.json()).step).toMatchObject({ number: 3, title: "Structure Your Team" });
    } finally {
      node.off("request", probe);
    }
    expect(seen).toEqual([true]);
  });
});
