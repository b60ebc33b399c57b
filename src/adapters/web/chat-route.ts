/**
 * The playground's one JSON endpoint: the reply in the contract's shape plus
 * the view the page renders. `GET /api/chat?q=` follows `/api/ask`'s rules;
 * the page itself uses `POST` with `{"q": "..."}`, which keeps what people
 * type out of URLs, browser history and proxy logs.
 */
import type { Request, RequestHandler, Response } from "express";
import type { Bot } from "../../answer/bot.ts";
import { toJson } from "../../answer/reply.ts";
import { type Logger, logReply } from "../../log.ts";
import { checkQueryQuestion, checkQuestion } from "../../server/question.ts";
import { sendJson } from "../../server/send.ts";

/** A question is at most 2,000 characters; JSON escapes can make that ~12 kB. */
export const CHAT_BODY_LIMIT = "16kb";

export function chatHandler(bot: Bot, logger: Logger): RequestHandler {
  return (req: Request, res: Response) => {
    const q =
      req.method === "POST"
        ? checkQuestion(bodyQuestion(req.body), '{"q": "step 3"}')
        : checkQueryQuestion(req, "/api/chat?q=step%203");
    if (!q.ok) {
      sendJson(res, 400, { error: q.error });
      return;
    }
    const { reply, view } = bot.ask(q.text);
    logReply(logger, "playground", reply);
    sendJson(res, 200, { reply: toJson(reply), view });
  };
}

function bodyQuestion(body: unknown): unknown {
  return body && typeof body === "object" && "q" in body ? body.q : undefined;
}
