import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every TypeScript file under a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [path.join(dir, e.name)]
        : [],
  );
}

const FORBIDDEN = [
  /from\s+["'](?:@slack\/|botbuilder|botframework-|express|@microsoft\/)/,
  /from\s+["']node:(?:http|https|net|child_process)["']/,
  /from\s+["'][./]*\/(?:adapters|server)\//,
  /process\.env/,
];

// The engine and the content model are pure and platform-neutral: adapters depend on
// them, never the other way round.
describe("the engine's boundary", () => {
  for (const dir of ["src/answer", "src/content"]) {
    it(`${dir} imports no adapter, server, platform SDK or environment`, () => {
      const files = sources(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(file, "utf8");
        for (const pattern of FORBIDDEN)
          expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
      }
    });
  }

  it("src/answer does no I/O at all", () => {
    // The list of common English words holds "slack" and "teams" as the words they are.
    for (const file of sources("src/answer").filter((f) => !f.endsWith("common-words.ts"))) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(
        /from\s+["']node:(?:fs|fs\/promises)["']/,
      );
    }
  });

  it("src/answer speaks no platform's words", () => {
    // The list of common English words holds "slack" and "teams" as the words they are.
    for (const file of sources("src/answer").filter((f) => !f.endsWith("common-words.ts"))) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(
        /\b(?:slack|teams|block kit|adaptive card|mrkdwn)\b/i,
      );
    }
  });
});
