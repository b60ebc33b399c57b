import { describe, expect, it } from "vitest";
import { groupUnanswered } from "../../src/store/insights.ts";
import { nearDuplicateKey, normaliseQuestion } from "../../src/store/normalise.ts";

describe("normaliseQuestion", () => {
  it("lowercases, drops accents, turns punctuation into spaces and collapses whitespace", () => {
    expect(normaliseQuestion("  Où est   le Café?! ")).toBe("ou est le cafe");
    expect(normaliseQuestion("How do I\tdeploy—to PROD…")).toBe("how do i deploy to prod");
    expect(normaliseQuestion("ﬁle (v2.0)")).toBe("file v2 0");
  });

  it("drops what chat adds, as the engine does: emoji shortcodes and @mentions", () => {
    expect(normaliseQuestion(":wave: @aifirst how do I deploy? cc @steve :pray:")).toBe(
      "how do i deploy",
    );
  });

  it("keeps no control or format character: an escape sequence is no word", () => {
    const typed = "\u001b[31mred\u001b[0m \u202eevil\u200bword \u0007bell";
    expect(normaliseQuestion(typed)).toBe("31mred 0m evil word bell");
  });

  it("gives the empty string for punctuation only", () => {
    expect(normaliseQuestion("?!...")).toBe("");
  });
});

describe("grouping unanswered questions", () => {
  it("treats wordings with the same words but for stop words as one", () => {
    expect(nearDuplicateKey("how do i rotate the vpn keys")).toBe(
      nearDuplicateKey("rotate vpn keys"),
    );
    expect(nearDuplicateKey("what is it")).toBe("what is it");
  });

  it("counts each group and shows its most common wording, most frequent first, top 20", () => {
    const wordings = [
      { question: "Rotate VPN keys?", count: 1 },
      { question: "How do I rotate the VPN keys?", count: 3 },
      { question: "Who owns billing", count: 2 },
      ...Array.from({ length: 30 }, (_, i) => ({ question: `rare question ${i}`, count: 1 })),
    ];
    const grouped = groupUnanswered(wordings);
    expect(grouped.slice(0, 2)).toEqual([
      { question: "How do I rotate the VPN keys?", count: 4 },
      { question: "Who owns billing", count: 2 },
    ]);
    expect(grouped).toHaveLength(20);
  });
});
