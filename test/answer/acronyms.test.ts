import { describe, expect, it } from "vitest";
import { acronymGroups, definedAcronyms } from "../../src/answer/acronyms.ts";
import { createBot } from "../../src/answer/bot.ts";
import type { EngineTuning } from "../../src/answer/knowledge.ts";
import { loadLibrary } from "../../src/content/load.ts";
import type { Playbook } from "../../src/content/types.ts";
import { contentDir, playbook } from "../support/playbook-files.ts";

describe("acronyms a playbook defines", () => {
  const found = (texts: string[]) => definedAcronyms(texts).map((a) => [a.spelled, a.acronym]);

  it("are read from the words before or inside the brackets, Markdown or not", () => {
    expect(
      found([
        "Every service goes through a **Production Readiness Review** (PRR) before launch.",
        "The incident commander (IC) runs the call.",
        "Report it to the Centers for Disease Control (CDC).",
        "Wear PPE (personal protective equipment) on site.",
        "Each [Service Level Objective](https://wiki/slo) (SLOs) has an owner.",
        "A ticket is closed when it meets the Definition of Done (DoD).",
        "PoC (proof of concept) first.",
        "Our Mean Time To Recovery (MTTR) is an hour.",
      ]),
    ).toEqual([
      ["production readiness review", "prr"],
      ["incident commander", "ic"],
      ["centers for disease control", "cdc"],
      ["personal protective equipment", "ppe"],
      ["service level objective", "slo"],
      ["definition of done", "dod"],
      ["proof of concept", "poc"],
      ["mean time to recovery", "mttr"],
    ]);
  });

  it("are not whatever sits in brackets", () => {
    expect(
      found([
        "Ship it on Tuesday (UTC).",
        "Corona comes from the crown (CO).",
        "PRR (see below) is required.",
        "Page the IC (in channel) first.",
        "Run it on staging or production (SOP).",
        "The mean time to recovery (MTR) is what we track.",
        // A small letter is the initial of a small word: "to" gives no "o".
        "Roll back to production (BoP).",
        "Ship it (iOS) later.",
      ]),
    ).toEqual([]);
  });

  it("are not words the text uses as words", () => {
    expect(found(["Information Technology (IT) keeps the laptops."])).toEqual([]);
    expect(found(["Ask the Platform Owners Group (POG).", "pog is what we say"])).toEqual([]);
    // In a name, it is no word.
    expect(
      found(["Book a Production Readiness Review (PRR) in #prr-requests, see docs/prr.md."]),
    ).toEqual([["production readiness review", "prr"]]);
  });

  it("keep their first definition, and give way to a glossary that knows them", () => {
    expect(found(["Pull Request (PR) here, Press Release (PR) there."])).toEqual([
      ["pull request", "pr"],
    ]);
    const book = {
      title: "Ops",
      description: "",
      steps: [
        {
          number: 1,
          title: "Mean Time To Recovery (MTTR)",
          text: "Site Visit (SV) first.",
          line: 1,
        },
      ],
      faqs: [],
      prose: "",
    } as unknown as Playbook;
    const glossary = {
      groups: [
        ["mttr", "mean time to recovery"],
        ["on call review", "ocr"],
      ],
    };
    expect(acronymGroups(glossary, [book])).toEqual([{ acronym: "sv", spelled: "site visit" }]);
  });
});

