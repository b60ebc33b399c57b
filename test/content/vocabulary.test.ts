/**
 * What content authors write besides steps and FAQs: a folder's glossary and
 * the other ways to ask each question ("Also asked:"). Both are validated like
 * playbooks, and both change what the bot answers.
 */
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/answer/bot.ts";
import { parseGlossary } from "../../src/content/glossary-file.ts";
import { loadContent, loadLibrary } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/types.ts";
import { contentDir, playbook } from "../support/playbook-files.ts";

/** The folder's problems, each as `file:line: problem` with the folder left out. */
async function problemsIn(dir: string): Promise<string[]> {
  return (await loadContent(dir)).problems.map((p) => formatProblem(p).replace(`${dir}/`, ""));
}

const FAQ = `## FAQ

### How do we ship a release?
Also asked: how do releases go out | what is the release process

Cut a branch on Tuesday and let the train take it.

### Who owns the deploy pipeline?
Also asked:
- who maintains ci
- who do i ask about the build

The platform team.
`;

describe("alternate phrasings", () => {
  it("are read from an 'Also asked' line or list, and kept out of the answer", async () => {
    const { playbooks, problems } = await loadContent(
      contentDir({ "r.md": playbook('title: "Releases"', FAQ) }),
    );
    expect(problems).toEqual([]);
    const [ship, owner] = playbooks[0]?.faqs ?? [];
    expect(ship?.alternates).toEqual(["how do releases go out", "what is the release process"]);
    expect(ship?.answer).toBe("Cut a branch on Tuesday and let the train take it.");
    expect(owner?.alternates).toEqual(["who maintains ci", "who do i ask about the build"]);
    expect(owner?.answer).toBe("The platform team.");
  });

  it("answer a question asked their way, with the FAQ's own question as the title", async () => {
    const { playbooks, glossary } = await loadLibrary(
      contentDir({ "r.md": playbook('title: "Releases"', FAQ) }),
    );
    const bot = createBot(playbooks, { glossary });
    const { reply, view } = bot.ask("who do i ask about the build?");
    expect(reply.faq?.question).toBe("Who owns the deploy pipeline?");
    expect(view.title).toBe("Who owns the deploy pipeline?");
  });

  it("are read under a step too: kept out of its text, and matched like its title", async () => {
    const steps = `### Step 1: Cut the Branch
Also asked: when does the train leave

Cut \`release/x\` on Tuesday.

### Step 2: Watch the Canary
Also asked: how do we know a release is healthy

Watch the dashboard for an hour.
`;
    const { playbooks, glossary, problems } = await loadContent(
      contentDir({ "r.md": playbook('title: "Releases"', steps) }),
    );
    expect(problems).toEqual([]);
    const [cut, watch] = playbooks[0]?.steps ?? [];
    expect(cut?.alternates).toEqual(["when does the train leave"]);
    expect(cut?.text).toBe("Cut `release/x` on Tuesday.");
    expect(watch?.text).toBe("Watch the dashboard for an hour.");
    const bot = createBot(playbooks, { glossary });
    const { reply, view } = bot.ask("how do we know a release is healthy?");
    expect(reply.step?.title).toBe("Watch the Canary");
    expect(view.title).toBe("Step 2: Watch the Canary");
  });

  it("are read after the answer too, never shown as part of it, except as an example in code", async () => {
    const body = `## FAQ

### How do we ship a release?

Cut a branch on Tuesday.

Also asked: how do releases go out | when is release day

### How do I write an FAQ entry?

Put its other phrasings on a line of their own:

\`\`\`markdown
Also asked: first way | second way
\`\`\`

Also-asked: how do i add a question
`;
    const { playbooks, problems } = await loadContent(
      contentDir({ "r.md": playbook('title: "Releases"', body) }),
    );
    expect(problems).toEqual([]);
    const [ship, write] = playbooks[0]?.faqs ?? [];
    expect(ship?.alternates).toEqual(["how do releases go out", "when is release day"]);
    expect(ship?.answer).toBe("Cut a branch on Tuesday.");
    expect(write?.alternates).toEqual(["how do i add a question"]);
    expect(write?.answer).toBe(
      "Put its other phrasings on a line of their own:\n\n```markdown\nAlso asked: first way | second way\n```",
    );
  });

  it("start a paragraph: a wrapped sentence, indented code or a comment holds none", async () => {
    const body = [
      "### Step 1: Review",
      "Reviewers read the diff. Authors are",
      "also asked: to link the ticket.",
      "",
      "    Also asked: an indented code line",
      "",
      "<!--",
      "Also asked: a draft",
      "-->",
      "More text.",
    ].join("\n");
    const { playbooks, problems } = await loadContent(
      contentDir({ "r.md": playbook('title: "R"', body) }),
    );
    expect(problems).toEqual([]);
    const [review] = playbooks[0]?.steps ?? [];
    expect(review?.alternates).toBeUndefined();
    expect(review?.text).toContain("Authors are\nalso asked: to link the ticket.");
    expect(review?.text).toContain("    Also asked: an indented code line");
  });

  it("start a paragraph after a comment, a code block or a sub-heading too", async () => {
    const body = [
      "## FAQ",
      "",
      "### Who approves?",
      "The lead approves.",
      "<!-- reviewed in May -->",
      "Also asked: who signs off",
      "",
      "### How do I run it?",
      "```sh",
      "make run",
      "```",
      "Also asked: how to start it locally",
      "",
      "### Where is it?",
      "`<!--` opens an HTML comment.",
      "",
      "#### Details",
      "Also asked: where do i find it",
      "In the repo.",
    ].join("\n");
    const { playbooks, problems } = await loadContent(
      contentDir({ "r.md": playbook('title: "R"', body) }),
    );
    expect(problems).toEqual([]);
    const [approve, run, where] = playbooks[0]?.faqs ?? [];
    expect(approve?.alternates).toEqual(["who signs off"]);
    expect(approve?.answer).not.toContain("Also asked");
    expect(run?.alternates).toEqual(["how to start it locally"]);
    expect(where?.alternates).toEqual(["where do i find it"]);
  });

  it("are one list under a heading: a second 'Also asked' line is reported", async () => {
    const dir = contentDir({
      "r.md": playbook(
        'title: "R"',
        "## FAQ\n\n### Q one?\nAlso asked: one way\n\nAn answer.\n\nAlso asked: another way\n",
      ),
    });
    const problems = await problemsIn(dir);
    expect(problems).toEqual([
      'r.md:12: a second "Also asked:" under one heading: list every phrasing under the first',
    ]);
  });

  it("are reported under no question or step, where they would match nothing", async () => {
    const body =
      "Also asked: intro\n\n## FAQ\nAlso asked: before any question\n\n### Q one?\nAn answer.\n";
    const dir = contentDir({ "r.md": playbook('title: "R"', body) });
    const problems = await problemsIn(dir);
    expect(problems).toEqual([
      'r.md:5: "Also asked:" under no question or step: put it under the "### ..." heading it is for',
      'r.md:8: "Also asked:" under no question or step: put it under the "### ..." heading it is for',
    ]);
  });

  it("are reported when empty or far too long", async () => {
    const dir = contentDir({
      "r.md": playbook(
        'title: "R"',
        `## FAQ\n\n### Q one?\nAlso asked:\n\nAn answer.\n\n### Q two?\nAlso asked: ${"word ".repeat(80)}\n\nAnother.\n`,
      ),
    });
    const problems = await problemsIn(dir);
    expect(problems).toEqual([
      'r.md:8: "Also asked:" lists no phrasing',
      'r.md:13: an "Also asked" phrasing is over 300 characters: write it as a question',
    ]);
  });
});

