import { describe, expect, it } from "vitest";
import { createPendingReplies } from "../../../src/adapters/slack/pending-replies.ts";

describe("pending replies", () => {
  it("waits for replies in flight, and no longer than it is given", async () => {
    const pending = createPendingReplies();
    expect(await pending.settle(10)).toBe(0);
    let finish = () => {};
    const slow = pending.track(new Promise<void>((resolve) => (finish = resolve)));
    const failing = pending.track(Promise.reject(new Error("post failed")));
    await expect(failing).rejects.toThrow("post failed");
    // The stuck one is still pending after the wait: it is counted, not waited for forever.
    expect(await pending.settle(20)).toBe(1);
    finish();
    await slow;
    expect(await pending.settle(1_000)).toBe(0);
  });
});
