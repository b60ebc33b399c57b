/**
 * The `aifirst` command line: ask, ask --json, check, serve, and the store's
 * insights, export and forget (./store-commands.ts). A real adapter
 * with injected streams, so tests drive it like a terminal would.
 */
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { acronymGroups } from "../../answer/acronyms.ts";
import { type Bot, createBot } from "../../answer/bot.ts";
import { explainQuestion } from "../../answer/explain.ts";
import type { KnowledgeOptions } from "../../answer/knowledge.ts";
import { toJson } from "../../answer/reply.ts";
import { type Config, ConfigError, parseConfig } from "../../config.ts";
import { loadContent, noteLines, unreadSubfolders } from "../../content/load.ts";
import {
  ContentError,
  countContent,
  describeContent,
  formatProblem,
  type Playbook,
} from "../../content/types.ts";
import { botNamesOf, loadBotVersion } from "../../load-bot.ts";
import { createLogger } from "../../log.ts";
import { straySettings } from "../../stray-settings.ts";
import { DEFAULT_DAYS } from "../insights/range.ts";
import { checkQuestions, parseQuestionFile } from "./question-check.ts";
import { forgetCommand, insightsCommand, learnedForCli } from "./store-commands.ts";
import { renderTerminal } from "./terminal.ts";
import { printable } from "./terminal-safe.ts";
import { formatWhy } from "./why-text.ts";

export interface CliIo {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: Record<string, string | undefined>;
}

const USAGE = `aifirst: answers questions from engineering playbooks

Usage:
  aifirst serve                 run the bot server (playground, API, Slack, Teams)
  aifirst ask "question"        answer one question or command
  aifirst ask --why "question"  the answer, then how the question was read and what it matched
  aifirst ask --json            read questions from stdin, one a line; write JSON lines
                                (with a question given, its one JSON reply)
  aifirst check [dir]           validate playbooks (default: CONTENT_DIR or ./content)
  aifirst check [dir] --questions FILE
                                also ask FILE's questions (question, tab, the answer it should
                                get: an FAQ's question, step N [slug], or -) and list the misses
  aifirst insights [--days N] [--json]
                                what was asked, answered, voted and learned (default: last ${DEFAULT_DAYS} days)
  aifirst insights alternates   confirmed alternate phrasings, ready to paste into playbooks
  aifirst insights --export csv [--days N]
                                every recorded question as CSV (default: all kept)
  aifirst forget <user id>      delete everything recorded about one Slack or Teams user
                                (or web caller, by IP address)
  aifirst --help                this message

Commands inside a question: step 3, step three, step governance, steps, faq, help.
Environment: CONTENT_DIR, DEFAULT_PLAYBOOK, PORT, DATA_DIR, DATABASE_URL, LEARN (see .env.example).
`;

/** Runs one command line; resolves with the exit code (serve resolves when listening). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // Warned, never refused: a stray variable in a shared environment must not stop a server.
  const strays = straySettings(io.env);
  const warnStrays = () => {
    for (const stray of strays) io.stderr.write(`aifirst: ${stray}\n`);
  };
  let config: Readonly<Config>;
  try {
    config = parseConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      warnStrays();
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // "aifirst ask --help" asks for the usage, not for an answer to "--help".
  if (command !== undefined && (rest.includes("--help") || rest.includes("-h"))) {
    io.stdout.write(USAGE);
    return 0;
  }
  // The commands that act on the configuration; the usage is the same whatever is set.
  if (["check", "ask", "insights", "forget"].includes(command ?? "")) warnStrays();
  switch (command) {
    case undefined:
    case "help":
    case "--help":
    case "-h":
      io.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    case "check": {
      // "--questions FILE" or "--questions=FILE", once.
      const args = rest.flatMap((a) =>
        a.startsWith("--questions=") ? ["--questions", a.slice("--questions=".length)] : [a],
      );
      const at = args.indexOf("--questions");
      const questions = at === -1 ? undefined : args[at + 1];
      if (
        at !== -1 &&
        (!questions || questions.startsWith("-") || args.lastIndexOf("--questions") !== at)
      ) {
        io.stderr.write(
          "aifirst check: --questions names one file: one question a line, a tab, then the answer it should get\n",
        );
        return 2;
      }
      const folders = at === -1 ? args : args.filter((_, i) => i !== at && i !== at + 1);
      const option = folders.find((a) => a.startsWith("-"));
      if (option) return unknownOption("check", option, io);
      if (folders.length > 1) {
        io.stderr.write(
          `aifirst check: give one content folder, not ${folders.length}\n\n${USAGE}`,
        );
        return 2;
      }
      return check(folders[0] ?? config.contentDir, io, {
        questions,
        defaultPlaybook: config.defaultPlaybook,
        names: botNamesOf(config),
      });
    }
    case "ask":
      return ask(rest, config, io);
    case "serve":
      return serve(config, io, strays);
    case "insights":
      return insightsCommand(rest, config, io);
    case "forget":
      return forgetCommand(rest, config, io);
    default:
      io.stderr.write(`aifirst: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

async function check(
  dir: string,
  io: CliIo,
  {
    questions,
    defaultPlaybook,
    names,
  }: { questions?: string | undefined; defaultPlaybook?: string | undefined; names: string[] },
): Promise<number> {
  if (dir.startsWith("-")) return unknownOption("check", dir, io);
  const loaded = await loadContent(dir);
  const { playbooks, glossary, glossaryNotes, problems } = loaded;
  const notes = [...(await unreadSubfolders(dir)), ...loaded.notes];
  // Notes are valid content an author likely did not mean: said either way, never failing,
  // and marked, so no one counts them among the problems.
  const writeNotes = () => {
    for (const line of noteLines(notes, glossaryNotes)) io.stdout.write(`${line}\n`);
  };
  if (problems.length > 0) {
    // The problems are the command's output (stdout, one per line, like a linter's); the
    // count is commentary.
    for (const p of problems) io.stdout.write(`${formatProblem(p)}\n`);
    writeNotes();
    io.stderr.write(`${problems.length} problem${problems.length === 1 ? "" : "s"} found\n`);
    return 1;
  }
  io.stdout.write(`ok: ${describeContent(countContent(playbooks))} in ${dir}\n`);
  // Authors see which acronyms their playbooks spell out, and so how questions will read them.
  const acronyms = acronymGroups(glossary, playbooks);
  if (acronyms.length > 0) {
    const list = acronyms.map((a) => `${a.acronym.toUpperCase()} (${a.spelled})`);
    io.stdout.write(`acronyms read as their words: ${list.join(", ")}\n`);
  }
  // An abbreviation taken from a shipped group changes how questions read: said, never a surprise.
  writeNotes();
  if (questions === undefined) return 0;
  return askQuestionFile(questions, io, playbooks, {
    glossary,
    names,
    ...(defaultPlaybook ? { defaultPlaybook } : {}),
  });
}

/** `check --questions`: the file's questions asked of the content just checked. */
async function askQuestionFile(
  file: string,
  io: CliIo,
  playbooks: Playbook[],
  options: KnowledgeOptions,
): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    io.stderr.write(`aifirst check: cannot read the questions file ${file} (${code})\n`);
    return 2;
  }
  let bot: Bot;
  try {
    bot = createBot(playbooks, options);
  } catch (error) {
    // An unknown DEFAULT_PLAYBOOK: said as configuration, not as a crash.
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { expected, problems } = parseQuestionFile(
    file,
    text,
    playbooks,
    bot.knowledge.defaultPlaybook,
  );
  // The file is the author's, but its text reaches a terminal: no escape sequences.
  for (const p of problems) io.stdout.write(`${printable(formatProblem(p))}\n`);
  const { misses, summary } = checkQuestions(file, bot, expected);
  for (const miss of misses) io.stdout.write(`${printable(miss)}\n`);
  io.stdout.write(`${summary}\n`);
  return problems.length + misses.length > 0 ? 1 : 0;
}

