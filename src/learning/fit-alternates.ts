/**
 * Learned alternates as the engine takes them: only those whose FAQ (or step, by its
 * label) the content still has, each tied to the playbook that holds it. Content moves
 * on (a question reworded or removed, steps renumbered); an alternate left behind is
 * skipped, not an error.
 */
import type { LearnedAlternate } from "../answer/knowledge.ts";
import { stepLabel } from "../answer/reply.ts";
import type { Playbook } from "../content/types.ts";
import type { Logger } from "../log.ts";
import { normaliseQuestion } from "../store/normalise.ts";
import type { Alternate } from "../store/types.ts";
import { holdsAnswer } from "../suggestion-choice.ts";

/** A confirmed alternate as the store lists it (`playbook` "" when the chooser did not say). */
export interface ConfirmedAlternate {
  playbook: string;
  faq: string;
  question: string;
}

/** The alternates the bot answers with under LEARN=auto: those confirmed (applied). */
export function confirmedOf(alternates: readonly Alternate[]): ConfirmedAlternate[] {
  return alternates
    .filter((a) => a.applied)
    .map(({ playbook, faq, question }) => ({ playbook, faq, question }));
}

export function fitAlternates(
  playbooks: readonly Playbook[],
  alternates: readonly ConfirmedAlternate[],
  logger?: Logger,
): LearnedAlternate[] {
  const fitted: LearnedAlternate[] = [];
  for (const a of alternates) {
    // As written: the engine applies an alternate to the FAQ (or step) named exactly so.
    const holds = (p: Playbook) => holdsAnswer(p, a.faq, (named, name) => named === name);
    const playbook = a.playbook
      ? playbooks.find((p) => p.slug === a.playbook && holds(p))
      : playbooks.find(holds);
    if (!playbook) {
      logger?.debug("learned alternate skipped: its FAQ or step is not in the content", {
        playbook: a.playbook,
        faq: a.faq,
        question: a.question,
      });
      continue;
    }
    fitted.push({ playbook: playbook.slug, faq: a.faq, question: a.question });
  }
  return fitted;
}

/**
 * Whether the content already says an alternate: its FAQ's question or one of its `Also
 * asked:` lines (a step's title or lines), compared as learning compares questions. Then
 * there is nothing left to paste for it. The content's lines are read once, here.
 */
export function writtenInContent(
  playbooks: readonly Playbook[],
): (a: ConfirmedAlternate) => boolean {
  // Each answer's lines as learning keeps questions, by playbook and answer ("" for any playbook).
  const said = new Set<string>();
  const add = (slug: string, answer: string, lines: readonly string[]) => {
    for (const line of lines) {
      const q = normaliseQuestion(line);
      said.add(JSON.stringify([slug, answer, q]));
      said.add(JSON.stringify(["", answer, q]));
    }
  };
  for (const p of playbooks) {
    for (const f of p.faqs) add(p.slug, f.question, [f.question, ...f.alternates]);
    for (const s of p.steps) add(p.slug, stepLabel(s), [s.title, ...(s.alternates ?? [])]);
  }
  return (a) => said.has(JSON.stringify([a.playbook, a.faq, normaliseQuestion(a.question)]));
}
