/**
 * The analyzer: how text becomes search terms, for content and questions alike.
 *
 * It holds only what is true of any English text: case, accents and
 * apostrophes, stop words, British -ise spellings, and word endings (the Porter2
 * stemmer). What words mean to a team ("PR" is "pull request") comes in as
 * data, in the glossaries (see glossary.ts): phrases are rewritten to their
 * group's first phrase before words become terms, at index and query time.
 */
import stemmer from "wink-porter2-stemmer";
import type { Glossary } from "./glossary.ts";

/** British -ise spellings that are not words of their own (unlike "promise", "enterprise"). */
const ISE_KEEP = new Set(
  "advise revise enterprise exercise expertise promise premise compromise surprise otherwise likewise supervise televise franchise merchandise improvise concise precise noise raise praise wise rise cruise disguise despise devise demise chastise comprise excise incise advertise apprise arise poise reprise".split(
    " ",
  ),
);

/** Words that say nothing about what is asked: function words, and the ways people ask. */
export const STOP_WORDS = new Set(
  `a about above after again all also am an and any are aren't as at be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further get gets got had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let's me might more most must mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over own please same shall shan't she should shouldn't so some such than that that's the their theirs them themselves then there there's these they they're this those through to too under until up upon us very was wasn't we we're we've were weren't what what's whats when where which while who who's whom why will with won't would wouldn't you you're your yours yourself yourselves hey hi hello thanks thank tell show explain know want need like anyone someone something thing things way ways really pls plz ok okay vs versus im ive id u ur getting many much best good new make makes made put go goes going actually mean means meaning help helps tip tips advice example examples basically anyway re fyi btw qq imo imho tbh afaik iirc lol lmk tia idk wdyt ngl hmm tho ptal let pros cons wondering curious thx ty anybody yeah yep thoughts kinda sorta gonna wanna gotta wants wanted wanting needs needed needing question questions sorry random stuff newbie noob stupid dumb silly folks guys yall pointers cheers appreciate appreciated asking asked ask theres thats heres wheres whos hows dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent youre theyre hes shes lets hasnt havent hadnt mustnt neednt`.split(
    /\s+/,
  ),
);

/** Parts of the analyzer that can be switched off, to measure what each buys (`npm run eval`). */
export interface AnalyzerOptions {
  /** Apply the glossary's phrases. */
  fold?: boolean;
  /** Reduce words to their stem ("measured" -> "measur"). */
  stem?: boolean;
}

export interface Analyzer {
  /** Lowercased, accent-free text with straight apostrophes. */
  simplify(text: string): string;
  /** The words of simplified text (letters and digits; inner apostrophes kept). */
  words(simplified: string): string[];
  /** Words with the glossary's phrases rewritten to their group's first phrase. */
  fold(words: string[]): string[];
  /** One word to its index term, or null for a stop word. */
  termOf(word: string): string | null;
  /** Every index term of a text, in order, stop words dropped. */
  terms(text: string): string[];
  /** The words the glossary knows, for spelling correction. */
  glossaryWords(): string[];
  /**
   * For each of `fold`'s words, how many terms the glossary phrase it is part of holds
   * ("pull request": 2 each; 1 for a word no phrase made).
   */
  phraseLengths(folded: string[]): number[];
  /**
   * Stop remembering words' stems: called once the playbooks are indexed. Their words
   * recur from question to question, and stemming each again cost the build its budget;
   * words only questions bring are stemmed each time, so memory stays flat however long
   * the server runs.
   */
  seal(): void;
}

