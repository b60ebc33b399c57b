/**
 * A large synthetic library for the speed benchmark: N playbooks of M FAQs and
 * 7 steps each, written from a mix of real playbook words and made-up ones so
 * the index has a realistic vocabulary. Deterministic: same seed, same corpus.
 */
import type { Playbook } from "../../src/content/types.ts";

const REAL = `team strategy roadmap governance data lineage incident severity review pull request approval metrics kpi
deploy rollback postmortem blameless oncall paging escalation security testing coverage latency reliability
architecture migration database schema service api contract versioning release feature flag experiment
hiring onboarding mentoring career growth feedback culture process planning estimation sprint backlog
observability logging tracing alerting dashboard budget cost capacity scaling performance cache queue`.split(/\s+/);

export function generatePlaybooks(count: number, faqsEach: number, seed = 42): Playbook[] {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const syllables = ["ka", "lo", "mi", "ten", "dra", "vo", "shi", "pel", "rux", "an", "qui", "zo", "fer", "gal", "nor"];
  const invented = Array.from({ length: 8000 }, () => {
    const n = 2 + Math.floor(rand() * 3);
    return Array.from({ length: n }, () => syllables[Math.floor(rand() * syllables.length)]).join("");
  });
  // Real words spread through an invented vocabulary, drawn with Zipf's law as natural text is:
  // a few words are everywhere, most are rare.
  const vocabulary = invented.map((w, i) => (i % 80 === 0 ? (REAL[(i / 80) % REAL.length] ?? w) : w));
  const harmonic = vocabulary.reduce((sum, _w, i) => sum + 1 / (i + 1), 0);
  const word = () => {
    let target = rand() * harmonic;
    for (let i = 0; i < vocabulary.length; i++) {
      target -= 1 / (i + 1);
      if (target <= 0) return vocabulary[i] ?? "x";
    }
    return vocabulary[vocabulary.length - 1] ?? "x";
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
      faqSteps: {},
    };
  });
}

/** Questions as users would type them about a library: paraphrased, some misspelt, some off-topic. */
export function questionsFor(playbooks: Playbook[], count: number, seed = 7): string[] {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const offTopic = ["what's for lunch", "how do i reset my password", "book a meeting room for friday", "kubernetes pod keeps crashing"];
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
