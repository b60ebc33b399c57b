/**
 * Text in from Slack: its markup undone just enough for the engine to read
 * the words the user typed. The bot's own mention goes; a mention Slack
 * labelled (`<@U123|steve>`, `<#C123|general>`) reads as `@steve` and
 * `#general`, as the user saw it; other markup is left as typed, so it is
 * echoed back escaped rather than interpreted.
 */

/** The reverse of mrkdwn.ts's escapeSlack: Slack sends message text with `&`, `<` and `>` escaped. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** `<@U123|steve>` -> `@steve`, `<#C123|general>` -> `#general`: the names the user saw. */
function labelMentions(text: string): string {
  return text.replace(/<([@#])[UWC][A-Z0-9]+\|([^>]*)>/g, (_m, sigil: string, name: string) => {
    // A label is plain text Slack chose; it may not hold markup of its own.
    return `${sigil}${name.replace(/[<>]/g, "")}`;
  });
}

/** A slash command's text. */
export function commandText(text: string | undefined): string {
  return unescapeSlack(labelMentions(text ?? ""))
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
