/**
 * `npm run eval`: accuracy on the labelled question set, for the engine, for
 * the engine with each of its parts switched off, and for plain MiniSearch.
 *
 *   --misses   also list every question the full engine gets wrong
 */
import { createBot } from "../src/answer/bot.ts";
import type { EngineTuning } from "../src/answer/knowledge.ts";
import { toJson } from "../src/answer/reply.ts";
import { loadEvalPlaybooks } from "./lib/corpus.ts";
import { loadEvalSet, pct, type Scores, score } from "./lib/eval-set.ts";
import { plainMiniSearch } from "./lib/plain-minisearch.ts";

const playbooks = await loadEvalPlaybooks();
const set = loadEvalSet();

// Plain MiniSearch has to be given the matching steps the engine computes, to be judged on them.
const engine = createBot(playbooks);
const ours = (tuning?: EngineTuning) => {
  const bot = tuning ? createBot(playbooks, { tuning }) : engine;
  return score(set, engine.knowledge.playbooks, (q) => toJson(bot.ask(q).reply));
};

const rows: Array<[string, Scores]> = [
  ["aifirst engine", ours()],
  ["  without phrase/synonym folding", ours({ fold: false })],
  ["  without stemming", ours({ stem: false })],
  ["  without typo tolerance", ours({ fuzzy: false })],
  ["  without field boosts", ours({ boost: false })],
  ["  without coverage confidence", ours({ coverage: false })],
  ["  without step answers", ours({ stepAnswers: false })],
  [
    "plain MiniSearch (defaults)",
    score(set, engine.knowledge.playbooks, plainMiniSearch(engine.knowledge.playbooks).ask),
  ],
];

const counts = {
  faq: set.filter((x) => x.faq).length,
  step: set.filter((x) => !x.faq && x.step !== undefined && !x.kind).length,
  commands: set.filter((x) => x.kind).length,
  out: set.filter((x) => x.out).length,
};
console.log(
  `Eval set: ${set.length} questions (${counts.faq} FAQ, ${counts.step} answered by a step, ${counts.commands} commands, ${counts.out} out of scope) over ${playbooks.length} playbooks\n`,
);
const header = [
  "",
  "FAQ top-1",
  "matching step",
  "step questions",
  "commands",
  "out-of-scope caught",
  "out-of-scope precision",
  "false fallback",
];
const table = rows.map(([name, s]) => [
  name,
  pct(s.faqTop1),
  pct(s.matchingStep),
  pct(s.stepQuestions),
  pct(s.commands),
  pct(s.outCaught),
  pct(s.outPrecision),
  pct(s.falseFallback),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? "").length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
console.log(line(header));
console.log(
  `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
);
for (const r of table) console.log(line(r));
console.log("\nTargets: FAQ top-1 >= 95%, out-of-scope caught >= 90%, false fallback <= 3%.");

if (process.argv.includes("--misses")) {
  console.log("\nMisses of the full engine:");
  for (const m of rows[0]?.[1].misses ?? []) console.log(`  ${m}`);
}
