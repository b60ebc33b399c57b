/**
 * The reverse proxy examples, run for real: Debian's nginx and Caddy in front
 * of the built server, with a throwaway certificate and free ports in place of
 * the public name's. A signed Slack request and a Teams activity arrive intact
 * (Slack's signature covers the body), every other path answers as the server
 * itself does, `/metrics` stays inside, and nginx's port 80 only redirects.
 * Skipped where nginx, Caddy or openssl is not installed.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const has = (tool: string, arg: string) => spawnSync(tool, [arg]).status === 0;
const NAME = "bot.example.com";
const SECRET = "proxy-test-signing-secret";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request, over HTTPS to the proxy (trusting the test's certificate) or plain HTTP. */
function send(base: { port: number; tls?: string }, call: Call): Promise<Answer> {
  return new Promise((done, fail) => {
    const options = {
      host: "127.0.0.1",
      port: base.port,
      method: call.method,
      path: call.path,
      headers: { host: NAME, ...call.headers },
      ...(base.tls ? { ca: base.tls, servername: NAME } : {}),
    };
    const req = (base.tls ? httpsRequest : httpRequest)(options, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end(call.body);
  });
}

function signedSlack(body: string): Call {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    method: "POST",
    path: "/slack/events",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": signature,
    },
    body,
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Resolves once `port` accepts connections, or rejects when the process exits first. */
async function listening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const exited = new Promise<never>((_, fail) =>
    child.on("exit", (code) => fail(new Error(`exited (${code}) before listening:\n${log()}`))),
  );
  for (let i = 0; i < 100; i++) {
    const open = await Promise.race([
      send({ port }, { method: "GET", path: "/healthz" }).then(
        () => true,
        () => false,
      ),
      exited,
    ]);
    if (open) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`nothing listens on ${port}:\n${log()}`);
}

function start(command: string, args: string[], env?: Record<string, string>) {
  let output = "";
  const child = spawn(command, args, {
    env: env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c) => {
    output += c;
  });
  child.stderr?.on("data", (c) => {
    output += c;
  });
  return { child, log: () => output };
}

const tools = has("nginx", "-v") && has("caddy", "version") && has("openssl", "version");
// .ci/run installs them: in CI a missing one is a failure, not a skip.
if (!tools && process.env.CI === "true") {
  throw new Error(
    "nginx, caddy and openssl are needed for the proxy tests (.ci/run installs them)",
  );
}
if (!tools) console.warn("proxy tests skipped: nginx, caddy or openssl is not installed");

