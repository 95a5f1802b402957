/**
 * The height a row of wrapped text is given (src/plan/row-height.ts) and how each writer
 * carries it: the .xlsx file's `ht` without `customHeight` (LibreOffice prints the row at that
 * height; Excel re-fits it when its text changes), the preview's emulation of
 * `autofitRows`. Whether the heights hold up in print is `npm run print-pages`'s check
 * (LibreOffice, no overlapping text on any page).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { planToXlsx } from "../src/engine/plan-writers";
import { LINE_POINTS, textWidth, wrapLines, wrappedRowHeights } from "../src/plan/row-height";
import type { SheetPlan } from "../src/plan/plan";
import { writePlan } from "../src/taskpane/excel-writer";
import { addin, emulatedExcel } from "./emulated-excel";

/** Calibri 11's advance widths (units of 2048 an em) of a few characters, from the font's hmtx table. */
const UNITS = { a: 981, space: 463, W: 1822, i: 470, boldA: 1011 };
const points = (units: number) => (units * 11) / 2048;

describe("text widths in Calibri 11", () => {
  test("each character its advance width, with a few per cent to spare", () => {
    expect(textWidth("a")).toBeGreaterThanOrEqual(points(UNITS.a));
    expect(textWidth("a")).toBeLessThan(points(UNITS.a) * 1.1);
    expect(textWidth("W i")).toBeGreaterThanOrEqual(points(UNITS.W + UNITS.space + UNITS.i));
    expect(textWidth("a", true)).toBeGreaterThanOrEqual(points(UNITS.boldA));
    expect(textWidth("")).toBe(0);
  });
});

describe("wrapping a text in a column", () => {
  const text = "Default probability at the hold, real-world, under the lender's own assumptions";

  test.each([80, 120, 220])("at %d points: the words in order, each line fitting, each break needed", (width) => {
    const lines = wrapLines(text, width);
    expect(lines.join(" ")).toBe(text);
    for (const [i, line] of lines.entries()) {
      expect(textWidth(line)).toBeLessThanOrEqual(width);
      // the next line's first word would not have fitted on this one
      const next = lines[i + 1]?.split(" ")[0];
      if (next) expect(textWidth(`${line} ${next}`)).toBeGreaterThan(width - 5);
    }
  });

  test("a short text is one line; a word wider than the column breaks between its characters", () => {
    expect(wrapLines("Recourse", 90)).toEqual(["Recourse"]);
    const long = "LOAN.STATE_DEFICIENCY_WITH_A_VERY_LONG_NAME";
    const lines = wrapLines(long, 60);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe(long);
  });

  test("line breaks in the text are kept", () => {
    expect(wrapLines("one\ntwo", 200)).toEqual(["one", "two"]);
  });

  test("a row is as high as its tallest wrapped cell: 15 points a line", () => {
    const heights = wrappedRowHeights(
      [
        { row: 3, col: 0, text: "short" },
        { row: 3, col: 1, text: "a b c d e f g h i j k l m n o p" },
        { row: 5, col: 0, text: "one" },
      ],
      () => 30,
    );
    expect(heights.get(3)).toBe(LINE_POINTS * wrapLines("a b c d e f g h i j k l m n o p", 30).length);
    expect(heights.get(3)).toBeGreaterThan(2 * LINE_POINTS);
    expect(heights.get(5)).toBe(LINE_POINTS);
  });
});

/** A plan with a wrapped note, a wrapped formula whose text is long, a wrapped number and a boolean. */
const PLAN: SheetPlan = {
  sheetName: "Rows",
  cells: [
    { address: "A1", value: "Title", bold: true },
    { address: "A2", value: "A note long enough to need three or four lines in a narrow column", wrap: true },
    { address: "B3", formula: '=REPT("word ", 30)', wrap: true },
    { address: "A4", formula: "=1+1", wrap: true },
    { address: "A5", value: true },
  ],
  columnWidths: [
    { column: "A", points: 90 },
    { column: "B", points: 120 },
  ],
};

