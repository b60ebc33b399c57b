import { createBot } from "../src/answer/bot.ts";
import { correct } from "../src/answer/spelling.ts";
import { loadEvalPlaybooks } from "./lib/corpus.ts";

const kb = createBot(await loadEvalPlaybooks()).knowledge;
for (const w of process.argv.slice(2))
  console.log(w, correct(kb.vocabulary, w), kb.vocabulary.words.has(w));
