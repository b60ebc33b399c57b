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

  // Our buttons, each registered from this one list; the catch-all below is made from it too.
  const buttons = [
    [new RegExp(`^${ACTIONS.share}$`), onShare(deps)],
    [new RegExp(`^${ACTIONS.askPrefix}_`), onAskButton(deps)],
    [new RegExp(`^(?:${ACTIONS.helpful}|${ACTIONS.notHelpful})$`), onVote(deps)],
  ] as const;
  for (const [id, listener] of buttons) app.action(id, afterAck(listener));
  // Any other button (another app's, or one of ours this version no longer knows, on an old
  // message): acknowledged so that Slack is not kept waiting and shows no error. Two listeners
  // for one click would acknowledge it twice, and the second would fail.
  const ours = buttons.map(([id]) => `(?:${id.source})`).join("|");
  app.action(new RegExp(`^(?!${ours})`), onOtherButton);

  app.error(async (error) => {
    // Bolt has already acknowledged Slack; the user's request is lost, not the process.
    deps.logger.error("slack listener failed", { code: error.code, error });
  });
}
