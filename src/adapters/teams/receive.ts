/**
 * Translate-in: what a Teams turn asks for. A message becomes the text the
 * engine should answer (the bot's own mention removed, Teams' HTML undone);
 * a card button becomes the question on it, or a vote on a reply; the bot
 * being added becomes a welcome. No answering happens here.
 */
import { z } from "zod/v4";
import type { Mention, TeamsTurn } from "./contract.ts";
import { htmlToText } from "./html-text.ts";

/** What to do with a turn. */
export type Intent =
  | {
      kind: "ask";
      text: string;
      via: "message" | "button";
      /** A suggestion offered by reply `reply` was clicked: record that choice first. */
      chose?: { reply: string; label: string };
    }
  | { kind: "vote"; reply: string; helpful: boolean }
  | { kind: "welcome" }
  | { kind: "ignore" };

export function readTurn(turn: TeamsTurn): Intent {
  if (turn.type === "conversationUpdate") {
    // Someone else joining a team is not news to the bot; being installed is.
    return turn.membersAdded.includes(turn.botId) ? { kind: "welcome" } : { kind: "ignore" };
  }
  if (turn.type !== "message") return { kind: "ignore" };
  const clicked = buttonIntent(turn.value);
  if (clicked) return clicked;
  return { kind: "ask", text: messageText(turn), via: "message" };
}

/** What our card buttons send back (see render-card.ts); anything else is not a click of ours. */
const buttonData = z.looseObject({
  ask: z.string().min(1).max(2_000).optional(),
  vote: z.enum(["helpful", "not_helpful"]).optional(),
  reply: z.string().min(1).max(200).optional(),
  label: z.string().min(1).max(2_000).optional(),
});

/**
 * A card button's data, as Teams hands it over for Action.Submit: a message whose
 * `value` is the data (an object, or a JSON string when it came through `messageBack`).
 */
function buttonIntent(value: unknown): Intent | null {
  const data = buttonData.safeParse(typeof value === "string" ? parseJson(value) : value);
  if (!data.success) return null;
  const { ask, vote, reply, label } = data.data;
  if (vote && reply) return { kind: "vote", reply, helpful: vote === "helpful" };
  if (!ask) return null;
  return reply
    ? { kind: "ask", text: ask, via: "button", chose: { reply, label: label ?? ask } }
    : { kind: "ask", text: ask, via: "button" };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const AT = /<at\b[^>]*>([\s\S]*?)<\/at\s*>/gi;

/**
 * The words the user typed, without the bot's mention. Teams puts each
 * mention in the text as `<at>Name</at>` and lists it in `entities`, in the
 * same order; the bot's own is the one whose `mentioned.id` is the bot's.
 * Its text in the message may differ from the entity's (the bot renamed, an
 * `@` typed inside, spaces as `&nbsp;`), so it is found by its entity's
 * text, then its name, then its place among the mentions. In a channel or
 * group chat the bot only hears messages that mention it, so a leading
 * mention nobody else claims is taken to be the bot's too. Other people's
 * mentions keep their names.
 */
export function messageText(turn: TeamsTurn): string {
  const botMentions = turn.mentions.filter((m) => m.id === turn.botId);
  const botNames = new Set(botMentions.flatMap(namesOf));
  const elements = [...turn.text.matchAll(AT)];
  const positional = elements.length === turn.mentions.length;
  const isBots = elements.map((element, i) => {
    if (botMentions.some((m) => m.text === element[0])) return true;
    if (botNames.has(normalise(element[1] ?? ""))) return true;
    return positional && turn.mentions[i]?.id === turn.botId;
  });
  const first = elements[0];
  const leading = first && htmlToText(turn.text.slice(0, first.index)) === "";
  if (turn.isGroup && leading && !isBots.includes(true)) {
    // Only when no entity says this mention is someone else's.
    isBots[0] = !(positional && turn.mentions[0] && turn.mentions[0].id !== turn.botId);
  }
  let at = 0;
  const html = turn.text.replace(AT, (_whole, inner: string) =>
    isBots[at++] ? " " : ` ${inner} `,
  );
  let text = htmlToText(html).replace(/\s+/g, " ").trim();
  // A client that sent the mention as plain words: only at the start or the end.
  if (!isBots.includes(true)) text = withoutName(text, botNames);
  return text;
}

/** The ways a mention of the bot can read: its entity's text and its name. */
function namesOf(mention: Mention): string[] {
  const names = [normalise(mention.text.replace(/<\/?at\b[^>]*>/gi, ""))];
  if (mention.name) names.push(normalise(mention.name));
  return names.filter(Boolean);
}

/** A mention's words, compared loosely: tags, entities, a typed `@`, case and spacing aside. */
function normalise(html: string): string {
  return htmlToText(html).replace(/^@/, "").replace(/\s+/g, " ").trim().toLowerCase();
}

function withoutName(text: string, names: Set<string>): string {
  const lower = text.toLowerCase();
  for (const name of names) {
    for (const form of [name, `@${name}`]) {
      if (lower.startsWith(`${form} `)) return text.slice(form.length).trim();
      if (lower.endsWith(` ${form}`)) return text.slice(0, -form.length).trim();
    }
  }
  return text;
}
