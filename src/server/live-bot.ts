/**
 * A Bot that forwards every call to whichever bot answers now, so a surface
 * holding `ctx.bot` (for counts or the steps list) follows content reloads
 * without knowing about them.
 */
import type { Bot } from "../answer/bot.ts";

export function liveBot(current: () => Bot): Bot {
  return {
    get knowledge() {
      return current().knowledge;
    },
    ask: (text) => current().ask(text),
    reply: (text) => current().reply(text),
    counts: () => current().counts(),
  };
}
