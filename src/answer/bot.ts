/**
 * The one handle every surface holds: ask it text, get the reply (contract
 * data) and its view (what to show). Building it is the only costly part.
 * Each reply gets an id, so feedback can name it.
 */
import { countContent, type Playbook } from "../content/types.ts";
import { answer } from "./engine.ts";
import { buildKnowledge, type KnowledgeBase, type KnowledgeOptions } from "./knowledge.ts";
import type { Reply } from "./reply.ts";
import { type ReplyView, toView } from "./view.ts";

export interface Answered {
  reply: Reply;
  view: ReplyView;
}

export interface Bot {
  readonly knowledge: KnowledgeBase;
  ask(text: string): Answered;
  /** Just the reply data, for callers that show no view (the JSON API). */
  reply(text: string): Reply;
  counts(): { playbooks: number; faqs: number; steps: number };
}

export interface BotOptions extends KnowledgeOptions {
  /**
   * Names each reply, for feedback. Injected, so the engine stays free of randomness
   * (tests pass a counter); default a random UUID.
   */
  newId?: () => string;
}

export function createBot(playbooks: Playbook[], options: BotOptions = {}): Bot {
  const knowledge = buildKnowledge(playbooks, options);
  const counts = countContent(knowledge.playbooks);
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const reply = (text: string): Reply => ({ ...answer(knowledge, text), id: newId() });
  return {
    knowledge,
    ask(text) {
      const answered = reply(text);
      return { reply: answered, view: toView(knowledge, answered) };
    },
    reply,
    counts: () => ({ ...counts }),
  };
}
