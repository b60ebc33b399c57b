/**
 * Labelled question sets and how replies are scored against them.
 *
 * Every set is split into a tuning half and a held-out half, fixed by a hash
 * of each question's text (so adding a question never moves another): only
 * the tuning half's misses are looked at; the held-out half is what is
 * reported. See docs/accuracy.md.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type ReplyJson, stepLabel } from "../../src/answer/reply.ts";
import { type Library, loadLibrary } from "../../src/content/load.ts";
import type { Playbook } from "../../src/content/types.ts";
import { loadEvalLibrary } from "./corpus.ts";

export interface Labelled {
  q: string;
  /** The FAQ question that answers it. */
  faq?: string;
  /** The step expected with it (one number, or any of several where the content is ambiguous). */
  step?: number | number[];
  playbook?: string;
  /** For commands: the reply kind expected. */
  kind?: ReplyJson["kind"];
  /** Out of scope: must fall back. */
  out?: boolean;
}

export type Half = "tuning" | "held-out";

/** The product's own labelled set (`test/fixtures/eval/questions.json`). */
export function loadEvalSet(file = "test/fixtures/eval/questions.json"): Labelled[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { questions: Labelled[] }).questions;
}

/** A JSON-lines set: one `{"q": ..., "faq": ...}` (or `step`, `out`) a line. */
export function loadJsonLines(file: string): Labelled[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled);
}

