/**
 * Playbooks as wiki exports write them (Confluence, Notion, Google Docs, pandoc): headings
 * with emphasis, emoji, anchors and attributes, FAQ sections under other names, a code
 * block left open. Read as their author meant, or refused with the line to mend.
 */
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/types.ts";
import { contentDir, playbook } from "../support/playbook-files.ts";

/** The content of one playbook of `body`, as its folder is loaded. */
function loadExport(body: string, front = 'title: "E"') {
  return loadContent(contentDir({ "e.md": playbook(front, body) }));
}

describe("a playbook exported from a wiki", () => {
  it("reads steps and questions whose headings carry an export's markup", async () => {
    const body = [
      "### Step 1: Start\n\nGo.",
      "### **Step 2: Build**\n\nBuild it.",
      "### 🚀 Step 3: Launch {#launch}\n\nShip it.",
      '### <a id="s4"></a>Step 4: **Watch** the *canary*\n\nWatch it.',
      "## ❓ FAQ — Deploys",
      "### **How do I deploy?**\n\nLike this.",
      "### What is `__init__.py`?\n\nA module.",
      '### What does if __name__ == "__main__": do?\n\nRuns a script.',
    ].join("\n\n");
    const dir = contentDir({ "e.md": playbook('title: "Exported"', body) });
    const { playbooks, problems, notes } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    const [exported] = playbooks;
    expect(exported?.steps.map((s) => `${s.number}: ${s.title}`)).toEqual([
      "1: Start",
      "2: Build",
      "3: Launch",
      "4: Watch the canary",
    ]);
    // Code spans keep what they hold, and underscores are what engineers write.
    expect(exported?.faqs.map((f) => f.question)).toEqual([
      "How do I deploy?",
      "What is `__init__.py`?",
      'What does if __name__ == "__main__": do?',
    ]);
  });

  it.each(["## Q&A", "## **FAQ**", "## FAQ: deploys", "## Questions and answers", "## 📌 FAQs"])(
    "reads the questions under %j",
    async (section) => {
      const body = `### Step 1: Start\n\nGo.\n\n${section}\n\n### Who approves?\n\nThe owner.\n`;
      const { playbooks } = await loadExport(body);
      expect(playbooks[0]?.faqs.map((f) => f.question)).toEqual(["Who approves?"]);
    },
  );

  it("refuses a code block never closed when it swallows a heading, naming where it opened", async () => {
    const body = "### Step 1: Build\n\n```bash\nmake deploy\n\n### Step 2: After\n\nDone.\n";
    const dir = contentDir({ "u.md": playbook('title: "U"', body) });
    const { problems } = await loadContent(dir);
    expect(problems.map((p) => formatProblem(p).replace(`${dir}/`, ""))).toEqual([
      "u.md:7: a code block opened here is never closed, so everything after it is read as code, the heading on line 10 too: close it with a line of ```",
    ]);
    // Left open at the very end, it swallows nothing: as CommonMark reads it, no problem.
    const atEnd = "### Step 1: Build\n\n```bash\nmake deploy\n";
    const fine = await loadExport(atEnd);
    expect(fine.problems).toEqual([]);
  });

  it("keeps what only looks like markup in a heading, and reads what an export garbled", async () => {
    const body = [
      "### Step 1: Count with len{#items}\n\nGo.",
      "### ðŸš€ Step 2: Second\n\nGarbled emoji before it.",
      "### → Step 3: Next\n\nAn arrow before it.",
      "## Deploy FAQ",
      "### Why use Vec<u8> for buffers?\n\nBytes.",
      "### Where is <https://runbooks.example.com>?\n\nThere.",
      "## FAQ-driven development\n\nA section of its own.",
      "### Is this a question?\n\nNo: a section's heading.",
    ].join("\n\n");
    const front = 'title: "Kept"\nfaqSteps:\n  "Why use Vec<u8> for buffers?": 2';
    const { playbooks, problems } = await loadExport(body, front);
    expect(problems).toEqual([]);
    expect(playbooks[0]?.steps.map((s) => s.title)).toEqual([
      "Count with len{#items}",
      "Second",
      "Next",
    ]);
    expect(playbooks[0]?.faqs.map((f) => f.question)).toEqual([
      "Why use Vec<u8> for buffers?",
      "Where is <https://runbooks.example.com>?",
    ]);
  });

  it("reads a code block left open at the end, comments and all, and a line of inline code", async () => {
    const atEnd = "### Step 1: Promote\n\n```bash\n# promote the build\n./promote.sh\n";
    const open = await loadExport(atEnd);
    expect(open.problems).toEqual([]);
    // "```npm ci```" is inline code (CommonMark): it opens no block, so step 2 is read.
    const inline = "### Step 1: Install\n\n```npm ci```\n\n### Step 2: Test\n\nRun the tests.\n";
    const read = await loadExport(inline);
    expect(read.problems).toEqual([]);
    expect(read.playbooks[0]?.steps.map((s) => s.title)).toEqual(["Install", "Test"]);
  });
});

