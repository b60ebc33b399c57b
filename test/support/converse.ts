/**
 * A dialogue harness over the real engine: ask, then read the reply as a user
 * would (the data, and the text every surface falls back to).
 */

import { loadEvalLibrary } from "../../scripts/lib/corpus.ts";
import { type Answered, type Bot, createBot } from "../../src/answer/bot.ts";
import type { KnowledgeOptions } from "../../src/answer/knowledge.ts";
import { viewToText } from "../../src/answer/view.ts";
import { loadLibrary } from "../../src/content/load.ts";

const bots = new Map<string, Promise<Bot>>();

/** The bot over `dir`, built once per test file: the bot is immutable, so tests can share it. */
export function botFor(dir = "content"): Promise<Bot> {
  let bot = bots.get(dir);
  if (!bot) {
    bot = loadLibrary(dir).then(({ playbooks, glossary }) => createBot(playbooks, { glossary }));
    bots.set(dir, bot);
  }
  return bot;
}

export async function seedBot(options: KnowledgeOptions = {}): Promise<Bot> {
  const { playbooks, glossary } = await loadLibrary("content");
  return createBot(playbooks, { glossary, ...options });
}

let library: Promise<Bot> | undefined;

/**
 * The seed playbook plus the two fixture playbooks (the eval's content). With
 * default options it is built once per test file and shared, like `botFor`.
 */
export function libraryBot(options?: KnowledgeOptions): Promise<Bot> {
  const build = ({ playbooks, glossary }: Awaited<ReturnType<typeof loadEvalLibrary>>) =>
    createBot(playbooks, { glossary, ...options });
  if (options) return loadEvalLibrary().then(build);
  library ??= loadEvalLibrary().then(build);
  return library;
}

/** Asks, and reads the reply as the text every surface falls back to. */
export function say(bot: Bot, question: string): Answered & { text: string } {
  const answered = bot.ask(question);
  return { ...answered, text: viewToText(answered.view) };
}
