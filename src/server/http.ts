/**
 * The one HTTP server: health, the JSON API, and every configured surface on
 * one Express app and one port. Bodies are parsed per route, never globally,
 * because Slack's signature check needs the raw body.
 */

import {
  createServer,
  IncomingMessage,
  type Server,
  type ServerOptions,
  ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import express, { type Express } from "express";
import type { Bot } from "../answer/bot.ts";
import { toJson } from "../answer/reply.ts";
import { type Logger, logReply } from "../log.ts";
import { deadline, errorHandler, requestLog } from "./middleware.ts";
import { checkQueryQuestion } from "./question.ts";
import { sendBody, sendJson } from "./send.ts";
import type { Surface } from "./surface.ts";

export interface HttpServerOptions {
  bot: Bot;
  logger: Logger;
  surfaces?: Surface[];
  /** How long a request may take, from its first byte to the reply, before a 408 or 503. */
  requestTimeoutMs?: number;
  /** How long shutdown waits for requests in flight before cutting their connections. */
  shutdownGraceMs?: number;
}

export const DEFAULTS = { requestTimeoutMs: 15_000, shutdownGraceMs: 10_000 } as const;

export interface HttpServer {
  app: Express;
  server: Server;
  /** Resolves with the bound port once listening; rejects with a clear message if the port is taken. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, lets requests in flight finish, stops surfaces. */
  close(): Promise<void>;
}

/** The port is taken by another process. */
export class PortInUseError extends Error {
  readonly code = "AIFIRST_PORT_IN_USE";
}

/** The port is not ours to use (below 1024 without privileges). */
class PortDeniedError extends Error {
  readonly code = "AIFIRST_PORT_DENIED";
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { bot, logger } = options;
  const surfaces = options.surfaces ?? [];
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const app = express();
  app.disable("x-powered-by");
  // Answers change with every question and are never revalidated: hashing each body for an
  // ETag only costs time. Static assets set their own caching headers.
  app.set("etag", false);
  // Express's fallback error page shows stacks outside production; ours never reaches it, but be sure.
  app.set("env", "production");
  app.set("query parser", "simple");
  app.use(requestLog(logger));
  app.use(deadline(requestTimeoutMs, logger));

  app.get("/healthz", (_req, res) => {
    sendJson(res, 200, { status: "ok", ...bot.counts() });
  });

  app.get("/api/ask", (req, res) => {
    const q = checkQueryQuestion(req, "/api/ask?q=step%203");
    if (!q.ok) {
      sendJson(res, 400, { error: q.error });
      return;
    }
    const reply = bot.reply(q.text);
    logReply(logger, "api", reply);
    sendJson(res, 200, toJson(reply));
  });

  for (const surface of surfaces) surface.mount?.(app);

  app.use("/api", (_req, res) => {
    sendJson(res, 404, { error: "not found" });
  });
  app.use((_req, res) => {
    sendBody(res, 404, "Not found", "text/plain; charset=utf-8");
  });
  app.use(errorHandler(logger));

  // Responses in flight, so shutdown can tell their keep-alive connections to close once answered.
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  // Node checks request timeouts on this interval (default 30 s, which would triple a 15 s limit).
  const connectionsCheckingInterval = Math.min(Math.max(requestTimeoutMs / 10, 50), 1_000);
  const server = createServer(
    { connectionsCheckingInterval, ...expressMessages(app) },
    (req, res) => {
      if (stopping) res.setHeader("Connection", "close");
      inFlight.add(res);
      res.on("close", () => {
        inFlight.delete(res);
        // The connection only becomes idle after this tick; close it then.
        if (stopping) setImmediate(() => server.closeIdleConnections());
      });
      app(req, res);
    },
  );
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = Math.min(requestTimeoutMs, 10_000);
  server.on("clientError", rejectBadRequest(logger));

  let closing: Promise<void> | null = null;
  return {
    app,
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          server.off("listening", onListening);
          reject(portError(error, port) ?? error);
        };
        const onListening = () => {
          server.off("error", onError);
          resolve((server.address() as AddressInfo).port);
        };
        server.once("error", onError);
        server.once("listening", onListening);
        server.listen(port, host);
      });
    },
    close() {
      closing ??= (async () => {
        stopping = true;
        for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const graceMs = options.shutdownGraceMs ?? DEFAULTS.shutdownGraceMs;
        const grace = setTimeout(() => {
          logger.warn("shutdown grace period over; closing connections", {
            inFlight: inFlight.size,
          });
          server.closeAllConnections();
        }, graceMs);
        await stopped;
        clearTimeout(grace);
        // Only now: a request answered during the grace period may have left work behind.
        await Promise.all(surfaces.map((s) => s.stop?.(graceMs).catch(() => undefined)));
      })();
      return closing;
    },
  };
}

/**
 * Node's options for building requests and responses the way Express wants
 * them. Express gives every request and response its app's prototypes
 * (`Object.setPrototypeOf(req, app.request)`) as it starts on them; on Node 20
 * that change of prototype made a third of everything a request allocated
 * outlive the young generation, and the server spent its time copying it
 * (a bare Express route: 7,500 requests/s with scavenges of 15 ms, against
 * 16,000–24,000 and under 1 ms this way). Objects born with the right
 * prototype make Express's call a no-op.
 */
function expressMessages(app: Express): ServerOptions {
  const request = withPrototype(IncomingMessage, app.request);
  const response = withPrototype<typeof ServerResponse>(ServerResponse, app.response);
  return request && response ? { IncomingMessage: request, ServerResponse: response } : {};
}

/** A constructor for `base`'s instances whose prototype is `prototype`; undefined for a class. */
function withPrototype<C extends new (...args: never[]) => object>(
  base: C,
  prototype: object,
): C | undefined {
  // Node's IncomingMessage and ServerResponse are plain constructor functions, which can
  // set up an object that already exists. (Reflect.construct with another new.target
  // would work for classes too, but V8 then derives a fresh hidden class every time.)
  if (Function.prototype.toString.call(base).startsWith("class")) return undefined;
  const init = base as unknown as (...args: unknown[]) => void;
  function Message(this: object, ...args: unknown[]): void {
    init.apply(this, args);
  }
  Message.prototype = prototype;
  // Node only ever calls `new` on it, never the class's static members.
  return Message as unknown as C;
}

/**
 * Requests Node refuses before Express sees them (malformed, headers too
 * large, too slow to arrive): answered as Node would, and logged, so every
 * request outcome has its line.
 */
function rejectBadRequest(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node does: never write into a response that has already started on this socket.
    const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === "ECONNRESET" || !socket.writable || current?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, reason] =
      error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout"]
        : error.code === "HPE_HEADER_OVERFLOW"
          ? [431, "Request Header Fields Too Large"]
          : [400, "Bad Request"];
    logger.warn("request rejected", { status, code: error.code });
    const body = JSON.stringify({ error: reason.toLowerCase() });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

function portError(error: NodeJS.ErrnoException, port: number): Error | null {
  if (error.code === "EADDRINUSE") {
    return new PortInUseError(
      `aifirst: port ${port} is already in use; stop the other process or set PORT to a free port`,
    );
  }
  if (error.code === "EACCES") {
    return new PortDeniedError(
      `aifirst: not allowed to listen on port ${port}; use a port above 1023 (set PORT)`,
    );
  }
  return null;
}
