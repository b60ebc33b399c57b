/**
 * The Teams surface: decides from the configuration whether Teams is on
 * (an Azure Bot registration, or anonymous local mode), mounts
 * `POST /api/messages`, and connects a turn to the engine: read the turn,
 * ask the bot, render the card, log one line.
 */
import type { RequestHandler } from "express";
import type { Bot } from "../../answer/bot.ts";
import type { Config } from "../../config.ts";
import { type Logger, logReply } from "../../log.ts";
import { jsonBody } from "../../server/middleware.ts";
import { sendBody, sendJson } from "../../server/send.ts";
import type { SurfaceSetup } from "../../server/surface.ts";
import { activityProblem } from "./activity-shape.ts";
import type { BotFrameworkEndpoint } from "./bot-framework.ts";
import type { TurnHandler } from "./contract.ts";
import { readTurn } from "./receive.ts";
import { renderMessage } from "./render-card.ts";

export const TEAMS_PATH = "/api/messages";

/** Teams activities are small; this leaves room for long messages and card data. */
const BODY_LIMIT = "256kb";

export interface TeamsSurfaceContext {
  config: Readonly<Pick<Config, "teams">>;
  bot: Bot;
  logger: Logger;
}

/** For tests: where botbuilder fetches token-signing keys (a loopback fake instead of Microsoft). */
export interface TeamsSurfaceOptions {
  openIdMetadataUrl?: string;
}

export function teamsSurface(
  { config, bot, logger }: TeamsSurfaceContext,
  options: TeamsSurfaceOptions = {},
): SurfaceSetup {
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
    .then((m) => m.createBotFrameworkEndpoint({ ...teams, ...options, logger }))
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

  const handler = answerTurns(bot, logger);
  return {
    description: `POST ${TEAMS_PATH} (${authenticated ? `app ${teams.appId}` : "anonymous, no token checks"})`,
    async start() {
      await ready;
    },
    mount(app) {
      app.post(
        TEAMS_PATH,
        authenticated ? requireAuthorization : pass,
        jsonBody(BODY_LIMIT),
        async (req, res) => {
          const problem = activityProblem(req.body);
          if (problem) {
            sendJson(res, 400, { error: problem });
            return;
          }
          const endpoint = await ready;
          if (!endpoint) {
            sendJson(res, 503, { error: "Teams is not available (see the server log)" });
            return;
          }
          const outcome = await endpoint.process({ headers: req.headers, body: req.body }, handler);
          if (outcome.error) sendJson(res, outcome.status, { error: outcome.error });
          else sendBody(res, outcome.status, "");
        },
      );
    },
  };
}

/** The engine behind every turn: one reply (or none), one log line. */
function answerTurns(bot: Bot, logger: Logger): TurnHandler {
  return (turn) => {
    const intent = readTurn(turn);
    if (intent.kind === "ignore") return null;
    const { reply, view } = bot.ask(intent.kind === "welcome" ? "help" : intent.text);
    logReply(logger, "teams", reply, {
      via: intent.kind === "welcome" ? "welcome" : intent.via,
      conversation: turn.conversationType ?? "unknown",
    });
    return renderMessage(view);
  };
}

/** A missing token is refused before the body is even read; botbuilder checks the rest. */
const requireAuthorization: RequestHandler = (req, res, next) => {
  if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? "")) {
    sendJson(res, 401, { error: "unauthorized" });
    return;
  }
  next();
};

const pass: RequestHandler = (_req, _res, next) => next();

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
