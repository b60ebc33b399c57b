/**
 * The assistant, with every answer counted for `/metrics`: its kind, whether
 * the bot was sure, and the engine's time.
 */
import type { Assistant } from "../assistant.ts";
import type { Metrics } from "../metrics.ts";

export function measuredAssistant(inner: Assistant, metrics: Pick<Metrics, "answer">): Assistant {
  return {
    get bot() {
      return inner.bot;
    },
    replaceBot: (next) => inner.replaceBot(next),
    feedback: (input, asker) => inner.feedback(input, asker),
    ask(text, asker, recorded) {
      const started = process.hrtime.bigint();
      const answered = inner.ask(text, asker, recorded);
      metrics.answer(answered.reply, Number(process.hrtime.bigint() - started) / 1e9);
      return answered;
    },
  };
}
