/**
 * The answer engine: text in, reply out. Pure: no I/O, no clock, no platform.
 */
import type { Faq, Playbook, Step } from "../content/types.ts";
import { withoutChatMarkup } from "./analyzer.ts";
import { asksOtherwise } from "./asks.ts";
import { confidenceOf } from "./confidence.ts";
import { type Command, nameAlone, parseCommand, withoutOpener } from "./grammar.ts";
import type { KnowledgeBase } from "./knowledge.ts";
import { type Reply, type ReplyStep, stepLabel } from "./reply.ts";
import {
  breakTie,
  type Found,
  type Hit,
  type QuestionTerms,
  questionTerms,
  searchTerms,
} from "./search.ts";

/** Questions longer than this are refused rather than searched. */
export const MAX_INPUT_LENGTH = 2000;

/** A step wins over the best FAQ only when it covers the question clearly better. */
export const STEP_MARGIN = 0.25;
/** ... or is clearly likelier to be right. */
export const STEP_CONFIDENCE_MARGIN = 0.1;

const MAX_SUGGESTIONS = 3;

/** How much of the question another FAQ must cover to be offered as a related question. */
const RELATED_MIN_COVERAGE = 0.3;

/**
 * Over the limit in Unicode characters (code points): 🙂 is one, though JavaScript's
 * `length` counts two for it. (An emoji built of several, such as a family, counts as
 * those several.)
 */
export function isTooLong(text: string): boolean {
  if (text.length <= MAX_INPUT_LENGTH) return false;
  let characters = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair (most emoji) is one character.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++characters > MAX_INPUT_LENGTH) return true;
  }
  return false;
}

export function answer(kb: KnowledgeBase, asked: string): Reply {
  return answerRead(kb, asked).reply;
}

/** The reply, and the text a question in it was read from (what `explainQuestion` weighs). */
export function answerRead(kb: KnowledgeBase, asked: string): { reply: Reply; text: string } {
  // Every reply echoes the input as the engine read it, commands as well as questions.
  const input = asked.trim();
  if (isTooLong(input)) {
    const notice = { type: "too-long", limit: MAX_INPUT_LENGTH } as const;
    return { reply: reply(input, "help", { notice, confidence: 0 }), text: input };
  }
  // Read once without what chat adds (emoji shortcodes, @mentions); echoed as sent.
  const text = withoutChatMarkup(input);
  const plain = { reply: answerCommand(kb, input, text, parseCommand(text)), text };
  // The bot's own name first ("aifirst step 6"), where the message read whole is no command:
  // what follows is said to the bot. Said alone, the name is the bot addressed ("hey aifirst",
  // "thanks aifirst"). Before a question or a topic, its words may be the question's own
  // ("aifirst roadmap": AI-first's?), unless punctuation sets them apart: the likelier reading wins.
  const named = kb.names?.atStart(text);
  if (!named || plain.reply.read !== "question") return plain;
  const rest = named.rest;
  const command = rest ? parseCommand(rest) : nameAlone(named.before);
  const addressed = answerCommand(kb, input, rest, command);
  if (addressed.read === "command" || named.setApart) return { reply: addressed, text: rest };
  return addressed.confidence >= plain.reply.confidence ? { reply: addressed, text: rest } : plain;
}

