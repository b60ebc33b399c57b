/** Types for the shared reading of Markdown line breaks (a browser file, imported as is). */
export function joinSoftBreaks(lines: readonly string[]): string[];
export function listNesting(): (indent: number) => number;
