/**
 * Which Bolt listener answers what: the slash command, the two events the
 * manifest subscribes to, and the buttons on our replies. The handlers live
 * beside this file, one concern each (questions.ts, buttons.ts, votes.ts).
 */
import type { App } from "@slack/bolt";
import { onAskButton, onOtherButton, onShare } from "./buttons.ts";
import { onCommand, onDirectMessage, onMention } from "./questions.ts";
import { ACTIONS } from "./render.ts";
import type { ListenerDeps } from "./replies.ts";
import { onVote } from "./votes.ts";

export type { ListenerDeps } from "./replies.ts";

export function registerListeners(app: App, deps: ListenerDeps): void {
  // Events and clicks are answered after Slack has its acknowledgement: shutdown waits for
  // what they still have to do. A command's answer is its acknowledgement: nothing to wait for.
  const afterAck = <A>(listener: (args: A) => Promise<void>) => {
    return (args: A) => deps.pending.track(listener(args));
  };

  // Every command routed here: the configured one is answered, any other told which it is.
  app.command(/^\//, onCommand(deps));

  app.event("app_mention", afterAck(onMention(deps)));
  app.event("message", afterAck(onDirectMessage(deps)));

  // Our buttons, each action id pattern once: the catch-all below is made from the same list.
  const buttons = [
    new RegExp(`^${ACTIONS.share}$`),
    new RegExp(`^${ACTIONS.askPrefix}_`),
    new RegExp(`^(?:${ACTIONS.helpful}|${ACTIONS.notHelpful})$`),
  ] as const;
  app.action(buttons[0], afterAck(onShare(deps)));
  app.action(buttons[1], afterAck(onAskButton(deps)));
  app.action(buttons[2], afterAck(onVote(deps)));
  // Any other button (another app's, or one of ours this version no longer knows, on an old
  // message): acknowledged so that Slack is not kept waiting and shows no error. Two listeners
  // for one click would acknowledge it twice, and the second would fail.
  app.action(new RegExp(`^(?!${buttons.map((b) => `(?:${b.source})`).join("|")})`), onOtherButton);

  app.error(async (error) => {
    // Bolt has already acknowledged Slack; the user's request is lost, not the process.
    deps.logger.error("slack listener failed", { code: error.code, error });
  });
}
