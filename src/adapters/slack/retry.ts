/**
 * Keeps trying something that needs Slack (auth.test, opening a Socket Mode
 * connection) with growing pauses, until it works, fails for good, or we stop.
 * Slack being down at start-up must cost a log line, never the process.
 */
import type { Logger } from "../../log.ts";

export interface Backoff {
  /** First pause after a failure. */
  initialMs: number;
  /** Longest pause between attempts. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 60_000 };

/** Slack's answers that no retry will change: a wrong or revoked token. */
const FATAL_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
  "invalid_token",
  "missing_scope",
]);

/** The Slack error code in a Web API error, e.g. `invalid_auth`, if it carries one. */
function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

function isFatal(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && FATAL_ERRORS.has(code);
}

export interface RetryLoop {
  /** Resolves once the task succeeded (true), failed for good or was stopped (false). */
  readonly done: Promise<boolean>;
  stop(): void;
}

/** Runs `task` until it resolves; pauses double up to `maxMs`. */
export function retryUntilDone(
  what: string,
  task: () => Promise<void>,
  options: { backoff: Backoff; logger: Logger },
): RetryLoop {
  const { backoff, logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
      // A pending retry must not keep a finished process (or test) alive.
      timer.unref();
    });

  const done = (async () => {
    let delay = backoff.initialMs;
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await task();
        if (attempt > 1) logger.info("slack reachable again", { what, attempt });
        return !stopped;
      } catch (error) {
        if (stopped) return false;
        if (isFatal(error)) {
          logger.error("slack refused the credentials; fix them and restart", {
            what,
            slackError: slackErrorCode(error),
          });
          return false;
        }
        logger.warn("slack unreachable, will retry", {
          what,
          attempt,
          retryInMs: delay,
          error: error instanceof Error ? error : String(error),
        });
        await pause(delay);
        delay = Math.min(delay * 2, backoff.maxMs);
      }
    }
    return false;
  })();

  return {
    done,
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
  };
}
