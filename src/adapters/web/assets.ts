/**
 * The playground's static files, read once into memory at start-up: no disk
 * access and no path handling per request, so nothing outside `public/` can be
 * served. Each file gets a content hash; the page links its assets with
 * `?v=<hash>`, so those can be cached for good while the page itself is
 * always revalidated.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { escapeHtml } from "./escape-html.ts";

export interface Asset {
  name: string;
  body: Buffer;
  type: string;
  /** Short content hash: the ETag, and the `v` of versioned links. */
  hash: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));

/** Every servable file of `dir` (by the types above; type declarations and the like stay private). */
export function loadAssets(dir: string = PUBLIC_DIR): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".d.ts")) continue;
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name));
    assets.set(name, { name, body, type, hash: hashOf(body) });
  }
  return assets;
}

/**
 * The page with each `/assets/<name>` reference pointing at the current
 * version of that file, so a new release is never mixed with cached old files.
 */
export function versionPage(page: Asset, assets: Map<string, Asset>): Asset {
  const html = page.body
    .toString("utf8")
    .replace(/(["'])\/assets\/([\w.-]+)\1/g, (whole, quote: string, name: string) => {
      const asset = assets.get(name);
      return asset ? `${quote}/assets/${name}?v=${asset.hash}${quote}` : whole;
    });
  const body = Buffer.from(html, "utf8");
  return { ...page, body, hash: hashOf(body) };
}

/**
 * The page with each `{{name}}` replaced by `values[name]`, HTML-escaped: settings such as
 * the bot's name go into the markup itself, so the strict CSP needs no inline script and
 * the page no extra request. A placeholder without a value is a bug, caught at start-up.
 */
export function fillPage(page: Asset, values: Readonly<Record<string, string>>): Asset {
  const html = page.body.toString("utf8").replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`aifirst: ${page.name} has {{${name}}}, with no value`);
    return escapeHtml(value);
  });
  const body = Buffer.from(html, "utf8");
  return { ...page, body, hash: hashOf(body) };
}

/** Short content hash: the `v` of versioned links and the ETag. */
export function hashOf(body: Buffer | string): string {
  return createHash("sha256").update(body).digest("base64url").slice(0, 16);
}
