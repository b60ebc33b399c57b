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
  /** 👍 on an answer. */
  helpful: "aifirst_vote_helpful",
  /** 👎 on an answer. */
  notHelpful: "aifirst_vote_not_helpful",
} as const;

/** Block ids of the votes row and of the line under it listing the votes taken. */
export const BLOCKS = { votes: "aifirst_votes", votesTaken: "aifirst_votes_taken" } as const;

const LABELS = {
  share: "Share in channel",
  ask: "Ask",
  shared: "Shared by",
  asked: "Asked by",
  helpful: "👍",
  notHelpful: "👎",
  helpfulA11y: "Helpful",
  notHelpfulA11y: "Not helpful",
};

/** Said when answering failed unexpectedly (the details go to the log, not to Slack). */
const SORRY = "Sorry, something went wrong while answering. Please try again.";
export const APOLOGY: SlackMessage = {
  text: SORRY,
  blocks: [{ type: "section", text: { type: "mrkdwn", text: SORRY } }],
};

/** One person's vote on a reply. */
export interface Vote {
  user: string;
  helpful: boolean;
}

export interface RenderOptions {
  /**
   * The text that was asked, for a private reply: adds a "Share in channel" button that
   * re-asks it, and rides on the vote buttons (Slack sends no copy of a private message
   * back with a click, so the answer is re-asked to show the vote under it).
   */
  shareAsk?: string;
  /**
   * Who put the answer in front of everyone, and how: shared a private answer into the
   * channel, or asked it with a button under a visible one.
   */
  by?: { user: string; how: "shared" | "asked" };
  /** Votes taken so far, listed under the 👍 / 👎 buttons. */
  votes?: Vote[];
}

export function renderView(view: ReplyView, options: RenderOptions = {}): SlackMessage {
  const head: Block[] = [];
  const tail: Block[] = [];

  // Who put this answer in front of everyone: the words are theirs to own, not the bot's.
  const by =
    options.by && isUserId(options.by.user)
      ? `${LABELS[options.by.how]} <@${options.by.user}>`
      : undefined;
  if (by) head.push(context(by));
  if (view.note) head.push(context(`_${escapeSlack(view.note)}_`));
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
  if (view.votes) tail.push(...voteBlocks(view.id, options));
  const share = shareBlock(options.shareAsk, view.votes ? view : undefined);
  if (share) tail.push(share);

  const budget = LIMITS.blocks - head.length - tail.length;
  const list = listBlocks(view.list, budget - 1);
  const body = view.body ? splitText(markdownToMrkdwn(view.body), LIMITS.sectionText) : [];
  const bodyBlocks = fitSections(body, budget - list.length);

  return {
    // The notification and screen readers say who shared it too, as the blocks do.
    text: truncate(
      [by, markdownToMrkdwn(viewToText(view))].filter(Boolean).join("\n\n"),
      LIMITS.messageText,
    ),
    blocks: [...head, ...bodyBlocks, ...list, ...tail],
  };
}

function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}

/** The 👍 / 👎 row, and under it the votes taken so far (if any). */
function voteBlocks(id: string, options: RenderOptions): Block[] {
  const withAsk = JSON.stringify({ id, ask: options.shareAsk });
  // The question rides along only if it fits; without it a private reply is not redrawn.
  const value =
    options.shareAsk && withAsk.length <= LIMITS.buttonValue ? withAsk : JSON.stringify({ id });
  const vote = (label: string, a11y: string, actionId: string): Button => ({
    type: "button",
    text: { type: "plain_text", text: label, emoji: true },
    accessibility_label: a11y,
    value,
    action_id: actionId,
  });
  const blocks: Block[] = [
    {
      type: "actions",
      block_id: BLOCKS.votes,
      elements: [
        vote(LABELS.helpful, LABELS.helpfulA11y, ACTIONS.helpful),
        vote(LABELS.notHelpful, LABELS.notHelpfulA11y, ACTIONS.notHelpful),
      ],
    },
  ];
  const taken = votesLine(options.votes ?? []);
  if (taken) blocks.push({ ...context(taken), block_id: BLOCKS.votesTaken });
  return blocks;
}

