/**
 * `npx tsx scripts/fit-confidence.ts`: refits the confidence model's weights
 * (src/answer/confidence.ts) by logistic regression on the tuning halves of the
 * eval sets, each set weighted alike, and prints them with what they give on
 * the tuning halves. `--held-out` prints the held-out halves as well, once a fit is
 * chosen: they are never fitted on, and a threshold read off them would be tuned to them.
 *
 * A case is the answer the engine picks (`weighQuestion`, with the weights in force);
 * it is positive when that answer is the labelled one, negative when it is another or
 * the question is out of scope.
 */
import { createBot } from "../src/answer/bot.ts";
import { features } from "../src/answer/confidence.ts";
import { weighQuestion } from "../src/answer/engine.ts";
import type { Hit } from "../src/answer/search.ts";
import type { Library } from "../src/content/load.ts";
import { type Half, type Labelled, loadEvalSets } from "./lib/eval-set.ts";

const { sets: allSets } = await loadEvalSets();

/** One half of every set; the own set's commands are no cases for the confidence. */
function sets(which: Half): Array<[string, Library, Labelled[]]> {
  return allSets
    .filter((set) => set.half === which)
    .map((set) => [set.name, set.library, set.questions.filter((x) => !x.kind)]);
}

interface Case {
  set: string;
  x: number[] | null;
  right: boolean;
  out: boolean;
}

const bots = new Map<Library, ReturnType<typeof createBot>>();
const rightFor = (q: Labelled, h: Hit) =>
  q.faq
    ? h.doc.faq?.question === q.faq
    : h.doc.step !== null &&
      ([q.step].flat() as Array<number | undefined>).includes(h.doc.step.number) &&
      (!q.playbook || h.doc.playbook.slug === q.playbook);

function cases(which: Half): Case[] {
  const out: Case[] = [];
  for (const [name, library, questions] of sets(which)) {
    let bot = bots.get(library);
    if (!bot) {
      bot = createBot(library.playbooks, { glossary: library.glossary });
      bots.set(library, bot);
    }
    const kb = bot.knowledge;
    for (const q of questions) {
      // The answer the engine picks, as it picks it (tie-breaks and all).
      const { found, best } = weighQuestion(kb, q.q);
      if (!best) {
        out.push({ set: name, x: null, right: false, out: Boolean(q.out) });
        continue;
      }
      const next = found.hits.find((h) => h !== best);
      const x = Object.values(
        features({ best, next, terms: found.terms, known: found.known, unit: kb.weight(1) }),
      );
      out.push({ set: name, x, right: !q.out && rightFor(q, best), out: Boolean(q.out) });
    }
  }
  return out;
}

const tuning = cases("tuning");
const showHeldOut = process.argv.includes("--held-out");
const heldOut = showHeldOut ? cases("held-out") : [];
const dim = tuning.find((c) => c.x)?.x?.length ?? 0;
const perSet = new Map<string, number>();
for (const c of tuning) perSet.set(c.set, (perSet.get(c.set) ?? 0) + 1);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const predict = (w: number[], x: number[]) =>
  sigmoid(x.reduce((s, v, i) => s + v * (w[i] ?? 0), 0));

const w: number[] = new Array(dim).fill(0);
for (let iteration = 0; iteration < 3000; iteration++) {
  const gradient: number[] = new Array(dim).fill(0);
  for (const c of tuning) {
    if (!c.x) continue;
    const error = predict(w, c.x) - (c.right ? 1 : 0);
    const weight = 100 / (perSet.get(c.set) ?? 1);
    c.x.forEach((v, i) => {
      gradient[i] = (gradient[i] ?? 0) + weight * error * v;
    });
  }
  // A little shrinkage on everything but the bias keeps the weights modest.
  for (let i = 0; i < dim; i++) {
    w[i] =
      (w[i] ?? 0) - (0.1 * (gradient[i] ?? 0)) / tuning.length - (i ? 0.0005 * (w[i] ?? 0) : 0);
  }
}
const names = Object.keys(
  features({
    best: { coverage: 0, rank: 0, echo: 0, covered: 0 } as Hit,
    next: undefined,
    terms: 1,
    known: 1,
    unit: 1,
  }),
);
console.log(
  "Weights:",
  Object.fromEntries(names.map((n, i) => [n, Number((w[i] ?? 0).toFixed(2))])),
);

function summary(cs: Case[], threshold: number): string {
  const bySet = new Map<
    string,
    { right: number; wrong: number; n: number; caught: number; out: number }
  >();
  for (const c of cs) {
    const s = bySet.get(c.set) ?? { right: 0, wrong: 0, n: 0, caught: 0, out: 0 };
    const answered = c.x !== null && predict(w, c.x) >= threshold;
    if (c.out) {
      s.out++;
      if (!answered) s.caught++;
    } else {
      s.n++;
      if (answered && c.right) s.right++;
      else if (answered) s.wrong++;
    }
    bySet.set(c.set, s);
  }
  const pc = (a: number, b: number) => `${Math.round((100 * a) / Math.max(1, b))}%`;
  return [...bySet]
    .map(
      ([k, s]) =>
        `${k} ${s.n ? `${pc(s.right, s.n)} right ${pc(s.wrong, s.n)} wrong` : ""}${s.out ? ` ${pc(s.caught, s.out)} caught` : ""}`,
    )
    .join("; ");
}
for (const threshold of [0.45, 0.49, 0.55]) {
  console.log(`\nAnswering from ${threshold}:`);
  console.log(`  tuning:   ${summary(tuning, threshold)}`);
  if (showHeldOut) console.log(`  held-out: ${summary(heldOut, threshold)}`);
}
