/**
 * A dialogue harness over the real engine: ask, then read the reply as a user
 * would (the data, and the text every surface falls back to).
 */
import { type Answered, type Bot, createBot } from "../../src/answer/bot.ts";
import type { KnowledgeOptions } from "../../src/answer/knowledge.ts";
import { viewToText } from "../../src/answer/view.ts";
import { loadContentStrict } from "../../src/content/load.ts";

export async function seedBot(options: KnowledgeOptions = {}): Promise<Bot> {
  return createBot(await loadContentStrict("content"), options);
}

/** The seed playbook plus the two fixture playbooks. */
export async function libraryBot(options: KnowledgeOptions = {}): Promise<Bot> {
  const [seed, fixtures] = await Promise.all([
    loadContentStrict("content"),
    loadContentStrict("test/fixtures/playbooks"),
  ]);
  return createBot([...seed, ...fixtures], options);
}

/** Asks, and reads the reply as the text every surface falls back to. */
export function say(bot: Bot, question: string): Answered & { text: string } {
  const answered = bot.ask(question);
  return { ...answered, text: viewToText(answered.view) };
}
