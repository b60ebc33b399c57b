/**
 * Slack's documented Block Kit and message limits, and the two ways we stay
 * inside them: split long text into several blocks, or cut a label short.
 * Going over any of these makes Slack reject the whole message.
 */

export const LIMITS = {
  /** Blocks in one message (chat.postMessage, response_url, ack body). */
  blocks: 50,
  /** `text` of a section block. */
  sectionText: 3000,
  /** A text element of a context block. */
  contextText: 3000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Elements in one context block. */
  contextElements: 10,
  /** A button's plain_text label. */
  buttonText: 75,
  /** A button's `accessibility_label`. */
  accessibilityLabel: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** Top-level `text`: Slack truncates past 40,000 characters; stay well clear. */
  messageText: 39_000,
} as const;

const ELLIPSIS = "…";

/** Cuts `text` to at most `max` characters, ending in "…", without splitting an escape like `&amp;`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = safeCut(text, max - ELLIPSIS.length);
  const space = text.lastIndexOf(" ", cut);
  if (space > max * 0.6) cut = space;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits mrkdwn into pieces of at most `max` characters: at paragraph breaks
 * first, then line breaks, then spaces; a code fence cut in two is closed and
 * reopened so both halves still render as code.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  // Four characters stay free in every piece to close a code fence cut in two.
  const room = max - 4;
  while (rest.length > max) {
    const window = rest.slice(0, room);
    let cut = window.lastIndexOf("\n\n");
    if (cut < room * 0.5) cut = window.lastIndexOf("\n");
    if (cut < room * 0.5) cut = window.lastIndexOf(" ");
    if (cut < room * 0.5) cut = safeCut(rest, room);
    let piece = rest.slice(0, cut).trimEnd();
    rest = rest.slice(cut).trimStart();
    if (countFences(piece) % 2 === 1) {
      piece = `${piece}\n\`\`\``;
      rest = `\`\`\`\n${rest}`;
    }
    if (piece) pieces.push(piece);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function countFences(text: string): number {
  return text.match(/```/g)?.length ?? 0;
}

/** A cut position at or before `max` that is not inside an `&…;` escape or a `<…>` link. */
function safeCut(text: string, max: number): number {
  let cut = Math.max(1, max);
  const amp = text.lastIndexOf("&", cut);
  if (amp > cut - 6 && text.indexOf(";", amp) >= cut) cut = amp;
  const open = text.lastIndexOf("<", cut);
  if (open > max / 2 && text.lastIndexOf(">", cut) < open) cut = open;
  // Never back off so far that splitting stops making progress.
  return cut >= max / 2 ? cut : Math.max(1, max);
}
