import { describe, expect, it } from "vitest";
import { words } from "../../src/answer/analyzer.ts";
import { buildVocabulary, correct, createSpeller, osaDistance } from "../../src/answer/spelling.ts";

const vocabulary = buildVocabulary(
  ["incident severity governance", "merges merge measure", "measure treasure", "commander"],
  words,
);

describe("spelling correction against the playbooks' words", () => {
  it.each([
    ["incidnet", "incident"], // two letters swapped
    ["comander", "commander"], // a letter missing
    ["mereges", "merges"], // a letter too many
    ["meaxure", "measure"], // a wrong letter
    ["govrenance", "governance"],
  ])("corrects %s to %s", (typo, word) => {
    expect(correct(vocabulary, typo)).toBe(word);
  });

  it("prefers the word more entries use when two are as close", () => {
    const v = buildVocabulary(["bolts here", "bolts there", "boats"], words);
    expect(correct(v, "bouts")).toBe("bolts");
    const w = buildVocabulary(["bolts", "boats here", "boats there"], words);
    expect(correct(w, "bouts")).toBe("boats");
  });

  it("leaves words more than one slip away, and short words, alone", () => {
    expect(correct(vocabulary, "lunchbox")).toBeNull();
    expect(correct(vocabulary, "incdnet")).toBeNull();
    expect(correct(vocabulary, "mrge")).toBeNull();
  });

  it("measures distance with swaps as one edit", () => {
    expect(osaDistance("waht", "what")).toBe(1);
    expect(osaDistance("kitten", "sitting")).toBe(3);
    expect(osaDistance("", "abc")).toBe(3);
  });

  it("reads a question's words as the index should", () => {
    const spell = createSpeller({
      vocabulary,
      termOf: (word) => word,
      indexed: (term) => term === "incidents",
      fuzzy: true,
    });
    expect(spell("incident")).toBe("incident"); // a playbook word
    expect(spell("incidents")).toBe("incidents"); // not a playbook word, but its term is indexed
    expect(spell("incidnet")).toBe("incident"); // a typo
    expect(spell("waht")).toBe(""); // a misspelt stop word
    expect(spell("what")).toBe("what"); // a stop word
    expect(spell("lunchbox")).toBe("lunchbox"); // nothing close
  });

  it("corrects nothing when typo tolerance is off", () => {
    const spell = createSpeller({
      vocabulary,
      termOf: (word) => word,
      indexed: () => false,
      fuzzy: false,
    });
    expect(spell("incidnet")).toBe("incidnet");
  });
});
