/**
 * What every surface asks through: the bot's reply, recorded (when a store is
 * on), and open to feedback by its id. The engine stays pure; this is where
 * what people ask and think of the answers leaves it, as data.
 */
import type { Answered, Bot } from "./answer/bot.ts";
import type { Reply } from "./answer/reply.ts";
import type { FeedbackOutcome } from "./store/types.ts";
import { offeredChoice } from "./suggestion-choice.ts";

/** Where a question came from. The CLI records nothing. */
export type SurfaceName = "slack" | "teams" | "api" | "playground" | "cli";

/** Who asked, as the surface knows them. */
export interface Asker {
  surface: SurfaceName;
  /**
   * The platform's own user id (Slack `U…`, a Teams AAD id), or null when unknown.
   * Never stored as given: the recorder keeps a keyed hash of it.
   */
  user: string | null;
}

/** A 👍 / 👎 on a reply, or a suggestion chosen after it (by the suggestion's text). */
export type FeedbackInput = { id: string; helpful: boolean } | { id: string; chose: string };

/** What became of feedback: the store's outcomes, which the recorder without a store gives too. */
export type FeedbackResult = FeedbackOutcome;

/** Where replies and feedback go: the store, or nothing. */
export interface Recorder {
  record(reply: Reply, asker: Asker): void;
  feedback(input: FeedbackInput, asker: Asker): Promise<FeedbackResult>;
}

export interface Assistant {
  /** The bot answering now; a content reload replaces it. */
  readonly bot: Bot;
  /**
   * The bot's reply, recorded unless `recorded` says otherwise of it (the playground's own
   * opening requests: a command it sends for itself is nobody's question).
   */
  ask(text: string, asker: Asker, recorded?: (reply: Reply) => boolean): Answered;
  feedback(input: FeedbackInput, asker: Asker): Promise<FeedbackResult>;
  /**
   * Answers from `next` from now on. One assignment: a question is answered
   * wholly by the old bot or wholly by the new one.
   */
  replaceBot(next: Bot): void;
}

export function createAssistant(first: Bot, recorder: Recorder = memoryRecorder()): Assistant {
  let bot = first;
  return {
    get bot() {
      return bot;
    },
    replaceBot(next) {
      bot = next;
    },
    ask(text, asker, recorded) {
      const answered = bot.ask(text);
      const keep = asker.surface !== "cli" && (recorded?.(answered.reply) ?? true);
      if (keep) recorder.record(answered.reply, asker);
      return answered;
    },
    feedback: (input, asker) => recorder.feedback(input, asker),
  };
}

/**
 * Remembers the ids of the latest replies only, so feedback on them is taken
 * and anything else is "unknown" (a choice the reply did not offer is
 * "not-offered"): for when no store is configured.
 */
export function memoryRecorder(max = 10_000): Recorder {
  // Each recent reply's suggestions: what may be chosen after it.
  const recent = new Map<string, string[]>();
  return {
    record(reply) {
      recent.set(reply.id, reply.suggestions);
      // A Map iterates oldest first.
      if (recent.size > max) recent.delete(recent.keys().next().value as string);
    },
    feedback: async (input) => {
      const suggestions = recent.get(input.id);
      if (!suggestions) return "unknown";
      if ("chose" in input && !offeredChoice(suggestions, input.chose)) return "not-offered";
      return "recorded";
    },
  };
}
