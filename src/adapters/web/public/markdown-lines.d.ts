/** Types for the shared reading of Markdown line breaks (a browser file, imported as is). */
export function joinSoftBreaks(lines: readonly string[]): string[];
export function listNesting(): (indent: number) => number;
export type Align = "left" | "center" | "right" | null;
export function readTable(
  lines: readonly string[],
  i: number,
): { align: Align[]; rows: string[][]; end: number } | null;
export function tableCells(row: string): string[];
export function fenceOf(line: string): { mark: string; info: string } | undefined;
export function codeBlockReader(): (line: string) => "open" | "close" | "code" | "text";
export const ESCAPED_CHAR: string;
export function withoutEscapes(text: string): string;
