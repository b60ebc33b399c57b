import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/answer/analyzer.ts";
import { matchSteps } from "../../src/answer/step-match.ts";
import type { Playbook } from "../../src/content/types.ts";

const { terms } = createAnalyzer({ groups: [] });

function playbook(faqs: { question: string; answer: string }[]): Playbook {
  return {
    slug: "oncall",
    title: "On-call",
    description: "",
    steps: [
      {
        number: 1,
        title: "Hand off cleanly",
        text: "Write the handoff note: open incidents, silenced alerts and when each silence expires, risky deploys. Join the handoff call.",
      },
      {
        number: 2,
        title: "Keep alert noise down",
        text: "Count the pages each week. Tune or delete an alert that needs no action.",
      },
    ],
    faqs: faqs.map((f) => ({ ...f, alternates: [], stepNumber: null })),
  } as unknown as Playbook; // only the fields matching reads
}

describe("matchSteps", () => {
  it("gives an FAQ the step whose title it names, though its answer shares more words with another step", () => {
    const [faq] = matchSteps(
      playbook([
        {
          question: "What do I do about alert noise?",
          answer:
            "Create a silence that expires within 72 hours, mention it in the handoff note and on the handoff call.",
        },
      ]),
      terms,
    ).faqs;
    expect(faq?.stepNumber).toBe(2);
  });
});
