import { describe, expect, it } from "vitest";
import { acronymGroups, definedAcronyms } from "../../src/answer/acronyms.ts";
import { createBot } from "../../src/answer/bot.ts";
import type { EngineTuning } from "../../src/answer/knowledge.ts";
import { loadLibrary } from "../../src/content/load.ts";
import type { Playbook } from "../../src/content/types.ts";
import { contentDir, playbook } from "../support/playbook-files.ts";

describe("acronyms a playbook defines", () => {
  it("are read from the words before or inside the brackets", () => {
    expect(
      definedAcronyms([
        "Every service goes through a Production Readiness Review (PRR) before launch.",
        "The incident commander (IC) runs the call.",
        "Ask the DoD office: Department of Defense (DOD) rules apply.",
        "Wear PPE (personal protective equipment) on site.",
      ]),
    ).toEqual([
      ["production readiness review", "prr"],
      ["incident commander", "ic"],
      ["department of defense", "dod"],
      ["personal protective equipment", "ppe"],
    ]);
  });

  it("are not whatever sits in brackets", () => {
    expect(
      definedAcronyms([
        "Ship it on Tuesday (UTC).",
        "Corona comes from the crown (CO).",
        "PRR (see below) is required.",
        "The mean time to recovery (MTR) is what we track.",
      ]),
    ).toEqual([]);
  });

  it("keep their first definition, and give way to a glossary that knows them", () => {
    expect(definedAcronyms(["Pull Request (PR) here, Press Release (PR) there."])).toEqual([
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
    } as unknown as Playbook;
    expect(acronymGroups({ groups: [["mttr", "mean time to recovery"]] }, [book])).toEqual([
      ["site visit", "sv"],
    ]);
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
});
