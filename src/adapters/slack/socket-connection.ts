/**
 * Keeps a Socket Mode connection up. Opening one asks Slack for a WebSocket
 * URL (`apps.connections.open`) and then dials it; either step can fail
 * while Slack is unreachable. We retry with backoff, and after a connection
 * drops (Slack recycles them routinely) we open a new one the same way.
 */
import type { App } from "@slack/bolt";
import type { Logger } from "../../log.ts";
import { type Backoff, type RetryLoop, retryUntilDone } from "./retry.ts";

/** The part of Bolt's Socket Mode client this watches. */
export interface SocketEvents {
  on(event: "disconnected", listener: () => void): unknown;
}

export interface SocketConnection {
  /** Resolves true once connected, false if Slack refused the app token or we stopped. */
  start(): Promise<boolean>;
  stop(): Promise<void>;
}

export function socketConnection(options: {
  app: App;
  client: SocketEvents;
  logger: Logger;
  backoff: Backoff;
}): SocketConnection {
  const { app, client, logger, backoff } = options;
  let loop: RetryLoop | undefined;
  let connected = false;
  let stopping = false;

  const connect = () => {
    loop = retryUntilDone(
      "socket mode connection",
      async () => {
        await app.start();
        connected = true;
        logger.info("slack socket mode connected");
      },
      { backoff, logger },
    );
    return loop.done;
  };

  client.on("disconnected", () => {
    // Failed attempts also end in "disconnected"; only a live connection that drops needs a new loop.
    if (!connected || stopping) return;
    connected = false;
    logger.warn("slack socket mode connection closed, reconnecting");
    void connect();
  });

  let first: Promise<boolean> | undefined;
  return {
    start() {
      first ??= connect();
      return first;
    },
    async stop() {
      stopping = true;
      loop?.stop();
      await app
        .stop()
        .catch((error: unknown) => logger.warn("slack socket stop failed", { error }));
    },
  };
}
