/**
 * The step shown beside an FAQ answer is cut to whole sentences: a file name or a version
 * with a dot in it ("renovate.json", "v2.1") does not end one.
 */
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/answer/bot.ts";
import { loadLibrary } from "../../src/content/load.ts";
import { contentDir, playbook } from "../support/playbook-files.ts";

describe("the excerpt of the step beside an answer", () => {
  it("cuts at a sentence's end, not at a dot inside a name", async () => {
    const step =
      "Renovate groups patch updates into one weekly PR (see `renovate.json`), node v2.1 too. Majors always get their own PR. Never mix a runtime bump with library bumps in one PR, because a failure then cannot be pinned on either of them.";
    const dir = contentDir({
      "deps.md": playbook(
        'title: "Dependency Upgrades"',
        `### Step 1: Group the updates\n\n${step}\n\n## FAQ\n\n### How often do we merge Renovate PRs?\n\nEvery Tuesday.`,
      ),
    });
    const library = await loadLibrary(dir);
    const bot = createBot(library.playbooks, { glossary: library.glossary });
    const { view } = bot.ask("how often do we merge renovate prs");
    expect(view.step?.excerpt).toBe(
      "Renovate groups patch updates into one weekly PR (see `renovate.json`), node v2.1 too. Majors always get their own PR.",
    );
  });

  it("cuts a step with no sentence end short at a word", async () => {
    // A pasted config file: dots, but no sentence end.
    const yaml = "pin: image.v1 ".repeat(200);
    const dir = contentDir({
      "deps.md": playbook(
        'title: "Images"',
        `### Step 1: Pin images\n\nUse this config ${yaml}\n\n## FAQ\n\n### How do we pin images?\n\nBy digest.`,
      ),
    });
    const library = await loadLibrary(dir);
    const bot = createBot(library.playbooks, { glossary: library.glossary });
    const excerpt = bot.ask("how do we pin images").view.step?.excerpt ?? "";
    expect(excerpt).toMatch(/^Use this config pin: image\.v1 pin: .*…$/);
    expect(excerpt.length).toBeLessThanOrEqual(180);
  });

  it("leaves code, tables, sub-headings and list numbers out of the excerpt", async () => {
    const step = [
      "Open the dashboard, then promote:",
      "",
      "```bash",
      "### not a heading",
      "1. not a step",
      "./deploy.sh",
      "```",
      "",
      "#### Step 2.1: Build the image",
      "",
      "| Env | URL |",
      "| --- | --- |",
      "| prod | https://logs.example.com |",
      "",
      "1. Click Promote",
      "2. Wait for green",
      "3. Tell the channel.",
    ].join("\n");
    expect(await excerptOf(step)).toBe(
      "Open the dashboard, then promote: Click Promote; Wait for green; Tell the channel.",
    );
  });

  it.each([
    [
      "a fence on a list item's line",
      "Set the image:\n\n- ```yaml\n  image: v1\n  ```\n- Apply it.",
      "Set the image: Apply it.",
    ],
    [
      "list items apart",
      "1. Open the dashboard\n\n2. Click Promote\n\n3. Wait for green",
      "Open the dashboard; Click Promote; Wait for green",
    ],
    ["only code", "```bash\n./deploy.sh --prod\n```", "./deploy.sh --prod"],
    [
      "line breaks (<br>, or a backslash at a line's end)",
      "Open the dashboard.<br>Click Promote.\\\nWait for green.",
      "Open the dashboard. Click Promote. Wait for green.",
    ],
    [
      "inline HTML first",
      "<kbd>Ctrl</kbd>+<kbd>C</kbd> stops the server.",
      "<kbd>Ctrl</kbd>+<kbd>C</kbd> stops the server.",
    ],
  ])("makes prose of %s", async (_, step, excerpt) => {
    expect(await excerptOf(step)).toBe(excerpt);
  });
});

/** The excerpt shown beside the one FAQ of a playbook whose one step's text is `step`. */
async function excerptOf(step: string): Promise<string | undefined> {
  const dir = contentDir({
    "d.md": playbook(
      'title: "Deploys"',
      `### Step 1: Deploy\n\n${step}\n\n## FAQ\n\n### Where are the deploy logs?\n\nIn the logs site.`,
    ),
  });
  const library = await loadLibrary(dir);
  const bot = createBot(library.playbooks, { glossary: library.glossary });
  return bot.ask("where are the deploy logs").view.step?.excerpt;
}
