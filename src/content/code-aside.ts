/**
 * Code spans and backslash escapes set aside while the text around them is read, as
 * CommonMark reads them: in one pass from the left, so that "\`" opens no code span and
 * nothing inside a code span ("`__init__.py`", "`<br>`") is ever taken for markup.
 */
import { ESCAPED_CHAR } from "../markdown-shared.ts";

const CODE_OR_ESCAPE = new RegExp(`(\`+)[^\`]*?\\1(?!\`)|${ESCAPED_CHAR}`, "g");
/** Two private-use characters mark what is set aside, so they may not come from the text. */
const SLOT = /\uE000(\d+)\uE001/g;

/**
 * `text` with `change` made to all but its code spans and escaped characters, which it sees
 * as placeholders; they are put back after it, a code span as written and an escape as
 * `escaped` gives it (as written, unless said otherwise).
 */
export function outsideCode(
  text: string,
  change: (text: string) => string,
  escaped: (written: string, char: string) => string = (written) => written,
): string {
  const aside: string[] = [];
  const changed = change(
    text
      .replace(/[\uE000\uE001]/g, "")
      .replace(CODE_OR_ESCAPE, (written: string, _ticks?: string, char?: string) => {
        const kept = char === undefined ? written : escaped(written, char);
        return `\uE000${aside.push(kept) - 1}\uE001`;
      }),
  );
  return changed.replace(SLOT, (_, n: string) => aside[Number(n)] ?? "");
}
