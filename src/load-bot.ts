/**
 * The bot over the configured content: what `aifirst serve` and `aifirst ask`
 * both start from. Invalid content is a ContentError listing every problem.
 */
import { type Bot, createBot } from "./answer/bot.ts";
import type { Glossary } from "./answer/glossary.ts";
import type { Config } from "./config.ts";
import { loadContent, loadLibrary, noteLines } from "./content/load.ts";
import type { ContentProblem, Playbook } from "./content/types.ts";
import { type ConfirmedAlternate, fitAlternates } from "./learning/fit-alternates.ts";
import type { Logger } from "./log.ts";
import { replyId } from "./reply-id.ts";

/** What building the bot reads of the configuration: the content, and what users call the bot. */
export type ContentConfig = Pick<Config, "contentDir" | "defaultPlaybook" | "botName" | "slack">;

/** What users call the bot: its slash command typed without the slash ("aifirst step 6"), its name. */
export function botNamesOf(config: Pick<Config, "botName" | "slack">): string[] {
  return [config.slack.command, config.botName];
}

export async function loadBot(config: ContentConfig): Promise<Bot> {
  const { playbooks, glossary } = await loadLibrary(config.contentDir);
  return buildBot(playbooks, glossary, config, [], undefined);
}

/** One reading of the content folder: the bot over it, or why there is none. */
export type LoadedBot =
  | {
      ok: true;
      bot: Bot;
      version: string;
      /** What is valid but likely not meant, one line each, as `aifirst check` prints it. */
      notes: string[];
      /** The same content with other learned alternates, without reading the folder again. */
      rebuild(learned: readonly ConfirmedAlternate[]): Bot;
    }
  | { ok: false; problems: ContentProblem[]; version: string };

/** What a bot is built with besides the content. */
export interface BuildOptions {
  /** Confirmed learned alternates to answer with (LEARN=auto); those whose FAQ is gone are skipped. */
  learned?: readonly ConfirmedAlternate[];
  /** Where skipped alternates are noted (debug). */
  logger?: Logger;
}

/**
 * Reads the content, and builds the bot when it is valid. `version` names
 * what was read (see `loadContent`).
 */
export async function loadBotVersion(
  config: ContentConfig,
  options: BuildOptions = {},
): Promise<LoadedBot> {
  const { playbooks, glossary, glossaryNotes, problems, notes, version } = await loadContent(
    config.contentDir,
  );
  if (problems.length > 0) return { ok: false, problems, version };
  const rebuild = (learned: readonly ConfirmedAlternate[]) =>
    buildBot(playbooks, glossary, config, learned, options.logger);
  return {
    ok: true,
    bot: rebuild(options.learned ?? []),
    version,
    notes: noteLines(notes, glossaryNotes),
    rebuild,
  };
}

function buildBot(
  playbooks: Playbook[],
  glossary: Glossary,
  config: ContentConfig,
  learned: readonly ConfirmedAlternate[],
  logger: Logger | undefined,
): Bot {
  return createBot(playbooks, {
    defaultPlaybook: config.defaultPlaybook,
    names: botNamesOf(config),
    glossary,
    learned: learned.length ? fitAlternates(playbooks, learned, logger) : [],
    newId: () => replyId(),
  });
}
