/**
 * Spelling correction against the playbooks' own words. Engineers type fast:
 * "incidnet", "govrenance", "mlosp". A word the index does not know is
 * replaced by the closest word the playbooks use, if one is close enough.
 *
 * This runs on words before stemming and the glossary's phrases, so "pull
 * reqeust" can still become "pull request". Known words never pay for it:
 * only unknown ones are looked up.
 */
import { LONGEST_WORD, STOP_WORDS } from "./analyzer.ts";
import { COMMON_WORDS } from "./common-words.ts";

export interface Vocabulary {
  /** Every word of the playbooks (simplified, not stemmed), with how many entries use it. */
  words: Map<string, number>;
  /**
   * What a typo may be corrected to, with how many entries use it: the playbooks' words,
   * and each one's plural or singular ("directors" beside "director") as if used by half
   * an entry, so that a word the playbooks write wins over one they do not.
   */
  forms: Map<string, number>;
  /**
   * Each form with one letter deleted, to the forms it came from. Two words one slip
   * apart share such a form (or one is such a form of the other), so finding
   * candidates takes a handful of map lookups instead of a fuzzy search.
   */
  deletions: Map<string, string[]>;
  /**
   * Pairs of words the playbooks write apart ("covid 19") whose joined form is also one
   * of their words: typed apart, such a pair is left apart.
   */
  apart: Set<string>;
}

export function buildVocabulary(texts: string[], wordsOf: (text: string) => string[]): Vocabulary {
  const words = new Map<string, number>();
  const split = texts.map(wordsOf);
  for (const list of split) {
    for (const w of new Set(list)) {
      if (w.length >= 4 && !STOP_WORDS.has(w) && /^[a-z]+$/.test(w)) {
        words.set(w, (words.get(w) ?? 0) + 1);
      }
    }
  }
  const forms = new Map(words);
  for (const w of words.keys()) {
    const other = pluralOrSingular(w);
    if (other && !forms.has(other) && !STOP_WORDS.has(other)) forms.set(other, 0.5);
  }
  const deletions = new Map<string, string[]>();
  for (const w of forms.keys()) {
    for (const d of new Set(deletionsOf(w))) {
      const from = deletions.get(d);
      if (from) from.push(w);
      else deletions.set(d, [w]);
    }
  }
  const apart = new Set<string>();
  for (const list of split) {
    for (let i = 0; i + 1 < list.length; i++) {
      if (words.has(`${list[i]}${list[i + 1]}`)) apart.add(`${list[i]} ${list[i + 1]}`);
    }
  }
  return { words, forms, deletions, apart };
}

/**
 * A regular plural's singular, or a word's plural with a plain "s": "directors" /
 * "director". Null where a plain "s" is not how English does it ("processes", "policy").
 */
function pluralOrSingular(word: string): string | null {
  if (/(ss|us|is|es)$/.test(word)) return null;
  if (word.endsWith("s")) return word.length > 4 ? word.slice(0, -1) : null;
  return /(s|x|z|ch|sh|y)$/.test(word) ? null : `${word}s`;
}

/**
 * The closest playbook word to `word`, or null when none is close enough: one slip
 * (a wrong, missing or extra letter, or two neighbours swapped), in the word or before
 * an ending the playbooks do not write on it ("erverting", where they write "revert").
 * Looking further mostly finds unrelated words. A word of four letters is read only
 * through the commonest slips of fast typing, a letter missing or two swapped ("mlos",
 * "kpsi"): a wrong letter there makes other short words ("tram", "team"). A common
 * English word is never corrected ("lunch" is not "launch"), nor is its ending taken off.
 */
export function correct(vocabulary: Vocabulary, word: string): string | null {
  if (!mayBeSlip(word)) return null;
  const found = correctWord(vocabulary, word);
  if (found) return found;
  for (const ending of ["ing", "ed", "es", "s"]) {
    if (!word.endsWith(ending)) continue;
    const base = word.slice(0, -ending.length);
    const bases = ending === "s" ? [base] : [base, `${base}e`];
    // An ending on a word the playbooks use is no slip (stemming reads it), nor is one on
    // a common English word.
    if (bases.some((b) => vocabulary.words.has(b) || COMMON_WORDS.has(b))) return null;
    for (const b of bases) {
      const fixed = correctWord(vocabulary, b);
      if (fixed) return fixed;
    }
  }
  return null;
}