/** Splits simplified text into words (letters and digits; inner apostrophes kept). */
export function words(simplified: string): string[] {
  return simplified.match(/[a-z0-9]+(?:'[a-z]+)*/g) ?? [];
}

export function simplify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'");
}

/**
 * A chat message without what chat adds to it: emoji typed as shortcodes (":wave:",
 * ":+1:", ":pray::skin-tone-2:"), @mentions ("cc @steve") and pasted links. Read as words,
 * "wave", "steve" or "https" would count against every answer. Questions only: in a
 * playbook, "@types/node" and "std::vector::push_back" are words, and a link's address
 * names its topic.
 */
export function withoutChatMarkup(message: string): string {
  return message.replace(LINK, " ").replace(EMOJI_SHORTCODE, " ").replace(MENTION, " ");
}

/** A web address pasted into a message: "https://wiki/x", "www.example.com/a". */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>]+/gi;

/** "@steve", "cc @aifirst": not an email address ("@" after a letter), nor a package scope ("@types/node"). */
const MENTION = /(?:\bcc:?\s+)?(?<![\w.%+-])@[\w.-]+(?![\w/.-])/gi;
/**
 * `:name:` between non-letters, as chat apps write emoji, with any modifiers after it
 * (":+1::skin-tone-2:"); "10:30:00", "a:b:c" and "std::vector::" are not.
 */
const EMOJI_SHORTCODE =
  /(?<![a-z0-9:])(?::(?:[a-z0-9_+-]*[a-z][a-z0-9_+-]*|[+-]1):)+(?![a-z0-9])/gi;

interface Phrase {
  /** The phrase's words as matched: stems, so "pull requests" matches "pull request". */
  keys: string[];
  /** Its words as written (bare): what another group's one-word phrase is compared with. */
  words: string[];
  /** What it is read as: the group's first phrase, in words. */
  replacement: string[];
  /** The glossary group it belongs to (its index). */
  group: number;
  /** Its group's first phrase, of more than one word: read whole, as itself. */
  whole: boolean;
}

/**
 * A glossary phrase as the analyzer matches it: each word's stem, plurals as their singular
 * ("acked" and "ack", "bugs" and "bug" alike). Glossaries meeting compare phrases by it.
 */
export function phraseKey(phrase: string): string {
  return words(simplify(phrase))
    .map((w) => singular(stemOfWord(bare(w))))
    .join(" ");
}

/** A word without its possessive and apostrophes, in American spelling. */
function bare(word: string): string {
  return americanize(word.replace(/'s$/, "").replace(/'/g, ""));
}

/**
 * No word is longer: a longer one is read as typed, neither stemmed nor corrected. The
 * stemmer's patterns and the spelling's splits take time growing with the square of a
 * word's length, and a question of 2,000 characters can read as one 8,000-letter word.
 */
export const LONGEST_WORD = 40;

/**
 * A bare word's stem (Porter2, but for the few words it splits wrongly, and a Greek plural
 * read as its singular: Porter2 gives "analyses" and "analysis" two stems).
 */
function stemOfWord(word: string): string {
  if (word.length > LONGEST_WORD) return word;
  return STEM_EXCEPTIONS.get(word) ?? stemmer(word.replace(/(?<=..)yses$/, "ysis"));
}

