/**
 * Insights as a terminal shows them, and confirmed alternates as a Markdown
 * snippet an author pastes under each FAQ (the content's "Also asked:" line).
 */
import type { Alternate, Insights } from "../../store/types.ts";
import { printable } from "./terminal-safe.ts";

const pct = (n: number, of: number) => (of ? ` (${Math.round((100 * n) / of)}%)` : "");

/** The most of a question shown on its line: a pasted 2,000-character message would fill the screen. */
const SHOWN = 100;

/** A question on one line of a terminal: its whitespace made spaces, cut with "…" when long. */
function oneLine(question: string): string {
  const chars = [...printable(question.replace(/\s+/g, " ").trim())];
  return chars.length > SHOWN ? `${chars.slice(0, SHOWN - 1).join("")}…` : chars.join("");
}

export function formatInsights(
  i: Insights,
  options: {
    days: number;
    learn: "suggest" | "auto" | "off";
    /** Whether the content already says an alternate: nothing left to paste for it. */
    inContent?: (a: Insights["alternates"][number]) => boolean;
  },
): string {
  const lines = [
    `Questions from ${i.from.slice(0, 10)} to ${i.to.slice(0, 10)} (last ${options.days} day${options.days === 1 ? "" : "s"})`,
    `  asked      ${i.asked}`,
    `  sure       ${i.sure}${pct(i.sure, i.asked)}`,
    `  likely     ${i.likely}${pct(i.likely, i.asked)}`,
    `  not sure   ${i.not_sure}${pct(i.not_sure, i.asked)}`,
    `Feedback: ${i.helpful} helpful, ${i.not_helpful} not helpful`,
    "",
  ];
  if (i.unanswered.length) {
    lines.push("Top unanswered questions:");
    const width = String(i.unanswered[0]?.count ?? 0).length;
    for (const u of i.unanswered) {
      lines.push(`  ${String(u.count).padStart(width)}  ${oneLine(u.question)}`);
    }
  } else lines.push("No unanswered questions.");
  lines.push("");
  if (options.learn === "off") lines.push("Alternates: LEARN=off, nothing is learned.");
  else if (i.alternates.length) {
    lines.push("Suggested alternates (question -> FAQ, users):");
    const inContent = options.inContent ?? (() => false);
    for (const a of i.alternates) {
      const state = !a.applied
        ? "proposed"
        : inContent(a)
          ? "in content"
          : options.learn === "auto"
            ? "applied"
            : "confirmed";
      lines.push(
        `  [${state}] "${oneLine(a.question)}" -> ${a.faq}${a.playbook ? ` (${a.playbook})` : ""}, ${a.users}`,
      );
    }
    // Only confirmed ones are pasted; proposed ones wait for more people to agree.
    if (i.alternates.some((a) => a.applied && !inContent(a))) {
      lines.push("", "Paste-ready: aifirst insights alternates");
    } else if (i.alternates.some((a) => a.applied)) {
      lines.push("", "Every confirmed one is in the content already.");
    } else lines.push("", "None is confirmed yet: more people must choose the same FAQ.");
  } else lines.push("No suggested alternates yet.");
  return `${lines.join("\n")}\n`;
}

/**
 * For each FAQ, its heading and an "Also asked:" line of the confirmed
 * alternates, grouped by playbook: what to add to the playbook's file.
 */
export function formatSnippet(confirmed: readonly Alternate[]): string {
  const byPlaybook = new Map<string, Map<string, string[]>>();
  for (const a of confirmed) {
    const faqs = byPlaybook.get(a.playbook) ?? new Map<string, string[]>();
    faqs.set(a.faq, [...(faqs.get(a.faq) ?? []), printable(a.question)]);
    byPlaybook.set(a.playbook, faqs);
  }
  const out: string[] = [];
  for (const [playbook, faqs] of [...byPlaybook].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`<!-- playbook: ${playbook || "(any)"} -->`, "");
    for (const [faq, questions] of faqs) {
      // `|` parts alternates on the line; a learned (normalised) question holds none.
      out.push(`### ${faq}`, "", `Also asked: ${[...new Set(questions)].sort().join(" | ")}`, "");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
