/**
 * Bolt's ExpressReceiver on the shared server, at `POST /slack/events`:
 * Bolt reads nothing itself (the intake in front of it did, within limits),
 * verifies the signature and timestamp, parses the body, answers
 * `ssl_check` and `url_verification`, and dispatches to the listeners.
 *
 * One step is added between Bolt's verification and its dispatch: the
 * verified body's shape is checked (payloads.ts), because Bolt's dispatch
 * reads fields of the types Slack documents and throws on others. Bolt has
 * no option for a step there, so this overrides `requestHandler`, the one
 * method its router calls after verifying, and then hands over to it.
 */
import { ExpressReceiver, type ExpressReceiverOptions } from "@slack/bolt";
import { type Express, type Request, type Response, Router } from "express";
import type { Logger } from "../../log.ts";
import { SLACK_BODY_LIMIT, slackIntake } from "./intake.ts";
import { checkBody } from "./payloads.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

class CheckedExpressReceiver extends ExpressReceiver {
  constructor(
    options: ExpressReceiverOptions,
    private readonly log: Logger,
  ) {
    super(options);
  }

  override async requestHandler(req: Request, res: Response): Promise<void> {
    const verdict = checkBody(req.body);
    if (verdict.kind === "dispatch") return super.requestHandler(req, res);
    if (verdict.kind === "refuse") {
      this.log.warn("slack request refused", { status: 400, reason: verdict.reason });
      res.status(400).json({ error: verdict.reason });
      return;
    }
    // A malformed event is worth a look; a payload type we do not handle is routine.
    const level = verdict.reason === "malformed event" ? "warn" : "debug";
    this.log[level]("slack payload ignored", { reason: verdict.reason });
    res.status(200).end();
  }
}

export interface HttpReceiverOptions {
  signingSecret: string;
  /** The product's logger, for the lines this adds. */
  logger: Logger;
  /** Bolt's logger (bolt-logger.ts). */
  boltLogger: NonNullable<ExpressReceiverOptions["logger"]>;
  /** The shared server: the Slack route is added to it where `mount` is called. */
  server: Express;
  maxBytes?: number;
  maxConcurrent?: number;
}

/** Mounts the intake and Bolt's receiver on `server`; give the receiver to Bolt's `App`. */
export function mountHttpReceiver(options: HttpReceiverOptions): ExpressReceiver {
  const router = Router();
  router.post(
    SLACK_EVENTS_PATH,
    slackIntake({
      logger: options.logger,
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      ...(options.maxConcurrent ? { maxConcurrent: options.maxConcurrent } : {}),
    }),
  );
  return new CheckedExpressReceiver(
    {
      signingSecret: options.signingSecret,
      logger: options.boltLogger,
      endpoints: SLACK_EVENTS_PATH,
      // Bolt adds its route to this router (after the intake) and the router to the server.
      router,
      app: options.server,
      // Acknowledge first: events are answered through the Web API after Slack has its 200;
      // a command's answer rides in its ack body, sent the moment the listener acks.
      processBeforeResponse: false,
      bodyLimit: options.maxBytes ?? SLACK_BODY_LIMIT,
    },
    options.logger,
  );
}
