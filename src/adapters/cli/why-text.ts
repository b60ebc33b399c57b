/**
 * `aifirst ask --why`: the explanation of an answer (src/answer/explain.ts) as lines for
 * a terminal. For content authors deciding what to add: an `Also asked:` line where the
 * right answer's question lacks the asker's words, a glossary group where a word is read
 * wrongly or not at all.
 */
import type { Candidate, Explanation, Found, Term } from "../../answer/explain.ts";
import { printable } from "./terminal-safe.ts";

const WHERE: Record<Exclude<Found, null>, { faq: string; step: string }> = {
  phrasing: { faq: "in its question", step: "in its title" },
  answer: { faq: "in its answer", step: "in its text" },
  beside: {
    faq: "in its step, or the playbook's title or description",
    step: "in the playbook's title or description",
  },
};

export function formatWhy(why: Explanation): string {
  if (!why.searched) {
    return why.because === "too long"
      ? "\nWhy: too long to read; nothing was searched.\n"
      : "\nWhy: read as a command (or a greeting, or thanks); nothing was searched.\n";
  }
  const lines = [
    "",
    "Why this answer",
    `  Read as: ${printable(why.readAs)}`,
    `  Words searched (a rarer word weighs more): ${why.terms.map(termText).join(" · ") || "none"}`,
  ];
  if (why.terms.length === 0) {
    lines.push("  Every word is too common to search for.");
    return `${lines.join("\n")}\n`;
  }
  if (why.candidates.length === 0) {
    lines.push("  No answer holds any of these words.");
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    "  Closest answers, ranked by how much of the question each covers (a word counts fully in an",
    `  answer's question or title, half in its text, less beside it); confidence is judged apart, not sure below ${why.notSureBelow}, sure from ${why.sureFrom}:`,
  );
  for (const c of why.candidates) lines.push(...candidateLines(c));
  const judged = why.candidates.filter((c) => c.judged);
  const given = why.candidates.find((c) => c.given);
  if (why.notSure && why.titleOf) {
    lines.push(
      `  No FAQ or step reached ${why.notSureBelow}, but the question says the title of "${printable(why.titleOf)}", all of it and nothing else, so that playbook's steps are listed.`,
    );
  } else if (why.notSure) {
    lines.push(
      `  Not sure: the bot weighs the best FAQ and the best step (${judged.map((c) => `number ${c.rank}, ${c.confidence}`).join("; ")}), and neither reached ${why.notSureBelow}.`,
    );
  } else if (given?.brokeTie) {
    lines.push(
      "  The answer given broke a tie: the answers after it that tie with one another hold the same words in the same places, so nothing asked chose between them; this one covers nearly as much and holds a word none of them does.",
    );
  } else if (why.byKind) {
    const { question, faq, alternate } = why.byKind;
    const kinds = (k: string[]) => k.map((x) => `"${x}"`).join(", ");
    const asks = alternate ? `its Also asked line "${printable(alternate)}"` : "its question";
    lines.push(
      `  The answer given is the best step: the best FAQ, by ${asks}, asks for ${kinds(faq)}, this question for ${kinds(question)}, and the step is at least as likely right, so the FAQ does not answer it.`,
    );
  } else if (given && given.rank > 1) {
    const { coverage, confidence } = why.stepMargins;
    lines.push(
      `  The answer given is number ${given.rank}: the bot weighs the best FAQ and the best step, and an FAQ answers unless the step fits clearly better (by ${coverage} of coverage or ${confidence} of confidence); an FAQ brings its step.`,
    );
  }
  if (why.oneWordNamed) {
    lines.push(
      "  One word, which the answer given's question or title (or one of its Also asked lines) holds: asked about that answer's topic, so at least a likely answer, with the others offered.",
    );
  }
  lines.push(...fixes(why));
  return `${lines.join("\n")}\n`;
}

/** What an author can do about it, from what the explanation shows. */
function fixes(why: Extract<Explanation, { searched: true }>): string[] {
  const unknown = why.terms.filter((t) => t.inNoPlaybook).map((t) => `"${printable(t.word)}"`);
  const out: string[] = [];
  const given = why.candidates.find((c) => c.given);
  // A sure answer needs no fixing, whatever words it did without.
  if (!why.notSure && given && given.confidence >= why.sureFrom) return out;
  if (unknown.length > 0) {
    const them = unknown.length === 1 ? "it" : "them";
    out.push(
      `  To fix: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} in no playbook. If the right answer puts ${them} in other words, a glossary group of both reads them alike; or write the asker's way as an "Also asked:" line under the right question.`,
    );
  } else {
    out.push(
      '  To fix a wrong or unsure answer: an "Also asked:" line with these words under the right question, or a glossary group for a word the right answer says otherwise.',
    );
  }
  return out;
}

function termText(t: Term): string {
  const notes = [
    t.guessed ? "guessed: a typo or initials" : "",
    t.inNoPlaybook ? "in no playbook" : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `${printable(t.word)} ${t.weight}${notes ? ` (${notes})` : ""}`;
}

function candidateLines(c: Candidate): string[] {
  const what = c.kind === "faq" ? `FAQ "${c.title}"` : c.title;
  const marks = [c.given ? "the answer given" : c.judged ? "weighed" : ""].filter(Boolean);
  const lines = [
    `  ${c.rank}. ${printable(what)} (${c.playbook}): covers ${Math.round(c.coverage * 100)}% of the question, confidence ${c.confidence}${marks.length ? ` (${marks.join(", ")})` : ""}`,
  ];
  if (c.via) {
    lines.push(
      `       matched through ${c.via.learned ? "a question learned from use" : "its Also asked line"} "${printable(c.via.text)}"`,
    );
  }
  for (const where of ["phrasing", "answer", "beside"] as const) {
    const words = c.matched
      .filter((m) => m.where === where)
      .map((m) => printable(m.as ? `${m.word} (as "${m.as}")` : m.word));
    const label =
      where === "phrasing" && c.via
        ? c.via.learned
          ? "in that question"
          : "in that line"
        : WHERE[where][c.kind];
    if (words.length) lines.push(`       ${label}: ${words.join(", ")}`);
  }
  const missing = c.matched.filter((m) => m.where === null).map((m) => printable(m.word));
  if (missing.length) lines.push(`       not found: ${missing.join(", ")}`);
  return lines;
}
