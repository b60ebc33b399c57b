/**
 * Translate-in: what a Teams turn asks for. A message becomes the text the
 * engine should answer (the bot's own mention removed, Teams markup
 * undone); a card button click becomes the question on the button; the bot
 * being added becomes a welcome. No answering happens here.
 */
import type { TeamsTurn } from "./contract.ts";

/** What to do with a turn. */
export type Intent =
  | { kind: "ask"; text: string; via: "message" | "button" }
  | { kind: "welcome" }
  | { kind: "ignore" };

export function readTurn(turn: TeamsTurn): Intent {
  if (turn.type === "conversationUpdate") {
    // Someone else joining a team is not news to the bot; being installed is.
    return turn.membersAdded.includes(turn.botId) ? { kind: "welcome" } : { kind: "ignore" };
  }
  if (turn.type !== "message") return { kind: "ignore" };
  const clicked = buttonQuestion(turn.value);
  if (clicked !== null) return { kind: "ask", text: clicked, via: "button" };
  return { kind: "ask", text: messageText(turn), via: "message" };
}

/** The question carried by a card button (Action.Submit / messageBack data `{ ask }`). */
function buttonQuestion(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  const ask = (value as { ask?: unknown }).ask;
  return typeof ask === "string" ? ask : null;
}

/**
 * The words the user typed, without the bot's mention. Teams puts each
 * mention in the text as `<at>Name</at>` and lists it in `entities`; the
 * bot's own one is removed (like botbuilder's `removeRecipientMention`). In a
 * channel or group chat the bot only hears messages that mention it, so a
 * leading mention with no entity is taken to be the bot's too. Other people's
 * mentions keep their name and lose the tags.
 */
export function messageText(turn: TeamsTurn): string {
  let text = turn.text;
  for (const mention of turn.mentions) {
    if (mention.id === turn.botId && mention.text) text = text.split(mention.text).join(" ");
  }
  if (turn.conversationType === "channel" || turn.conversationType === "groupChat") {
    text = text.replace(/^\s*<at\b[^>]*>[^<]*<\/at>/i, " ");
  }
  text = text.replace(/<\/?at\b[^>]*>/gi, "");
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

// A Map, not an object: "&constructor;" in a message must not find Object's own members.
const ENTITIES = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["nbsp", " "],
]);

/** Teams sends message text HTML-encoded (`&amp;`, `&nbsp;`); the engine wants plain words. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return safeCodePoint(Number.parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith("#")) return safeCodePoint(Number.parseInt(lower.slice(1), 10), whole);
    return ENTITIES.get(lower) ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : fallback;
}
