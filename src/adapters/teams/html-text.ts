/**
 * Teams message text as the plain words a person typed. Teams sends a
 * message's `text` as HTML: mentions as `<at>`, emoji as `<img>` (or
 * `<emoji>`), paragraphs and line breaks as `<p>`, `<div>`, `<br>`, and
 * everything escaped (`&nbsp;`, `&amp;`, `&#39;`). The engine must see
 * none of that.
 */

/** Elements whose content is never text a person typed. */
const DROPPED = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Elements that end a line: the words on either side must not run together. */
const BREAKS = /<\/?(?:p|div|br|li|ul|ol|blockquote|h[1-6]|tr|table|pre)\b[^>]*>/gi;
/** Pictures that stand for a character (an emoji's `alt` is the emoji itself). */
const PICTURES = /<(?:img|emoji)\b([^>]*)>(?:\s*<\/emoji\s*>)?/gi;
/** Any other tag: an element name after `<` or `</`, or a comment. */
const TAGS = /<\/?[a-z][a-z0-9-]*\b[^>]*>|<!--[\s\S]*?-->/gi;

/**
 * `html` as text: tags removed, emoji pictures replaced by their `alt`, entities
 * decoded, block elements as line breaks, spaces collapsed.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(DROPPED, " ")
    .replace(PICTURES, (_tag, attributes: string) => ` ${altOf(attributes)} `)
    .replace(BREAKS, "\n")
    .replace(TAGS, "");
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** The `alt` of an emoji picture, when it is short (a picture's description is not a word typed). */
function altOf(attributes: string): string {
  const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
  const value = decodeEntities(alt?.[1] ?? alt?.[2] ?? "").trim();
  return value.length <= 8 ? value : "";
}

// A Map, not an object: "&constructor;" in a message must not find Object's own members.
const ENTITIES = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["nbsp", " "],
  ["ensp", " "],
  ["emsp", " "],
  ["thinsp", " "],
  ["zwnj", ""],
  ["zwj", "\u200d"],
  ["shy", ""],
  ["ndash", "–"],
  ["mdash", "—"],
  ["hellip", "…"],
  ["lsquo", "‘"],
  ["rsquo", "’"],
  ["ldquo", "“"],
  ["rdquo", "”"],
  ["laquo", "«"],
  ["raquo", "»"],
  ["bull", "•"],
  ["middot", "·"],
  ["copy", "©"],
  ["reg", "®"],
  ["trade", "™"],
  ["euro", "€"],
  ["pound", "£"],
]);

/** Named entities Teams uses, and every numeric one; anything else is left as typed. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return codePoint(Number.parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith("#")) return codePoint(Number.parseInt(lower.slice(1), 10), whole);
    return ENTITIES.get(lower) ?? whole;
  });
}

/** A numeric entity's character; NUL, surrogates and out-of-range numbers stay as typed. */
function codePoint(code: number, fallback: string): string {
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) return fallback;
  if (code >= 0xd800 && code <= 0xdfff) return fallback;
  // A non-breaking space is a space to the engine.
  return code === 0xa0 ? " " : String.fromCodePoint(code);
}
