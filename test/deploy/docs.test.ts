/**
 * docs/deploy.md against the files it tells operators to install: the paths,
 * ports, volume and timeouts in its commands are the ones the unit, the image
 * and the server use, and every file it points to exists.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/server/http.ts";
import { parseDockerfile } from "./dockerfile-parse.ts";

const root = resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(join(root, file), "utf8");
const doc = read("docs/deploy.md");
const unit = read("deploy/aifirst.service");
const setting = (key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(unit)?.[1] ?? "";

describe("docs/deploy.md", () => {
  it("links only to files that exist, and mentions every file in deploy/", () => {
    for (const [, target] of doc.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
      expect(existsSync(join(root, "docs", target ?? "")), `link ${target}`).toBe(true);
    }
    for (const file of readdirSync(join(root, "deploy"))) {
      expect(doc, `deploy/${file} is explained`).toContain(`deploy/${file}`);
    }
  });

  it("names the paths the systemd unit uses", () => {
    expect(doc).toContain(setting("EnvironmentFile"));
    expect(doc).toContain(setting("ExecStart"));
    expect(doc).toContain(`DATA_DIR=${/^Environment=DATA_DIR=(.*)$/m.exec(unit)?.[1]}`);
    expect(doc).toContain(`useradd --system --home-dir /var/lib/${setting("StateDirectory")}`);
    expect(doc).toContain(`${setting("User")}:${setting("Group")}`);
  });

  it("runs the image with its volume, its port and time to stop", () => {
    const runtime = parseDockerfile(read("Dockerfile")).at(-1);
    const arg = (keyword: string) =>
      runtime?.instructions.find((i) => i.keyword === keyword)?.args ?? "";
    const run = /docker run -d(?:[^\n\\]|\\\n)*/.exec(doc)?.[0] ?? "";
    expect(run).toMatch(new RegExp(`-v aifirst-data:${arg("VOLUME")}\\b`));
    expect(run).toContain(`:${arg("EXPOSE")}:${arg("EXPOSE")}`);
    const stop = Number(/--stop-timeout (\d+)/.exec(run)?.[1]);
    expect(stop).toBeGreaterThan((2 * DEFAULTS.shutdownGraceMs + 5_000) / 1000);
    expect(doc).toContain(`/app/content:ro`);
    expect(arg("WORKDIR")).toBe(dirname("/app/content"));
  });

  const analyze = spawnSync("systemd-analyze", ["--version"]).status === 0;
  it.skipIf(!analyze)("quotes the unit's security rating as systemd-analyze gives it", () => {
    const out = spawnSync(
      "systemd-analyze",
      ["security", "--offline=yes", join(root, "deploy/aifirst.service")],
      { encoding: "utf8" },
    ).stdout;
    const rating = /Overall exposure level for \S+: ([\d.]+) (\S+)/.exec(out);
    expect(doc).toContain(`rates it ${rating?.[1]} ("${rating?.[2]}")`);
  });
});
