/**
 * The production start: `node dist/main.js serve` (what `npm start`, a
 * container or a service unit runs), on the build `npm test` and `npm ci`
 * make. Nothing of it may need tsx or the TypeScript sources.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsFiles, spawnBuiltServer } from "./helpers/built-server.ts";

describe("the built server", () => {
  it("imports only JavaScript, and tsx is not a runtime dependency", () => {
    const files = jsFiles("dist");
    expect(files).toContain(join("dist", "main.js"));
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/from "[^"]*\.ts"|import\("[^"]*\.ts"\)|["']tsx/);
    }
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(readFileSync("bin/aifirst.js", "utf8")).not.toMatch(/tsx/);
  });

  it("starts from dist/, serves the playground's files and the API, and stops on SIGTERM", async () => {
    const server = await spawnBuiltServer();
    const { base } = server;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const css = /href="(\/assets\/app\.css\?v=[^"]+)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    expect((await fetch(`${base}${css}`)).status).toBe(200);
    const ask = await fetch(`${base}/api/ask?q=step%203`);
    expect((await ask.json()).step.number).toBe(3);
    expect(await server.stop()).toBe(0);
  });
});
