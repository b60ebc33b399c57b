import { answer } from "../src/answer/engine.ts";
import { buildKnowledge } from "../src/answer/knowledge.ts";
import { loadContentStrict } from "../src/content/load.ts";

const kb = buildKnowledge(await loadContentStrict("content"));
for (const q of process.argv.slice(2)) {
  const r = answer(kb, q);
  console.log(
    JSON.stringify({
      q,
      kind: r.kind,
      c: r.confidence,
      faq: r.faq?.question,
      step: r.step?.number,
      s: r.suggestions,
      n: r.notice,
    }),
  );
}
