/**
 * The insights surface over HTTP, on the real server and a real SQLite store:
 * who may see it, what `/insights.json` holds, what the page shows, and what
 * bad input gets.
 */
import { createHmac } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insightsSurface } from "../../../src/adapters/insights/surface.ts";
import { createBot } from "../../../src/answer/bot.ts";
import { createAssistant } from "../../../src/assistant.ts";
import { parseConfig } from "../../../src/config.ts";
import { loadContentStrict } from "../../../src/content/load.ts";
import { createLogger } from "../../../src/log.ts";
import { isOff, type SurfaceContext } from "../../../src/server/surface.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/types.ts";
import { CONTRACT_INSIGHTS_KEYS } from "../../support/contract.ts";
import { botFor } from "../../support/converse.ts";
import { contentDir, playbook } from "../../support/playbook-files.ts";
import { startTestServer, type TestServer } from "../../support/server.ts";
import { ATTACK, emptyStore, type SeededStore, seededStore } from "./fixture.ts";

const TOKEN = "s3cret-insights-token-for-tests";

async function serve(
  store: Store | undefined,
  env: Record<string, string> = { INSIGHTS_TOKEN: TOKEN },
): Promise<TestServer> {
  return startTestServer({
    trustProxy: parseConfig(env).access.trustProxy,
    surfaces: (bot, logger) => {
      const ctx: SurfaceContext = {
        config: parseConfig(env),
        bot,
        assistant: createAssistant(bot),
        logger,
        store,
      };
      const setup = insightsSurface(ctx);
      return isOff(setup) ? [] : [setup];
    },
  });
}

const bearer = { Authorization: `Bearer ${TOKEN}` };

