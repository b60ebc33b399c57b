/**
 * What kind of answer a question asks for, by its question words: English grammar, true of
 * any playbook. "What should a status update include?" asks for something else than "How
 * often should we post status updates?", though the two share every word that matters.
 */
import { simplify } from "./analyzer.ts";

/**
 * "what", "how" and "where" often ask one thing ("what's the way to", "how do I", "where do I
 * find"): one kind. "How many", "how much" and "how long" ask for an amount, of time too
 * ("how many weeks"). The others each ask for their own kind. A word and its contraction
 * typed without the apostrophe ("whats", "whos") are one.
 */
const KIND_OF: Record<string, string> = {
  what: "what or how",
  whats: "what or how",
  which: "what or how",
  how: "what or how",
  hows: "what or how",
  where: "what or how",
  wheres: "what or how",
  who: "who",
  whos: "who",
  whom: "who",
  whose: "who",
  when: "when",
  whens: "when",
  "how soon": "when",
  why: "why",
  whys: "why",
  "how come": "why",
  "how often": "how often",
  "how frequently": "how often",
  "how many": "how many, much or long",
  "how much": "how many, much or long",
  "how long": "how many, much or long",
};

/**
 * The question words and phrases, longest first, so "how often" is read before "how". Only
 * ever read through `matchAll`, which starts a copy of it from the beginning.
 */
const QUESTION_WORD = new RegExp(
  `\\b(?:${Object.keys(KIND_OF)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(" ", "\\s+"))
    .join("|")})\\b`,
  "g",
);

/** A question opening with a verb asks yes or no ("Can I ...?", "Is there ...?"). */
const YES_OR_NO =
  /^(?:can|could|should|shall|do|does|did|is|are|was|were|will|would|may|might|must|have|has|am)\b/;

/**
 * The kinds of answer `question` asks for, one for each of its question words (a word that
 * only opens a clause, "who decides when to escalate", adds one too), and "yes or no" when it
 * opens with a verb.
 */
export function kindsAsked(question: string): string[] {
  const text = simplify(question).trim();
  const kinds: string[] = [];
  if (YES_OR_NO.test(text)) kinds.push("yes or no");
  for (const [word] of text.matchAll(QUESTION_WORD)) {
    const kind = KIND_OF[word.replace(/\s+/g, " ")];
    if (kind && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/**
 * Whether `phrasing` (an FAQ's question) asks for another kind of answer than `question`
 * does: each names a kind (a yes or no says nothing of what is wanted; a heading that is a
 * topic, "Merging pull requests", asks nothing), and they share none.
 */
export function asksOtherwise(question: string, phrasing: string): boolean {
  const asked = kindsAsked(question).filter((k) => k !== "yes or no");
  const offered = kindsAsked(phrasing);
  if (asked.length === 0 || offered.length === 0) return false;
  return !asked.some((k) => offered.includes(k));
}
