/**
 * Remembers a pure function's results for strings that come back often
 * (content lines, words), keeping at most `max` of them so memory stays flat
 * however long the server runs and whatever users type.
 *
 * Two generations: new results go into the current one; when it is full it
 * becomes the previous one and the one before is dropped whole. A result
 * found in the previous generation moves back into the current one, so what
 * is used stays. (Deleting a Map's oldest entries one at a time gets slower
 * as deleted slots pile up at its front: 11 µs a miss at 20,000 entries.)
 */
export interface MemoOptions {
  /**
   * Keys longer than this are computed each time, never kept: for keys from
   * user text (words), where a stream of long junk could otherwise fill every
   * slot with kilobytes.
   */
  longestKey?: number;
  /**
   * Keep the key strings given instead of copies (see `ownCopy`): for keys
   * that live as long as the process anyway (the playbooks' texts). A lookup
   * with the very string kept is then found without comparing characters.
   */
  keepKeys?: boolean;
}

export function memoize<T>(
  compute: (key: string) => T,
  max: number,
  options: MemoOptions = {},
): (key: string) => T {
  const longestKey = options.longestKey ?? Number.POSITIVE_INFINITY;
  const keyOf = options.keepKeys ? (key: string) => key : ownCopy;
  const half = Math.max(1, Math.floor(max / 2));
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  const remember = (key: string, value: T) => {
    if (current.size >= half) {
      previous = current;
      current = new Map();
    }
    current.set(key, value);
  };
  return (key) => {
    if (key.length > longestKey) return compute(key);
    const found = current.get(key);
    if (found !== undefined || current.has(key)) return found as T;
    const kept = previous.get(key);
    if (kept !== undefined || previous.has(key)) {
      remember(keyOf(key), kept as T);
      return kept as T;
    }
    // Computed from the copy, so a result that holds the key (a word read from a
    // question) holds the copy, not the text the key was cut from.
    const own = keyOf(key);
    const value = compute(own);
    remember(own, value);
    return value;
  };
}

/**
 * A key cut from a longer text (a word of a 2,000-character question) can
 * share that text's memory and keep all of it alive while remembered; a
 * remembered key is copied out first. Short strings are always copies.
 */
function ownCopy(key: string): string {
  return key.length > 12 ? Buffer.from(key, "utf16le").toString("utf16le") : key;
}