describe("insights: off unless INSIGHTS_TOKEN is set and a store is open", () => {
  it("is off without the token, and says why", async () => {
    const seeded = await emptyStore();
    try {
      const bot = await botFor();
      const setup = insightsSurface({
        config: parseConfig({}),
        bot,
        assistant: createAssistant(bot),
        logger: createLogger({ level: "silent" }),
        store: seeded.store,
      });
      expect(isOff(setup) && setup.off).toContain("INSIGHTS_TOKEN");
      const server = await serve(seeded.store, {});
      try {
        for (const path of ["/insights", "/insights.json"]) {
          const res = await fetch(`${server.base}${path}`, { headers: bearer });
          expect(res.status, path).toBe(404);
        }
      } finally {
        await server.close();
      }
    } finally {
      await seeded.close();
    }
  });

  it("is off without a store, even with the token", async () => {
    const server = await serve(undefined);
    try {
      expect((await fetch(`${server.base}/insights.json`, { headers: bearer })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe("insights on a store with questions and feedback", () => {
  let seeded: SeededStore;
  let server: TestServer;
  beforeAll(async () => {
    seeded = await seededStore();
    server = await serve(seeded.store);
  });
  afterAll(async () => {
    await server?.close();
    await seeded?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.base}${path}`, { headers, redirect: "manual" });
  const login = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${server.base}/insights/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ token }).toString(),
      redirect: "manual",
    });
  const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

  describe("who may see it", () => {
    it("answers 401 without a token: JSON for .json, the sign-in form for the page", async () => {
      const json = await get("/insights.json");
      expect(json.status).toBe(401);
      expect(json.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await json.json()).toEqual({ error: expect.stringContaining("Bearer") });
      const page = await get("/insights");
      expect(page.status).toBe(401);
      const html = await page.text();
      expect(html).toContain('<form method="post" action="/insights/login">');
      expect(html).not.toContain("Top unanswered");
    });

    it("answers 401 to a wrong Bearer token, including one that is a prefix of the right one", async () => {
      for (const wrong of ["nope", TOKEN.slice(0, -1), `${TOKEN}x`]) {
        expect((await get("/insights.json", { Authorization: `Bearer ${wrong}` })).status).toBe(
          401,
        );
      }
    });

    it("serves both to the right Bearer token", async () => {
      expect((await get("/insights.json", bearer)).status).toBe(200);
      const page = await get("/insights", bearer);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Top unanswered questions");
    });

    it("signs in through the form: an HttpOnly, SameSite=Strict cookie holding no token", async () => {
      const res = await login(TOKEN, { Origin: server.base });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/insights");
      const setCookie = res.headers.get("set-cookie") ?? "";
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      expect(setCookie).toMatch(/Path=\/insights/);
      // Plain http here; over https (req.secure) the cookie is Secure too.
      expect(setCookie).not.toMatch(/Secure/);
      expect(setCookie).not.toContain(TOKEN);
      const cookie = cookieOf(res);
      const page = await get("/insights", { Cookie: cookie });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Questions per day, by outcome");
      expect((await get("/insights.json", { Cookie: cookie })).status).toBe(200);
    });

    it("refuses a wrong token with 401 and the form again, giving no hint", async () => {
      for (const wrong of ["", TOKEN.slice(0, -1), "x".repeat(40)]) {
        const res = await login(wrong);
        expect(res.status).toBe(401);
        expect(res.headers.get("set-cookie")).toBeNull();
        const html = await res.text();
        expect(html).toContain("Sign-in failed. Check the token and try again.");
        expect(html).toContain('action="/insights/login"');
      }
    });

    it("refuses a sign-in posted from another site (CSRF)", async () => {
      for (const headers of <Array<Record<string, string>>>[
        { Origin: "https://evil.example" },
        { Origin: "null" },
        { "Sec-Fetch-Site": "cross-site" },
      ]) {
        const res = await login(TOKEN, headers);
        expect(res.status).toBe(403);
        expect(res.headers.get("set-cookie")).toBeNull();
      }
    });

    it("accepts a sign-in whose Origin says https, as behind a TLS proxy", async () => {
      const host = new URL(server.base).host;
      const res = await login(TOKEN, {
        Origin: `https://${host}`,
        "Sec-Fetch-Site": "same-origin",
      });
      expect(res.status).toBe(303);
    });

    it("refuses forged, altered and expired cookies", async () => {
      const good = cookieOf(await login(TOKEN));
      const [name, value = ""] = good.split("=");
      const [expires = "", mac = ""] = value.split(".");
      const later = String(Number(expires) + 3600);
      const forged = [
        `${name}=${TOKEN}`,
        `${name}=${later}.${mac}`,
        `${name}=${expires}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`,
        `${name}=1.${mac}`,
        `${name}=`,
      ];
      for (const cookie of forged) {
        expect((await get("/insights.json", { Cookie: cookie })).status, cookie).toBe(401);
      }
    });

    it("refuses a correctly signed cookie once it has expired", async () => {
      const signed = (expires: number) =>
        `aifirst_insights=${expires}.${createHmac("sha256", TOKEN).update(`aifirst-insights-session:${expires}`).digest("base64url")}`;
      const nowSeconds = Math.floor(Date.now() / 1000);
      expect((await get("/insights.json", { Cookie: signed(nowSeconds + 60) })).status).toBe(200);
      expect((await get("/insights.json", { Cookie: signed(nowSeconds - 1) })).status).toBe(401);
    });

    it("signs out: the cookie is cleared", async () => {
      const res = await fetch(`${server.base}/insights/logout`, {
        method: "POST",
        headers: { Origin: server.base, Cookie: cookieOf(await login(TOKEN)) },
        redirect: "manual",
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("set-cookie")).toMatch(/aifirst_insights=;.*Expires=Thu, 01 Jan 1970/);
    });
  });

  describe("GET /insights.json", () => {
    it("has exactly the contract's keys, in its order, with the store's counts", async () => {
      const res = await get("/insights.json?days=7", bearer);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(CONTRACT_INSIGHTS_KEYS);
      expect(body).toMatchObject({
        asked: 14,
        sure: 4,
        likely: 2,
        not_sure: 8,
        helpful: 2,
        not_helpful: 1,
      });
      expect(new Date(String(body.from)).toISOString()).toBe(body.from);
      expect(Date.parse(String(body.to)) - Date.parse(String(body.from))).toBeGreaterThan(
        6 * 86_400_000,
      );
      expect(body.unanswered).toEqual([
        { question: "how to ship code", count: 3 },
        { question: ATTACK, count: 2 },
        { question: expect.stringMatching(/rotate the vpn keys/i), count: 2 },
        { question: "push to prod?", count: 1 },
      ]);
      expect(body.alternates).toEqual(
        expect.arrayContaining([
          {
            playbook: "deploys",
            faq: "How do I deploy to production?",
            question: "how to ship code",
            users: 3,
            applied: true,
          },
          {
            playbook: "deploys",
            faq: "How do I deploy to production?",
            question: "push to prod",
            users: 1,
            applied: false,
          },
        ]),
      );
    });

    it("takes an explicit from and to, dates meaning whole days", async () => {
      const body = (await (
        await get("/insights.json?from=2020-01-01&to=2020-01-31", bearer)
      ).json()) as Record<string, unknown>;
      expect(body.from).toBe("2020-01-01T00:00:00.000Z");
      expect(body.to).toBe("2020-01-31T23:59:59.999Z");
      expect(body.asked).toBe(0);
    });

    it.each([
      ["days=0", "days"],
      ["days=366", "days"],
      ["days=abc", "days"],
      ["days=7&days=8", "days"],
      ["from=yesterday&to=2026-01-01", "from"],
      ["from=2026-01-01", "both from and to"],
      ["from=2026-02-01&to=2026-01-01", "after"],
      ["from=2020-01-01&to=2026-01-01", "longer than 365"],
      ["days=7&from=2026-01-01&to=2026-01-02", "either days"],
    ])("answers 400 with a JSON error to ?%s", async (query, says) => {
      const res = await get(`/insights.json?${query}`, bearer);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain(says);
    });
  });

  describe("GET /insights", () => {
    let html: string;
    let res: Response;
    beforeAll(async () => {
      res = await get("/insights?days=7", bearer);
      html = await res.text();
    });

    it("is sent with a strict CSP, no-store and the playground's security headers", () => {
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      // same-origin, not no-referrer: under no-referrer the sign-in form would post `Origin: null`.
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
    });

    it("loads nothing from elsewhere and runs no inline script or style", () => {
      for (const m of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(m[1]).toMatch(/^\/(?!\/)/);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\bstyle=|<style/);
    });

    it("escapes questions: a typed <script> is shown as text", () => {
      expect(html).not.toContain(ATTACK);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    });

    it("draws both charts as labelled images summing up the data", () => {
      const charts = [...html.matchAll(/<svg class="chart" role="img" aria-labelledby="([^"]+)"/g)];
      expect(charts).toHaveLength(2);
      expect(html).toMatch(
        /<title id="ins-outcomes-title">Questions per day by outcome, [\d-]+ to [\d-]+: 14 asked \(4 sure, 2 likely, 8 not sure\)/,
      );
      expect(html).toMatch(
        /<title id="ins-rate-title">Not-sure rate per day, [^<]*: 57% over the period/,
      );
      // Seven days of the period, today included: bars for the three days with questions.
      expect(html.match(/<rect [^>]*class="bar"/g)?.length).toBeGreaterThanOrEqual(7);
    });

    it("marks the chosen period in the picker", () => {
      expect(html).toContain('<a href="/insights?days=7" aria-current="page">Last 7 days</a>');
      expect(html).toContain('<a href="/insights?days=30">Last 30 days</a>');
    });

    it("shows votes per FAQ and a ready-to-paste snippet of the applied alternates only", () => {
      expect(html).toMatch(
        /<td>How do I deploy to production\?<\/td><td><code>deploys<\/code><\/td><td class="num">2<\/td><td class="num">0<\/td>/,
      );
      expect(html).toContain(">Also asked: how to ship code</pre>");
      expect(html).toMatch(
        /<td class="question">push to prod<\/td><td class="num">1<\/td><td class="num">Not yet<\/td>/,
      );
      // Confirmed is not answered with, unless LEARN=auto: the page says which.
      expect(html).toContain('<th scope="col" class="num">Confirmed</th>');
      expect(html).toContain("With LEARN=suggest the bot does not answer with these");
    });

    it("shows a chosen from/to period in the picker's form", async () => {
      const page = await (await get("/insights?from=2026-01-01&to=2026-01-31", bearer)).text();
      expect(page).toContain('name="from" type="date" required value="2026-01-01"');
      expect(page).toContain('name="to" type="date" required value="2026-01-31"');
      expect(page).not.toContain('aria-current="page"');
    });

    it("says what is wrong with a bad period, as a page (400)", async () => {
      const bad = await get("/insights?days=999", bearer);
      expect(bad.status).toBe(400);
      const text = await bad.text();
      expect(text).toContain("That period cannot be shown");
      expect(text).toContain("days must be from 1 to 365");
    });

    it("serves its stylesheet and script from its own routes, cacheable when versioned", async () => {
      const css = html.match(/href="(\/insights\/style\.css\?v=[\w-]+)"/)?.[1] ?? "";
      const js = html.match(/src="(\/insights\/app\.js\?v=[\w-]+)"/)?.[1] ?? "";
      const cssRes = await get(css);
      expect(cssRes.status).toBe(200);
      expect(cssRes.headers.get("cache-control")).toContain("immutable");
      expect(await cssRes.text()).toContain("prefers-color-scheme: dark");
      expect((await get(js)).headers.get("content-type")).toMatch(/javascript/);
    });
  });
});

describe("insights sign-in under guessing", () => {
  it("answers 429 with Retry-After after ten wrong tokens from one address, even to the right one", async () => {
    const seeded = await emptyStore();
    const server = await serve(seeded.store);
    try {
      const login = (token: string) =>
        fetch(`${server.base}/insights/login`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ token }).toString(),
          redirect: "manual",
        });
      for (let i = 0; i < 10; i++) expect((await login(`guess-${i}`)).status).toBe(401);
      const refused = await login(TOKEN);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("set-cookie")).toBeNull();
      // The token sent as a header waits too: otherwise guessing would go on that way.
      const waiting = await fetch(`${server.base}/insights.json`, { headers: bearer });
      expect(waiting.status).toBe(429);
      expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await server.close();
      await seeded.close();
    }
  });

  it("counts wrong Bearer tokens as failed sign-ins, on the page and the JSON alike", async () => {
    const seeded = await emptyStore();
    const server = await serve(seeded.store);
    try {
      const guess = (path: string, i: number) =>
        fetch(`${server.base}${path}`, { headers: { Authorization: `Bearer guess-${i}` } });
      for (let i = 0; i < 5; i++) expect((await guess("/insights.json", i)).status).toBe(401);
      for (let i = 5; i < 10; i++) expect((await guess("/insights", i)).status).toBe(401);
      const json = await guess("/insights.json", 10);
      expect(json.status).toBe(429);
      expect(await json.json()).toEqual({
        error: "too many wrong tokens from this address; try again later",
      });
      expect((await guess("/insights", 11)).status).toBe(429);
      // So does the sign-in form, and the right token as a header.
      expect(
        (
          await fetch(`${server.base}/insights/login`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ token: TOKEN }).toString(),
            redirect: "manual",
          })
        ).status,
      ).toBe(429);
      expect((await fetch(`${server.base}/insights.json`, { headers: bearer })).status).toBe(429);
      // A browser without a header is not guessing: it gets the sign-in page, not a wait.
      expect((await fetch(`${server.base}/insights`)).status).toBe(401);
    } finally {
      await server.close();
      await seeded.close();
    }
  });

  it("does not count another scheme's header (a proxy's Basic login) as a guess", async () => {
    const seeded = await emptyStore();
    const server = await serve(seeded.store);
    try {
      const basic = { Authorization: "Basic dXNlcjpwYXNz" };
      for (let i = 0; i < 12; i++) {
        expect((await fetch(`${server.base}/insights`, { headers: basic })).status).toBe(401);
      }
      expect((await fetch(`${server.base}/insights.json`, { headers: bearer })).status).toBe(200);
    } finally {
      await server.close();
      await seeded.close();
    }
  });
});

