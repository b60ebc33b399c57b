/**
 * The Teams adapter's inner contract: what comes in from the Bot Framework
 * (a turn, already translated out of botbuilder's types) and what goes out
 * (a card plus its fallback words). Only `bot-framework.ts` knows botbuilder;
 * everything else speaks these plain types, so moving to the Microsoft 365
 * Agents SDK means rewriting that one module.
 */

/** Who an `<at>` mention in the text points at. */
export interface Mention {
  /** The mentioned account's id (the bot's own id when it is addressed). */
  id: string;
  /** The exact text of the mention inside the message, e.g. `<at>Playbook Bot</at>`. */
  text: string;
  /** The mentioned account's display name, when the entity gives it. */
  name?: string;
}

/** One incoming activity, reduced to what the adapter decides on. */
export interface TeamsTurn {
  /** Activity type: "message", "conversationUpdate", anything else is ignored. */
  type: string;
  /** "personal", "channel", "groupChat" (Teams), or undefined (Emulator, Web Chat). */
  conversationType: string | undefined;
  /** True in channels and group chats, also when `conversationType` is missing. */
  isGroup: boolean;
  /** Who sent it: the AAD object id when Teams gives one, else the channel account id. */
  userId: string | null;
  /** The raw message text, mentions included. */
  text: string;
  /** Card submit data (Action.Submit / messageBack), if the turn is a button click. */
  value: unknown;
  /** The bot's own account id in this conversation. */
  botId: string;
  mentions: Mention[];
  /** Account ids added to the conversation (conversationUpdate). */
  membersAdded: string[];
}

/** One reply: an Adaptive Card (or none, for a short acknowledgement) and the same words as Markdown text. */
export interface TeamsMessage {
  card?: AdaptiveCard;
  /** The reply's words as Markdown: for clients that cannot show the card, and previews. */
  fallback: string;
}

/** An Adaptive Card as JSON; the schema is Microsoft's, we only build plain objects. */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  fallbackText?: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width?: "Full" };
}

/** Any card element or action: a JSON object with a `type`. */
export type CardElement = { type: string } & Record<string, unknown>;

/** What the adapter does with a turn: nothing, or send one message (threaded on the turn). */
export type TurnHandler = (turn: TeamsTurn) => Promise<TeamsMessage | null> | TeamsMessage | null;
