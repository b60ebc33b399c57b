/**
 * Acronyms a playbook defines as it goes: "a Production Readiness Review (PRR)",
 * "PPE (personal protective equipment)". Writers of English spell an acronym out
 * once and use it after; read as one glossary group, a question saying either
 * finds text saying the other, in a team's playbooks that have no glossary.
 */

import type { Playbook } from "../content/types.ts";
import { STOP_WORDS } from "./analyzer.ts";
import type { Glossary } from "./glossary.ts";

/** An acronym and the words it stands for, both lowercased: ["prr", "production readiness review"]. */
export interface Acronym {
  acronym: string;
  spelled: string;
}

/**
 * "(PRR)", "(SLOs)", "(DoD)": an acronym in brackets, whose words may come before it. A
 * lowercase letter inside one stands for a small word ("Definition of Done").
 */
const ACRONYM_IN_BRACKETS = /\(([A-Z](?:[a-z]?[A-Z]){1,7})s?\)/g;
/** The words just before a bracket: at most eight, nothing but letters and spaces between them. */
const WORDS_BEFORE = /(?:[A-Za-z][A-Za-z']*\s+){0,7}[A-Za-z][A-Za-z']*\s*$/;
/** "PRR (production readiness review)": the acronym, then its words in brackets. */
const ACRONYM_THEN_SPELLED = /\b([A-Z](?:[a-z]?[A-Z]){1,7})s?\s+\(([A-Za-z][A-Za-z' -]*)\)/g;
/** Markdown around words ("**Production Readiness Review**", a link's target) and hyphens, as spaces. */
const MARKUP = /\]\([^)]*\)|[*_`[\]-]/g;

/**
 * The words at the end of `words` whose initials spell `acronym` (as written), read
 * backwards. A stop word may sit between them but gives a capital letter only when it is
 * written with one ("Mean Time To Recovery (MTTR)"): "staging or production (SOP)" and
 * "the IC (in channel)" define nothing. A lowercase letter is a stop word's ("Definition
 * of Done (DoD)"). Null if they do not spell it.
 */
function spelledBy(words: string[], acronym: string): string[] | null {
  let i = acronym.length - 1;
  let j = words.length - 1;
  while (i >= 0 && j >= 0) {
    const word = (words[j] as string).toLowerCase();
    const letter = acronym[i] as string;
    const small = letter !== letter.toUpperCase();
    if (STOP_WORDS.has(word)) {
      // Written with a capital, as titles are ("Mean Time To Recovery"), it gives one.
      const capital = /^[A-Z]/.test(words[j] as string);
      if ((small || capital) && word[0] === letter.toLowerCase()) i--;
      else if (i === acronym.length - 1) return null;
    } else if (!small && word[0] === letter.toLowerCase()) i--;
    else return null;
    j--;
  }
  // It ends on the word that gave the first letter: "the" in "the incident commander" is not read.
  return i < 0 ? words.slice(j + 1) : null;
}

/** Every acronym the texts define; the first definition of each wins. */
export function definedAcronyms(texts: readonly string[]): Acronym[] {
  const found = new Map<string, string>();
  const add = (written: string, words: string[] | null) => {
    const acronym = written.toLowerCase();
    if (words && !found.has(acronym)) found.set(acronym, words.join(" ").toLowerCase());
  };
  const wordsOf = (text: string) => text.replace(MARKUP, " ").trim().split(/\s+/);
  for (const text of texts) {
    // The brackets first, then the words before each: a pattern that began with the words
    // would be tried at every word of every playbook.
    for (const m of text.matchAll(ACRONYM_IN_BRACKETS)) {
      const acronym = m[1] as string;
      const before = text.slice(Math.max(0, m.index - 160), m.index).replace(MARKUP, " ");
      const words = WORDS_BEFORE.exec(before);
      if (words) add(acronym, spelledBy(wordsOf(words[0]), acronym));
    }
    for (const m of text.matchAll(ACRONYM_THEN_SPELLED)) {
      const acronym = m[1] as string;
      const words = wordsOf(m[2] as string);
      // The whole bracket must spell it: "PRR (see below)" defines nothing.
      const spelled = spelledBy(words, acronym);
      add(acronym, spelled && spelled.length === words.length ? spelled : null);
    }
  }
  if (found.size === 0) return [];
  // An acronym that is also a word of the text ("IT", "US", "OR"), in questions as much as
  // in playbooks, would take the place of every "it".
  const words = lowercaseWords(texts);
  return [...found]
    .filter(([acronym]) => !STOP_WORDS.has(acronym) && !words.has(acronym))
    .map(([acronym, spelled]) => ({ acronym, spelled }));
}

/** A word written in lowercase between spaces or punctuation; in a name ("docs/prr.md", "#prr-requests") it is none. */
const LOWERCASE_WORD = /(?:^|\s)([a-z]{2,8})(?=[\s,;:!?]|\.(?:\s|$)|$)/g;

/** The short words the texts write in lowercase, as words. */
function lowercaseWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts)
    for (const m of text.matchAll(LOWERCASE_WORD)) words.add(m[1] as string);
  return words;
}

/**
 * The acronyms `playbooks` define that `glossary` does not already know, each as a group
 * of its own: a group that holds the acronym or its words wins. Read as the words: an
 * acronym is one rare term, but a question may say only part of its words ("the readiness
 * review"), and folding the words into the acronym would lose them.
 */
export function acronymGroups(glossary: Glossary, playbooks: readonly Playbook[]): Acronym[] {
  const key = (phrase: string) =>
    phrase
      .toLowerCase()
      .replace(/[\s-]+/g, " ")
      .trim();
  const known = new Set(glossary.groups.flat().map(key));
  return definedAcronyms(playbooks.flatMap(textsOf)).filter(
    (a) => !known.has(a.acronym) && !known.has(key(a.spelled)),
  );
}

/**
 * The initials of the terms a playbook's titles name and its text says again, which people
 * shorten in chat though the playbook never does: "Step 2: Assign an Incident Commander",
 * and "the incident commander" in its text, make "who's IC?" ask for the incident commander.
 * A term is two or three words of a playbook's or a step's title (a question's words are a
 * sentence, not terms), none a stop word, said at least twice in that playbook's text (a
 * title's "Declare the Incident Early" names no term). Initials that two terms share, or that
 * `taken` holds (the glossaries' phrases: "EM" is an engineering manager), stand for nothing.
 * The reader looks them up only for a word the playbooks do not use, in questions: the
 * playbooks' own words, "AI" among them, are untouched.
 */
export function headingInitials(
  playbooks: readonly Playbook[],
  taken: ReadonlySet<string> = new Set(),
): Map<string, string[]> {
  const plain = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  const termsBy = new Map<string, Set<string>>();
  // The playbooks whose titles name each term: its text is looked for in theirs.
  const namedIn = new Map<string, Playbook[]>();
  for (const playbook of playbooks) {
    for (const title of [playbook.title, ...playbook.steps.map((s) => s.title)]) {
      const words = plain(title).trim().split(" ");
      for (let i = 0; i < words.length; i++) {
        for (const size of [2, 3]) {
          const term = words.slice(i, i + size);
          if (term.length < size || term.some((w) => STOP_WORDS.has(w) || !/^[a-z]{2,}$/.test(w)))
            continue;
          const phrase = term.join(" ");
          const initials = term.map((w) => w[0]).join("");
          termsBy.set(initials, (termsBy.get(initials) ?? new Set()).add(phrase));
          const books = namedIn.get(phrase) ?? [];
          if (books.at(-1) !== playbook) namedIn.set(phrase, [...books, playbook]);
        }
      }
    }
  }
  const texts = new Map<Playbook, string>();
  const textOf = (playbook: Playbook) => {
    let text = texts.get(playbook);
    if (text === undefined) {
      const { description, prose, steps, faqs } = playbook;
      text = plain(
        [description, prose, ...steps.map((s) => s.text), ...faqs.map((f) => f.answer)].join(" "),
      );
      texts.set(playbook, text);
    }
    return text;
  };
  const found = new Map<string, string[]>();
  for (const [initials, terms] of termsBy) {
    const [term, ...others] = terms;
    if (!term || others.length > 0 || STOP_WORDS.has(initials) || taken.has(initials)) continue;
    // "incident commanders" says the term too.
    const said = (namedIn.get(term) ?? []).reduce(
      (n, p) => n + occurrences(textOf(p), ` ${term} `) + occurrences(textOf(p), ` ${term}s `),
      0,
    );
    if (said < 2) continue;
    found.set(initials, term.split(" "));
    // "who are the ICs": the plural reads as the term too, unless it is another term's initials.
    if (!termsBy.has(`${initials}s`)) found.set(`${initials}s`, term.split(" "));
  }
  return found;
}

/** How many times `part` is in `text`, counted apart. */
function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/** Everything a playbook says. */
function textsOf(playbook: Playbook): string[] {
  return [
    playbook.title,
    playbook.description,
    playbook.prose,
    ...playbook.steps.flatMap((s) => [s.title, s.text]),
    ...playbook.faqs.flatMap((f) => [f.question, ...f.alternates, f.answer]),
  ];
}
