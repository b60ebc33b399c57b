/**
 * Clicks on the buttons of our replies that ask something: "Share in
 * channel", and the suggestion and list buttons. (Votes are in votes.ts.)
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from "@slack/bolt";
import { AskValue, BlockActions, readValue } from "./payloads.ts";
import { renderView } from "./render.ts";
import {
  ask,
  isDirectMessage,
  type ListenerDeps,
  postAnswer,
  privateMessage,
  reshow,
  threadOf,
} from "./replies.ts";

export type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

/** The click, checked (at the HTTP edge already; Socket Mode payloads here): the payload and its button. */
export function readClick(body: unknown) {
  const parsed = BlockActions.safeParse(body);
  if (!parsed.success) return null;
  const action = parsed.data.actions[0];
  return action ? { body: parsed.data, action } : null;
}

/**
 * "Share in channel": the same answer, posted visibly; the private copy goes. Sharing is
 * not asking: the answer is shown again under its reply id, so nothing new is recorded and
 * the channel's votes count for it. (A button drawn before it carried the id asks again.)
 */
export function onShare(deps: ListenerDeps) {
  return async ({ ack, body, respond }: ActionArgs) => {
    await ack();
    const click = readClick(body);
    if (!click) return;
    // Buttons drawn before values were JSON carry the bare question.
    const value = readValue(AskValue, click.action.value) ?? { ask: click.action.value ?? "" };
    const again = value.id ? reshow(deps, value.ask, value.id) : null;
    // Content reloaded since, and the answer is another: that one is a new question.
    const answered =
      again && (value.was === undefined || again.view.title === value.was)
        ? again
        : ask(deps, "share", value.ask, click.body.user.id);
    // Nothing to share if answering failed: the private copy stays.
    if (!answered) return;
    await respond({
      response_type: "in_channel",
      replace_original: false,
      ...renderView(answered.view, { by: { user: click.body.user.id, how: "shared" } }),
    });
    await respond({ delete_original: true }).catch((error: unknown) =>
      deps.logger.warn("slack could not remove the private copy", { error }),
    );
  };
}

/**
 * A suggestion or list button: answers the question on it. A suggestion
 * first records that it was chosen over the reply it was offered under.
 * Under a private reply the answer replaces it, privately; under a visible
 * one it goes in the same thread (or DM), or privately if the bot cannot
 * post there.
 */
export function onAskButton(deps: ListenerDeps) {
  const { logger } = deps;
  return async ({ ack, body, respond, client }: ActionArgs) => {
    await ack();
    const click = readClick(body);
    if (!click) return;
    const user = click.body.user.id;
    // Buttons drawn before values were JSON carry the bare question.
    const value = readValue(AskValue, click.action.value) ?? { ask: click.action.value ?? "" };
    if (value.id) {
      deps.assistant
        .feedback({ id: value.id, chose: value.chose ?? value.ask }, { surface: "slack", user })
        .catch((error: unknown) => logger.warn("slack feedback failed", { error }));
    }
    const answered = ask(deps, "button", value.ask, user);
    const ephemeral = click.body.container.is_ephemeral === true;
    const privately = () =>
      respond({
        response_type: "ephemeral",
        replace_original: ephemeral,
        ...privateMessage(answered, value.ask),
      });
    const channel = click.body.channel?.id ?? click.body.container.channel_id;
    if (ephemeral || channel === undefined) {
      await privately();
      return;
    }
    try {
      // In a channel, others read it: say whose click asked (a DM is the asker's own).
      const by = isDirectMessage(channel) ? {} : { by: { user, how: "asked" as const } };
      await postAnswer(deps, client, channel, threadOf(channel, click.body.message), answered, by);
    } catch (error) {
      logger.warn("slack could not post the answer, replying privately", { error });
      await privately();
    }
  };
}

/** A button of some other app's message routed here: acknowledged at once, nothing done. */
export async function onOtherButton({ ack }: ActionArgs): Promise<void> {
  await ack();
}
