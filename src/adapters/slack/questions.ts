/**
 * Questions arriving as text: the slash command, a mention in a channel and
 * a direct message. Each is read into plain text (or found not to be a
 * question at all), answered, and the answer sent back where it came from.
 */
import type {
  AllMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from "@slack/bolt";
import type { BotIdentity } from "./identity.ts";
import { commandText, incomingText, richTextOf } from "./incoming.ts";
import { MessageEvent, SlashCommand } from "./payloads.ts";
import {
  ask,
  isDirectMessage,
  type ListenerDeps,
  postAnswer,
  privateMessage,
  threadOf,
} from "./replies.ts";

export function onCommand(deps: ListenerDeps) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    // Checked at the HTTP edge already; Socket Mode payloads are checked here.
    const parsed = SlashCommand.safeParse(command);
    if (!parsed.success) {
      await ack({ response_type: "ephemeral", text: "Sorry, I could not read that command." });
      return;
    }
    if (parsed.data.command !== deps.command) {
      // The manifest and SLACK_COMMAND disagree: say so rather than time out.
      await ack({ response_type: "ephemeral", text: `This app answers ${deps.command}.` });
      deps.logger.warn("slack command not configured", {
        command: parsed.data.command,
        expected: deps.command,
      });
      return;
    }
    const text = commandText(parsed.data.text);
    const answered = ask(deps, "command", text, parsed.data.user_id);
    // The answer rides in the acknowledgement: no Web API call, well inside Slack's 3 seconds.
    await ack({ response_type: "ephemeral", ...privateMessage(answered, text) });
  };
}

/** A mention of the bot in a channel: answered in that channel, threaded. */
export function onMention(deps: ListenerDeps) {
  return onMessageEvent<"app_mention">(deps, "mention");
}

/** A direct message to the bot: answered in the DM. */
export function onDirectMessage(deps: ListenerDeps) {
  return onMessageEvent<"message">(deps, "dm");
}

function onMessageEvent<T extends "app_mention" | "message">(
  deps: ListenerDeps,
  where: "mention" | "dm",
) {
  return async ({ event, body, context, client }: EventArgs<T>) => {
    const question = questionIn(event, where, deps.identity.current);
    if (!question || !(await firstDelivery(deps, body.event_id, context.retryNum))) return;
    const answered = ask(deps, where, question.text, question.user);
    await postAnswer(deps, client, question.channel, question.thread, answered);
  };
}

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/**
 * Message subtypes that are still a person asking: a file shared with words
 * (a DM with a screenshot and a question), and a thread reply also sent to
 * the channel. Every other subtype (edits, deletions, joins, bot posts) is not.
 */
const ASKING_SUBTYPES = new Set(["file_share", "thread_broadcast"]);

interface Question {
  text: string;
  user: string;
  channel: string;
  thread: string | undefined;
}

/** The question a message event asks, or null when it is not one for us to answer. */
function questionIn(event: unknown, where: "mention" | "dm", self: BotIdentity): Question | null {
  const parsed = MessageEvent.safeParse(event);
  if (!parsed.success) return null;
  const e = parsed.data;
  // A DM is answered by the message listener; answering its mention too would reply twice.
  if (where === "mention" ? isDirectMessage(e.channel) : e.channel_type !== "im") return null;
  if (e.subtype !== undefined && !ASKING_SUBTYPES.has(e.subtype)) return null;
  // Slack delivers an edited mention again as a fresh app_mention carrying `edited`:
  // the original was answered already.
  if (e.edited !== undefined) return null;
  // Written by a person: not by a bot, ours included (Bolt drops ours too, once it knows us).
  if (e.bot_id || !e.user || (self.botUserId && e.user === self.botUserId)) return null;
  const typed = e.text?.trim() ? e.text : richTextOf(e.blocks);
  const text = incomingText(typed, self.botUserId);
  // A file shared without a word is not a question; an empty mention still gets the usage.
  if (e.subtype !== undefined && !text) return null;
  return { text, user: e.user, channel: e.channel, thread: threadOf(e.channel, e) };
}

/** Retried deliveries carry the same `event_id`: true for the first, false (and a log line) for the rest. */
async function firstDelivery(
  { claims, logger }: ListenerDeps,
  eventId: string,
  retryNum: unknown,
): Promise<boolean> {
  try {
    if (await claims.claim(eventId)) return true;
  } catch (error) {
    // Answering twice is better than never: a record that cannot be reached lets it through.
    logger.warn("slack retry record unavailable; answering", { eventId, error });
    return true;
  }
  logger.info("slack retry ignored", { eventId, retryNum });
  return false;
}
