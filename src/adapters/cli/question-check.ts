/**
 * `aifirst check --questions FILE`: an author's own questions, each with the answer it
 * should get, asked of the content being checked. Every glossary group or `Also asked:` line
 * moves the weights of all words, so what an edit fixed and what it broke show at once, and a
 * CI job can refuse a change that breaks one.
 *
 * FILE holds one question a line, a tab, then what it should get: an FAQ's question, `step N`
 * (of the default playbook) or `step N <slug>`, or `-` for a question the playbooks should
 * not answer. Blank lines and lines starting with `#` are skipped.
 */
import type { Bot } from "../../answer/bot.ts";
import type { Reply } from "../../answer/reply.ts";
import type { ContentProblem, Playbook } from "../../content/types.ts";

/** Longer than a message people type (the engine reads up to 2,000 characters). */
const LONGEST_QUESTION = 500;

type Want = { faq: string } | { step: number; playbook: string } | { out: true };

export interface ExpectedAnswer {
  line: number;
  question: string;
  want: Want;
}

const same = (a: string, b: string) =>
  a.toLowerCase().replace(/\s+/g, " ").trim() === b.toLowerCase().replace(/\s+/g, " ").trim();

/** The file's questions and what each should get; a line that names nothing there, a problem. */
export function parseQuestionFile(
  file: string,
  text: string,
  playbooks: Playbook[],
  defaultPlaybook: Playbook | undefined,
): { expected: ExpectedAnswer[]; problems: ContentProblem[] } {
  const expected: ExpectedAnswer[] = [];
  const problems: ContentProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trimStart().startsWith("#")) return;
    const tab = raw.indexOf("\t");
    const question = raw.slice(0, Math.max(0, tab)).trim();
    const answer = raw.slice(tab + 1).trim();
    if (tab === -1 || !question || !answer || question.length > LONGEST_QUESTION) {
      problems.push({
        file,
        line,
        message:
          question.length > LONGEST_QUESTION
            ? `a question over ${LONGEST_QUESTION} characters: ask it as people would`
            : "write the question, a tab, then the answer it should get (an FAQ's question, step N, or -)",
      });
      return;
    }
    const want = wantOf(answer, playbooks, defaultPlaybook);
    if (typeof want === "string") problems.push({ file, line, message: want });
    else expected.push({ line, question, want });
  });
  if (expected.length === 0 && problems.length === 0) {
    problems.push({
      file,
      line: 1,
      message: "no questions: write one a line, a tab, then the answer it should get",
    });
  }
  return { expected, problems };
}

/** What `answer` names, or why it names nothing in the content. */
function wantOf(
  answer: string,
  playbooks: Playbook[],
  defaultPlaybook: Playbook | undefined,
): Want | string {
  if (/^(?:-|none|out of scope)$/i.test(answer)) return { out: true };
  const step = /^step\s+(\d+)(?:\s+(\S+))?$/i.exec(answer);
  if (step) {
    const number = Number(step[1]);
    const playbook = step[2] ? playbooks.find((p) => p.slug === step[2]) : defaultPlaybook;
    if (!playbook)
      return `no playbook "${step[2]}": known are ${playbooks.map((p) => p.slug).join(", ")}`;
    if (!playbook.steps.some((s) => s.number === number)) {
      return `${playbook.slug} has no step ${number}`;
    }
    return { step: number, playbook: playbook.slug };
  }
  const faq = playbooks.flatMap((p) => p.faqs).find((f) => same(f.question, answer));
  if (!faq) return `no FAQ asks "${answer}" (an FAQ's question as written, step N, or -)`;
  return { faq: faq.question };
}

export interface QuestionCheck {
  /** One line a miss, `file:line: ...`, in the file's order. */
  misses: string[];
  summary: string;
}

/** Asks each question of `bot` and says which got what they should not have. */
export function checkQuestions(file: string, bot: Bot, expected: ExpectedAnswer[]): QuestionCheck {
  const misses: string[] = [];
  let right = 0;
  let wrong = 0;
  let notSure = 0;
  let out = 0;
  let caught = 0;
  for (const { line, question, want } of expected) {
    const reply = bot.reply(question);
    const fellBack = reply.kind === "fallback";
    const got = describeReply(reply);
    if ("out" in want) {
      out++;
      if (fellBack) caught++;
      else misses.push(`${file}:${line}: "${question}" got ${got}; it should get "not sure"`);
      continue;
    }
    const ok =
      "faq" in want
        ? reply.kind === "faq" && reply.faq?.question === want.faq
        : reply.kind === "step" &&
          reply.step?.number === want.step &&
          reply.playbook === want.playbook;
    if (ok) {
      right++;
      continue;
    }
    if (fellBack) notSure++;
    else wrong++;
    const should = "faq" in want ? `"${want.faq}"` : `step ${want.step} (${want.playbook})`;
    misses.push(`${file}:${line}: "${question}" got ${got}; it should get ${should}`);
  }
  const asked = expected.length - out;
  const parts = [`${right} of ${asked} answered right, ${wrong} wrong, ${notSure} not sure`];
  if (out > 0) parts.push(`${caught} of ${out} out of scope caught`);
  return { misses, summary: `questions: ${parts.join("; ")}` };
}

function describeReply(reply: Reply): string {
  const likely = reply.sure ? null : `likely ${reply.confidence}`;
  switch (reply.kind) {
    case "faq":
      return `"${reply.faq?.question}"${likely ? ` (${likely})` : ""}`;
    case "step":
      return `step ${reply.step?.number} (${[reply.playbook, likely].filter(Boolean).join(", ")})`;
    case "fallback":
      return `"not sure" (${reply.confidence})`;
    default:
      return `the ${reply.kind} reply`;
  }
}
