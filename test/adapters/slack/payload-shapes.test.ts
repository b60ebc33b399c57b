/**
 * Payloads in the shapes Slack really sends (test/fixtures/slack/), replayed
 * signed through the real stack: which are answered, where, and which are
 * left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commandBody,
  eventCallback,
  fixture,
  type Harness,
  sendEvent,
  sendToSlackEndpoint,
  startHarness,
  visibleText,
} from "./helpers/harness.ts";

let h: Harness;
let nextId = 0;
const eventId = () => `EvShape${String(++nextId).padStart(6, "0")}`;

beforeAll(async () => {
  h = await startHarness();
  await h.surface.ready();
});
afterAll(() => h.close());

const posts = () => h.fake.callsTo("chat.postMessage");

/** Sends `body` and waits for the one post it causes. */
async function postFor(body: Record<string, unknown>) {
  const before = posts().length;
  expect((await sendEvent(h, body)).status).toBe(200);
  return h.fake.waitFor(() => posts()[before]);
}

/** Sends each body, then a sentinel DM; gives back the posts made for the bodies. */
async function postsFor(bodies: Array<Record<string, unknown>>) {
  const before = posts().length;
  for (const body of bodies) expect((await sendEvent(h, body)).status).toBe(200);
  const sentinel = await postFor(
    eventCallback({ ...fixture("message-im.json"), text: "step 7" }, eventId()),
  );
  expect(visibleText(sentinel.body)).toContain("Step 7:");
  return posts().slice(before, -1);
}

describe("edits", () => {
  it("does not answer an edited mention again (Slack redelivers it as a fresh app_mention)", async () => {
    const first = await postFor(eventCallback(fixture("app-mention.json"), eventId()));
    expect(visibleText(first.body)).toContain(
      "How can AI engineering KPIs be effectively measured?",
    );
    // Same message, edited: a new event_id and an `edited` field.
    expect(await postsFor([eventCallback(fixture("app-mention-edited.json"), eventId())])).toEqual(
      [],
    );
  });

  it("does not answer an edited DM (message_changed) or the edit of a mention in a thread", async () => {
    const inThread = { ...fixture("app-mention-edited.json"), thread_ts: "1700000001.5" };
    const made = await postsFor([
      eventCallback(fixture("message-im-edited.json"), eventId()),
      eventCallback(fixture("message-changed.json"), eventId()),
      eventCallback(inThread, eventId()),
    ]);
    expect(made).toEqual([]);
  });
});

describe("messages that carry more than text", () => {
  it("answers a DM with a file and a question, in the DM", async () => {
    const posted = await postFor(eventCallback(fixture("message-im-file-share.json"), eventId()));
    expect(posted.body.channel).toBe("D0001");
    expect(visibleText(posted.body)).toContain(
      "How can AI engineering KPIs be effectively measured?",
    );
  });

  it("leaves alone a file shared in a DM without a word", async () => {
    const bare = { ...fixture("message-im-file-share.json"), text: "", blocks: [] };
    expect(await postsFor([eventCallback(bare, eventId())])).toEqual([]);
  });

  it("answers a thread reply also sent to the channel, in that thread", async () => {
    const posted = await postFor(
      eventCallback(fixture("app-mention-thread-broadcast.json"), eventId()),
    );
    expect(posted.body).toMatchObject({ channel: "C0001", thread_ts: "1700000100.000200" });
    expect(visibleText(posted.body)).toContain("Step 2: Develop a Clear Roadmap");
  });

  it("reads a mention whose words are only in its rich_text blocks", async () => {
    const posted = await postFor(
      eventCallback(fixture("app-mention-rich-text-only.json"), eventId()),
    );
    expect(posted.body.thread_ts).toBe("1700000700.000100");
    expect(visibleText(posted.body)).toContain("Step 4:");
  });
});

describe("Enterprise Grid and Slack Connect", () => {
  it("answers a Grid member (W… user id) in the channel's thread", async () => {
    const posted = await postFor(fixture("event-callback-enterprise-grid.json"));
    expect(posted.body).toMatchObject({ channel: "C0001", thread_ts: "1700001000.000100" });
    expect(visibleText(posted.body)).toContain("Step 4:");
  });

  it("answers someone from another organisation in a shared channel", async () => {
    const posted = await postFor(fixture("event-callback-slack-connect.json"));
    expect(posted.body).toMatchObject({ channel: "C0SHARED", thread_ts: "1700001100.000200" });
    expect(visibleText(posted.body)).toContain("What is an AI-first engineering organization?");
  });
});

describe("a slash command with Slack's escaping on", () => {
  it("shows an escaped user or channel mention as the name the user typed", async () => {
    const { text } = fixture("slash-command-escaped.json") as { text: string };
    const res = await sendToSlackEndpoint(
      h.base,
      commandBody(text, h.fake),
      "application/x-www-form-urlencoded",
    );
    const seen = visibleText(await res.json());
    // A "not sure" reply quotes the question back.
    expect(seen).toContain("@steve #engineering zebra quokka");
    expect(seen).not.toMatch(/U0G9QF9C6|&lt;@|<@U0G9QF9C6/);
  });
});