function correctWord(vocabulary: Vocabulary, word: string): string | null {
  if (word.length < 4) return null;
  const { forms, deletions } = vocabulary;
  const candidates = new Set<string>();
  // A letter missing from `word`: it is one of a vocabulary word's deletions.
  for (const w of deletions.get(word) ?? []) candidates.add(w);
  if (word.length === 4) {
    for (const w of swapsOf(word)) if (forms.has(w)) candidates.add(w);
  } else {
    for (const d of deletionsOf(word)) {
      // An extra letter in `word`.
      if (forms.has(d)) candidates.add(d);
      // A wrong letter, or two swapped: both words lose a letter to the same form.
      for (const w of deletions.get(d) ?? []) candidates.add(w);
    }
  }
  let best: string | null = null;
  let bestUses = 0;
  for (const candidate of candidates) {
    const uses = forms.get(candidate) ?? 0;
    if (osaDistance(word, candidate) === 1 && uses > bestUses) {
      best = candidate;
      bestUses = uses;
    }
  }
  return best;
}

/**
 * Whether `word` may be a slip at all: letters only, no common English word ("lunch" is
 * not "launch"), and no longer than the English words playbooks use ("internationalization"):
 * a longer run of letters is no word mistyped, and looking for one costs time that grows
 * with its length.
 */
function mayBeSlip(word: string): boolean {
  return word.length <= 24 && /^[a-z]+$/.test(word) && !COMMON_WORDS.has(word);
}

export interface ReaderOptions {
  vocabulary: Vocabulary;
  /** A word's index term, or null for a stop word. */
  termOf(word: string): string | null;
  /** Whether the playbooks use this index term. */
  indexed(term: string): boolean;
  /** Correct unknown words at all (off only to measure what correction buys). */
  fuzzy: boolean;
  /** Initials a question may use for a term of the playbooks' titles ("ic"), with its words. */
  initials?: ReadonlyMap<string, readonly string[]>;
}

/** A word of a question as the index should read it. */
export interface ReadWord {
  word: string;
  /**
   * The word is a guess at what was typed (a wrong, missing or extra letter), worth less
   * than a word as typed. Two letters swapped or one doubled is no guess.
   */
  guessed: boolean;
}

/**
 * Reads a question's words as the playbooks would write them: a word the
 * playbooks know stays; two words they write as one are joined ("road map" ->
 * "roadmap", "status page" -> "statuspage") and one word they write as two is
 * split ("statuspage" -> "status page"); a comparative becomes its adjective
 * ("slower" -> "slow"); a typo becomes the nearest playbook
 * word ("incidnet" -> "incident"); a misspelt stop word ("waht", "shoud")
 * is read as that stop word; anything else stays as typed, and counts as a word the playbooks
 * do not use.
 */
export function createReader(options: ReaderOptions): (typed: string[]) => ReadWord[] {
  const { vocabulary, termOf, indexed, fuzzy, initials } = options;
  const known = (word: string) => {
    if (STOP_WORDS.has(word) || vocabulary.words.has(word)) return true;
    const term = termOf(word);
    return term === null || indexed(term);
  };
  const asTyped = (word: string): ReadWord => ({ word, guessed: false });
  /**
   * Two letters swapped or one doubled, anywhere, undone into a word whose stem the
   * playbooks use: "revertinng", "firedd", "resistnat". The playbooks do not write that
   * word itself (`correct` would have found it), so it is a guess: "reefer" may be meant.
   */
  const unslip = (word: string): string | undefined => {
    if (word.length < 4 || !mayBeSlip(word)) return undefined;
    // A doubled letter typed once: the deletions that drop a letter equal to the next.
    const undoubled = deletionsOf(word).filter((_, i) => word[i] === word[i + 1]);
    return [...new Set([...undoubled, ...swapsOf(word)])].find((w) => {
      const term = termOf(w);
      return term !== null && indexed(term);
    });
  };
  /** A word the playbooks do not know, as they would write it: none, one or two words. */
  const unknown = (word: string): ReadWord[] => {
    if (word.length > LONGEST_WORD) return [asTyped(word)];
    const spelled = initials?.get(word);
    if (spelled) return spelled.map((w) => ({ word: w, guessed: true }));
    if (fuzzy) {
      const base = comparedBase(vocabulary, word);
      if (base) return [asTyped(base)];
      const parts = splitInTwo(vocabulary, word);
      if (parts) return parts.map(asTyped);
    }
    // Read as the stop word, which searches for nothing but says what kind of answer is
    // asked for ("how mnay approvals" asks how many).
    const stopWord = stopWordMeant(word);
    if (stopWord) return [asTyped(stopWord)];
    const correction = fuzzy ? correct(vocabulary, word) : null;
    if (correction === null) {
      const unslipped = fuzzy ? unslip(word) : undefined;
      return [unslipped ? { word: unslipped, guessed: true } : asTyped(word)];
    }
    return [{ word: correction, guessed: !isSwapOrDouble(word, correction) }];
  };
  return (typed) => {
    const out: ReadWord[] = [];
    for (let i = 0; i < typed.length; i++) {
      const word = typed[i] as string;
      const next = typed[i + 1];
      if (next !== undefined && joins(vocabulary, word, next)) {
        out.push(asTyped(`${word}${next}`));
        i++;
      } else if (known(word)) {
        out.push(asTyped(word));
      } else {
        out.push(...unknown(word));
      }
    }
    return out;
  };
}

