/**
 * The bot over the configured content: what `aifirst serve` and `aifirst ask`
 * both start from. Invalid content is a ContentError listing every problem.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type Bot, createBot } from "./answer/bot.ts";
import type { Glossary } from "./answer/glossary.ts";
import type { Config } from "./config.ts";
import { GLOSSARY_FILE } from "./content/glossary-file.ts";
import { loadContent, loadLibrary } from "./content/load.ts";
import type { ContentProblem, Playbook } from "./content/types.ts";
import { type ConfirmedAlternate, fitAlternates } from "./learning/fit-alternates.ts";
import type { Logger } from "./log.ts";

type ContentConfig = Pick<Config, "contentDir" | "defaultPlaybook">;

export async function loadBot(config: ContentConfig): Promise<Bot> {
  const { playbooks, glossary } = await loadLibrary(config.contentDir);
  return createBot(playbooks, { defaultPlaybook: config.defaultPlaybook, glossary });
}

/** One reading of the content folder: the bot over it, or why there is none. */
export type LoadedBot =
  | {
      ok: true;
      bot: Bot;
      version: string;
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
 * what was read: it changes with any playbook's name or bytes.
 */
export async function loadBotVersion(
  config: ContentConfig,
  options: BuildOptions = {},
): Promise<LoadedBot> {
  const version = await contentVersion(config.contentDir);
  const { playbooks, glossary, problems } = await loadContent(config.contentDir);
  if (problems.length > 0) return { ok: false, problems, version };
  const rebuild = (learned: readonly ConfirmedAlternate[]) =>
    buildBot(playbooks, glossary, config, learned, options.logger);
  return { ok: true, bot: rebuild(options.learned ?? []), version, rebuild };
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
    glossary,
    learned: learned.length ? fitAlternates(playbooks, learned, logger) : [],
  });
}

/**
 * A short hash of the playbook files of `dir` (the `.md` files, as the loader
 * reads them), names and contents: equal versions, equal content.
 */
export async function contentVersion(dir: string): Promise<string> {
  const hash = createHash("sha256");
  let names: string[] = [];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter(
        (e) =>
          (e.isFile() || e.isSymbolicLink()) &&
          (e.name.toLowerCase().endsWith(".md") || e.name === GLOSSARY_FILE),
      )
      .map((e) => e.name)
      .sort();
  } catch (error) {
    hash.update(`unreadable folder: ${(error as NodeJS.ErrnoException).code}`);
  }
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, name));
    } catch (error) {
      bytes = Buffer.from(`unreadable: ${(error as NodeJS.ErrnoException).code}`);
    }
    // Lengths first, so no two different sets of files hash the same stream.
    hash.update(`${Buffer.byteLength(name)}:${name}:${bytes.length}:`).update(bytes);
  }
  return hash.digest("hex").slice(0, 16);
}
