/**
 * 👍 / 👎 on an answer: the vote goes to the assistant, and the message is
 * redrawn with the votes taken so far listed under the buttons, one per
 * person (voting again replaces that person's vote). A visible message is
 * redrawn from its own blocks, which Slack sends with the click; a private
 * one (Slack sends no copy) is drawn again from the question on the button.
 */
import type { types } from "@slack/bolt";
import { type ActionArgs, readClick } from "./buttons.ts";
import { readValue, VoteValue } from "./payloads.ts";
import { ACTIONS, BLOCKS, renderView, type Vote, votesLine } from "./render.ts";
import type { ListenerDeps } from "./replies.ts";

const TOO_OLD =
  "Thanks! That answer is too old to take votes now. Ask again, and vote on the fresh answer.";
const NOT_TAKEN = "Sorry, your vote could not be recorded just now. Please try again.";
const TAKEN = "Thanks, your vote was recorded.";

export function onVote(deps: ListenerDeps) {
  const { logger } = deps;
  return async ({ ack, body, respond, client }: ActionArgs) => {
    await ack();
    const click = readClick(body);
    const value = readValue(VoteValue, click?.action.value);
    if (!click || !value) {
      logger.warn("slack vote unreadable");
      return;
    }
    const user = click.body.user.id;
    const helpful = click.action.action_id === ACTIONS.helpful;
    const result = await deps.assistant
      .feedback({ id: value.id, helpful }, { surface: "slack", user })
      .catch((error: unknown) => {
        logger.warn("slack feedback failed", { error });
        return "failed" as const;
      });
    const tell = async (text: string) => {
      await respond({ response_type: "ephemeral", replace_original: false, text });
    };
    if (result === "unknown") return tell(TOO_OLD);
    if (result !== "recorded") return tell(NOT_TAKEN);

    const vote = { user, helpful };
    const { message, container } = click.body;
    const channel = click.body.channel?.id ?? container.channel_id;
    if (container.is_ephemeral !== true && message?.blocks && channel) {
      const redrawn = {
        text: message.text ?? "",
        blocks: withVotes(message.blocks, castVote(votesIn(message.blocks), vote)),
      };
      try {
        await client.chat.update({ channel, ts: message.ts, ...redrawn });
      } catch (error) {
        deps.counters.platformApiError("slack", "chat.update");
        // A message the bot cannot edit (shared through a response_url): replace it that way.
        logger.warn("slack could not update the message, replacing it", { error });
        await respond({ replace_original: true, ...redrawn });
      }
      return;
    }
    if (value.ask === undefined) return tell(TAKEN);
    // A private reply: only its asker sees it, so theirs is the only vote to show.
    const again = deps.bot.ask(value.ask);
    const view = { ...again.view, id: value.id };
    await respond({
      response_type: "ephemeral",
      replace_original: true,
      ...renderView(view, { shareAsk: value.ask, votes: [vote] }),
    });
  };
}

/** A person's vote added, or put in place of their earlier one. */
function castVote(votes: Vote[], vote: Vote): Vote[] {
  const earlier = votes.findIndex((v) => v.user === vote.user);
  if (earlier === -1) return [...votes, vote];
  return votes.map((v, i) => (i === earlier ? vote : v));
}

/**
 * The votes listed in a message's blocks. Slack may hand the emoji back as
 * a short name (`:+1:`), so both spellings are read.
 */
function votesIn(blocks: unknown[]): Vote[] {
  const line = blocks.map(asRecord).find((b) => b?.block_id === BLOCKS.votesTaken)?.elements as
    | unknown[]
    | undefined;
  const text = asRecord(line?.[0])?.text;
  if (typeof text !== "string") return [];
  const votes: Vote[] = [];
  for (const m of text.matchAll(
    /(👍|:\+1:|:thumbsup:|👎|:-1:|:thumbsdown:)\s*<@([UW][A-Z0-9]+)[^>]*>/g,
  )) {
    const helpful = m[1] === "👍" || m[1] === ":+1:" || m[1] === ":thumbsup:";
    votes.push({ user: m[2] as string, helpful });
  }
  return votes;
}

/** The message's blocks with the votes line (re)placed under the 👍 / 👎 row. */
function withVotes(blocks: unknown[], votes: Vote[]): types.KnownBlock[] {
  // Blocks Slack sends back are the ones we sent (with ids filled in): Block Kit blocks.
  const kept = blocks.filter(
    (b) => asRecord(b)?.block_id !== BLOCKS.votesTaken,
  ) as types.KnownBlock[];
  const row = kept.findIndex((b) => b.block_id === BLOCKS.votes);
  const line: types.KnownBlock = {
    type: "context",
    block_id: BLOCKS.votesTaken,
    elements: [{ type: "mrkdwn", text: votesLine(votes) }],
  };
  if (row === -1 || votes.length === 0) return kept;
  return [...kept.slice(0, row + 1), line, ...kept.slice(row + 1)];
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
}
