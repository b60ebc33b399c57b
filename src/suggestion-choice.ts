/**
 * Which of a reply's suggestions a choice names. A surface may show a suggestion with
 * its Markdown links as their words (a Teams button does), so that form names it too;
 * what is kept is the suggestion as offered, the FAQ's own question.
 */
import { linkText } from "./markdown-links.ts";

/** Whether `chose` names `suggestion`: as written, or with its links as their words. */
export function namesSuggestion(suggestion: string, chose: string): boolean {
  return suggestion === chose || linkText(suggestion) === chose;
}

export function offeredChoice(suggestions: readonly string[], chose: string): string | undefined {
  return suggestions.find((s) => s === chose) ?? suggestions.find((s) => namesSuggestion(s, chose));
}
