import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentDir, playbook, VALID_BODY } from "../../support/playbook-files.ts";

const BIN = "bin/aifirst.js";

/** Runs the real `aifirst` bin, as a user's shell would. */
function aifirst(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? "",
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the aifirst command line", () => {
  it("answers a question readably", () => {
    const { code, stdout } = aifirst(["ask", "how do we measure ai kpis?"]);
    expect(code).toBe(0);
    expect(stdout).toContain("How can AI engineering KPIs be effectively measured?");
    expect(stdout).toContain("Playbook step 6: Set KPIs and Monitor Progress");
    expect(stdout).not.toContain("\u001b["); // no colour codes when piped
  });

  it("explains an answer with --why: how the question was read, the closest answers, where each word was found", () => {
    const { code, stdout } = aifirst(["ask", "--why", "how do we mesure ai kpis?"]);
    expect(code).toBe(0);
    const [answer, why] = stdout.split("\nWhy this answer\n");
    expect(answer).toContain("How can AI engineering KPIs be effectively measured?");
    expect(why).toContain("Read as: how do we measure ai kpi");
    expect(why).toMatch(
      /Words searched \(a rarer word weighs more\): measure [\d.]+ \(guessed: a typo or initials\) · ai [\d.]+ · kpi [\d.]+/,
    );
    expect(why).toMatch(
      /1\. FAQ "How can AI engineering KPIs be effectively measured\?" \(building-an-ai-first-engineering-organization\): covers \d+% of the question, confidence [\d.]+ \(the answer given\)\n +matched through its Also asked line "how do we measure ai kpis"\n +in that line: measure, ai, kpi/,
    );
    // A sure answer needs no fix; words in no playbook are named with what would read them.
    expect(why).not.toContain("To fix");
    expect(aifirst(["ask", "--why", "can we use copilot for the fca audit"]).stdout).toContain(
      '  To fix: "fca", "audit" are in no playbook. If the right answer puts them in other words, a glossary group of both reads them alike; or write the asker\'s way as an "Also asked:" line under the right question.\n',
    );
    expect(aifirst(["ask", "--why", "should we buy or build"]).stdout).toContain(
      '  To fix a wrong or unsure answer: an "Also asked:" line with these words under the right question, or a glossary group for a word the right answer says otherwise.\n',
    );
    expect(
      aifirst(["ask", "--why", "should i link the jira ticket in the pr"], {
        env: { CONTENT_DIR: "test/fixtures/playbooks" },
      }).stdout,
    ).toContain("  The answer given broke a tie: the answers after it that tie with one another");
    // The seed with the two fixture playbooks beside it, as the eval asks of them.
    const library = mkdtempSync(path.join(tmpdir(), "aifirst-library-"));
    cpSync("content", library, { recursive: true });
    cpSync("test/fixtures/playbooks", library, { recursive: true });
    const byKind = aifirst(
      ["ask", "--why", "why should we bother tracking data lineage for our models?"],
      { env: { CONTENT_DIR: library } },
    );
    rmSync(library, { recursive: true });
    expect(byKind.stdout).toContain(
      '  The answer given is the best step: the best FAQ, by its Also asked line "what metrics should we track for ai", asks for "what or how", this question for "why", and the step is at least as likely right, so the FAQ does not answer it.',
    );
    expect(aifirst(["ask", "--why", "step 3"]).stdout).toContain(
      "Why: read as a command (or a greeting, or thanks); nothing was searched.",
    );
    const bad = aifirst(["ask", "--why", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--why explains one question");
  });

  it("answers a command given as several words", () => {
    const { code, stdout } = aifirst(["ask", "step", "3"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Step 3: Structure Your Team/);
  });

  it("reads the bot's slash command typed without its slash, or its name, as the bot addressed", () => {
    expect(aifirst(["ask", "aifirst step 3"]).stdout).toMatch(/^Step 3: Structure Your Team/);
    expect(aifirst(["ask", "aifirst help"]).stdout).toContain("How to ask me");
    const renamed = { SLACK_COMMAND: "/playbooks", BOT_NAME: "Helper" };
    expect(aifirst(["ask", "playbooks step 2"], { env: renamed }).stdout).toMatch(/^Step 2: /);
    expect(aifirst(["ask", "helper: step 4"], { env: renamed }).stdout).toMatch(/^Step 4: /);
    // Not a name here: "aifirst" is read as a word of the question.
    const asWords = aifirst(["ask", "aifirst step 3"], { env: renamed });
    expect(asWords.code).toBe(0);
    expect(asWords.stdout).toMatch(/^I'm not sure I have an answer to that/);
  });

  it("streams one JSON line per stdin line, in order, with --json", () => {
    const { code, stdout, stderr } = aifirst(["ask", "--json"], {
      input: "step 3\nhow do we measure ai kpis?\n\nwhat's for lunch\n",
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.input, l.kind])).toEqual([
      ["step 3", "step"],
      ["how do we measure ai kpis?", "faq"],
      ["", "help"],
      ["what's for lunch", "fallback"],
    ]);
    expect(lines[0]).toEqual({
      input: "step 3",
      kind: "step",
      playbook: "building-an-ai-first-engineering-organization",
      faq: null,
      step: {
        number: 3,
        title: "Structure Your Team",
        text: "Decide if you want a centralized or decentralized AI team. Centralized means consistency, decentralized means innovation. Maybe a mix of both is your sweet spot.",
      },
      confidence: 1,
      suggestions: [],
      sure: true,
      id: lines[0].id,
    });
    expect(lines[0].id).toMatch(/^[0-9a-f-]{36}$/);
    // Every reply is named apart, for feedback.
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(lines[3].sure).toBe(false);
    expect(lines[1].step.number).toBe(6);
  });

  it("writes each JSON answer as soon as its question arrives", async () => {
    const child = spawn(process.execPath, [BIN, "ask", "--json"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const firstLine = new Promise<string>((resolve) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0] ?? "");
      });
    });
    child.stdin.write("step 1\n"); // stdin stays open: the answer must not wait for its end
    const line = JSON.parse(await firstLine);
    expect(line.step.title).toBe("Define Your AI Strategy");
    child.stdin.end();
    await new Promise((resolve) => child.on("close", resolve));
  });

  it("checks good content: exit 0 and a one-line summary", () => {
    const { code, stdout } = aifirst(["check"]);
    expect(code).toBe(0);
    expect(stdout).toBe("ok: 1 playbook, 7 steps, 10 FAQs in content\n");
    expect(aifirst(["check", "test/fixtures/playbooks"]).stdout).toBe(
      "ok: 2 playbooks, 12 steps, 16 FAQs in test/fixtures/playbooks\n",
    );
  });

  it("notes what is valid but likely not meant: abbreviations taken from the shipped glossary, a misspelt key, a phrase written twice", () => {
    const dir = contentDir({
      "services.md": playbook('title: "Services"\nslug: "services"\ndescripton: "x"', VALID_BODY),
      "glossary.yml": "synonyms:\n  - [ledger, db, Ledger]\n",
    });
    const { code, stdout } = aifirst(["check", dir]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `ok: 1 playbook, 2 steps, 1 FAQ in ${dir}\n` +
        `${dir}/services.md:4: note: front matter key "descripton" is not read: did you mean "description"?\n` +
        `${dir}/glossary.yml:2: note: "Ledger" is twice in group 1: once is enough\n` +
        // The group as written.
        'glossary: [ledger, db, Ledger] takes "db", "dbs" from the group "database": they read as "ledger" now\n',
    );
  });

  it("asks an author's questions of the content checked, and lists what missed", () => {
    const file = path.join(contentDir({}), "questions.tsv");
    writeFileSync(
      file,
      [
        "# question, a tab, the answer it should get",
        "how do we measure ai kpis\tHow can AI engineering KPIs be effectively measured?",
        "how should we structure our ai team\tstep 3",
        "whats the ai roadmap\tstep 2 building-an-ai-first-engineering-organization",
        "whats the wifi password\t-",
        "",
        "who owns billing\tNot a question here?",
      ].join("\n"),
    );
    const { code, stdout } = aifirst(["check", "content", "--questions", file]);
    expect(code).toBe(1);
    expect(stdout.split("\n")).toEqual([
      "ok: 1 playbook, 7 steps, 10 FAQs in content",
      `${file}:7: no FAQ asks "Not a question here?" (an FAQ's question as written, step N, or -)`,
      `${file}:4: "whats the ai roadmap" got "What are the key components of an AI transformation roadmap?"; it should get step 2 (building-an-ai-first-engineering-organization)`,
      "questions: 2 of 3 answered right, 1 wrong, 0 not sure; 1 of 1 out of scope caught",
      "",
    ]);
    // The file's text reaches a terminal without its escape sequences.
    writeFileSync(file, "who owns billing\t\u001b]0;pwned\u0007What?\n");
    const shown = aifirst(["check", "--questions", file]).stdout;
    expect(shown).not.toContain("\u001b");
    expect(shown).not.toContain("\u0007");
    writeFileSync(
      file,
      [
        "how do we measure ai kpis\tHow can AI engineering KPIs be effectively measured?",
        "how should we structure our ai team\tstep 3",
        "whats the ai roadmap\tstep 2 building-an-ai-first-engineering-organization",
        "whats the wifi password\t-",
      ].join("\n"),
    );
    // One file, given once: "--questions=FILE" too.
    expect(aifirst(["check", "--questions", file, "--questions", file]).code).toBe(2);
    expect(aifirst(["check", `--questions=${file}`]).stdout).toContain("questions: 2 of 3");
    // Every question as it should be: exit 0, for a CI job to run.
    writeFileSync(
      file,
      "how do we measure ai kpis\tHow can AI engineering KPIs be effectively measured?\nwhats the wifi password\t-\n",
    );
    expect(aifirst(["check", "content", "--questions", file])).toMatchObject({
      code: 0,
      stdout:
        "ok: 1 playbook, 7 steps, 10 FAQs in content\nquestions: 1 of 1 answered right, 0 wrong, 0 not sure; 1 of 1 out of scope caught\n",
    });
  });

  it("says which acronyms the playbooks spell out, and so how questions will read them", () => {
    const dir = contentDir({
      "services.md": playbook(
        'title: "Services"\nslug: "services"\ndescription: "Owning a service."',
        VALID_BODY.replace("Pick one team.", "Pass the Production Readiness Review (PRR)."),
      ),
    });
    expect(aifirst(["check", dir]).stdout).toBe(
      `ok: 1 playbook, 2 steps, 1 FAQ in ${dir}\nacronyms read as their words: PRR (production readiness review)\n`,
    );
  });

  it("checks bad content: exit 1 and one file:line line per problem", () => {
    const dir = contentDir({
      "good.md": playbook('title: "Good"', VALID_BODY),
      "bad.md": playbook("description: untitled", "### Step 2: Late\n\ntext\n"),
    });
    const { code, stdout, stderr } = aifirst(["check", dir]);
    expect(code).toBe(1);
    expect(stdout.split("\n")).toEqual([
      `${dir}/bad.md:1: front matter needs a \`title\` (text)`,
      `${dir}/bad.md:5: Step 2 is the first step: number steps from 1`,
      "",
    ]);
    expect(stderr).toBe("2 problems found\n");
  });

  it("honours CONTENT_DIR and refuses to answer from invalid content", () => {
    const good = aifirst(["ask", "step 2"], { env: { CONTENT_DIR: "test/fixtures/playbooks" } });
    expect(good.stdout).toContain("Write a Useful Description");
    const dir = contentDir({ "bad.md": playbook('title: "Bad"', "No structure here.") });
    const bad = aifirst(["ask", "anything"], { env: { CONTENT_DIR: dir } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${dir}/bad.md:5: no steps and no FAQ`);
    expect(bad.stderr).toContain("refusing to answer from invalid content");
    expect(bad.stdout).toBe("");
  });

  it("reads linked playbooks and reports a broken link without stopping", () => {
    const dir = contentDir({});
    symlinkSync(
      path.resolve("content/building-an-ai-first-engineering-organization.md"),
      path.join(dir, "seed.md"),
    );
    symlinkSync("/nonexistent/aifirst.md", path.join(dir, "broken.md"));
    const { code, stdout } = aifirst(["check", dir]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${dir}/broken.md:1: cannot read the file (ENOENT)\n`);
    unlinkSync(path.join(dir, "broken.md"));
    expect(aifirst(["check", dir]).stdout).toBe(`ok: 1 playbook, 7 steps, 10 FAQs in ${dir}\n`);
  });

  it("stops quietly when the reader of --json output goes away", () => {
    const result = spawnSync(
      "bash",
      ["-c", `yes "step 3" | head -20000 | "${process.execPath}" ${BIN} ask --json | head -1`],
      {
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(JSON.parse(result.stdout).step.number).toBe(3);
    expect(result.stderr).toBe("");
  });

  it("answers a question given on the command line with --json as one JSON line", () => {
    for (const args of [
      ["ask", "--json", "step 3"],
      ["ask", "step", "3", "--json"],
    ]) {
      const { code, stdout } = aifirst(args);
      expect(code).toBe(0);
      const lines = stdout.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string)).toMatchObject({ kind: "step", step: { number: 3 } });
    }
  });

  it("prints usage for --help and a clear error for unknown commands", () => {
    const help = aifirst(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('aifirst ask "question"');
    const wrong = aifirst(["frobnicate"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown command "frobnicate"');
  });

  it("prints usage for a command's --help, and refuses an option it does not know", () => {
    for (const args of [
      ["ask", "--help"],
      ["check", "--help"],
      ["serve", "-h"],
    ]) {
      const { code, stdout } = aifirst(args);
      expect(code, args.join(" ")).toBe(0);
      expect(stdout, args.join(" ")).toContain('aifirst ask "question"');
    }
    for (const args of [
      ["ask", "--jsn", "step 3"],
      ["check", "--strict"],
    ]) {
      const { code, stdout, stderr } = aifirst(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(`unknown option ${args[1]}`);
    }
  });

  it("refuses a second folder to check rather than ignore it", () => {
    const { code, stdout, stderr } = aifirst(["check", "content", "test/fixtures/playbooks"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("aifirst check: give one content folder, not 2");
  });

  it("reports a bad setting instead of crashing", () => {
    const { code, stderr } = aifirst(["ask", "step 1"], { env: { PORT: "not-a-port" } });
    expect(code).toBe(2);
    expect(stderr).toContain("invalid configuration");
    expect(stderr).toContain("PORT");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