export function createAnalyzer(glossary: Glossary, options: AnalyzerOptions = {}): Analyzer {
  const fold = options.fold ?? true;
  const stem = options.stem ?? true;
  const stems = new Map<string, string>();
  let sealed = false;
  const stemOf = (word: string): string => {
    let found = stems.get(word);
    if (found === undefined) {
      found = stemOfWord(word);
      if (!sealed) stems.set(word, found);
    }
    return found;
  };
  // Phrases are matched on stems of every word, stop words included ("on call").
  const keyOf = (word: string) => stemOf(bare(word));
  const phrases = new Map<string, Phrase[]>();
  if (fold) {
    for (const [index, group] of glossary.groups.entries()) {
      const replacement = words(simplify(group[0] ?? ""));
      // The first phrase too: its plural is read as it ("ctos" as "cto"), and it is read whole
      // before a phrase inside it ("root cause" in `[root cause analysis, rca, root cause]`).
      for (const [at, phrase] of group.entries()) {
        const written = words(simplify(phrase)).map(bare);
        const keys = written.map((w) => stemOf(w));
        const first = keys[0];
        if (!first) continue;
        const list = phrases.get(first) ?? [];
        list.push({
          keys,
          words: written,
          replacement,
          group: index,
          whole: at === 0 && keys.length > 1,
        });
        // Longest first: "pull request template" before "pull request".
        list.sort((a, b) => b.keys.length - a.keys.length);
        phrases.set(first, list);
      }
    }
  }
  // A word that a one-word phrase reads as another ("prod" as "production"): in a longer
  // phrase, either matches the other ("ship to prod" is "ship to production"). By the words
  // themselves, not their stems: "production" and "product" share one.
  const sameAs = new Map<string, string>();
  for (const list of phrases.values()) {
    for (const p of list) {
      const [word] = p.words;
      const [meant] = p.replacement;
      if (p.words.length === 1 && p.replacement.length === 1 && word && meant) {
        if (!sameAs.has(word)) sameAs.set(word, bare(meant));
      }
    }
  }
  const alike = (typed: string, written: string) =>
    (sameAs.get(typed) ?? typed) === (sameAs.get(written) ?? written);
  // The phrases a word may start: its own, and the longer ones of the word it reads as
  // (by key: "outage" and "outages" are one, and read as one).
  const readAs = new Map([...sameAs].map(([word, meant]) => [stemOf(word), stemOf(meant)]));
  const starting = new Map(phrases);
  for (const [key, meant] of readAs) {
    const longer = (phrases.get(meant) ?? []).filter((p) => p.keys.length > 1);
    if (meant === key || longer.length === 0) continue;
    const list = [...(phrases.get(key) ?? []), ...longer];
    starting.set(
      key,
      list.sort((a, b) => b.keys.length - a.keys.length),
    );
  }
  /**
   * `input` with the glossary's phrases rewritten. `refolding` names the group whose first
   * phrase `input` is: its own phrases and other first phrases read whole are passed over, so
   * that the phrases inside it are read through their groups.
   */
  const foldWords = (input: string[], refolding?: number): string[] => {
    if (phrases.size === 0) return input;
    const keys = input.map(keyOf);
    const at = (j: number, k: string) => keys[j] === k || singular(keys[j] ?? "") === k;
    // How many words from `i` the phrase takes: its own, one more for a pronoun inside a
    // phrasal verb ("burning me out", "roll it back"), or 0 when it is not there.
    const taken = (p: Phrase, i: number): number => {
      // In a phrase of several words, a word also matches one the glossary reads alike.
      const near = (k: string, j: number) =>
        at(i + j, k) || (p.keys.length > 1 && alike(bare(input[i + j] ?? ""), p.words[j] ?? ""));
      if (p.keys.every(near)) return p.keys.length;
      const last = p.keys.length - 1;
      const split =
        last > 0 &&
        PARTICLES.has(p.keys[last] as string) &&
        OBJECT_PRONOUNS.has(input[i + last] ?? "") &&
        p.keys.every((k, j) => at(j === last ? i + j + 1 : i + j, k));
      return split ? p.keys.length + 1 : 0;
    };
    const out: string[] = [];
    for (let i = 0; i < input.length; ) {
      const key = keys[i] as string;
      let length = 0;
      for (const p of starting.get(key) ?? starting.get(singular(key)) ?? []) {
        // A stop word is no one-word phrase whose stem it shares: "explain ai first to me"
        // does not ask about the glossary's "explainable".
        if (p.keys.length === 1 && STOP_WORDS.has(input[i] as string)) continue;
        if (refolding !== undefined && (p.group === refolding || p.whole)) continue;
        length = taken(p, i);
        if (length > 0) {
          // A word read as itself stays as typed: "product" is no "production" to the eye,
          // though the two share a stem and so a term (only when stems make terms).
          const same =
            stem &&
            length === 1 &&
            p.replacement.length === 1 &&
            keyOf(p.replacement[0] as string) === key;
          out.push(...(same ? [input[i] as string] : p.replacement));
          break;
        }
      }
      if (length > 0) {
        i += length;
      } else {
        out.push(input[i] as string);
        i++;
      }
    }
    return out;
  };
  // A group's first phrase may hold another group's phrase ("developer experience", where
  // "developer" reads as "engineer"): it is read as that group reads it, so that both ways
  // of saying it come out alike. Once: the phrases it is read through are read as written.
  // Not through its own group: "root cause" in `[root cause analysis, rca, root cause]` would
  // read "root cause analysis" as "root cause analysis analysis".
  const refolded = new Map<Phrase, string[]>();
  for (const list of phrases.values()) {
    for (const p of list) refolded.set(p, foldWords(p.replacement, p.group));
  }
  for (const [p, replacement] of refolded) p.replacement = replacement;
  // The phrases of more than one word that `fold` writes, by their first word, longest first.
  const written = new Map<string, string[][]>();
  for (const list of phrases.values()) {
    for (const { replacement } of list) {
      const first = replacement[0];
      if (replacement.length < 2 || first === undefined) continue;
      const known = written.get(first) ?? [];
      if (!known.some((r) => r.join(" ") === replacement.join(" "))) known.push(replacement);
      known.sort((a, b) => b.length - a.length);
      written.set(first, known);
    }
  }
  const termOf = (word: string): string | null => {
    if (STOP_WORDS.has(word)) return null;
    const b = bare(word);
    if (!b || STOP_WORDS.has(b)) return null;
    return stem && b.length > 2 && !/^\d+$/.test(b) ? stemOf(b) : b;
  };
  return {
    simplify,
    words,
    fold: foldWords,
    termOf,
    terms(text) {
      const out: string[] = [];
      for (const w of foldWords(words(simplify(text)))) {
        const t = termOf(w);
        if (t) out.push(t);
      }
      return out;
    },
    seal: () => {
      sealed = true;
    },
    phraseLengths(folded) {
      const lengths = folded.map(() => 1);
      for (let i = 0; i < folded.length; ) {
        const phrase = written
          .get(folded[i] as string)
          ?.find((words) => words.every((w, j) => folded[i + j] === w));
        if (!phrase) {
          i++;
          continue;
        }
        const terms = phrase.filter((w) => termOf(w) !== null).length;
        for (let j = 0; j < phrase.length; j++) lengths[i + j] = Math.max(1, terms);
        i += phrase.length;
      }
      return lengths;
    },
    glossaryWords: () =>
      fold ? glossary.groups.flatMap((g) => g.flatMap((p) => words(simplify(p)))) : [],
  };
}

/**
 * Words Porter2 gives another word's stem: it reads "organization" as "organ", the stem of
 * "organize", so "how should we organize the team" matched every "AI-first organization".
 * (British spellings are americanized before they get here.)
 */
const STEM_EXCEPTIONS = new Map(
  ["organization", "organizations", "organizational"].map((w) => [w, "organization"]),
);

const OBJECT_PRONOUNS = new Set(["me", "you", "him", "her", "it", "us", "them"]);
/** What ends a phrasal verb ("roll back", "burn out"): "on call" is none, so "on that call" stays. */
const PARTICLES = new Set(["out", "back", "up", "down", "off", "in", "over", "away", "through"]);

/**
 * The stemmer leaves an abbreviation's plural alone ("prs", "slos"): a key ending in
 * "s" may also match the phrase without it.
 */
function singular(key: string): string {
  return key.length > 2 && key.endsWith("s") ? key.slice(0, -1) : key;
}

function americanize(word: string): string {
  const m = /^(.{3,})is(e|ed|es|ing|ation|ations|er|ers)$/.exec(word);
  if (!m || ISE_KEEP.has(`${m[1]}ise`)) return word.replace(/our$/, word.length > 5 ? "or" : "our");
  return `${m[1]}iz${m[2]}`;
}
