/**
 * How questions are compared for grouping and learning: two wordings that
 * differ only in case, accents, punctuation or spacing are one question.
 * Callers use `normaliseQuestion` too, to match a question to an alternate.
 */

/** Lowercase, NFKD without accents, punctuation and symbols to spaces, whitespace collapsed, trimmed. */
export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Words that change no meaning in an unanswered question; small on purpose, English only.
const STOP_WORDS = new Set(
  (
    "a an the is are was were be been am do does did i me my we our you your it its " +
    "to of in on for at by with from and or how what when where who why which can could " +
    "should would will shall may might must there this that these those please any some"
  ).split(" "),
);

/**
 * The key near-identical questions share: the set of their words without
 * stop words, sorted. A question made only of stop words keeps its own text.
 * Unanswered questions are grouped by it, and learning counts people who asked
 * near-identical questions as agreeing (./learning.ts).
 */
export function nearDuplicateKey(normalised: string): string {
  const words = [...new Set(normalised.split(" ").filter((w) => w && !STOP_WORDS.has(w)))];
  return words.length ? words.sort().join(" ") : normalised;
}
