import { describe, expect, it } from "vitest";
import type { TeamsTurn } from "../../../src/adapters/teams/contract.ts";
import { messageText, readTurn } from "../../../src/adapters/teams/receive.ts";

const BOT = "28:bot";

function turn(overrides: Partial<TeamsTurn>): TeamsTurn {
  return {
    type: "message",
    conversationType: "channel",
    text: "",
    value: undefined,
    botId: BOT,
    mentions: [],
    membersAdded: [],
    ...overrides,
  };
}

describe("reading a Teams message", () => {
  it("removes the bot's own mention, wherever it is", () => {
    const mention = { id: BOT, text: "<at>FAQ Bot</at>" };
    expect(messageText(turn({ text: "<at>FAQ Bot</at> what is mlops", mentions: [mention] }))).toBe(
      "what is mlops",
    );
    expect(
      messageText(turn({ text: "what is mlops, <at>FAQ Bot</at>?", mentions: [mention] })),
    ).toBe("what is mlops, ?");
  });

  it("removes a leading bot mention in a channel even without its entity", () => {
    expect(messageText(turn({ text: "<at>FAQ Bot</at>&nbsp;step 3" }))).toBe("step 3");
  });

  it("leaves unknown entities, including object member names, as typed", () => {
    expect(messageText(turn({ text: "a &constructor; b &toString; c &amp; d" }))).toBe(
      "a &constructor; b &toString; c & d",
    );
  });

  it("keeps other people's names but not their mention tags", () => {
    const text = "<at>FAQ Bot</at> what should <at>Dana Reyes</at> own";
    const mentions = [
      { id: BOT, text: "<at>FAQ Bot</at>" },
      { id: "29:dana", text: "<at>Dana Reyes</at>" },
    ];
    expect(messageText(turn({ text, mentions }))).toBe("what should Dana Reyes own");
  });

  it("leaves a personal chat's text alone apart from markup", () => {
    expect(
      messageText(turn({ conversationType: "personal", text: "  R&amp;D &lt;roadmap&gt; " })),
    ).toBe("R&D <roadmap>");
  });

  it("takes a button's question over the message text", () => {
    expect(readTurn(turn({ text: "step 3", value: { ask: "steps" } }))).toEqual({
      kind: "ask",
      text: "steps",
      via: "button",
    });
    expect(readTurn(turn({ text: "step 3", value: { other: 1 } }))).toEqual({
      kind: "ask",
      text: "step 3",
      via: "message",
    });
  });

  it("welcomes only when the bot itself is added", () => {
    expect(readTurn(turn({ type: "conversationUpdate", membersAdded: [BOT] }))).toEqual({
      kind: "welcome",
    });
    expect(readTurn(turn({ type: "conversationUpdate", membersAdded: ["29:someone"] }))).toEqual({
      kind: "ignore",
    });
    expect(readTurn(turn({ type: "messageReaction" }))).toEqual({ kind: "ignore" });
  });
});
