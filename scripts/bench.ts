/**
 * `npm run bench`: how fast the engine answers and how long it takes to build,
 * on the shipped playbooks and on a generated library of 200 playbooks x 20
 * FAQs, beside a bare minisearch search of the same queries on the same index,
 * measured in the same run (the ratio is what to compare across machines).
 * The engine looks each term up in minisearch once and combines the terms'
 * postings per question; the first pass over the questions shows what that
 * first lookup costs. The "caches swept" rows time each question after the
 * CPU caches were filled with other data, which is closer to what a question
 * costs inside a busy server than a tight loop is.
 */
import { type Bot, createBot } from "../src/answer/bot.ts";
import { answer } from "../src/answer/engine.ts";
import type { Playbook } from "../src/content/types.ts";
import { loadEvalPlaybooks } from "./lib/corpus.ts";
import { loadEvalSet } from "./lib/eval-set.ts";
import { generatePlaybooks, questionsFor } from "./lib/generated-corpus.ts";

const ROUNDS = 20;
const SWEPT_ROUNDS = 3;

/**
 * Eight times a core's own cache here (1 MB of L2; a shared L3 may be larger): writing a
 * line in every 64 bytes of it before a question leaves the engine's code and data to be
 * fetched again from further away, as under HTTP load, where the kernel and the HTTP
 * stack run between two questions.
 */
const sweep = new Uint32Array((8 * 2 ** 20) / 4);
function sweepCaches(): void {
  for (let i = 0; i < sweep.length; i += 16) sweep[i] = (sweep[i] as number) + 1;
}

interface Latency {
  p50: number;
  p99: number;
  mean: number;
}

function stats(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function bench(name: string, playbooks: Playbook[], questions: string[]) {
  const before = heapMb();
  let bot: Bot | undefined;
  const buildMs = time(() => {
    bot = createBot(playbooks);
  });
  if (!bot) throw new Error("bench: no bot");
  const heap = heapMb() - before;
  const kb = bot.knowledge;
  // Warm up both paths so the JIT has seen them before anything is timed, on another
  // instance so that `kb` has looked up no term's postings yet.
  const spare = createBot(playbooks).knowledge;
  for (const q of questions) {
    answer(spare, q);
    kb.index.search(q);
  }
  // The first pass meets every term for the first time (each term's postings are looked up
  // in minisearch once, then combined for every question that uses it).
  const first = stats(questions.map((q) => time(() => answer(kb, q))));
  const full: number[] = [];
  const bare: number[] = [];
  // Interleaved, so both see the same machine noise.
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of questions) {
      full.push(time(() => answer(kb, q)));
      bare.push(time(() => kb.index.search(q)));
    }
  }
  const fullSwept: number[] = [];
  const bareSwept: number[] = [];
  for (let r = 0; r < SWEPT_ROUNDS; r++) {
    for (const q of questions) {
      sweepCaches();
      fullSwept.push(time(() => answer(kb, q)));
      sweepCaches();
      bareSwept.push(time(() => kb.index.search(q)));
    }
  }
  const f = stats(full);
  const b = stats(bare);
  const fs = stats(fullSwept);
  const bs = stats(bareSwept);
  const { faqs, steps } = bot.counts();
  console.log(
    `\n${name}: ${playbooks.length} playbooks, ${faqs} FAQs, ${steps} steps; ${questions.length} questions x ${ROUNDS} rounds`,
  );
  console.log(
    `  build (load to ready index):  ${buildMs.toFixed(1)} ms   heap ~${heap.toFixed(1)} MB`,
  );
  console.log(
    `  full answer, first pass:      p50 ${us(first.p50)}  p99 ${us(first.p99)}  mean ${us(first.mean)}`,
  );
  console.log(
    `  full answer (engine):         p50 ${us(f.p50)}  p99 ${us(f.p99)}  mean ${us(f.mean)}`,
  );
  console.log(
    `  bare minisearch search:       p50 ${us(b.p50)}  p99 ${us(b.p99)}  mean ${us(b.mean)}`,
  );
  console.log(
    `  full / bare (mean):           ${(f.mean / b.mean).toFixed(2)}x   (p50 ${(f.p50 / b.p50).toFixed(2)}x)`,
  );
  console.log(
    `  full answer, caches swept:    p50 ${us(fs.p50)}  p99 ${us(fs.p99)}  mean ${us(fs.mean)}   (${SWEPT_ROUNDS} rounds)`,
  );
  console.log(
    `  bare search, caches swept:    p50 ${us(bs.p50)}  p99 ${us(bs.p99)}  mean ${us(bs.mean)}`,
  );
}

function us(ms: number): string {
  return `${(ms * 1000).toFixed(0).padStart(5)} µs`;
}

const shipped = await loadEvalPlaybooks();
bench(
  "Shipped + fixture playbooks",
  shipped,
  loadEvalSet().map((x) => x.q),
);
const generated = generatePlaybooks(200, 20);
bench("Generated library", generated, questionsFor(generated, 500));
console.log(
  `\nTargets: p99 < 1 ms per answer and build < 1 s on the generated library; full answer <= 2x bare search.`,
);
console.log(
  `Node ${process.version}, ${process.platform}/${process.arch}; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
