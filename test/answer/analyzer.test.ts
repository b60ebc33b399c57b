import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/answer/analyzer.ts";

describe("simplify", () => {
  const { simplify } = createAnalyzer();

  it("lowercases, strips accents and straightens apostrophes", () => {
    expect(simplify("Café ‘KPIs’ isn`t ÀI’s naïve")).toBe("cafe 'kpis' isn't ai's naive");
  });

  it("gives plain ASCII the same result as the full treatment", () => {
    const full = (text: string) =>
      text
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[\u2018\u2019\u02bc`]/g, "'");
    for (let c = 0; c < 128; c++) {
      const text = `Ab${String.fromCharCode(c)}Z`;
      expect(simplify(text), `code ${c}`).toBe(full(text));
    }
    expect(simplify("How do we MEASURE ai kpis?")).toBe("how do we measure ai kpis?");
  });
});
