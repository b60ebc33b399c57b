/**
 * The insights surface: `GET /insights` (the page for content authors) and
 * `GET /insights.json` (the contract's report), behind INSIGHTS_TOKEN, read
 * from the store. Off (so every path is the server's 404) without the token
 * or without a store.
 */
import express, { type Express, type Request, type Response, type Router } from "express";
import { writtenInContent } from "../../learning/fit-alternates.ts";
import type { Logger } from "../../log.ts";
import type { SurfaceContext, SurfaceSetup } from "../../server/surface.ts";
import type { Insights, Store } from "../../store/types.ts";
import { hashOf } from "../web/assets.ts";
import { setSecurityHeaders } from "../web/headers.ts";
import { ICON, SCRIPT, STYLE } from "./assets.ts";
import { createGate, type Gate, sameOrigin } from "./auth.ts";
import { type LoginThrottle, loginThrottle } from "./login-throttle.ts";
import { type Learning, loginPage, messagePage, type PageShell, reportPage } from "./page.ts";
import { checkPeriod, type Period } from "./range.ts";
import { toContractJson } from "./report.ts";

/** A token is a line of text; anything bigger is not a login. */
const LOGIN_BODY_LIMIT = "2kb";
const CHALLENGE = 'Bearer realm="aifirst insights"';

export function insightsSurface(ctx: SurfaceContext): SurfaceSetup {
  const token = ctx.config.store.insightsToken;
  if (!token) return { off: "INSIGHTS_TOKEN is not set" };
  if (!ctx.store) return { off: "no store is open" };
  const router = insightsRouter({
    store: ctx.store,
    gate: createGate(token),
    logger: ctx.logger,
    botName: ctx.config.botName,
    learning: {
      mode: ctx.config.store.learn,
      // The bot answering now: what the content says after its latest reload.
      inContent: () => writtenInContent(ctx.bot.knowledge.playbooks),
    },
  });
  return {
    description: "insights at GET /insights and /insights.json (INSIGHTS_TOKEN)",
    mount(app: Express) {
      app.use(router);
    },
  };
}

export interface InsightsRouterOptions {
  store: Pick<Store, "insights">;
  gate: Gate;
  logger: Logger;
  botName: string;
  /** What the alternates section says of learning; default: LEARN=suggest, nothing in the content. */
  learning?: Learning;
  now?: () => Date;
  /** Failed sign-ins allowed per address; default 10 a minute. */
  throttle?: LoginThrottle;
}

