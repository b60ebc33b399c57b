/**
 * The labelled question set and how a reply is scored against it.
 */
import { readFileSync } from "node:fs";
import type { ReplyJson } from "../../src/answer/reply.ts";
import type { Playbook } from "../../src/content/types.ts";

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

export function loadEvalSet(file = "test/fixtures/eval/questions.json"): Labelled[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { questions: Labelled[] }).questions;
}

export interface Scores {
  faqTop1: Ratio;
  matchingStep: Ratio;
  stepQuestions: Ratio;
  commands: Ratio;
  outCaught: Ratio;
  outPrecision: Ratio;
  falseFallback: Ratio;
  misses: string[];
}

export interface Ratio {
  hit: number;
  of: number;
}

export function score(
  set: Labelled[],
  playbooks: Playbook[],
  ask: (q: string) => ReplyJson,
): Scores {
  const s: Scores = {
    faqTop1: { hit: 0, of: 0 },
    matchingStep: { hit: 0, of: 0 },
    stepQuestions: { hit: 0, of: 0 },
    commands: { hit: 0, of: 0 },
    outCaught: { hit: 0, of: 0 },
    outPrecision: { hit: 0, of: 0 },
    falseFallback: { hit: 0, of: 0 },
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

  for (const want of set) {
    const reply = ask(want.q);
    const fellBack = reply.kind === "fallback";
    const miss = (what: string) =>
      s.misses.push(
        `${what}: "${want.q}" -> ${reply.kind} ${reply.faq?.question ?? ""}${reply.step ? ` step ${reply.step.number}` : ""} (${reply.confidence})`,
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
    if (fellBack) s.outPrecision.of++;
    if (want.out) {
      s.outCaught.of++;
      if (fellBack) {
        s.outCaught.hit++;
        s.outPrecision.hit++;
      } else miss("out of scope answered");
      continue;
    }
    s.falseFallback.of++;
    if (fellBack) {
      s.falseFallback.hit++;
      miss("false fallback");
    }
    if (want.faq) {
      s.faqTop1.of++;
      if (reply.faq?.question === want.faq) s.faqTop1.hit++;
      else if (!fellBack) miss("wrong faq");
    } else {
      s.stepQuestions.of++;
      if (stepOk(reply, want, want.playbook)) s.stepQuestions.hit++;
      else if (!fellBack) miss("wrong step");
    }
    if (want.step !== undefined) {
      s.matchingStep.of++;
      const playbook = want.playbook ?? (want.faq ? playbookOfFaq.get(want.faq) : undefined);
      if (stepOk(reply, want, playbook)) s.matchingStep.hit++;
    }
  }
  return s;
}

export function pct(r: Ratio): string {
  return r.of === 0 ? "n/a" : `${((100 * r.hit) / r.of).toFixed(1)}%`;
}
