/**
 * A surface is one way in to the bot (Slack, Teams, the playground...). The
 * server mounts each one's routes on its single Express app and starts and
 * stops the ones that hold their own connections (Slack Socket Mode).
 */
import type { Express } from "express";
import type { Bot } from "../answer/bot.ts";
import type { Assistant } from "../assistant.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Counters } from "../metrics.ts";
import type { Store } from "../store/types.ts";

/** What a surface is set up with. */
export interface SurfaceContext {
  config: Readonly<Config>;
  /** What surfaces ask through: answers, recorded, and feedback on them. */
  assistant: Assistant;
  /**
   * The bot itself, for what is not a question (counts, the steps list). It
   * follows content reloads: always the bot answering now.
   */
  bot: Bot;
  logger: Logger;
  /** Where to count failed platform calls for `/metrics`; absent in tests. */
  metrics?: Counters;
  /**
   * The store (questions, feedback, learned alternates), for what reads it: the insights
   * page, the shared Slack retry record. Absent when no store is open (tests, the CLI).
   */
  store?: Store;
}

export interface Surface {
  /** Shown at start-up, e.g. "Slack (HTTP) at POST /slack/events". */
  readonly description: string;
  /** Adds routes; called before the server's own catch-all handlers. */
  mount?(app: Express): void;
  start?(): Promise<void>;
  /**
   * Called once the HTTP server has stopped taking and answering requests; work those
   * requests left behind (a Slack answer posted after its acknowledgement) may take up
   * to `graceMs` more.
   */
  stop?(graceMs: number): Promise<void>;
}

/** A surface that is not configured, and why: printed at start-up. */
export interface SurfaceOff {
  readonly off: string;
}

export type SurfaceSetup = Surface | SurfaceOff;

export function isOff(setup: SurfaceSetup): setup is SurfaceOff {
  return "off" in setup;
}