function answerCommand(kb: KnowledgeBase, input: string, text: string, command: Command): Reply {
  switch (command.type) {
    case "help":
      return reply(input, "help", {
        suggestions: helpExamples(kb),
        notice: command.thanks
          ? { type: "thanks" }
          : command.acknowledged
            ? { type: "acknowledged" }
            : null,
      });
    case "steps":
    case "faqs": {
      const listed = (p: Playbook) => (command.type === "steps" ? p.steps : p.faqs).length > 0;
      // Unnamed, the default playbook, or the first that has any to list.
      // Words that may be a question name a playbook only by all of its title.
      const playbook = command.playbook
        ? resolvePlaybook(kb, command.playbook, !command.orQuestion)
        : (defaultFirst(kb).find(listed) ?? kb.defaultPlaybook);
      // "steps to measure kpis" names no playbook: it is a question.
      if (!playbook) return answerQuestion(kb, input, text);
      const items =
        command.type === "steps"
          ? playbook.steps.map(stepLabel)
          : playbook.faqs.map((f) => f.question);
      return reply(input, command.type, { playbook: playbook.slug, suggestions: items });
    }
    case "step":
      return answerStep(kb, input, text, command);
    case "beside-unnamed": {
      // The bot keeps no conversation: the steps that can come next (or before), to pick from.
      const playbook = defaultFirst(kb).find((p) => p.steps.length > 1);
      if (!playbook) return answerQuestion(kb, input, text);
      const steps = command.offset > 0 ? playbook.steps.slice(1) : playbook.steps.slice(0, -1);
      return reply(input, "steps", {
        playbook: playbook.slug,
        notice: { type: "which-step", offset: command.offset, playbook: playbook.slug },
        suggestions: steps.map(stepLabel),
      });
    }
    case "question":
      return answerQuestion(kb, input, text);
  }
}

function answerStep(
  kb: KnowledgeBase,
  input: string,
  text: string,
  command: Extract<Command, { type: "step" }>,
): Reply {
  let playbook = kb.defaultPlaybook;
  if (command.playbook) {
    const titleOfStep = numberedStep(playbook, command.number);
    // "step 3 structure your team" names step 3 twice; unless the words are a playbook's
    // very slug, they confirm the default playbook's step rather than pick another playbook.
    // Words that may be a topic ("where do I start with ai strategy") confirm nothing: the
    // first step's title naming the topic does not make them a command.
    const terms = termsOfName(kb, command.playbook);
    const namesItsStep =
      !(command.orQuestion && command.number === "first") &&
      titleOfStep !== undefined &&
      sameWords(terms, kb.titleTerms(titleOfStep.title));
    const namedPlaybook =
      playbookBySlug(kb, command.playbook) ??
      (namesItsStep
        ? playbook
        : playbookNamedOrMistyped(kb, command.playbook, terms, !command.orQuestion));
    if (namedPlaybook) playbook = namedPlaybook;
    // The whole message, "where do I start" and all: a topic of one or two words alone
    // would make any entry using them look like a confident answer.
    else if (command.orQuestion || command.fromSlip) return answerQuestion(kb, input, text);
    else {
      return reply(input, "fallback", {
        notice: {
          type: "unknown-playbook",
          requested: command.playbook,
          known: kb.playbooks.map((p) => p.slug),
        },
        confidence: 0,
        suggestions: kb.playbooks.slice(0, MAX_SUGGESTIONS).map((p) => `steps ${p.slug}`),
      });
    }
  }
  const requested =
    command.number !== null
      ? numberedStep(playbook, command.number)
      : stepByTitle(kb, playbook, command.words);
  // Words that name no step, or where to start in a playbook of FAQs only: a question.
  if (!requested && (command.number === null || command.number === "first")) {
    return answerQuestion(kb, input, text);
  }
  if (!requested) return unknownStep(input, playbook, String(command.number));
  if (!command.offset) return stepReply(input, playbook, requested, 1);
  // Steps are numbered 1 to n in order (the content check refuses gaps), so the step
  // beside is both the next in the list and the next number; past either end, the
  // number that does not exist is the one to name.
  const beside = playbook.steps[playbook.steps.indexOf(requested) + command.offset];
  if (!beside) {
    return unknownStep(input, playbook, String(requested.number + command.offset), {
      number: requested.number,
      edge: command.offset > 0 ? "last" : "first",
    });
  }
  return stepReply(input, playbook, beside, 1);
}

/** "There is no step 9": the playbook's steps instead, and why. */
function unknownStep(
  input: string,
  playbook: Playbook,
  requested: string,
  from?: { number: number; edge: "last" | "first" },
): Reply {
  // A fallback (nothing was found), offering the steps there are.
  return reply(input, "fallback", {
    playbook: playbook.slug,
    notice: {
      type: "unknown-step",
      requested,
      playbook: playbook.slug,
      count: playbook.steps.length,
      ...(from ? { from } : {}),
    },
    confidence: 0,
    suggestions: playbook.steps.map(stepLabel),
  });
}

