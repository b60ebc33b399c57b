/**
 * Remembers a pure function's results for strings that come back often
 * (content lines, words), up to `max` entries: past that, the oldest are
 * forgotten first, so memory stays flat however long the server runs and
 * whatever users type.
 */
export function memoize<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    if (known.size >= max) known.delete(known.keys().next().value as string);
    known.set(key, value);
    return value;
  };
}
