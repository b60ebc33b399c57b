/**
 * The Recorder that writes to the store: each reply becomes a question event,
 * each 👍 / 👎 or chosen suggestion a feedback row. Recording is the store's
 * queue (synchronous, never throws); feedback is a real write, so it may
 * reject while the store is down, and the surfaces answer that politely.
 */
import type { Bot } from "./answer/bot.ts";
import { type Reply, type SuggestedStep, stepLabel } from "./answer/reply.ts";
import type { Asker, FeedbackInput, FeedbackResult, Recorder } from "./assistant.ts";
import type { Logger } from "./log.ts";
import type { Counters } from "./metrics.ts";
import type { Store, Surface } from "./store/types.ts";
import { holdsAnswer, namesSuggestion } from "./suggestion-choice.ts";

export interface StoreRecorderOptions {
  store: Store;
  /** The bot answering now: where a chosen FAQ's (or step's) playbook is looked up. */
  bot: () => Bot;
  /** RECORD_QUESTIONS: false keeps the question text out of the store. */
  recordQuestions: boolean;
  logger: Logger;
  counters?: Pick<Counters, "storeWriteFailed">;
  /** How many recent replies' playbooks to remember for feedback; default 10,000. */
  remember?: number;
}

/** What the recorder remembers of a recent reply. */
interface RepliedTo {
  playbook: string | null;
  steps: readonly SuggestedStep[];
}

export function storeRecorder(options: StoreRecorderOptions): Recorder {
  const { store, logger } = options;
  const max = options.remember ?? 10_000;
  // What each recent reply came from and offered, so a "chose" resolves a question asked in
  // two playbooks to the one the user was reading, and a step to the playbook it was offered from.
  const replied = new Map<string, RepliedTo>();

  return {
    record(reply: Reply, asker: Asker) {
      if (asker.surface === "cli") return;
      try {
        replied.set(reply.id, { playbook: reply.playbook, steps: reply.suggestedSteps });
        // A Map iterates oldest first.
        if (replied.size > max) replied.delete(replied.keys().next().value as string);
        store.record({
          id: reply.id,
          at: new Date(),
          surface: asker.surface satisfies Surface,
          user: asker.user,
          question: options.recordQuestions ? reply.input : null,
          command: reply.read === "command",
          kind: reply.kind,
          sure: reply.sure,
          playbook: reply.playbook,
          faq: reply.faq?.question ?? null,
          step: reply.step?.number ?? null,
          confidence: reply.confidence,
          suggestions: reply.suggestions,
          viaAlternate: reply.learned,
          viaAlternateOf: reply.learned ? answeredLabel(reply) : null,
        });
      } catch (error) {
        // An answer never fails because it could not be recorded.
        logger.error("could not record a reply", { error });
      }
    },

    async feedback(input: FeedbackInput, asker: Asker): Promise<FeedbackResult> {
      try {
        if ("chose" in input) {
          const playbook = playbookOf(options.bot(), input.chose, replied.get(input.id));
          return await store.feedback({
            id: input.id,
            user: asker.user,
            chose: input.chose,
            ...(playbook ? { playbook } : {}),
          });
        }
        return await store.feedback({ id: input.id, user: asker.user, helpful: input.helpful });
      } catch (error) {
        options.counters?.storeWriteFailed();
        throw error;
      }
    },
  };
}

/**
 * The slug of the playbook holding the FAQ or step a choice names: the one its suggestion
 * came from, when this instance still remembers the reply; else the replied playbook when it
 * holds it, else the first; undefined when no playbook does.
 */
function playbookOf(bot: Bot, chose: string, replied: RepliedTo | undefined): string | undefined {
  const offered = replied?.steps.find((s) => namesSuggestion(stepLabel(s), chose));
  if (offered) return offered.playbook;
  const holding = bot.knowledge.playbooks.filter((p) => holdsAnswer(p, chose));
  return (holding.find((p) => p.slug === replied?.playbook) ?? holding[0])?.slug;
}

/** What a reply answered, as a learned alternate names it: an FAQ's question, a step's label. */
function answeredLabel(reply: Reply): string | null {
  if (reply.faq) return reply.faq.question;
  return reply.step ? stepLabel(reply.step) : null;
}
