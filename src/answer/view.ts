/**
 * What a reply says, laid out once for every surface: a title, Markdown body,
 * the matching step, a list and suggestions. Each adapter turns this into its
 * own message format; none of them decides wording.
 */
import { codeBlockReader } from "../markdown-shared.ts";
import type { KnowledgeBase } from "./knowledge.ts";
import { type Notice, type Reply, stepLabel } from "./reply.ts";

/** Something the user can click (or type) to ask next. */
export interface Choice {
  label: string;
  /** The exact text to send back to the engine. */
  ask: string;
  /** Set when the choice is one of a playbook's steps. */
  step?: { number: number; title: string };
}

export interface ReplyView {
  /** The reply's id: what feedback buttons send back. */
  id: string;
  /** Offer helpful / not helpful buttons: the reply answers a question. */
  votes: boolean;
  /**
   * Said above the answer when it is only the best match ("likely"): every surface shows
   * it, so nobody takes a guess for a certain answer. Null when sure.
   */
  note: string | null;
  /** A short heading: the question answered, the step shown, or what went wrong. */
  title: string;
  /** Markdown: the answer, the step text, or the explanation. */
  body: string;
  /** The matching playbook step, for an FAQ answer. */
  step: {
    number: number;
    title: string;
    /** "Playbook step 6: Set KPIs and Monitor Progress": how every surface labels it. */
    heading: string;
    excerpt: string;
    ask: string;
  } | null;
  /** A listing (steps, questions) whose items can be asked. */
  list: Choice[];
  /** Follow-up questions, with the heading to show above them. */
  suggestions: Choice[];
  suggestionsTitle: string;
  /** Which playbook the answer comes from. */
  playbook: { slug: string; title: string } | null;
}

const EXCERPT_LENGTH = 180;
/** Above a likely answer. */
export const LIKELY_NOTE = "Best match: I'm not certain this is what you asked.";
/** Above the alternatives to a likely answer. */
export const ALTERNATIVES_TITLE = "Not what you meant?";
const QUOTE_LENGTH = 120;

export function toView(kb: KnowledgeBase, reply: Reply): ReplyView {
  const playbook = reply.playbook ? kb.playbooks.find((p) => p.slug === reply.playbook) : undefined;
  const source = playbook ? { slug: playbook.slug, title: playbook.title } : null;
  switch (reply.kind) {
    case "faq":
      return viewOf(kb, reply, source, {
        title: reply.faq?.question ?? "",
        suggestionsTitle: reply.sure ? undefined : ALTERNATIVES_TITLE,
        body: reply.faq?.answer ?? "",
        step: reply.step
          ? {
              number: reply.step.number,
              title: reply.step.title,
              heading: `Playbook step ${reply.step.number}: ${reply.step.title}`,
              excerpt: excerpt(reply.step.text),
              // What to send to open the whole step: it may be another playbook's.
              ask: stepAsk(kb, reply.step.number, reply.playbook),
            }
          : null,
      });
    case "step":
      return viewOf(kb, reply, source, {
        title: reply.step ? stepLabel(reply.step) : "",
        body: reply.step?.text ?? "",
        suggestionsTitle: reply.sure ? "Questions about this step" : ALTERNATIVES_TITLE,
      });
    case "steps": {
      // The steps the reply lists: all of them, or after "what's next" those that can come next.
      const list = stepChoices(kb, playbook, reply.playbook).filter((c) =>
        reply.suggestions.includes(c.label),
      );
      if (reply.notice?.type === "which-step") {
        return viewOf(kb, reply, source, {
          title: noticeTitle(reply.notice),
          body: noticeBody(reply.notice, source?.title),
          list,
        });
      }
      return viewOf(kb, reply, source, {
        title: `Steps of ${source?.title ?? "the playbook"}`,
        body: [
          playbook?.steps.length
            ? `Ask for one by number, e.g. \`${stepAsk(kb, 1, reply.playbook)}\`.`
            : "It has no steps: ask a question in your own words.",
          otherPlaybooks(kb, reply.playbook, "steps"),
        ].join(""),
        list,
      });
    }
    case "faqs":
      return viewOf(kb, reply, source, {
        title: `Questions answered by ${source?.title ?? "the playbook"}`,
        body: [
          reply.suggestions.length
            ? "Pick one, or ask in your own words."
            : "It has no FAQ: ask a question in your own words.",
          otherPlaybooks(kb, reply.playbook, "faq"),
        ].join(""),
        list: choicesOf(reply.suggestions),
      });
    case "help":
      return viewOf(kb, reply, source, {
        title: reply.notice ? noticeTitle(reply.notice) : "How to ask me",
        body: reply.notice ? noticeBody(reply.notice) : helpText(kb),
        suggestionsTitle: "Try",
      });
    case "fallback":
      // No such step: the steps there are, to pick from.
      if (reply.notice?.type === "unknown-step") {
        return viewOf(kb, reply, source, {
          title: noticeTitle(reply.notice),
          body: noticeBody(reply.notice, source?.title),
          list: stepChoices(kb, playbook, reply.playbook),
        });
      }
      return viewOf(kb, reply, source, {
        title: reply.notice ? noticeTitle(reply.notice) : "I'm not sure",
        body: reply.notice ? noticeBody(reply.notice, undefined, reply.input) : "",
        suggestionsTitle: reply.notice?.type === "unknown-playbook" ? "Try" : "Answers I can give",
      });
  }
}

