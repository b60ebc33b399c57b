/**
 * Which of a reply's suggestions a choice names. A surface may show a suggestion with
 * its Markdown links as their words (a Teams button does), so that form names it too;
 * what is kept is the suggestion as offered, the FAQ's own question.
 */
import { stepLabel } from "./answer/reply.ts";
import type { Playbook } from "./content/types.ts";
import { linkText } from "./markdown-links.ts";

/** Whether `chose` names `suggestion`: as written, or with its links as their words. */
export function namesSuggestion(suggestion: string, chose: string): boolean {
  return suggestion === chose || linkText(suggestion) === chose;
}

/**
 * Whether `playbook` holds the answer a suggestion names: an FAQ by its question, a step by
 * its label ("Step 7: Foster a Culture of Change").
 */
export function holdsAnswer(
  playbook: Playbook,
  name: string,
  names: (suggestion: string, name: string) => boolean = namesSuggestion,
): boolean {
  return (
    playbook.faqs.some((f) => names(f.question, name)) ||
    playbook.steps.some((s) => names(stepLabel(s), name))
  );
}

export function offeredChoice(suggestions: readonly string[], chose: string): string | undefined {
  return suggestions.find((s) => s === chose) ?? suggestions.find((s) => namesSuggestion(s, chose));
}