/**
 * An adjective's comparative or superlative the playbooks do not use, as the word they
 * do: "slower" -> "slow", "easiest" -> "easy", "safer" -> "safe", "closer" -> "close". The
 * stemmer leaves -er and -est alone, since most such words are words of their own; here
 * the word is one the playbooks do not use and its base one they do, so the base is the
 * best reading left (a "worker" the playbooks never name reads as their "work").
 */
function comparedBase(vocabulary: Vocabulary, word: string): string | null {
  const m = /^([a-z]{2,}?)(er|est)$/.exec(word);
  if (!m) return null;
  const stem = m[1] as string;
  const candidates = [stem, `${stem}e`];
  if (stem.endsWith("i")) candidates.push(`${stem.slice(0, -1)}y`);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) candidates.push(stem.slice(0, -1));
  return candidates.find((c) => vocabulary.words.has(c)) ?? null;
}

/** "road" and "map" make "roadmap", which the playbooks use and never write apart. */
function joins(vocabulary: Vocabulary, a: string, b: string): boolean {
  const joined = `${a}${b}`;
  return (
    /^[a-z]+$/.test(joined) &&
    vocabulary.words.has(joined) &&
    !vocabulary.apart.has(`${a} ${b}`) &&
    !STOP_WORDS.has(a) &&
    !STOP_WORDS.has(b)
  );
}

/** An unknown word that is two playbook words run together ("statuspage"). */
function splitInTwo(vocabulary: Vocabulary, word: string): [string, string] | null {
  if (word.length < 8 || !/^[a-z]+$/.test(word)) return null;
  for (let at = 4; at <= word.length - 4; at++) {
    const a = word.slice(0, at);
    const b = word.slice(at);
    if (vocabulary.words.has(a) && vocabulary.words.has(b)) return [a, b];
  }
  return null;
}

/**
 * Every slip of a stop word that reads as one: two neighbouring letters swapped
 * ("waht", "whcih") or a letter doubled ("nneed"), the commonest slips of fast typing;
 * and, for stop words of five letters or more, any letter missing or extra ("shoud",
 * "shouldd"). A wrong letter would turn real words into stop words ("game" / "same",
 * "white" / "while"). Built once: some twenty thousand strings, so a question's unknown
 * word costs one lookup.
 */
const STOP_WORD_SLIPS = (() => {
  const slips = new Map<string, string>();
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const add = (slip: string, w: string) => {
    if (!slips.has(slip)) slips.set(slip, w);
  };
  for (const w of STOP_WORDS) {
    if (w.length < 3 || !/^[a-z]+$/.test(w)) continue;
    for (const slip of [...swapsOf(w), ...doublingsOf(w)]) add(slip, w);
    if (w.length < 5) continue;
    for (const slip of deletionsOf(w)) add(slip, w);
    for (let i = 0; i <= w.length; i++) {
      for (const c of letters) add(w.slice(0, i) + c + w.slice(i), w);
    }
  }
  for (const w of STOP_WORDS) slips.delete(w);
  return slips;
})();

/** The stop word `word` is a slip of ("mnay" is "many"), if it is one. */
function stopWordMeant(word: string): string | undefined {
  return word.length >= 4 && !COMMON_WORDS.has(word) ? STOP_WORD_SLIPS.get(word) : undefined;
}

/** `word` with two neighbouring letters swapped, at each place from the first on. */
export function swapsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/** `word` with one letter left out, at each place. */
export function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** `word` with one letter typed twice, at each place. */
export function doublingsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i + 1) + word.slice(i));
  return out;
}

/** Optimal string alignment distance: Levenshtein plus swaps of neighbouring letters. */
export function osaDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1] ?? 0;
}

/**
 * `typed` is `word` with two neighbouring letters swapped or one doubled: every letter
 * typed is one of the word's, so no other word was meant.
 */
function isSwapOrDouble(typed: string, word: string): boolean {
  return swapsOf(word).includes(typed) || doublingsOf(word).includes(typed);
}
