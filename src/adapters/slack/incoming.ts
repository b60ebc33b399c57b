/**
 * Text in from Slack: its markup read back as the user saw it, so the engine
 * reads the words they typed and an echo shows what they wrote. The bot's own
 * mention goes; `<@U123|steve>`, `<#C123|general>` and `<!channel>` read as
 * `@steve`, `#general` and `@channel` (plain text: echoed, they ping nobody),
 * and a link as its text, or its address when it has none.
 */

/** The reverse of mrkdwn.ts's escapeSlack: Slack sends message text with `&`, `<` and `>` escaped. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Slack's `<...>` markup as the user saw it: `<@U123|steve>` -> `@steve`, `<@U123>` ->
 * `@U123`, `<#C123|general>` -> `#general`, `<!here>` -> `@here`, `<!subteam^S1|@devs>` ->
 * `@devs`, `<https://x|the doc>` -> `the doc`, `<https://x>` -> `https://x`, a date as
 * its text.
 */
function readMarkup(text: string): string {
  // A date's format may hold spaces ("{date} at {time}"); no other target does.
  return text.replace(MARKUP, (whole, target: string, label?: string) => {
    // A label is plain text Slack chose; it may not hold markup of its own.
    const named = label?.replace(/[<>]/g, "").trim();
    if (/^[@#][UWC][A-Z0-9]+$/.test(target)) return named ? `${target[0]}${named}` : target;
    if (target.startsWith("!date^")) return named ?? "";
    if (target.startsWith("!")) {
      if (named) return named.startsWith("@") ? named : `@${named}`;
      return `@${target.slice(1).split("^")[0]}`;
    }
    if (/^(?:https?|mailto):/i.test(target)) return named || target;
    return whole;
  });
}

/** `<target>` or `<target|label>`. */
const MARKUP = /<(!date\^[^<>|]*|[^<>\s]+?)(?:\|([^<>]*))?>/g;

/** A slash command's text. */
export function commandText(text: string | undefined): string {
  return unescapeSlack(readMarkup(text ?? ""))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The question in a mention or DM: the bot's own mention removed (the one
 * Slack put there to address us), the rest as for a command.
 */
export function incomingText(text: string | undefined, botUserId?: string): string {
  let out = text ?? "";
  if (botUserId) {
    out = out.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g"), " ");
  } else {
    // Until auth.test has told us who we are, the addressing mention is the leading one.
    out = out.replace(/^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/, " ");
  }
  return commandText(out);
}

/**
 * The text of a message that carries it only in rich_text blocks (some
 * clients and workflows send `text: ""`), in the markup `text` would have
 * held: a user as `<@U…>`, a link as its text (its URL if it has none), an
 * emoji as `:name:`.
 */
export function richTextOf(blocks: unknown[] | undefined): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== "object") return;
    const el = node as Record<string, unknown>;
    switch (el.type) {
      case "text":
        if (typeof el.text === "string") out.push(el.text);
        return;
      case "user":
        if (typeof el.user_id === "string") out.push(`<@${el.user_id}>`);
        return;
      case "link":
        if (typeof el.url === "string") out.push(typeof el.text === "string" ? el.text : el.url);
        return;
      case "emoji":
        if (typeof el.name === "string") out.push(`:${el.name}:`);
        return;
      default:
        if (el.type === "rich_text_section" || el.type === "rich_text_quote") {
          walk(el.elements);
          out.push("\n");
        } else walk(el.elements);
    }
  };
  for (const block of blocks ?? []) {
    if (block && typeof block === "object" && (block as { type?: unknown }).type === "rich_text") {
      walk((block as { elements?: unknown }).elements);
    }
  }
  return out.join("").trim();
}
