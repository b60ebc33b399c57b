/**
 * Markup built by a tagged template that escapes every interpolated value
 * unless it is already markup: questions on the insights page are user input,
 * so escaping is the default and only trusted fragments opt out.
 */
import { escapeHtml } from "../web/escape-html.ts";

/** Markup that is safe to insert as is (built by `html`, or a fixed string). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | ReadonlyArray<Part>;

function render(part: Part): string {
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  if (part === null || part === undefined || part === false) return "";
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}
