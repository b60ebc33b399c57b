/**
 * Spelling correction against the playbooks' own words. Engineers type fast:
 * "incidnet", "govrenance", "mlosp". A word the index does not know is
 * replaced by the closest word the playbooks use, if one is close enough.
 *
 * This runs on words before stemming and phrase folding, so "ai frist" can
 * still become "ai first" and then the term "aifirst". Known words never pay
 * for it: only unknown ones are looked up.
 */
import SearchableMap from "minisearch/SearchableMap";
import { STOP_WORDS } from "./analyzer.ts";

export interface Vocabulary {
  /** Every word of the playbooks (simplified, not stemmed), with how many entries use it. */
  words: SearchableMap<number>;
}

export function buildVocabulary(
  texts: Iterable<string>,
  wordsOf: (text: string) => string[],
): Vocabulary {
  const words = new SearchableMap<number>();
  for (const text of texts) {
    for (const w of new Set(wordsOf(text))) {
      if (w.length >= 4 && !STOP_WORDS.has(w) && /^[a-z]+$/.test(w))
        words.update(w, (n = 0) => n + 1);
    }
  }
  return { words };
}

/** The closest playbook word to `word`, or null when none is close enough. */
export function correct(vocabulary: Vocabulary, word: string): string | null {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return null;
  // One slip per word: a wrong, missing or extra letter, or two letters swapped. Looking
  // further costs more than the whole search and mostly finds unrelated words.
  const allowed = 1;
  let best: string | null = null;
  let bestDistance = allowed + 1;
  let bestUses = 0;
  const candidates = new Map<string, number>();
  for (const [candidate, [uses]] of vocabulary.words.fuzzyGet(word, allowed))
    candidates.set(candidate, uses);
  // Levenshtein counts a swap of neighbouring letters, the commonest slip, as two edits:
  // try each swap directly instead of widening the (costly) fuzzy search.
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = `${word.slice(0, i)}${word.charAt(i + 1)}${word.charAt(i)}${word.slice(i + 2)}`;
    const uses = vocabulary.words.get(swapped);
    if (uses !== undefined) candidates.set(swapped, uses);
  }
  for (const [candidate, uses] of candidates) {
    const distance = osaDistance(word, candidate);
    if (distance < bestDistance || (distance === bestDistance && uses > bestUses)) {
      best = candidate;
      bestDistance = distance;
      bestUses = uses;
    }
  }
  return bestDistance <= allowed ? best : null;
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
