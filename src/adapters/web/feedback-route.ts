/**
 * `POST /api/feedback`: a 👍 / 👎 on a reply, or the suggestion chosen after
 * it, by the reply's id. Part of the JSON API, so it is its own surface and
 * stays on when the playground is off; the playground is its first client.
 */
import express, { type Request, type Response, type Router } from "express";
import { z } from "zod/v4";
import type { Asker, Assistant, FeedbackInput } from "../../assistant.ts";
import type { Logger } from "../../log.ts";
import { jsonBody } from "../../server/middleware.ts";
import type { Surface, SurfaceContext } from "../../server/surface.ts";
import { webCaller } from "../../server/web-caller.ts";

/** `{"id", "chose"}` with a whole question (2,000 characters) fits; anything larger is 413. */
const FEEDBACK_BODY_LIMIT = "4kb";

/** Reply ids are UUIDs; the bound only keeps nonsense out of logs and the store. */
const MAX_ID_LENGTH = 100;
/** A suggestion is a question, so the engine's own limit. */
const MAX_CHOSEN_LENGTH = 2_000;

const EXAMPLE =
  '{"id": "<reply id>", "helpful": true} or {"id": "<reply id>", "chose": "<question>"}';

const feedbackSchema = z
  .strictObject({
    id: z
      .string({ error: "id must be the reply's id, as text" })
      .trim()
      .min(1, "id is empty")
      .max(MAX_ID_LENGTH, `id is longer than ${MAX_ID_LENGTH} characters`),
    helpful: z.boolean({ error: "helpful must be true or false" }).optional(),
    chose: z
      .string({ error: "chose must be the suggested question, as text" })
      .trim()
      .min(1, "chose is empty")
      .max(MAX_CHOSEN_LENGTH, `chose is longer than ${MAX_CHOSEN_LENGTH} characters`)
      .optional(),
  })
  .refine((f) => (f.helpful === undefined) !== (f.chose === undefined), {
    error: "give either helpful or chose, not both and not neither",
  })
  .transform(
    (f): FeedbackInput =>
      f.chose !== undefined
        ? { id: f.id, chose: f.chose }
        : { id: f.id, helpful: f.helpful === true },
  );

type FeedbackCheck = { ok: true; input: FeedbackInput } | { ok: false; error: string };

/** Reads a parsed JSON body as feedback, or says in one line what is wrong with it. */
function checkFeedback(body: unknown): FeedbackCheck {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, error: `expected a JSON object: ${EXAMPLE}` };
  }
  const result = feedbackSchema.safeParse(body);
  if (result.success) return { ok: true, input: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return {
    ok: false,
    error: `${where}${issue?.message ?? "malformed feedback"}; expected ${EXAMPLE}`,
  };
}

function feedbackRouter(assistant: Assistant, logger: Logger): Router {
  const router = express.Router();
  router.post(
    "/api/feedback",
    jsonBody(FEEDBACK_BODY_LIMIT),
    async (req: Request, res: Response) => {
      res.setHeader("Cache-Control", "no-store");
      const check = checkFeedback(req.body);
      if (!check.ok) {
        res.status(400).json({ error: check.error });
        return;
      }
      // Anyone on the API may vote: the client's address is all we know of them (hashed downstream).
      const asker: Asker = { surface: "api", user: webCaller(req) };
      try {
        const result = await assistant.feedback(check.input, asker);
        if (result === "unknown") {
          res
            .status(404)
            .json({ error: "no reply with that id: it may be too old, or from before a restart" });
          return;
        }
        if (result === "not-offered") {
          res.status(400).json({ error: "chose: that reply did not suggest this question" });
          return;
        }
        res.status(204).end();
      } catch (error) {
        logger.error("feedback failed", { error });
        res.status(503).json({ error: "feedback could not be recorded just now; try again later" });
      }
    },
  );
  return router;
}

export function feedbackSurface(ctx: SurfaceContext): Surface {
  const router = feedbackRouter(ctx.assistant, ctx.logger);
  return {
    description: "POST /api/feedback (votes and chosen suggestions on replies)",
    mount(app) {
      app.use(router);
    },
  };
}
