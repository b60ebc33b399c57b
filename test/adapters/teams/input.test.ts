/**
 * Messages in the shapes Teams really sends (test/fixtures/teams/), through
 * the real server and botbuilder to a fake connector: HTML, emoji pictures,
 * `&nbsp;`, mentions whose text differs from their entity, group chats
 * without a conversationType. What the engine was asked shows in the card.
 */
import { describe, expect, it } from "vitest";
import { cardOf, cardTexts, fixture, type Json, useAnonymousTeams } from "./harness.ts";

const MLOPS = "What role does MLOps play in transforming engineering with AI?";

describe("Teams messages as Teams sends them", () => {
  const teams = useAnonymousTeams();

  const reply = async (activity: Json): Promise<Json> => (await teams.exchange(activity)).body;

  it.each([
    ["an emoji picture and &nbsp; beside the mention", "channel-mention-emoji"],
    ["an emoji picture inside the mention", "channel-mention-emoji-inside"],
    ["the mention at the end, its text not the bot's current name", "channel-mention-renamed"],
    ["a group chat without conversationType, `@` typed in the mention", "group-chat-no-type"],
  ])("answers %s with the MLOps FAQ, no markup echoed", async (_name, name) => {
    const activity = fixture(name, teams.connector.serviceUrl);
    const sent = await reply(activity);
    const card = cardOf(sent);
    expect(cardTexts(card)[0]).toBe(MLOPS);
    expect(sent.replyToId).toBe(activity.id);
    expect(JSON.stringify(sent)).not.toMatch(/<img|<at>|&nbsp;|SentryTest|@Playbook/i);
  });

  it("logs a group chat without conversationType as a group conversation", async () => {
    await reply(fixture("group-chat-no-type", teams.connector.serviceUrl));
    const line = teams.server.logs.findLast((l) => l.msg === "reply" && l.surface === "teams");
    expect(line).toMatchObject({ kind: "faq", conversation: "group" });
  });

  it("echoes a question it cannot answer as plain words: no tags, entities decoded", async () => {
    const activity = fixture("channel-mention-emoji", teams.connector.serviceUrl);
    activity.text =
      '<at>Playbook Bot</at>&nbsp;<p>best&nbsp;pizza <img alt="🍕" itemtype="http://schema.skype.com/Emoji" src="https://statics.teams.cdn.office.net/x.png"></p><div>R&amp;D &#8220;menu&#8221;&#x21;</div>';
    const sent = await reply(activity);
    const texts = cardTexts(cardOf(sent)).join("\n");
    expect(texts).toContain("best pizza 🍕 R&D “menu”!");
    expect(JSON.stringify(sent)).not.toMatch(/<img|<p>|<div>|&amp;|&#/);
  });
});
