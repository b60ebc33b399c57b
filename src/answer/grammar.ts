/**
 * The command grammar shared by every surface (case-insensitive):
 *   step 3 | step three | step governance | step 3 <playbook> | <playbook> step 3
 *   step governance <playbook> | steps [<playbook>] | <playbook> steps
 *   faq [<playbook>] | <playbook> faq | help | (nothing) | anything else = a question.
 * and, because engineers ask for steps in their own words: "where do I start"
 * (the first step) and "what comes after step 3" (the step beside one named).
 */
import { slugify } from "../content/slug.ts";
import { osaDistance, swapsOf } from "./spelling.ts";

export type Command =
  | { type: "help"; thanks?: boolean; acknowledged?: boolean }
  /**
   * `orQuestion`: the words before "steps" or "faq" may name a playbook ("incident response
   * steps") or be part of a question ("interview questions"): a question unless a playbook
   * is so named, by its slug or its whole title.
   */
  | { type: "steps"; playbook: string | null; orQuestion?: boolean }
  | { type: "faqs"; playbook: string | null; orQuestion?: boolean }
  /**
   * `number` is "last" for "the last step" (the count depends on the playbook), and
   * "first" for where a playbook starts ("where do I start"), which is a question still
   * when a playbook has no steps. `offset` asks for the step that many places after (or,
   * negative, before) the one named.
   */
  | {
      type: "step";
      number: number | "first" | "last" | null;
      words: string;
      playbook: string | null;
      offset?: number;
      /**
       * The words taken for a playbook may name a topic instead ("where do I start with
       * incident response" / "... with ai strategy"): if no playbook is so named, the
       * message is a question, not a playbook the bot does not know.
       */
      orQuestion?: boolean;
      /**
       * "step" was read through a slip ("the first strep test"): if the playbook named is not
       * there, the message was a question.
       */
      fromSlip?: boolean;
    }
  /**
   * "what's next", "previous step": the step beside one not named. The engine keeps no
   * conversation, so it asks which: `offset` is 1 for the next, -1 for the one before.
   */
  | { type: "beside-unnamed"; offset: 1 | -1 }
  | { type: "question"; text: string };

// A Map, not an object: "step constructor" must not find Object's own members.
const NUMBER_WORDS = new Map<string, number>(
  Object.entries({
    one: 1,
    first: 1,
    two: 2,
    second: 2,
    three: 3,
    third: 3,
    four: 4,
    fourth: 4,
    five: 5,
    fifth: 5,
    six: 6,
    sixth: 6,
    seven: 7,
    seventh: 7,
    eight: 8,
    eighth: 8,
    nine: 9,
    ninth: 9,
    ten: 10,
    tenth: 10,
    eleven: 11,
    eleventh: 11,
    twelve: 12,
    twelfth: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
  }),
);

/**
 * The chat before a command: "hey team,", "hi!", "ok so", "quick q:", "noob question -",
 * "hey bot!", "bot:", "thanks, ...". "bot" only with punctuation after it: "bot detection
 * for signups", "bot-detection", "and bot traffic is spiking" are about bots. ("hi bot step
 * 6", the bot named and a command after it, is read in `parseCommand`.)
 */
const CHAT_BEFORE = String.raw`(?:please|pls|hey|hi|hello|ok|okay|so|yo|and|also|thanks|thx)(?:\s+(?:team|all|folks|everyone|there))?`;
const OPENER = new RegExp(
  String.raw`^(?:(?:${CHAT_BEFORE}|(?:(?:hey|hi|hello)\s+)?bot(?=\s*[,:]|[!.]+(?:\s|$)|\s+-\s))[\s,!.:-]+){0,3}(?:(?:(?:quick|noob|newbie|stupid|dumb|silly|random|small)\s+)?(?:q|question)(?:\s*[:,-]\s*|\s+))?`,
  "i",
);

/** A question without the chat before it: "hey quick q what is ..." asks what "what is ..." asks. */
export function withoutOpener(question: string): string {
  const text = question.trim();
  return text.replace(OPENER, "") || text;
}
/** "what" as typed in a hurry: "wat comes after step 3", "whats step 2". */
const WHAT = "(?:what|wht|wat|waht|whta|wut)";
// Polite framing around a command: "show me step 3 please", "what's step 3?", "whats step 3",
// "can you help me with step 2", "what does step 5 say".
const LEAD = new RegExp(
  String.raw`^(?:(?:can|could|would|will|may)\s+(?:you|u|i|we)\s+(?:please\s+)?)?(?:remind\s+(?:me|us)(?:\s+(?:of|what))?\s+|(?:show|give|gimme|tell|list|get|display|open|read|explain|describe|summari[sz]e|see|view|pull\s+up|bring\s+up)(?:\s+(?:me|us))?(?:\s+(?:about|the|all))?\s+|help(?:\s+(?:me|us))?\s+with(?:\s+the)?\s+|${WHAT}(?:'?s|\s+is|\s+are|\s+does|\s+was)(?:\s+(?:the|in))?\s+|(?:what|how)\s+about\s+|what\s+(?=step\s*#?\s*\d))?`,
);
/** "how many steps are there", "how many steps in incident-response". */
const HOW_MANY_STEPS =
  /^how\s+many\s+steps(?:\s+(?:are\s+there|do\s+(?:we|you|i)\s+have|does\s+it\s+have))?(?:\s+(.+))?$/;
