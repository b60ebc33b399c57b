/**
 * What comes in from Slack and where the answer goes: the slash command, a
 * mention in a channel, a direct message, and the buttons on our replies.
 * Each handler turns the event into text for the bot and the bot's view into
 * a Slack message; nothing here decides what the answer is.
 */
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from "@slack/bolt";
import type { Bot } from "../../answer/bot.ts";
import type { ReplyView } from "../../answer/view.ts";
import { type Logger, logReply } from "../../log.ts";
import type { SeenEvents } from "./dedupe.ts";
import type { Identity } from "./identity.ts";
import { incomingText, unescapeSlack } from "./mrkdwn.ts";
import type { PendingReplies } from "./pending-replies.ts";
import { ACTIONS, APOLOGY, type RenderOptions, renderView, type SlackMessage } from "./render.ts";

export interface ListenerDeps {
  bot: Bot;
  logger: Logger;
  /** The slash command this app answers, e.g. `/aifirst`. */
  command: string;
  identity: Identity;
  seen: SeenEvents;
  /** What is still being answered, so that shutdown can wait for it. */
  pending: PendingReplies;
}

/** How a question reached us, for the reply log line. */
type Via = "command" | "mention" | "dm" | "button" | "share";

/**
 * One Bolt middleware hands each request to its handler: the slash command,
 * the two events the manifest subscribes to, and this app's own buttons.
 * Anything else is left alone, and the receiver acknowledges it.
 *
 * Why not `app.command`, `app.event` and `app.action`: Bolt runs every
 * listener's middleware chain for every request, and on Node 20 each step
 * of a chain builds its arguments as `{...args, next, context, client,
 * logger}`, which V8 gives a brand-new hidden class every time: slow to
 * build, slow to read, and garbage for the collector. With three listeners a
 * slash command reached 32% of the bare route's throughput in
 * `npm run bench:http`; with this one middleware, 43%. Bolt still does the
 * rest: authorization, context, `ack`, `respond` and the Web API client.
 *
 * There is no other global middleware for the same reason: the retry check
 * sits in the event handlers, and the app is built with `ignoreSelf: false`
 * because those handlers skip every bot's posts themselves.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const command = onCommand(deps);
  const mention = onMention(deps);
  const directMessage = onDirectMessage(deps);
  const share = onShare(deps);
  const askButton = onAskButton(deps);
  app.use((args) => deps.pending.track(route(args)));
  async function route(args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    if ("command" in args) return command(args);
    if ("event" in args) {
      if (args.event.type === "app_mention") return mention(args as EventArgs<"app_mention">);
      if (args.event.type === "message") return directMessage(args as EventArgs<"message">);
      return;
    }
    if ("action" in args && isOurButton(args)) {
      return args.action.action_id === ACTIONS.share ? share(args) : askButton(args);
    }
  }
  app.error(async (error) => {
    // Bolt has already acknowledged Slack; the user's request is lost, not the process.
    deps.logger.error("slack listener failed", { code: error.code, error });
  });
}

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;
type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A click on one of the buttons this adapter puts on its messages. */
function isOurButton(args: SlackActionMiddlewareArgs & AllMiddlewareArgs): args is ButtonArgs {
  const { body, action } = args;
  if (body.type !== "block_actions" || action.type !== "button" || !("action_id" in action)) {
    return false;
  }
  const id = action.action_id;
  return id === ACTIONS.share || id.startsWith(`${ACTIONS.askPrefix}_`);
}

/**
 * Asks the bot and logs the reply's one line. Should the engine ever throw,
 * the error is logged and the user gets a fixed apology instead of silence.
 */
function ask({ bot, logger }: ListenerDeps, via: Via, text: string): ReplyView | null {
  try {
    const { reply, view } = bot.ask(text);
    logReply(logger, "slack", reply, { via });
    return view;
  } catch (error) {
    logger.error("slack answer failed", { via, error });
    return null;
  }
}

function render(view: ReplyView | null, options?: RenderOptions): SlackMessage {
  return view ? renderView(view, options) : APOLOGY;
}

