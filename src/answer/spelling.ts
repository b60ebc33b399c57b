/**
 * Spelling correction against the playbooks' own words. Engineers type fast:
 * "incidnet", "govrenance", "mlosp". A word the index does not know is
 * replaced by the closest word the playbooks use, if one is close enough.
 *
 * This runs on words before stemming and phrase folding, so "ai frist" can
 * still become "ai first" and then the term "aifirst". Known words never pay
 * for it: only unknown ones are looked up.
 */
import { STOP_WORDS } from "./analyzer.ts";

export interface Vocabulary {
  /** Every word of the playbooks (simplified, not stemmed), with how many entries use it. */
  words: Map<string, number>;
  /**
   * Each word with one letter deleted, to the words it came from. Two words one
   * slip apart share such a form (or one is such a form of the other), so finding
   * candidates takes a handful of map lookups instead of a fuzzy search.
   */
  deletions: Map<string, string[]>;
}

export function buildVocabulary(
  texts: Iterable<string>,
  wordsOf: (text: string) => string[],
): Vocabulary {
  const words = new Map<string, number>();
  for (const text of texts) {
    for (const w of new Set(wordsOf(text))) {
      if (w.length >= 4 && !STOP_WORDS.has(w) && /^[a-z]+$/.test(w)) {
        words.set(w, (words.get(w) ?? 0) + 1);
      }
    }
  }
  const deletions = new Map<string, string[]>();
  for (const w of words.keys()) {
    for (const d of new Set(deletionsOf(w))) {
      const from = deletions.get(d);
      if (from) from.push(w);
      else deletions.set(d, [w]);
    }
  }
  return { words, deletions };
}

/**
 * The closest playbook word to `word`, or null when none is close enough: one slip
 * per word (a wrong, missing or extra letter, or two neighbours swapped). Looking
 * further mostly finds unrelated words.
 */
export function correct(vocabulary: Vocabulary, word: string): string | null {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return null;
  const { words, deletions } = vocabulary;
  const candidates = new Set<string>();
  // A letter missing from `word`: it is one of a vocabulary word's deletions.
  for (const w of deletions.get(word) ?? []) candidates.add(w);
  for (const d of deletionsOf(word)) {
    // An extra letter in `word`.
    if (words.has(d)) candidates.add(d);
    // A wrong letter, or two swapped: both words lose a letter to the same form.
    for (const w of deletions.get(d) ?? []) candidates.add(w);
  }
  let best: string | null = null;
  let bestUses = 0;
  for (const candidate of candidates) {
    const uses = words.get(candidate) ?? 0;
    if (osaDistance(word, candidate) === 1 && uses > bestUses) {
      best = candidate;
      bestUses = uses;
    }
  }
  return best;
}

export interface SpellerOptions {
  vocabulary: Vocabulary;
  /** A word's index term, or null for a stop word. */
  termOf(word: string): string | null;
  /** Whether the playbooks use this index term. */
  indexed(term: string): boolean;
  /** Correct unknown words at all (off only to measure what correction buys). */
  fuzzy: boolean;
}

/**
 * A question's word as the index should read it: the word itself when the
 * playbooks know it (or its term), when it is a stop word, or when nothing is
 * close; the nearest playbook word for a typo ("incidnet" -> "incident"); and
 * "" for a misspelt stop word ("waht"), which carries no meaning.
 */
export function createSpeller(options: SpellerOptions): (word: string) => string {
  const { vocabulary, termOf, indexed, fuzzy } = options;
  return (word) => {
    if (STOP_WORDS.has(word) || vocabulary.words.has(word)) return word;
    const term = termOf(word);
    if (term === null || indexed(term)) return word;
    if (isMisspeltStopWord(word)) return "";
    return (fuzzy ? correct(vocabulary, word) : null) ?? word;
  };
}

const stopWordsBySize = new Map<number, string[]>();
for (const w of STOP_WORDS) {
  if (w.length >= 3 && /^[a-z]+$/.test(w)) {
    stopWordsBySize.set(w.length, [...(stopWordsBySize.get(w.length) ?? []), w]);
  }
}

/**
 * Two neighbouring letters swapped ("waht", "shuold"): the commonest slip of fast
 * typing. Only swaps: one wrong letter turns real words into stop words too
 * ("game" / "same").
 */
function isMisspeltStopWord(word: string): boolean {
  if (word.length < 4) return false;
  for (const candidate of stopWordsBySize.get(word.length) ?? []) {
    const first = [...word].findIndex((ch, i) => ch !== candidate[i]);
    if (
      first !== -1 &&
      word[first] === candidate[first + 1] &&
      word[first + 1] === candidate[first] &&
      word.slice(first + 2) === candidate.slice(first + 2)
    ) {
      return true;
    }
  }
  return false;
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
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
