/**
 * The only module that imports botbuilder (the Bot Framework SDK, archived by
 * Microsoft in favour of the Microsoft 365 Agents SDK, whose API is close).
 * It authenticates a request with botbuilder's CloudAdapter, translates the
 * activity into a plain `TeamsTurn`, and sends the `TeamsMessage` the
 * handler returns as a threaded reply. A move to the Agents SDK rewrites
 * this file and nothing else.
 */
import type { IncomingHttpHeaders } from "node:http";
import {
  type Activity,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import { validateAndFixActivity } from "botbuilder/lib/activityValidator.js";
import type { Logger } from "../../log.ts";
import type { Counters } from "../../metrics.ts";
import type { Mention, TeamsMessage, TeamsTurn, TurnHandler } from "./contract.ts";

/** The Azure Bot registration, in botbuilder's own terms; all empty = no token checks. */
export interface BotFrameworkOptions {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI" | undefined;
  tenantId: string | undefined;
  /** Where to fetch the keys that sign incoming tokens; unset = Microsoft's public cloud. */
  openIdMetadataUrl?: string | undefined;
  logger: Logger;
  /** Where replies that could not be delivered are counted, for `/metrics`. */
  counters: Counters;
}

/**
 * botbuilder takes its cloud settings all together or not at all: with a custom key
 * source, the rest are the public cloud's own values (AuthenticationConstants).
 */
function cloudSettings(openIdMetadataUrl: string | undefined): Record<string, string | boolean> {
  if (!openIdMetadataUrl) return {};
  return {
    ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
    ToChannelFromBotOAuthScope: "https://api.botframework.com",
    ToBotFromChannelTokenIssuer: "https://api.botframework.com",
    OAuthUrl: "https://api.botframework.com",
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    CallerId: "urn:botframework:azure",
    ValidateAuthority: true,
  };
}

/** What to answer over HTTP once a request has been through botbuilder. */
export interface Outcome {
  status: number;
  /** A short fixed reason for a failure status; never an exception's own text. */
  error?: string;
}

export interface BotFrameworkEndpoint {
  /**
   * Checks a request's token before its body is read: signature, issuer, audience (this
   * bot), expiry, and that the signing key is endorsed for Teams. True when it passes.
   * `process` checks it again against the activity (its service URL) once the body is in.
   */
  authenticate(authorization: string): Promise<boolean>;
  process(
    request: { headers: IncomingHttpHeaders; body: unknown },
    handler: TurnHandler,
  ): Promise<Outcome>;
}

const TEAMS_CHANNEL = "msteams";

/** Said when the turn failed on our side but Teams can still be reached. */
const APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment.";

/** turnState key for the per-request record that `onTurnError` fills in. */
const TURN_FAILURE = Symbol("aifirst.teams.turnFailure");

interface TurnFailure {
  /** Set once authentication passed and the turn began. */
  started?: boolean;
  error?: unknown;
  /** True when the reply itself could not be delivered to the connector. */
  undelivered?: boolean;
}

/**
 * CloudAdapter with its activity processing reachable directly. Its `process`
 * (the HTTP entry) writes every failure to the console with `console.error`,
 * stack and all, whatever the log level: a client sending forged tokens could
 * fill stderr with them. Failures now come back here, to be logged as one line.
 */
class QuietCloudAdapter extends CloudAdapter {
  run(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * Throws (from botbuilder) when the registration is inconsistent, e.g. a
 * SingleTenant app without a password; the caller turns that into "off".
 */
export function createBotFrameworkEndpoint(options: BotFrameworkOptions): BotFrameworkEndpoint {
  const { logger, counters } = options;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: options.appPassword,
    MicrosoftAppType: options.appType,
    MicrosoftAppTenantId: options.tenantId,
    ...cloudSettings(options.openIdMetadataUrl),
  });
  const adapter = new QuietCloudAdapter(auth);

  // Without this, botbuilder's default handler tries to send the raw error
  // text to the user and the HTTP response carries it too.
  adapter.onTurnError = async (context, error) => {
    const failure = context.turnState.get(TURN_FAILURE) as TurnFailure | undefined;
    if (failure) failure.error = error;
    logger.error("teams turn failed", { error: describe(error) });
  };

  return {
    async authenticate(authorization) {
      try {
        // The streaming entry checks a token without an activity; the channel it asks
        // for is the one this bot serves (activities from Teams carry channelId "msteams").
        await auth.authenticateStreamingRequest(authorization, TEAMS_CHANNEL);
        return true;
      } catch (error) {
        logger.warn("teams request not authenticated", { stage: "token", error: describe(error) });
        return false;
      }
    },
    async process(request, handler) {
      const failure: TurnFailure = {};
      const authorization = request.headers.authorization ?? "";
      let invoked: InvokeResponse | undefined;
      try {
        invoked = await adapter.run(authorization, asActivity(request.body), async (context) => {
          failure.started = true;
          context.turnState.set(TURN_FAILURE, failure);
          await runTurn(context, handler, failure, { logger, counters });
        });
      } catch (error) {
        if (!failure.started) {
          // The token was refused, or could not be checked (e.g. Microsoft's signing keys
          // unreachable): unverified is refused either way.
          logger.warn("teams request not authenticated", {
            stage: "activity",
            error: describe(error),
          });
          return { status: 401, error: "unauthorized" };
        }
        failure.error ??= error;
      }
      // Invokes the bot does not handle (it sends no Action.Execute cards) come back as 501.
      const status = invoked?.status ?? 200;
      if (status === 501) return { status: 501, error: "not supported" };
      if (status >= 500) return { status: 500, error: "internal error" };
      if (status >= 400) return { status, error: "bad request" };
      if (failure.undelivered) return { status: 502, error: "the reply could not be delivered" };
      if (failure.error) return { status: 500, error: "internal error" };
      return { status };
    },
  };
}

/**
 * The request body (already checked for the fields a reply needs) as botbuilder's
 * activity, its timestamps made dates by botbuilder's own `validateAndFixActivity`, as
 * CloudAdapter's HTTP entry does. (Not exported from the package's index: it is imported
 * from its file, which botbuilder ~4.23 ships; an upgrade that moves it fails at import.)
 * A copy, so the request body stays as it came.
 */
function asActivity(body: unknown): Activity {
  return validateAndFixActivity({ ...(body as Activity) });
}

interface TurnDeps {
  logger: Logger;
  counters: Counters;
}

async function runTurn(
  context: TurnContext,
  handler: TurnHandler,
  failure: TurnFailure,
  deps: TurnDeps,
): Promise<void> {
  let message: TeamsMessage | null;
  try {
    message = await handler(translateIn(context.activity));
  } catch (error) {
    failure.error = error;
    deps.logger.error("teams turn failed", { error: describe(error) });
    await send(context, { text: APOLOGY }, failure, deps);
    return;
  }
  if (message) await send(context, renderOut(message), failure, deps);
}

/** Sends a reply threaded on the incoming activity (botbuilder sets replyToId from it). */
async function send(
  context: TurnContext,
  activity: Partial<Activity>,
  failure: TurnFailure,
  { logger, counters }: TurnDeps,
): Promise<void> {
  try {
    await context.sendActivity(activity);
  } catch (error) {
    failure.undelivered = true;
    failure.error = error;
    counters.platformApiError("teams", "sendActivity");
    logger.error("teams reply not delivered", {
      error: describe(error),
      serviceUrl: context.activity.serviceUrl,
    });
  }
}

/** botbuilder's activity as the adapter's plain turn. */
function translateIn(activity: Activity): TeamsTurn {
  const mentions: Mention[] = [];
  for (const entity of activity.entities ?? []) {
    if (typeof entity?.type !== "string" || entity.type.toLowerCase() !== "mention") continue;
    const { mentioned, text } = entity as {
      mentioned?: { id?: unknown; name?: unknown };
      text?: unknown;
    };
    if (typeof mentioned?.id === "string" && typeof text === "string") {
      const name = typeof mentioned.name === "string" ? mentioned.name : undefined;
      mentions.push(name ? { id: mentioned.id, text, name } : { id: mentioned.id, text });
    }
  }
  const conversationType = activity.conversation?.conversationType;
  const from = activity.from as (typeof activity.from & { aadObjectId?: unknown }) | undefined;
  return {
    type: activity.type,
    conversationType,
    // Group chats may come without a conversationType; `isGroup` is set on them all the same.
    isGroup:
      activity.conversation?.isGroup === true ||
      conversationType === "channel" ||
      conversationType === "groupChat",
    userId: typeof from?.aadObjectId === "string" ? from.aadObjectId : (from?.id ?? null),
    text: typeof activity.text === "string" ? activity.text : "",
    value: activity.value,
    botId: activity.recipient?.id ?? "",
    mentions,
    membersAdded: (activity.membersAdded ?? []).map((m) => m.id),
  };
}

/**
 * The adapter's message as a Bot Framework activity. The same words as the card
 * travel as its text fallback, as the interface contract promises: in `text`
 * (clients and channels without cards, transcripts, search), in `summary` (what
 * Teams shows in notifications and chat previews instead of "Sent a card") and
 * in the card's own `fallbackText`. Some Teams clients show `text` above the
 * card, so the words can appear twice; the contract wins.
 */
function renderOut(message: TeamsMessage): Partial<Activity> {
  if (!message.card) return { type: "message", text: message.fallback, textFormat: "markdown" };
  return {
    type: "message",
    text: message.fallback,
    textFormat: "markdown",
    summary: message.fallback,
    attachments: [CardFactory.adaptiveCard(message.card)],
  };
}

/** An error's name, code and message for the log; no stack, no request (it holds the token). */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message.slice(0, 300),
      code: (error as { code?: unknown }).code,
      statusCode: (error as { statusCode?: unknown }).statusCode,
    };
  }
  return { message: String(error).slice(0, 300) };
}