/** Which half a question of the product's own sets is in: by an FNV-1a hash of its text. */
export function halfOf(q: string): Half {
  let h = 0x811c9dc5;
  for (let i = 0; i < q.length; i++) {
    h ^= q.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 2 === 0 ? "tuning" : "held-out";
}

export function half(set: Labelled[], which: Half): Labelled[] {
  return set.filter((x) => halfOf(x.q) === which);
}

/**
 * The COVID set of `shared/datasets/covid-faq/`, beside the checkout (as CI and every
 * session lay it out), or where `COVID_FAQ_DIR` says; undefined when absent. Its odd
 * lines (1st, 3rd, ...) tune, its even lines are reported.
 */
export function covidDir(): string | undefined {
  const dir = process.env.COVID_FAQ_DIR ?? path.join("..", "shared", "datasets", "covid-faq");
  return existsSync(path.join(dir, "questions.jsonl")) ? dir : undefined;
}

export function covidHalf(dir: string, which: Half): Labelled[] {
  const lines = loadJsonLines(path.join(dir, "questions.jsonl"));
  // Line 1 is index 0: odd lines tune.
  return lines.filter((_, i) => (i % 2 === 0) === (which === "tuning"));
}

/**
 * The blind team sets (docs/accuracy.md): their names, the folder of each, and where its
 * playbooks are when not in that folder (the ninth and tenth sets ask of the fixture playbooks).
 */
const TEAM_SETS: ReadonlyArray<readonly [string, string, string?]> = [
  ["team set", "test/fixtures/eval/team"],
  ["second team set", "test/fixtures/eval/team2"],
  ["third team set", "test/fixtures/eval/team3"],
  ["fourth team set", "test/fixtures/eval/team4"],
  ["fifth team set", "test/fixtures/eval/team5"],
  ["sixth team set", "test/fixtures/eval/team6"],
  ["seventh team set", "test/fixtures/eval/team7"],
  ["eighth team set", "test/fixtures/eval/team8"],
  ["ninth team set", "test/fixtures/eval/team9", "test/fixtures/playbooks"],
  ["tenth team set", "test/fixtures/eval/team10", "test/fixtures/playbooks"],
  ["eleventh team set", "test/fixtures/eval/team11", "test/fixtures/playbooks"],
  ["twelfth team set", "test/fixtures/eval/team12", "test/fixtures/playbooks"],
];

/** One half of one labelled set, with the content it is asked of. */
export interface EvalSet {
  name: string;
  half: Half;
  library: Library;
  questions: Labelled[];
}

/**
 * Every labelled set, both halves: the product's own set; the teams' sets (two
 * playbooks each, beside the shipped content) and an FAQ-only playbook with
 * crowd-style rephrasings, written blind by people who never saw the engine
 * (docs/accuracy.md); those rephrasings asked of the shipped content (all out of
 * scope); a larger FAQ-only set of the same kind (120 developer-tool FAQs); and the
 * COVID set when it is found.
 */
export async function loadEvalSets(): Promise<{ sets: EvalSet[]; covidFound: boolean }> {
  const own = await loadEvalLibrary();
  const ownSet = loadEvalSet();
  const sets: EvalSet[] = [
    { name: "own set", half: "tuning", library: own, questions: half(ownSet, "tuning") },
    { name: "own set", half: "held-out", library: own, questions: half(ownSet, "held-out") },
  ];
  const shipped = await loadLibrary("content");
  // Each team's playbooks beside the shipped content, with its glossary only: as a new team's.
  const teams = await Promise.all(
    TEAM_SETS.map(async ([name, dir, playbooks = dir]) => ({
      name,
      library: {
        playbooks: [...shipped.playbooks, ...(await loadLibrary(playbooks)).playbooks],
        glossary: shipped.glossary,
      },
      questions: loadJsonLines(`${dir}/questions.jsonl`),
    })),
  );
  const paraphrase = await loadLibrary("test/fixtures/eval/paraphrase");
  const paraphraseSet = loadJsonLines("test/fixtures/eval/paraphrase/questions.jsonl");
  const devtools = await loadLibrary("test/fixtures/eval/paraphrase2");
  const devtoolsSet = loadJsonLines("test/fixtures/eval/paraphrase2/questions.jsonl");
  const outOfScope = (questions: Labelled[]) => questions.map(({ q }) => ({ q, out: true }));
  for (const which of ["tuning", "held-out"] as const) {
    for (const team of teams) {
      sets.push({ ...team, half: which, questions: half(team.questions, which) });
    }
    sets.push(
      {
        name: "paraphrase set",
        half: which,
        library: paraphrase,
        questions: half(paraphraseSet, which),
      },
      {
        name: "paraphrases asked of the shipped content",
        half: which,
        library: shipped,
        questions: outOfScope(half(paraphraseSet, which)),
      },
      {
        name: "second paraphrase set",
        half: which,
        library: devtools,
        questions: half(devtoolsSet, which),
      },
    );
  }
  const covid = covidDir();
  if (covid) {
    const library = await loadLibrary(`${covid}/content`);
    sets.push(
      { name: "COVID odd lines", half: "tuning", library, questions: covidHalf(covid, "tuning") },
      {
        name: "COVID even lines",
        half: "held-out",
        library,
        questions: covidHalf(covid, "held-out"),
      },
    );
  }
  return { sets, covidFound: covid !== undefined };
}

export interface Ratio {
  hit: number;
  of: number;
}

export interface Scores {
  /** Of the questions an FAQ or a step answers: answered with the right one. */
  right: Ratio;
  /** ... answered with another (sure or likely). */
  wrong: Ratio;
  /** ... "not sure". */
  notSure: Ratio;
  /** ... "not sure", with the right FAQ as the first suggestion. */
  notSureFirstRight: Ratio;
  /** Answered, and sure (of the answered right ones: how many were sure). */
  sureRight: Ratio;
  /** The answer's matching step, where the label names one. */
  matchingStep: Ratio;
  /** ... of the questions answered right: how good the step shown beside a right answer is. */
  stepOfRight: Ratio;
  /** Out-of-scope questions that got "not sure". */
  outCaught: Ratio;
  /**
   * Of the questions answered wrong or "not sure", those whose reply offers the wanted answer
   * all the same: among its suggestions, or as the step shown beside the FAQ given.
   */
  missOffered: Ratio;
  commands: Ratio;
  misses: string[];
}

const ratio = (): Ratio => ({ hit: 0, of: 0 });

export function score(
  set: Labelled[],
  playbooks: Playbook[],
  ask: (q: string) => ReplyJson,
): Scores {
  const s: Scores = {
    right: ratio(),
    wrong: ratio(),
    notSure: ratio(),
    notSureFirstRight: ratio(),
    sureRight: ratio(),
    matchingStep: ratio(),
    stepOfRight: ratio(),
    outCaught: ratio(),
    missOffered: ratio(),
    commands: ratio(),
    misses: [],
  };
  const playbookOfFaq = new Map<string, string>();
  for (const p of playbooks) for (const f of p.faqs) playbookOfFaq.set(f.question, p.slug);
  const stepOk = (reply: ReplyJson, want: Labelled, playbook: string | undefined) => {
    const steps = Array.isArray(want.step) ? want.step : [want.step];
    return (
      reply.step !== null &&
      steps.includes(reply.step.number) &&
      (!playbook || reply.playbook === playbook)
    );
  };

  // The wanted answer offered though not given: an FAQ by its question, a step by its label.
  const offers = (reply: ReplyJson, want: Labelled, playbook: string | undefined) => {
    if (want.faq) return reply.suggestions.includes(want.faq);
    const steps = playbooks.find((p) => p.slug === playbook)?.steps ?? [];
    const wanted = steps.filter((st) =>
      ([] as number[]).concat(want.step ?? []).includes(st.number),
    );
    return (
      (reply.kind === "faq" && stepOk(reply, want, playbook)) ||
      wanted.some((st) => reply.suggestions.includes(stepLabel(st)))
    );
  };

  for (const want of set) {
    const reply = ask(want.q);
    const fellBack = reply.kind === "fallback";
    const miss = (what: string) =>
      s.misses.push(
        `${what}: "${want.q}" -> ${reply.kind}${reply.sure ? "" : " (not sure)"} ${reply.faq?.question ?? ""}${reply.step ? ` step ${reply.step.number}` : ""} (${reply.confidence})${want.faq ? `; wanted "${want.faq}"` : ""}`,
      );
    if (want.kind) {
      s.commands.of++;
      if (
        reply.kind === want.kind &&
        (want.step === undefined || stepOk(reply, want, want.playbook))
      )
        s.commands.hit++;
      else miss("command");
      continue;
    }
    if (want.out) {
      s.outCaught.of++;
      if (fellBack) s.outCaught.hit++;
      else miss("out of scope answered");
      continue;
    }
    for (const r of [s.right, s.wrong, s.notSure, s.notSureFirstRight]) r.of++;
    const playbook = want.playbook ?? (want.faq ? playbookOfFaq.get(want.faq) : undefined);
    const right = want.faq
      ? reply.kind === "faq" && reply.faq?.question === want.faq
      : reply.kind === "step" && stepOk(reply, want, playbook);
    if (!right) {
      s.missOffered.of++;
      if (offers(reply, want, playbook)) s.missOffered.hit++;
    }
    if (fellBack) {
      s.notSure.hit++;
      if (want.faq && reply.suggestions[0] === want.faq) s.notSureFirstRight.hit++;
      miss("not sure");
    } else if (right) {
      s.right.hit++;
      s.sureRight.of++;
      if (reply.sure) s.sureRight.hit++;
    } else {
      s.wrong.hit++;
      miss("wrong");
    }
    if (want.step !== undefined) {
      const stepRight = stepOk(reply, want, playbook);
      s.matchingStep.of++;
      if (stepRight) s.matchingStep.hit++;
      if (!fellBack && right) {
        s.stepOfRight.of++;
        if (stepRight) s.stepOfRight.hit++;
      }
    }
  }
  return s;
}

export function pct(r: Ratio): string {
  return r.of === 0 ? "n/a" : `${((100 * r.hit) / r.of).toFixed(1)}%`;
}

export function share(r: Ratio): number {
  return r.of === 0 ? 0 : r.hit / r.of;
}
