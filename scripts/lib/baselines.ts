/**
 * The baselines the engine is judged beside: MiniSearch and lunr with their
 * default settings over the same entries (each FAQ and each step), always
 * answering their top hit (falling back only when nothing matches at all).
 */
import lunr from "lunr";
import MiniSearch from "minisearch";
import type { ReplyJson } from "../../src/answer/reply.ts";
import type { Playbook } from "../../src/content/types.ts";

interface Entry {
  id: number;
  head: string;
  body: string;
}

type Answer = Omit<ReplyJson, "input" | "confidence" | "suggestions" | "sure" | "id">;

/** Every FAQ and step as an entry, and the reply each gives. FAQs carry their matching steps. */
function entriesOf(playbooks: Playbook[]): { entries: Entry[]; answers: Answer[] } {
  const entries: Entry[] = [];
  const answers: Answer[] = [];
  for (const p of playbooks) {
    for (const f of p.faqs) {
      const step = p.steps.find((s) => s.number === f.stepNumber) ?? null;
      entries.push({ id: entries.length, head: f.question, body: f.answer });
      answers.push({
        kind: "faq",
        playbook: p.slug,
        faq: { question: f.question, answer: f.answer },
        step,
      });
    }
    for (const s of p.steps) {
      entries.push({ id: entries.length, head: s.title, body: s.text });
      answers.push({ kind: "step", playbook: p.slug, faq: null, step: s });
    }
  }
  return { entries, answers };
}

function replyOf(q: string, found: Answer | undefined): ReplyJson {
  if (!found) {
    return {
      input: q,
      kind: "fallback",
      playbook: null,
      faq: null,
      step: null,
      confidence: 0,
      suggestions: [],
      sure: false,
      id: "",
    };
  }
  return { input: q, ...found, confidence: 1, suggestions: [], sure: true, id: "" };
}

export function plainMiniSearch(playbooks: Playbook[]): (q: string) => ReplyJson {
  const { entries, answers } = entriesOf(playbooks);
  const index = new MiniSearch<Entry>({ fields: ["head", "body"] });
  index.addAll(entries);
  return (q) => {
    const top = index.search(q)[0];
    return replyOf(q, top ? answers[top.id as number] : undefined);
  };
}

export function plainLunr(playbooks: Playbook[]): (q: string) => ReplyJson {
  const { entries, answers } = entriesOf(playbooks);
  const index = lunr(function () {
    this.ref("id");
    this.field("head");
    this.field("body");
    for (const e of entries) this.add(e);
  });
  return (q) => {
    let top: lunr.Index.Result | undefined;
    try {
      // lunr reads its own query syntax (+, -, ~, :): what users type is searched as words.
      top = index.search(q.replace(/[+\-~^:*]/g, " "))[0];
    } catch {
      top = undefined;
    }
    return replyOf(q, top ? answers[Number(top.ref)] : undefined);
  };
}
