/**
 * The one handle every surface holds: ask it text, get the reply (contract
 * data) and its view (what to show). Building it is the only costly part.
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

export function createBot(playbooks: Playbook[], options: KnowledgeOptions = {}): Bot {
  const knowledge = buildKnowledge(playbooks, options);
  const counts = countContent(knowledge.playbooks);
  return {
    knowledge,
    ask(text) {
      const reply = answer(knowledge, text);
      return { reply, view: toView(knowledge, reply) };
    },
    reply: (text) => answer(knowledge, text),
    counts: () => ({ ...counts }),
  };
}