/** Retried deliveries carry the same `event_id`: true for the first, false (and a log line) for the rest. */
function firstDelivery({ seen, logger }: ListenerDeps, body: unknown, retryNum: unknown): boolean {
  const eventId = (body as { event_id?: unknown }).event_id;
  if (typeof eventId !== "string" || seen.firstTime(eventId)) return true;
  logger.info("slack retry ignored", { eventId, retryNum });
  return false;
}

function onCommand(deps: ListenerDeps) {
  const { logger, command } = deps;
  return async ({ command: payload, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    if (payload.command !== command) {
      // The manifest and SLACK_COMMAND disagree: say so rather than time out.
      await ack({ response_type: "ephemeral", text: `This app answers ${command}.` });
      logger.warn("slack command not configured", { command: payload.command, expected: command });
      return;
    }
    const text = unescapeSlack(payload.text ?? "").trim();
    const view = ask(deps, "command", text);
    // The answer rides in the acknowledgement: no Web API call, well inside Slack's 3 seconds.
    await ack({ response_type: "ephemeral", ...render(view, { shareAsk: text }) });
  };
}

function onMention(deps: ListenerDeps) {
  const { identity } = deps;
  return async ({ event, body, context, client }: EventArgs<"app_mention">) => {
    // A DM is answered by the message listener; answering here too would reply twice.
    if (event.channel.startsWith("D") || event.subtype !== undefined) return;
    if (!fromPerson(event, identity)) return;
    if (!firstDelivery(deps, body, context.retryNum)) return;
    const view = ask(deps, "mention", incomingText(event.text, identity.current.botUserId));
    await postAnswer(client, event.channel, threadOf(event.channel, event), view);
  };
}

function onDirectMessage(deps: ListenerDeps) {
  const { identity } = deps;
  return async ({ event, body, context, client }: EventArgs<"message">) => {
    // Edits, deletions, joins and the like all carry a subtype: none is a question.
    if (event.subtype !== undefined || event.channel_type !== "im") return;
    if (!fromPerson(event, identity)) return;
    if (!firstDelivery(deps, body, context.retryNum)) return;
    const view = ask(deps, "dm", incomingText(event.text, identity.current.botUserId));
    await postAnswer(client, event.channel, threadOf(event.channel, event), view);
  };
}

/** Written by a person: not by a bot, ours included. */
function fromPerson(event: { bot_id?: string; user?: string }, identity: Identity): boolean {
  if (event.bot_id) return false;
  const self = identity.current.botUserId;
  return !(self && event.user === self);
}

/**
 * The thread an answer to `message` goes in: in a channel, the message's
 * thread (a top-level message starts one, keeping the channel tidy); in a
 * direct message, only a thread it is already in.
 */
function threadOf(
  channel: string,
  message: { ts?: string; thread_ts?: string } | undefined,
): string | undefined {
  return message?.thread_ts ?? (channel.startsWith("D") ? undefined : message?.ts);
}

async function postAnswer(
  client: AllMiddlewareArgs["client"],
  channel: string,
  threadTs: string | undefined,
  view: ReplyView | null,
): Promise<void> {
  await client.chat.postMessage({
    channel,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...render(view),
  });
}

/** "Share in channel": the same answer, asked again, posted visibly; the private copy goes. */
function onShare(deps: ListenerDeps) {
  const { logger } = deps;
  return async ({ ack, action, body, respond }: ButtonArgs) => {
    await ack();
    const view = ask(deps, "share", action.value ?? "");
    // Nothing to share if answering failed: the private copy stays.
    if (!view) return;
    await respond({
      response_type: "in_channel",
      replace_original: false,
      ...render(view, { sharedBy: body.user.id }),
    });
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
function onAskButton(deps: ListenerDeps) {
  const { logger } = deps;
  return async ({ ack, action, body, respond, client }: ButtonArgs) => {
    await ack();
    const question = action.value ?? "";
    const view = ask(deps, "button", question);
    const privately = () =>
      respond({
        response_type: "ephemeral",
        replace_original: body.container.is_ephemeral === true,
        ...render(view, { shareAsk: question }),
      });
    const channel = body.channel?.id ?? body.container.channel_id;
    if (body.container.is_ephemeral === true || typeof channel !== "string") {
      await privately();
      return;
    }
    try {
      await postAnswer(client, channel, threadOf(channel, body.message), view);
    } catch (error) {
      logger.warn("slack could not post the answer, replying privately", { error });
      await privately();
    }
  };
}
