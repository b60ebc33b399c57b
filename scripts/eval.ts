/**
 * `npm run eval`: answer quality, on sets split into a tuning half and a
 * held-out half (see docs/accuracy.md). Ranking and thresholds are judged on
 * the held-out halves; only the tuning halves' misses may be looked at.
 *
 *   --misses     the tuning halves only: their figures, then their misses (never the held-out ones)
 *   --ablation   also the engine with each of its parts switched off (held-out halves)
 *   --typos      also the engine on every set with one slip typed into each question
 */
import { createBot } from "../src/answer/bot.ts";
import type { EngineTuning } from "../src/answer/knowledge.ts";
import { toJson } from "../src/answer/reply.ts";
import type { Library } from "../src/content/load.ts";
import { plainLunr, plainMiniSearch } from "./lib/baselines.ts";
import { loadEvalSets, pct, type Scores, score } from "./lib/eval-set.ts";
import { withTypos } from "./lib/typos.ts";

const { sets, covidFound } = await loadEvalSets();
if (!covidFound) {
  console.log("(the COVID set was not found beside the checkout: set COVID_FAQ_DIR)\n");
}

type System = [string, (library: Library) => (q: string) => ReturnType<typeof toJson>];
const engine =
  (tuning?: EngineTuning) =>
  ({ playbooks, glossary }: Library) => {
    const bot = createBot(playbooks, { glossary, ...(tuning ? { tuning } : {}) });
    return (q: string) => toJson(bot.reply(q));
  };
const systems: System[] = [
  ["aifirst engine", engine()],
  ["plain MiniSearch", (library) => plainMiniSearch(library.playbooks)],
  ["plain lunr", (library) => plainLunr(library.playbooks)],
];
const ablations: System[] = [
  ["  without the glossaries", engine({ fold: false })],
  ["  without stemming", engine({ stem: false })],
  ["  without typo tolerance", engine({ fuzzy: false })],
  ["  without defined acronyms", engine({ acronyms: false })],
  ["  without heading initials", engine({ initials: false })],
  ["  without field boosts", engine({ boost: false })],
  ["  without coverage confidence", engine({ coverage: false })],
  ["  without step answers", engine({ stepAnswers: false })],
  ["  without the kind of answer asked", engine({ kindsAsked: false })],
  ["  without tie-breaks", engine({ tieBreaks: false })],
  ["  without one-word topics", engine({ oneWordTopics: false })],
];
const withAblation = process.argv.includes("--ablation");
const typosToo = process.argv.includes("--typos");

const header = [
  "set",
  "system",
  "right",
  "wrong",
  "not sure",
  "not sure, right 1st",
  "sure of right",
  "out of scope caught",
  "matching step",
  "step of right",
  "commands",
  "miss, right offered",
];
const row = (label: string, system: string, s: Scores): string[] => [
  label,
  system,
  ...[
    s.right,
    s.wrong,
    s.notSure,
    s.notSureFirstRight,
    s.sureRight,
    s.outCaught,
    s.matchingStep,
    s.stepOfRight,
    s.commands,
    s.missOffered,
  ].map(pct),
];
const missesOnly = process.argv.includes("--misses");
const rows: string[][] = [];
/** A row of the table, unless only the tuning halves may be seen (with --misses). */
const add = (half: string, cells: string[]) => {
  if (!missesOnly || half === "tuning") rows.push(cells);
};
const tuningMisses: string[] = [];
for (const set of sets) {
  const label = `${set.name}, ${set.half} (${set.questions.length})`;
  const run = [...systems, ...(withAblation && set.half === "held-out" ? ablations : [])];
  for (const [name, make] of run) {
    const s: Scores = score(set.questions, set.library.playbooks, make(set.library));
    add(set.half, row(label, name, s));
    if (name === "aifirst engine" && set.half === "tuning") {
      tuningMisses.push(...s.misses.map((m) => `${set.name}: ${m}`));
    }
  }
}
if (typosToo) {
  for (const set of sets) {
    const typed = withTypos(set.questions.filter((q) => !q.kind));
    const s = score(typed, set.library.playbooks, engine()(set.library));
    add(
      set.half,
      row(`${set.name}, ${set.half}, one slip per question (${typed.length})`, "aifirst engine", s),
    );
  }
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
console.log(line(header));
console.log(
  `|${widths.map((w, i) => (i < 2 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
);
for (const r of rows) console.log(line(r));
console.log(
  '\n"right", "wrong" and "not sure" are shares of the questions an FAQ or a step answers; a likely answer counts as answered. "Matching step" counts every question whose label names a step (a "not sure" misses it); "step of right" only the right answers among them. "Miss, right offered": of the questions answered wrong or "not sure", those whose reply offers the wanted answer all the same (a suggestion, or the step shown beside the FAQ).',
);

if (missesOnly) {
  console.log("\nMisses of the engine on the tuning halves:");
  for (const m of tuningMisses) console.log(`  ${m}`);
}
