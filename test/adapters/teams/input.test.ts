/**
 * Messages in the shapes Teams really sends (test/fixtures/teams/), through
 * the real server and botbuilder to a fake connector: HTML, emoji pictures,
 * `&nbsp;`, mentions whose text differs from their entity, group chats
 * without a conversationType. What the engine was asked shows in the card.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  cardOf,
  cardTexts,
  type FakeConnector,
  fixture,
  type Json,
  startConnector,
  startTeamsServer,
  type TeamsServer,
} from "./harness.ts";

const MLOPS = "What role does MLOps play in transforming engineering with AI?";

describe("Teams messages as Teams sends them", () => {
  let connector: FakeConnector;
  let server: TeamsServer;

  beforeAll(async () => {
    connector = await startConnector();
    server = await startTeamsServer({ TEAMS_ANONYMOUS: "true" });
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });
  beforeEach(() => {
    connector.requests.length = 0;
  });

  async function reply(activity: Json): Promise<Json> {
    const res = await server.post(activity);
    expect(res.status).toBe(200);
    expect(connector.requests).toHaveLength(1);
    return connector.requests[0]?.body;
  }

  it.each([
    ["an emoji picture and &nbsp; beside the mention", "channel-mention-emoji"],
    ["an emoji picture inside the mention", "channel-mention-emoji-inside"],
    ["the mention at the end, its text not the bot's current name", "channel-mention-renamed"],
    ["a group chat without conversationType, `@` typed in the mention", "group-chat-no-type"],
  ])("answers %s with the MLOps FAQ, no markup echoed", async (_name, name) => {
    const activity = fixture(name, connector.serviceUrl);
    const sent = await reply(activity);
    const card = cardOf(sent);
    expect(cardTexts(card)[0]).toBe(MLOPS);
    expect(sent.replyToId).toBe(activity.id);
    expect(JSON.stringify(sent)).not.toMatch(/<img|<at>|&nbsp;|SentryTest|@Playbook/i);
  });

  it("logs a group chat without conversationType as a group conversation", async () => {
    await reply(fixture("group-chat-no-type", connector.serviceUrl));
    const line = server.logs.findLast((l) => l.msg === "reply" && l.surface === "teams");
    expect(line).toMatchObject({ kind: "faq", conversation: "group" });
  });

  it("echoes a question it cannot answer as plain words: no tags, entities decoded", async () => {
    const activity = fixture("channel-mention-emoji", connector.serviceUrl);
    activity.text =
      '<at>Playbook Bot</at>&nbsp;<p>best&nbsp;pizza <img alt="🍕" itemtype="http://schema.skype.com/Emoji" src="https://statics.teams.cdn.office.net/x.png"></p><div>R&amp;D &#8220;menu&#8221;&#x21;</div>';
    const sent = await reply(activity);
    const texts = cardTexts(cardOf(sent)).join("\n");
    expect(texts).toContain("best pizza 🍕 R&D “menu”!");
    expect(JSON.stringify(sent)).not.toMatch(/<img|<p>|<div>|&amp;|&#/);
  });
});
