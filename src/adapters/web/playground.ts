/**
 * The playground surface: a chat page at `/`, its files under `/assets/`,
 * and `/api/chat` for the page to ask through. Needs no credentials, so it is
 * always on.
 */
import type { Express, Response } from "express";
import { jsonBody } from "../../server/middleware.ts";
import type { Surface, SurfaceContext } from "../../server/surface.ts";
import { type Asset, fillPage, loadAssets, versionPage } from "./assets.ts";
import { CHAT_BODY_LIMIT, chatHandler } from "./chat-route.ts";
import { setSecurityHeaders } from "./headers.ts";

export interface PlaygroundOptions {
  /** Folder of the page's files; default the `public/` folder beside this module. */
  publicDir?: string;
}

export function playgroundSurface(ctx: SurfaceContext, options: PlaygroundOptions = {}): Surface {
  const assets = loadAssets(options.publicDir);
  const index = assets.get("index.html");
  if (!index) throw new Error(`aifirst: the playground's index.html is missing`);
  const page = versionPage(fillPage(index, { botName: ctx.config.botName }), assets);
  return {
    description: "the playground at GET / (no credentials needed)",
    mount(app: Express) {
      app.get("/", (_req, res) => sendAsset(res, page, "no-cache"));
      app.get("/assets/:name", (req, res, next) => {
        const asset = assets.get(req.params.name);
        if (!asset || asset.name === "index.html") {
          next();
          return;
        }
        // Versioned links change with the content, so a matching one never goes stale.
        const versioned = req.query.v === asset.hash;
        sendAsset(res, asset, versioned ? "public, max-age=31536000, immutable" : "no-cache");
      });
      const chat = chatHandler(ctx);
      app.get("/api/chat", chat);
      app.post("/api/chat", jsonBody(CHAT_BODY_LIMIT), chat);
    },
  };
}

function sendAsset(res: Response, asset: Asset, cacheControl: string): void {
  setSecurityHeaders(res);
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("ETag", `"${asset.hash}"`);
  res.type(asset.type);
  // res.send answers 304 itself when the request's If-None-Match matches the ETag.
  res.send(asset.body);
}