/**
 * "where do I start", "how do we get started", "getting started", "what do we do first":
 * the first step. Only as the whole message, or with what it is about: a playbook named
 * as such (group 1: "in the code review playbook"), or words that may name one or may
 * name a topic (group 2: "with incident response", "with ai strategy"), which the engine
 * tells apart by the playbooks it has.
 */
const START =
  /^(?:and\s+)?(?:(?:where|how)\s+(?:(?:do|should|shall|can|could|would|must)\s+(?:i|we|you|one|my\s+team|our\s+team)\s+|to\s+)(?:even\s+)?(?:start|begin|get\s+started|kick\s+off)|(?:getting|get)\s+started|what\s+(?:do|should|shall|must)\s+(?:i|we)\s+do\s+first|what(?:'?s|\s+is)\s+the\s+first\s+thing\s+(?:to\s+do|(?:i|we)\s+(?:should|must)\s+do))(?:\s+(?:here|with\s+(?:this|it)|(?:with|in|on|for)\s+(?:(?:this|that|our|your|my|a|the)\s+playbook|(?:the\s+)?(.+?)\s+playbook|(?:the\s+)?(.+))))?$/;
/**
 * "what comes after step 3", "the step before step 5", "what's next after step governance",
 * "which step follows the third step": the step beside one named. Group 1 is what comes
 * before the direction ("what comes", "next step"), group 2 the direction, group 3 the
 * step named.
 */
const BESIDE = new RegExp(
  String.raw`^(?:(?:and|then|so|ok)\s+)?((?:${WHAT}|which)(?:\s+step)?\s+(?:(?:comes|is|happens|do\s+(?:i|we|you)\s+do|should\s+(?:i|we)\s+do|to\s+do)\s+)?(?:next\s+)?|(?:the\s+)?(?:(?:next|previous|prior)\s+(?:(?:step|thing|one)\s+)?|step\s+))?(?:(?:right|just|immediately)\s+)?(after|before|following|preceding|follows|precedes)\s+(.+)$`,
);
/**
 * "step 3, then what?", "step 3 done, what's next", "finished step 3... what now?": the
 * step after the one named in group 1, which may itself say "after" ("after step 3, what's
 * next" is still step 4). A short run of punctuation may part them: a longer one would
 * have the pattern try every split of it.
 */
const THEN_WHAT = new RegExp(
  String.raw`^(.+?)\s*[,.;:!\u2026\u2013\u2014-]{0,3}\s+(?:and\s+|so\s+)?(?:(?:then|now)\s+${WHAT}|${WHAT}\s+now|${WHAT}(?:'?s|\s+is|\s+comes)?\s+next)$`,
);
/**
 * "what's next", "next step", "then what", "what do we do next", "previous step": the whole
 * message asks for the step beside one it does not name. Group 1 is "previous" or "prior"
 * when it asks for the one before.
 */
const BESIDE_UNNAMED = new RegExp(
  String.raw`^(?:(?:and|so|ok|okay|then)\s+)?(?:(?:${WHAT}(?:'?s|\s+is|\s+comes)?\s+)?(?:the\s+)?(?:next|(previous|prior))(?:\s+(?:step|one|thing))?|(?:then|now)\s+${WHAT}|${WHAT}\s+(?:now|next)|${WHAT}\s+(?:do|should|shall)\s+(?:i|we)\s+do\s+next)$`,
);
/** "what is this playbook about", "what's in the playbook": its steps, as `steps` lists them. */
const PLAYBOOK_ABOUT =
  /^(?:what(?:'?s|\s+is)\s+(?:this|the|our|your)\s+playbook\s+(?:about|for)|what(?:'?s|\s+is)\s+in\s+(?:this|the|our|your)\s+playbook|what\s+(?:does|do)\s+(?:this|the|our|your)\s+playbook\s+(?:cover|say|contain)|(?:(?:give|show|tell)\s+me\s+|(?:can|could)\s+(?:i|you)\s+(?:get|have|give\s+me)\s+)?(?:(?:an?|the)\s+)?(?:summary|overview)\s+of\s+(?:this|the|our|your)\s+playbook)$/;
/** "what playbooks do you have", "list the playbooks": what the bot can answer from. */
const WHICH_PLAYBOOKS =
  /^(?:(?:what|which)\s+playbooks\s+(?:do\s+(?:you|we)\s+(?:have|know)|are\s+there|can\s+you\s+answer\s+from)|(?:list|show)\s+(?:me\s+)?(?:the\s+|all\s+(?:the\s+)?)?playbooks)$/;
/** "i'm done with step 3", "finished step 3": a step finished, before "what's next". */
const DONE_WITH =
  /^(?:(?:i|we)(?:'m|'re|'ve|\s+am|\s+are|\s+have)?\s+)?(?:done\s+with|finished(?:\s+with)?|completed|through\s+with)\s+/;
/** "step 3 done", "step 3 is complete": the same, said after the step. */
const IS_DONE = /\s+(?:is\s+|are\s+)?(?:done|complete|completed|finished|over)$/;
/**
 * "the third step", "the governance step", "the last step of code-review": a step named
 * before the word "step". Group 1 is the name (one or two words), group 2 what follows.
 */
const NAME_THEN_STEP = /^(?:the\s+)?([a-z]+(?:\s+[a-z]+)?)\s+step\b(.*)$/;
/**
 * Real words one slip from "step", which a message such as "stop 3" means as typed.
 * (A slip of "step" is read as one only beside a step number or an ordinal: see
 * `slippedStep` and `withKeywordsMended`.)
 */
const NOT_SLIPS = new Set([
  "stop",
  "stops",
  "stem",
  "stems",
  "stew",
  "seep",
  "steep",
  "sep",
  "strep",
]);
/**
 * What `tidy` has to change: a curly apostrophe, whitespace other than one space, a
 * leading slash command.
 */
const UNTIDY = /[\u2018\u2019]|\s\s|[^\S ]|^\//;
/** Words before a playbook's name that are not part of it: "in our playbook", "of this guide". */
const DETERMINER = "(?:the|our|my|your|this|that|a|an|each|every)";
/** Other words for a playbook: "the code review guide", "the on-call runbook". */
const DOCUMENT = "(?:guide|guidelines|doc|docs|document|handbook|runbook)";
/** A playbook's slug: words joined by hyphens ("incident-response"). */
const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)+";
/** A playbook named before what is asked of it: group 1, one to four words ("'s" apart). */
const NAME_BEFORE = "((?:[a-z0-9-]+\\s+){0,3}[a-z0-9-]+?)(?:'s)?\\s+";
/** The ways of asking for a playbook's list of steps, and of questions. */
const STEP_LIST = "(?:steps|step list|list of steps)";
const FAQ_LIST = "(?:faqs?|questions|faq list|list of questions)";
/** Words after a step that plainly name a playbook: "of foo", "in code-review", "... playbook". */
const NAMES_A_PLAYBOOK = new RegExp(
  `^(?:of\\s+\\S.*|(?:(?:in|for|from)\\s+(?:${DETERMINER}\\s+)?)?(?:${SLUG}|.+\\s+playbook))$`,
);
/**
 * Words after a step that may name a playbook, or be part of a question: "in the code review
 * guide" is a playbook if one is so called; "in our runbook", "for writing a design doc" not.
 */
const MAY_NAME_A_PLAYBOOK = new RegExp(`^(?:in|for|from)\\s+.+\\s+${DOCUMENT}$`);
/**
 * A playbook named before its step: group 1 the name (one to four words), group 2 "step N"
 * ("step 4", "step four").
 */
const PLAYBOOK_THEN_STEP = new RegExp(`^${NAME_BEFORE}(step\\s*#?\\s*(?:\\d+|[a-z]+))$`);
/** A list, then (group 1) the playbook it is of, if named: "steps of code-review", "faq". */
const STEPS_OF = new RegExp(
  `^(?:the\\s+)?(?:all\\s+(?:the\\s+)?)?(?:\\d+\\s+)?${STEP_LIST}(?:\\s+(?:of|in|for))?(?:\\s+(.+))?$`,
);
const FAQS_OF = new RegExp(
  `^(?:the\\s+)?(?:all\\s+)?${FAQ_LIST}(?:\\s+(?:of|in|for))?(?:\\s+(.+))?$`,
);
/** A playbook named before its list: "incident-response steps", "code review faq". */
const PLAYBOOK_THEN_STEPS = new RegExp(`^${NAME_BEFORE}${STEP_LIST}$`);
const PLAYBOOK_THEN_FAQS = new RegExp(`^${NAME_BEFORE}${FAQ_LIST}$`);
/** A step's words, then a playbook: group 2 is checked against NAMES_A_PLAYBOOK. */
const WORDS_THEN_PLAYBOOK = new RegExp(
  `^(\\S+(?:\\s+\\S+)*?)\\s+((?:(?:of|in|for|from)\\s+\\S.*)|(?:${SLUG}))$`,
);
const IS_SLUG = new RegExp(`^${SLUG}$`);
/** Words that join step numbers: "step 2 and 3", "steps 2 to 4". */
const JOINERS = new Set(["and", "to", "through", "or"]);
/**
 * Words after "step 3" that ask for nothing more: "what is step 3 about?", "step 3 again",
 * "explain step 3 to me", "step 3: what does it mean?", "step 3 of 7". Each word is followed by exactly one
 * kind of separator: were a space able to go to either of two parts, a run of these words
 * ending in another would take time doubling with each word.
 */
const STEP_FILLER =
  /^(?:(?:about|again|now|was|is|details?|more|info|information|explained|summary|text|say|says|mean|means|cover|covers|involve|involves|in\s+(?:more\s+)?detail|(?:for|to)\s+(?:me|us)|what(?:'?s|\s+is)?\s+(?:it|this|that)|what\s+(?:does|do)\s+(?:it|this|that)\s+(?:mean|say|involve|cover)|how\s+does\s+(?:it|this|that)\s+work|(?:out\s+)?of\s+\d+|what\s+(?:should|do)\s+(?:i|we)\s+do(?:\s+(?:here|there))?)(?:\s*[,.;:-]\s*|\s+|$))+$/;
/** Words after "step 3" that ask something of their own: three words or more, or a question word first. */
const READS_AS_A_QUESTION =
  /^(?:(?:what|how|why|when|who|where|which|should|can|could|do|does|is|are)\b|\S+\s+\S+\s+\S)/;
/** Words that acknowledge an answer: "ok", "got it", "makes sense". */
const ACKNOWLEDGING =
  "(?:ok|okay|k|kk|great|cool|perfect|awesome|nice|neat|got it|gotcha|makes sense|that helps|super|sure thing|sure|alright|right|fine|yes|yep|yeah|lol|haha|interesting|good|noted|understood|will do|sounds good)";
/** What may close a message of thanks or acknowledgement: a smile, a thumbs up. */
const CLOSING = String.raw`(?:(?::\)|🙏|👍|👌)[\s!.]*)?`;
/** Thanks and nothing else ("thx!", "ok great, thank you so much", "no thanks"). */
const THANKS = new RegExp(
  String.raw`^(?:(?:${ACKNOWLEDGING}|no|nope|nah)[\s,!.]+){0,2}(?:thanks?|thx|tx|ty|tysm|thank (?:you|u)|cheers|much appreciated|appreciate it)(?: (?:a lot|so much|very much|again|mate|man|bot))?(?: for (?:the|your) (?:help|answer|info))?[\s,!.]*${CLOSING}$`,
  "u",
);
/**
 * An acknowledgement and nothing else ("ok", "got it", "cool 👍", "no"): no question to
 * search, but said back to, as thanks are. "no" only alone: "no good" is a complaint.
 */
const ACKNOWLEDGED = new RegExp(
  String.raw`^(?:(?:${ACKNOWLEDGING}(?:[\s,!.]+|$)){1,3}|(?:no|nope|nah)[\s!.]*)${CLOSING}$`,
  "u",
);
/** Polite words that may end a command: "step 3 please", "steps thanks!". */
export const POLITE_ENDINGS = ["please", "pls", "plz", "thanks", "thank you", "thx", "cheers"];
export const TRAIL = new RegExp(`\\s*(?:${POLITE_ENDINGS.join("|")})?\\s*[?!.]*$`);
/** The most a match of TRAIL can take before the closing punctuation: " thank you ". */
const LONGEST_TRAIL = Math.max(...POLITE_ENDINGS.map((w) => w.length)) + 2;

/** A message as the commands read it: `bare` tidied, `core` without polite framing too. */
interface Message {
  bare: string;
  core: string;
}

/**
 * Every command but help, in the order they are tried: each with the words without which
 * it cannot be meant (a quick test that most questions fail) and its parser. A message
 * none of them claims is a question. A new command is one more row here: nothing else
 * has to learn its words.
 */
const COMMANDS: ReadonlyArray<{
  name: string;
  mentioned: (bare: string) => boolean;
  parse: (message: Message) => Command | null;
}> = [
  {
    name: "where to start",
    mentioned: (bare) => /start|begin|kick|do first|first thing/.test(bare),
    parse: ({ bare }) => startCommand(bare),
  },
  {
    name: "what the playbooks are",
    mentioned: (bare) => bare.includes("playbook"),
    // The default playbook's steps: their title names it, and the others are named under them.
    parse: ({ bare }) =>
      PLAYBOOK_ABOUT.test(bare) || WHICH_PLAYBOOKS.test(bare)
        ? { type: "steps", playbook: null }
        : null,
  },
  {
    name: "the list of steps",
    mentioned: (bare) => bare.includes("step"),
    parse: ({ core }) => stepsList(core),
  },
  {
    name: "the list of questions",
    mentioned: (bare) => /faq|question/.test(bare),
    parse: ({ core }) => faqList(core),
  },
  {
    name: "the step after one done",
    mentioned: (bare) => bare.includes("step") && /then|next|now/.test(bare),
    parse: ({ core }) => stepThenWhat(core),
  },
  {
    name: "the step beside one",
    mentioned: (bare) => bare.includes("step") && /after|before|follow|preced/.test(bare),
    parse: ({ core }) => stepBeside(core),
  },
  {
    name: "a step",
    mentioned: (bare) => bare.includes("step"),
    parse: ({ core }) => namedStep(core),
  },
  {
    name: "the step beside one not named",
    mentioned: (bare) => /next|previous|prior|then|now/.test(bare),
    parse: ({ bare }) => {
      const m = BESIDE_UNNAMED.exec(bare);
      return m ? { type: "beside-unnamed", offset: m[1] ? -1 : 1 } : null;
    },
  },
  {
    name: "a slip of 'step' before its number",
    mentioned: endsInStepNumber,
    parse: ({ core }) => slippedStep(core),
  },
];

export function parseCommand(input: string): Command {
  const tidied = tidy(input);
  if (THANKS.test(tidied)) return { type: "help", thanks: true };
  if (ACKNOWLEDGED.test(tidied)) return { type: "help", acknowledged: true };
  let bare = withoutTrail(tidied);
  // "step 3 pls thx": a polite end after another.
  for (let more = withoutTrail(bare); more !== bare; more = withoutTrail(bare)) bare = more;
  if (asksForHelp(bare)) return { type: "help" };
  bare = bare.replace(OPENER, "") || bare;
  // "hi bot step 6": the bot named, then a command of the default playbook. Were "bot" chat
  // before any question, "bot traffic is spiking" would lose its subject, and "bot detection
  // steps" could not name a playbook called that.
  const named = /^(?:(?:hey|hi|hello)\s+)?bot\s+(.+)$/.exec(bare);
  if (named && asksForHelp(named[1] as string)) return { type: "help" };
  const toTheBot = named ? commandIn(named[1] as string) : null;
  if (toTheBot && !("playbook" in toTheBot && toTheBot.playbook)) return toTheBot;
  return commandIn(bare) ?? asQuestion(input);
}

/**
 * `bare` with slips of the grammar's own words mended, where they are plainly meant: any
 * slip of "playbook(s)" (no English word is one slip from it), and a slip of "step(s)" just
 * before a step number or just after "first", "last", "next" and the like ("what's stepp 4 in
 * the code review guide", "the last stpe of code-review", "stpe3"). A word of four letters is
 * read only through two letters swapped, as the reader reads a question's ("stop", "stem" and
 * "stet" are words, "stp" an abbreviation).
 */
function withKeywordsMended(bare: string): string {
  // Every slip of "playbook" keeps its "p" or its "k".
  if (!/[pk]/.test(bare)) return bare;
  const words = bare.split(" ");
  let changed = false;
  for (const [i, token] of words.entries()) {
    // A step number may be typed onto its word ("stpe3", "setp#3").
    const [, word = "", glued = ""] = /^([a-z]+)(#?\d*)$/.exec(token) ?? [];
    const meant = word && keywordMeant(word, words[i - 1], glued || words[i + 1]);
    if (meant) {
      words[i] = meant + glued;
      changed = true;
    }
  }
  return changed ? words.join(" ") : bare;
}

const PLAYBOOK_WORDS = ["playbook", "playbooks"];
const STEP_WORDS = ["step", "steps"];
/** Words after which "step" is what a slip of it means, besides ordinals: "the next stpe". */
const BEFORE_STEP = new Set(["next", "previous", "prior"]);

/** The keyword `word` is a slip of, between the words `before` and `after`; undefined if none. */
function keywordMeant(
  word: string,
  before: string | undefined,
  after: string | undefined,
): string | undefined {
  const keyword = STEP_WORDS.includes(word) || PLAYBOOK_WORDS.includes(word);
  if (keyword || word.length < 4 || word.length > 10) return undefined;
  if (word.length >= 7) return slipOf(word, PLAYBOOK_WORDS);
  if (NOT_SLIPS.has(word) || (word.length === 4 && !swapsOf("step").includes(word))) {
    return undefined;
  }
  const numbered = after !== undefined && (/^#?\d/.test(after) || NUMBER_WORDS.has(after));
  const ordered =
    before !== undefined && (BEFORE_STEP.has(before) || stepNumberOf(before) !== undefined);
  return numbered || ordered ? slipOf(word, STEP_WORDS) : undefined;
}

/** Which of `keywords` `word` is one slip from ("steps" is one from "step"); undefined if none. */
function slipOf(word: string, keywords: readonly string[]): string | undefined {
  return keywords.find((k) => osaDistance(word, k) === 1);
}

/** A greeting alone, a call for help, or no word at all ("🙏", "/"): answered with what the bot can do. */
function asksForHelp(bare: string): boolean {
  return (
    !/[\p{L}\p{N}]/u.test(bare) ||
    /^(?:help(?:\s+(?:me|us))?|usage|commands|h|hi|hello|hey|hiya|yo|(?:hi|hello|hey) there|(?:(?:hi|hello|hey)\s+)?bot)$/.test(
      bare,
    ) ||
    /^(?:what\s+(?:questions\s+)?can\s+(?:you|u)\s+answer|how\s+(?:do\s+i|to)\s+use\s+(?:you|u|this(?:\s+bot)?|the\s+bot))$/.test(
      bare,
    )
  );
}

/**
 * The bot's own names ("aifirst", the slash command typed without its slash; "Playbook Bot")
 * at the start of a message: "aifirst step 6" is "step 6" said to the bot.
 */
export interface BotNames {
  /**
   * What follows a name that starts `text`, the chat before the name ("hey", "thanks"), and
   * whether punctuation sets the name apart ("aifirst: ..."); null if no name starts it.
   */
  atStart(text: string): { before: string; rest: string; setApart: boolean } | null;
}

export function botNames(names: readonly string[]): BotNames | null {
  const words = names
    .map((name) => name.toLowerCase().replace(/^\//, "").trim().split(/\s+/).filter(Boolean))
    .filter((w) => w.length > 0 && w.join(" ") !== "bot")
    .map((w) => w.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"));
  if (words.length === 0) return null;
  // The chat that may come before the name, as before "bot".
  const start = new RegExp(
    String.raw`^((?:${CHAT_BEFORE}[\s,!.:-]+)?)(?:${words.join("|")})(\s*[,:;!?.\u2013\u2014-]+(?=\s|$)|(?=\s|$))`,
    "i",
  );
  return {
    atStart(typed) {
      const text = typed.trim();
      const m = start.exec(text);
      if (!m) return null;
      return {
        before: (m[1] ?? "").trim(),
        rest: text.slice(m[0].length).trim(),
        setApart: /\S/.test(m[2] ?? ""),
      };
    },
  };
}

/** The bot's name said alone, after `before` ("thanks", "hey,"): thanks, or what the bot can do. */
export function nameAlone(before: string): Command {
  const said = parseCommand(`${before.replace(/[\s,!.:-]+$/, "")} bot`);
  return said.type === "help" && said.thanks ? said : { type: "help" };
}

/** The command `bare` (opening chat gone) asks for, or null if it is a question. */
function commandIn(bare: string): Command | null {
  const mended = withKeywordsMended(bare);
  if (mended !== bare) {
    const command = parsedIn(mended);
    // Only a playbook named can be missing (see `fromSlip`).
    if (command)
      return command.type === "step" && command.playbook ? { ...command, fromSlip: true } : command;
  }
  return parsedIn(bare);
}

/** The command `bare` asks for as written, or null. */
function parsedIn(bare: string): Command | null {
  let message: Message | undefined;
  for (const command of COMMANDS) {
    if (!command.mentioned(bare)) continue;
    message ??= { bare, core: bare.replace(LEAD, "").trim() };
    const parsed = command.parse(message);
    if (parsed) return parsed;
  }
  return null;
}

/** "where do I start", "how do we get started with incident response": the first step. */
function startCommand(bare: string): Command | null {
  const start = START.exec(bare);
  if (!start) return null;
  const [, playbook = "", topic] = start;
  const first: Command = {
    type: "step",
    number: "first",
    words: "",
    playbook: slugWords(topic ?? playbook) || null,
  };
  return topic === undefined ? first : { ...first, orQuestion: true };
}

/** "steps", "how many steps are there", "steps of incident-response", "step 2 and 3". */
function stepsList(core: string): Command | null {
  if (core === "step") return { type: "steps", playbook: null };
  const howMany = HOW_MANY_STEPS.exec(core);
  if (howMany) return { type: "steps", playbook: slugWords(howMany[1] ?? "") || null };
  const m = STEPS_OF.exec(core);
  if (!m) return playbookThenList(PLAYBOOK_THEN_STEPS.exec(core), "steps");
  // "steps 3", "steps 3 incident-response": one step, in the plural by a slip.
  const [, head = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(m[1] ?? "") ?? [];
  const one = stepNumberOf(head);
  if (typeof one === "number" && (rest === "" || !onlyStepNumbers(rest))) {
    return { type: "step", number: one, words: "", playbook: slugWords(rest) || null };
  }
  // "steps 2 and 3" asks for steps, not a playbook named "2-and-3": the list has them all.
  const named = m[1] && !onlyStepNumbers(m[1]) ? slugWords(m[1]) : null;
  return { type: "steps", playbook: named || null };
}

/** "faq", "questions of code-review". */
function faqList(core: string): Command | null {
  const m = FAQS_OF.exec(core);
  if (!m) return playbookThenList(PLAYBOOK_THEN_FAQS.exec(core), "faqs");
  return { type: "faqs", playbook: m[1] ? slugWords(m[1]) : null };
}

/**
 * "incident-response steps", "code review faq": a playbook, then the list. A slug plainly
 * names one; other words may ("vendor security review steps") or may not ("any common
 * interview questions"), which the engine tells by the playbooks.
 */
function playbookThenList(m: RegExpExecArray | null, type: "steps" | "faqs"): Command | null {
  const playbook = m?.[1] ? slugWords(m[1]) : "";
  if (!playbook) return null;
  return IS_SLUG.test(m?.[1] ?? "") ? { type, playbook } : { type, playbook, orQuestion: true };
}

function asQuestion(input: string): Command {
  return { type: "question", text: input.trim() };
}

/**
 * Whether `bare` ends in a step number (digits or a number word), as "setp 3" does. Most
 * questions end in a word that is no number, and a look at it settles them before any
 * pattern runs.
 */
function endsInStepNumber(bare: string): boolean {
  const end = bare.charCodeAt(bare.length - 1);
  if (end >= 0x30 && end <= 0x39) return true;
  let last = bare.length;
  while (last > 0 && bare.charCodeAt(last - 1) !== 0x20) last--;
  return NUMBER_WORDS.has(bare.slice(last));
}

/**
 * "setp 3", "stpe three" (polite framing already gone): a slip of "step" before a step
 * number, read as that step. Only when that is the whole message: "set 3 kpis per team"
 * is a question.
 */
function slippedStep(core: string): Command | null {
  const m = /^([a-z]{3,6})\s*#?\s*(\d+|[a-z]+)$/.exec(core);
  if (!m) return null;
  const [, word = "", head = ""] = m;
  const number = stepNumberOf(head);
  if (number === undefined || NOT_SLIPS.has(word)) return null;
  return slipOf(word, STEP_WORDS) ? { type: "step", number, words: "", playbook: null } : null;
}

/** "step 3 done, what's next?": the step after the one named. */
function stepThenWhat(core: string): Command | null {
  const then = THEN_WHAT.exec(core);
  if (!then) return null;
  const done = (then[1] ?? "").replace(DONE_WITH, "").replace(IS_DONE, "");
  const step = stepBeside(done) ?? namedStep(done, true);
  // "after step 3, what's next" asks for step 4 once, not step 5.
  return step?.type === "step" ? { ...step, offset: step.offset ?? 1 } : null;
}

/** "what comes after step 3": the step named, with the offset to the one beside it. */
function stepBeside(core: string): Command | null {
  const m = /after|before|follow|preced/.test(core) ? BESIDE.exec(core) : null;
  if (!m) return null;
  const [, lead = "", direction = "", named = ""] = m;
  const target = asStepCommand(named, /\bstep\b/.test(lead));
  const step = target === null ? null : namedStep(target, true);
  if (step?.type !== "step") return null;
  const later = direction === "after" || direction === "following" || direction === "follows";
  return { ...step, offset: later ? 1 : -1 };
}

/**
 * The words after "after" or "before", as a step command ("the third step of code-review"
 * -> "step third of code-review"); null if they name no step. Words without "step" name
 * one only when "step" came before the direction: "after governance" may not be about
 * steps at all, "step after governance" is.
 */
function asStepCommand(named: string, stepSaidBefore: boolean): string | null {
  if (named.startsWith("step")) return named;
  const nameFirst = NAME_THEN_STEP.exec(named);
  if (nameFirst) return `step ${nameFirst[1]}${nameFirst[2]}`;
  return stepSaidBefore ? `step ${named}` : null;
}

/**
 * "step 3", "step three of code-review", "the last step", "step governance"; null if none.
 * Beside a direction ("after step 2 ..."), words after the step name a playbook only when
 * they say so ("of foo", "in code-review", "in the incident response playbook"): "after
 * step 2 who should be the incident commander" is a question with a step for context.
 */
function namedStep(core: string, beside = false): Command | null {
  // "incident-response step 2", "the deploys playbook's step 3": the playbook first.
  const first = PLAYBOOK_THEN_STEP.exec(core);
  if (first && !beside && !/\bsteps?\b/.test(first[1] ?? "")) {
    const step = namedStep(first[2] ?? "");
    // Unless a playbook is so named, a question: "on-call step 1" may be about on-call.
    if (step?.type === "step" && step.playbook === null && typeof step.number === "number") {
      return { ...step, playbook: slugWords(first[1] ?? ""), orQuestion: true };
    }
  }
  // "step 2.1": a sub-step is written under its step ("#### Step 2.1: ..."), so step 2 holds it.
  core = core.replace(/^(step\s*#?\s*\d+)(?:\.\d+)+\b/, "$1");
  const m =
    /^step(?:\s+#?\s*|\s*#\s*|(?=\d))(\d+|[a-z]+)\b\s*[:.,;)-]?\s*(.*)$/.exec(core) ??
    /^(?:the\s+)?([a-z]+|\d+(?:st|nd|rd|th))\s+step\b\s*(.*)$/.exec(core);
  if (!m) return null;
  const head = m[1] ?? "";
  const rest = (m[2] ?? "").trim();
  const number = stepNumberOf(head);
  // "step 2 and 3", "step 2-3": more than one step asked; the list has them all.
  if (number !== undefined && onlyStepNumbers(rest)) return { type: "steps", playbook: null };
  if (number !== undefined) {
    // "step 3 of incident-response" / "step 3 incident-response" / "step 3: define your ai strategy"
    const filler = STEP_FILLER.test(rest);
    const plainlyAPlaybook = NAMES_A_PLAYBOOK.test(rest);
    const maybeAPlaybook = !plainlyAPlaybook && MAY_NAME_A_PLAYBOOK.test(rest);
    if (beside && rest && !filler && !plainlyAPlaybook && !maybeAPlaybook) return null;
    const playbook = filler ? "" : slugWords(rest);
    // "step 3: what do we do when the migration fails" names no playbook: if none is so
    // named, it is a question with a step for context. A word or two ("step 2 marketing")
    // is taken for a playbook's name, so a wrong one is said to be unknown.
    const orQuestion =
      playbook !== "" && !plainlyAPlaybook && (maybeAPlaybook || READS_AS_A_QUESTION.test(rest));
    return {
      type: "step",
      number,
      words: "",
      playbook: playbook || null,
      ...(orQuestion ? { orQuestion } : {}),
    };
  }
  // "the governance step": a step named by its words before the word "step".
  if (!core.startsWith("step") && rest === "" && !beside && !NOT_A_STEP_NAME.test(head)) {
    return { type: "step", number: null, words: head, playbook: null };
  }
  if (core.startsWith("step")) {
    const words = `${head} ${rest}`.trim();
    // "step rollback in incident-response": the step's words, then a playbook's name; if no
    // playbook is so named ("step by step guide for on-call"), a question.
    const named = WORDS_THEN_PLAYBOOK.exec(words);
    if (named?.[1] && named[2] && NAMES_A_PLAYBOOK.test(named[2])) {
      const playbook = slugWords(named[2]);
      return { type: "step", number: null, words: named[1], playbook, orQuestion: true };
    }
    return { type: "step", number: null, words, playbook: null };
  }
  return null;
}

/** Words before "step" that name no step: "the next step" is a question. */
const NOT_A_STEP_NAME =
  /^(?:next|previous|prior|this|that|same|each|every|any|which|what|another|other|following|preceding)$/;

/** "3", "three", "third", "3rd", "last": the step a word names by its place; undefined if none. */
function stepNumberOf(word: string): number | "last" | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (ordinal) return Number(ordinal[1]);
  return word === "last" || word === "final" ? "last" : NUMBER_WORDS.get(word);
}

/**
 * `input` lowercased, with curly apostrophes straightened, runs of whitespace made one
 * space, and a leading slash command ("/aifirst") dropped. Most messages need none of
 * it but the lowercasing, and one scan tells: each pattern run is its own compiled code,
 * which on a busy server is rarely still in the processor's cache.
 */
function tidy(input: string): string {
  const text = input.toLowerCase().trim();
  if (!UNTIDY.test(text)) return text;
  return (
    text
      .replace(/[\u2018\u2019]/g, "'")
      // Runs of whitespace to one space; a lone space is left as it is, not copied.
      .replace(/\s\s+|[^\S ]/g, " ")
      .replace(/^\/\S+\s*/, "")
      .trim()
  );
}

/**
 * `text` without its polite or punctuated end ("step 3 please?"). A regex
 * ending in `$` is tried at every position of the text; in trimmed text with
 * single spaces a match can only start in its last few characters before the
 * closing punctuation, so only those are searched, with the same result.
 */
export function withoutTrail(text: string): string {
  let end = text.length;
  while (end > 0 && "?!.".includes(text[end - 1] as string)) end--;
  const from = Math.max(0, end - LONGEST_TRAIL);
  return (text.slice(0, from) + text.slice(from).replace(TRAIL, "")).trim();
}

/** "2 and 3", "and three", "-4": step numbers (digits or words) and what joins them, nothing else. */
function onlyStepNumbers(text: string): boolean {
  const tokens = text.split(/\s*[,&\-–]\s*|\s+/).filter(Boolean);
  const isNumber = (t: string) => /^\d+$/.test(t) || NUMBER_WORDS.has(t);
  // "2 and step 3": the word "step" may come again.
  return (
    tokens.some(isNumber) &&
    tokens.every((t) => isNumber(t) || JOINERS.has(t) || t === "step" || t === "steps")
  );
}

/**
 * "of the Incident Response playbook" -> "incident-response": a playbook named in a
 * command; "" if the words name none.
 */
function slugWords(text: string): string {
  return slugify(
    text
      .trim()
      .replace(/^(?:of|in|for|from)\s+/, "")
      .replace(new RegExp(`^${DETERMINER}\\s+`), "")
      // "the guidelines" alone may be a topic; "the code review guidelines" names one.
      .replace(new RegExp(`(?:^|\\s+)playbook$|\\s+${DOCUMENT}$`), ""),
  );
}