describe.skipIf(!tools)("the reverse proxy examples in front of the server", () => {
  const dir = mkdtempSync(join(tmpdir(), "aifirst-proxy-"));
  const children: ChildProcess[] = [];
  let server = 0;
  let cert = "";

  beforeAll(async () => {
    // A certificate for the public name, as certbot or Caddy would get.
    const made = spawnSync("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      `/CN=${NAME}`,
      "-addext",
      `subjectAltName=DNS:${NAME}`,
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ]);
    expect(made.status, String(made.stderr)).toBe(0);
    cert = readFileSync(join(dir, "cert.pem"), "utf8");

    server = await freePort();
    const app = start(process.execPath, ["dist/main.js", "serve"], {
      PATH: process.env.PATH ?? "",
      PORT: String(server),
      HOST: "127.0.0.1",
      LOG_FORMAT: "json",
      CONTENT_DIR: join(root, "content"),
      DATA_DIR: join(dir, "data"),
      SLACK_BOT_TOKEN: "xoxb-proxy-test",
      SLACK_SIGNING_SECRET: SECRET,
      // Nothing answers there: the background identity check fails and retries, as offline.
      SLACK_API_URL: `http://127.0.0.1:${await freePort()}/api/`,
      MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
      MicrosoftAppPassword: "proxy-test",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: "00000000-0000-0000-0000-000000000002",
    });
    children.push(app.child);
    await new Promise<void>((done, fail) => {
      const poll = setInterval(() => {
        if (app.log().includes('"msg":"listening"')) {
          clearInterval(poll);
          done();
        }
      }, 50);
      app.child.on("exit", (code) => {
        clearInterval(poll);
        fail(new Error(`the server exited (${code}):\n${app.log()}`));
      });
    });
  });

  afterAll(() => {
    for (const child of children) child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  /** The requests a user's platforms and tools send, and what each proves. */
  const calls = (): Array<{ call: Call; expect?: number }> => [
    { call: { method: "GET", path: "/healthz" }, expect: 200 },
    {
      call: signedSlack(JSON.stringify({ type: "url_verification", challenge: "c-123" })),
      expect: 200,
    },
    {
      call: { ...signedSlack('{"type":"url_verification"}'), body: '{"type":"url_verification" }' },
      expect: 401,
    },
    {
      call: {
        method: "POST",
        path: "/api/messages",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "message", text: "step 3" }),
      },
      expect: 401,
    },
    { call: { method: "GET", path: "/api/ask?q=step%203" }, expect: 200 },
    { call: { method: "GET", path: "/" } },
  ];

  async function checkThrough(proxy: { port: number; tls: string }) {
    for (const { call, expect: status } of calls()) {
      const direct = await send({ port: server }, call);
      const proxied = await send(proxy, call);
      const what = `${call.method} ${call.path}`;
      if (status !== undefined) expect(direct.status, what).toBe(status);
      expect(proxied.status, `${what} through the proxy`).toBe(direct.status);
      // Every reply gets its own id; the rest must be the same bytes.
      const same = (body: string) => body.replace(/"id":"[0-9a-f-]{36}"/g, '"id":"<id>"');
      expect(same(proxied.body), `${what} through the proxy`).toBe(same(direct.body));
    }
    const challenge = await send(
      proxy,
      signedSlack(JSON.stringify({ type: "url_verification", challenge: "c-456" })),
    );
    expect(JSON.parse(challenge.body)).toEqual({ challenge: "c-456" });
    expect((await send({ port: server }, { method: "GET", path: "/metrics" })).status).toBe(200);
    expect((await send(proxy, { method: "GET", path: "/metrics" })).status).toBe(404);
  }

  it("nginx with certbot's layout: HTTPS to the server, /metrics hidden, HTTP redirected", async () => {
    const https = await freePort();
    const http = await freePort();
    // The example as an operator installs it; only the machine-specific parts change.
    const site = readFileSync(join(root, "deploy/nginx.conf"), "utf8")
      .replaceAll(`/etc/letsencrypt/live/${NAME}/fullchain.pem`, join(dir, "cert.pem"))
      .replaceAll(`/etc/letsencrypt/live/${NAME}/privkey.pem`, join(dir, "key.pem"))
      .replace(/^\s*listen \[::\]:.*$/gm, "")
      .replace("listen 80;", `listen 127.0.0.1:${http};`)
      .replace("listen 443 ssl;", `listen 127.0.0.1:${https} ssl;`)
      .replaceAll("127.0.0.1:3000", `127.0.0.1:${server}`);
    expect(site).not.toMatch(/letsencrypt|:3000\b/);
    mkdirSync(join(dir, "nginx"), { recursive: true });
    writeFileSync(join(dir, "nginx", "site.conf"), site);
    const temp = (name: string) => `${name} ${join(dir, "nginx", name)};`;
    writeFileSync(
      join(dir, "nginx", "nginx.conf"),
      `events {}
http {
  access_log off;
  ${temp("client_body_temp_path")} ${temp("proxy_temp_path")} ${temp("fastcgi_temp_path")}
  ${temp("uwsgi_temp_path")} ${temp("scgi_temp_path")}
  include ${join(dir, "nginx", "site.conf")};
}
`,
    );
    const nginx = start("nginx", [
      "-p",
      join(dir, "nginx"),
      "-c",
      join(dir, "nginx", "nginx.conf"),
      "-e",
      "stderr",
      "-g",
      `daemon off; master_process off; pid ${join(dir, "nginx", "nginx.pid")};`,
    ]);
    children.push(nginx.child);
    await listening(http, nginx.child, nginx.log);

    await checkThrough({ port: https, tls: cert });
    // Questions from one address are limited (5 a second, bursts of 20); Slack is not.
    const burst = await Promise.all(
      Array.from({ length: 60 }, () =>
        send({ port: https, tls: cert }, { method: "GET", path: "/api/ask?q=step+3" }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    // The server routes any case and a trailing slash alike: so does the limit.
    for (const path of ["/API/ASK?q=step+3", "/api/ask/?q=step+3"]) {
      const more = await Promise.all(
        Array.from({ length: 10 }, () => send({ port: https, tls: cert }, { method: "GET", path })),
      );
      expect(
        more.some((r) => r.status === 429),
        path,
      ).toBe(true);
    }
    const slack = await send(
      { port: https, tls: cert },
      signedSlack(JSON.stringify({ type: "url_verification", challenge: "c-789" })),
    );
    expect(slack.status).toBe(200);
    const plain = await send({ port: http }, { method: "POST", path: "/slack/events" });
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe(`https://${NAME}/slack/events`);
  });

  it("Caddy: HTTPS to the server, /metrics hidden", async () => {
    const https = await freePort();
    // Caddy would get the certificate for the name itself; here it is handed the test's.
    const site = readFileSync(join(root, "deploy/Caddyfile"), "utf8").replace(
      `${NAME} {`,
      `{\n\tadmin off\n\thttp_port ${await freePort()}\n\tauto_https disable_redirects\n}\n\n` +
        `${NAME}:${https} {\n\tbind 127.0.0.1\n\ttls ${join(dir, "cert.pem")} ${join(dir, "key.pem")}`,
    );
    expect(site).toContain(`reverse_proxy 127.0.0.1:3000`);
    writeFileSync(join(dir, "Caddyfile"), site.replaceAll("127.0.0.1:3000", `127.0.0.1:${server}`));
    const caddy = start(
      "caddy",
      ["run", "--config", join(dir, "Caddyfile"), "--adapter", "caddyfile"],
      {
        PATH: process.env.PATH ?? "",
        HOME: dir,
        XDG_DATA_HOME: join(dir, "caddy-data"),
        XDG_CONFIG_HOME: join(dir, "caddy-config"),
      },
    );
    children.push(caddy.child);
    await waitForTls(https, caddy.child, caddy.log);

    await checkThrough({ port: https, tls: cert });
  });

  async function waitForTls(port: number, child: ChildProcess, log: () => string) {
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`caddy exited:\n${log()}`);
      const ok = await send({ port, tls: cert }, { method: "GET", path: "/healthz" }).then(
        () => true,
        () => false,
      );
      if (ok) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`caddy does not answer on ${port}:\n${log()}`);
  }
});