/**
 * A question of one word ("kpis") that `hit`'s question or title (or an Also asked line) holds asks about that
 * answer's topic: at least a likely answer, with the others offered, rather than "not sure".
 */
function namedByOneWord(found: Found, hit: Hit): boolean {
  return found.terms === 1 && found.known === 1 && hit.inPhrasing.size === 1;
}

/** How likely `hit`, one of the answers `found` for a question, is the right one. */
export function hitConfidence(kb: KnowledgeBase, found: Found, hit: Hit): number {
  const { hits } = found;
  // A learned phrasing matches only a question that says nearly what it says (see search.ts),
  // and people chose this answer for it: at least a likely answer, whatever the words weigh.
  const floor = hit.phrasing.learned != null ? kb.tuning.notSureBelow : 0;
  return Math.max(
    floor,
    confidenceOf({
      best: hit,
      next: hits.find((h) => h !== hit),
      terms: found.terms,
      known: found.known,
      unit: kb.weight(1),
    }),
  );
}

/**
 * A question weighed: how it was read, the answers found, the two the engine weighs (the
 * best FAQ, and the best step when steps may answer), and the one it answers with if any.
 */
export interface Weighed {
  read: QuestionTerms;
  found: Found;
  weighed: Hit[];
  best: Hit | undefined;
  /** How likely `best` is right; 0 without one. */
  confidence: number;
  /** A step answers because the best FAQ asks another kind of thing (see `asksOtherwise`). */
  byKind: boolean;
  /** One word named by the answer's phrasing lifted its confidence (see `namedByOneWord`). */
  lifted: boolean;
}

/** `text` as read (chat markup gone), searched without the chat before it, and weighed. */
export function weighQuestion(kb: KnowledgeBase, text: string): Weighed {
  const question = withoutOpener(text);
  const read = questionTerms(kb, question);
  const found = searchTerms(kb, read);
  const standing = weighFound(kb, read, found);
  const broken = kb.tuning.tieBreaks ? breakTie(found) : null;
  if (!broken) return standing;
  // A tie broken must not turn an answer into "not sure": then the tie stands.
  const weighed = weighFound(kb, read, broken);
  const answers = (w: Weighed) => w.confidence >= kb.tuning.notSureBelow;
  return answers(weighed) || !answers(standing) ? weighed : standing;
}

/** The question says exactly what the hit's phrasing says: each holds every term of the other. */
function saysExactly(hit: Hit): boolean {
  return hit.coverage >= 1 && hit.echo >= 1;
}

function weighFound(kb: KnowledgeBase, read: QuestionTerms, found: Found): Weighed {
  const faqHit = found.hits.find((h) => h.doc.faq);
  const stepHit = kb.tuning.stepAnswers ? found.hits.find((h) => h.doc.step) : undefined;
  const confidence = (hit: Hit | undefined) => (hit ? hitConfidence(kb, found, hit) : 0);
  const faqConfidence = confidence(faqHit);
  const stepConfidence = confidence(stepHit);
  // An FAQ answers unless a step fits clearly better: an FAQ is the more specific
  // answer, and brings its step along. But an FAQ that asks another kind of thing than the
  // question ("How often should we post status updates?" for "what should a status update
  // include") answers it only if it is likelier right than the step.
  const askedOtherwise =
    kb.tuning.kindsAsked &&
    faqHit !== undefined &&
    stepHit !== undefined &&
    stepConfidence >= faqConfidence &&
    asksOtherwise(read.asRead.join(" "), faqHit.phrasing.text);
  const fitsBetter =
    stepHit !== undefined &&
    (faqHit === undefined ||
      // A step that broke a tie among the first answers (see search.ts) fits better than each.
      (stepHit.brokeTie && stepHit === found.hits[0]) ||
      // Asked word for word (its title or an Also asked line), where the FAQ was not.
      (saysExactly(stepHit) && !saysExactly(faqHit)) ||
      stepHit.coverage >= faqHit.coverage + STEP_MARGIN ||
      stepConfidence >= faqConfidence + STEP_CONFIDENCE_MARGIN);
  const stepWins = fitsBetter || askedOtherwise;
  const best = stepWins ? stepHit : faqHit;
  const chosen = stepWins ? stepConfidence : faqConfidence;
  // Lifted after the choice, so that it never decides between an FAQ and a step.
  const named = kb.tuning.oneWordTopics && best !== undefined && namedByOneWord(found, best);
  return {
    read,
    found,
    weighed: [faqHit, stepHit].filter((h): h is Hit => h !== undefined),
    best,
    confidence: named ? Math.max(chosen, kb.tuning.notSureBelow) : chosen,
    byKind: askedOtherwise && !fitsBetter,
    lifted: named,
  };
}

