/**
 * The one handle every surface holds: ask it text, get the reply (contract
 * data) and its view (what to show). Building it is the only costly part.
 */
import { countContent, type Playbook } from "../content/types.ts";
import { answer } from "./engine.ts";
import { buildKnowledge, type KnowledgeBase, type KnowledgeOptions } from "./knowledge.ts";
import type { Reply } from "./reply.ts";
import { type ReplyView, toView, viewToText } from "./view.ts";

export interface Answered {
  reply: Reply;
  view: ReplyView;
  /** The view as plain Markdown text: the fallback every chat message carries. */
  text: string;
}

export interface Bot {
  readonly knowledge: KnowledgeBase;
  ask(text: string): Answered;
  /** Just the reply data, for callers that show no view (the JSON API). */
  reply(text: string): Reply;
  counts(): { playbooks: number; faqs: number; steps: number };
}

export function createBot(playbooks: Playbook[], options: KnowledgeOptions = {}): Bot {
  const knowledge = buildKnowledge(playbooks, options);
  const counts = countContent(knowledge.playbooks);
  return {
    knowledge,
    ask(text) {
      const reply = answer(knowledge, text);
      const view = toView(knowledge, reply);
      return { reply, view, text: viewToText(view) };
    },
    reply: (text) => answer(knowledge, text),
    counts: () => ({ ...counts }),
  };
}
