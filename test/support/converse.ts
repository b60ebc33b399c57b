/**
 * A dialogue harness over the real engine: ask, then read the reply as a user
 * would (the data, and the text every surface falls back to).
 */

import { loadEvalPlaybooks } from "../../scripts/lib/corpus.ts";
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

let library: Promise<Bot> | undefined;

/**
 * The seed playbook plus the two fixture playbooks (the eval's content). With
 * default options it is built once per test file and shared, like `botFor`.
 */
export function libraryBot(options?: KnowledgeOptions): Promise<Bot> {
  if (options) return loadEvalPlaybooks().then((p) => createBot(p, options));
  library ??= loadEvalPlaybooks().then((p) => createBot(p));
  return library;
}

/** Asks, and reads the reply as the text every surface falls back to. */
export function say(bot: Bot, question: string): Answered & { text: string } {
  const answered = bot.ask(question);
  return { ...answered, text: viewToText(answered.view) };
}
