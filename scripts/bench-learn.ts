/**
 * `npm run bench:learn`: does learning from use make later answers better?
 *
 * A replay on the COVID set (`../shared/datasets/covid-faq/`, or
 * COVID_FAQ_DIR): simulated users ask its 1,387 questions in order through a
 * real assistant recording into a real embedded store (a temp DATA_DIR), as
 * LEARN=auto would. User ids go round-robin over 20 people. When a reply is
 * "not sure" or a likely answer that is not right, and a right FAQ is among
 * its suggestions, the user chooses it; when a sure answer is wrong, the user
 * votes 👎 and chooses a right FAQ if one is offered.
 *
 * After a question whose feedback changed the applied alternates, the bot is
 * rebuilt with them before the next question, as the server does after a
 * quiet moment (src/server/content-reload.ts `relearn`): people's questions
 * are further apart than that. LEARN_BENCH_REBUILD_EVERY=50 rebuilds every
 * 50 questions instead, as this bench once did.
 *
 * Scored two ways (scripts/lib/learn-score.ts): right = the line's own FAQ,
 * and right = any FAQ the set judges right for the same query; the simulated
 * user chooses by the same rule. On three groups of "later" lines: repeats,
 * repeats after other questions, the file's second half; beside a perfect
 * memory and the most right answers learning from earlier lines could give.
 * Targets (issue 17): >= 10 points more right at LEARN_MIN_USERS=1, a gain
 * at 3, and no more answered wrong than with learning off. `--diff` also lists
 * every repeat whose answer learning changed. Results: docs/learning.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createAssistant } from "../src/assistant.ts";
import { parseConfig } from "../src/config.ts";
import type { ConfirmedAlternate } from "../src/learning/fit-alternates.ts";
import { loadBotVersion } from "../src/load-bot.ts";
import { silentLogger } from "../src/log.ts";
import { normaliseQuestion, openStore } from "../src/store/index.ts";
import { storeRecorder } from "../src/store-recorder.ts";
import { covidDir, loadJsonLines } from "./lib/eval-set.ts";
import {
  type Given,
  learnSet,
  type Outcome,
  outcomeOf,
  perfectMemory,
  type Rule,
  rightCeiling,
  rightFor,
  type Tally,
  tally,
} from "./lib/learn-score.ts";

const USERS = 20;
const REBUILD_EVERY = Number(process.env.LEARN_BENCH_REBUILD_EVERY ?? 0);

interface Run {
  name: string;
  given: Given[];
  applied: number;
  rebuilds: number;
  seconds: number;
}

const dir = covidDir();
if (!dir) {
  console.error(
    "bench:learn: the COVID set is missing (../shared/datasets/covid-faq or COVID_FAQ_DIR)",
  );
  process.exit(1);
}
const set = learnSet(loadJsonLines(path.join(dir, "questions.jsonl")), normaliseQuestion);
const loaded = await loadBotVersion(parseConfig({ CONTENT_DIR: path.join(dir, "content") }));
if (!loaded.ok) throw new Error("bench:learn: the COVID content does not load");
const { rebuild } = loaded;

/** One replay; `learnMinUsers` null: learning off (no feedback given). */
async function replay(learnMinUsers: number | null, rule: Rule): Promise<Run> {
  const started = performance.now();
  const dataDir = await mkdtemp(path.join(tmpdir(), "aifirst-bench-learn-"));
  const store = await openStore({
    dataDir,
    logger: silentLogger,
    recordQuestions: true,
    retentionDays: 90,
    learnMinUsers: learnMinUsers ?? 3,
  });
  const assistant = createAssistant(
    rebuild([]),
    storeRecorder({ store, bot: () => assistant.bot, recordQuestions: true, logger: silentLogger }),
  );
  const given: Given[] = [];
  let applied: ConfirmedAlternate[] = [];
  let rebuilds = 0;
  try {
    for (const [i, line] of set.lines.entries()) {
      const asker = { surface: "slack" as const, user: `U${String(i % USERS).padStart(3, "0")}` };
      const { reply } = assistant.ask(line.q, asker);
      const answered: Given =
        reply.kind === "fallback" ? null : reply.kind === "faq" ? (reply.faq?.question ?? "") : "";
      given.push(answered);
      if (learnMinUsers === null) continue;
      const right = rightFor(set, i, rule);
      const result = outcomeOf(answered, right);
      const pick = reply.suggestions.find((s) => right.has(s));
      let gaveFeedback = false;
      if (!reply.sure && result !== "right" && pick) {
        await assistant.feedback({ id: reply.id, chose: pick }, asker);
        gaveFeedback = true;
      } else if (reply.sure && result === "wrong") {
        await assistant.feedback({ id: reply.id, helpful: false }, asker);
        if (pick) await assistant.feedback({ id: reply.id, chose: pick }, asker);
        gaveFeedback = true;
      }
      const due = REBUILD_EVERY > 0 ? (i + 1) % REBUILD_EVERY === 0 : gaveFeedback;
      if (!due) continue;
      const now = (await store.alternates())
        .filter((a) => a.applied)
        .map(({ playbook, faq, question }) => ({ playbook, faq, question }));
      if (JSON.stringify(now) !== JSON.stringify(applied)) {
        applied = now;
        assistant.replaceBot(rebuild(applied));
        rebuilds++;
      }
    }
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return {
    name: learnMinUsers === null ? "learning off" : `LEARN=auto, LEARN_MIN_USERS=${learnMinUsers}`,
    given,
    applied: applied.length,
    rebuilds,
    seconds: (performance.now() - started) / 1000,
  };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : "n/a");
const row = (name: string, t: Tally) =>
  `  ${name.padEnd(44)}${pct(t.right, t.of).padStart(8)}${pct(t.wrong, t.of).padStart(8)}${pct(t.notSure, t.of).padStart(10)}`;

const off = await replay(null, "line");
const runs: Record<Rule, Run[]> = {
  line: [await replay(1, "line"), await replay(3, "line")],
  any: [await replay(1, "any"), await replay(3, "any")],
};

console.log(
  `bench:learn: ${set.lines.length} COVID lines (${set.relevant.size} normalised questions) replayed in order by ${USERS} users; ` +
    (REBUILD_EVERY > 0
      ? `the bot rebuilt every ${REBUILD_EVERY} questions`
      : "the bot rebuilt after each change to the applied alternates"),
);
for (const rule of ["line", "any"] as const) {
  console.log(
    rule === "line"
      ? "\n== right = the line's own FAQ; users choose it =="
      : "\n== right = any FAQ the set judges right for the same question; users choose the first offered ==",
  );
  const outcomes = (r: Run): Outcome[] =>
    r.given.map((g, i) => outcomeOf(g, rightFor(set, i, rule)));
  const offOutcomes = outcomes(off);
  const memory = perfectMemory(set, rule, off.given);
  const ceiling = rightCeiling(set, rule, off.given);
  for (const group of set.groups) {
    const base = tally(group, offOutcomes);
    console.log(`\n${group.name}, n=${base.of}`);
    console.log(
      `${"".padEnd(46)}${"right".padStart(8)}${"wrong".padStart(8)}${"not sure".padStart(10)}`,
    );
    console.log(row(off.name, base));
    for (const r of runs[rule]) console.log(row(r.name, tally(group, outcomes(r))));
    console.log(row("perfect memory, else learning off", tally(group, memory)));
    const most = ceiling.filter((c, i) => c && group.has[i]).length;
    console.log(
      `  at most ${pct(most, base.of)} right: learning off's, plus each repeat labelled earlier with a right FAQ`,
    );
    for (const r of runs[rule]) {
      const t = tally(group, outcomes(r));
      const gain = (100 * (t.right - base.right)) / t.of;
      const moreWrong = t.wrong - base.wrong;
      console.log(
        `  ${r.name}: ${gain >= 0 ? "+" : ""}${gain.toFixed(1)} points right, ${moreWrong > 0 ? `${moreWrong} more` : `${-moreWrong} fewer`} wrong than learning off`,
      );
    }
  }
}
console.log("");
for (const rule of ["line", "any"] as const) {
  for (const r of runs[rule]) {
    if (process.argv.includes("--diff")) {
      // Which repeats learning changed, for whoever tunes the loop or the engine.
      r.given.forEach((g, i) => {
        if (!set.repeat[i] || g === off.given[i]) return;
        const right = rightFor(set, i, rule);
        console.log(
          `${r.name} "${rule}" line ${i + 1} "${set.lines[i]?.q}": ${outcomeOf(off.given[i] ?? null, right)} ${off.given[i]} -> ${outcomeOf(g, right)} ${g}`,
        );
      });
    }
    console.log(
      `${r.name} (rule "${rule}"): ${r.applied} alternates applied at the end, ${r.rebuilds} rebuilds, ${r.seconds.toFixed(1)} s`,
    );
  }
}