function stepChoices(
  kb: KnowledgeBase,
  playbook: { steps: Array<{ number: number; title: string }> } | undefined,
  slug: string | null,
): Choice[] {
  return (playbook?.steps ?? []).map((step) => stepChoice(kb, step, slug));
}

/** A step to pick: shown by its label, asked for by number (and playbook, unless the default). */
function stepChoice(
  kb: KnowledgeBase,
  step: { number: number; title: string },
  slug: string | null,
): Choice {
  return {
    label: stepLabel(step),
    ask: stepAsk(kb, step.number, slug),
    step: { number: step.number, title: step.title },
  };
}

interface ViewParts {
  title: string;
  body: string;
  step?: ReplyView["step"];
  suggestionsTitle?: string;
  /** A listing (steps, questions) shown instead of the reply's suggestions. */
  list?: Choice[];
}

/** Every view, with the defaults of what a kind leaves out. */
function viewOf(
  kb: KnowledgeBase,
  reply: Reply,
  playbook: ReplyView["playbook"],
  parts: ViewParts,
): ReplyView {
  const answers = reply.kind === "faq" || reply.kind === "step";
  return {
    id: reply.id,
    votes: answers && reply.read === "question",
    note: reply.notice?.type === "likely" ? LIKELY_NOTE : null,
    title: parts.title,
    body: parts.body,
    step: parts.step ?? null,
    list: parts.list ?? [],
    suggestions: parts.list ? [] : suggestionChoices(kb, reply),
    suggestionsTitle: parts.suggestionsTitle ?? "Related questions",
    playbook,
  };
}

/** Questions and commands, each asked as shown. */
function choicesOf(labels: string[]): Choice[] {
  return labels.map((label) => ({ label, ask: label }));
}

/** The reply's suggestions: a step asked for by number and playbook, the rest as shown. */
function suggestionChoices(kb: KnowledgeBase, reply: Reply): Choice[] {
  return reply.suggestions.map((label) => {
    const step = reply.suggestedSteps.find((s) => stepLabel(s) === label);
    return step ? stepChoice(kb, step, step.playbook) : { label, ask: label };
  });
}

/** A list's title over its lines in text: "Related questions:", but "Not what you meant?". */
export function listLead(title: string): string {
  return /[?:]$/.test(title) ? title : `${title}:`;
}

/** The same words as plain Markdown text: a chat fallback, a terminal, a log line. */
export function viewToText(view: ReplyView): string {
  const parts: string[] = [];
  if (view.note) parts.push(`_${view.note}_`);
  if (view.title) parts.push(`**${view.title}**`);
  if (view.body) parts.push(view.body);
  // A hard break (two spaces): a surface that joins a paragraph's lines keeps the heading on its own.
  if (view.step) parts.push(`**${view.step.heading}**  \n${view.step.excerpt}`);
  if (view.list.length) parts.push(view.list.map((c) => `• ${c.label}`).join("\n"));
  if (view.suggestions.length) {
    parts.push(
      `${listLead(view.suggestionsTitle)}\n${view.suggestions.map((c) => `• ${c.label}`).join("\n")}`,
    );
  }
  if (view.playbook) parts.push(`_From: ${view.playbook.title}_`);
  return parts.join("\n\n");
}

/**
 * The other playbooks' lists, named with the command that shows them: a team whose playbook
 * is not the default would otherwise see only the default's and think theirs missing.
 */
function otherPlaybooks(kb: KnowledgeBase, shown: string | null, command: "steps" | "faq"): string {
  const others = kb.playbooks.filter(
    (p) => p.slug !== shown && (command === "steps" ? p.steps : p.faqs).length > 0,
  );
  if (others.length === 0) return "";
  const shownAs = others.slice(0, MAX_OTHER_PLAYBOOKS).map((p) => `\`${command} ${p.slug}\``);
  const more =
    others.length > MAX_OTHER_PLAYBOOKS
      ? `, and ${others.length - MAX_OTHER_PLAYBOOKS} more (\`help\`)`
      : "";
  return ` Other playbooks: ${shownAs.join(", ")}${more}.`;
}

/** How many other playbooks a list names; `help` names them all. */
const MAX_OTHER_PLAYBOOKS = 5;

