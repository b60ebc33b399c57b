/**
 * The analyzer: how text becomes search terms, for content and questions alike.
 *
 * Engineers type fast: lowercase, plurals, British spellings, abbreviations
 * ("kpis", "ml ops", "ai first"). Folding all of these to one canonical term
 * at index and query time costs nothing at answer time, unlike expanding a
 * query into many terms.
 */
import { stemmer } from "stemmer";
import { memoize } from "../memo.ts";

/** Multi-word phrases and abbreviations, rewritten before splitting into words. */
const PHRASES: Array<[RegExp, string]> = [
  [/\bkey performance indicators?\b/g, "kpi"],
  [/\bmachine[\s-]+learning[\s-]+op(?:eration)?s\b/g, "mlops"],
  [/\bml[\s-]+ops\b/g, "mlops"],
  [/\bdev[\s-]+ops\b/g, "devops"],
  [/\bmachine[\s-]+learning\b/g, "ml"],
  [/\bartificial[\s-]+intelligence\b/g, "ai"],
  [/\bchief technology officers?\b/g, "cto"],
  [/\bchief executive officers?\b/g, "ceo"],
  [/\bvice presidents?\b/g, "vp"],
  [/\bproduct managers?\b/g, "product director"],
  [/\bai[\s-]?(first|native|driven|powered|enabled)\b/g, "ai$1"],
  [/\broad[\s-]+maps?\b/g, "roadmap"],
  [/\bon[\s-]?boarding\b/g, "onboarding"],
  [/\bpost[\s-]?mortems?\b/g, "postmortem"],
  [/\bon[\s-]?call\b/g, "oncall"],
  // "what counts as a sev 1" asks what a sev 1 is: the phrase carries no topic.
  [/\b(?:counts?|considered|classed|classified)\s+as\b/g, " "],
  [/\bprs?\b/g, "pull request"],
  [/\bbuy[\s-]in\b/g, "buyin"],
  [/\bmrs?\b/g, "merge request"],
  [/\bsev[\s-]?([0-4])\b/g, "severity sev$1"],
  [/\broll(?:ing|ed)?[\s-]+backs?\b/g, "rollback"],
  [/\bfix(?:ing|ed)?[\s-]+forward\b/g, "fixforward"],
  [/\broot[\s-]+causes?\b/g, "rootcause"],
  [/\bci[\s/-]+cd\b/g, "cicd"],
];

// All phrases in one pass: the text is scanned once, and a match is rewritten by the
// first phrase (in list order) that matches it exactly.
const ANY_PHRASE = new RegExp(PHRASES.map(([p]) => `(?:${p.source})`).join("|"), "g");
const EXACT_PHRASES = PHRASES.map(([p, r]) => [new RegExp(`^(?:${p.source})$`), r] as const);

/**
 * Matches are few and recur ("ai first", "prs", "sev 1"): each is rewritten once and
 * remembered, rather than testing up to two dozen patterns, each its own compiled code,
 * every time. Bounded, since the separators let a match run long.
 */
const rewritePhrase = memoize(
  (match: string): string => {
    for (const [exact, replacement] of EXACT_PHRASES) {
      if (exact.test(match)) return match.replace(exact, replacement);
    }
    return match;
  },
  1_000,
  { longestKey: 64 },
);

const TERM_CACHE_SIZE = 50_000;

/**
 * Words longer than this are analyzed each time rather than remembered: no
 * playbook word is this long, and a stream of 2,000-letter junk words must
 * not fill the cache with megabytes.
 */
export const LONGEST_REMEMBERED_WORD = 48;

/** Single words folded onto one canonical word, before stemming. */
// A Map, not an object: user words such as "constructor" must not find Object's own members.
const WORDS = new Map<string, string>(
  Object.entries({
    kpis: "kpi",
    metric: "kpi",
    metrics: "kpi",
    okr: "kpi",
    okrs: "kpi",
    org: "organization",
    orgs: "organization",
    eng: "engineering",
    engg: "engineering",
    mgmt: "management",
    mgr: "manager",
    govern: "governance",
    gov: "governance",
    mistake: "pitfall",
    mistakes: "pitfall",
    trap: "pitfall",
    traps: "pitfall",
    gotcha: "pitfall",
    gotchas: "pitfall",
    antipattern: "pitfall",
    antipatterns: "pitfall",
    llm: "ai",
    llms: "ai",
    genai: "ai",
    ml: "ml",
    ops: "operations",
    infra: "infrastructure",
    config: "configuration",
    docs: "documentation",
    doc: "documentation",
    repo: "repository",
    repos: "repository",
    prod: "production",
    k8s: "kubernetes",
    auth: "authentication",
    sev: "severity",
    sevs: "severity",
    incidents: "incident",
    quick: "fast",
    quickly: "fast",
    faster: "fast",
    speed: "fast",
    asap: "fast",
    turnaround: "respond",
    revert: "rollback",
    reverts: "rollback",
    reverted: "rollback",
    reverting: "rollback",
    retro: "postmortem",
    retros: "postmortem",
    retrospective: "postmortem",
    retrospectives: "postmortem",
    rca: "rootcause",
    copilot: "ai",
    chatgpt: "ai",
    gpt: "ai",
    claude: "ai",
    cursor: "ai",
    outage: "incident",
    outages: "incident",
    transparent: "transparency",
    explainable: "transparency",
    explainability: "transparency",
    verify: "verifiability",
    verified: "verifiability",
    verification: "verifiability",
    verifiable: "verifiability",
  }),
);

