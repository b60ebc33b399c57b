import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playgroundSurface } from "../../../src/adapters/web/playground.ts";
import { createAssistant } from "../../../src/assistant.ts";
import { parseConfig } from "../../../src/config.ts";
import { startTestServer, type TestServer } from "../../support/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    surfaces: (bot, logger) => [
      playgroundSurface({ config: parseConfig({}), bot, assistant: createAssistant(bot), logger }),
    ],
  });
});
afterAll(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(`${server.base}${path}`, init);
const post = (body: string, contentType = "application/json") =>
  get("/api/chat", { method: "POST", headers: { "Content-Type": contentType }, body });

/** The local asset URLs the page links to, e.g. `/assets/app.css?v=...`. */
async function pageLinks(): Promise<string[]> {
  const html = await (await get("/")).text();
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? "");
}

describe("GET /", () => {
  it("serves the chat page with a strict CSP and no-cache", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    expect(html).toContain('<label for="question">');
    expect(html).toContain('aria-live="polite"');
  });

  it("links only to its own files: no CDN, no external fonts, no inline script", async () => {
    const html = await (await get("/")).text();
    const links = await pageLinks();
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) expect(link, link).toMatch(/^(\/(?!\/)|#)/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\bstyle="/);

    const css = await (await get("/assets/app.css")).text();
    expect(css).not.toMatch(/@import|url\(|@font-face/);
    for (const name of ["app.js", "feedback.js", "markdown.js"]) {
      const js = await (await get(`/assets/${name}`)).text();
      for (const m of js.matchAll(
        /\b(?:import\s[^;]*?from\s*|import\(|fetch\()\s*["'`]([^"'`]+)/g,
      )) {
        expect(m[1], `${name}: ${m[0]}`).toMatch(/^(\.\/|\/api\/)/);
      }
    }
  });

  it("versions asset links so they can be cached for good, and revalidates others", async () => {
    const css = (await pageLinks()).find((l) => l.startsWith("/assets/app.css"));
    expect(css).toMatch(/^\/assets\/app\.css\?v=[\w-]{16}$/);
    const versioned = await get(css ?? "");
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(versioned.headers.get("content-type")).toBe("text/css; charset=utf-8");

    const stale = await get("/assets/app.css?v=old");
    expect(stale.headers.get("cache-control")).toBe("no-cache");
    const etag = stale.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    // A browser revalidates with max-age=0; fetch would add no-cache, which skips the 304.
    const again = await get("/assets/app.css", {
      headers: { "If-None-Match": etag, "Cache-Control": "max-age=0" },
    });
    expect(again.status).toBe(304);
  });

  it("names the bot as configured, in the title and the heading", async () => {
    const html = await (await get("/")).text();
    expect(html).toContain("<title>Playbook Bot · playground</title>");
    expect(html).toContain('<h1>Playbook Bot <span class="badge">playground</span></h1>');
    expect(html).not.toContain("{{");
  });

  it("escapes a configured name, so it can never become markup", async () => {
    const named = await startTestServer({
      surfaces: (bot, logger) => [
        playgroundSurface({
          config: parseConfig({ BOT_NAME: `Ops <b>"&'</b>` }),
          bot,
          assistant: createAssistant(bot),
          logger,
        }),
      ],
    });
    try {
      const html = await (await fetch(`${named.base}/`)).text();
      expect(html).toContain("<h1>Ops &lt;b&gt;&quot;&amp;&#39;&lt;/b&gt; <span");
      expect(html).toContain("<title>Ops &lt;b&gt;&quot;&amp;&#39;&lt;/b&gt; · playground</title>");
      expect(html).not.toContain("<b>");
    } finally {
      await named.close();
    }
  });

  it("serves nothing outside its public files", async () => {
    for (const path of [
      "/assets/nope.js",
      "/assets/markdown.d.ts",
      "/assets/index.html",
      "/assets/..%2Fplayground.ts",
      "/assets/%2e%2e/assets.ts",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe("/api/chat", () => {
  it("answers GET ?q= with the contract's reply and the view to render", async () => {
    const res = await get("/api/chat?q=step%203");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { reply, view } = await res.json();
    expect(reply).toMatchObject({ input: "step 3", kind: "step", step: { number: 3 } });
    expect(view.title).toBe("Step 3: Structure Your Team");
    expect(view.playbook).toEqual({
      slug: "building-an-ai-first-engineering-organization",
      title: "Building an AI-First Engineering Organization",
    });
  });

  it("answers POST {q} the same way, with the matching step for a question", async () => {
    const res = await post(JSON.stringify({ q: "how do we measure ai kpis" }));
    expect(res.status).toBe(200);
    const { reply, view } = await res.json();
    expect(reply.kind).toBe("faq");
    expect(view.title).toBe("How can AI engineering KPIs be effectively measured?");
    expect(view.step).toMatchObject({ number: 6, title: "Set KPIs and Monitor Progress" });
    expect(view.suggestions.length).toBeGreaterThan(0);
  });

  it("lists the steps to browse, each asked as `step N`", async () => {
    const { view } = await (await get("/api/chat?q=steps")).json();
    expect(view.list).toHaveLength(7);
    expect(view.list[2]).toEqual({
      label: "Step 3: Structure Your Team",
      ask: "step 3",
      step: { number: 3, title: "Structure Your Team" },
    });
  });

  it.each([
    ["missing", "/api/chat", /missing/],
    ["empty", "/api/chat?q=", /empty/],
    ["5,000 characters", `/api/chat?q=${"x".repeat(5000)}`, /too long/],
    ["badly encoded", "/api/chat?q=%E0%A4", /not valid UTF-8/],
  ])("refuses a %s q with 400 JSON, like /api/ask", async (_name, path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
  });

  it.each([
    ["a missing q", "{}", 400, /missing/],
    ["an empty q", '{"q": ""}', 400, /empty/],
    ["a q that is not text", '{"q": 3}', 400, /q must be text/],
    ["a JSON array", "[1]", 400, /missing/],
    ["malformed JSON", '{"q": ', 400, /malformed JSON/],
    ["an oversized body", JSON.stringify({ q: "x".repeat(40_000) }), 413, /too large/],
  ])("refuses POST with %s", async (_name, body, status, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(message);
  });

  it("ignores a body that is not JSON rather than guessing", async () => {
    const res = await post("q=help", "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
  });

  it("logs the reply's kind, never the question", async () => {
    const before = server.logs.length;
    await post(JSON.stringify({ q: "my private question about lunch" }));
    await new Promise((r) => setTimeout(r, 20));
    const lines = server.logs.slice(before);
    expect(lines.find((l) => l.msg === "reply")).toMatchObject({
      surface: "playground",
      kind: "fallback",
    });
    expect(JSON.stringify(lines)).not.toContain("lunch");
  });
});