async function ask(args: string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const json = args.includes("--json");
  const why = args.includes("--why");
  const words = args.filter((a) => a !== "--json" && a !== "--why");
  const option = words.find((a) => a.startsWith("--"));
  if (option) return unknownOption("ask", option, io);
  if (why && (json || words.length === 0)) {
    io.stderr.write(
      'aifirst ask: --why explains one question: aifirst ask --why "how do we measure ai kpis?"\n',
    );
    return 2;
  }
  if (!json && words.length === 0) {
    io.stderr.write(
      'aifirst ask: give a question, e.g. aifirst ask "how do we measure ai kpis?", or use --json with stdin\n',
    );
    return 2;
  }
  let bot: Bot;
  try {
    // The content first: invalid content is said at once, without waiting for a store.
    const loaded = await loadBotVersion(config);
    if (!loaded.ok) throw new ContentError(loaded.problems);
    const learned = await learnedForCli(config, io);
    bot = learned.length ? loaded.rebuild(learned) : loaded.bot;
  } catch (error) {
    return reportOwnError(
      error,
      io,
      "refusing to answer from invalid content (run `aifirst check` for the list)",
    );
  }
  if (words.length > 0) {
    const question = words.join(" ");
    if (json) io.stdout.write(`${JSON.stringify(toJson(bot.reply(question)))}\n`);
    else io.stdout.write(renderTerminal(bot.ask(question).view, Boolean(io.stdout.isTTY)));
    if (why) io.stdout.write(formatWhy(explainQuestion(bot.knowledge, question)));
    return 0;
  }
  // One JSON line out per line in, written as each arrives, in order; when the reader is
  // slower than the questions (a pipe), wait for it rather than buffer without bound.
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!io.stdout.write(`${JSON.stringify(toJson(bot.reply(line)))}\n`)) {
      await once(io.stdout, "drain");
    }
  }
  return 0;
}

async function serve(config: Readonly<Config>, io: CliIo, strays: string[]): Promise<number> {
  const logger = createLogger({ level: config.log.level, format: config.log.format });
  // In the log, where a server's other start-up warnings go (a log collector reads JSON lines).
  for (const stray of strays) logger.warn(stray);
  try {
    // Loaded here, not at the top: Bolt, botbuilder and Express take about a second to load,
    // which `ask`, `check` and `--help` would otherwise wait for every time.
    const { startServer } = await import("../../server/start.ts");
    await startServer(config, logger);
    return 0;
  } catch (error) {
    return reportOwnError(error, io, "refusing to start on invalid content");
  }
}

/**
 * Our own errors (code `AIFIRST_...`: bad content, a taken port, a bad option)
 * are told in their message and exit 1; invalid content adds `contentHint`.
 * Anything else is a bug and is thrown.
 */
function reportOwnError(error: unknown, io: CliIo, contentHint: string): number {
  const e = error as { code?: unknown; message?: string };
  if (typeof e.code !== "string" || !e.code.startsWith("AIFIRST_")) throw error;
  const hint = error instanceof ContentError ? `\naifirst: ${contentHint}` : "";
  io.stderr.write(`${e.message}${hint}\n`);
  return 1;
}

function unknownOption(command: string, option: string, io: CliIo): number {
  io.stderr.write(`aifirst ${command}: unknown option ${option}\n\n${USAGE}`);
  return 2;
}
