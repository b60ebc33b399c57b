/**
 * The Teams surface: decides from the configuration whether Teams is on
 * (an Azure Bot registration, or anonymous local mode), mounts
 * `POST /api/messages`, and connects a turn to the assistant: read the
 * turn, ask (or take a vote), render the card, log one line.
 */
import type { RequestHandler, Response } from "express";
import type { Asker } from "../../assistant.ts";
import type { Config } from "../../config.ts";
import { logReply } from "../../log.ts";
import { noCounters } from "../../metrics.ts";
import { jsonBody } from "../../server/middleware.ts";
import type { SurfaceContext, SurfaceSetup } from "../../server/surface.ts";
import { activityProblem } from "./activity-shape.ts";
import type { BotFrameworkEndpoint } from "./bot-framework.ts";
import type { TurnHandler } from "./contract.ts";
import { readTurn } from "./receive.ts";
import { renderMessage, renderVote } from "./render-card.ts";

export const TEAMS_PATH = "/api/messages";

/**
 * What Teams really sends: a user's message is at most about 28 KB (Microsoft's
 * "Limits and specifications for Microsoft Teams"), and an activity carries it twice
 * (`text`, and an HTML copy in `attachments`) beside a few KB of ids and entities. Card
 * clicks and updates are smaller. 100 KB leaves room for that and for UTF-8.
 */
export const BODY_LIMIT = "100kb";

/** For tests: where botbuilder fetches token-signing keys (a loopback fake instead of Microsoft). */
export interface TeamsSurfaceOptions {
  openIdMetadataUrl?: string;
}

export function teamsSurface(ctx: SurfaceContext, options: TeamsSurfaceOptions = {}): SurfaceSetup {
  const { config, logger } = ctx;
  const teams = config.teams;
  const authenticated = teams.appId !== undefined;
  if (!authenticated && !teams.anonymous) {
    return { off: "set MicrosoftAppId (Azure Bot) or TEAMS_ANONYMOUS=true (local Emulator)" };
  }
  const problem = authenticated ? registrationProblem(teams) : null;
  if (problem) {
    logger.error("teams misconfigured", { problem });
    return { off: problem };
  }
  // botbuilder takes over a second to import: load it only when Teams is on,
  // so the CLI and a server without Teams never pay for it.
  const ready: Promise<BotFrameworkEndpoint | null> = import("./bot-framework.ts")
    .then((m) =>
      m.createBotFrameworkEndpoint({
        ...teams,
        ...options,
        logger,
        counters: ctx.metrics ?? noCounters,
      }),
    )
    .catch((error: unknown) => {
      logger.error("teams unavailable: botbuilder could not be set up", { error });
      return null;
    });
  if (authenticated) {
    if (teams.anonymous) logger.warn("TEAMS_ANONYMOUS is ignored because MicrosoftAppId is set");
    if (teams.appType !== "SingleTenant" && teams.appType !== "UserAssignedMSI") {
      logger.warn("Teams: multi-tenant bot registrations are deprecated; prefer SingleTenant");
    }
  } else {
    logger.warn(
      "Teams: TEAMS_ANONYMOUS=true: POST /api/messages accepts unauthenticated activities and replies without a token; for the Bot Framework Emulator and tests only",
    );
  }

  /** The token is checked before the body is read: unverified senders get 401, whatever they send. */
  const requireToken: RequestHandler = async (req, res, next) => {
    const authorization = req.headers.authorization ?? "";
    if (!/^Bearer\s+\S+/i.test(authorization)) {
      refuse(res);
      return;
    }
    const endpoint = await ready;
    if (!endpoint) {
      unavailable(res);
      return;
    }
    if (await endpoint.authenticate(authorization)) next();
    else refuse(res);
  };

  const handler = answerTurns(ctx);
  return {
    description: `POST ${TEAMS_PATH} (${authenticated ? `app ${teams.appId}` : "anonymous, no token checks"})`,
    async start() {
      await ready;
    },
    mount(app) {
      app.post(
        TEAMS_PATH,
        ...(authenticated ? [requireToken] : []),
        jsonBody(BODY_LIMIT),
        async (req, res) => {
          const problem = activityProblem(req.body);
          if (problem) {
            res.status(400).json({ error: problem });
            return;
          }
          const endpoint = await ready;
          if (!endpoint) {
            unavailable(res);
            return;
          }
          const outcome = await endpoint.process({ headers: req.headers, body: req.body }, handler);
          if (outcome.error) res.status(outcome.status).json({ error: outcome.error });
          else res.status(outcome.status).end();
        },
      );
    },
  };
}

/** 401, and the connection closed: a body nobody verified is never parsed (Node discards the rest). */
function refuse(res: Response): void {
  res.setHeader("Connection", "close");
  res.status(401).json({ error: "unauthorized" });
}

function unavailable(res: Response): void {
  res.status(503).json({ error: "Teams is not available (see the server log)" });
}

/** The assistant behind every turn: one reply (or none), one log line. */
function answerTurns({ assistant, bot, logger }: SurfaceContext): TurnHandler {
  return async (turn) => {
    const intent = readTurn(turn);
    const asker: Asker = { surface: "teams", user: turn.userId };
    const conversation = turn.conversationType ?? (turn.isGroup ? "group" : "unknown");
    switch (intent.kind) {
      case "ignore":
        return null;
      case "welcome": {
        // Not a question anyone asked: it goes to the bot, unrecorded.
        const { reply, view } = bot.ask("help");
        logReply(logger, "teams", reply, { via: "welcome", conversation });
        return renderMessage(view);
      }
      case "vote": {
        const result = await assistant
          .feedback({ id: intent.reply, helpful: intent.helpful }, asker)
          .catch((error: unknown) => {
            logger.error("teams: could not record a vote", { error });
            return "failed" as const;
          });
        logger.info("feedback", { surface: "teams", helpful: intent.helpful, result });
        return renderVote(intent.helpful, result);
      }
      case "ask": {
        if (intent.chose) {
          // Fire and forget: the answer to the clicked question must not wait for the store.
          assistant
            .feedback({ id: intent.chose.reply, chose: intent.chose.label }, asker)
            .catch((error: unknown) =>
              logger.warn("teams: could not record a chosen suggestion", { error }),
            );
        }
        const { reply, view } = assistant.ask(intent.text, asker);
        logReply(logger, "teams", reply, { via: intent.via, conversation });
        return renderMessage(view);
      }
    }
  };
}

/** botbuilder asserts these at construction with terse messages; say it in our words first. */
function registrationProblem(teams: Config["teams"]): string | null {
  const type = teams.appType ?? "MultiTenant";
  if (type === "UserAssignedMSI") {
    if (teams.appPassword) return "MicrosoftAppPassword must be empty for UserAssignedMSI";
    if (!teams.tenantId) return "MicrosoftAppTenantId is required for UserAssignedMSI";
    return null;
  }
  if (!teams.appPassword) return `MicrosoftAppPassword is required for ${type}`;
  if (type === "SingleTenant" && !teams.tenantId) {
    return "MicrosoftAppTenantId is required for SingleTenant";
  }
  return null;
}
