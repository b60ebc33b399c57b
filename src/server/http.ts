/**
 * The one HTTP server: health, metrics, and every configured surface on one
 * Express app and one port. Bodies are parsed per route, never globally,
 * because Slack's signature check needs the raw body.
 */

import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import express, { type Express } from "express";
import type { Bot } from "../answer/bot.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics.ts";
import { apiAccess, requireBearer } from "./access.ts";
import { expressMessages } from "./express-messages.ts";
import {
  commonHeaders,
  deadline,
  errorHandler,
  measureRequests,
  requestLog,
} from "./middleware.ts";
import type { Surface } from "./surface.ts";

export interface HttpServerOptions {
  /** The bot whose counts `/healthz` reports (a live one follows content reloads). */
  bot: Bot;
  logger: Logger;
  surfaces?: Surface[];
  /** More of `/healthz`'s body, e.g. the content's version and problems. */
  health?: () => Record<string, unknown>;
  /** When set, `/api/*` (not Teams' `/api/messages`) needs `Authorization: Bearer <it>`. */
  apiToken?: string;
  /** Counts requests and serves `GET /metrics`; none without it. */
  metrics?: Metrics;
  /** When set, `/metrics` needs `Authorization: Bearer <it>`. */
  metricsToken?: string;
  /** The proxies whose X-Forwarded-For is believed (Express's "trust proxy"); none when unset. */
  trustProxy?: number | string[];
  /** How long a request may take, from its first byte to the reply, before a 408 or 503. */
  requestTimeoutMs?: number;
  /** How long shutdown waits for requests in flight before cutting their connections. */
  shutdownGraceMs?: number;
}

export const DEFAULTS = { requestTimeoutMs: 15_000, shutdownGraceMs: 10_000 } as const;

export interface HttpServer {
  app: Express;
  server: Server;
  /** Resolves with the bound port once listening; rejects with a clear message if the port is taken or the host not here. */
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

/** HOST names no address of this machine (not one of its interfaces, or no address at all). */
class HostNotHereError extends Error {
  readonly code = "AIFIRST_HOST_NOT_HERE";
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { bot, logger, metrics } = options;
  const surfaces = options.surfaces ?? [];
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const app = express();
  app.disable("x-powered-by");
  // Replies are made for one request and never cached (see commonHeaders): no ETag to compute.
  // Static assets set their own.
  app.set("etag", false);
  // Express's fallback error page shows stacks outside production; ours never reaches it, but be sure.
  app.set("env", "production");
  // Flat key=value pairs only: no nested objects built from a query string.
  app.set("query parser", "simple");
  // Behind a reverse proxy every request comes from the proxy: the client's own address (for
  // sign-in limits and askers without an id) is in X-Forwarded-For, believed only from it.
  if (options.trustProxy !== undefined) app.set("trust proxy", options.trustProxy);
  app.use(requestLog(logger));
  if (metrics) app.use(measureRequests(metrics));
  app.use(commonHeaders);
  app.use(deadline(requestTimeoutMs, logger));
  // Before any surface mounts a route under /api, so every one of them is covered.
  if (options.apiToken) app.use("/api", apiAccess(options.apiToken));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", ...bot.counts(), ...options.health?.() });
  });

  if (metrics) {
    const access = options.metricsToken ? [requireBearer(options.metricsToken)] : [];
    app.get("/metrics", ...access, async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }

  for (const surface of surfaces) surface.mount?.(app);

  app.use("/api", (_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("Not found");
  });
  app.use(errorHandler(logger));

  // Responses in flight, so shutdown can tell their keep-alive connections to close once answered.
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  // Node checks request timeouts on this interval (default 30 s, which would triple a 15 s limit).
  const connectionsCheckingInterval = Math.min(Math.max(requestTimeoutMs / 10, 50), 1_000);
  const server = createServer(
    // A question of 2,000 characters fits in a URL: percent-encoded, an emoji or a CJK
    // character takes 9 to 12 bytes, more than Node's default 16 KB of headers allows.
    { connectionsCheckingInterval, maxHeaderSize: MAX_HEADER_BYTES, ...expressMessages(app) },
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
          reject(listenError(error, port, host) ?? error);
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

/** Room for a 2,000-character question in `/api/ask?q=`, whatever its script, and the usual headers. */
const MAX_HEADER_BYTES = 32 * 1024;

/**
 * Requests Node refuses before Express sees them (malformed, headers too
 * large, too slow to arrive): answered as Node would, and logged, so every
 * request outcome has its line. There is no response object yet: Node's
 * documented way is to write the reply to the socket.
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
        "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

function listenError(error: NodeJS.ErrnoException, port: number, host?: string): Error | null {
  // ENOTFOUND: no address at all (HOST=999.1.1.1, a misspelt name), or EAI_AGAIN where no
  // resolver answers; EADDRNOTAVAIL: another machine's.
  if (
    host !== undefined &&
    (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN" || error.code === "EADDRNOTAVAIL")
  ) {
    return new HostNotHereError(
      `aifirst: HOST=${host} is not an address of this machine: set HOST to one of its addresses, 0.0.0.0 or 127.0.0.1`,
    );
  }
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