/** British -ise spellings that are not words of their own (unlike "promise", "enterprise"). */
const ISE_KEEP = new Set(
  "advise revise enterprise exercise expertise promise premise compromise surprise otherwise likewise supervise televise franchise merchandise improvise concise precise noise raise praise wise rise cruise disguise despise devise demise chastise comprise excise incise advertise apprise arise poise reprise".split(
    " ",
  ),
);

export const STOP_WORDS = new Set(
  `a about above after again all also am an and any are aren't as at be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further get gets got had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let's me might more most must mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over own please same shall shan't she should shouldn't so some such than that that's the their theirs them themselves then there there's these they they're this those through to too under until up upon us very was wasn't we we're we've were weren't what what's whats when where which while who who's whom why will with won't would wouldn't you you're your yours yourself yourselves hey hi hello thanks thank tell show explain know want need like anyone someone something thing things way ways really pls plz ok okay vs versus im ive id u ur getting many much best good new make makes made put go goes going actually mean means meaning help helps tip tips advice example examples basically anyway`.split(
    /\s+/,
  ),
);

/** Parts of the analyzer that can be switched off, to measure what each buys (`npm run eval`). */
export interface AnalyzerOptions {
  /** Rewrite phrases, abbreviations, synonyms and British spellings to one form. */
  fold?: boolean;
  /** Reduce words to their stem ("measured" -> "measur"). */
  stem?: boolean;
}

export interface Analyzer {
  /** Lowercased, accent-free text with known phrases rewritten. */
  normalize(text: string): string;
  /** Lowercased, accent-free text, phrases not yet rewritten (for spelling correction). */
  simplify(text: string): string;
  /** Rewrites known phrases in simplified text. */
  foldPhrases(simplified: string): string;
  /** One word of normalized text to its index term, or null for a stop word. */
  termOf(word: string): string | null;
  /** Every index term of a text, in order, stop words dropped. */
  terms(text: string): string[];
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const fold = options.fold ?? true;
  const stem = options.stem ?? true;
  const simplify = (text: string): string =>
    // Most questions are plain ASCII: nothing to decompose, strip or straighten.
    /[^\0-\x5f\x61-\x7f]/.test(text)
      ? text
          .normalize("NFKD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase()
          .replace(/[\u2018\u2019\u02bc`]/g, "'")
      : text.toLowerCase();
  const foldPhrases = (simplified: string): string =>
    fold ? simplified.replace(ANY_PHRASE, rewritePhrase) : simplified;
  const normalize = (text: string): string => foldPhrases(simplify(text));
  // Words repeat far more than they vary: remember each word's term (up to a bound,
  // since questions bring new words for as long as the server runs).
  const termOf = memoize((word: string): string | null => computeTerm(word), TERM_CACHE_SIZE, {
    longestKey: LONGEST_REMEMBERED_WORD,
  });
  const computeTerm = (word: string): string | null => {
    if (STOP_WORDS.has(word)) return null;
    const bare = word.replace(/'s$/, "").replace(/'/g, "");
    if (!bare || STOP_WORDS.has(bare)) return null;
    const canonical = fold ? (WORDS.get(bare) ?? americanize(bare)) : bare;
    return stem && canonical.length > 2 && !/^\d+$/.test(canonical)
      ? stemmer(canonical)
      : canonical;
  };
  const terms = (text: string): string[] => {
    const out: string[] = [];
    for (const w of words(normalize(text))) {
      const t = termOf(w);
      if (t) out.push(t);
    }
    return out;
  };
  return { normalize, simplify, foldPhrases, termOf, terms };
}

/** Splits normalized text into words (letters and digits; inner apostrophes kept). */
export function words(normalized: string): string[] {
  return normalized.match(/[a-z0-9]+(?:'[a-z]+)*/g) ?? [];
}

function americanize(word: string): string {
  const m = /^(.{3,})is(e|ed|es|ing|ation|ations|er|ers)$/.exec(word);
  if (!m || ISE_KEEP.has(`${m[1]}ise`)) return word.replace(/our$/, word.length > 5 ? "or" : "our");
  return `${m[1]}iz${m[2]}`;
}
