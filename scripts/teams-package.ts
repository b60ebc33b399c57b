/**
 * `npm run teams:package`: builds the Teams app package to upload.
 *
 * Reads teams/manifest.json, fills the app id (and the bot's id) from
 * `MicrosoftAppId` (environment, or `.env`), names the app after `BOT_NAME`
 * (the name the bot has everywhere, default "Playbook Bot"), adds
 * `TEAMS_BOT_DOMAIN` to `validDomains` when given (a bare host name, refused
 * otherwise), validates the result offline against
 * Microsoft's published JSON schema for its manifest version (shipped in
 * @microsoft/app-manifest), checks the icon sizes, and writes
 * teams/build/aifirst-teams.zip with manifest.json, color.png and
 * outline.png at its root. `--out <file>` writes elsewhere.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import AjvDraft04, { type ErrorObject } from "ajv-draft-04";
import addFormats from "ajv-formats";
import { parse as parseDotenv } from "dotenv";
import { ZipFile } from "yazl";
import { ConfigError, parseConfig } from "../src/config.ts";
import { colorIcon, outlineIcon, readPngSize } from "./teams-icons.ts";

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const ICONS = { color: 192, outline: 32 } as const;

export class PackageError extends Error {
  readonly code = "AIFIRST_TEAMS_PACKAGE";
}

export interface PackageOptions {
  /** Folder holding manifest.json and the icons. */
  teamsDir?: string;
  out?: string;
  env?: Record<string, string | undefined>;
}

export interface Packaged {
  out: string;
  manifest: Record<string, unknown>;
  warnings: string[];
}

export async function packageTeamsApp(options: PackageOptions = {}): Promise<Packaged> {
  const teamsDir = options.teamsDir ?? "teams";
  const out = options.out ?? join(teamsDir, "build", "aifirst-teams.zip");
  const env = options.env ?? process.env;
  const warnings: string[] = [];

  const manifest = readJson(join(teamsDir, "manifest.json"));
  const appId = env.MicrosoftAppId?.trim();
  if (appId) {
    if (!GUID.test(appId)) {
      throw new PackageError(
        `MicrosoftAppId must be the Azure Bot's app (client) id, a GUID; got "${appId}"`,
      );
    }
    manifest.id = appId;
    for (const bot of botsOf(manifest)) bot.botId = appId;
  } else if (manifest.id === PLACEHOLDER_ID) {
    warnings.push(
      "MicrosoftAppId is not set: the package keeps the placeholder id 00000000-...; Teams needs your Azure Bot's app id",
    );
  }
  manifest.name = appName(botName(env));
  const domain = env.TEAMS_BOT_DOMAIN?.trim();
  if (domain) {
    const problem = domainProblem(domain);
    if (problem) throw new PackageError(problem);
    const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains : [];
    if (!domains.includes(domain.toLowerCase())) {
      manifest.validDomains = [...domains, domain.toLowerCase()];
    }
  }

  validateManifest(manifest);

  const icons: Record<string, Buffer> = {};
  for (const [name, size] of Object.entries(ICONS)) {
    const file = iconFile(manifest, name);
    const path = join(teamsDir, file);
    // The icons are committed; regenerate them only if someone deleted them.
    const png = existsSync(path)
      ? readFileSync(path)
      : name === "color"
        ? colorIcon()
        : outlineIcon();
    const { width, height } = readPngSize(png);
    if (width !== size || height !== size) {
      throw new PackageError(`${path}: must be ${size}x${size} pixels, is ${width}x${height}`);
    }
    icons[file] = png;
  }

  mkdirSync(dirname(resolve(out)), { recursive: true });
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), "manifest.json");
  for (const [file, png] of Object.entries(icons)) zip.addBuffer(png, file);
  zip.end();
  await new Promise<void>((done, fail) => {
    const stream = createWriteStream(out);
    zip.outputStream.pipe(stream).on("close", done).on("error", fail);
  });
  return { out, manifest, warnings };
}

/** BOT_NAME as the server reads it (default "Playbook Bot", at most 30 characters: Teams' own limit). */
function botName(env: Record<string, string | undefined>): string {
  try {
    return parseConfig({ BOT_NAME: env.BOT_NAME }).botName;
  } catch (error) {
    if (error instanceof ConfigError)
      throw new PackageError(error.message.replace(/^aifirst: /, ""));
    throw error;
  }
}

