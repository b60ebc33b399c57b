/**
 * Render-out: a reply's view as a Teams message, an Adaptive Card plus the
 * same words as Markdown for clients and previews that cannot show cards.
 * Every word comes from the engine's view; this module only lays it out.
 * Every text from content goes through `inline` (card-markdown.ts), so a
 * title or a label is held to the same rules as an answer (no unsafe links).
 */

import type { Choice, ReplyView } from "../../answer/view.ts";
import { viewToText } from "../../answer/view.ts";
import type { FeedbackResult } from "../../assistant.ts";
import { linkText, rewriteLinks } from "../../markdown-links.ts";
import { inline, markdownToBlocks } from "./card-markdown.ts";
import type { AdaptiveCard, CardElement, TeamsMessage } from "./contract.ts";

/**
 * The lowest version that has everything used here: ActionSet and `fontType`
 * came in 1.2 (selectAction, ColumnSet, Container styles earlier), so clients
 * limited to 1.2 still show the card rather than its fallback text.
 * test/adapters/teams/adaptive-cards.test.ts parses every card at this version.
 */
const CARD_VERSION = "1.2";
const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

/** Button titles of the vote, and what the bot says back. */
const VOTE_TITLES = { helpful: "👍 Helpful", notHelpful: "👎 Not helpful" } as const;

export function renderMessage(view: ReplyView): TeamsMessage {
  const fallback = neutralise(rewriteLinks(viewToText(view)));
  const body: CardElement[] = [];
  if (view.note) {
    body.push({ type: "TextBlock", text: view.note, color: "Warning", wrap: true });
  }
  if (view.title) {
    body.push({
      type: "TextBlock",
      text: inline(view.title),
      size: "Large",
      weight: "Bolder",
      wrap: true,
      spacing: view.note ? "Small" : "None",
    });
  }
  if (view.body) body.push(...markdownToBlocks(view.body));
  if (view.list.length) body.push(rows(view.list, null));
  if (view.step) {
    body.push({
      type: "Container",
      style: "emphasis",
      spacing: "Medium",
      items: [
        { type: "TextBlock", text: inline(view.step.heading), weight: "Bolder", wrap: true },
        { type: "TextBlock", text: inline(view.step.excerpt), wrap: true, spacing: "Small" },
      ],
    });
  }
  if (view.suggestions.length) {
    body.push(sectionHeading(view.suggestionsTitle));
    body.push(rows(view.suggestions, view.id));
  }
  if (view.votes) body.push(voteButtons(view.id));
  if (view.playbook) {
    body.push({
      type: "TextBlock",
      text: `From: ${inline(view.playbook.title)}`,
      isSubtle: true,
      size: "Small",
      wrap: true,
      spacing: "Medium",
    });
  }
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    fallbackText: fallback,
    body,
    msteams: { width: "Full" },
  };
  // A code box carries its code twice (its text and its fallback's lines): where that would
  // bring the message near Teams' limit (about 28 KB), the lines alone are sent, as before it.
  if (JSON.stringify(card).length + fallback.length > CODE_BOX_BUDGET) {
    card.body = body.map(withoutCodeBoxes);
  }
  return { card, fallback };
}

/** Characters of card and text under which code goes as Teams' code box, with its fallback. */
const CODE_BOX_BUDGET = 20_000;

/** An element with each CodeBlock in it replaced by its fallback. */
function withoutCodeBoxes(element: CardElement): CardElement {
  if (element.type === "CodeBlock") return element.fallback as CardElement;
  if (!Array.isArray(element.items)) return element;
  return { ...element, items: (element.items as CardElement[]).map(withoutCodeBoxes) };
}

/**
 * What the bot says after a 👍 / 👎: a short text reply, not an update of the card. In a
 * channel or group chat the card is everyone's: changing it would show one person's vote
 * to all and take the buttons from the others (a per-person view needs Action.Execute, 1.4).
 */
export function renderVote(helpful: boolean, result: FeedbackResult | "failed"): TeamsMessage {
  if (result === "failed") {
    return { fallback: "Sorry, I could not record your vote just now. Please try again later." };
  }
  if (result === "unknown") {
    return {
      fallback: "Sorry, I no longer have that answer on record, so the vote was not counted.",
    };
  }
  return { fallback: `Thanks, noted: ${helpful ? "helpful" : "not helpful"}.` };
}

function sectionHeading(text: string): CardElement {
  return { type: "TextBlock", text, weight: "Bolder", wrap: true, spacing: "Medium" };
}

/**
 * Choices as full-width rows, each clickable as a whole: its label wraps (a button's
 * title is cut at one line), in the accent colour on a shaded background, with an arrow.
 */
function rows(choices: Choice[], replyId: string | null): CardElement {
  return {
    type: "Container",
    spacing: "Small",
    items: choices.map((choice) => ({
      type: "Container",
      style: "emphasis",
      spacing: "Small",
      selectAction: askButton(choice, replyId),
      items: [
        {
          type: "ColumnSet",
          columns: [
            {
              type: "Column",
              width: "stretch",
              verticalContentAlignment: "Center",
              items: [
                { type: "TextBlock", text: inline(choice.label), color: "Accent", wrap: true },
              ],
            },
            {
              type: "Column",
              width: "auto",
              verticalContentAlignment: "Center",
              items: [{ type: "TextBlock", text: "›", color: "Accent", weight: "Bolder" }],
            },
          ],
        },
      ],
    })),
  };
}

/**
 * What a click asks. `messageBack` makes Teams show the label in the conversation as if
 * the user had typed it and send `value` back as the activity's value; other clients
 * (the Emulator) send the data itself. A suggestion carries the id of the reply that
 * offered it, so the choice is recorded before the question is answered. A button shows
 * its title as it is, so a question's Markdown links travel as their words only.
 */
export function askButton(choice: Choice, replyId: string | null = null): CardElement {
  const label = linkText(choice.label);
  const ask = linkText(choice.ask);
  const value: Record<string, string> = { ask };
  if (replyId) Object.assign(value, { reply: replyId, label });
  return {
    type: "Action.Submit",
    title: label,
    data: { ...value, msteams: { type: "messageBack", displayText: label, text: ask, value } },
  };
}

/** 👍 / 👎: plain submits (nothing posted in the user's name), each naming the reply and the vote. */
function voteButtons(replyId: string): CardElement {
  return {
    type: "ActionSet",
    spacing: "Medium",
    actions: [
      {
        type: "Action.Submit",
        title: VOTE_TITLES.helpful,
        data: { vote: "helpful", reply: replyId },
      },
      {
        type: "Action.Submit",
        title: VOTE_TITLES.notHelpful,
        data: { vote: "not_helpful", reply: replyId },
      },
    ],
  };
}

/**
 * Teams reads message text as HTML: markup in echoed words (a stray `<at>`)
 * must show as text, not become a mention or a tag. A zero-width space after
 * `<` breaks the tag yet looks the same, and unlike `&lt;` it also reads
 * right where a preview shows the text raw. Cards need nothing: Adaptive
 * Cards render no HTML.
 */
function neutralise(text: string): string {
  return text.replace(/<(?=[a-z/!?])/gi, "<\u200B");
}