/** `input` as sent, echoed; `text` as read, searched, without the chat before it. */
function answerQuestion(kb: KnowledgeBase, input: string, text: string): Reply {
  const { read, found, best, confidence: confidenceOfBest } = weighQuestion(kb, text);
  const { hits } = found;
  const judged = kb.tuning.coverage ? confidenceOfBest : best ? 1 : 0;

  if (!best || judged < kb.tuning.notSureBelow) {
    // Nothing fits, and the question says a playbook's title, all of it and nothing else ("how
    // do i deploy to production" of "Deploying to Production"): it asks for that playbook.
    const titled = kb.playbooks.filter((p) => titleIs(kb, p, read.terms));
    const [asked] = titled;
    if (titled.length === 1 && asked && asked.steps.length > 0) {
      // Asked as a question (so recorded as one), answered as `steps <playbook>` is.
      return reply(input, "steps", {
        read: "question",
        playbook: asked.slug,
        suggestions: asked.steps.map(stepLabel),
      });
    }
    return reply(input, "fallback", {
      read: "question",
      notice: { type: "not-sure" },
      confidence: round(confidenceOfBest),
      ...nextCandidates(kb, hits),
    });
  }
  const sure = judged >= kb.tuning.sureFrom;
  const shared = {
    read: "question" as const,
    learned: best.phrasing.learned,
    confidence: round(confidenceOfBest),
    sure,
    notice: sure ? null : ({ type: "likely" } as const),
  };
  const { playbook } = best.doc;
  if (best.doc.step) {
    const step = best.doc.step;
    const asStep = stepReply(input, playbook, step, confidenceOfBest);
    return {
      ...asStep,
      ...shared,
      // A likely step offers the answers that came next; a sure one, the questions about it.
      ...(sure ? besideSure(hits, best, step, asStep.suggestions) : nextCandidates(kb, hits, best)),
    };
  }
  const faq = best.doc.faq as Faq;
  const matching = playbook.steps.find((s) => s.number === faq.stepNumber) ?? null;
  return reply(input, "faq", {
    ...shared,
    playbook: playbook.slug,
    faq: { question: faq.question, answer: faq.answer },
    step: matching ? stepJson(matching) : null,
    ...(sure
      ? besideSure(hits, best, matching, relatedQuestions(hits, best))
      : nextCandidates(kb, hits, best, matching)),
  });
}

function numberedStep(
  playbook: Playbook,
  number: number | "first" | "last" | null,
): Step | undefined {
  if (number === "first") return playbook.steps[0];
  if (number === "last") return playbook.steps.at(-1);
  return number === null ? undefined : playbook.steps.find((s) => s.number === number);
}

function stepReply(input: string, playbook: Playbook, step: Step, confidence: number): Reply {
  return reply(input, "step", {
    playbook: playbook.slug,
    step: stepJson(step),
    confidence: round(confidence),
    suggestions: playbook.faqs
      .filter((f) => f.stepNumber === step.number)
      .slice(0, MAX_SUGGESTIONS)
      .map((f) => f.question),
  });
}

/**
 * Suggestions as they are gathered: an FAQ by its question, a step by its label (and which
 * step it is); none twice, at most `MAX_SUGGESTIONS`, never the answer itself or the step
 * shown beside it.
 */