describe("a content folder's glossary", () => {
  it("reads groups of phrases, and reports bad ones at their line", () => {
    const good = parseGlossary(
      "g.yml",
      "synonyms:\n  - [pull request, pr]\n  - [k8s, kubernetes]\n",
    );
    expect(good.problems).toEqual([]);
    expect(good.glossary.groups).toEqual([
      ["pull request", "pr"],
      ["k8s", "kubernetes"],
    ]);
    const bad = parseGlossary(
      "g.yml",
      "synonyms:\n  - [alone]\n  - [a, b]\n  - [b, c]\nextra: 1\n",
    );
    expect(bad.problems.map(formatProblem)).toEqual([
      "g.yml:2: group 1: a group needs at least two phrases that mean the same",
      // Listed in the same run as the problems above, not after they are mended.
      'g.yml:4: "b" is in two groups (2 and 3): join them into one, or, if it means two things, keep it in only one group',
      'g.yml:5: unknown key "extra": a glossary holds `synonyms` and `default`',
    ]);
    // Read as the groups are: trimmed, and an empty phrase reported once, as empty.
    const spaced = parseGlossary("g.yml", "synonyms:\n  - [' b', a, '']\n  - [b, c]\n  - [x]\n");
    expect(spaced.problems.map(formatProblem)).toEqual([
      "g.yml:2: group 1, phrase 3: a phrase is empty",
      'g.yml:3: "b" is in two groups (1 and 2): join them into one, or, if it means two things, keep it in only one group',
      "g.yml:4: group 3: a group needs at least two phrases that mean the same",
    ]);
    // Twice in one group does no harm: a note, not a problem.
    const repeated = parseGlossary("g.yml", "synonyms:\n  - [a, b]\n  - [c, d, C, d]\n");
    expect(repeated.problems).toEqual([]);
    expect(repeated.glossary.groups).toHaveLength(2);
    expect(repeated.notes.map(formatProblem)).toEqual([
      'g.yml:3: "C" is twice in group 2: once is enough',
      'g.yml:3: "d" is twice in group 2: once is enough',
    ]);
    expect(good.notes).toEqual([]);
    const twice = parseGlossary("g.yml", "synonyms:\n  - [a, b]\n  - [b, c]\n");
    expect(twice.problems.map(formatProblem)).toEqual([
      'g.yml:3: "b" is in two groups (1 and 2): join them into one, or, if it means two things, keep it in only one group',
    ]);
    expect(parseGlossary("g.yml", "synonyms: [\n").problems[0]?.message).toMatch(/invalid YAML/);
    // A list of groups without its key: said as what a glossary holds, not as a type.
    expect(parseGlossary("g.yml", "- [a, b]\n").problems.map(formatProblem)).toEqual([
      "g.yml:1: a glossary holds `synonyms:`, a list of groups (- [pull request, pr]), and may hold `default`",
    ]);
  });

  it("applies over the shipped engineering glossary, or alone with default: false", async () => {
    const body = "## FAQ\n\n### Who reviews pull requests?\nThe owning team.\n";
    const shipped = await loadLibrary(contentDir({ "a.md": playbook('title: "A"', body) }));
    // "PR" is in the shipped glossary.
    const terms = (lib: typeof shipped, text: string) =>
      createBot(lib.playbooks, lib).knowledge.analyzer.terms(text);
    expect(terms(shipped, "prs")).toEqual(terms(shipped, "pull requests"));
    // A group's first phrase in the plural, as an abbreviation's plural is typed.
    expect(terms(shipped, "ctos slos")).toEqual(terms(shipped, "cto slo"));
    // Days as people shorten them, and developer tools as they write them.
    expect(terms(shipped, "deploy on fri or tues")).toEqual(
      terms(shipped, "deploy on Friday or Tuesday"),
    );
    expect(terms(shipped, "vscode venv")).toEqual(terms(shipped, "VS Code virtual environment"));
    // Time as Slack shortens it, and front-end jargon.
    expect(terms(shipped, "2 hrs, next wk, tmrw")).toEqual(
      terms(shipped, "2 hours, next week, tomorrow"),
    );
    expect(terms(shipped, "our aws spend")).toEqual(terms(shipped, "our aws costs"));
    expect(terms(shipped, "who can force merge")).toEqual(terms(shipped, "who can bypass"));
    expect(terms(shipped, "the tuesday cutoff")).toEqual(terms(shipped, "the tuesday cut"));
    expect(terms(shipped, "new people on call")).toEqual(terms(shipped, "new hires on call"));
    expect(terms(shipped, "perf on the front-end")).toEqual(
      terms(shipped, "performance on the frontend"),
    );
    // Words shortened in chat.
    expect(terms(shipped, "the svc impl msg, repro asap")).toEqual(
      terms(shipped, "the service implementation message, reproduce as soon as possible"),
    );
    expect(terms(shipped, "a security advisory for a lib")).toEqual(
      terms(shipped, "a vulnerability for a library"),
    );
    expect(terms(shipped, "an exemption for the rc")).toEqual(
      terms(shipped, "a waiver for the release candidate"),
    );
    expect(terms(shipped, "halt the rollout, kill the process")).toEqual(
      terms(shipped, "stop the rollout, stop the process"),
    );
    // A glossary's words are words to correct to: "async" there made every "sync" one.
    expect(createBot(shipped.playbooks, shipped).knowledge.read(["sync"])).toEqual([
      { word: "sync", guessed: false },
    ]);
    // Abbreviations that mean something else too stay as typed: "min" replicas, "sec" review.
    expect(terms(shipped, "min replicas sec review")).not.toEqual(
      terms(shipped, "minutes replicas seconds review"),
    );
    // Phrases match on stems: "accessibility" would make "a11y" every "access".
    expect(terms(shipped, "a11y")).not.toEqual(terms(shipped, "access"));
    const own = await loadLibrary(
      contentDir({
        "a.md": playbook('title: "A"', body),
        "glossary.yml": "default: false\nsynonyms:\n  - [pull requests, diffs]\n",
      }),
    );
    const bot = createBot(own.playbooks, own);
    expect(bot.ask("who reviews diffs").reply.faq?.question).toBe("Who reviews pull requests?");
    expect(terms(own, "prs")).not.toEqual(terms(own, "pull requests"));
  });

  it("joins a shipped group through a shared word, but takes a shared abbreviation alone", async () => {
    const body = "## FAQ\n\n### Who writes the postmortem?\nThe incident commander.\n";
    const dir = contentDir({
      "a.md": playbook('title: "A"', body),
      // "pm" is a product manager in the shipped glossary; here it is a postmortem.
      "glossary.yml": "synonyms:\n  - [postmortem, pm]\n  - [kubernetes, kube cluster]\n",
    });
    const lib = await loadLibrary(dir);
    const terms = (text: string) => createBot(lib.playbooks, lib).knowledge.analyzer.terms(text);
    expect(terms("pm")).toEqual(terms("postmortem"));
    expect(terms("retro")).toEqual(terms("postmortem"));
    // The shipped group keeps its other words, and is not read as a postmortem.
    expect(terms("product manager")).not.toEqual(terms("postmortem"));
    // Its plural goes with it, as the analyzer reads a plural as its singular.
    expect(terms("pms")).toEqual(terms("postmortem"));
    // A whole word shared joins the groups: "k8s" and "kube cluster" are one.
    expect(terms("k8s")).toEqual(terms("kube cluster"));
    // So does a longer word, or the plural of a group's first word.
    const more = await loadLibrary(
      contentDir({
        "a.md": playbook('title: "A"', body),
        "glossary.yml": "synonyms:\n  - [velocity, fast]\n  - [flaw, bugs]\n",
      }),
    );
    const moreTerms = (text: string) =>
      createBot(more.playbooks, more).knowledge.analyzer.terms(text);
    expect(moreTerms("quick fast velocity")).toEqual(moreTerms("velocity velocity velocity"));
    expect(moreTerms("bug bugs defect")).toEqual(moreTerms("flaw flaw flaw"));
    // A taken abbreviation takes every form the analyzer reads as it: "acked" with "ack".
    const ack = await loadLibrary(
      contentDir({
        "a.md": playbook('title: "A"', body),
        "glossary.yml": "synonyms:\n  - [confirm, ack]\n",
      }),
    );
    const ackTerms = (text: string) => createBot(ack.playbooks, ack).knowledge.analyzer.terms(text);
    expect(ackTerms("ack acked acking")).toEqual(ackTerms("confirm confirm confirm"));
    expect(ackTerms("acknowledge")).not.toEqual(ackTerms("confirm"));
    expect(
      (await loadContent(more.playbooks[0]?.file.replace(/\/a\.md$/, "") ?? "")).glossaryNotes,
    ).toEqual([]);
    const bot = createBot(lib.playbooks, lib);
    expect(bot.ask("who is our product manager").reply.kind).toBe("fallback");
    expect(bot.ask("who writes the pm").reply.faq?.question).toBe("Who writes the postmortem?");
    expect((await loadContent(dir)).glossaryNotes).toEqual([
      {
        group: ["postmortem", "pm"],
        earlier: ["product manager", "pm", "pms"],
        took: ["pm", "pms"],
      },
    ]);
  });

  it("is read from glossary.yaml too, but one glossary file only", async () => {
    const body = "## FAQ\n\n### Who reviews diffs?\nThe owning team.\n";
    const yaml = contentDir({
      "a.md": playbook('title: "A"', body),
      "glossary.yaml": "synonyms:\n  - [diffs, changesets]\n",
    });
    const lib = await loadLibrary(yaml);
    expect(createBot(lib.playbooks, lib).ask("who reviews changesets").reply.faq?.question).toBe(
      "Who reviews diffs?",
    );
    const both = contentDir({
      "a.md": playbook('title: "A"', body),
      "glossary.yml": "synonyms:\n  - [diffs, changesets]\n",
      "glossary.yaml": "synonyms:\n  - [diffs, patches]\n",
    });
    const problems = await problemsIn(both);
    expect(problems).toEqual([
      "glossary.yaml:1: a second glossary beside glossary.yml: keep one of the two files",
    ]);
  });

  it("is checked by `check` like a playbook", async () => {
    const dir = contentDir({
      "a.md": playbook('title: "A"', "## FAQ\n\n### Q?\nA.\n"),
      "glossary.yml": "synonyms:\n  - just text\n",
    });
    const problems = await problemsIn(dir);
    expect(problems).toEqual([
      "glossary.yml:2: group 1: each group must be a list, e.g. [pull request, pr]",
    ]);
  });
});

