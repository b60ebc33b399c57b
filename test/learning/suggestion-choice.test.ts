/**
 * A choice names one of the reply's suggestions, as offered or as a button shows it
 * (Markdown links as their words); nothing else counts, with or without a store.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/answer/reply.ts";
import { memoryRecorder } from "../../src/assistant.ts";
import { offeredChoice } from "../../src/suggestion-choice.ts";

const LINKED = "Where is [the release guide](https://wiki.example.com/rel_(v2)) kept?";

describe("a chosen suggestion", () => {
  it("is found as offered, or with its links as their words, and kept as offered", () => {
    const offered = ["How do I deploy?", LINKED];
    expect(offeredChoice(offered, "How do I deploy?")).toBe("How do I deploy?");
    expect(offeredChoice(offered, "Where is the release guide kept?")).toBe(LINKED);
    expect(offeredChoice(offered, "How do I get a raise?")).toBeUndefined();
    expect(offeredChoice([], "How do I deploy?")).toBeUndefined();
  });

  it("is taken by the recorder without a store only when the reply offered it", async () => {
    const recorder = memoryRecorder();
    recorder.record({ id: "r1", suggestions: [LINKED] } as Reply, { surface: "api", user: null });
    const asker = { surface: "teams" as const, user: "u" };
    expect(
      await recorder.feedback({ id: "r1", chose: "Where is the release guide kept?" }, asker),
    ).toBe("recorded");
    expect(await recorder.feedback({ id: "r1", chose: "Anything else?" }, asker)).toBe(
      "not-offered",
    );
    expect(await recorder.feedback({ id: "r2", helpful: true }, asker)).toBe("unknown");
  });
});