function gathering(answered: Hit | undefined, shown: Step | null) {
  const offered: Pick<Reply, "suggestions" | "suggestedSteps"> = {
    suggestions: [],
    suggestedSteps: [],
  };
  const full = () => offered.suggestions.length >= MAX_SUGGESTIONS;
  const offerText = (text: string) => {
    if (!full() && !offered.suggestions.includes(text)) offered.suggestions.push(text);
  };
  const offer = (hit: Hit) => {
    const { faq, step, playbook } = hit.doc;
    if (hit === answered || full()) return;
    if (faq) return offerText(faq.question);
    if (!step || (playbook === answered?.doc.playbook && step.number === shown?.number)) return;
    const label = stepLabel(step);
    if (offered.suggestions.includes(label)) return;
    offered.suggestions.push(label);
    offered.suggestedSteps.push({
      playbook: playbook.slug,
      number: step.number,
      title: step.title,
    });
  };
  return { offered, offer, offerText };
}

/**
 * Beside a sure answer: first any other answer people chose for this very question (a
 * learned phrasing of it matched), then `related`.
 */
function besideSure(
  hits: Hit[],
  answered: Hit,
  shown: Step | null,
  related: string[],
): Pick<Reply, "suggestions" | "suggestedSteps"> {
  const { offered, offer, offerText } = gathering(answered, shown);
  for (const hit of hits) if (hit.phrasing.learned !== null) offer(hit);
  for (const q of related) offerText(q);
  return offered;
}

