/**
 * The bot over the configured content: what `aifirst serve` and `aifirst ask`
 * both start from. Invalid content is a ContentError listing every problem.
 */
import { type Bot, createBot } from "./answer/bot.ts";
import type { Config } from "./config.ts";
import { loadLibrary } from "./content/load.ts";

export async function loadBot(
  config: Pick<Config, "contentDir" | "defaultPlaybook">,
): Promise<Bot> {
  const { playbooks, glossary } = await loadLibrary(config.contentDir);
  return createBot(playbooks, { defaultPlaybook: config.defaultPlaybook, glossary });
}
