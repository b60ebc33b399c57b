/**
 * The engine combines each term's postings itself rather than asking
 * minisearch for every question. That must give exactly minisearch's own OR
 * query: the same entries, the same scores, the same fields matched.
 */
import { describe, expect, it } from "vitest";
import { loadEvalSet } from "../../scripts/lib/eval-set.ts";
import { FIELD_BOOST, IN_BODY, IN_HEAD, type IndexedTerm } from "../../src/answer/knowledge.ts";
import { combine, type Hit, RANK_SCORE_SHARE, searchQuestion } from "../../src/answer/search.ts";
import { botFor, libraryBot } from "../support/converse.ts";

/** A term's fields as bits, as minisearch names them (in the index's field order). */
const fieldNames = (bits: number) => [
  ...(bits & IN_HEAD ? ["head"] : []),
  ...(bits & IN_BODY ? ["body"] : []),
];

describe("postings combined per question", () => {
  it("equal minisearch's OR query for every labelled question", async () => {
    const kb = (await libraryBot()).knowledge;
    const questions = loadEvalSet().map((q) => q.q);
    let compared = 0;
    for (const question of questions) {
      const terms = [...new Set(kb.analyzer.terms(question))];
      if (terms.length === 0) continue;
      const ours = combine(kb, terms.map(kb.term));
      const theirs = kb.index.search(terms.join(" "), {
        boost: FIELD_BOOST,
        combineWith: "OR",
        tokenize: (text) => text.split(" "),
        processTerm: (term) => term,
      });
      const byId = <T extends { id: unknown }>(xs: T[]) =>
        [...xs].sort((a, b) => Number(a.id) - Number(b.id));
      expect(
        byId(ours).map((c) => [c.id, c.score]),
        question,
      ).toEqual(byId(theirs).map((r) => [r.id, r.score]));
      for (const r of theirs) {
        const c = ours.find((x) => x.id === r.id);
        const fields = Object.fromEntries(
          terms.flatMap((t, i) => (c?.fields[i] ? [[t, fieldNames(c.fields[i] as number)]] : [])),
        );
        expect(fields, question).toEqual(r.match);
      }
      // Best first, as minisearch ranks them (equal scores may come in either order).
      expect(ours.map((c) => c.score)).toEqual(theirs.map((r) => r.score));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("rank hits by coverage, BM25 breaking near-ties, in a stable order", async () => {
    const kb = (await libraryBot()).knowledge;
    let reordered = 0;
    for (const { q } of loadEvalSet()) {
      const hits = searchQuestion(kb, q);
      const top = Math.max(...hits.map((h) => h.score));
      const rank = hits.map((h) => h.coverage + RANK_SCORE_SHARE * (h.score / top));
      for (let i = 1; i < hits.length; i++) {
        const [before, after] = [rank[i - 1] as number, rank[i] as number];
        expect(before, q).toBeGreaterThanOrEqual(after);
        // Equal ranks keep the order the entries were combined in: best BM25 first.
        if (before === after) {
          expect((hits[i - 1] as Hit).score, q).toBeGreaterThanOrEqual((hits[i] as Hit).score);
        }
      }
      if (hits.some((h, i) => i > 0 && h.score > (hits[i - 1] as Hit).score)) reordered++;
    }
    // Coverage does reorder BM25's ranking, so the order above is the ranking's work.
    expect(reordered).toBeGreaterThan(20);
  });

  it("keep, with a limit, the same best entries and fields, whatever was asked before", async () => {
    const large = (await libraryBot()).knowledge;
    const small = (await botFor("content")).knowledge;
    const questions = loadEvalSet().map((q) => q.q);
    let compared = 0;
    for (const question of questions) {
      for (const kb of [small, large]) {
        const terms = [...new Set(kb.analyzer.terms(question))];
        if (terms.length === 0) continue;
        const indexed = terms.map(kb.term);
        const all = combine(kb, indexed);
        // The working sums are shared between questions and knowledge bases: asking the
        // same again, in between another base, must find them clean.
        expect(combine(kb, indexed, 3), question).toEqual(all.slice(0, 3));
        expect(combine(kb, indexed), question).toEqual(all);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it("leave the sums clean even when combining fails midway", async () => {
    const kb = (await botFor("content")).knowledge;
    const terms = [...new Set(kb.analyzer.terms("how do we measure ai kpis"))].map(kb.term);
    const before = combine(kb, terms);
    // A term in the best two entries whose second score cannot be read: by then the
    // other terms and its first entry have been summed.
    const [first, second] = before.map((c) => c.id);
    const broken = {
      df: 2,
      postings: {
        ids: Uint32Array.of(first as number, second as number),
        scores: new Proxy(Float64Array.of(1, 1), {
          get: (target, key) => {
            if (key === "1") throw new Error("unreadable");
            return Reflect.get(target, key);
          },
        }),
        fields: Uint8Array.of(IN_HEAD, IN_HEAD),
      },
    } as unknown as IndexedTerm;
    expect(() => combine(kb, [...terms, broken])).toThrow("unreadable");
    expect(combine(kb, terms)).toEqual(before);
  });

  it("looks each term up once, however many questions use it", async () => {
    const kb = (await libraryBot()).knowledge;
    const term = kb.analyzer.termOf("incident") as string;
    const first = kb.term(term);
    expect(first?.df).toBeGreaterThan(1);
    expect(first?.postings.ids.length).toBe(first?.df);
    expect(kb.term(term)?.postings).toBe(first?.postings);
  });

  it("has nothing for a word the playbooks never use", async () => {
    const kb = (await libraryBot()).knowledge;
    expect(kb.term("zqxjv")).toBeUndefined();
  });

  it("reads each title's terms once, and any other text's as the analyzer does", async () => {
    const kb = (await libraryBot()).knowledge;
    const step = kb.defaultPlaybook.steps[2];
    if (!step) throw new Error("the library has a step 3");
    expect(kb.titleTerms(step.title)).toEqual(kb.analyzer.terms(step.title));
    expect(kb.titleTerms(step.title)).toBe(kb.titleTerms(step.title));
    const title = kb.defaultPlaybook.title;
    expect(kb.titleTerms(title)).toEqual(kb.analyzer.terms(title));
    expect(kb.titleTerms("Structured team rollouts")).toEqual(
      kb.analyzer.terms("Structured team rollouts"),
    );
  });

  it("reads each question word once: its spelling, its term, whether it was corrected", async () => {
    const kb = (await libraryBot()).knowledge;
    const incident = kb.analyzer.termOf("incident") as string;
    expect(kb.readWord("incidnet")).toEqual({
      spelled: "incident",
      term: incident,
      corrected: true,
      indexed: kb.term(incident),
    });
    expect(kb.readWord("incidnet").indexed?.df).toBeGreaterThan(0);
    expect(kb.readWord("incidnet")).toBe(kb.readWord("incidnet"));
    expect(kb.readWord("waht")).toEqual({
      spelled: "",
      term: null,
      corrected: false,
      indexed: undefined,
    });
    expect(kb.readWord("the")).toEqual({
      spelled: "the",
      term: null,
      corrected: false,
      indexed: undefined,
    });
    expect(kb.readWord("lunchbox")).toEqual({
      spelled: "lunchbox",
      term: kb.analyzer.termOf("lunchbox"),
      corrected: false,
      indexed: undefined,
    });
  });
});
