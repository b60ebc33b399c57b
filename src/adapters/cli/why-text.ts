/**
 * `aifirst ask --why`: the explanation of an answer (src/answer/explain.ts) as lines for
 * a terminal. For content authors deciding what to add: an `Also asked:` line where the
 * right answer's question lacks the asker's words, a glossary group where a word is read
 * wrongly or not at all.
 */
import type { Candidate, Explanation, Found } from "../../answer/explain.ts";
import { printable } from "./insights-text.ts";

const WHERE: Record<Exclude<Found, null>, { faq: string; step: string }> = {
  phrasing: { faq: "in its question", step: "in its title" },
  answer: { faq: "in its answer", step: "in its text" },
  beside: {
    faq: "in its step or the playbook's title",
    step: "in the playbook's title or description",
  },
};

export function formatWhy(why: Explanation | null): string {
  if (!why) return "\nWhy: a command, read as one; nothing was searched.\n";
  const lines = [
    "",
    "Why this answer",
    `  Read as: ${printable(why.readAs)}`,
    `  Words searched (a rarer word weighs more): ${why.terms.map((t) => `${t.term} ${t.weight}`).join(" · ") || "none"}`,
  ];
  if (why.candidates.length === 0) {
    lines.push("  No answer holds any of these words.");
  } else {
    lines.push(
      `  Closest answers, best first (not sure below a confidence of ${why.notSureBelow}, sure from ${why.sureFrom}):`,
    );
    for (const [i, c] of why.candidates.entries()) lines.push(...candidateLines(c, i + 1));
  }
  return `${lines.join("\n")}\n`;
}

function candidateLines(c: Candidate, rank: number): string[] {
  const what = c.kind === "faq" ? `FAQ "${c.title}"` : c.title;
  const lines = [
    `  ${rank}. ${printable(what)} (${c.playbook}): covers ${Math.round(c.coverage * 100)}% of the question, confidence ${c.confidence}${c.given ? " (the answer given)" : ""}`,
  ];
  for (const where of ["phrasing", "answer", "beside"] as const) {
    const terms = c.matched.filter((m) => m.where === where).map((m) => m.term);
    if (terms.length) lines.push(`       ${WHERE[where][c.kind]}: ${terms.join(", ")}`);
  }
  const missing = c.matched.filter((m) => m.where === null).map((m) => m.term);
  if (missing.length) lines.push(`       not found: ${missing.join(", ")}`);
  return lines;
}
