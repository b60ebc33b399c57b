/**
 * Reply ids, as the store indexes them: UUIDs that still name one reply each
 * and cannot be guessed, and that sort in the order the replies were made.
 */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { loadBot, loadBotVersion } from "../../src/load-bot.ts";
import { mintedAt, replyId } from "../../src/reply-id.ts";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const content = parseConfig({ CONTENT_DIR: "content" });

describe("reply ids", () => {
  it("are UUIDv7: the time they were made, then random bits", () => {
    const at = Date.UTC(2026, 11, 6, 15, 0, 0);
    const id = replyId(at);
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
    expect(mintedAt(id)).toBe(at);
    // Ids of other makings carry no time.
    expect(mintedAt("3f2c8a4e-1b7d-4c9a-9e2f-0a1b2c3d4e5f")).toBeNull();
    expect(mintedAt("no-such-reply")).toBeNull();
    const many = new Set(Array.from({ length: 10_000 }, () => replyId(at)));
    expect(many.size).toBe(10_000);
  });

  it("sort in the order the replies were made", () => {
    const t0 = Date.UTC(2026, 11, 6);
    const made = [0, 1, 2, 1_000, 86_400_000, 10 * 365 * 86_400_000].map((d) => replyId(t0 + d));
    expect([...made].sort()).toEqual(made);
  });

  it("name the replies of the server's and the CLI's bots", async () => {
    const cli = await loadBot(content);
    const loaded = await loadBotVersion(content);
    if (!loaded.ok) throw new Error("content did not load");
    for (const bot of [cli, loaded.bot, loaded.rebuild([])]) {
      const first = bot.ask("how do I start?").reply.id;
      const second = bot.ask("step 2").reply.id;
      expect(first).toMatch(UUID_V7);
      expect(second).not.toBe(first);
    }
  });
});
