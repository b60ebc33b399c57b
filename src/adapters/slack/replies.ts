/**
 * What every listener does with a question: ask the assistant (which
 * records it), log the reply's line, render it for Slack, and post it where
 * the question came from. Nothing here decides what the answer is.
 */
import type { AllMiddlewareArgs } from "@slack/bolt";
import type { Answered, Bot } from "../../answer/bot.ts";
import type { Reply } from "../../answer/reply.ts";
import type { Assistant } from "../../assistant.ts";
import { type Logger, logReply } from "../../log.ts";
import type { Counters } from "../../metrics.ts";
import type { EventClaims } from "./dedupe.ts";
import type { Identity } from "./identity.ts";
import type { PendingReplies } from "./pending-replies.ts";
import { APOLOGY, type RenderOptions, renderView, type SlackMessage } from "./render.ts";

export interface ListenerDeps {
  /** Questions go through it, so they are recorded and open to feedback. */
  assistant: Assistant;
  /** The bot itself, to redraw an answer already given (not a new question). */
  bot: Bot;
  logger: Logger;
  /** The slash command this app answers, e.g. `/aifirst`. */
  command: string;
  identity: Identity;
  /** The retry record: each event id is answered once. */
  claims: EventClaims;
  /** What is still being answered, so that shutdown can wait for it. */
  pending: PendingReplies;
  /** Where failed Web API calls are counted, for `/metrics`. */
  counters: Counters;
}

/** How a question reached us, for the reply log line. */
export type Via = "command" | "mention" | "dm" | "button" | "share";

/**
 * Asks the assistant as `user` and logs the reply's one line. Should the
 * engine ever throw, the error is logged and the caller shows a fixed apology.
 */
export function ask(deps: ListenerDeps, via: Via, text: string, user: string): Answered | null {
  try {
    const answered = deps.assistant.ask(text, { surface: "slack", user });
    logReply(deps.logger, "slack", answered.reply, { via });
    return answered;
  } catch (error) {
    deps.logger.error("slack answer failed", { via, error });
    return null;
  }
}

/** An answer already given and recorded, shown again under its reply id (not a new question). */
export function reshow(deps: ListenerDeps, text: string, id: string): Answered | null {
  try {
    const again = deps.bot.ask(text);
    return { reply: { ...again.reply, id }, view: { ...again.view, id } };
  } catch (error) {
    deps.logger.error("slack answer failed", { via: "share", error });
    return null;
  }
}

/** Worth a "Share in channel" button: an answer, not the usage or a "not sure". */
function shareable(reply: Reply): boolean {
  return reply.kind !== "help" && reply.kind !== "fallback";
}

/** A reply only the asker sees, with "Share in channel" where sharing makes sense. */
export function privateMessage(
  answered: Answered | null,
  asked: string,
  options: RenderOptions = {},
): SlackMessage {
  if (!answered) return APOLOGY;
  const share = shareable(answered.reply) ? { shareAsk: asked } : {};
  return renderView(answered.view, { ...options, ...share });
}

/**
 * The thread an answer to `message` goes in: in a channel, the message's
 * thread (a top-level message starts one, keeping the channel tidy); in a
 * direct message, only a thread it is already in.
 */
export function threadOf(
  channel: string,
  message: { ts?: string; thread_ts?: string } | undefined,
): string | undefined {
  return message?.thread_ts ?? (isDirectMessage(channel) ? undefined : message?.ts);
}

/** A direct message's channel (Slack's ids of DMs start with D): one person reads it. */
export function isDirectMessage(channel: string): boolean {
  return channel.startsWith("D");
}

/**
 * Posts an answer (or the apology, when answering failed) for everyone in the conversation
 * to see. A failure is counted, then thrown on for the caller to handle.
 */
export async function postAnswer(
  { counters }: Pick<ListenerDeps, "counters">,
  client: AllMiddlewareArgs["client"],
  channel: string,
  threadTs: string | undefined,
  answered: Answered | null,
  options: RenderOptions = {},
): Promise<void> {
  try {
    await client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(answered ? renderView(answered.view, options) : APOLOGY),
    });
  } catch (error) {
    counters.platformApiError("slack", "chat.postMessage");
    throw error;
  }
}
