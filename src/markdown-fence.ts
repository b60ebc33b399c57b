/**
 * Fenced code blocks as the content's reader and the answer's excerpt both see them: a fence
 * opens or closes at any indent, or on a list item's first line ("- ```yaml"); a backtick
 * fence's info string holds no backtick (CommonMark), so "```npm ci```" on a line is inline
 * code, not a fence.
 */
const FENCE = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(`{3,}|~{3,})(.*)$/;

/** The fence mark a line opens or closes a code block with ("```", "~~~~"), if any. */
export function fenceMark(line: string): string | undefined {
  const m = FENCE.exec(line);
  const mark = m?.[1];
  if (!mark) return undefined;
  return mark.startsWith("`") && (m[2] ?? "").includes("`") ? undefined : mark;
}
