#!/usr/bin/env node
// Runs the compiled JavaScript in dist/, which `npm ci` builds (the `prepare` script)
// and `npm run build` rebuilds. Development runs the TypeScript itself: `npm run dev`.
import { existsSync } from "node:fs";

const entry = new URL("../dist/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("aifirst: dist/ is missing: run `npm run build` (npm ci does it too)\n");
  process.exit(1);
}
await import(entry.href);