export function insightsRouter(options: InsightsRouterOptions): Router {
  const { store, gate, logger } = options;
  const throttle = options.throttle ?? loginThrottle();
  const learning: Learning = options.learning ?? {
    mode: "suggest",
    inContent: () => () => false,
  };
  const now = options.now ?? (() => new Date());
  const styleHash = hashOf(STYLE);
  const scriptHash = hashOf(SCRIPT);
  const iconHash = hashOf(ICON);
  const shell: PageShell = {
    botName: options.botName,
    styleUrl: `/insights/style.css?v=${styleHash}`,
    scriptUrl: `/insights/app.js?v=${scriptHash}`,
    iconUrl: `/insights/icon.svg?v=${iconHash}`,
  };
  const router = express.Router();

  const sendPage = (res: Response, status: number, markup: string) => {
    setSecurityHeaders(res);
    // Under "no-referrer" a browser posts the sign-in form with `Origin: null`; this keeps the
    // real origin on same-origin requests (for the Origin check) and still tells other sites nothing.
    res.setHeader("Referrer-Policy", "same-origin");
    res.status(status).type("html").send(markup);
  };

  const asset = (type: string, body: string, hash: string) => (req: Request, res: Response) => {
    setSecurityHeaders(res);
    res.setHeader(
      "Cache-Control",
      req.query.v === hash ? "public, max-age=31536000, immutable" : "no-cache",
    );
    res.type(type).send(body);
  };
  router.get("/insights/style.css", asset("css", STYLE, styleHash));
  router.get("/insights/app.js", asset("js", SCRIPT, scriptHash));
  router.get("/insights/icon.svg", asset("svg", ICON, iconHash));

  /** The report for the request's period, or the reason there is none. */
  async function report(
    req: Request,
  ): Promise<
    { ok: true; report: Insights; period: Period } | { ok: false; status: 400 | 503; error: string }
  > {
    const check = checkPeriod(req.query as Record<string, unknown>, now());
    if (!check.ok) return { ok: false, status: 400, error: check.error };
    try {
      const result = await store.insights({ from: check.period.from, to: check.period.to });
      return { ok: true, report: result, period: check.period };
    } catch (error) {
      // Down (AIFIRST_STORE_DOWN) or failing: either way the report cannot be read now.
      logger.error("insights: the store could not be read", { error });
      return {
        ok: false,
        status: 503,
        error: "the store cannot be read just now; answers go on, try this page again later",
      };
    }
  }

  /**
   * Whether the request may see insights. A wrong Bearer token counts as a failed sign-in
   * from its address, so guessing by header is throttled as guessing by the form is.
   */
  function admit(req: Request): "yes" | "no" | { waitSeconds: number } {
    const address = req.ip ?? "";
    // Only a Bearer token is a guess at ours: a proxy's own Basic login passes its header on.
    const guessing = /^Bearer\s/i.test(req.get("authorization") ?? "");
    if (guessing) {
      const wait = throttle.waitSeconds(address);
      if (wait > 0) return { waitSeconds: wait };
    }
    if (gate.allows(req)) return "yes";
    if (guessing) throttle.failed(address);
    return "no";
  }

  router.get("/insights.json", async (req, res) => {
    const admitted = admit(req);
    if (typeof admitted === "object") {
      res
        .status(429)
        .set("Retry-After", String(admitted.waitSeconds))
        .json({ error: "too many wrong tokens from this address; try again later" });
      return;
    }
    if (admitted === "no") {
      res
        .status(401)
        .set("WWW-Authenticate", CHALLENGE)
        .json({ error: "unauthorized: send Authorization: Bearer <INSIGHTS_TOKEN>" });
      return;
    }
    const result = await report(req);
    if (!result.ok) {
      res.status(result.status).json({ error: result.error });
      return;
    }
    res.json(toContractJson(result.report));
  });

  router.get("/insights", async (req, res) => {
    const admitted = admit(req);
    if (typeof admitted === "object") {
      res.set("Retry-After", String(admitted.waitSeconds));
      sendPage(res, 429, loginPage(shell, true));
      return;
    }
    if (admitted === "no") {
      res.set("WWW-Authenticate", CHALLENGE);
      sendPage(res, 401, loginPage(shell, false));
      return;
    }
    const result = await report(req);
    if (result.ok) sendPage(res, 200, reportPage(shell, result.report, result.period, learning));
    else if (result.status === 400)
      sendPage(res, 400, messagePage(shell, "That period cannot be shown", result.error));
    else sendPage(res, 503, messagePage(shell, "The store is unavailable", result.error));
  });

  const form = express.urlencoded({ extended: false, limit: LOGIN_BODY_LIMIT, parameterLimit: 5 });

  router.post("/insights/login", form, (req, res) => {
    if (!sameOrigin(req)) {
      sendPage(res, 403, loginPage(shell, true));
      return;
    }
    const address = req.ip ?? "";
    const wait = throttle.waitSeconds(address);
    if (wait > 0) {
      res.set("Retry-After", String(wait));
      sendPage(res, 429, loginPage(shell, true));
      return;
    }
    const body: unknown = req.body;
    const typed =
      body && typeof body === "object" && "token" in body && typeof body.token === "string"
        ? body.token.trim()
        : "";
    if (!typed || !gate.isToken(typed)) {
      logger.warn("insights: sign-in refused");
      throttle.failed(address);
      res.set("WWW-Authenticate", CHALLENGE);
      sendPage(res, 401, loginPage(shell, true));
      return;
    }
    throttle.succeeded(address);
    gate.signIn(req, res);
    res.redirect(303, "/insights");
  });

  router.post("/insights/logout", (req, res) => {
    if (sameOrigin(req)) gate.signOut(req, res);
    res.redirect(303, "/insights");
  });

  return router;
}