/** The manifest's names: the short one is what Teams shows; the full one says what it does. */
function appName(name: string): { short: string; full: string } {
  return { short: name, full: `${name}: answers from your engineering playbooks` };
}

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
/** A host name of two labels or more (`faq-bot.example.com`, `localhost` aside), and an optional port. */
const HOST = new RegExp(`^(?:localhost|(?:${LABEL}\\.)+${LABEL})(?::(\\d{1,5}))?$`, "i");

/**
 * Null when `domain` can go in `validDomains` as the bot's host; else why not. Teams
 * matches these entries as host names (`faq-bot.example.com`, or with a port as its own
 * tooling writes `localhost:53000`); a URL's scheme or path would never match.
 */
export function domainProblem(domain: string): string | null {
  const match = HOST.exec(domain);
  const port = match?.[1] === undefined ? null : Number(match[1]);
  if (match && domain.length <= 253 && (port === null || (port >= 1 && port <= 65535))) {
    return null;
  }
  const host = hostOf(domain);
  return `TEAMS_BOT_DOMAIN must be a bare host name such as faq-bot.example.com (optionally with :port), without a scheme, path or spaces; got "${domain}"${host ? `. Did you mean ${host}?` : ""}`;
}

/** The host of a URL someone gave instead of a host name, if it has one. */
function hostOf(text: string): string | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const host = url.host;
    return host && host !== text && HOST.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** Validates against the schema of the manifest's own `manifestVersion`; throws listing problems. */
export function validateManifest(manifest: Record<string, unknown>): void {
  const version = manifest.manifestVersion;
  if (typeof version !== "string" || !/^(\d+\.\d+|devPreview)$/.test(version)) {
    throw new PackageError('manifest.json: "manifestVersion" must be a version such as "1.24"');
  }
  const schemaPath = join(
    schemaRoot(),
    version === "devPreview" ? "vDevPreview" : `v${version}`,
    "MicrosoftTeams.schema.json",
  );
  if (!existsSync(schemaPath)) {
    throw new PackageError(
      `manifest.json: no schema for manifestVersion ${version} in @microsoft/app-manifest`,
    );
  }
  const schema = readJson(schemaPath);
  // The published schema is draft-04 and uses keywords ajv's strict mode rejects.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  if (!validate(manifest)) {
    throw new PackageError(
      `manifest.json does not match the Teams manifest schema v${version}:\n${formatErrors(validate.errors ?? [])}`,
    );
  }
}

const require = createRequire(import.meta.url);

function schemaRoot(): string {
  const pkg = require.resolve("@microsoft/app-manifest/package.json");
  return join(dirname(pkg), "build", "json-schemas", "teams");
}

function formatErrors(errors: ErrorObject[]): string {
  return errors
    .slice(0, 10)
    .map(
      (e) =>
        `  ${e.instancePath || "/"}: ${e.message ?? "invalid"}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`,
    )
    .join("\n");
}

function botsOf(manifest: Record<string, unknown>): Array<Record<string, unknown>> {
  return Array.isArray(manifest.bots) ? (manifest.bots as Array<Record<string, unknown>>) : [];
}

function iconFile(manifest: Record<string, unknown>, name: string): string {
  const icons = manifest.icons as Record<string, unknown> | undefined;
  const file = icons?.[name];
  if (typeof file !== "string" || file.includes("/") || file.includes("\\")) {
    throw new PackageError(
      `manifest.json: icons.${name} must name a file next to it, e.g. "${name}.png"`,
    );
  }
  return file;
}

function readJson(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new PackageError(`${path}: cannot read it`);
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new PackageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** The environment, with `.env` filling in what it does not set (as the server does). */
function environment(): Record<string, string | undefined> {
  const fromFile = existsSync(".env") ? parseDotenv(readFileSync(".env")) : {};
  return { ...fromFile, ...process.env };
}

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf("--out");
  const out = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !out) {
    process.stderr.write("teams:package: --out needs a file name\n");
    return 2;
  }
  try {
    const result = await packageTeamsApp({ out, env: environment() });
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(
      `teams:package: manifest v${String(result.manifest.manifestVersion)} valid; wrote ${result.out} (manifest.json, color.png, outline.png)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      process.stderr.write(`teams:package: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
