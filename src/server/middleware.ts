/**
 * Cross-cutting request handling for the one Express app: a log line and a
 * metric per request outcome, the headers every reply carries, a deadline per
 * request, body parsing with a size limit, and the error handler that never
 * shows a stack trace.
 */
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
} from "express";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics.ts";

/**
 * One line per request outcome: method, path, status, time. The path is read
 * before any router rewrites it, and the query string is left out because it
 * holds what the user typed.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const method = req.method;
    const path = req.path;
    res.on("close", () => {
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      if (res.writableFinished) {
        logger.info("request", { method, path, status: res.statusCode, ms });
      } else {
        // The client went away (or the socket was cut at shutdown) before the reply was sent.
        logger.warn("request aborted", { method, path, ms });
      }
    });
    next();
  };
}

/**
 * Counts each answered request under its route's pattern (`/assets/:name`,
 * never the URL itself, which would make a series per question), or
 * "unmatched" for a 404 that no route took.
 */
export function measureRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.request(routeOf(req), req.method, res.statusCode, seconds);
    });
    next();
  };
}

function routeOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === "string" ? `${req.baseUrl}${route.path}` : "unmatched";
}

/**
 * Every reply is made for one request (answers, health, errors,
 * acknowledgements): no cache may keep it, and no browser may guess its type.
 * Static files set their own caching over this.
 */
export const commonHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");
  next();
};

/**
 * Answers 503 when a handler has not replied in time, so a stuck upstream
 * (a Teams `serviceUrl`, a slow Web API) cannot hold a connection forever;
 * or 408 when it is the client whose body has still not all arrived, which
 * is not the server's fault. (Node's own request timeout says 408 as well,
 * but only checks once a second, so this deadline usually comes first.)
 */
export function deadline(ms: number, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const arriving = !req.complete;
      logger.warn("request timed out", {
        method: req.method,
        path: req.path,
        ms,
        waitingFor: arriving ? "client" : "server",
      });
      res.setHeader("Connection", "close");
      if (arriving) res.status(408).json({ error: "the request took too long to arrive" });
      else res.status(503).json({ error: "the server took too long to answer; try again" });
      discardLateWrites(res);
    }, ms);
    timer.unref();
    res.on("close", () => clearTimeout(timer));
    next();
  };
}

/**
 * The handler may still answer after the 503. Its reply has nowhere to go,
 * and must not throw "headers already sent" from a callback, which would
 * take the whole process down. Own properties shadow the methods for this
 * one response only.
 */
function discardLateWrites(res: Response): void {
  const ignore = () => res;
  Object.assign(res, { setHeader: ignore, writeHead: ignore, write: () => true, end: ignore });
}

/**
 * A JSON body parser for one route. Never mount it globally: Slack's
 * signature check needs the raw body of its own routes.
 */
export function jsonBody(limit: string | number): RequestHandler {
  return express.json({ limit, strict: true });
}

/** body-parser's error types, and what to tell the client about each. */
const CLIENT_ERRORS: Record<string, string> = {
  "entity.too.large": "request body too large",
  "entity.parse.failed": "malformed JSON body",
  "encoding.unsupported": "unsupported content encoding",
  "charset.unsupported": "unsupported charset",
  "request.aborted": "request aborted",
};

/**
 * Expected client errors (bad JSON, too large, a malformed URL) keep their
 * 4xx status and get a fixed message; anything else is logged and answered
 * with a fixed line. Error text and stacks never reach the client.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const e = (error ?? {}) as { status?: unknown; type?: unknown };
    const status =
      typeof e.status === "number" && e.status >= 400 && e.status < 500 ? e.status : 500;
    if (status === 500)
      logger.error("request failed", { method: req.method, path: req.path, error });
    if (res.headersSent) {
      // Too late for a status: cut the connection so the client sees a failure, not a short body.
      res.destroy();
      return;
    }
    const message =
      status === 500
        ? "internal error"
        : ((typeof e.type === "string" ? CLIENT_ERRORS[e.type] : undefined) ?? "bad request");
    res.status(status).json({ error: message });
  };
}
