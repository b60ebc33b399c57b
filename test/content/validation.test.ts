import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent, unreadSubfolders } from "../../src/content/load.ts";
import { formatProblem, type Playbook } from "../../src/content/types.ts";
import { contentDir, playbook, VALID_BODY } from "../support/playbook-files.ts";

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const dir = contentDir(files);
  const { problems } = await loadContent(dir);
  return problems.map((p) => formatProblem(p).replace(`${dir}/`, ""));
}

/** The one playbook of "a.md", titled "A", with `body`: it must load without problems. */
async function loadBody(body: string): Promise<Playbook> {
  const { playbooks, problems } = await loadContent(
    contentDir({ "a.md": playbook('title: "A"', body) }),
  );
  expect(problems).toEqual([]);
  return playbooks[0] as Playbook;
}

describe("content validation names file, line and problem", () => {
  it("accepts a valid playbook and defaults the slug to the file name", async () => {
    const dir = contentDir({ "My Playbook.md": playbook('title: "Mine"', VALID_BODY) });
    const { playbooks, problems } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(playbooks[0]?.slug).toBe("my-playbook");
    expect(playbooks[0]?.steps).toHaveLength(2);
    expect(playbooks[0]?.faqs[0]?.answer).toBe("With one team and one metric.");
  });

  it("reports invalid YAML at its line in the file", async () => {
    const problems = await problemsOf({ "a.md": playbook('title: "A"\nbad: : :', VALID_BODY) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^a\.md:3: invalid YAML in front matter/);
  });

  it("says to quote a value with a colon in it", async () => {
    const problems = await problemsOf({
      "a.md": playbook("title: On-call: the guide\nslug: oncall", VALID_BODY),
    });
    expect(problems[0]).toMatch(/^a\.md:\d+: invalid YAML in front matter: .*needs quotes/);
  });

  it("says how keys are indented when one is not", async () => {
    const problems = await problemsOf({
      "a.md": playbook('title: "A"\n  description: "How we ship."', VALID_BODY),
    });
    expect(problems).toEqual([
      "a.md:3: invalid YAML in front matter: bad indentation of a mapping entry (each key starts at the start of its line, and faqSteps' questions line up)",
    ]);
    // Indented on purpose, under a value that holds ": ": quoting is the way out.
    const quoted = await problemsOf({
      "a.md": playbook('title: "A"\ndescription: How we ship\n  safely: always', VALID_BODY),
    });
    expect(quoted[0]).toMatch(
      /bad indentation of a mapping entry \(a value holding ": " needs quotes/,
    );
  });

  it("requires a title", async () => {
    expect(
      await problemsOf({ "a.md": playbook("description: no title here", VALID_BODY) }),
    ).toEqual(["a.md:1: front matter needs a `title` (text)"]);
  });

  it("refuses JavaScript front matter instead of running it", async () => {
    const evil = `---js\n{ title: (globalThis.pwned = "yes") }\n---\n${VALID_BODY}`;
    const problems = await problemsOf({ "a.md": evil });
    expect(problems[0]).toMatch(/^a\.md:1: .*JavaScript front matter is not allowed/);
    expect((globalThis as { pwned?: string }).pwned).toBeUndefined();
  });

  it("reports duplicate and missing step numbers at the heading's line", async () => {
    const body = "### Step 1: A\n\nx\n\n### Step 1: B\n\ny\n\n### Step 3: C\n\nz\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', body) })).toEqual([
      "a.md:9: duplicate Step 1 (first at line 5)",
      "a.md:13: Step 3 comes after step 1: step 2 is missing",
    ]);
  });

  it("reports two steps swapped once each, not a step missing that is there", async () => {
    const step = (n: number) => `### Step ${n}: S${n}\n\nx\n\n`;
    const body = [1, 2, 3, 5, 4, 6].map(step).join("");
    expect(await problemsOf({ "a.md": playbook('title: "A"', body) })).toEqual([
      "a.md:21: Step 4 comes after step 5: number steps in order",
    ]);
    // A swap does not hide a step missing after it.
    const both = [1, 3, 2, 5, 4, 7].map(step).join("");
    expect(await problemsOf({ "a.md": playbook('title: "A"', both) })).toEqual([
      "a.md:13: Step 2 comes after step 3: number steps in order",
      "a.md:21: Step 4 comes after step 5: number steps in order",
      "a.md:25: Step 6 is missing (the steps go up to 7)",
    ]);
    const first = [2, 3].map(step).join("");
    expect(await problemsOf({ "a.md": playbook('title: "A"', first) })).toEqual([
      "a.md:5: Step 2 is the first step: number steps from 1",
    ]);
    // A run of numbers missing is said once.
    const gap = [1, 10, 11].map(step).join("");
    expect(await problemsOf({ "a.md": playbook('title: "A"', gap) })).toEqual([
      "a.md:9: Step 10 comes after step 1: steps 2 to 9 are missing",
    ]);
    // A step 0 ("Prerequisites") is refused, as the steps are numbered from 1.
    const zero = [0, 1, 2].map(step).join("");
    expect(await problemsOf({ "a.md": playbook('title: "A"', zero) })).toEqual([
      "a.md:5: Step 0: number steps from 1",
    ]);
  });

  it("reports a question asked twice but for case and punctuation", async () => {
    const body =
      "## FAQ\n\n### How fast do I respond to a page?\n\nIn 5 minutes.\n\n### how fast do I respond to a page\n\nQuickly.\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', body) })).toEqual([
      "a.md:11: duplicate FAQ question (first at line 7)",
    ]);
    const languages =
      "## FAQ\n\n### How do I learn C++?\n\nRead.\n\n### How do I learn C#?\n\nWrite.\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', languages) })).toEqual([]);
  });

  it("reports an FAQ question with no answer", async () => {
    const body = "## FAQ\n\n### Is this answered?\n\n### What about this?\n\nYes.\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', body) })).toEqual([
      'a.md:7: FAQ question "Is this answered?" has no answer',
    ]);
  });

  it("reports a playbook with neither steps nor FAQs", async () => {
    const problems = await problemsOf({ "a.md": playbook('title: "A"', "Just prose.") });
    expect(problems).toEqual([
      'a.md:5: no steps and no FAQ: add "### Step 1: Title" headings or a "## FAQ" section',
    ]);
  });

  it("reports a step heading without a number", async () => {
    const problems = await problemsOf({
      "a.md": playbook('title: "A"', `### Step two: Later\n\nx\n${VALID_BODY}`),
    });
    expect(problems[0]).toMatch(
      /^a\.md:5: step heading "Step two: Later" should read "Step N: Title"/,
    );
  });

  it("reports a step written as a section heading, which would drop the step", async () => {
    const problems = await problemsOf({
      "a.md": playbook('title: "A"', `## Step 1 - Join the rotation\n\nx\n${VALID_BODY}`),
    });
    expect(problems).toEqual([
      'a.md:5: "Step 1 - Join the rotation" is a level-2 heading: write a step as "### Step N: Title"',
    ]);
  });

  it("reports a step heading with no space before its number, and says how it should read", async () => {
    const problems = await problemsOf({
      "a.md": playbook(
        'title: "A"',
        VALID_BODY.replace("### Step 2: Measure", "### Step2 Measure"),
      ),
    });
    expect(problems).toEqual([
      'a.md:11: step heading "Step2 Measure" should read "Step 2: Measure"',
    ]);
    const colon = await problemsOf({
      "a.md": playbook(
        'title: "A"',
        VALID_BODY.replace("### Step 2: Measure", "### Step2: Measure"),
      ),
    });
    expect(colon).toEqual(['a.md:11: step heading "Step2: Measure" should read "Step 2: Measure"']);
  });

  it("notes a step heading too deep, read as the step above, and a numbered heading read as no step", async () => {
    const body = VALID_BODY.replace(
      "Track lead time.",
      "Track lead time.\n\n#### Step 3: Review\n\nMonthly.\n\n### 4. Celebrate\n\nWith cake.",
    );
    const dir = contentDir({ "a.md": playbook('title: "A"', body) });
    const { problems, notes, playbooks } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(playbooks[0]?.steps[1]?.text).toContain("Monthly.");
    expect(notes.map((n) => formatProblem(n).replace(`${dir}/`, ""))).toEqual([
      'a.md:15: "#### Step 3: Review" is read as part of the step above; if it is a step of its own, write "### Step 3: Review"',
      'a.md:19: "### 4. Celebrate" is not read as a step, and no answer holds its text; if it is a step, write "### Step 4: Celebrate"',
    ]);
  });

  it("reads headings that only look like steps as the sections they are, without a word", async () => {
    const intro =
      "### Steps to follow\n\nRead on.\n\n### Stepping back\n\nWhy.\n\n#### Step 2: Preview\n\nLater.\n\n### 1:1s\n\nWeekly.\n\n### 2.5 release notes\n\nNew.\n";
    const body = VALID_BODY.replace(
      "Track lead time.",
      "Track lead time.\n\n#### Step 2.1: Configure\n\nThe dashboard.",
    );
    const dir = contentDir({ "a.md": playbook('title: "A"', `${intro}${body}`) });
    const { problems, notes, playbooks } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(playbooks[0]?.steps.map((s) => s.title)).toEqual(["Start Small", "Measure"]);
  });

  it("notes a front matter value that runs on into the next key, a quote left open", async () => {
    // The title's quote closes at the description's; what follows reads as a key of its own.
    const front = 'title: "Rollouts\ndescription: "How we ship: safely."';
    const dir = contentDir({ "a.md": playbook(front, VALID_BODY) });
    const { problems, notes, playbooks } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(playbooks[0]?.title).toBe("Rollouts description:");
    expect(notes.map((n) => formatProblem(n).replace(`${dir}/`, ""))).toEqual([
      'a.md:2: `title` runs on into "description:" (it reads "Rollouts description:"): a quote opened on this line is not closed on it',
    ]);
    // A key's name inside a value, quotes closed, is the value's own text.
    const titled = contentDir({
      "a.md": playbook(
        'title: "A"\ndescription: "How to write a good page title: tips"',
        VALID_BODY,
      ),
    });
    expect((await loadContent(titled)).notes).toEqual([]);
  });

  it("notes a question written one heading level too deep in the FAQ, read as answer text", async () => {
    const step =
      "### Step 1: Start Small\n\nPick one team.\n\n#### Why does this matter?\nFocus.\n";
    const faq =
      "## FAQ\n\n### How do we start?\nSmall.\n\n#### Who signs off?\nThe lead.\n\n#### An example\nNot a question.\n\n## Still have questions?\nAsk in #help.\n";
    const dir = contentDir({ "a.md": playbook('title: "A"', `${step}\n${faq}`) });
    const { problems, notes } = await loadContent(dir);
    // A sub-heading of a step, or a section after the FAQ, is the author's to write.
    expect(problems).toEqual([]);
    expect(notes.map((n) => formatProblem(n).replace(`${dir}/`, ""))).toEqual([
      'a.md:17: "#### Who signs off?" is read as part of the answer above; if it is a question of its own, write "### Who signs off?"',
    ]);
  });

  it("names front matter keys that look like ours misspelt, and keeps the authors' own keys quiet", async () => {
    const front =
      'title: "A"\ndescripton: "How we ship."\nfaq_steps:\n  "How do we start?": 1\ncategory: "x"\nscore: 3\nlevel: "y"';
    const dir = contentDir({ "a.md": playbook(front, VALID_BODY) });
    const { problems, notes, playbooks } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(playbooks).toHaveLength(1);
    expect(notes.map((n) => formatProblem(n).replace(`${dir}/`, ""))).toEqual([
      'a.md:3: front matter key "descripton" is not read: did you mean "description"?',
      'a.md:4: front matter key "faq_steps" is not read: did you mean "faqSteps"?',
    ]);
  });

  it("notes two playbooks of one title: one asked for by name finds the first", async () => {
    const dir = contentDir({
      "a.md": playbook('title: "Incident Response"\nslug: "a"', VALID_BODY),
      "b.md": playbook('slug: "b"\ntitle: "incident response"', VALID_BODY),
    });
    const { notes, problems, playbooks } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(playbooks).toHaveLength(2);
    expect(notes.map((n) => formatProblem(n).replace(`${dir}/`, ""))).toEqual([
      `b.md:3: title "incident response" is also a.md's: a playbook asked for by name finds the first`,
    ]);
  });

  it("names a subfolder of playbooks, which is not read", async () => {
    const dir = contentDir({
      "a.md": playbook('title: "A"', VALID_BODY),
      "team-b/b.md": playbook('title: "B"', VALID_BODY),
      "images/logo.png": "png",
    });
    const { playbooks } = await loadContent(dir);
    // Looked for by `check`, not on every load.
    const notes = await unreadSubfolders(dir);
    expect(playbooks.map((p) => p.title)).toEqual(["A"]);
    expect(notes.map(formatProblem)).toEqual([
      `${join(dir, "team-b")}:0: playbooks in a subfolder are not read: move them up into ${dir}`,
    ]);
  });

  it("checks faqSteps mappings against the FAQ and the steps", async () => {
    const front = 'title: "A"\nfaqSteps:\n  "How do we start?": 9\n  "Not a question?": 1';
    const problems = await problemsOf({ "a.md": playbook(front, VALID_BODY) });
    expect(problems).toEqual([
      'a.md:4: faqSteps maps "How do we start?" to step 9, which does not exist',
      'a.md:5: faqSteps names "Not a question?", which is not a question in this playbook\'s FAQ',
    ]);
  });

  it("lists a bad slug and the rest of the file's problems in one run", async () => {
    const front = 'title: "A"\nslug: "Bad Slug!"\nfaqSteps:\n  "Not a question?": 1';
    const problems = await problemsOf({
      "a.md": playbook(front, VALID_BODY),
      // A wrong slug claims none, not the file name's: b.md may keep "a".
      "b.md": playbook('title: "B"\nslug: a', VALID_BODY),
    });
    expect(problems).toEqual([
      "a.md:3: `slug` must be lowercase words joined by hyphens, e.g. `incident-response`",
      'a.md:5: faqSteps names "Not a question?", which is not a question in this playbook\'s FAQ',
    ]);
  });

  it("lists an empty title and a faqSteps naming no question in one run", async () => {
    const front = 'title: ""\nfaqSteps:\n  "Not a question?": 1';
    expect(await problemsOf({ "a.md": playbook(front, VALID_BODY) })).toEqual([
      "a.md:2: `title` is empty",
      'a.md:4: faqSteps names "Not a question?", which is not a question in this playbook\'s FAQ',
    ]);
  });

  it("reports two playbooks with the same slug", async () => {
    const problems = await problemsOf({
      "a.md": playbook('title: "A"\nslug: same', VALID_BODY),
      "b.md": playbook('title: "B"\nslug: same', VALID_BODY),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^b\.md:1: slug "same" is already used by .*a\.md$/);
  });

  it("reports a slug clash with the other problems of the files, not after they are fixed", async () => {
    const problems = await problemsOf({
      "a.md": playbook('title: "A"\nslug: same', "### Step 2: Late\n\nx"),
      "b.md": playbook('title: "B"\nslug: same', VALID_BODY),
    });
    expect(problems).toEqual([
      "a.md:6: Step 2 is the first step: number steps from 1",
      expect.stringMatching(/^b\.md:1: slug "same" is already used by .*a\.md$/),
    ]);
  });

  it("reports an empty question heading, and keeps it out of the answer above it", async () => {
    const body = "## FAQ\n\n### How do we start?\n\nWith one team.\n\n###\n\nOrphan text.\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', body) })).toEqual([
      'a.md:11: an empty "###" heading: write its question after "### "',
    ]);
  });

  it("reports an empty heading in a step or an FAQ, so nothing under it goes unread", async () => {
    const steps = "### Step 1: Start\n\nOne team.\n\n###\n\nThen a second.\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', steps) })).toEqual([
      'a.md:9: an empty "###" heading: write its title after "### ", or remove it',
    ]);
    const faq = "## FAQ\n\n### How do we start?\n\nWith one team.\n\n#\n\n### And then?\n\nMore.\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', faq) })).toEqual([
      'a.md:11: an empty "#" heading: write its title after "# ", or remove it',
    ]);
  });

  it("reads a heading whose #s are followed by a no-break space, pasted from a document", async () => {
    const loaded = await loadBody(
      "###\u00a0Step 1: Start\n\nOne team.\n\n## FAQ\n\n### How do we start?\n\nWith one team.\n\n###\u00a0And then?\n\nMore.\n",
    );
    expect(loaded.steps.map((s) => s.title)).toEqual(["Start"]);
    expect(loaded.faqs.map((f) => [f.question, f.answer])).toEqual([
      ["How do we start?", "With one team."],
      ["And then?", "More."],
    ]);
  });

  it("reports an empty or missing folder", async () => {
    expect(await problemsOf({})).toEqual([
      expect.stringMatching(/no playbooks: the folder holds no \.md files/),
    ]);
    const { problems } = await loadContent("/nonexistent/aifirst");
    expect(formatProblem(problems[0] ?? { file: "", line: 0, message: "" })).toMatch(
      /^\/nonexistent\/aifirst:0: cannot read content: folder not found$/,
    );
    // A file where the folder should be, named once, by its full path.
    const file = join(contentDir({ "a.md": playbook('title: "A"', VALID_BODY) }), "a.md");
    const notAFolder = await loadContent(file);
    expect(notAFolder.problems.map(formatProblem)).toEqual([
      `${file}:0: cannot read content: not a folder`,
    ]);
    // Another reason in Node's words, without the path it quotes.
    const loop = join(contentDir({}), "loop");
    symlinkSync(loop, loop);
    expect((await loadContent(loop)).problems.map(formatProblem)).toEqual([
      `${loop}:0: cannot read content: ELOOP: too many symbolic links encountered`,
    ]);
  });

  it("lets faqSteps override the computed matching step", async () => {
    const front = 'title: "A"\nfaqSteps:\n  "How do we start?": 2';
    const dir = contentDir({ "a.md": playbook(front, VALID_BODY) });
    const { playbooks } = await loadContent(dir);
    expect(playbooks[0]?.faqs[0]?.stepNumber).toBe(2);
  });

  it("reads a question named like an object member as plain text", async () => {
    const body = "### Step 1: A\n\nx\n\n## FAQ\n\n### constructor\n\nAn answer.\n";
    const loaded = await loadBody(body);
    expect(loaded.faqs[0]?.stepNumber).toBeNull();
  });

  it("ignores headings inside fenced code", async () => {
    const body = `${VALID_BODY}\n\`\`\`python\n### Step 9: not a step\n# comment\n\`\`\`\n`;
    const loaded = await loadBody(body);
    expect(loaded.steps).toHaveLength(2);
  });

  it.each(["# FAQ", "## FAQs", "## FAQ:", "## Frequently Asked Questions (FAQ)", "## faq"])(
    "reads the questions under %j",
    async (heading) => {
      const body = `### Step 1: A\n\nx\n\n${heading}\n\n### Is this read?\n\nYes.\n`;
      const loaded = await loadBody(body);
      expect(loaded.faqs.map((f) => f.question)).toEqual(["Is this read?"]);
    },
  );

  it("reads setext headings (a line underlined with === or ---) as CommonMark does", async () => {
    const body = [
      "Guide",
      "=====",
      "",
      "### Step 1: Start Small",
      "",
      "One team first.",
      "",
      "FAQ",
      "---",
      "",
      "### Why one team?",
      "",
      "It is cheaper to learn.",
      "",
      // Not headings: a rule after a blank line, a list item and a quote above "---".
      "---",
      "",
      "- a list item",
      "---",
      "> a quote",
      "---",
      "",
    ].join("\n");
    const loaded = await loadBody(body);
    // The FAQ heading ends step 1's text instead of being read as part of it.
    expect(loaded.steps[0]?.text).toBe("One team first.");
    expect(loaded.faqs).toMatchObject([
      {
        question: "Why one team?",
        answer: "It is cheaper to learn.\n\n- a list item\n\n> a quote",
      },
    ]);
  });

  it.each([
    ["a list", "Install these first:\n- Docker\n- Node 22"],
    ["a numbered list", "Steps:\n1. one\n2. two"],
    ["a quote", "Remember:\n> small steps"],
    ["a table", "| KPI | Target |\n|---|---|\n| MTTR | 1h |"],
    ["a table without outer pipes", "KPI | Target\n--- | ---\nMTTR | 1h"],
    ["HTML", '<img src="x.png" alt="diagram">'],
    ["a sentence", "One team first.\nThen the rest."],
  ])("reads --- under %s as a rule, not a heading", async (_, text) => {
    const body = `### Step 1: Start\n\n${text}\n---\n\n### Step 2: Grow\n\nMore.\n\n## FAQ\n\n### Why?\n\nSo.\n---\n\n### How?\n\nLike this.\n`;
    const loaded = await loadBody(body);
    expect(loaded.steps[0]?.text).toBe(text);
    expect(loaded.faqs.map((f) => f.question)).toEqual(["Why?", "How?"]);
  });

  it.each([
    ["FAQs:\n---", "an FAQ title ending in a colon, underlined"],
    ["Frequently Asked Questions (FAQ):\n---", "the long FAQ title with a colon, underlined"],
    ["   ## FAQ", "an ATX heading indented by three spaces"],
  ])("reads the questions under %j (%s)", async (heading) => {
    const body = `### Step 1: Install\n\nGet Docker.\n\n${heading}\n\n### Who is my buddy?\n\nYour manager.\n`;
    const loaded = await loadBody(body);
    expect(loaded.faqs.map((f) => f.question)).toEqual(["Who is my buddy?"]);
  });

  it("keeps a list item's later paragraphs, and the rule under them, in the step", async () => {
    const body =
      "### Step 1: Install\n\n- Docker\n\n  Check it with `docker ps`\n---\n\nThen restart your shell.\n\n### Step 2: Go\n\nShip it.\n";
    const loaded = await loadBody(body);
    expect(loaded.steps[0]?.text).toBe(
      "- Docker\n\n  Check it with `docker ps`\n\nThen restart your shell.",
    );
  });

  it("takes out rules of any length, and leaves one blank line where they were", async () => {
    const body = "### Step 1: A\n\nOne team first.\n----------\n\n* * *\n\nThen more.\n";
    const loaded = await loadBody(body);
    expect(loaded.steps[0]?.text).toBe("One team first.\n\nThen more.");
  });

  it("reads a fence opened on a list item's line as code, not as the start of one", async () => {
    const body =
      "### Step 1: Configure\n\n- ```yaml\n  key: value\n  ```\n\n### Step 2: Deploy\n\nShip it.\n";
    const loaded = await loadBody(body);
    expect(loaded.steps.map((s) => s.title)).toEqual(["Configure", "Deploy"]);
  });

  it("leaves out what an HTML comment hides, as GitHub does", async () => {
    const body =
      "## FAQ\n\n### Why?\n\nSo.\n\n<!--\n\n### Draft?\n\nNot ready.\n-->\n\n### How? <!-- reviewed -->\n\nLike this.\n";
    const loaded = await loadBody(body);
    expect(loaded.faqs).toMatchObject([
      { question: "Why?", answer: "So." },
      { question: "How?", answer: "Like this." },
    ]);
  });

  it("does not report a section underlined at length after the FAQ", async () => {
    const body =
      "FAQ\n---\n\n### Why?\n\nSo it works.\n\nRelated playbooks\n-----------------\n\n### Code review\n\nSee the code review playbook.\n";
    const loaded = await loadBody(body);
    expect(loaded.faqs.map((f) => f.question)).toEqual(["Why?"]);
  });

  it("reads a heading underlined just after a rule", async () => {
    const body = "### Step 1: A\n\nx\n\n---\nFAQ\n---\n\n### Why?\n\nSo.\n";
    const loaded = await loadBody(body);
    expect(loaded.faqs.map((f) => f.question)).toEqual(["Why?"]);
  });

  it("reports an underlined line that ends the FAQ before more questions", async () => {
    const body =
      "## FAQ\n\n### Who is my buddy?\n\nYour manager assigns one.\n\nThey meet you on day one\n---\n\n### When?\n\nDay one.\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', body) })).toEqual([
      'a.md:11: "They meet you on day one" over a line of --- is a heading, which ends the FAQ, so the questions after it (from line 14) are not read: leave a blank line above --- to draw a line, or write "## They meet you on day one" for a new section',
    ]);
  });

  it("notes a question one level too high, which ends the FAQ before more questions", async () => {
    const body =
      "## FAQ\n\n### Who is my buddy?\n\nYour manager.\n\n## Who is the secondary on call?\n\nThe next in the rota.\n\n### When?\n\nDay one.\n";
    const dir = contentDir({ "a.md": playbook('title: "A"', body) });
    const { problems, notes } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(notes.map((n) => formatProblem(n).replace(`${dir}/`, ""))).toEqual([
      'a.md:11: "## Who is the secondary on call?" ends the FAQ, so it and the questions after it (from line 15) are read as a section, not as questions: if it is a question, write "### Who is the secondary on call?"',
    ]);
  });

  it("says nothing of a section after the FAQ that asks something, with no questions under it", async () => {
    for (const after of [
      "## Still have questions?\n\nAsk in #eng-help.\n",
      "## Still have questions?\n\n### Ask in Slack\n\nIn #eng-help.\n",
    ]) {
      const dir = contentDir({
        "a.md": playbook('title: "A"', `## FAQ\n\n### Why?\n\nSo.\n\n${after}`),
      });
      const { problems, notes } = await loadContent(dir);
      expect([...problems, ...notes]).toEqual([]);
    }
  });

  it("reads a setext heading written over two lines", async () => {
    const body = "### Step 1: A\n\nx\n\nFrequently asked\nquestions\n---\n\n### Empty?\n";
    expect(await problemsOf({ "a.md": playbook('title: "A"', body) })).toEqual([
      // Only a question of the FAQ section is checked for an answer.
      'a.md:13: FAQ question "Empty?" has no answer',
    ]);
  });

  it("keeps a # that ends a heading's text, and drops a closing run of #s", async () => {
    const body = "### Step 1: Learn C#\n\nx\n\n## FAQ ##\n\n### Why F#? ###\n\nWhy not.\n";
    const loaded = await loadBody(body);
    expect(loaded.steps[0]?.title).toBe("Learn C#");
    expect(loaded.faqs[0]?.question).toBe("Why F#?");
  });

  it("names the key when a front matter value is blank or of the wrong kind", async () => {
    const problems = await problemsOf({
      "a.md": playbook('title: "A"\ndescription:\nslug:\nfaqSteps: 3', VALID_BODY),
    });
    expect(problems).toEqual([
      "a.md:3: `description` must be text; leave it out if there is none",
      "a.md:4: `slug` must be text, e.g. `incident-response`; leave it out to use the file name",
      'a.md:5: `faqSteps` must map questions to step numbers, e.g. `"How do we start?": 1`',
    ]);
  });
});
