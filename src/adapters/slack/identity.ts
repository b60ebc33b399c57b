/**
 * Who the bot is in Slack (bot id, bot user id), learned in the background.
 *
 * Bolt normally calls `auth.test` while it is being built and makes every
 * request wait for it: with Slack unreachable, commands would answer 404 for
 * as long as its client retries. Here Bolt gets an `authorize` function that
 * answers at once with the token and whatever identity is known so far, and
 * `auth.test` runs on its own with backoff. Nothing the bot answers depends on
 * the identity: it only sharpens mention stripping and self-filtering.
 */
import type { Authorize, AuthorizeResult } from "@slack/bolt";
import type { Logger } from "../../log.ts";
import { type Backoff, type RetryLoop, retryUntilDone } from "./retry.ts";

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/** The one Web API call this needs; a WebClient has it. */
export interface AuthTester {
  auth: {
    test(): Promise<{ ok?: boolean; user_id?: string; bot_id?: string; error?: string }>;
  };
}

export interface IdentityOptions {
  botToken: string;
  client: AuthTester;
  logger: Logger;
  backoff: Backoff;
  /** Known ahead (benchmarks, tests): no auth.test at all. */
  known?: Required<BotIdentity>;
}

export interface Identity {
  readonly current: BotIdentity;
  /** Bolt's authorize hook: never waits on the network. */
  readonly authorize: Authorize<boolean>;
  /** Starts the background auth.test; resolves once it succeeded (true) or gave up (false). */
  start(): Promise<boolean>;
  stop(): void;
}

export function createIdentity(options: IdentityOptions): Identity {
  const { botToken, client, logger } = options;
  const current: BotIdentity = { ...options.known };
  let loop: RetryLoop | undefined;

  const authorize: Authorize<boolean> = async () => {
    const result: AuthorizeResult = { botToken };
    if (current.botId) result.botId = current.botId;
    if (current.botUserId) result.botUserId = current.botUserId;
    return result;
  };

  return {
    current,
    authorize,
    start() {
      if (current.botId && current.botUserId) return Promise.resolve(true);
      loop ??= retryUntilDone(
        "auth.test",
        async () => {
          const result = await client.auth.test();
          current.botId = result.bot_id;
          current.botUserId = result.user_id;
          logger.info("slack connected", { botUserId: result.user_id, botId: result.bot_id });
        },
        { backoff: options.backoff, logger },
      );
      return loop.done;
    },
    stop() {
      loop?.stop();
    },
  };
}
