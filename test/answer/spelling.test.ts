import { describe, expect, it } from "vitest";
import { words } from "../../src/answer/analyzer.ts";
import { buildVocabulary, correct, createReader, osaDistance } from "../../src/answer/spelling.ts";

const vocabulary = buildVocabulary(
  [
    "incident severity governance",
    "merges merge measure",
    "measure treasure",
    "commander",
    "the statuspage and the status of the page",
    "levels of severity",
    "a post mortem is a postmortem",
  ],
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

  it("leaves a common English word as written, though a playbook word is one slip away", () => {
    const v = buildVocabulary(["launch the service", "fill in the forms"], words);
    expect(correct(v, "lunch")).toBeNull();
    expect(correct(v, "lanuch")).toBe("launch");
  });

  it("leaves words more than one slip away, and short words, alone", () => {
    expect(correct(vocabulary, "lunchbox")).toBeNull();
    expect(correct(vocabulary, "incdnet")).toBeNull();
    expect(correct(vocabulary, "mrg")).toBeNull();
  });

  it("corrects to a playbook word's plural or singular as well", () => {
    const v = buildVocabulary(["the director approves", "tests"], words);
    expect(correct(v, "idrectors")).toBe("directors");
    expect(correct(v, "tset")).toBe("test");
  });

  it("finds the slip before an ending the playbooks do not write on that word", () => {
    const v = buildVocabulary(["revert the merge"], words);
    expect(correct(v, "erverting")).toBe("revert");
    expect(correct(v, "megred")).toBe("merge");
    // A common English word keeps its ending, though its stem is one slip from a playbook word.
    const w = buildVocabulary(["stat fine take start"], words);
    for (const common of ["status", "finding", "talking", "states"]) {
      expect(correct(w, common)).toBeNull();
    }
  });

  it("corrects to a plural or singular only where the playbooks write no word as close", () => {
    // "pushe" is no word: "pushes" has no singular with a plain "s".
    const v = buildVocabulary(["pushes policy director"], words);
    expect([...v.forms.keys()].sort()).toEqual(["director", "directors", "policy", "pushes"]);
    // A playbook word wins over a plural they do not write.
    const w = buildVocabulary(["director", "directions"], words);
    expect(correct(w, "directrs")).toBe("directors");
    expect(correct(w, "diretions")).toBe("directions");
    // A plural the playbooks do not write is no word to join or split with.
    const apart = buildVocabulary(["alter native"], words);
    const read = createReader({
      vocabulary: apart,
      termOf: (word) => word,
      indexed: () => false,
      fuzzy: true,
    });
    expect(read(["alternatives"]).map((r) => r.word)).toEqual(["alternatives"]);
  });

  it("reads a four-letter word through a missing letter or a swap only", () => {
    const v = buildVocabulary(["mlops kpis team"], words);
    expect(correct(v, "mlos")).toBe("mlops"); // a letter missing
    expect(correct(v, "kpsi")).toBe("kpis"); // two swapped
    expect(correct(v, "tram")).toBeNull(); // a wrong letter: another word
  });

  it("measures distance with swaps as one edit", () => {
    expect(osaDistance("waht", "what")).toBe(1);
    expect(osaDistance("kitten", "sitting")).toBe(3);
    expect(osaDistance("", "abc")).toBe(3);
  });

  const read = (typed: string, fuzzy = true) =>
    createReader({
      vocabulary,
      termOf: (word) => word,
      indexed: (term) => term === "incidents",
      fuzzy,
    })(typed.split(" ")).map((r) => (r.guessed ? `${r.word}*` : r.word));

  it("reads a question's words as the index should", () => {
    expect(read("incident")).toEqual(["incident"]); // a playbook word
    expect(read("incidents")).toEqual(["incidents"]); // not a playbook word, but its term is indexed
    expect(read("incidnet")).toEqual(["incident"]); // two letters swapped: no guess
    expect(read("incidemt")).toEqual(["incident*"]); // a wrong letter: a guess
    expect(read("inncident")).toEqual(["incident"]); // a letter doubled
    expect(read("incidnets")).toEqual(["incidents"]); // a swap in the plural of a playbook word
    expect(read("icnidents")).toEqual(["incidents"]);
    // Misspelt stop words (a swap, a letter missing, one doubled) are read as the stop words.
    expect(read("waht shoud nneed")).toEqual(["what", "should", "need"]);
    expect(read("what")).toEqual(["what"]); // a stop word
    expect(read("lunchbox")).toEqual(["lunchbox"]); // nothing close
    expect(read("white while")).toEqual(["white", "while"]); // a wrong letter is a real word
    expect(read("form")).toEqual(["form"]); // a swap of "from", but a word people write
  });

  it("joins two words the playbooks write as one, and splits one they write as two", () => {
    expect(read("status page")).toEqual(["statuspage"]);
    expect(read("severitylevels")).toEqual(["severity", "levels"]);
    // Written apart in the playbooks as well: left apart.
    expect(read("post mortem")).toEqual(["post", "mortem"]);
  });

  it("reads a word longer than any word as typed: no split, no correction", () => {
    const [a20, b20, a21, b21] = ["a".repeat(20), "b".repeat(20), "a".repeat(21), "b".repeat(21)];
    const v = buildVocabulary([`${a20} ${b20} ${a21} ${b21} ${a21}${b21}x`], words);
    const reading = (typed: string) =>
      createReader({ vocabulary: v, termOf: (word) => word, indexed: () => false, fuzzy: true })([
        typed,
      ]).map((r) => r.word);
    // 42 letters: two playbook words run together, and one letter from a third.
    expect(reading(`${a21}${b21}`)).toEqual([`${a21}${b21}`]);
    // 40: still split.
    expect(reading(`${a20}${b20}`)).toEqual([a20, b20]);
  });

  it("reads a comparative or superlative as the adjective the playbooks use", () => {
    const v = buildVocabulary(["a slow, easy and safe rollout, close to home"], words);
    const compared = (typed: string, fuzzy = true) =>
      createReader({ vocabulary: v, termOf: (word) => word, indexed: () => false, fuzzy })(
        typed.split(" "),
      ).map((r) => r.word);
    expect(compared("slower easiest safer closer")).toEqual(["slow", "easy", "safe", "close"]);
    // No adjective the playbooks use under it: left as typed.
    expect(compared("faster owner")).toEqual(["faster", "owner"]);
    expect(compared("slower", false)).toEqual(["slower"]);
  });

  it("undoes a swap or a doubled letter anywhere, ending included, when the playbooks use the word's stem", () => {
    const v = buildVocabulary(
      ["revert an account", "a fire alarm", "resistance", "a count", "causal"],
      words,
    );
    const stem = (word: string) => word.replace(/(ing|ant|ance|s)$/, "").replace(/ed$/, "e");
    const stems = new Set(["revert", "account", "fire", "resist", "count", "causal"]);
    const reader = createReader({
      vocabulary: v,
      termOf: stem,
      indexed: (term) => stems.has(term),
      fuzzy: true,
    });
    const reading = (typed: string) =>
      reader(typed.split(" ")).map((r) => (r.guessed ? `${r.word}*` : r.word));
    // The playbooks write none of these words, only their stems: each is a guess.
    expect(reading("revertinng firedd resistnat")).toEqual(["reverting*", "fired*", "resistant*"]);
    // A letter missing reads as the playbook word, though undoubling makes another one.
    expect(reading("ccount")).toEqual(["account*"]);
    // A common English word is no slip, though a swap makes a word the playbooks use.
    expect(reading("casual")).toEqual(["casual"]);
    // Nor is a long run of letters.
    expect(reading("a".repeat(40))).toEqual(["a".repeat(40)]);
  });

  it("corrects nothing when typo tolerance is off", () => {
    expect(read("incidnet", false)).toEqual(["incidnet"]);
  });
});
