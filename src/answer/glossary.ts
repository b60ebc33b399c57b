/**
 * Glossaries: words and phrases that mean the same thing to the people who
 * write and read a set of playbooks ("PR" and "pull request", "k8s" and
 * "kubernetes", "retro" and "postmortem"). They are data, owned by content
 * authors: the product ships a default engineering glossary, and a content
 * folder may extend or override it with its own (see the README, "Writing playbooks").
 *
 * Each group is read as its first phrase, in content and questions alike, so
 * either way of saying it finds the other.
 */
import { phraseKey } from "./analyzer.ts";

/** One glossary: groups of phrases that mean the same; the first of each is how all are read. */
export interface Glossary {
  groups: string[][];
}

/** Abbreviations a later glossary's group took from an earlier one's, for authors to see. */
export interface GlossaryNote {
  /** The later group, as written. */
  group: string[];
  /** The earlier group, as it was. */
  earlier: string[];
  took: string[];
}

/**
 * An abbreviation: one word of at most three letters, or with a digit ("pm", "db", "sev",
 * "k8s"). "pm" is a product manager to one team and a postmortem to another, so a later group
 * that shares only abbreviations with an earlier one takes them, rather than making the two
 * groups one ("product manager" read as "postmortem"). Longer words ("fast", "prod") join.
 */
function isAbbreviation(phrase: string): boolean {
  return !phrase.includes(" ") && (phrase.length <= 3 || /\d/.test(phrase));
}

/**
 * The glossaries in force, later ones over earlier ones: a group that shares a
 * phrase with an earlier one joins it, and its first phrase becomes the form all
 * are read as. So a content folder can add words to a shipped group
 * (`[kubernetes, kube cluster]` beside `[kubernetes, k8s]`) or redirect one
 * (`[outage, incident]` reads the whole shipped incident group as "outage"). A group
 * that shares only abbreviations with an earlier one, none of them its first phrase,
 * takes them from it instead (`[postmortem, pm]` takes "pm" from `[product manager, pm]`).
 */
export function mergeGlossaries(glossaries: Glossary[]): Glossary & { notes: GlossaryNote[] } {
  const merged: string[][] = [];
  const notes: GlossaryNote[] = [];
  const groupOf = new Map<string, string[]>();
  const key = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, " ").trim();
  const place = (group: string[]) => {
    merged.push(group);
    for (const p of group) groupOf.set(phraseKey(p), group);
  };
  const remove = (group: string[]) => {
    merged.splice(merged.indexOf(group), 1);
    for (const p of group) if (groupOf.get(phraseKey(p)) === group) groupOf.delete(phraseKey(p));
  };
  glossaries.forEach(({ groups }, layer) => {
    for (const group of groups) {
      const phrases = group.map(key).filter(Boolean);
      if (phrases.length < 2) continue;
      const shared = new Map<string[], string[]>();
      for (const p of phrases) {
        const earlier = groupOf.get(phraseKey(p));
        if (earlier) shared.set(earlier, [...(shared.get(earlier) ?? []), p]);
      }
      const joined: string[][] = [];
      for (const [earlier, common] of shared) {
        const first = phraseKey(earlier[0] ?? "");
        const takesOnly = common.every((p) => isAbbreviation(p) && phraseKey(p) !== first);
        if (!takesOnly) {
          joined.push(earlier);
          continue;
        }
        const taken = new Set(common.map(phraseKey));
        const left = earlier.filter((p) => !taken.has(phraseKey(p)));
        // Within one file a phrase in two groups is refused (glossary-file.ts). The note names
        // every phrase taken, the earlier group's other forms of it too ("acked" with "ack").
        const took = earlier.filter((p) => taken.has(phraseKey(p)));
        if (layer > 0) notes.push({ group, earlier: [...earlier], took });
        remove(earlier);
        if (left.length >= 2) place(left);
      }
      // The new group's first phrase leads; the earlier groups' phrases follow.
      const union = [...new Set([...phrases, ...joined.flat()])];
      for (const old of joined) remove(old);
      place(union);
    }
  });
  return { groups: merged, notes };
}
