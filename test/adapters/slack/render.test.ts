import { describe, expect, it } from "vitest";
import { LIMITS, splitText, truncate } from "../../../src/adapters/slack/limits.ts";
import { renderView } from "../../../src/adapters/slack/render.ts";
import type { ReplyView } from "../../../src/answer/view.ts";
import { buttons, visibleText } from "./helpers/harness.ts";

const base: ReplyView = {
  id: "r1",
  votes: false,
  note: null,
  title: "",
  body: "",
  step: null,
  list: [],
  suggestions: [],
  suggestionsTitle: "Related questions",
  playbook: { slug: "p", title: "A Playbook" },
};

type AnyBlock = { type: string; text?: { text: string }; elements?: unknown[] };

/** Every limit Slack enforces on what renderView produces. */
function expectWithinLimits(message: { text: string; blocks: unknown[] }) {
  expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(message.text.length).toBeLessThanOrEqual(LIMITS.messageText);
  for (const block of message.blocks as AnyBlock[]) {
    if (block.type === "section") expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === "actions") expect(block.elements?.length).toBeLessThanOrEqual(25);
  }
  for (const b of buttons(message)) {
    expect(b.label.length).toBeLessThanOrEqual(75);
    expect(b.value.length).toBeLessThanOrEqual(2000);
    expect(b.action_id.length).toBeLessThanOrEqual(255);
  }
  const ids = buttons(message).map((b) => b.action_id);
  expect(new Set(ids).size).toBe(ids.length);
}