/** "👍 <@U1> · 👎 <@U2>": who voted what, in the order they first voted. */
export function votesLine(votes: Vote[]): string {
  return votes
    .filter((v) => isUserId(v.user))
    .map((v) => `${v.helpful ? LABELS.helpful : LABELS.notHelpful} <@${v.user}>`)
    .join(" · ");
}

// Verbatim: Slack parses only the markup we write, never plain text such as an echoed
// "@channel" (a question is read as the user saw it, so it may hold one).
function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text, verbatim: true } };
}

function context(text: string): Block {
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: truncate(text, LIMITS.contextText), verbatim: true }],
  };
}

function button(label: string, value: string, actionId: string, style?: "primary"): Button {
  const b: Button = {
    type: "button",
    text: { type: "plain_text", text: truncate(label, LIMITS.buttonText), emoji: true },
    value,
    action_id: actionId,
  };
  if (style) b.style = style;
  return b;
}

/**
 * What an "ask this" button carries, as JSON: the question, and the reply id it was
 * suggested under (so a click records the choice), with the suggestion as offered when
 * asking it takes other words (a step, asked by number). A question too long for Slack's
 * 2,000-character value is cut, which still asks something close.
 */
function askValue(ask: string, id?: string, offered?: string): string {
  const chose = id && offered !== undefined && offered !== ask ? { chose: offered } : {};
  const value = JSON.stringify(id ? { ask, id, ...chose } : { ask });
  if (value.length <= LIMITS.buttonValue) return value;
  // Never below 0: a negative end would make slice() count from the question's end.
  const room = Math.max(0, LIMITS.buttonValue - (value.length - ask.length) - 20);
  return JSON.stringify(
    id ? { ask: ask.slice(0, room), id, ...chose } : { ask: ask.slice(0, room) },
  );
}

/** What a screen reader says for a list item's button: "Ask step 3: Structure Your Team". */
function askLabel(choice: Choice): string {
  const what = choice.step ? `step ${choice.step.number}: ${choice.step.title}` : choice.label;
  return truncate(`${LABELS.ask} ${what}`, LIMITS.accessibilityLabel);
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
      text: {
        type: "mrkdwn",
        text: truncate(escapeSlack(choice.label), LIMITS.sectionText),
        verbatim: true,
      },
      accessory: {
        ...button(LABELS.ask, askValue(choice.ask), `${ACTIONS.askPrefix}_list_${i}`),
        accessibility_label: askLabel(choice),
      },
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
    button(c.label, askValue(c.ask, view.id, c.label), `${ACTIONS.askPrefix}_s_${i}`),
  );
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    blocks.push({ type: "actions", elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return blocks;
}

function shareBlock(
  ask: string | undefined,
  answered: { id: string; title: string } | undefined,
): Block | null {
  // Nothing asked is not worth sharing; an over-long ask would not fit a button.
  if (!ask?.trim() || ask.length > LIMITS.buttonValue) return null;
  // "Share" shows again exactly what was typed, under the same reply id when it fits, so the
  // channel's votes count for the answer already recorded rather than a new question; `was`
  // names that answer, so a reload in between cannot credit it with another.
  // Always JSON, so that a question typed as JSON cannot pass for a button's own value.
  const withId = answered && JSON.stringify({ ask, id: answered.id, was: answered.title });
  const bare = JSON.stringify({ ask });
  const value = withId && withId.length <= LIMITS.buttonValue ? withId : bare;
  if (value.length > LIMITS.buttonValue) return null;
  return {
    type: "actions",
    elements: [button(LABELS.share, value, ACTIONS.share, "primary")],
  };
}
