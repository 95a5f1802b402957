/**
 * The preview's reading of what is typed into a cell (src/preview/entry.ts) and its display
 * of dates (src/preview/format.ts), checked against Excel's documented behaviour for the
 * English (United States) locale: "Enter data manually in worksheet cells" and "Format
 * numbers as percentages" (automatic percent entry), and Excel's 1900 date system, where
 * serial 1 is 1900-01-01 and 2025-01-15 is 45672 (Excel: =DATE(2025,1,15) shows 45672
 * under General). Exact: no tolerance needed.
 */
import fc from "fast-check";
import { dateSerial, parseEntry } from "../src/preview/entry";
import { formatValue } from "../src/preview/format";
import { ENTRY_CASES } from "./entry-cases";

describe("parseEntry", () => {
  // The cases the task pane's fields share (test/deal-form.test.ts): one reading of typed text.
  test.each(ENTRY_CASES)("$typed typed into a $format cell: $value", ({ typed, format, value }) => {
    const content = parseEntry(typed, format).content;
    if (value === undefined) expect(content).toBe(typed);
    else expect(content).toBe(value);
  });

  test("thousands separators: a number, with Excel's #,##0 format", () => {
    expect(parseEntry("4,000,000")).toEqual({ content: 4000000, format: "#,##0" });
    expect(parseEntry("1,234.5")).toEqual({ content: 1234.5, format: "#,##0.00" });
    // misplaced separators are not a number in Excel: text
    expect(parseEntry("4,00,000")).toEqual({ content: "4,00,000" });
  });

  test("percentages: 90% is 0.9, with 0%; 6.85% is 0.0685 exactly, with 0.00%", () => {
    expect(parseEntry("90%")).toEqual({ content: 0.9, format: "0%" });
    expect(parseEntry("6.85%")).toEqual({ content: 0.0685, format: "0.00%" });
  });

  test("currency and accounting negatives", () => {
    expect(parseEntry("$1,250.50")).toEqual({ content: 1250.5, format: "$#,##0.00" });
    expect(parseEntry("(300)")).toEqual({ content: -300 });
    expect(parseEntry("-2.5e3")).toEqual({ content: -2500 });
  });

  test("decimals are kept; a cell's own format is kept (no format returned)", () => {
    expect(parseEntry("7.3")).toEqual({ content: 7.3 });
    expect(parseEntry("7.3", "0")).toEqual({ content: 7.3 });
    expect(parseEntry("4,000,000", "#,##0.00")).toEqual({ content: 4000000 });
  });

  test("automatic percent entry in a percentage cell: 90 is 90 %, 0.9 stays 0.9", () => {
    expect(parseEntry("90", "0.0%")).toEqual({ content: 0.9 });
    expect(parseEntry("6.85", "0.00%")).toEqual({ content: 0.0685 });
    expect(parseEntry("0.9", "0.0%")).toEqual({ content: 0.9 });
  });

  test("dates as Excel serials", () => {
    expect(parseEntry("1/15/2025")).toEqual({ content: 45672, format: "m/d/yyyy" });
    expect(parseEntry("2025-01-15")).toEqual({ content: 45672, format: "yyyy-mm-dd" });
    expect(parseEntry("15-Jan-2025")).toEqual({ content: 45672, format: "d-mmm-yy" });
    expect(parseEntry("2/30/2025")).toEqual({ content: "2/30/2025" });
    expect(dateSerial(1900, 3, 1)).toBe(61); // Excel counts 29 February 1900, so 1 March 1900 is 61
  });

  test("formulas, booleans, blanks, apostrophe text", () => {
    expect(parseEntry("=A1*2")).toEqual({ content: "=A1*2" });
    expect(parseEntry("true")).toEqual({ content: true });
    expect(parseEntry("   ")).toEqual({ content: null });
    expect(parseEntry("'4,000")).toEqual({ content: "4,000" });
    expect(parseEntry("abc")).toEqual({ content: "abc" });
  });

  test("property: any integer typed with grouping separators reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const typed = n.toLocaleString("en-US");
        expect(parseEntry(typed).content).toBe(n);
      }),
    );
  });
});

describe("formatValue with dates", () => {
  test("a serial under a date format", () => {
    expect(formatValue(45672, "m/d/yyyy")).toBe("1/15/2025");
    expect(formatValue(45672, "yyyy-mm-dd")).toBe("2025-01-15");
    expect(formatValue(45672, "d-mmm-yy")).toBe("15-Jan-25");
  });

  test("property: a typed date shows again as typed", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1901-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }), (d) => {
        const typed = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
        const entry = parseEntry(typed);
        expect(formatValue(entry.content, entry.format)).toBe(typed);
      }),
    );
  });
});