describe("rendering a view for Slack", () => {
  it("escapes user text the engine echoes back", () => {
    const view = { ...base, title: 'I don\'t know a playbook called "<!channel>"', body: "x & y" };
    const message = renderView(view);
    const seen = visibleText(message);
    expect(seen).toContain("&lt;!channel&gt;");
    expect(seen).not.toContain("<!channel>");
    expect(message.text).toContain("&lt;!channel&gt;");
    expect(message.text).not.toContain("<!channel>");
  });

  it("shows an answer wrapped in its Markdown file as whole lines, and the step's heading on its own", () => {
    const view = {
      ...base,
      title: "How do I roll back?",
      body: "Abort the rollout, then\nrevert the PR in GitHub.",
      step: {
        number: 6,
        title: "Roll out",
        heading: "Playbook step 6: Roll out",
        excerpt: "Roll out behind a canary.",
        ask: "step 6",
      },
    };
    const message = renderView(view);
    expect(visibleText(message)).toContain("Abort the rollout, then revert the PR in GitHub.");
    expect(message.text).toContain("Abort the rollout, then revert the PR in GitHub.");
    expect(message.text).toContain("*Playbook step 6: Roll out*\nRoll out behind a canary.");
  });

  it("splits a long answer over several sections, cutting at paragraphs", () => {
    const paragraph = `${"word ".repeat(150).trim()}.`;
    const body = Array.from({ length: 12 }, () => paragraph).join("\n\n");
    const message = renderView({ ...base, title: "Long", body });
    expectWithinLimits(message);
    const sections = (message.blocks as AnyBlock[]).filter((b) => b.type === "section");
    expect(sections.length).toBeGreaterThan(3);
    // Nothing lost: every word of the answer is in the blocks.
    expect(visibleText({ blocks: message.blocks }).match(/word/g)?.length).toBe(150 * 12);
  });

  it("keeps a huge answer and a long list under 50 blocks", () => {
    const body = "lorem ipsum dolor sit amet ".repeat(8000);
    const list = Array.from({ length: 80 }, (_, i) => ({ label: `Question ${i}?`, ask: `q ${i}` }));
    const suggestions = Array.from({ length: 30 }, (_, i) => ({
      label: `A very long suggested question number ${i} that goes on and on past the button limit?`,
      ask: "s".repeat(2500),
    }));
    const message = renderView(
      { ...base, title: "T".repeat(5000), body, list, suggestions },
      { shareAsk: "x" },
    );
    expectWithinLimits(message);
    expect(buttons(message).map((b) => b.label)).toContain("Share in channel");
  });

  it("gives each list item its own Ask button, labelled for screen readers with its item", () => {
    const list = [
      {
        label: "Step 1: Define Your AI Strategy",
        ask: "step 1",
        step: { number: 1, title: "Define Your AI Strategy" },
      },
      { label: "What is an AI-first organization?", ask: "What is an AI-first organization?" },
    ];
    const message = renderView({ ...base, title: "Steps", list });
    expect(buttons(message).map((b) => [b.label, JSON.parse(b.value).ask])).toEqual([
      ["Ask", "step 1"],
      ["Ask", "What is an AI-first organization?"],
    ]);
    const labels = JSON.stringify(message.blocks).match(/"accessibility_label":"[^"]*"/g);
    expect(labels).toEqual([
      '"accessibility_label":"Ask step 1: Define Your AI Strategy"',
      '"accessibility_label":"Ask What is an AI-first organization?"',
    ]);
    expect(visibleText(message)).toContain("What is an AI-first organization?");
  });

  it("shows a likely answer's note above its title", () => {
    const message = renderView({
      ...base,
      note: "Best match: I'm not certain this is what you asked.",
      title: "How are KPIs measured?",
      body: "Like this.",
    });
    const seen = visibleText(message);
    expect(seen.indexOf("Best match")).toBeGreaterThan(-1);
    expect(seen.indexOf("Best match")).toBeLessThan(seen.indexOf("*How are KPIs measured?*"));
    expect(message.text.indexOf("Best match")).toBeLessThan(
      message.text.indexOf("How are KPIs measured?"),
    );
  });

  it("titles the fallback text's list as the blocks do, with no colon after a question mark", () => {
    const suggestions = [{ label: "How fast should reviewers respond?", ask: "x" }];
    const likely = renderView({
      ...base,
      title: "Q?",
      body: "A.",
      suggestions,
      suggestionsTitle: "Not what you meant?",
    });
    expect(likely.text).toContain("Not what you meant?\n• How fast should reviewers respond?");
    expect(likely.text).not.toContain("?:");
    const related = renderView({
      ...base,
      title: "Q?",
      body: "A.",
      suggestions,
      suggestionsTitle: "Related questions",
    });
    expect(related.text).toContain("Related questions:\n• How fast");
  });

  it("offers 👍 / 👎 with accessible labels and the reply id on an answer that takes votes", () => {
    const message = renderView({ ...base, id: "r42", votes: true, title: "Q?", body: "A." });
    const votes = buttons(message).filter((b) => b.action_id.startsWith("aifirst_vote"));
    expect(votes.map((b) => [b.label, JSON.parse(b.value).id])).toEqual([
      ["👍", "r42"],
      ["👎", "r42"],
    ]);
    expect(JSON.stringify(message.blocks)).toContain('"accessibility_label":"Helpful"');
    expect(JSON.stringify(message.blocks)).toContain('"accessibility_label":"Not helpful"');
    expect(buttons(renderView({ ...base, title: "Steps" }))).toHaveLength(0);
  });

  it("shows the matching step with its number, title and excerpt, and the playbook", () => {
    const message = renderView({
      ...base,
      id: "r1",
      votes: false,
      note: null,
      title: "Q?",
      body: "A.",
      step: {
        number: 6,
        title: "Set KPIs",
        heading: "Playbook step 6: Set KPIs",
        excerpt: "Pick **AI KPIs**.",
        ask: "step 6",
      },
    });
    const seen = visibleText(message);
    expect(seen).toContain("*Playbook step 6: Set KPIs*\nPick *AI KPIs*.");
    expect(seen).toContain("From: A Playbook");
  });

  it("offers no share button for an over-long question", () => {
    expect(buttons(renderView(base, { shareAsk: "x".repeat(2001) }))).toHaveLength(0);
  });
});

describe("limits helpers", () => {
  it("truncates with an ellipsis without breaking an escape", () => {
    const cut = truncate(`${"a".repeat(70)} &amp; more words here`, 75);
    expect(cut.length).toBeLessThanOrEqual(75);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).not.toMatch(/&[a-z]*…$/);
  });

  it("closes and reopens a code fence cut in two", () => {
    const text = `\`\`\`\n${"line of code\n".repeat(400)}\`\`\``;
    const pieces = splitText(text, 3000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect((p.match(/```/g) ?? []).length % 2).toBe(0);
    }
  });
});
