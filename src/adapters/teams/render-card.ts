/**
 * Render-out: a reply's view as a Teams message, an Adaptive Card plus the
 * same words as Markdown for clients and previews that cannot show cards.
 * Every word comes from the engine's view; this module only lays it out.
 */
import type { Choice, ReplyView } from "../../answer/view.ts";
import { viewToText } from "../../answer/view.ts";
import { markdownToBlocks } from "./card-markdown.ts";
import type { AdaptiveCard, CardElement, TeamsMessage } from "./contract.ts";

/**
 * 1.5 is the newest Adaptive Card version Teams renders; the elements used
 * here all exist since 1.2, so older mobile clients show them too.
 */
const CARD_VERSION = "1.5";
const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

export function renderMessage(view: ReplyView): TeamsMessage {
  const fallback = neutralise(viewToText(view));
  const body: CardElement[] = [];
  if (view.title) {
    body.push({
      type: "TextBlock",
      text: view.title,
      size: "Medium",
      weight: "Bolder",
      wrap: true,
    });
  }
  if (view.body) body.push(...markdownToBlocks(view.body));
  if (view.list.length) body.push(listOf(view.list));
  if (view.step) {
    body.push({
      type: "Container",
      style: "emphasis",
      spacing: "Medium",
      items: [
        {
          type: "TextBlock",
          text: view.step.heading,
          weight: "Bolder",
          wrap: true,
        },
        { type: "TextBlock", text: view.step.excerpt, wrap: true, spacing: "Small" },
      ],
    });
  }
  if (view.suggestions.length) {
    body.push({
      type: "TextBlock",
      text: view.suggestionsTitle,
      weight: "Bolder",
      wrap: true,
      spacing: "Medium",
    });
    body.push({ type: "ActionSet", actions: view.suggestions.map(askButton) });
  }
  if (view.playbook) {
    body.push({
      type: "TextBlock",
      text: `From: ${view.playbook.title}`,
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
  return { card, fallback };
}

/**
 * A button that asks its question. `messageBack` makes Teams show the label
 * in the conversation as if the user had typed it, and send `{ ask }` back as
 * the activity's value; other clients (Emulator) send the data as it is.
 */
export function askButton(choice: Choice): CardElement {
  return {
    type: "Action.Submit",
    title: choice.label,
    data: {
      ask: choice.ask,
      msteams: { type: "messageBack", displayText: choice.label, text: choice.ask },
    },
  };
}

/** A listing (steps, questions) as rows that ask their item when clicked. */
function listOf(choices: Choice[]): CardElement {
  return {
    type: "Container",
    spacing: "Medium",
    items: choices.map((choice) => ({
      type: "Container",
      spacing: "Small",
      selectAction: askButton(choice),
      items: [{ type: "TextBlock", text: `- ${choice.label}`, color: "Accent", wrap: true }],
    })),
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
