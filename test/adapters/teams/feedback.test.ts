/**
 * Feedback from the Teams card, through the real server and botbuilder: a
 * 👍 / 👎 click arrives as Teams sends an Action.Submit (a message whose
 * `value` is the button's data, no text), a suggestion click as a
 * messageBack (its text and value); the fake connector records the reply.
 */
import { describe, expect, it } from "vitest";
import {
  cardOf,
  cardSubmits,
  cardTexts,
  fixture,
  type Json,
  STORE_DOWN,
  useAnonymousTeams,
} from "./harness.ts";

const AAD_ID = "6f1c2b9e-0c1d-4a7b-9f3e-2d5a8b7c6e41";

describe("feedback on a Teams card", () => {
  const teams = useAnonymousTeams();

  /** Posts an activity; the one activity the bot sent back. */
  const exchange = async (activity: Json): Promise<Json> => (await teams.exchange(activity)).body;

  async function ask(text: string): Promise<Json> {
    const activity = fixture("personal-message", teams.connector.serviceUrl);
    activity.text = text;
    return cardOf(await exchange(activity));
  }

  it("offers 👍 Helpful / 👎 Not helpful on an answer, each naming its reply", async () => {
    const card = await ask("what is mlops");
    const votes = cardSubmits(card).filter((a) => a.data?.vote);
    expect(votes.map((a) => a.title)).toEqual(["👍 Helpful", "👎 Not helpful"]);
    expect(votes.map((a) => a.data.vote)).toEqual(["helpful", "not_helpful"]);
    expect(new Set(votes.map((a) => a.data.reply)).size).toBe(1);
    expect(votes[0].data.reply).toMatch(/\S{8,}/);
    // Not on replies that answer nothing.
    for (const text of ["help", "steps", "what is the best pizza topping"]) {
      expect(cardSubmits(await ask(text)).filter((a) => a.data?.vote)).toEqual([]);
    }
  });

  it("records a 👍 for the user's AAD id and says so in the thread", async () => {
    const card = await ask("what is mlops");
    const helpful = cardSubmits(card).find((a) => a.data?.vote === "helpful");
    const click = fixture("card-vote-click", teams.connector.serviceUrl);
    click.value = helpful.data;
    const sent = await exchange(click);

    expect(teams.server.feedback).toEqual([
      {
        input: { id: helpful.data.reply, helpful: true },
        asker: { surface: "teams", user: AAD_ID },
        result: "recorded",
      },
    ]);
    expect(sent.text).toBe("Thanks, noted: helpful.");
    expect(sent.attachments ?? []).toEqual([]);
    expect(sent.replyToId).toBe(click.id);
  });

  it("records a 👎 by the channel account id when Teams gives no AAD id", async () => {
    const card = await ask("what is mlops");
    const notHelpful = cardSubmits(card).find((a) => a.data?.vote === "not_helpful");
    const click = fixture("card-vote-click", teams.connector.serviceUrl);
    click.value = notHelpful.data;
    delete click.from.aadObjectId;
    const sent = await exchange(click);
    expect(teams.server.feedback[0]).toMatchObject({
      input: { id: notHelpful.data.reply, helpful: false },
      asker: { surface: "teams", user: click.from.id },
    });
    expect(sent.text).toBe("Thanks, noted: not helpful.");
  });

  it("says so, politely, when the reply voted on is not on record", async () => {
    const click = fixture("card-vote-click", teams.connector.serviceUrl);
    click.value = { vote: "helpful", reply: "no-such-reply" };
    const sent = await exchange(click);
    expect(teams.server.feedback[0]?.result).toBe("unknown");
    expect(sent.text).toMatch(/no longer have that answer/);
  });

  it("answers a vote politely when the store is down, and stays healthy", async () => {
    const click = fixture("card-vote-click", teams.connector.serviceUrl);
    click.value = { vote: "not_helpful", reply: STORE_DOWN };
    const sent = await exchange(click);
    expect(sent.text).toBe("Sorry, I could not record your vote just now. Please try again later.");
    expect(teams.server.logs.some((l) => l.msg === "teams: could not record a vote")).toBe(true);
    // A suggestion click still gets its answer when the choice cannot be recorded.
    const choice = fixture("card-suggestion-click", teams.connector.serviceUrl);
    choice.text = "steps";
    choice.value = { ask: "steps", reply: STORE_DOWN, label: "steps" };
    expect(cardTexts(cardOf(await exchange(choice)))[0]).toMatch(/^Steps of /);
  });

  it("records the suggestion chosen, then answers it (messageBack, as Teams sends it)", async () => {
    const card = await ask("what is mlops");
    const rows = cardSubmits(card).filter((a) => a.data?.ask && a.data?.reply);
    expect(rows.length).toBeGreaterThan(0);
    const row = rows[0];
    const click = fixture("card-suggestion-click", teams.connector.serviceUrl);
    click.text = row.data.msteams.text;
    click.value = row.data.msteams.value;
    const sent = await exchange(click);

    expect(teams.server.feedback).toEqual([
      {
        input: { id: row.data.reply, chose: row.title },
        asker: { surface: "teams", user: AAD_ID },
        result: "recorded",
      },
    ]);
    expect(cardTexts(cardOf(sent))[0]).toBe(row.title);
  });

  it("asks a step offered as a suggestion by number, and records it chosen by its label", async () => {
    const card = await ask("which stakeholders need to be bought in for the ai push?");
    const label = "Step 7: Foster a Culture of Change";
    const row = cardSubmits(card).find((a) => a.data?.reply && a.title === label);
    expect(row?.data.msteams).toMatchObject({ displayText: label, text: "step 7" });
    const click = fixture("card-suggestion-click", teams.connector.serviceUrl);
    click.text = row.data.msteams.text;
    click.value = row.data.msteams.value;
    const sent = await exchange(click);

    expect(teams.server.feedback).toEqual([
      {
        input: { id: row.data.reply, chose: label },
        asker: { surface: "teams", user: AAD_ID },
        result: "recorded",
      },
    ]);
    expect(cardTexts(cardOf(sent))[0]).toBe(label);
  });

  it("takes the same click as the Emulator sends it: the whole data, no text", async () => {
    const card = await ask("what is mlops");
    const row = cardSubmits(card).find((a) => a.data?.ask && a.data?.reply);
    const click = fixture("card-suggestion-click", teams.connector.serviceUrl);
    delete click.text;
    click.value = row.data;
    const sent = await exchange(click);
    expect(teams.server.feedback[0]?.input).toEqual({ id: row.data.reply, chose: row.title });
    expect(cardTexts(cardOf(sent))[0]).toBe(row.title);
  });

  it("asks a listed step without recording a choice: a listing is not a suggestion", async () => {
    const card = await ask("steps");
    const row = cardSubmits(card)[2];
    expect(row.data.reply).toBeUndefined();
    const click = fixture("card-suggestion-click", teams.connector.serviceUrl);
    click.text = row.data.msteams.text;
    click.value = row.data.msteams.value;
    const sent = await exchange(click);
    expect(teams.server.feedback).toEqual([]);
    expect(cardTexts(cardOf(sent))[0]).toBe("Step 3: Structure Your Team");
  });
});
