/**
 * The one HTTP server: health, the JSON API, and every configured surface on
 * one Express app and one port. Bodies are parsed per route, never globally,
 * because Slack's signature check needs the raw body.
 */

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import type { Bot } from "../answer/bot.ts";
import { MAX_INPUT_LENGTH } from "../answer/engine.ts";
import { toJson } from "../answer/reply.ts";
import type { Logger } from "../log.ts";
import type { Surface } from "./surface.ts";

export interface HttpServerOptions {
  bot: Bot;
  logger: Logger;
  surfaces?: Surface[];
  /** How long a request may take before the server gives up on it. */
  requestTimeoutMs?: number;
  /** How long shutdown waits for requests in flight. */
  shutdownGraceMs?: number;
}

export interface HttpServer {
  app: Express;
  server: Server;
  /** Resolves with the bound port once listening; rejects with a clear message if the port is taken. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, lets requests in flight finish, stops surfaces. */
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  readonly code = "AIFIRST_PORT_IN_USE";
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { bot, logger } = options;
  const surfaces = options.surfaces ?? [];
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(requestLog(logger));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", ...bot.counts() });
  });

  app.get("/api/ask", (req, res) => {
    const q = req.query.q;
    if (typeof q !== "string") {
      res.status(400).json({ error: "missing query parameter q, e.g. /api/ask?q=step%203" });
      return;
    }
    if (q.trim() === "") {
      res.status(400).json({ error: "q is empty: ask a question or a command such as `help`" });
      return;
    }
    if (q.length > MAX_INPUT_LENGTH) {
      res.status(400).json({ error: `q is too long: at most ${MAX_INPUT_LENGTH} characters` });
      return;
    }
    const { reply } = bot.ask(q);
    logger.info("reply", {
      surface: "api",
      kind: reply.kind,
      playbook: reply.playbook,
      confidence: reply.confidence,
    });
    res.json(toJson(reply));
  });

  for (const surface of surfaces) surface.mount?.(app);

  app.use("/api", (_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("Not found");
  });
  app.use(errorHandler(logger));

  const server = createServer(app);
  server.requestTimeout = options.requestTimeoutMs ?? 15_000;
  server.headersTimeout = Math.min(server.requestTimeout, 10_000);

  let closing: Promise<void> | null = null;
  return {
    app,
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          server.off("listening", onListening);
          if (error.code === "EADDRINUSE") {
            reject(
              new PortInUseError(
                `aifirst: port ${port} is already in use; stop the other process or set PORT to a free port`,
              ),
            );
          } else reject(error);
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
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = setTimeout(
          () => server.closeAllConnections(),
          options.shutdownGraceMs ?? 10_000,
        );
        await Promise.all([stopped, ...surfaces.map((s) => s.stop?.().catch(() => undefined))]);
        clearTimeout(grace);
      })();
      return closing;
    },
  };
}

/** One line per request: method, path (without the query: it holds user text), status, time. */
function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info("request", {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    next();
  };
}

/** Expected client errors (bad JSON, too large) get their status; anything else a fixed line. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status =
      typeof error?.status === "number" && error.status >= 400 && error.status < 500
        ? error.status
        : 500;
    if (status === 500) logger.error("request failed", { path: req.path, error });
    if (res.headersSent) return;
    const message =
      status === 500
        ? "internal error"
        : error?.type === "entity.too.large"
          ? "request body too large"
          : error?.type === "entity.parse.failed"
            ? "malformed JSON body"
            : "bad request";
    res.status(status).json({ error: message });
  };
}