describe("insights sign-in behind a reverse proxy", () => {
  const loginFrom = (server: TestServer, client: string, token: string) =>
    fetch(`${server.base}/insights/login`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": client,
      },
      body: new URLSearchParams({ token }).toString(),
      redirect: "manual",
    });

  it("with TRUST_PROXY, counts guesses per client, so one guesser locks out only itself", async () => {
    const seeded = await emptyStore();
    const server = await serve(seeded.store, { INSIGHTS_TOKEN: TOKEN, TRUST_PROXY: "loopback" });
    try {
      for (let i = 0; i < 10; i++) {
        expect((await loginFrom(server, "203.0.113.7", `guess-${i}`)).status).toBe(401);
      }
      expect((await loginFrom(server, "203.0.113.7", TOKEN)).status).toBe(429);
      expect((await loginFrom(server, "198.51.100.20", TOKEN)).status).toBe(303);
    } finally {
      await server.close();
      await seeded.close();
    }
  });

  it("without it, ignores X-Forwarded-For: a client cannot pose as another address", async () => {
    const seeded = await emptyStore();
    const server = await serve(seeded.store);
    try {
      for (let i = 0; i < 10; i++) {
        expect((await loginFrom(server, `203.0.113.${i}`, `guess-${i}`)).status).toBe(401);
      }
      expect((await loginFrom(server, "198.51.100.20", TOKEN)).status).toBe(429);
    } finally {
      await server.close();
      await seeded.close();
    }
  });
});

