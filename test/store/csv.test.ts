import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "../../src/store/csv-export.ts";

describe("CSV cells", () => {
  it("quotes cells holding commas, quotes or line breaks, doubling inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\r\ngo')).toBe('"say ""hi"", then\r\ngo"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(0.25)).toBe("0.25");
  });

  it("prefixes text a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t"]) {
      expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    // Spaces or a line break before the formula: some spreadsheets trim them first.
    expect(csvCell("  =HYPERLINK(1)")).toBe("'  =HYPERLINK(1)");
    expect(csvCell("\u00a0@SUM(A1)")).toBe("'\u00a0@SUM(A1)");
    expect(csvCell("\n-2+3")).toBe(`"'\n-2+3"`);
    expect(csvCell("a = b")).toBe("a = b");
  });

  it("ends every line with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});
