/**
 * `aifirst check --questions`: how an author's file is read, and how each miss is said.
 */
import { describe, expect, it } from "vitest";
import { checkQuestions, parseQuestionFile } from "../../../src/adapters/cli/question-check.ts";
import { createBot } from "../../../src/answer/bot.ts";
import { loadLibrary } from "../../../src/content/load.ts";
import { formatProblem } from "../../../src/content/types.ts";

const library = await loadLibrary("content");
const bot = createBot(library.playbooks, library);
const read = (text: string) =>
  parseQuestionFile("q.tsv", text, library.playbooks, bot.knowledge.defaultPlaybook);

describe("an author's questions file", () => {
  it("reads FAQ questions however cased, steps by number, and - for out of scope", () => {
    const { expected, problems } = read(
      "how do we measure kpis\thow can ai engineering kpis be effectively measured?\n" +
        "step three please\tStep 3\n\n# a comment\r\nweather today\tout of scope\n",
    );
    expect(problems).toEqual([]);
    expect(expected).toEqual([
      {
        line: 1,
        question: "how do we measure kpis",
        want: { faq: "How can AI engineering KPIs be effectively measured?" },
      },
      {
        line: 2,
        question: "step three please",
        want: { step: 3, playbook: "building-an-ai-first-engineering-organization" },
      },
      { line: 5, question: "weather today", want: { out: true } },
    ]);
  });

  it("says a file with no questions, or a question no one would type, is no check", () => {
    expect(read("# only a comment\n\n").problems.map(formatProblem)).toEqual([
      "q.tsv:1: no questions: write one a line, a tab, then the answer it should get",
    ]);
    expect(read(`${"why ".repeat(200)}\tstep 1\n`).problems.map(formatProblem)).toEqual([
      "q.tsv:1: a question over 500 characters: ask it as people would",
    ]);
  });

  it("says which lines name nothing in the content", () => {
    const { problems } = read("no tab here\nq\tstep 3 nope\nq\tstep 12\n\tstep 1\n");
    expect(problems.map(formatProblem)).toEqual([
      "q.tsv:1: write the question, a tab, then the answer it should get (an FAQ's question, step N, or -)",
      'q.tsv:2: no playbook "nope": known are building-an-ai-first-engineering-organization',
      "q.tsv:3: building-an-ai-first-engineering-organization has no step 12",
      "q.tsv:4: write the question, a tab, then the answer it should get (an FAQ's question, step N, or -)",
    ]);
  });

  it("says what each miss got: a likely answer, a not sure, an out-of-scope question answered", () => {
    const { expected } = read(
      [
        "ai governance\tstep 5",
        "should we buy or build\tstep 1",
        "what is the best pizza in town\tHow can AI engineering KPIs be effectively measured?",
        "how do we measure ai kpis\t-",
      ].join("\n"),
    );
    const { misses, summary } = checkQuestions("q.tsv", bot, expected);
    expect(misses).toEqual([
      'q.tsv:1: "ai governance" got step 4 (building-an-ai-first-engineering-organization, likely 0.572); it should get step 5 (building-an-ai-first-engineering-organization)',
      'q.tsv:2: "should we buy or build" got "How can change management facilitate AI adoption in an engineering team?" (likely 0.569); it should get step 1 (building-an-ai-first-engineering-organization)',
      'q.tsv:3: "what is the best pizza in town" got "not sure" (0); it should get "How can AI engineering KPIs be effectively measured?"',
      'q.tsv:4: "how do we measure ai kpis" got "How can AI engineering KPIs be effectively measured?"; it should get "not sure"',
    ]);
    expect(summary).toBe(
      "questions: 0 of 3 answered right, 2 wrong, 1 not sure; 0 of 1 out of scope caught",
    );
  });
});
