import { describe, expect, it } from "vitest";
import { loadContentStrict } from "../../src/content/load.ts";

describe("the seed playbook", () => {
  it("loads exactly: 7 steps and 10 FAQs with their titles", async () => {
    const [playbook, ...others] = await loadContentStrict("content");
    expect(others).toHaveLength(0);
    expect(playbook?.slug).toBe("building-an-ai-first-engineering-organization");
    expect(playbook?.title).toBe("Building an AI-First Engineering Organization");
    expect(playbook?.steps.map((s) => `${s.number}: ${s.title}`)).toEqual([
      "1: Define Your AI Strategy",
      "2: Develop a Clear Roadmap",
      "3: Structure Your Team",
      "4: Implement AI Governance and Data Management",
      "5: Focus on AI Verifiability and Transparency",
      "6: Set KPIs and Monitor Progress",
      "7: Foster a Culture of Change",
    ]);
    expect(playbook?.faqs.map((f) => f.question)).toEqual([
      "What is an AI-first engineering organization?",
      "How does an AI-first strategy differ from an AI-native company?",
      "What are the key components of an AI transformation roadmap?",
      "How should an engineering director approach AI strategy?",
      "What role does MLOps play in transforming engineering with AI?",
      "How can AI engineering KPIs be effectively measured?",
      "What are common pitfalls in AI transformation, and how can they be avoided?",
      "What strategies can a CTO implement in a playbook for AI transformation?",
      "What is the role of a product director in an AI-first engineering organization?",
      "How can change management facilitate AI adoption in an engineering team?",
    ]);
  });

  it("keeps step text to its own section, not the code sample after it", async () => {
    const [playbook] = await loadContentStrict("content");
    expect(playbook?.steps[6]?.text).toBe(
      "Change management is key. Bring all stakeholders on board, especially the product director, to align AI with business goals. Keep learning and adapting.",
    );
    expect(playbook?.faqs[9]?.answer).toMatch(/^Change management can facilitate.*AI goals\.$/s);
  });
});
