/**
 * The baseline: MiniSearch with its default options over the same documents,
 * answering with its top hit (falling back only when nothing matches at all).
 */
import MiniSearch from "minisearch";
import type { ReplyJson } from "../../src/answer/reply.ts";
import type { Playbook } from "../../src/content/types.ts";

interface Row {
  id: number;
  head: string;
  body: string;
}

export function plainMiniSearch(playbooks: Playbook[]): {
  index: MiniSearch<Row>;
  ask: (q: string) => ReplyJson;
} {
  const rows: Row[] = [];
  const answers: Array<Omit<ReplyJson, "input" | "confidence" | "suggestions" | "sure" | "id">> =
    [];
  for (const p of playbooks) {
    for (const f of p.faqs) {
      const step = p.steps.find((s) => s.number === f.stepNumber) ?? null;
      rows.push({ id: rows.length, head: f.question, body: f.answer });
      answers.push({
        kind: "faq",
        playbook: p.slug,
        faq: { question: f.question, answer: f.answer },
        step,
      });
    }
    for (const s of p.steps) {
      rows.push({ id: rows.length, head: s.title, body: s.text });
      answers.push({ kind: "step", playbook: p.slug, faq: null, step: s });
    }
  }
  const index = new MiniSearch<Row>({ fields: ["head", "body"] });
  index.addAll(rows);
  const ask = (q: string): ReplyJson => {
    const top = index.search(q)[0];
    const found = top ? answers[top.id as number] : undefined;
    if (!found)
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
    return { input: q, ...found, confidence: 1, suggestions: [], sure: true, id: "" };
  };
  return { index, ask };
}