describe("what an export writes inside a playbook's text and titles", () => {
  it("reads numbered questions, escaped characters and titles ending in a colon as meant", async () => {
    const body = [
      "### Step 1: Configure the runner:\n\nSet it up.",
      "### Step 2: Name it in snake\\_case\n\nLike `my_job`.",
      "### Step 3: Celebrate :tada:\n\nShip it.",
      "### Step 4: Scope it with std::\n\nIn C++.",
      "## FAQ",
      "### 1. How do I roll back?\n\nRevert.",
      "### Q2: Who approves?\n\nThe owner.",
      "### 401: what does it mean?\n\nSign in again.",
      "### What does \\*\\*kwargs do?\n\nTakes keywords.",
      "### Rollbacks:\n\nSee above.",
    ].join("\n\n");
    const { playbooks, problems } = await loadExport(body);
    expect(problems).toEqual([]);
    expect(playbooks[0]?.steps.map((s) => s.title)).toEqual([
      "Configure the runner",
      "Name it in snake_case",
      "Celebrate :tada:",
      "Scope it with std::",
    ]);
    expect(playbooks[0]?.faqs.map((f) => f.question)).toEqual([
      "How do I roll back?",
      "Who approves?",
      // A status code is what the question is about, not a number the export gave it.
      "401: what does it mean?",
      "What does **kwargs do?",
      "Rollbacks",
    ]);
  });

  it("shows <br> as a line break and <details> as its summary over what it folds", async () => {
    const answer = [
      "Page the on-call engineer.<br>Then post in #incidents.<br/>",
      "Say what broke.",
      "",
      "<details><summary><b>Escalation contacts</b></summary>",
      "",
      "Call the duty manager.",
      "",
      "</details>",
      "",
      "| Severity | Who |",
      "|---|---|",
      "| SEV1 | IC<br>Comms lead |",
      "| SEV2 | On-call.<br>Team lead |",
      "",
      "Use the `<br>` tag in HTML emails.",
      "",
      "```html",
      "<p>Hi<br>there</p>",
      "```",
    ].join("\n");
    const body = `### Step 1: Start\n\nGo.\n\n## FAQ\n\n### Who do I call?\n\n${answer}\n`;
    const { playbooks } = await loadExport(body);
    expect(playbooks[0]?.faqs[0]?.answer).toBe(
      [
        "Page the on-call engineer.\\",
        "Then post in #incidents.\\",
        "Say what broke.",
        "",
        "**Escalation contacts**",
        "",
        "Call the duty manager.",
        "",
        "| Severity | Who |",
        "|---|---|",
        "| SEV1 | IC; Comms lead |",
        "| SEV2 | On-call. Team lead |",
        "",
        "Use the `<br>` tag in HTML emails.",
        "",
        "```html",
        "<p>Hi<br>there</p>",
        "```",
      ].join("\n"),
    );
  });
});

describe("<br> beside code, quotes, lists and the end of a paragraph", () => {
  it.each([
    ["before a code span", "Run `npm ci`<br>`npm test`", "Run `npm ci`\\\n`npm test`"],
    ["after a colon, before code", "First:<br>`make test`", "First:\\\n`make test`"],
    ["in a quote", "> quoted<br>second", "> quoted\\\n> second"],
    ["in a list item", "- one<br>two", "- one\\\n  two"],
    ["in a table row without outer pipes", "SEV1 | IC<br>Comms", "SEV1 | IC; Comms"],
    ["inside a code span", "Use `a<br>b` here.", "Use `a<br>b` here."],
    ["at the paragraph's end", "Call the duty manager.<br>", "Call the duty manager."],
    [
      "in a summary holding code",
      "<details><summary>Output of `kubectl get pods`</summary>\n\nAll pods.\n\n</details>",
      "**Output of `kubectl get pods`**\n\nAll pods.",
    ],
    [
      "in indented code",
      "Like this:\n\n    <p>Hi<br>there</p>",
      "Like this:\n\n    <p>Hi<br>there</p>",
    ],
  ])("reads it %s", async (_, text, answer) => {
    const body = `### Step 1: Start\n\nGo.\n\n## FAQ\n\n### Who do I call?\n\n${text}\n`;
    const { playbooks } = await loadExport(body);
    expect(playbooks[0]?.faqs[0]?.answer).toBe(answer);
  });
});

describe("a heading's markup around code", () => {
  it("takes emphasis off around a code span, and reads an escaped backtick as itself", async () => {
    const body = [
      "### Step 1: **Run `npm ci` first**\n\nInstall.",
      "## FAQ",
      "### *Why `a*b`?*\n\nGlob.",
      "### What is \\`tick\\`?\n\nA backtick.",
    ].join("\n\n");
    const { playbooks } = await loadExport(body);
    expect(playbooks[0]?.steps.map((s) => s.title)).toEqual(["Run `npm ci` first"]);
    expect(playbooks[0]?.faqs.map((f) => f.question)).toEqual(["Why `a*b`?", "What is `tick`?"]);
  });
});
