import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("the botbuilder boundary", () => {
  it("keeps every botbuilder import in src/adapters/teams/bot-framework.ts", () => {
    const importers = files("src").filter((f) =>
      /from\s+["'](?:botbuilder|botframework-)[^"']*["']/.test(readFileSync(f, "utf8")),
    );
    expect(importers).toEqual(["src/adapters/teams/bot-framework.ts"]);
  });

  it("keeps the engine and the content loader free of adapters and platform SDKs", () => {
    for (const f of [...files("src/answer"), ...files("src/content")]) {
      const imports = [...readFileSync(f, "utf8").matchAll(/from\s+["']([^"']+)["']/g)].map(
        (m) => m[1],
      );
      for (const source of imports) {
        expect(source, f).not.toMatch(/adapters|botbuilder|botframework|@slack|express/);
      }
    }
  });
});