describe("a question using one side of a defined acronym", () => {
  it("finds the FAQ written with the other", async () => {
    const dir = contentDir({
      "services.md": playbook(
        'title: "Owning a Service"\nslug: "services"\ndescription: "How a team owns a service."',
        `
## The Solution

### Step 1: Pass the Production Readiness Review (PRR)

Book the review two weeks before launch with the platform team.

### Step 2: Publish Dashboards

Every service has a latency and an error dashboard.

## FAQ

### What if we get a "not yet" at the PRR?

Fix the blocking items and book a follow-up slot; launches wait until it passes.

### Who builds the dashboards?

The owning squad, from the shared templates.
`,
      ),
    });
    const { playbooks, glossary } = await loadLibrary(dir);
    const ask = (tuning: EngineTuning) =>
      createBot(playbooks, { glossary, tuning }).ask(
        "what if the production readiness review says not yet",
      ).reply;
    expect(ask({}).faq?.question).toBe('What if we get a "not yet" at the PRR?');
    expect(ask({ acronyms: false }).faq?.question).not.toBe(
      'What if we get a "not yet" at the PRR?',
    );
  });

  it("reads an acronym defined in the playbook's introduction, outside its steps and FAQ", async () => {
    const dir = contentDir({
      "designs.md": playbook(
        'title: "Design Reviews"',
        `
Big designs go to the Architecture Review Board (ARB), which meets on Thursdays.

## Background

Our Change Advisory Board (CAB) retired in 2021.

## The process

### Step 1: Write the RFC

Use the template.

## FAQ

### Who is on the Architecture Review Board?

Seven senior engineers, chosen each year.

### What did the change advisory board do?

It approved releases.
`,
      ),
    });
    const { playbooks, glossary } = await loadLibrary(dir);
    expect(playbooks[0]?.prose).toContain("Architecture Review Board (ARB)");
    expect(playbooks[0]?.prose).toContain("Change Advisory Board (CAB)");
    const bot = createBot(playbooks, { glossary });
    expect(bot.ask("who sits on the arb").reply.faq?.question).toBe(
      "Who is on the Architecture Review Board?",
    );
    expect(bot.ask("what did the cab do").reply.faq?.question).toBe(
      "What did the change advisory board do?",
    );
  });

  it("counts an acronym of many words as one thing asked, not as each of its words", async () => {
    // Read in full, "DSAR" is four words: any step titled with it took every question that
    // named it, whatever else the question asked.
    const dir = contentDir({
      "requests.md": playbook(
        'title: "Customer Data Requests"',
        `
Customers ask for their data, or its deletion, through a data subject access request (DSAR).

## The process

### Step 1: Log the Request

Log every request in OneTrust within one working day.

### Step 2: Review the Monthly DSAR Report

On the first Monday of each month, review open and closed requests with Legal.

## FAQ

### Can we refuse a request?

Only when it is manifestly unfounded or excessive, and Legal must agree in writing.
`,
      ),
    });
    // Beside the shipped playbook, as a new team's would be.
    const shipped = await loadLibrary("content");
    const bot = createBot([...shipped.playbooks, ...(await loadLibrary(dir)).playbooks], {
      glossary: shipped.glossary,
    });
    expect(bot.ask("can we refuse a dsar").reply.faq?.question).toBe("Can we refuse a request?");
    expect(bot.ask("monthly dsar report").reply.step?.title).toBe("Review the Monthly DSAR Report");
    // Asked word for word, a phrasing is still all asked (its echo is whole).
    expect(bot.ask("Can we refuse a request?").reply.sure).toBe(true);
  });
});

describe("initials of a term the titles name and the text says again, which no playbook shortens", () => {
  const incidents = `
### Step 1: Declare the Incident Early

Post in the incident channel.

### Step 2: Assign an Incident Commander

The incident commander keeps the timeline.

### Step 3: Avoid Common Pitfalls

Do not debug alone.

## FAQ

### Who should be the incident commander?

Any trained engineer can be incident commander.

### How do we page the on-call engineer?

Use the paging tool.

### What are common pitfalls during an incident?

Debugging alone, and common pitfalls of hand-offs.
`;
  const ask = async (body: string, question: string, tuning: EngineTuning = {}) => {
    const dir = contentDir({ "p.md": playbook('title: "Incident Response"', body) });
    const { playbooks, glossary } = await loadLibrary(dir);
    return createBot(playbooks, { glossary, tuning }).ask(question).reply;
  };

  it("read a question's IC as the incident commander, in any case, and ICs too", async () => {
    for (const question of [
      "who's supposed to be IC",
      "does the ic have to be a manager?",
      "who are the ICs",
    ]) {
      expect((await ask(incidents, question)).faq?.question).toBe(
        "Who should be the incident commander?",
      );
    }
    expect((await ask(incidents, "who's supposed to be IC", { initials: false })).kind).toBe(
      "fallback",
    );
  });

  it("stand for nothing when two terms share them, the glossary knows them, or the text says the term once", async () => {
    // "Individual Contributor" shares IC with the incident commander: which one is meant?
    const both = `${incidents}\n### Step 4: Grow as an Individual Contributor\n\nAn individual contributor leads without reports; the individual contributor track says how.\n`;
    expect((await ask(both, "who are the ICs")).kind).toBe("fallback");
    expect((await ask(incidents, "who are the ICs")).kind).toBe("faq");
    // The shipped glossary's EM is an engineering manager, whatever a title says.
    const manager = `${incidents}\n### Step 4: Call the Escalation Manager\n\nThe escalation manager decides; page the escalation manager.\n`;
    expect((await ask(manager, "who is the em")).faq?.question ?? "").not.toMatch(/escalation/i);
    expect((await ask(manager, "who is the escalation manager")).step?.number).toBe(4);
    // "Declare the Incident Early" is said once, in its title: "ie" is no term of it.
    expect((await ask(incidents, "ie")).kind).toBe("fallback");
  });

  it("are read only for a word the playbooks do not use: their own IC is theirs", async () => {
    // Written as a word, "IC" is the playbook's: a question saying it finds where it is written.
    const written = incidents.replace("Use the paging tool.", "Use the paging tool; tell the IC.");
    expect((await ask(written, "how do we page the IC")).faq?.question).toBe(
      "How do we page the on-call engineer?",
    );
  });
});
