/**
 * How questions are compared for grouping and learning: two wordings that
 * differ only in case, accents, punctuation or spacing are one question.
 * Callers use `normaliseQuestion` too, to match a question to an alternate.
 */
import { withoutChatMarkup } from "../answer/analyzer.ts";

/**
 * Lowercase, NFKD without accents, emoji shortcodes and @mentions dropped (as the engine
 * reads questions), punctuation and symbols to spaces, whitespace collapsed, trimmed.
 * Control and format characters (an escape sequence, a bidirectional override) are no words
 * either: through the alternates they group, they would reach a terminal or a playbook.
 */
export function normaliseQuestion(text: string): string {
  return withoutChatMarkup(text)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\p{P}\p{S}\p{Cc}\p{Cf}]+/gu, " ")
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

/** Question words and modals: "when should I roll back" and "how do I roll back" ask different things. */
const ASKING_WORDS = new Set(
  "how what when where who why which can could should would will shall may might must".split(" "),
);

/**
 * The key near-identical questions share: the set of their words without
 * stop words, sorted. A question made only of stop words keeps its own text.
 * Unanswered questions are grouped by it, for authors to read.
 */
export function nearDuplicateKey(normalised: string): string {
  return keyWithout(normalised, (w) => STOP_WORDS.has(w));
}

/**
 * The stricter key learning counts people by (./learning.ts): as `nearDuplicateKey`, but
 * keeping what kind of question it is, so that three people asking three different things
 * about one subject never confirm an alternate for any of them.
 */
export function sameQuestionKey(normalised: string): string {
  return keyWithout(normalised, (w) => STOP_WORDS.has(w) && !ASKING_WORDS.has(w));
}

function keyWithout(normalised: string, drop: (word: string) => boolean): string {
  const words = [...new Set(normalised.split(" ").filter((w) => w && !drop(w)))];
  return words.length ? words.sort().join(" ") : normalised;
}
