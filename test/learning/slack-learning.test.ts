/**
 * Learning end to end through Slack, on the real server and store: people
 * ask with the slash command, get "not sure", click the suggestion they
 * meant; once LEARN_MIN_USERS different people did, the next person asking
 * gets that FAQ as the answer (LEARN=auto).
 */
import { describe, expect, it } from "vitest";
import {
  buttons,
  commandBody,
  fixture,
  sendToSlackEndpoint,
  visibleText,
} from "../adapters/slack/helpers/harness.ts";
import { eventually, startSlackServer } from "../server/helpers/real-server.ts";

const QUESTION = "what is a kpi scorecard";
const FAQ = "How can AI engineering KPIs be effectively measured?";

type Message = { text?: string; blocks?: unknown[] };

describe("learning through Slack", () => {
  it("answers the next person with the FAQ two others chose after a not-sure", async () => {
    const { server: s, fake: slack } = await startSlackServer({
      LEARN: "auto",
      LEARN_MIN_USERS: "2",
    });
    const ask = async (user: string): Promise<Message> => {
      const body = commandBody(QUESTION, slack, { user_id: user, user_name: user.toLowerCase() });
      const res = await sendToSlackEndpoint(s.base, body, "application/x-www-form-urlencoded");
      expect(res.status).toBe(200);
      return (await res.json()) as Message;
    };
    const choose = async (user: string, reply: Message) => {
      const button = buttons(reply).find((b) => b.label === FAQ);
      if (!button) throw new Error(`${FAQ} is not offered: ${visibleText(reply)}`);
      const payload = fixture("block-actions.json");
      payload.user = { id: user, username: user.toLowerCase(), team_id: "T0001" };
      payload.response_url = slack.responseUrl(`chose-${user}`);
      payload.actions = [{ type: "button", block_id: "b1", ...button }];
      const res = await sendToSlackEndpoint(
        s.base,
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        "application/x-www-form-urlencoded",
      );
      expect(res.status).toBe(200);
      // The chosen question is answered to the clicker.
      const answered = await slack.waitFor(() =>
        slack.responses.find((r) => r.id === `chose-${user}`),
      );
      expect(visibleText(answered.body)).toContain(`*${FAQ}*`);
    };

    for (const user of ["U0LEARN001", "U0LEARN002"]) {
      const reply = await ask(user);
      expect(visibleText(reply)).not.toContain(`*${FAQ}*`);
      await choose(user, reply);
    }
    await eventually(async () => visibleText(await ask("U0LEARN003")).includes(`*${FAQ}*`));
    const alternates = await s.running.store?.alternates();
    expect(alternates).toEqual([
      expect.objectContaining({ faq: FAQ, question: QUESTION, users: 2, applied: true }),
    ]);
  });
});
