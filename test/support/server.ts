/**
 * Starts the real HTTP server on a free loopback port with the seed content,
 * and captures its log lines, so tests talk to it with plain fetch.
 */
import type { Bot } from "../../src/answer/bot.ts";
import { createLogger } from "../../src/log.ts";
import {
  createHttpServer,
  type HttpServer,
  type HttpServerOptions,
} from "../../src/server/http.ts";
import type { Surface } from "../../src/server/surface.ts";
import { botFor } from "./converse.ts";

export interface TestServer {
  base: string;
  http: HttpServer;
  /** Every log line written so far, parsed. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: {
    surfaces?: (bot: Bot, logger: ReturnType<typeof createLogger>) => Surface[];
  } & Partial<Pick<HttpServerOptions, "requestTimeoutMs" | "shutdownGraceMs" | "trustProxy">> = {},
): Promise<TestServer> {
  const bot = await botFor();
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: "debug",
    format: "json",
    write: (line) => logs.push(JSON.parse(line)),
  });
  const http = createHttpServer({
    bot,
    logger,
    surfaces: options.surfaces?.(bot, logger) ?? [],
    requestTimeoutMs: options.requestTimeoutMs,
    shutdownGraceMs: options.shutdownGraceMs,
    trustProxy: options.trustProxy,
  });
  const port = await http.listen(0, "127.0.0.1");
  return { base: `http://127.0.0.1:${port}`, http, logs, close: () => http.close() };
}
