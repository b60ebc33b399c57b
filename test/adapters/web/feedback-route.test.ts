import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackSurface } from "../../../src/adapters/web/feedback-route.ts";
import {
  type Asker,
  type Assistant,
  createAssistant,
  type FeedbackInput,
  memoryRecorder,
  type Recorder,
} from "../../../src/assistant.ts";
import { parseConfig } from "../../../src/config.ts";
import { startTestServer, type TestServer } from "../../support/server.ts";

/** The in-memory recorder, keeping every feedback it was given, as a store would. */
function keepingRecorder(): Recorder & { taken: Array<[FeedbackInput, Asker]> } {
  const inner = memoryRecorder();
  const taken: Array<[FeedbackInput, Asker]> = [];
  return {
    taken,
    record: (reply, asker) => inner.record(reply, asker),
    async feedback(input, asker) {
      const result = await inner.feedback(input, asker);
      if (result === "recorded") taken.push([input, asker]);
      return result;
    },
  };
}

let server: TestServer;
let assistant: Assistant;
const recorder = keepingRecorder();

beforeAll(async () => {
  server = await startTestServer({
    surfaces: (bot, logger) => {
      assistant = createAssistant(bot, recorder);
      return [feedbackSurface({ config: parseConfig({}), bot, assistant, logger })];
    },
  });
});
afterAll(() => server.close());

const post = (body: string, contentType = "application/json") =>
  fetch(`${server.base}/api/feedback`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
  });

/** A reply the server has seen, as a surface would have asked it. */
const askedId = () =>
  assistant.ask("how do we measure ai kpis", { surface: "playground", user: null }).reply.id;

/** A reply that was not sure, so it suggested questions. */
const unsureReply = () =>
  assistant.ask("what should we do about lunch", { surface: "playground", user: null }).reply;

describe("POST /api/feedback", () => {
  it("takes a 👍 on a known reply with 204 and no body, naming the client by its address", async () => {
    const id = askedId();
    const res = await post(JSON.stringify({ id, helpful: true }));
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(recorder.taken.at(-1)).toEqual([
      { id, helpful: true },
      { surface: "api", user: "127.0.0.1" },
    ]);
  });

  it("takes a 👎 and a chosen suggestion the same way", async () => {
    const { id, suggestions } = unsureReply();
    expect((await post(JSON.stringify({ id, helpful: false }))).status).toBe(204);
    expect(recorder.taken.at(-1)?.[0]).toEqual({ id, helpful: false });
    const chose = suggestions[1];
    expect(chose).toMatch(/\?$/);
    expect((await post(JSON.stringify({ id, chose }))).status).toBe(204);
    expect(recorder.taken.at(-1)?.[0]).toEqual({ id, chose });
  });

  it("answers 400 to a chosen question the reply did not suggest, and takes nothing", async () => {
    const before = recorder.taken.length;
    for (const { id, chose } of [
      { id: unsureReply().id, chose: "How do I get a raise?" },
      // A sure answer suggests nothing.
      { id: askedId(), chose: "What is an AI-first engineering organization?" },
    ]) {
      const res = await post(JSON.stringify({ id, chose }));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe("chose: that reply did not suggest this question");
    }
    expect(recorder.taken.length).toBe(before);
  });

  it("answers 404 with a JSON error for a reply it does not know", async () => {
    const before = recorder.taken.length;
    const res = await post(JSON.stringify({ id: "no-such-reply", helpful: true }));
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/no reply with that id/);
    expect(recorder.taken.length).toBe(before);
  });

  it.each([
    ["malformed JSON", '{"id": ', /malformed JSON/],
    ["a JSON array", "[1]", /expected a JSON object/],
    ["a JSON string", '"hello"', /expected a JSON object|malformed JSON/],
    ["an empty object", "{}", /id/],
    ["an empty id", '{"id": "", "helpful": true}', /id is empty/],
    ["a blank id", '{"id": "   ", "helpful": true}', /id is empty/],
    ["a numeric id", '{"id": 7, "helpful": true}', /id must be/],
    [
      "an id of 500 characters",
      JSON.stringify({ id: "x".repeat(500), helpful: true }),
      /id is longer/,
    ],
    ["neither helpful nor chose", '{"id": "r1"}', /either helpful or chose/],
    [
      "both helpful and chose",
      '{"id": "r1", "helpful": true, "chose": "step 3"}',
      /either helpful or chose/,
    ],
    ["helpful as text", '{"id": "r1", "helpful": "yes"}', /helpful must be true or false/],
    ["helpful as a number", '{"id": "r1", "helpful": 1}', /helpful must be true or false/],
    ["chose as a list", '{"id": "r1", "chose": ["a"]}', /chose must be/],
    ["an empty chose", '{"id": "r1", "chose": ""}', /chose is empty/],
    ["an unknown field", '{"id": "r1", "helpful": true, "user": "U1"}', /user/],
  ])("refuses %s with 400 and a JSON error", async (_name, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const { error } = await res.json();
    expect(error).toMatch(message);
    expect(error).not.toMatch(/\bat \w+ \(|node_modules/);
  });

  it("refuses a body of many kB with 413 before reading it as feedback", async () => {
    const res = await post(JSON.stringify({ id: "r1", chose: "x".repeat(20_000) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/too large/);
  });

  it("refuses a body that is not JSON rather than guessing", async () => {
    const res = await post("id=r1&helpful=true", "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/expected a JSON object/);
  });

  it("answers only POST", async () => {
    const res = await fetch(`${server.base}/api/feedback`);
    expect(res.status).toBe(404);
  });
});