describe("front matter errors", () => {
  it("point at the line where an unclosed quote opened, not where the YAML ends", async () => {
    const dir = contentDir({
      "a.md": playbook('title: "Unclosed\nslug: a', "### Step 1: One\nText.\n"),
    });
    const problems = await problemsIn(dir);
    expect(problems[0]).toMatch(/^a\.md:2: invalid YAML in front matter: .*double quoted/);
  });

  it("point at a quote left open even when the next quote closes it, lines later", async () => {
    const dir = contentDir({
      "a.md": playbook(
        'title: "Payments Incident\ndescription: "How we respond."',
        "### Step 1: One\nText.\n",
      ),
    });
    const problems = await problemsIn(dir);
    expect(problems).toEqual([
      "a.md:2: invalid YAML in front matter: a quote opened on this line is not closed on it",
    ]);
  });
});

describe("the content's version", () => {
  it("names what was read: the same files give the same version, a glossary edit another", async () => {
    const files = {
      "a.md": playbook('title: "A"', "## FAQ\n\n### Q?\nA.\n"),
      "glossary.yml": "synonyms:\n  - [pr, pull request]\n",
    };
    const first = await loadContent(contentDir(files));
    expect((await loadContent(contentDir(files))).version).toBe(first.version);
    const edited = await loadContent(
      contentDir({ ...files, "glossary.yml": "synonyms:\n  - [pr, merge request]\n" }),
    );
    expect(edited.version).not.toBe(first.version);
  });
});
