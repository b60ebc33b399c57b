import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every .ts file under a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("the Slack boundary", () => {
  it("keeps Slack out of the engine and the content loader", () => {
    for (const file of [...sources("src/answer"), ...sources("src/content")]) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/from\s+["'](@slack\/|[^"']*adapters\/slack)/);
      expect(text, file).not.toMatch(/\bmrkdwn\b|Block Kit|response_url/i);
    }
  });

  it("keeps the Slack adapter off process.env: config arrives as options", () => {
    for (const file of sources("src/adapters/slack")) {
      expect(readFileSync(file, "utf8"), file).not.toContain("process.env");
    }
  });
});
