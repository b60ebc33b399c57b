/**
 * What kind of answer a question asks for, by its question words: English grammar, true of
 * any playbook. "What should a status update include?" asks for something else than "How
 * often should we post status updates?", though the two share every word that matters.
 */
import { simplify } from "./analyzer.ts";

/**
 * "what", "how" and "where" often ask one thing ("what's the way to", "how do I", "where do I
 * find"): one kind. "How many", "how much" and "how long" ask for an amount, of time too
 * ("how many weeks"). The others each ask for their own kind.
 */
const KIND_OF: Record<string, string> = {
  what: "what or how",
  whats: "what or how",
  which: "what or how",
  how: "what or how",
  where: "what or how",
  who: "who",
  whom: "who",
  whose: "who",
  when: "when",
  "how soon": "when",
  why: "why",
  "how often": "how often",
  "how frequently": "how often",
  "how many": "how many, much or long",
  "how much": "how many, much or long",
  "how long": "how many, much or long",
};

const QUESTION_WORD =
  /\b(?:how(?:\s+(?:often|frequently|soon|many|much|long))?|who|whom|whose|when|where|why|what|whats|which)\b/g;

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
    const kind = KIND_OF[word.replace(/\s+/g, " ")] as string;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/**
 * Whether `phrasing` (an FAQ's question) asks for another kind of answer than `question`
 * does: `question` names a kind (a question word; a yes or no says nothing of what is
 * wanted), and `phrasing` asks for none of its kinds.
 */
export function asksOtherwise(question: string, phrasing: string): boolean {
  const asked = kindsAsked(question).filter((k) => k !== "yes or no");
  if (asked.length === 0) return false;
  const offered = kindsAsked(phrasing);
  return !asked.some((k) => offered.includes(k));
}
