import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSurface } from "../../src/adapters/api/api-surface.ts";
import { playgroundSurface } from "../../src/adapters/web/playground.ts";
import type { Reply } from "../../src/answer/reply.ts";
import { type Asker, createAssistant, type Recorder } from "../../src/assistant.ts";
import { parseConfig } from "../../src/config.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

/** Every reply recorded, with who asked. */
const recorded: Array<{ reply: Reply; asker: Asker }> = [];
const recorder: Recorder = {
  record: (reply, asker) => recorded.push({ reply, asker }),
  feedback: async () => "unknown",
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    surfaces: (bot, logger) => {
      const assistant = createAssistant(bot, recorder);
      const ctx = { config: parseConfig({}), bot, assistant, logger };
      return [apiSurface(ctx), playgroundSurface(ctx)];
    },
  });
});
afterAll(() => server.close());

describe("questions over HTTP are asked through the assistant", () => {
  it("records /api/ask as surface api, with the client's address", async () => {
    recorded.length = 0;
    const body = await (await fetch(`${server.base}/api/ask?q=step%203`)).json();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.asker).toEqual({ surface: "api", user: "127.0.0.1" });
    expect(recorded[0]?.reply.id).toBe(body.id);
  });

  it("records the playground's /api/chat as surface playground", async () => {
    recorded.length = 0;
    const res = await fetch(`${server.base}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ q: "how do we measure ai kpis" }),
    });
    const body = await res.json();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.asker).toEqual({ surface: "playground", user: "127.0.0.1" });
    expect(recorded[0]?.reply.id).toBe(body.reply.id);
  });

  it("records nothing the page asks of itself as it opens, but a question however it is sent", async () => {
    recorded.length = 0;
    const chat = (body: object) =>
      fetch(`${server.base}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const steps = await chat({ q: "steps", opening: true });
    expect(steps.status).toBe(200);
    expect((await steps.json()).reply.kind).toBe("steps");
    expect((await chat({ q: "help", opening: true })).status).toBe(200);
    expect(recorded).toHaveLength(0);
    // Marked so or not, a question is someone's: recorded.
    await chat({ q: "how do we measure ai kpis", opening: true });
    await chat({ q: "steps", opening: "yes" });
    expect(recorded.map((r) => r.reply.input)).toEqual(["how do we measure ai kpis", "steps"]);
  });

  it("records nothing for a refused question", async () => {
    recorded.length = 0;
    expect((await fetch(`${server.base}/api/ask?q=`)).status).toBe(400);
    expect(recorded).toHaveLength(0);
  });
});
