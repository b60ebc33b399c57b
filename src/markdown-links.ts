/**
 * Markdown links and images from content, made safe to show (Teams cards), or read as
 * their words (a button's label, and so a suggestion chosen by it): only
 * http(s) and mailto targets stay links (a `javascript:` or `data:` link
 * becomes its text), and a URL's parentheses (Wikipedia's
 * `Rust_(programming_language)`) are read whole, then percent-encoded so no
 * Markdown reader can end the link early.
 */

import { withoutEscapes } from "./markdown-shared.ts";

const SAFE_SCHEME = /^(?:https?:\/\/|mailto:)/i;

/** The URL as it may be shown, or null when it must not be a link. */
export function safeUrl(raw: string): string | null {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  const url = [...raw].filter((c) => c > " " && c !== "\u007f").join("");
  if (!SAFE_SCHEME.test(url)) return null;
  return url.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/** A run of backticks, read where it starts. */
const BACKTICKS = /`+/y;

/**
 * `markdown` with every link `[text](url)` and image `![alt](url)` rewritten:
 * a safe link stays a link, anything else (and every image, which text cannot
 * show) becomes its text. Autolinks `<https://...>` are treated the same.
 * Code spans are kept as they are: nothing in them is a link, and one may be
 * the user's own words, quoted back.
 */
export function rewriteLinks(markdown: string, keepLinks = true): string {
  let out = "";
  let i = 0;
  while (i < markdown.length) {
    const ch = markdown[i];
    if (ch === "`") {
      BACKTICKS.lastIndex = i;
      const run = BACKTICKS.exec(markdown)?.[0] ?? "`";
      const close = markdown.indexOf(run, i + run.length);
      const end = close === -1 ? i + run.length : close + run.length;
      out += markdown.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "<") {
      const auto = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/i.exec(markdown.slice(i));
      if (auto) {
        const url = keepLinks ? safeUrl(auto[1] ?? "") : null;
        // Shown bare: Teams and cards link a bare http(s) URL themselves. An unsafe one has
        // no words of its own to keep.
        out += url ?? "";
        i += auto[0].length;
        continue;
      }
    }
    const image = ch === "!" && markdown[i + 1] === "[";
    if (ch === "[" || image) {
      const link = readLink(markdown, image ? i + 1 : i);
      if (link) {
        const url = image || !keepLinks ? null : safeUrl(link.url);
        out += url ? `[${link.text}](${url})` : link.text;
        i = link.end;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** Markdown's links and images as their words: for a button, which shows text as it is. */
export function linkText(markdown: string): string {
  return rewriteLinks(markdown, false);
}

interface Link {
  text: string;
  url: string;
  /** Index just past the closing parenthesis. */
  end: number;
}

/** A `[text](url "title")` starting at `start` (the `[`), or null when there is none. */
function readLink(s: string, start: number): Link | null {
  let depth = 0;
  let i = start;
  for (; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "[") depth++;
    else if (s[i] === "]" && --depth === 0) break;
  }
  if (i >= s.length || s[i + 1] !== "(") return null;
  const text = s.slice(start + 1, i);
  i += 2;
  while (s[i] === " ") i++;
  let url = "";
  if (s[i] === "<") {
    const close = s.indexOf(">", i);
    if (close < 0) return null;
    url = s.slice(i + 1, close);
    i = close + 1;
  } else {
    // Balanced parentheses belong to the URL, as CommonMark reads them.
    let parens = 0;
    const from = i;
    for (; i < s.length && !/\s/.test(s[i] ?? ""); i++) {
      if (s[i] === "(") parens++;
      else if (s[i] === ")" && parens-- === 0) break;
    }
    url = s.slice(from, i);
  }
  const title = /^\s+(?:"[^"]*"|'[^']*'|\([^)]*\))/.exec(s.slice(i));
  if (title) i += title[0].length;
  while (s[i] === " ") i++;
  if (s[i] !== ")") return null;
  // A backslash escape in a URL is the character itself, as CommonMark reads it.
  return { text, url: withoutEscapes(url), end: i + 1 };
}
