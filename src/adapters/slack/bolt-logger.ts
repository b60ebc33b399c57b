/**
 * Bolt, its Web API client and the Socket Mode client log through this
 * bridge into the product's structured logger, so one log stream holds
 * everything. Bolt never sees the token-redacting logger's internals.
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../log.ts";

const LEVELS: Record<string, LogLevel> = {
  // Never DEBUG: at that level Bolt, the Web API client and the Socket Mode client print
  // whole request and event bodies, so what users wrote (and our replies quoting it).
  // LOG_LEVEL=debug raises the product's own lines only.
  debug: LogLevel.INFO,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

export function boltLogLevel(level: string): LogLevel {
  return LEVELS[level] ?? LogLevel.INFO;
}

export function boltLogger(logger: Logger, level: LogLevel): BoltLogger {
  let name = "slack";
  // Bolt logs free-form arguments (strings, errors, objects); flatten them into one message.
  const line = (parts: unknown[]) => parts.map(describe).join(" ");
  // Bolt logs on the hot path; skip formatting what the level would drop anyway.
  const rank = RANK[level];
  return {
    debug: (...msg: unknown[]) => {
      if (rank <= RANK[LogLevel.DEBUG]) logger.debug(line(msg), { source: name });
    },
    info: (...msg: unknown[]) => {
      if (rank <= RANK[LogLevel.INFO]) logger.info(line(msg), { source: name });
    },
    warn: (...msg: unknown[]) => logger.warn(line(msg), { source: name }),
    error: (...msg: unknown[]) => logger.error(line(msg), { source: name }),
    // The product's LOG_LEVEL decides; Bolt only asks so it can skip building debug text.
    setLevel: () => undefined,
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}

function describe(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === "string") return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
