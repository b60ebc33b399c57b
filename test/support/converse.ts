/**
 * A dialogue harness over the real engine: ask, then read the reply as a user
 * would (the data, and the text every surface falls back to).
 */
import { type Answered, type Bot, createBot } from "../../src/answer/bot.ts";
import type { KnowledgeOptions } from "../../src/answer/knowledge.ts";
import { viewToText } from "../../src/answer/view.ts";
import { loadContentStrict } from "../../src/content/load.ts";

const bots = new Map<string, Promise<Bot>>();

/** The bot over `dir`, built once per test file: the bot is immutable, so tests can share it. */
export function botFor(dir = "content"): Promise<Bot> {
  let bot = bots.get(dir);
  if (!bot) {
    bot = loadContentStrict(dir).then((p) => createBot(p));
    bots.set(dir, bot);
  }
  return bot;
}

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
