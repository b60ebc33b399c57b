/**
 * The JSON API: `GET /api/ask?q=...` answers with the contract's reply object,
 * the same as one line of `aifirst ask --json`. Questions are asked through
 * the assistant as surface "api", with the client's address as the asker, so
 * they are recorded like any other surface's.
 */
import type { Express } from "express";
import { toJson } from "../../answer/reply.ts";
import { logReply } from "../../log.ts";
import { checkQueryQuestion } from "../../server/question.ts";
import type { Surface, SurfaceContext } from "../../server/surface.ts";
import { webCaller } from "../../server/web-caller.ts";

export function apiSurface(ctx: Pick<SurfaceContext, "assistant" | "logger">): Surface {
  const { assistant, logger } = ctx;
  return {
    description: "GET /api/ask?q=...",
    mount(app: Express) {
      app.get("/api/ask", (req, res) => {
        const q = checkQueryQuestion(req, "/api/ask?q=step%203");
        if (!q.ok) {
          res.status(400).json({ error: q.error });
          return;
        }
        const { reply } = assistant.ask(q.text, { surface: "api", user: webCaller(req) });
        logReply(logger, "api", reply);
        res.json(toJson(reply));
      });
    },
  };
}
