import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buttons,
  clickUnderVisible,
  fixture,
  type Harness,
  sendAction,
  sendCommand,
  startHarness,
  visibleText,
} from "./helpers/harness.ts";

type Message = { response_type?: string; text?: string; blocks?: unknown[] };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function command(text: string): Promise<Message> {
  const res = await sendCommand(h, text);
  expect(res.status).toBe(200);
  return (await res.json()) as Message;
}

describe("the slash command", () => {
  it("answers `step 3` privately with the step, in blocks and in the fallback text", async () => {
    const reply = await command("step 3");
    expect(reply.response_type).toBe("ephemeral");
    const seen = visibleText(reply);
    expect(seen).toContain("*Step 3: Structure Your Team*");
    expect(seen).toContain("centralized or decentralized AI team");
    expect(seen).toContain("From: Building an AI-First Engineering Organization");
    expect(reply.text).toContain("*Step 3: Structure Your Team*");
    expect(reply.text).toContain("centralized or decentralized AI team");
    // The answer rides in the acknowledgement: nothing was posted through the Web API.
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("answers a question with the FAQ and its matching playbook step", async () => {
    const reply = await command("how do we measure ai kpis");
    const seen = visibleText(reply);
    expect(seen).toContain("*How can AI engineering KPIs be effectively measured?*");
    expect(seen).toContain("establishing clear objectives");
    expect(seen).toContain("*Playbook step 6: Set KPIs and Monitor Progress*");
    expect(seen).toContain("Pick AI KPIs that match your goals.");
    expect(reply.text).toContain("Playbook step 6: Set KPIs and Monitor Progress");
  });

  it("shows usage for `help` and for an empty command", async () => {
    for (const text of ["help", "", "   "]) {
      const reply = await command(text);
      expect(visibleText(reply)).toContain("*How to ask me*");
      expect(visibleText(reply)).toContain("`step 3`");
    }
    // Nothing was asked, so there is nothing worth sharing.
    expect(buttons(await command("")).map((b) => b.label)).not.toContain("Share in channel");
  });

  it("offers the engine's suggestions as buttons that ask them", async () => {
    const reply = await command("help");
    expect(buttons(reply).map((b) => [b.label, JSON.parse(b.value).ask])).toContainEqual([
      "step 1",
      "step 1",
    ]);
  });

  it("never shows the user's <!channel> or <@U…> as live markup", async () => {
    // A not-sure reply quotes the question back as the user saw it, in text that cannot ping:
    // a word joiner after the "@" of a broadcast mention, and blocks Slack reads verbatim.
    const reply = await command("<!channel> & <@U999> what's for lunch?");
    const quoted = visibleText(reply);
    expect(quoted).toContain("@\u2060channel &amp; @U999 what's for lunch?");
    expect(reply.text).toContain("@\u2060channel");
    expect(JSON.stringify(reply.blocks)).not.toMatch(
      /"type":"mrkdwn","text":"[^"]*"(?!,"verbatim":true)/,
    );
    expect(quoted).not.toMatch(/<!channel>|<@U999>/);
    for (const text of ["<!channel> how do we measure ai kpis", "step 3 <!channel> & <@U999>"]) {
      const seen = visibleText(await command(text));
      expect(seen).not.toMatch(/<!channel>|<@U999>/);
    }
    // The share button carries the question as the user saw it, mentions as plain text.
    const text = "<!channel> how do we measure ai kpis";
    const share = buttons(await command(text)).find((b) => b.label === "Share in channel");
    expect(JSON.parse(share?.value ?? "{}").ask).toBe("@channel how do we measure ai kpis");
  });

  it("labels each step's Ask button with its step, for screen readers", async () => {
    const reply = await command("steps");
    const asks = JSON.stringify(reply.blocks).match(/"accessibility_label":"[^"]*"/g) ?? [];
    expect(asks).toHaveLength(7);
    expect(asks[2]).toBe('"accessibility_label":"Ask step 3: Structure Your Team"');
    expect(new Set(asks).size).toBe(7);
  });

  it("answers an over-long question with a clear reply, not an error", async () => {
    const reply = await command("why ".repeat(700));
    expect(visibleText(reply)).toContain("That message is too long");
  });

  it("logs one structured line per reply, without tokens or secrets", async () => {
    await command("step 2");
    const line = await h.fake.waitFor(() =>
      h.logs.find((l) => l.msg === "reply" && l.kind === "step"),
    );
    expect(line).toMatchObject({
      surface: "slack",
      via: "command",
      kind: "step",
      playbook: "building-an-ai-first-engineering-organization",
      confidence: 1,
    });
    const all = h.rawLogs.join("\n");
    expect(all).not.toContain("xoxb-");
    expect(all).not.toContain("8f742231b10e8888abcd99yyyzzz85a5");
  });
});

describe("the reply's buttons", () => {
  it("Share in channel posts the same answer visibly through the response_url", async () => {
    const reply = await command("step 3");
    const share = buttons(reply).find((b) => b.label === "Share in channel");
    expect(share).toMatchObject({ action_id: "aifirst_share" });
    // A step has no votes, so no reply id to keep: the question alone.
    expect(JSON.parse(share?.value ?? "")).toEqual({ ask: "step 3" });
    const before = h.fake.responses.length;
    const payload = fixture("block-actions.json");
    payload.response_url = h.fake.responseUrl("share-1");
    payload.actions = [{ ...(payload.actions as object[])[0], value: share?.value }];
    expect((await sendAction(h, payload)).status).toBe(200);

    const posted = await h.fake.waitFor(() =>
      h.fake.responses.slice(before).find((r) => r.body.response_type === "in_channel"),
    );
    expect(posted.id).toBe("share-1");
    expect(visibleText(posted.body)).toContain("*Step 3: Structure Your Team*");
    expect(visibleText(posted.body)).toContain("Shared by <@U2147483697>");
    expect(posted.body.text).toContain("Structure Your Team");
    expect(posted.body.text).toMatch(/^Shared by <@U2147483697>\n/);
    // The shared copy has no share button of its own; the private copy is removed.
    expect(buttons(posted.body).map((b) => b.label)).not.toContain("Share in channel");
    await h.fake.waitFor(() =>
      h.fake.responses.slice(before).find((r) => r.body.delete_original === true),
    );
  });

  it("a suggestion button answers that question, replacing the private reply", async () => {
    const reply = await command("what is the meaning of life");
    expect(visibleText(reply)).toContain("I'm not sure I have an answer to that");
    expect(visibleText(reply)).toContain("*Answers I can give*");
    const suggestion = buttons(reply).find((b) => b.action_id.startsWith("aifirst_ask"));
    expect(suggestion?.label).toBe("What is an AI-first engineering organization?");

    const payload = fixture("block-actions.json");
    payload.response_url = h.fake.responseUrl("suggest-1");
    payload.actions = [
      {
        type: "button",
        action_id: suggestion?.action_id,
        value: suggestion?.value,
        block_id: "b1",
      },
    ];
    expect((await sendAction(h, payload)).status).toBe(200);
    const answered = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === "suggest-1"));
    expect(answered.body).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(visibleText(answered.body)).toContain("*What is an AI-first engineering organization?*");
    const share = buttons(answered.body).find((b) => b.label === "Share in channel");
    expect(JSON.parse(share?.value ?? "{}").ask).toBe(
      "What is an AI-first engineering organization?",
    );
  });

  it("a button under a visible reply answers in the same thread", async () => {
    const payload = clickUnderVisible(
      { channel: "C0001", ts: "1700000600.1", threadTs: "1700000100.000200" },
      { action_id: "aifirst_ask_s_0", value: "step 6" },
    );
    const before = h.fake.callsTo("chat.postMessage").length;
    await sendAction(h, payload);
    const posted = await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[before]);
    expect(posted.body).toMatchObject({ channel: "C0001", thread_ts: "1700000100.000200" });
    expect(visibleText(posted.body)).toContain("Step 6: Set KPIs and Monitor Progress");
    // Everyone in the thread sees who asked for it, in the blocks and the notification text.
    expect(visibleText(posted.body)).toContain("Asked by <@U2147483697>");
    expect(String(posted.body.text)).toMatch(/^Asked by <@U2147483697>\n/);
  });

  it("a button in a direct message answers there, without saying who asked", async () => {
    const payload = clickUnderVisible(
      { channel: "D0001", ts: "1700000620.1" },
      { action_id: "aifirst_ask_s_0", value: "step 4" },
    );
    const before = h.fake.callsTo("chat.postMessage").length;
    await sendAction(h, payload);
    const posted = await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[before]);
    expect(posted.body).toMatchObject({ channel: "D0001" });
    expect(visibleText(posted.body)).toContain("Step 4:");
    expect(visibleText(posted.body)).not.toContain("Asked by");
  });

  it("a button under a visible top-level answer starts a thread under it", async () => {
    const payload = clickUnderVisible(
      { channel: "C0001", ts: "1700000650.1" },
      { action_id: "aifirst_ask_s_0", value: "step 5" },
    );
    const before = h.fake.callsTo("chat.postMessage").length;
    await sendAction(h, payload);
    const posted = await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[before]);
    expect(posted.body).toMatchObject({ channel: "C0001", thread_ts: "1700000650.1" });
    expect(visibleText(posted.body)).toContain(
      "Step 5: Focus on AI Verifiability and Transparency",
    );
  });

  it("answers privately when the bot may not post in that channel", async () => {
    const payload = clickUnderVisible(
      { channel: "CNOTIN", ts: "1700000700.1" },
      { action_id: "aifirst_ask_s_1", value: "step 2" },
    );
    payload.response_url = h.fake.responseUrl("not-in-channel");
    await sendAction(h, payload);
    const answered = await h.fake.waitFor(() =>
      h.fake.responses.find((r) => r.id === "not-in-channel"),
    );
    expect(answered.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(visibleText(answered.body)).toContain("Step 2: Develop a Clear Roadmap");
  });
});
