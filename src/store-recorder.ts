/**
 * The Recorder that writes to the store: each reply becomes a question event,
 * each 👍 / 👎 or chosen suggestion a feedback row. Recording is the store's
 * queue (synchronous, never throws); feedback is a real write, so it may
 * reject while the store is down, and the surfaces answer that politely.
 */
import type { Bot } from "./answer/bot.ts";
import { type Reply, stepLabel } from "./answer/reply.ts";
import type { Asker, FeedbackInput, FeedbackResult, Recorder } from "./assistant.ts";
import type { Logger } from "./log.ts";
import type { Counters } from "./metrics.ts";
import type { Store, Surface } from "./store/types.ts";
import { namesSuggestion } from "./suggestion-choice.ts";

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

export function storeRecorder(options: StoreRecorderOptions): Recorder {
  const { store, logger } = options;
  const max = options.remember ?? 10_000;
  // Which playbook each recent reply came from, so a "chose" resolves a question asked in
  // two playbooks to the one the user was reading.
  const repliedPlaybook = new Map<string, string | null>();

  return {
    record(reply: Reply, asker: Asker) {
      if (asker.surface === "cli") return;
      try {
        repliedPlaybook.set(reply.id, reply.playbook);
        // A Map iterates oldest first.
        if (repliedPlaybook.size > max) {
          repliedPlaybook.delete(repliedPlaybook.keys().next().value as string);
        }
        store.record({
          id: reply.id,
          at: new Date(),
          surface: asker.surface satisfies Surface,
          user: asker.user,
          question: options.recordQuestions ? reply.input : null,
          kind: reply.kind,
          sure: reply.sure,
          playbook: reply.playbook,
          faq: reply.faq?.question ?? null,
          step: reply.step?.number ?? null,
          confidence: reply.confidence,
          suggestions: reply.suggestions,
          viaAlternate: reply.learned,
        });
      } catch (error) {
        // An answer never fails because it could not be recorded.
        logger.error("could not record a reply", { error });
      }
    },

    async feedback(input: FeedbackInput, asker: Asker): Promise<FeedbackResult> {
      try {
        if ("chose" in input) {
          const playbook = playbookOf(options.bot(), input.chose, repliedPlaybook.get(input.id));
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
 * The slug of the playbook holding an FAQ with this question, or a step with this label:
 * the replied one when it has it, else the first; undefined when no playbook does.
 */
function playbookOf(
  bot: Bot,
  chose: string,
  preferred: string | null | undefined,
): string | undefined {
  const holding = bot.knowledge.playbooks.filter(
    (p) =>
      p.faqs.some((f) => namesSuggestion(f.question, chose)) ||
      p.steps.some((s) => stepLabel(s) === chose),
  );
  return (holding.find((p) => p.slug === preferred) ?? holding[0])?.slug;
}
