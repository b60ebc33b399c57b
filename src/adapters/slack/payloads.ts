/**
 * The shapes of what Slack sends that this app acts on, checked with zod at
 * the edge. A signed payload with the wrong types (a field sent twice in a
 * form, `event` a string, a number where Slack sends text) is refused or
 * ignored here, so listeners only ever see the types they were written for.
 * Only the fields we read are checked; the rest pass through untouched.
 */
import { z } from "zod/v4";

const id = z.string().min(1);

/** A slash command (a form: every field a single string). */
export const SlashCommand = z.looseObject({
  command: z.string(),
  text: z.string().optional(),
  user_id: id,
  channel_id: z.string().optional(),
  team_id: z.string().optional(),
  response_url: z.string().optional(),
});

/** The parts of a message event (`app_mention`, `message`) that decide whether and how to answer. */
export const MessageEvent = z.looseObject({
  type: z.string(),
  subtype: z.string().optional(),
  text: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  /** Set on a message that was edited; Slack redelivers an edited mention as a new `app_mention`. */
  edited: z.unknown().optional(),
  blocks: z.array(z.unknown()).optional(),
});
export type MessageEvent = z.infer<typeof MessageEvent>;

/** An Events API delivery. */
export const EventCallback = z.looseObject({
  type: z.literal("event_callback"),
  event_id: id,
  event: z.looseObject({ type: z.string() }),
});

const ButtonClick = z.looseObject({
  type: z.string(),
  action_id: z.string(),
  value: z.string().optional(),
  text: z.looseObject({ text: z.string() }).optional(),
});

/** A click on a button of a message (interactivity). */
export const BlockActions = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id }),
  container: z.looseObject({
    type: z.string(),
    is_ephemeral: z.boolean().optional(),
    channel_id: z.string().optional(),
    message_ts: z.string().optional(),
  }),
  channel: z.looseObject({ id: z.string() }).nullish(),
  message: z
    .looseObject({
      ts: z.string(),
      thread_ts: z.string().optional(),
      text: z.string().optional(),
      blocks: z.array(z.unknown()).optional(),
    })
    .optional(),
  response_url: z.string().optional(),
  actions: z.array(ButtonClick).min(1),
});
export type BlockActions = z.infer<typeof BlockActions>;

/** What to do with a verified request body before Bolt sees it. */
export type Verdict =
  | { kind: "dispatch" }
  /** A command or click we cannot read: the client gets a 400. */
  | { kind: "refuse"; reason: string }
  /** An event we cannot read, or a payload this app does not handle: acknowledged, nothing done. */
  | { kind: "ignore"; reason: string };

/**
 * Sorts a verified body: the three kinds this app answers go to Bolt if
 * they have the right shape; anything else is acknowledged and dropped, so
 * Slack is never kept waiting and never retries it.
 */
export function checkBody(body: unknown): Verdict {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { kind: "refuse", reason: "malformed body" };
  }
  const fields = body as Record<string, unknown>;
  if ("command" in fields) {
    return SlashCommand.safeParse(fields).success
      ? { kind: "dispatch" }
      : { kind: "refuse", reason: "malformed slash command" };
  }
  if (fields.type === "block_actions") {
    return BlockActions.safeParse(fields).success
      ? { kind: "dispatch" }
      : { kind: "refuse", reason: "malformed interactivity payload" };
  }
  if (fields.type === "event_callback") {
    return EventCallback.safeParse(fields).success
      ? { kind: "dispatch" }
      : { kind: "ignore", reason: "malformed event" };
  }
  return { kind: "ignore", reason: "payload type not handled" };
}

/**
 * What an "ask this" button carries: the question, and for a suggestion the
 * id of the reply it was offered under (so a click records the choice).
 */
export const AskValue = z.object({
  ask: z.string(),
  id: z.string().optional(),
  /** Under a Share button: the title of the answer recorded under `id`. */
  was: z.string().optional(),
  /** The suggestion as offered, where asking it takes other words (a step, asked by number). */
  chose: z.string().optional(),
});
export type AskValue = z.infer<typeof AskValue>;

/** What a 👍 / 👎 button carries: the reply's id, and the question when Slack sends no copy of a private reply back. */
export const VoteValue = z.object({ id: z.string().min(1), ask: z.string().optional() });
export type VoteValue = z.infer<typeof VoteValue>;

/** A button value as JSON, or undefined if it is not JSON of that shape. */
export function readValue<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined || !value.startsWith("{")) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
