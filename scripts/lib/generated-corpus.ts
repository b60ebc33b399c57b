/**
 * A large synthetic library for the speed benchmark: N playbooks of M FAQs and
 * 7 steps each, written from a mix of real playbook words and made-up ones so
 * the index has a realistic vocabulary. Deterministic: same seed, same corpus.
 */
import { STOP_WORDS } from "../../src/answer/analyzer.ts";
import type { Playbook } from "../../src/content/types.ts";

const REAL =
  `team strategy roadmap governance data lineage incident severity review pull request approval metrics kpi
deploy rollback postmortem blameless oncall paging escalation security testing coverage latency reliability
architecture migration database schema service api contract versioning release feature flag experiment
hiring onboarding mentoring career growth feedback culture process planning estimation sprint backlog
observability logging tracing alerting dashboard budget cost capacity scaling performance cache queue`.split(
    /\s+/,
  );

export function generatePlaybooks(count: number, faqsEach: number, seed = 42): Playbook[] {
  const rand = random(seed);
  const syllables = [
    "ka",
    "lo",
    "mi",
    "ten",
    "dra",
    "vo",
    "shi",
    "pel",
    "rux",
    "an",
    "qui",
    "zo",
    "fer",
    "gal",
    "nor",
  ];
  const invented = Array.from({ length: 8000 }, () => {
    const n = 2 + Math.floor(rand() * 3);
    return Array.from({ length: n }, () => syllables[Math.floor(rand() * syllables.length)]).join(
      "",
    );
  });
  // Drawn with Zipf's law as natural text is: function words ("the", "we") are everywhere,
  // real and invented content words spread through a long tail.
  const content = invented.map((w, i) => (i % 80 === 0 ? (REAL[(i / 80) % REAL.length] ?? w) : w));
  const vocabulary = [...[...STOP_WORDS].filter((w) => /^[a-z]+$/.test(w)), ...content];
  const harmonic = vocabulary.reduce((sum, _w, i) => sum + 1 / (i + 1), 0);
  // Cumulative weights, searched by bisection: generating 5,000 entries stays quick.
  const cumulative: number[] = [];
  vocabulary.reduce((sum, _w, i) => {
    cumulative.push(sum + 1 / (i + 1));
    return sum + 1 / (i + 1);
  }, 0);
  const word = () => {
    const target = rand() * harmonic;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] ?? "x";
  };
  const words = (n: number) => Array.from({ length: n }, word).join(" ");
  const sentence = (n: number) => {
    const s = words(n);
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  return Array.from({ length: count }, (_, p) => {
    const steps = Array.from({ length: 7 }, (_, i) => ({
      number: i + 1,
      title: words(3),
      text: `${sentence(12)} ${sentence(10)}`,
      line: 1,
    }));
    const faqs = Array.from({ length: faqsEach }, () => ({
      question: `How do we ${words(6)}?`,
      answer: `${sentence(20)} ${sentence(18)} ${sentence(16)}`,
      alternates: [],
      stepNumber: null,
      line: 1,
    }));
    return {
      slug: `generated-${p + 1}`,
      title: `Generated playbook ${p + 1} ${words(3)}`,
      description: sentence(12),
      file: `generated-${p + 1}.md`,
      steps,
      faqs,
      prose: "",
    };
  });
}

/** Questions as users would type them about a library: paraphrased, some misspelt, some off-topic. */
export function questionsFor(playbooks: Playbook[], count: number, seed = 7): string[] {
  const rand = random(seed);
  const offTopic = [
    "what's for lunch",
    "how do i reset my password",
    "book a meeting room for friday",
    "kubernetes pod keeps crashing",
  ];
  const faqs = playbooks.flatMap((p) => p.faqs);
  return Array.from({ length: count }, (_, i) => {
    if (i % 10 === 9) return offTopic[i % offTopic.length] ?? "help";
    if (i % 10 === 8) return `step ${1 + Math.floor(rand() * 7)}`;
    const faq = faqs[Math.floor(rand() * faqs.length)];
    const words = (faq?.question ?? "").replace(/[?]/g, "").toLowerCase().split(" ").slice(2);
    const kept = words.filter(() => rand() > 0.3);
    if (i % 5 === 0 && kept.length > 0) {
      const k = Math.floor(rand() * kept.length);
      const w = kept[k] ?? "";
      if (w.length > 4) kept[k] = w.slice(0, 1) + w.charAt(2) + w.charAt(1) + w.slice(3);
    }
    return `what about ${kept.join(" ")}`;
  });
}

/** mulberry32: a small, well-mixed 32-bit generator, so runs are repeatable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
