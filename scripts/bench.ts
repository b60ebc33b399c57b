/**
 * `npm run bench`: how fast the engine builds and answers, on the shipped and
 * fixture playbooks, and on generated libraries of 5,400 and 50,000 entries,
 * beside a plain minisearch search over the same entries (what the engine's
 * per-term postings save). The budget (docs/performance.md): answer p99 under
 * 1 ms and build under 1 s at 5,400 entries; answer p99 under 2 ms at 50,000.
 */
import { createBot } from "../src/answer/bot.ts";
import type { Playbook } from "../src/content/types.ts";
import { plainMiniSearch } from "./lib/baselines.ts";
import { loadEvalLibrary } from "./lib/corpus.ts";
import { loadEvalSet } from "./lib/eval-set.ts";
import { generatePlaybooks, questionsFor } from "./lib/generated-corpus.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

interface Latency {
  p50: number;
  p99: number;
  mean: number;
}

function stats(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const ms = (x: number) => `${x.toFixed(3).padStart(7)} ms`;

function bench(name: string, playbooks: Playbook[], questions: string[], bare = true): void {
  const entries = playbooks.reduce((n, p) => n + p.faqs.length + p.steps.length, 0);
  const before = heapMb();
  let bot: ReturnType<typeof createBot> | undefined;
  const buildMs = time(() => {
    bot = createBot(playbooks);
  });
  if (!bot) throw new Error("bench: no bot");
  const heap = heapMb() - before;
  const first = stats(questions.map((q) => time(() => bot?.reply(q))));
  const answers: number[] = [];
  for (let r = 0; r < ROUNDS; r++)
    for (const q of questions) answers.push(time(() => bot?.reply(q)));
  const a = stats(answers);
  console.log(
    `\n${name}: ${playbooks.length} playbooks, ${entries} entries; ${questions.length} questions x ${ROUNDS} rounds`,
  );
  console.log(`  build:                         ${ms(buildMs)}   heap ~${heap.toFixed(1)} MB`);
  console.log(
    `  answer, first pass:       p50 ${ms(first.p50)}  p99 ${ms(first.p99)}  mean ${ms(first.mean)}`,
  );
  console.log(`  answer:                   p50 ${ms(a.p50)}  p99 ${ms(a.p99)}  mean ${ms(a.mean)}`);
  if (bare) {
    const ask = plainMiniSearch(playbooks);
    const plain: number[] = [];
    for (let r = 0; r < Math.max(1, ROUNDS / 5); r++)
      for (const q of questions) plain.push(time(() => ask(q)));
    const b = stats(plain);
    console.log(
      `  plain minisearch search:  p50 ${ms(b.p50)}  p99 ${ms(b.p99)}  mean ${ms(b.mean)}`,
    );
  }
}

const shipped = await loadEvalLibrary();
bench(
  "Shipped + fixture playbooks",
  shipped.playbooks,
  loadEvalSet().map((x) => x.q),
);
const small = generatePlaybooks(200, 20);
bench("Generated library (5,400 entries)", small, questionsFor(small, 500));
const large = generatePlaybooks(1852, 20);
bench("Generated library (50,000 entries)", large, questionsFor(large, 500));
console.log(
  "\nBudget: answer p99 < 1 ms and build < 1 s at 5,400 entries; answer p99 < 2 ms at 50,000.",
);
console.log(
  `Node ${process.version}, ${process.platform}/${process.arch}; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
