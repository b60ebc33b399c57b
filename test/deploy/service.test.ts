/**
 * The single-host files in deploy/: the systemd unit runs the same built
 * entry as the container, with node itself, unprivileged and confined; the
 * env file template is a valid configuration for a host behind a proxy; the
 * proxy examples forward the platforms' paths to the server's port.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, posix, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { DEFAULTS } from "../../src/server/http.ts";
import { execForm, parseDockerfile } from "./dockerfile-parse.ts";

const root = resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(join(root, file), "utf8");

/** A unit file's `[Service]` settings; keys that repeat keep every value in order. */
function unitSection(text: string, section: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = header[1] ?? "";
      continue;
    }
    if (current !== section) continue;
    const eq = line.indexOf("=");
    const key = line.slice(0, eq);
    out.set(key, [...(out.get(key) ?? []), line.slice(eq + 1)]);
  }
  return out;
}

/** KEY=value lines (an EnvironmentFile or .env), comments and blanks skipped. */
function envFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out[m[1] ?? ""] = m[2] ?? "";
  }
  return out;
}

const unitText = read("deploy/aifirst.service");
const service = unitSection(unitText, "Service");
const one = (key: string) => service.get(key)?.at(-1);
const unitEnv = envFile((service.get("Environment") ?? []).join("\n"));

