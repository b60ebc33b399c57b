/**
 * Acronyms a playbook defines as it goes: "a Production Readiness Review (PRR)",
 * "PPE (personal protective equipment)". Writers of English spell an acronym out
 * once and use it after; read as one glossary group, a question saying either
 * finds text saying the other, in a team's playbooks that have no glossary.
 */

import type { Playbook } from "../content/types.ts";
import { STOP_WORDS } from "./analyzer.ts";
import type { Glossary } from "./glossary.ts";

/** "(PRR)": an acronym in brackets, whose words may come before it. */
const ACRONYM_IN_BRACKETS = /\(([A-Z]{2,8})\)/g;
/** The words just before a bracket: at most eight, nothing but letters between them. */
const WORDS_BEFORE = /(?:[A-Za-z][A-Za-z'-]*\s+){1,8}$/;
/** "PRR (production readiness review)": the acronym, then its words in brackets. */
const ACRONYM_THEN_SPELLED = /\b([A-Z]{2,8})\s+\(([A-Za-z][A-Za-z' -]*)\)/g;

/**
 * The words at the end of `words` whose initials spell `acronym`, read backwards; a
 * stop word whose initial is not wanted may sit between them ("Centers for Disease
 * Control"). Null if they do not spell it.
 */
function spelledBy(words: string[], acronym: string): string[] | null {
  const letters = acronym.toLowerCase();
  let i = letters.length - 1;
  let j = words.length - 1;
  while (i >= 0 && j >= 0) {
    const word = (words[j] as string).toLowerCase();
    if (word[0] === letters[i]) i--;
    else if (!STOP_WORDS.has(word)) return null;
    j--;
  }
  // It ends on the word that gave the first letter: "the" in "the incident commander" is not read.
  return i < 0 ? words.slice(j + 1) : null;
}

/** Every acronym the texts define, as [spelled out, acronym], lowercased; the first definition wins. */
export function definedAcronyms(texts: readonly string[]): string[][] {
  const found = new Map<string, string>();
  const add = (acronym: string, words: string[] | null) => {
    const key = acronym.toLowerCase();
    if (words && !found.has(key)) found.set(key, words.join(" ").toLowerCase());
  };
  for (const text of texts) {
    // The brackets first, then the words before each: a pattern that began with the words
    // would be tried at every word of every playbook.
    for (const m of text.matchAll(ACRONYM_IN_BRACKETS)) {
      const acronym = m[1] as string;
      const before = WORDS_BEFORE.exec(text.slice(Math.max(0, m.index - 160), m.index));
      if (before) add(acronym, spelledBy(before[0].trim().split(/\s+/), acronym));
    }
    for (const m of text.matchAll(ACRONYM_THEN_SPELLED)) {
      const acronym = m[1] as string;
      const words = (m[2] as string).trim().split(/\s+/);
      // The whole bracket must spell it: "PRR (see below)" defines nothing.
      const spelled = spelledBy(words, acronym);
      add(acronym, spelled && spelled.length === words.length ? spelled : null);
    }
  }
  // Read as the words: an acronym is one rare term, but a question may say only part of its
  // words ("the readiness review"), and folding the words into the acronym would lose them.
  return [...found].map(([acronym, spelled]) => [spelled, acronym]);
}

/**
 * The acronyms `playbooks` define that `glossary` does not already know, each as a group
 * of its own ([spelled out, acronym]): a group that holds the acronym or its words wins.
 */
export function acronymGroups(glossary: Glossary, playbooks: readonly Playbook[]): string[][] {
  const known = new Set(glossary.groups.flat().map((p) => p.toLowerCase().trim()));
  return definedAcronyms(playbooks.flatMap(textsOf)).filter(
    (group) => !group.some((p) => known.has(p)),
  );
}

/** Everything a playbook says. */
function textsOf(playbook: Playbook): string[] {
  return [
    playbook.title,
    playbook.description,
    ...playbook.steps.flatMap((s) => [s.title, s.text]),
    ...playbook.faqs.flatMap((f) => [f.question, ...f.alternates, f.answer]),
  ];
}