describe("the writers give wrapped rows their text's height", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-rows-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the .xlsx file: `ht` on the wrapped rows, none custom; booleans as booleans shown TRUE/FALSE", async () => {
    const file = path.join(dir, "rows.xlsx");
    await planToXlsx(addin, PLAN, file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const rows = Object.fromEntries(
      [...xml.matchAll(/<row ([^>]*)>/g)].map((m) => [/(?:^| )r="(\d+)"/.exec(m[1])?.[1], m[1]] as const),
    );
    const ht = (r: number) => Number(/ ht="([\d.]+)"/.exec(rows[r] ?? "")?.[1] ?? NaN);
    // The note: its lines at 90 points, 15 points each; the formula's computed text ("word " × 30) at 120 points.
    expect(ht(2)).toBe(15 * wrapLines(String(PLAN.cells[1].value), 90).length);
    expect(ht(3)).toBe(15 * wrapLines("word ".repeat(30), 120).length);
    expect(ht(3)).toBeGreaterThanOrEqual(45);
    // A wrapped formula showing a number, and rows without wrapped text: no height (the default).
    for (const r of [1, 4, 5]) expect({ r, ht: ht(r) }).toEqual({ r, ht: NaN });
    expect(xml).not.toContain("customHeight");
    // A5: a boolean (t="b") with the boolean format.
    expect(xml).toMatch(/<c r="A5" s="(\d+)" t="b"><v>1<\/v><\/c>/);
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    expect(styles).toContain('formatCode="&quot;TRUE&quot;;&quot;TRUE&quot;;&quot;FALSE&quot;"');
  });

  test("values only: a formula's boolean, written as its value, is shown TRUE/FALSE too", async () => {
    const file = path.join(dir, "values.xlsx");
    await planToXlsx(
      addin,
      { sheetName: "V", cells: [{ address: "A1", formula: "=1=1", bold: true }], columnWidths: [] },
      file,
      {
        valuesOnly: true,
      },
    );
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const style = Number(/<c r="A1" s="(\d+)" t="b"><v>1<\/v><\/c>/.exec(xml)?.[1]);
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    const xf = [...styles.replace(/[\s\S]*<cellXfs[^>]*>/, "").matchAll(/<xf [^>]*numFmtId="(\d+)"/g)][style]?.[1];
    expect(styles).toContain(
      `<numFmt numFmtId="${xf}" formatCode="&quot;TRUE&quot;;&quot;TRUE&quot;;&quot;FALSE&quot;"/>`,
    );
  });

  test("the Office.js writer over the emulation: the fitted rows' heights are the file's", async () => {
    const excel = emulatedExcel({ Sheet1: {} });
    await writePlan(PLAN, excel.run, () => true);
    const heights = excel.book.rowHeights("Rows");
    expect(Object.fromEntries(heights)).toEqual({
      1: 15 * wrapLines(String(PLAN.cells[1].value), 90).length,
      2: 15 * wrapLines("word ".repeat(30), 120).length,
    });
    // Excel re-fits a fitted row when its text changes: so does the emulation.
    excel.book.engine.setCells("Rows", 1, 0, [["short"]]);
    expect(excel.book.rowHeights("Rows").get(1)).toBe(15);
  });
});

describe("print-pages' overlap check", () => {
  /** `overlaps` from scripts/print-pages.mjs, run by node on the given word boxes. */
  function overlaps(words: { text: string; x0: number; y0: number; x1: number; y1: number }[]): string[][] {
    const script = `import { overlaps } from ${JSON.stringify(path.resolve(__dirname, "..", "scripts", "print-pages.mjs"))};
      const words = JSON.parse(process.argv[1]);
      console.log(JSON.stringify(overlaps(words).map(([a, b]) => [a.text, b.text])));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(words)], {
      encoding: "utf8",
    });
    return JSON.parse(out) as string[][];
  }
  /** A word 7.4 points high (a printed 11-point cell at 67 %: its box from ascent to descent is 9.6). */
  const word = (text: string, x: number, y: number, w = 30) => ({ text, x0: x, y0: y, x1: x + w, y1: y + 9.6 });

  test("two texts on the same spot, or half a line apart, overlap", () => {
    expect(overlaps([word("Default", 20, 100), word("Lender", 25, 101)])).toEqual([["Default", "Lender"]]);
    expect(overlaps([word("Default", 20, 100), word("Lender", 25, 104.5)])).toEqual([["Default", "Lender"]]);
  });

  test("words side by side on a line, lines of a wrapped cell and rows one under the other do not", () => {
    expect(overlaps([word("Default", 20, 100), word("probability", 51, 100)])).toEqual([]);
    // LibreOffice sets a wrapped cell's lines about 0.8 of their box apart: the boxes touch, the letters do not
    expect(overlaps([word("Default", 20, 100), word("probability", 20, 107.5)])).toEqual([]);
    expect(overlaps([word("Default", 20, 100), word("Lender", 20, 110)])).toEqual([]);
  });
});
