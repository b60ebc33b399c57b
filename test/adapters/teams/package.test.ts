import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inflateRawSync, inflateSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import {
  domainProblem,
  packageTeamsApp,
  validateManifest,
} from "../../../scripts/teams-package.ts";
import type { Json } from "./harness.ts";

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "aifirst-teams-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const APP_ID = "3f2a9c41-7d5e-4b8a-9c1f-0e6d2b7a8c35";

/** The files of a zip archive (stored or deflated), by name. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip archive");
  let at = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return files;
}

/** Width, height and RGBA pixels of one of our PNGs (8-bit RGBA, filter 0 rows). */
function readPng(png: Buffer): { width: number; height: number; alphaAndColour: number[][] } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString("latin1", at + 4, at + 8) === "IDAT") {
      idat.push(png.subarray(at + 8, at + 8 + length));
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * (width * 4 + 1) + 1 + x * 4;
      pixels.push([raw[o + 3] ?? 0, raw[o] ?? 0, raw[o + 1] ?? 0, raw[o + 2] ?? 0]);
    }
  }
  return { width, height, alphaAndColour: pixels };
}

describe("npm run teams:package", () => {
  it("writes a zip whose manifest validates and whose icons are 192x192 and 32x32", async () => {
    const out = join(work, "aifirst-teams.zip");
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "scripts/teams-package.ts", "--out", out],
      { env: { ...process.env, MicrosoftAppId: APP_ID, BOT_NAME: "" }, cwd: process.cwd() },
    );
    expect(stdout).toMatch(/manifest v1\.\d+ valid/);

    const files = unzip(readFileSync(out));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);

    const manifest: Json = JSON.parse(files.get("manifest.json")?.toString("utf8") ?? "");
    expect(() => validateManifest(manifest)).not.toThrow();
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.24);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.name).toEqual({
      short: "Playbook Bot",
      full: "Playbook Bot: answers from your engineering playbooks",
    });
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    const commands = manifest.bots[0].commandLists.flatMap((l: Json) =>
      l.commands.map((c: Json) => c.title),
    );
    expect(commands).toEqual(expect.arrayContaining(["help", "steps", "step 3"]));

    const color = readPng(files.get("color.png") ?? Buffer.alloc(0));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.alphaAndColour.every(([a]) => a === 255)).toBe(true);

    const outline = readPng(files.get("outline.png") ?? Buffer.alloc(0));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const drawn = outline.alphaAndColour.filter(([a = 0]) => a > 0);
    expect(drawn.length).toBeGreaterThan(50);
    expect(outline.alphaAndColour.some(([a]) => a === 0)).toBe(true);
    expect(drawn.every(([, r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);

    // The committed icons are what ships.
    expect(files.get("color.png")?.equals(readFileSync("teams/color.png"))).toBe(true);
    expect(files.get("outline.png")?.equals(readFileSync("teams/outline.png"))).toBe(true);
  });

  it("refuses a manifest that does not match Microsoft's schema", async () => {
    const dir = join(work, "bad");
    cpSync("teams", dir, { recursive: true, filter: (src) => !src.includes("build") });
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    manifest.bots[0].scopes = ["everywhere"];
    manifest.colour = "blue";
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
    await expect(
      packageTeamsApp({ teamsDir: dir, out: join(dir, "x.zip"), env: {} }),
    ).rejects.toThrow(/does not match the Teams manifest schema v1\.24[\s\S]*scopes/);
  });

  it("refuses an app id that is not a GUID", async () => {
    await expect(
      packageTeamsApp({ out: join(work, "y.zip"), env: { MicrosoftAppId: "my-bot" } }),
    ).rejects.toThrow(/MicrosoftAppId must be .* a GUID/);
  });

  it("names the app after BOT_NAME, and refuses a name Teams would cut", async () => {
    const { manifest } = await packageTeamsApp({
      out: join(work, "named.zip"),
      env: { BOT_NAME: "Runbook Helper" },
    });
    expect(manifest.name).toEqual({
      short: "Runbook Helper",
      full: "Runbook Helper: answers from your engineering playbooks",
    });
    await expect(
      packageTeamsApp({ out: join(work, "long.zip"), env: { BOT_NAME: "x".repeat(31) } }),
    ).rejects.toThrow(/BOT_NAME: must be at most 30 characters/);
  });

  it("adds a bare host name to validDomains, with a port if given", async () => {
    for (const domain of [
      "faq-bot.example.com",
      "FAQ-Bot.Example.com",
      "localhost:3978",
      "a.b:443",
    ]) {
      expect(domainProblem(domain), domain).toBeNull();
    }
    const { manifest } = await packageTeamsApp({
      out: join(work, "domain.zip"),
      env: { TEAMS_BOT_DOMAIN: " faq-bot.example.com " },
    });
    expect(manifest.validDomains).toEqual(["faq-bot.example.com"]);
  });

  it("refuses a URL or garbage for TEAMS_BOT_DOMAIN with a clear message, exit 1", async () => {
    for (const domain of [
      "https://faq-bot.example.com/",
      "faq-bot.example.com/api/messages",
      "faq bot",
      "-bad-.example.com",
      "example.com:99999",
      "example.com:",
      "*.example.com",
      "javascript:alert(1)",
      "例え.jp",
    ]) {
      expect(domainProblem(domain), domain).toMatch(/^TEAMS_BOT_DOMAIN must be a bare host name/);
    }
    expect(domainProblem("https://faq-bot.example.com/")).toMatch(
      /got "https:\/\/faq-bot\.example\.com\/"\. Did you mean faq-bot\.example\.com\?$/,
    );
    const failed = await run(
      process.execPath,
      ["--import", "tsx", "scripts/teams-package.ts", "--out", join(work, "refused.zip")],
      { env: { ...process.env, TEAMS_BOT_DOMAIN: "https://faq-bot.example.com/" } },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stdout: "" });
    expect((failed as { stderr: string }).stderr).toBe(
      'teams:package: TEAMS_BOT_DOMAIN must be a bare host name such as faq-bot.example.com (optionally with :port), without a scheme, path or spaces; got "https://faq-bot.example.com/". Did you mean faq-bot.example.com?\n',
    );
    expect(existsSync(join(work, "refused.zip"))).toBe(false);
  });
});
