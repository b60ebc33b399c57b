/**
 * 👍 / 👎 and suggestion clicks, signed, through the real Bolt stack: what
 * the assistant records, and what the user then sees in the message (the
 * fake Slack records the redrawn message, through chat.update or the
 * response_url).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buttons,
  type ClickedMessage,
  clickUnderVisible,
  eventCallback,
  fixture,
  type Harness,
  recordingRecorder,
  sendAction,
  sendCommand,
  sendEvent,
  startHarness,
  visibleText,
} from "./helpers/harness.ts";

type Message = { text?: string; blocks?: unknown[] };

const recorder = recordingRecorder();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ recorder });
  await h.surface.ready();
});
afterAll(() => h.close());

const STEVE = "U2147483697";
const ANNA = "U0ANNA0001";

async function command(text: string): Promise<Message> {
  const res = await sendCommand(h, text);
  expect(res.status).toBe(200);
  return (await res.json()) as Message;
}

function voteButton(message: Message, label: "👍" | "👎") {
  const found = buttons(message).find((b) => b.label === label);
  if (!found) throw new Error(`no ${label} button`);
  return found;
}

/** A click on `button` under a private reply (Slack sends no copy of the message). */
function privateClick(button: { action_id: string; value: string }, responseId: string) {
  const payload = fixture("block-actions.json");
  payload.response_url = h.fake.responseUrl(responseId);
  payload.actions = [{ type: "button", block_id: "b1", ...button }];
  return payload;
}

/** The line under the vote buttons, as the user reads it. */
function votesLine(message: { blocks?: unknown }): string | undefined {
  const block = (message.blocks as Array<Record<string, unknown>> | undefined)?.find(
    (b) => b.block_id === "aifirst_votes_taken",
  );
  return (block?.elements as Array<{ text: string }> | undefined)?.[0]?.text;
}

describe("votes on a private answer", () => {
  it("records 👍 with the reply id and the voter, and shows the vote in the message", async () => {
    const reply = await command("how do we measure ai kpis");
    const up = voteButton(reply, "👍");
    const { id } = JSON.parse(up.value) as { id: string };
    expect(recorder.replies.at(-1)).toEqual({ id, user: STEVE });

    expect((await sendAction(h, privateClick(up, "vote-1"))).status).toBe(200);
    const redrawn = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "vote-1"));
    expect(recorder.feedback.calls.at(-1)).toEqual({ input: { id, helpful: true }, user: STEVE });
    expect(redrawn.body).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(votesLine(redrawn.body)).toBe(`👍 <@${STEVE}>`);
    // The answer is still there, and the buttons, to change one's mind.
    expect(visibleText(redrawn.body)).toContain(
      "*How can AI engineering KPIs be effectively measured?*",
    );
    expect(buttons(redrawn.body).map((b) => b.label)).toEqual(
      expect.arrayContaining(["👍", "👎", "Share in channel"]),
    );

    // Changing one's mind: 👎 on the redrawn message replaces the 👍.
    const down = voteButton(redrawn.body, "👎");
    expect(JSON.parse(down.value).id).toBe(id);
    await sendAction(h, privateClick(down, "vote-2"));
    const changed = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "vote-2"));
    expect(recorder.feedback.calls.at(-1)).toEqual({ input: { id, helpful: false }, user: STEVE });
    expect(votesLine(changed.body)).toBe(`👎 <@${STEVE}>`);
  });

  it("tells the user politely when the answer is too old to take votes", async () => {
    const stale = { action_id: "aifirst_vote_helpful", value: JSON.stringify({ id: "gone" }) };
    await sendAction(h, privateClick(stale, "vote-old"));
    const told = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "vote-old"));
    expect(told.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(told.body.text)).toMatch(/too old/);
  });

  it("offers no votes on help, a list, or a not-sure reply, nor Share on help or not sure", async () => {
    for (const text of ["help", "steps", "what is the meaning of life"]) {
      const labels = buttons(await command(text)).map((b) => b.label);
      expect(labels, text).not.toContain("👍");
      if (text !== "steps") expect(labels, text).not.toContain("Share in channel");
    }
  });
});

describe("sharing a private answer", () => {
  it("posts it under the same reply id: nothing new is recorded, and the channel's votes count for it", async () => {
    const reply = await command("how do we measure ai kpis");
    const { id } = JSON.parse(voteButton(reply, "👍").value) as { id: string };
    const share = buttons(reply).find((b) => b.label === "Share in channel");
    if (!share) throw new Error("no Share button");
    const recorded = recorder.replies.length;

    await sendAction(h, privateClick(share, "share-votes"));
    const posted = await h.fake.waitFor(() =>
      h.fake.responses.find((r) => r.id === "share-votes" && r.body.response_type === "in_channel"),
    );
    expect(visibleText(posted.body)).toContain(
      "*How can AI engineering KPIs be effectively measured?*",
    );
    expect(recorder.replies.length).toBe(recorded);
    const up = voteButton(posted.body, "👍");
    expect(JSON.parse(up.value).id).toBe(id);
  });

  it("asks again, recorded, when the content changed the answer since it was given", async () => {
    const recorded = recorder.replies.length;
    // As drawn before a reload, when this question was answered by another FAQ.
    const value = JSON.stringify({
      ask: "how do we measure ai kpis",
      id: "reply-before-reload",
      was: "What was the answer before the reload?",
    });
    await sendAction(h, privateClick({ action_id: "aifirst_share", value }, "share-reloaded"));
    const posted = await h.fake.waitFor(() =>
      h.fake.responses.find(
        (r) => r.id === "share-reloaded" && r.body.response_type === "in_channel",
      ),
    );
    expect(visibleText(posted.body)).toContain(
      "*How can AI engineering KPIs be effectively measured?*",
    );
    expect(recorder.replies.length).toBe(recorded + 1);
    expect(JSON.parse(voteButton(posted.body, "👍").value).id).toBe(recorder.replies.at(-1)?.id);
  });

  it("asks again, recorded, from a Share button drawn before buttons carried the id", async () => {
    const recorded = recorder.replies.length;
    const old = { action_id: "aifirst_share", value: "how do we measure ai kpis" };
    await sendAction(h, privateClick(old, "share-old"));
    const posted = await h.fake.waitFor(() =>
      h.fake.responses.find((r) => r.id === "share-old" && r.body.response_type === "in_channel"),
    );
    expect(visibleText(posted.body)).toContain(
      "*How can AI engineering KPIs be effectively measured?*",
    );
    expect(recorder.replies.length).toBe(recorded + 1);
  });
});