describe("insights while the store is down", () => {
  it("answers 503: JSON for .json, a page that says so", async () => {
    // A real store pointed at a Postgres port nobody listens on (1: below the ephemeral range
    // that the Postgres tests' clusters take ports from): it opens degraded and reads reject.
    const down = await openStore({
      dataDir: join(tmpdir(), "aifirst-insights-unused"),
      databaseUrl: "postgres://app@127.0.0.1:1/postgres",
      logger: createLogger({ level: "silent" }),
      recordQuestions: true,
      retentionDays: 90,
      learnMinUsers: 3,
    });
    expect(down.health()).toBe("degraded");
    const server = await serve(down);
    try {
      const json = await fetch(`${server.base}/insights.json`, { headers: bearer });
      expect(json.status).toBe(503);
      expect(((await json.json()) as { error: string }).error).toContain("store");
      const page = await fetch(`${server.base}/insights`, { headers: bearer });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("The store is unavailable");
    } finally {
      await server.close();
      await down.close();
    }
  });
});

describe("insights: alternates the content already says", () => {
  it("are marked so, with nothing to paste for them", async () => {
    const seeded = await seededStore();
    const deploys = [
      "## FAQ",
      "### How do I deploy to production?\nAlso asked: How to ship code?\n\nMerge to main.",
    ].join("\n\n");
    const dir = contentDir({
      "deploys.md": playbook('title: "Deploys"\nslug: "deploys"', deploys),
    });
    const bot = createBot(await loadContentStrict(dir));
    const env = { INSIGHTS_TOKEN: TOKEN, LEARN: "auto" };
    const server = await startTestServer({
      surfaces: (_, logger) => {
        const ctx = { config: parseConfig(env), bot, assistant: createAssistant(bot), logger };
        const setup = insightsSurface({ ...ctx, store: seeded.store });
        return isOff(setup) ? [] : [setup];
      },
    });
    try {
      const html = await (
        await fetch(`${server.base}/insights?days=7`, { headers: bearer })
      ).text();
      expect(html).toMatch(
        /<td class="question">how to ship code<\/td><td class="num">3<\/td><td class="num">In the content<\/td>/,
      );
      expect(html).not.toContain("Also asked: how to ship code</pre>");
      expect(html).toContain("Every confirmed phrasing is in the content already");
      expect(html).toContain("With LEARN=auto a confirmed phrasing already answers");
    } finally {
      await server.close();
      await seeded.close();
    }
  });
});
