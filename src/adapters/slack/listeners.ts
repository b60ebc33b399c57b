/**
 * What comes in from Slack and where the answer goes: the slash command, a
 * mention in a channel, a direct message, and the buttons on our replies.
 * Each listener turns the event into text for the bot and the bot's view into
 * a Slack message; nothing here decides what the answer is.
 */
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from "@slack/bolt";
import type { Answered, Bot } from "../../answer/bot.ts";
import type { Logger } from "../../log.ts";
import type { SeenEvents } from "./dedupe.ts";
import type { Identity } from "./identity.ts";
import { incomingText, unescapeSlack } from "./mrkdwn.ts";
import { ACTIONS, ASK_ACTION, renderView } from "./render.ts";

export interface ListenerDeps {
  bot: Bot;
  logger: Logger;
  /** The slash command this app answers, e.g. `/aifirst`. */
  command: string;
  identity: Identity;
  seen: SeenEvents;
}

/** How a question reached us, for the reply log line. */
type Via = "command" | "mention" | "dm" | "button" | "share";

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(answerEachEventOnce(deps));
  app.command(/.*/, onCommand(deps));
  app.event("app_mention", onMention(deps));
  app.event("message", onDirectMessage(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.share, onShare(deps));
  app.action<BlockAction<ButtonAction>>(ASK_ACTION, onAskButton(deps));
  app.error(async (error) => {
    // Bolt has already acknowledged Slack; the user's request is lost, not the process.
    deps.logger.error("slack listener failed", { code: error.code, error });
  });
}

function logReply(logger: Logger, via: Via, answered: Answered): void {
  const { reply } = answered;
  logger.info("reply", {
    surface: "slack",
    via,
    kind: reply.kind,
    playbook: reply.playbook,
    confidence: reply.confidence,
  });
}

/** Retried deliveries carry the same `event_id`: answer the first, skip the rest. */
function answerEachEventOnce({ seen, logger }: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !seen.firstTime(eventId)) {
      logger.info("slack retry ignored", { eventId, retryNum: context.retryNum });
      return;
    }
    await next();
  };
}

function onCommand({ bot, logger, command }: ListenerDeps) {
  return async ({ command: payload, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    if (payload.command !== command) {
      // The manifest and SLACK_COMMAND disagree: say so rather than time out.
      await ack({ response_type: "ephemeral", text: `This app answers ${command}.` });
      logger.warn("slack command not configured", { command: payload.command, expected: command });
      return;
    }
    const text = unescapeSlack(payload.text ?? "").trim();
    const answered = bot.ask(text);
    // The answer rides in the acknowledgement: no Web API call, well inside Slack's 3 seconds.
    await ack({ response_type: "ephemeral", ...renderView(answered.view, { shareAsk: text }) });
    logReply(logger, "command", answered);
  };
}

function onMention({ bot, logger, identity }: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (event.bot_id || event.subtype !== undefined) return;
    // A DM is answered by the message listener; answering here too would reply twice.
    if (event.channel.startsWith("D")) return;
    const answered = bot.ask(incomingText(event.text, identity.current.botUserId));
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...renderView(answered.view),
    });
    logReply(logger, "mention", answered);
  };
}

function onDirectMessage({ bot, logger, identity }: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    // Edits, deletions, joins, bot posts and the like all carry a subtype: none is a question.
    if (event.subtype !== undefined || event.channel_type !== "im") return;
    if (event.bot_id || (identity.current.botUserId && event.user === identity.current.botUserId))
      return;
    const answered = bot.ask(incomingText(event.text, identity.current.botUserId));
    await client.chat.postMessage({
      channel: event.channel,
      ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
      ...renderView(answered.view),
    });
    logReply(logger, "dm", answered);
  };
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Share in channel": the same answer, asked again, posted visibly; the private copy goes. */
function onShare({ bot, logger }: ListenerDeps) {
  return async ({ ack, action, body, respond }: ButtonArgs) => {
    await ack();
    const answered = bot.ask(action.value ?? "");
    await respond({
      response_type: "in_channel",
      replace_original: false,
      ...renderView(answered.view, { sharedBy: body.user.id }),
    });
    logReply(logger, "share", answered);
    await respond({ delete_original: true }).catch((error: unknown) =>
      logger.warn("slack could not remove the private copy", { error }),
    );
  };
}

/**
 * A suggestion or list button: answers the question on it. Under a private
 * reply the answer replaces it, privately; under a visible one it goes in the
 * same thread (or DM), or privately if the bot cannot post there.
 */
function onAskButton({ bot, logger }: ListenerDeps) {
  return async ({ ack, action, body, respond, client }: ButtonArgs) => {
    await ack();
    const ask = action.value ?? "";
    const answered = bot.ask(ask);
    const privately = () =>
      respond({
        response_type: "ephemeral",
        replace_original: body.container.is_ephemeral === true,
        ...renderView(answered.view, { shareAsk: ask }),
      });
    const channel = body.channel?.id ?? body.container.channel_id;
    if (body.container.is_ephemeral === true || typeof channel !== "string") {
      await privately();
    } else {
      const threadTs = body.message?.thread_ts;
      try {
        await client.chat.postMessage({
          channel,
          ...(typeof threadTs === "string" ? { thread_ts: threadTs } : {}),
          ...renderView(answered.view),
        });
      } catch (error) {
        logger.warn("slack could not post the answer, replying privately", { error });
        await privately();
      }
    }
    logReply(logger, "button", answered);
  };
}
