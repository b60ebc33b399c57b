/**
 * The production start caps V8's heap; a library that fills much of the cap
 * gets a warning at start, before a content reload could run out of memory.
 */
import { describe, expect, it } from "vitest";
import { spawnBuiltServer } from "./helpers/built-server.ts";

/** Starts the built server with these V8 flags; its log once it serves. */
async function startLog(nodeFlags: string[]): Promise<string> {
  const server = await spawnBuiltServer({ nodeFlags });
  await server.stop();
  return server.stderr();
}

describe("heap headroom at start", () => {
  it("warns when the content leaves a reload too little room, and names the flag", async () => {
    // A small heap: the shipped content and the libraries already fill most of it.
    const log = await startLog(["--max-old-space-size=32", "--max-semi-space-size=1"]);
    expect(log).toMatch(
      /"level":"warn","msg":"the heap holds \d+ MB of its \d+ MB limit with the content built/,
    );
    expect(log).toContain("raise --max-old-space-size");
  });

  it("says nothing with the production start's heap and the shipped content", async () => {
    const flags = ["--max-old-space-size=256", "--max-semi-space-size=4"];
    expect(await startLog(flags)).not.toContain("the heap holds");
  });
});
