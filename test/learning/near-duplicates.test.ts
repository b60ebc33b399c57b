/**
 * Near-identical questions are one question to learning: people who asked
 * "what are the symptoms", "What are symptoms?" and "what symptoms are there"
 * and chose the same FAQ agree, on SQLite and on Postgres alike; questions that
 * ask different things about one subject do not.
 */
import { expect, it } from "vitest";
import type { Store } from "../../src/store/types.ts";
import { describeOnEngines, event, open } from "../store/engines.ts";

const FAQ = "What are the symptoms of COVID-19?";

async function choose(store: Store, user: string, question: string, faq = FAQ): Promise<void> {
  const e = event({ sure: false, question, faq: null, kind: "fallback", suggestions: [faq] });
  store.record(e);
  await store.feedback({ id: e.id, user, chose: faq, playbook: "covid" });
}

async function voteThrough(store: Store, user: string, via: string, helpful: boolean) {
  const e = event({ question: via, playbook: "covid", faq: FAQ, viaAlternate: via });
  store.record(e);
  await store.feedback({ id: e.id, user, helpful });
}

describeOnEngines("learning near-identical questions on $name", (engine) => {
  it("adds up the people who chose one FAQ for wordings that differ only in stop words", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 3 });
    await choose(store, "U1", "What are the symptoms?");
    await choose(store, "U2", "what are symptoms");
    expect(await store.alternates()).toEqual([
      expect.objectContaining({ question: "what are the symptoms", users: 2, applied: false }),
    ]);
    await choose(store, "U3", "What symptoms are there?");
    // The wording asked first stands for all three (each was asked by one person).
    expect(await store.alternates()).toEqual([
      {
        playbook: "covid",
        faq: FAQ,
        question: "what are the symptoms",
        users: 3,
        applied: true,
        retired: false,
      },
    ]);
    // The wording most people asked takes over.
    await choose(store, "U4", "what symptoms");
    await choose(store, "U5", "What symptoms?");
    expect((await store.alternates())[0]).toMatchObject({ question: "what symptoms", users: 5 });
  });

  it.each([
    ["different questions", "symptoms in children", "symptoms"],
    [
      "questions that ask different things about one subject",
      "when should I roll back",
      "how do I roll back",
    ],
  ])("keeps %s apart", async (_, first, second) => {
    const store = await open(await engine.fresh(), { learnMinUsers: 2 });
    await choose(store, "U1", first);
    await choose(store, "U2", second);
    const learned = (await store.alternates()).map((a) => [a.question, a.users, a.applied]);
    expect(learned).toEqual(
      expect.arrayContaining([
        [first.toLowerCase(), 1, false],
        [second.toLowerCase(), 1, false],
      ]),
    );
    expect(learned).toHaveLength(2);
  });

  it("retires on 👎 through any of its wordings, each person's latest vote once", async () => {
    const store = await open(await engine.fresh(), { learnMinUsers: 2 });
    await choose(store, "U1", "what are the symptoms");
    await choose(store, "U2", "what symptoms");
    await voteThrough(store, "U3", "what are the symptoms", false);
    await voteThrough(store, "U3", "what symptoms", false);
    // One person, however many wordings they voted through: not enough.
    expect((await store.alternates())[0]).toMatchObject({ applied: true, retired: false });
    await voteThrough(store, "U4", "what symptoms", false);
    expect((await store.alternates())[0]).toMatchObject({ applied: false, retired: true });
    // Votes are ordered by their time in milliseconds.
    await new Promise((r) => setTimeout(r, 5));
    await voteThrough(store, "U4", "what are the symptoms", true);
    // U4 changed their mind: their latest vote counts.
    expect((await store.alternates())[0]).toMatchObject({ applied: true, retired: false });
  });
});
