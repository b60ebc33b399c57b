import { createBot } from "../src/answer/bot.ts";
import { searchQuestion } from "../src/answer/search.ts";
import { loadEvalPlaybooks } from "./lib/corpus.ts";

const kb = createBot(await loadEvalPlaybooks()).knowledge;
for (const q of process.argv.slice(2)) {
  console.log(
    "Q:",
    q,
    kb.analyzer
      .terms(q)
      .map((t) => `${t}${kb.df.has(t) ? "" : "?"}`)
      .join(" "),
  );
  for (const h of searchQuestion(kb, q).slice(0, 4))
    console.log(
      `  ${h.coverage.toFixed(3)} ${h.score.toFixed(2)} ${h.doc.faq?.question ?? `step ${h.doc.step?.number} ${h.doc.step?.title}`} [${h.doc.playbook.slug}]`,
    );
}