describe("votes on a visible answer", () => {
  it("lists each person's vote under the buttons, a second vote replacing the first", async () => {
    const before = h.fake.callsTo("chat.postMessage").length;
    await sendEvent(h, eventCallback(fixture("app-mention.json"), "EvVote000001"));
    const posted = await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[before]);
    const message: ClickedMessage = {
      channel: "C0001",
      ts: "1700000900.1",
      ...posted.body,
    };
    const up = voteButton(posted.body, "👍");
    const down = voteButton(posted.body, "👎");
    const { id } = JSON.parse(up.value) as { id: string };

    const updates = () => h.fake.callsTo("chat.update");
    const vote = async (user: string, button: typeof up) => {
      const n = updates().length;
      await sendAction(
        h,
        clickUnderVisible(
          message,
          { ...button, block_id: "aifirst_votes" },
          { user, responseUrl: h.fake.responseUrl(`v-${user}-${n}`) },
        ),
      );
      const update = await h.fake.waitFor(() => updates()[n]);
      Object.assign(message, { blocks: update.body.blocks, text: update.body.text });
      return update;
    };

    const first = await vote(STEVE, up);
    expect(first.body).toMatchObject({ channel: "C0001", ts: "1700000900.1" });
    expect(votesLine(first.body)).toBe(`👍 <@${STEVE}>`);
    expect(visibleText(first.body)).toContain(
      "How can AI engineering KPIs be effectively measured?",
    );

    expect(votesLine((await vote(ANNA, down)).body)).toBe(`👍 <@${STEVE}> · 👎 <@${ANNA}>`);
    expect(votesLine((await vote(STEVE, down)).body)).toBe(`👎 <@${STEVE}> · 👎 <@${ANNA}>`);
    expect(recorder.feedback.calls.slice(-3)).toEqual([
      { input: { id, helpful: true }, user: STEVE },
      { input: { id, helpful: false }, user: ANNA },
      { input: { id, helpful: false }, user: STEVE },
    ]);
    // Exactly one votes line, right under the buttons.
    const blocks = message.blocks as Array<{ block_id?: string }>;
    const row = blocks.findIndex((b) => b.block_id === "aifirst_votes");
    expect(blocks[row + 1]?.block_id).toBe("aifirst_votes_taken");
    expect(blocks.filter((b) => b.block_id === "aifirst_votes_taken")).toHaveLength(1);
  });
});

describe("suggestions", () => {
  it("record the choice against the reply they were offered under, then answer it", async () => {
    const reply = await command("what is the meaning of life");
    const suggestion = buttons(reply).find((b) => b.action_id.startsWith("aifirst_ask_s_"));
    if (!suggestion) throw new Error("no suggestion");
    const value = JSON.parse(suggestion.value) as { id: string; ask: string };
    expect(value.ask).toBe(suggestion.label);
    expect(recorder.replies.some((r) => r.id === value.id)).toBe(true);

    await sendAction(h, privateClick(suggestion, "chose-1"));
    const answered = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "chose-1"));
    expect(recorder.feedback.calls).toContainEqual({
      input: { id: value.id, chose: suggestion.label },
      user: STEVE,
    });
    expect(visibleText(answered.body)).toContain(`*${suggestion.label}*`);
  });

  it("ask a step offered as a suggestion by number, and record it chosen by its label", async () => {
    const reply = await command("which stakeholders need to be bought in for the ai push?");
    const label = "Step 7: Foster a Culture of Change";
    const suggestion = buttons(reply).find((b) => b.label === label);
    if (!suggestion) throw new Error("no step suggestion");
    const value = JSON.parse(suggestion.value) as { id: string; ask: string; chose: string };
    expect(value).toMatchObject({ ask: "step 7", chose: label });

    await sendAction(h, privateClick(suggestion, "chose-step"));
    const answered = await h.fake.waitFor(() =>
      h.fake.responses.find((r) => r.id === "chose-step"),
    );
    expect(recorder.feedback.calls).toContainEqual({
      input: { id: value.id, chose: label },
      user: STEVE,
    });
    expect(visibleText(answered.body)).toContain(`*${label}*`);
  });

  it("still answer a button drawn before values were JSON (the bare question)", async () => {
    const old = { action_id: "aifirst_ask_s_0", value: "step 6" };
    await sendAction(h, privateClick(old, "old-button"));
    const answered = await h.fake.waitFor(() =>
      h.fake.responses.find((r) => r.id === "old-button"),
    );
    expect(visibleText(answered.body)).toContain("Step 6: Set KPIs and Monitor Progress");
  });
});