describe("the systemd unit", () => {
  it("runs the container's entry with node directly, never through npm", () => {
    const [, runtime] = parseDockerfile(read("Dockerfile"));
    const cmd = execForm(
      runtime?.instructions.filter((i) => i.keyword === "CMD").at(-1)?.args ?? "",
    );
    const exec = (one("ExecStart") ?? "").split(/\s+/);
    const [program = "", entry = "", ...args] = exec;
    expect(program, "systemd needs an absolute path").toMatch(/^\/.*\/node$/);
    expect(exec.join(" ")).not.toMatch(/\b(npm|npx|tsx)\b/);
    const [, cmdEntry, ...cmdArgs] = cmd ?? [];
    expect(entry).toBe(posix.join(one("WorkingDirectory") ?? "", cmdEntry ?? ""));
    expect(args).toEqual(cmdArgs);
  });

  it("runs as its own user with its settings from an EnvironmentFile, restarts on failure, reloads on SIGHUP", () => {
    expect(one("User")).toBeDefined();
    expect(one("User")).not.toMatch(/^(root|0)$/);
    expect(one("EnvironmentFile")).toMatch(/^-?\//);
    expect(one("Restart")).toBe("on-failure");
    expect(one("ExecReload")).toMatch(/kill -(HUP|SIGHUP) \$MAINPID$/);
    expect(unitEnv.NODE_ENV).toBe("production");
    // After SIGTERM the server waits up to two grace periods and then 5 s: systemd must wait longer.
    expect(Number.parseInt(one("TimeoutStopSec") ?? "90", 10)).toBeGreaterThan(
      (2 * DEFAULTS.shutdownGraceMs + 5_000) / 1000,
    );
  });

  it("may write DATA_DIR and nothing else of the system", () => {
    expect(one("NoNewPrivileges")).toBe("yes");
    expect(one("ProtectSystem")).toBe("strict");
    expect(one("PrivateTmp")).toBe("yes");
    expect(one("ProtectHome")).toBe("yes");
    const dataDir = unitEnv.DATA_DIR ?? "";
    expect(dataDir).toMatch(/^\//);
    expect((one("ReadWritePaths") ?? "").split(/\s+/)).toContain(dataDir);
    expect(one("StateDirectory")).toBe(posix.relative("/var/lib", dataDir));
    // The template must not move DATA_DIR away from the one writable path.
    expect(envFile(read("deploy/aifirst.env")).DATA_DIR).toBeUndefined();
  });

  const analyze = spawnSync("systemd-analyze", ["--version"]).status === 0;
  it.skipIf(!analyze)(
    "passes systemd-analyze verify without a warning, and its security check",
    () => {
      const verify = spawnSync(
        "systemd-analyze",
        ["verify", join(root, "deploy/aifirst.service")],
        {
          encoding: "utf8",
        },
      );
      // Unknown keys and bad values are only warnings (exit 0): any output is a mistake.
      expect(`${verify.stdout}${verify.stderr}`.trim()).toBe("");
      expect(verify.status).toBe(0);
      const security = execFileSync(
        "systemd-analyze",
        ["security", "--offline=yes", join(root, "deploy/aifirst.service")],
        { encoding: "utf8" },
      );
      const exposure = Number(/Overall exposure level for \S+: ([\d.]+)/.exec(security)?.[1]);
      expect(exposure, security).toBeLessThanOrEqual(2);
    },
  );
});

describe("the env file template", () => {
  const env = envFile(read("deploy/aifirst.env"));

  it("is a valid configuration that binds to loopback with the playground off", () => {
    const config = parseConfig({ ...env, ...unitEnv });
    expect(config.host).toBe("127.0.0.1");
    expect(config.access.playground).toBe(false);
    expect(config.store.dataDir).toBe(unitEnv.DATA_DIR);
  });

  it("names only variables .env.example documents", () => {
    const documented = Object.keys(envFile(read(".env.example")));
    for (const key of Object.keys(env)) expect(documented, key).toContain(key);
  });

  it("says, above each token left empty, what empty leaves open and how to make one", () => {
    const lines = read("deploy/aifirst.env").split("\n");
    const commentAbove = (name: string) => {
      const at = lines.indexOf(`${name}=`);
      expect(at, name).toBeGreaterThan(0);
      let start = at;
      while (lines[start - 1]?.startsWith("#")) start--;
      return lines.slice(start, at).join(" ");
    };
    for (const name of ["API_TOKEN", "METRICS_TOKEN"])
      expect(commentAbove(name), name).toMatch(/^# Empty = open: .*openssl rand -hex 32/);
    expect(commentAbove("INSIGHTS_TOKEN")).toMatch(
      /^# Empty = off: \/insights is 404\. .*openssl rand -hex 32/,
    );
  });
});

describe("the README", () => {
  const readme = read("README.md");

  it("gives POST /api/feedback's bodies as docs/playground.md does, within 1,500 words", () => {
    const row = read("docs/playground.md")
      .split("\n")
      .find((line) => line.startsWith("| `POST /api/feedback` with "));
    const bodies = [...(row ?? "").matchAll(/`(\{"id": [^`]+\})`/g)].map((m) =>
      (m[1] ?? "").replace("\\|", "|"),
    );
    expect(bodies).toHaveLength(2);
    const flat = readme.replace(/\s+/g, " ");
    for (const body of bodies) expect(flat).toContain(body);
    expect(readme.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(1500);
  });
});

describe("the reverse proxy examples", () => {
  const port = parseConfig({ ...envFile(read("deploy/aifirst.env")) }).port;

  it("send every path but /metrics to the server on loopback", () => {
    const caddy = read("deploy/Caddyfile");
    expect(caddy).toMatch(new RegExp(`reverse_proxy 127\\.0\\.0\\.1:${port}\\b`));
    expect(caddy).toMatch(/@private path \/metrics\s+respond @private 404/);

    const nginx = read("deploy/nginx.conf");
    expect(nginx).toMatch(
      new RegExp(`location / \\{[^}]*proxy_pass http://127\\.0\\.0\\.1:${port};`),
    );
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;/);
    // Nothing else carves a path out of `/`: /slack/events and /api/messages reach the server.
    const locations = [...nginx.matchAll(/location\s+(=\s+)?(\S+)\s*\{/g)].map((m) => m[2]);
    expect(locations.sort()).toEqual(["/", "/", "/.well-known/acme-challenge/", "/metrics"]);
  });

  it("serve HTTPS: nginx with certbot's certificate for its own name, plain HTTP only redirecting", () => {
    const nginx = read("deploy/nginx.conf");
    const name = /server_name (\S+);/.exec(nginx)?.[1];
    expect(nginx).toContain(`ssl_certificate     /etc/letsencrypt/live/${name}/fullchain.pem;`);
    expect(nginx).toContain(`ssl_certificate_key /etc/letsencrypt/live/${name}/privkey.pem;`);
    expect(nginx).toMatch(/listen 443 ssl;/);
    expect(nginx).toMatch(/listen 80;[\s\S]*return 301 https:\/\/\$host\$request_uri;/);
    // A site name (not :80 or http://) is what makes Caddy get a certificate itself.
    expect(read("deploy/Caddyfile")).toMatch(/^[a-z0-9.-]+\.[a-z]+ \{$/m);
  });
});