/** Beside a sure answer, the other FAQs that share real substance with what was asked. */
function relatedQuestions(hits: Hit[], answered: Hit): string[] {
  const out: string[] = [];
  for (const hit of hits) {
    const q = hit.doc.faq?.question;
    if (q && hit !== answered && !out.includes(q) && hit.coverage >= RELATED_MIN_COVERAGE) {
      out.push(q);
    }
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}

/**
 * Beside a likely answer, or after "not sure", the answers that came next, steps as well as
 * FAQs: the one meant may be a step. The best other FAQ comes first, as an FAQ answers before
 * a step. With no other candidate, the first questions there are.
 */
function nextCandidates(
  kb: KnowledgeBase,
  hits: Hit[],
  answered?: Hit,
  shownStep?: Step | null,
): Pick<Reply, "suggestions" | "suggestedSteps"> {
  const { offered, offer } = gathering(answered, answered?.doc.step ?? shownStep ?? null);
  const firstFaq = hits.find((h) => h !== answered && h.doc.faq);
  if (firstFaq) offer(firstFaq);
  for (const hit of hits) offer(hit);
  if (offered.suggestions.length > 0) return offered;
  return { suggestions: firstQuestions(kb, answered?.doc.faq?.question), suggestedSteps: [] };
}

/** The default playbook, then the others in order. */
function defaultFirst(kb: KnowledgeBase): Playbook[] {
  return [kb.defaultPlaybook, ...kb.playbooks.filter((p) => p !== kb.defaultPlaybook)];
}

/** The first questions of the default playbook, then of the others: where to start. */
function firstQuestions(kb: KnowledgeBase, except?: string): string[] {
  const out: string[] = [];
  // Only as far as the first few: a library may hold tens of thousands of questions.
  for (const playbook of defaultFirst(kb)) {
    for (const { question } of playbook.faqs) {
      if (question !== except && !out.includes(question)) out.push(question);
      if (out.length === MAX_SUGGESTIONS) return out;
    }
  }
  return out;
}

function stepByTitle(kb: KnowledgeBase, playbook: Playbook, words: string): Step | undefined {
  // Read as a question's words are: "step goverance" is the governance step.
  const wanted = new Set(questionTerms(kb, words).terms);
  if (wanted.size === 0) return undefined;
  let best: Step | undefined;
  let bestScore = 0;
  for (const step of playbook.steps) {
    const title = kb.titleTerms(step.title);
    const score = title.filter((t) => wanted.has(t)).length / Math.max(1, wanted.size);
    if (score > bestScore) {
      bestScore = score;
      best = step;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}

/** Shortest start of a slug that may name its playbook ("inc" for incident-response). */
const SLUG_PREFIX_MIN = 3;

function resolvePlaybook(kb: KnowledgeBase, name: string, loosely: boolean): Playbook | undefined {
  return (
    playbookBySlug(kb, name) ?? playbookNamedOrMistyped(kb, name, termsOfName(kb, name), loosely)
  );
}

/**
 * The playbook `name` names (see `playbookNamed`) as typed, or else with its typos read as a
 * question's are ("the ai firrst playbook"). As typed first: the reader knows the playbooks'
 * steps and FAQs, not their titles, and would split a title's "guidelines" into "guide lines".
 */
function playbookNamedOrMistyped(
  kb: KnowledgeBase,
  name: string,
  typed: readonly string[],
  loosely: boolean,
): Playbook | undefined {
  const named = playbookNamed(kb, name, typed, loosely);
  if (named) return named;
  const read = questionTerms(kb, name.replace(/-/g, " ")).terms;
  return read.join(" ") === typed.join(" ") ? undefined : playbookNamed(kb, name, read, loosely);
}

function playbookBySlug(kb: KnowledgeBase, slug: string): Playbook | undefined {
  return kb.playbooks.find((p) => p.slug === slug);
}

/**
 * The playbook `name` (its index `terms` given) names by the start of its slug ("inc",
 * "code review"), or by its title: by words of it ("incident response") when `loosely`,
 * else by all of it ("code review guidelines"). Words that may be a playbook or a topic
 * ("where do I start with ...") name one only that plainly: "where do I start with
 * guidelines" is not asking for the first step of "Code Review Guidelines", nor "... with
 * my engineering org" for that of every playbook whose title says "engineering".
 */
function playbookNamed(
  kb: KnowledgeBase,
  name: string,
  terms: readonly string[],
  loosely: boolean,
): Playbook | undefined {
  if (name.length >= SLUG_PREFIX_MIN) {
    const bySlug = kb.playbooks.find((p) => p.slug.startsWith(name));
    if (bySlug) return bySlug;
  }
  return kb.playbooks.find((p) =>
    loosely ? sameWords(terms, kb.titleTerms(p.title)) : titleIs(kb, p, terms),
  );
}

/** `terms` are the words of `playbook`'s title, all of them and no others. */
function titleIs(kb: KnowledgeBase, playbook: Playbook, terms: readonly string[]): boolean {
  const title = kb.titleTerms(playbook.title);
  return sameWords(terms, title) && sameWords(title, terms);
}

/** The index terms of a playbook named in a command (a slug's words too). */
function termsOfName(kb: KnowledgeBase, name: string): string[] {
  return kb.analyzer.terms(name.replace(/-/g, " "));
}

/** Every one of `words` (and at least one) is one of `title`'s. */
function sameWords(words: readonly string[], title: readonly string[]): boolean {
  return words.length > 0 && words.every((t) => title.includes(t));
}

function helpExamples(kb: KnowledgeBase): string[] {
  const first = firstQuestions(kb)[0];
  return [
    ...(kb.defaultPlaybook.steps.length > 0 ? ["steps", "step 1"] : []),
    ...(first ? ["faq", first] : []),
  ];
}

function stepJson(step: Step): ReplyStep {
  return { number: step.number, title: step.title, text: step.text };
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

function reply(
  input: string,
  kind: Reply["kind"],
  parts: Partial<Omit<Reply, "input" | "kind" | "id">>,
): Reply {
  return {
    input,
    kind,
    playbook: parts.playbook ?? null,
    faq: parts.faq ?? null,
    step: parts.step ?? null,
    confidence: parts.confidence ?? 1,
    suggestions: parts.suggestions ?? [],
    suggestedSteps: parts.suggestedSteps ?? [],
    sure: parts.sure ?? kind !== "fallback",
    // Named by the bot that hands the reply out: the engine has no clock and no randomness.
    id: "",
    notice: parts.notice ?? null,
    read: parts.read ?? "command",
    learned: parts.learned ?? null,
  };
}
