/**
 * A reply view as a Slack message: Block Kit blocks plus a `text` fallback
 * with the same words. All wording comes from the view; the only words added
 * here are button labels. Every block is kept inside Slack's limits.
 */
import type { types } from "@slack/bolt";
import type { Choice, ReplyView } from "../../answer/view.ts";
import { viewToText } from "../../answer/view.ts";
import { LIMITS, splitText, truncate } from "./limits.ts";
import { escapeSlack, markdownToMrkdwn } from "./mrkdwn.ts";

type Block = types.KnownBlock;
type Button = types.Button;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Action ids this adapter puts on buttons, and listens for. */
export const ACTIONS = {
  /** Posts the answer to the asked text visibly in the channel. */
  share: "aifirst_share",
  /** Every "ask this" button starts with this; a suffix keeps ids unique in a message. */
  askPrefix: "aifirst_ask",
} as const;

const LABELS = { share: "Share in channel", ask: "Ask", sharedBy: "Shared by" };

/** Said when answering failed unexpectedly (the details go to the log, not to Slack). */
const SORRY = "Sorry, something went wrong while answering. Please try again.";
export const APOLOGY: SlackMessage = {
  text: SORRY,
  blocks: [{ type: "section", text: { type: "mrkdwn", text: SORRY } }],
};

export interface RenderOptions {
  /** The text that was asked: adds a "Share in channel" button that re-asks it. */
  shareAsk?: string;
  /** The Slack user who shared the answer into the channel. */
  sharedBy?: string;
}

export function renderView(view: ReplyView, options: RenderOptions = {}): SlackMessage {
  const head: Block[] = [];
  const tail: Block[] = [];

  if (options.sharedBy && /^[UW][A-Z0-9]+$/.test(options.sharedBy)) {
    head.push(context(`${LABELS.sharedBy} <@${options.sharedBy}>`));
  }
  if (view.title)
    head.push(section(`*${truncate(escapeSlack(view.title), LIMITS.sectionText - 2)}*`));

  if (view.step) {
    const heading = `*${escapeSlack(view.step.heading)}*`;
    for (const piece of splitText(
      `${heading}\n${markdownToMrkdwn(view.step.excerpt)}`,
      LIMITS.sectionText,
    )) {
      tail.push(section(piece));
    }
  }
  tail.push(...suggestionBlocks(view));
  if (view.playbook) tail.push(context(`From: ${escapeSlack(view.playbook.title)}`));
  const share = shareBlock(options.shareAsk);
  if (share) tail.push(share);

  const budget = LIMITS.blocks - head.length - tail.length;
  const list = listBlocks(view.list, budget - 1);
  const body = view.body ? splitText(markdownToMrkdwn(view.body), LIMITS.sectionText) : [];
  const bodyBlocks = fitSections(body, budget - list.length);

  return {
    text: truncate(markdownToMrkdwn(viewToText(view)), LIMITS.messageText),
    blocks: [...head, ...bodyBlocks, ...list, ...tail],
  };
}

function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function context(text: string): Block {
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: truncate(text, LIMITS.contextText) }],
  };
}

function button(label: string, ask: string, actionId: string, style?: "primary"): Button {
  const b: Button = {
    type: "button",
    text: { type: "plain_text", text: truncate(label, LIMITS.buttonText), emoji: true },
    value: truncate(ask, LIMITS.buttonValue),
    action_id: actionId,
  };
  if (style) b.style = style;
  return b;
}

/** Body pieces as sections; if there are more than fit, the last one says the rest was cut. */
function fitSections(pieces: string[], room: number): Block[] {
  if (room <= 0) return [];
  if (pieces.length <= room) return pieces.map(section);
  const kept = pieces.slice(0, room);
  const last = kept.length - 1;
  kept[last] = truncate(`${kept[last]} …`, LIMITS.sectionText);
  return kept.map(section);
}

/** A list of steps or questions: one line each with an "Ask" button, or plain bullets if too long. */
function listBlocks(list: Choice[], room: number): Block[] {
  if (list.length === 0) return [];
  if (list.length <= room) {
    return list.map((choice, i) => ({
      type: "section",
      text: { type: "mrkdwn", text: truncate(escapeSlack(choice.label), LIMITS.sectionText) },
      accessory: button(LABELS.ask, choice.ask, `${ACTIONS.askPrefix}_list_${i}`),
    }));
  }
  const bullets = list.map((c) => `• ${escapeSlack(c.label)}`).join("\n");
  return splitText(bullets, LIMITS.sectionText).slice(0, Math.max(0, room)).map(section);
}

/** The suggestions under their heading, each a button that asks it. */
function suggestionBlocks(view: ReplyView): Block[] {
  if (view.suggestions.length === 0) return [];
  const blocks: Block[] = [section(`*${escapeSlack(view.suggestionsTitle)}*`)];
  const buttons = view.suggestions.map((c, i) =>
    button(c.label, c.ask, `${ACTIONS.askPrefix}_s_${i}`),
  );
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    blocks.push({ type: "actions", elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return blocks;
}

function shareBlock(ask: string | undefined): Block | null {
  // Nothing asked (the help reply) is not worth sharing; an over-long ask would not fit a button.
  if (!ask?.trim() || ask.length > LIMITS.buttonValue) return null;
  return {
    type: "actions",
    elements: [button(LABELS.share, ask, ACTIONS.share, "primary")],
  };
}