function helpText(kb: KnowledgeBase): string {
  const slugs = kb.playbooks.map((p) => `\`${p.slug}\``).join(", ");
  return [
    "Ask a question in your own words, or use a command:",
    "• `step 3`, `step three` or `step governance`: one step of the playbook",
    "• `where do I start?`, `what comes after step 3?`: the first step, the next one",
    "• `steps`: all steps  • `faq`: all questions  • `help`: this message",
    kb.playbooks.length > 1
      ? `• \`step 3 <playbook>\`, \`steps <playbook>\`: another playbook (${slugs})`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function noticeTitle(notice: Notice): string {
  switch (notice.type) {
    case "unknown-step":
      if (notice.from) return `Step ${notice.from.number} is the ${notice.from.edge} step`;
      return `There is no step ${notice.requested}`;
    case "which-step":
      return notice.offset > 0
        ? "Which step is next for you?"
        : "Which step do you want to go back to?";
    case "unknown-playbook":
      return `I don't know a playbook called "${notice.requested}"`;
    case "too-long":
      return "That message is too long";
    case "not-sure":
      return "I'm not sure I have an answer to that";
    case "likely":
      return LIKELY_NOTE;
    case "thanks":
      return "You're welcome";
    case "acknowledged":
      return "Anything else?";
  }
}

function noticeBody(notice: Notice, playbookTitle?: string, input = ""): string {
  switch (notice.type) {
    case "unknown-step":
      return `*${playbookTitle ?? notice.playbook}* has ${stepRange(notice.count)}`;
    case "which-step":
      return `I don't keep track of where you are in *${playbookTitle ?? notice.playbook}*, so pick the step below, or say \`what comes ${notice.offset > 0 ? "after" : "before"} step 3\`:`;
    case "unknown-playbook":
      return `Playbooks I know: ${notice.known.map((s) => `\`${s}\``).join(", ")}.`;
    case "too-long":
      return `Please keep questions to ${notice.limit.toLocaleString("en-US")} characters or fewer.`;
    case "likely":
      return "";
    case "not-sure":
      // Not "none covers it": a suggestion below may well be the answer, only not sure enough.
      return `I only answer from our playbooks, and I could not tell which part covers ${quote(input)}. Is it one of these? Or rephrase it:`;
    case "thanks":
    case "acknowledged":
      return "Ask me anything else about the playbooks, in your own words, or `help` for the commands.";
  }
}

function stepRange(count: number): string {
  if (count === 0) return "no steps, only questions: try `faq`.";
  return count === 1 ? "1 step:" : `steps 1 to ${count}:`;
}

/**
 * The user's own words, shown back so they see what was understood: as inline code, so
 * they cannot turn into formatting or links in the bot's reply (each surface still escapes
 * its own markup characters), and cut short.
 */
function quote(input: string): string {
  const flat = input.replace(/\s+/g, " ").trim().replace(/`/g, "'");
  if (!flat) return "this";
  return `\`${flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat}\``;
}

/** What to send to see step `number`: the playbook is named unless it is the default one. */
function stepAsk(kb: KnowledgeBase, number: number, playbook: string | null): string {
  const other = playbook && playbook !== kb.defaultPlaybook.slug ? ` ${playbook}` : "";
  return `step ${number}${other}`;
}

function excerpt(text: string): string {
  const flat = (proseOf(text) || text).replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  // Whole sentences that fit. A sentence ends where a stop is followed by a space or the
  // end: "renovate.json" and "v2.1" go on. Only the part that can fit is looked at.
  let end = 0;
  for (const m of flat.slice(0, EXCERPT_LENGTH + 1).matchAll(/[.!?]+/g)) {
    const after = m.index + m[0].length;
    if (after > EXCERPT_LENGTH) break;
    if (after === flat.length || flat[after] === " ") end = after;
  }
  return end > 0
    ? flat.slice(0, end)
    : `${flat.slice(0, EXCERPT_LENGTH - 1).replace(/\s+\S*$/, "")}…`;
}

/**
 * A step's text as prose for its excerpt: code blocks, tables, headings and block HTML left
 * out (on one line they read as noise), list items without their markers ("2." would end a
 * sentence), each ending in ";" unless it ends in a stop of its own. A step that is all code
 * gives its first line; one that is all tables or headings, nothing.
 */
function proseOf(text: string): string {
  const out: string[] = [];
  const code = codeBlockReader();
  let firstCode = "";
  let item = false;
  for (const line of text.split("\n")) {
    const kind = code(line);
    if (kind === "code") firstCode ||= line.trim();
    if (kind !== "text") continue;
    if (
      line.trim() === "" ||
      /^\s*(?:#{1,6}\s|\||<\/?(?:details|summary|table|div|p)\b)/i.test(line)
    )
      continue;
    const listed = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    const last = out.length - 1;
    if (listed && item && last >= 0 && !/[.!?;:,]$/.test(out[last] ?? "")) out[last] += ";";
    // A backslash at a line's end is a line break, which the excerpt's one line has none of.
    out.push((listed ? (listed[1] ?? "") : line).replace(/(?<!\\)\\$/, ""));
    // Blank lines between items keep the list going; a line at the margin ends it.
    item = listed !== null || (item && /^\s/.test(line));
  }
  // All code: its first line says more than its fences would.
  return (out.length ? out.join("\n") : firstCode).trim();
}
