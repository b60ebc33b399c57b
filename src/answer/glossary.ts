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

/** One glossary: groups of phrases that mean the same; the first of each is how all are read. */
export interface Glossary {
  groups: string[][];
}

/**
 * The glossaries in force, later ones over earlier ones: a group that shares a
 * phrase with an earlier one joins it, and its first phrase becomes the form all
 * are read as. So a content folder can add words to a shipped group
 * (`[kubernetes, kube cluster]` beside `[kubernetes, k8s]`) or redirect one
 * (`[outage, incident]` reads the whole shipped incident group as "outage").
 */
export function mergeGlossaries(glossaries: Glossary[]): Glossary {
  const merged: string[][] = [];
  const groupOf = new Map<string, string[]>();
  const key = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, " ").trim();
  for (const { groups } of glossaries) {
    for (const group of groups) {
      const phrases = group.map(key).filter(Boolean);
      if (phrases.length < 2) continue;
      const joined = new Set<string[]>();
      for (const p of phrases) {
        const earlier = groupOf.get(p);
        if (earlier) joined.add(earlier);
      }
      // The new group's first phrase leads; the earlier groups' phrases follow.
      const union = [...new Set([...phrases, ...[...joined].flat()])];
      for (const old of joined) merged.splice(merged.indexOf(old), 1);
      merged.push(union);
      for (const p of union) groupOf.set(p, union);
    }
  }
  return { groups: merged };
}
