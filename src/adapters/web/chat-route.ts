/**
 * The playground's one JSON endpoint: the reply in the contract's shape plus
 * the view the page renders. `GET /api/chat?q=` follows `/api/ask`'s rules;
 * the page itself uses `POST` with `{"q": "..."}`, which keeps what people
 * type out of URLs, browser history and proxy logs. Questions go through the
 * assistant as surface "playground", so they are recorded; the page's own opening requests
 * (`"opening": true`, commands only) are not.
 */
import type { Request, RequestHandler, Response } from "express";
import { toJson } from "../../answer/reply.ts";
import { logReply } from "../../log.ts";
import { checkQueryQuestion, checkQuestion } from "../../server/question.ts";
import type { SurfaceContext } from "../../server/surface.ts";
import { webCaller } from "../../server/web-caller.ts";

/** A question is at most 2,000 characters; JSON escapes can make that ~12 kB. */
export const CHAT_BODY_LIMIT = "16kb";

export function chatHandler(ctx: Pick<SurfaceContext, "assistant" | "logger">): RequestHandler {
  const { assistant, logger } = ctx;
  return (req: Request, res: Response) => {
    const q =
      req.method === "POST"
        ? checkQuestion(bodyQuestion(req.body), '{"q": "step 3"}')
        : checkQueryQuestion(req, "/api/chat?q=step%203");
    if (!q.ok) {
      res.status(400).json({ error: q.error });
      return;
    }
    // What the page asks of itself as it opens (the steps, the greeting) is nobody's question:
    // a command so marked is answered without being recorded. A question is always recorded.
    const opening = req.method === "POST" && isOpening(req.body);
    const { reply, view } = assistant.ask(
      q.text,
      { surface: "playground", user: webCaller(req) },
      opening ? (r) => r.read !== "command" : undefined,
    );
    logReply(logger, "playground", reply);
    res.json({ reply: toJson(reply), view });
  };
}

function isOpening(body: unknown): boolean {
  return !!body && typeof body === "object" && "opening" in body && body.opening === true;
}

function bodyQuestion(body: unknown): unknown {
  return body && typeof body === "object" && "q" in body ? body.q : undefined;
}
