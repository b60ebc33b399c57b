import { describe, expect, it } from "vitest";
import type { TeamsTurn } from "../../../src/adapters/teams/contract.ts";
import { htmlToText } from "../../../src/adapters/teams/html-text.ts";
import { messageText, readTurn } from "../../../src/adapters/teams/receive.ts";

const BOT = "28:bot";

function turn(overrides: Partial<TeamsTurn>): TeamsTurn {
  return {
    type: "message",
    conversationType: "channel",
    isGroup: true,
    userId: "29:user",
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

  it("finds the bot's mention by its entity's id, whatever text it shows", () => {
    const entity = { id: BOT, text: "<at>Playbook Bot</at>", name: "Playbook Bot" };
    // Renamed since: the text shows the new name, the entity the old one; matched by place.
    expect(
      messageText(turn({ text: "what is mlops <at>SentryTest</at>", mentions: [entity] })),
    ).toBe("what is mlops");
    // An `@` typed inside, spaces as &nbsp;, other case: matched by name.
    const other = { id: "29:dana", text: "<at>Dana</at>" };
    expect(
      messageText(
        turn({
          text: "<at>Dana</at> asks <at>@playbook&nbsp;BOT</at> what is mlops",
          mentions: [other, entity],
        }),
      ),
    ).toBe("Dana asks what is mlops");
    // A client that sent the mention as plain words.
    expect(messageText(turn({ text: "what is mlops Playbook Bot", mentions: [entity] }))).toBe(
      "what is mlops",
    );
    expect(messageText(turn({ text: "@Playbook Bot what is mlops", mentions: [entity] }))).toBe(
      "what is mlops",
    );
    // Only the bot's: a name in the middle of the question stays.
    expect(messageText(turn({ text: "is Playbook Bot open source", mentions: [entity] }))).toBe(
      "is Playbook Bot open source",
    );
  });

  it("does not take someone else's leading mention for the bot's", () => {
    const text = "<at>Dana Reyes</at> owns the roadmap";
    const dana = { id: "29:dana", text: "<at>Dana Reyes</at>" };
    expect(messageText(turn({ text, mentions: [dana] }))).toBe("Dana Reyes owns the roadmap");
    // No entity at all in a group chat (even without a conversationType): the bot's.
    expect(messageText(turn({ conversationType: undefined, isGroup: true, text }))).toBe(
      "owns the roadmap",
    );
    expect(messageText(turn({ conversationType: "personal", isGroup: false, text }))).toBe(
      "Dana Reyes owns the roadmap",
    );
  });

  it("reads a vote and a suggestion click from a card's data", () => {
    expect(readTurn(turn({ value: { vote: "helpful", reply: "r1" } }))).toEqual({
      kind: "vote",
      reply: "r1",
      helpful: true,
    });
    expect(readTurn(turn({ value: { vote: "not_helpful", reply: "r1" } }))).toEqual({
      kind: "vote",
      reply: "r1",
      helpful: false,
    });
    // messageBack may hand its value over as a JSON string.
    expect(
      readTurn(
        turn({ text: "What is X?", value: JSON.stringify({ ask: "What is X?", reply: "r2" }) }),
      ),
    ).toEqual({
      kind: "ask",
      text: "What is X?",
      via: "button",
      chose: { reply: "r2", label: "What is X?" },
    });
  });

  it("takes malformed card data for a typed message, never a throw", () => {
    for (const value of [
      { vote: "maybe", reply: "r1" },
      { vote: "helpful" },
      { ask: 42 },
      { ask: ["x"] },
      { ask: "x".repeat(2_001) },
      "not json",
      "[1,2]",
      null,
      7,
    ]) {
      expect(readTurn(turn({ text: "step 3", value })), JSON.stringify(value)).toEqual({
        kind: "ask",
        text: "step 3",
        via: "message",
      });
    }
  });
});

describe("Teams HTML as plain text", () => {
  it("turns paragraphs, divs and line breaks into lines and drops other tags", () => {
    expect(htmlToText("<p>one<br>two</p><div>three <b>bold</b> <i>it</i></div>")).toBe(
      "one\ntwo\nthree bold it",
    );
    expect(htmlToText('<script>alert(1)</script>ok<!-- note --><span style="x">!</span>')).toBe(
      "ok!",
    );
  });

  it("keeps an emoji picture as its emoji and drops a picture's long description", () => {
    expect(htmlToText('a <img alt="😀" src="x"> b <img alt="A chart of revenue" src="y"> c')).toBe(
      "a 😀 b c",
    );
    expect(htmlToText('<emoji id="1f600_grinningface" alt="😀" title="Grinning"></emoji>!')).toBe(
      "😀 !",
    );
  });

  it("decodes named and numeric entities, and leaves impossible ones as typed", () => {
    expect(htmlToText("R&amp;D&nbsp;&lt;b&gt; &#39;q&#39; &#x1F600; &hellip;")).toBe(
      "R&D <b> 'q' 😀 …",
    );
    expect(htmlToText("&#xD800; &#0; &#x110000; &bogus; &constructor;")).toBe(
      "&#xD800; &#0; &#x110000; &bogus; &constructor;",
    );
  });
});
