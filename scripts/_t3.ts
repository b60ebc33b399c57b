import { createBot } from "../src/answer/bot.ts";
import { loadEvalPlaybooks } from "./lib/corpus.ts";
const kb = createBot(await loadEvalPlaybooks()).knowledge;
const r = kb.index.search("won game last night", { fuzzy: (t) => t.length >= 5 && !kb.df.has(t) && 0.2, tokenize: (t) => t.split(" "), processTerm: (t) => t });
console.log(r.slice(0, 2).map((x) => ({ m: x.match, q: x.queryTerms, t: x.terms })));
