/**
 * What `loan recalc` computes as Excel does (issue 24), one test per correction, each
 * against an independent value: Excel's cached value in a public workbook of the corpus
 * (test/data/corpus/, its cell named), Microsoft's documentation (the page cited), or a
 * small workbook of test/data/recalc/ (scripts/recalc-fixtures.mjs, values worked out by
 * hand there). test/corpus.test.ts checks every cell of the corpus; this file names the
 * cells each correction is about.
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import type { RawCellContent } from "hyperformula";
import type { Addin } from "../src/engine/addin";
import { CANCELLATION } from "../src/engine/hf-patches";
import { loadAddin } from "../src/engine/load-node";
import { ENGINE_MSG as M } from "../src/engine/messages";
import { EngineWorkbook, type CellResult } from "../src/engine/workbook";
import { normalizeFormula, recalcXlsx, type RecalcSummary } from "../src/engine/xlsx";

type Value = number | string | boolean | { error: string } | null;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFormulaCells } = require("../scripts/xlsx-values.cjs") as {
  readFormulaCells(buffer: Buffer): Promise<{ sheets: { name: string; cells: Map<string, { value: Value }> }[] }>;
};

const CORPUS = path.join(__dirname, "data", "corpus");
const FIXTURES = path.join(__dirname, "data", "recalc");

let addin: Addin;
let dir: string;
beforeAll(() => {
  addin = loadAddin(path.resolve(__dirname, "..", "dist"));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "recalc-excel-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Recalculates a workbook; its summary and the output's values by sheet and cell. */
async function recalc(file: string): Promise<{ summary: RecalcSummary; value(sheet: string, cell: string): Value }> {
  const output = path.join(dir, path.basename(file));
  const summary = await recalcXlsx(addin, file, output);
  const book = await readFormulaCells(fs.readFileSync(output));
  return {
    summary,
    value: (sheet, cell) => book.sheets.find((s) => s.name === sheet)?.cells.get(cell)?.value ?? null,
  };
}

/** One formula computed as recalc computes a file's formula, over a small data sheet. */
function compute(formula: string, data: RawCellContent[][] = [[]]): CellResult {
  const wb = new EngineWorkbook(addin, [
    { name: "Data", cells: data },
    { name: "F", cells: [[`=${normalizeFormula(formula)}`]] },
  ]);
  try {
    return wb.value("F", 0, 0);
  } finally {
    wb.destroy();
  }
}

const near = (got: unknown, want: number, digits: number) => {
  expect(typeof got).toBe("number");
  expect(got as number).toBeCloseTo(want, digits);
};

describe("the functions and constructs issue 24 names, in the corpus as Excel computed them", () => {
  const cases: [string, string, string, Value][] = [
    // DATEVALUE of a date written with the month's name.
    ["sheetjs/formula_stress_test.xlsx", "Date", "B3", 25363],
    // COUNTA, SUM, AVERAGE, MIN, MAX, COUNT over a 3-D reference (Sheet1:Sheet3!…).
    ["poi/55906-MultiSheetRefs.xlsx", "Sheet1", "C3", 3],
    ["poi/55906-MultiSheetRefs.xlsx", "Sheet1", "A3", 66],
    ["poi/55906-MultiSheetRefs.xlsx", "Sheet1", "B6", 3],
    ["poi/48703.xlsx", "Sheet1", "B2", 20],
    // SUMIF with a blank criterion: 0.
    ["poi/56420.xlsx", "Feuil1", "C3", 0],
    ["poi/54206.xlsx", "QuadroDB", "G4", 0],
    // Three-argument legacy distributions.
    ["sheetjs/formula_stress_test.xlsx", "Statistical", "B4", 0.5],
    ["sheetjs/formula_stress_test.xlsx", "Statistical", "B34", 0.5357142857142857],
    ["sheetjs/formula_stress_test.xlsx", "Statistical", "B38", 0.34457825838967576],
    // Complex numbers keep "j", with Excel's 15 digits.
    ["sheetjs/formula_stress_test.xlsx", "Engineering", "B37", "2-3j"],
    ["sheetjs/formula_stress_test.xlsx", "Engineering", "B38", "-4.18962569096881-9.10922789375534j"],
    ["sheetjs/formula_stress_test.xlsx", "Engineering", "B50", "48+70j"],
    // TEXT rounds the time to the fraction of a second it shows (a 1904 workbook).
    ["poi/DateFormatNumberTests.xlsx", "Tests", "A4", "1904-01-02 00:04:37.638"],
    ["poi/DateFormatNumberTests.xlsx", "Tests", "A7", "1904-01-02 00:04:38"],
    // Approximate MATCH on data that is not sorted: Excel's binary search.
    ["sheetjs/formula_stress_test.xlsx", "Lookup", "B20", 11],
    // Arithmetic on empty text is #VALUE!; PRODUCT of no numbers is 0; YEAR(0) is 1900.
    ["poi/FormulaEvalTestData_Copy.xlsx", "EverythingTests", "M59", { error: "#VALUE!" }],
    ["poi/FormulaEvalTestData_Copy.xlsx", "EverythingTests", "K1084", 0],
    ["poi/FormulaEvalTestData_Copy.xlsx", "EverythingTests", "F1496", 1900],
    // CHOOSE truncates its index; REPLACE and SUBSTITUTE their positions; ISREF of a cell.
    ["poi/FormulaEvalTestData_Copy.xlsx", "EverythingTests", "H240", 5],
    ["poi/FormulaEvalTestData_Copy.xlsx", "EverythingTests", "D1136", "AxxEFG"],
    ["poi/FormulaEvalTestData_Copy.xlsx", "EverythingTests", "F1312", "Teststr"],
    ["poi/FormulaEvalTestData_Copy.xlsx", "EverythingTests", "G804", true],
    // OR over a range holding no logical value is #VALUE!.
    ["poi/FormulaEvalTestData_Copy.xlsx", "EverythingTests", "I1020", { error: "#VALUE!" }],
  ];
  const byFile = new Map<string, [string, string, Value][]>();
  for (const [file, sheet, cell, want] of cases) byFile.set(file, [...(byFile.get(file) ?? []), [sheet, cell, want]]);

  test.each([...byFile.keys()])("%s", async (file) => {
    const { summary, value } = await recalc(path.join(CORPUS, file));
    const expected = JSON.parse(fs.readFileSync(path.join(CORPUS, `${file}.expected.json`), "utf8")) as {
      sheets: Record<string, Record<string, Value>>;
    };
    for (const [sheet, cell, want] of byFile.get(file)!) {
      const where = `${/^\w+$/.test(sheet) ? sheet : `'${sheet}'`}!${cell}`;
      // Recomputed, not kept…
      expect(summary.kept.find((k) => k.address === where)).toBeUndefined();
      // …to Excel's cached value (as stored beside the workbook, and as written here).
      expect(expected.sheets[sheet][cell]).toEqual(want);
      if (typeof want === "number") near(value(sheet, cell), want, 9);
      else expect(value(sheet, cell)).toEqual(want);
    }
  });

  test("tables' structured references keep Excel's values (poi/DataTableCities.xlsx)", async () => {
    const { summary, value } = await recalc(path.join(CORPUS, "poi/DataTableCities.xlsx"));
    expect(summary.recomputed).toBe(0);
    expect(summary.kept.find((k) => k.address === "Formula!D5")?.reason).toBe(M.structuredReference());
    expect(value("Formula", "D5")).toBe(198905700);
  });

  test("a data table (What-If Analysis) keeps its formula and Excel's values (test/data/recalc/data-table.xlsx)", async () => {
    const { summary } = await recalc(path.join(FIXTURES, "data-table.xlsx"));
    expect(summary.kept.length).toBeGreaterThan(0);
    expect(summary.kept.every((k) => k.reason === M.dataTable())).toBe(true);
  });

  test("a circular reference under Excel's iteration settings (poi/57535.xlsx: iterate on)", async () => {
    const { summary, value } = await recalc(path.join(CORPUS, "poi/57535.xlsx"));
    expect(summary.iterated).toEqual(["Sheet1!E5", "Sheet1!E6"]);
    // Excel's cached 1.33333326 and 7.33333326, to within the workbook's maximum change (0.001).
    expect(Math.abs((value("Sheet1", "E5") as number) - 1.33333326)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((value("Sheet1", "E6") as number) - 7.33333326)).toBeLessThanOrEqual(0.001);
  });
});

describe("Microsoft's documented examples", () => {
  test("BETADIST, LOGNORMDIST, HYPGEOMDIST, NEGBINOMDIST, NORMSDIST with their legacy arguments", () => {
    // https://support.microsoft.com/en-us/office/betadist-function-49f1b9a9-a5da-470f-8077-5f1730b5fd47
    near(compute("BETADIST(2,8,10,1,3)"), 0.6854706, 7);
    near(compute("BETADIST(0.5,1,1)"), 0.5, 12);
    // https://support.microsoft.com/en-us/office/lognormdist-function-f8d194cb-9ee3-4034-8c75-1bdb3884100b
    near(compute("LOGNORMDIST(4,3.5,1.2)"), 0.0390836, 7);
    // https://support.microsoft.com/en-us/office/hypgeomdist-function-23e37961-2871-4195-9629-d0b2c108a12e
    near(compute("HYPGEOMDIST(1,4,8,20)"), 0.3632611, 7);
    // https://support.microsoft.com/en-us/office/negbinomdist-function-f59b0a37-bae2-408d-b115-a315609ba714
    near(compute("NEGBINOMDIST(10,5,0.25)"), 0.0550487, 7);
    // https://support.microsoft.com/en-us/office/normsdist-function-463369ea-0345-445d-802a-4ff0d6ce7cac
    near(compute("NORMSDIST(1.333333)"), 0.908788726, 9);
    // Nested, and the modern names untouched.
    near(compute("NORMSDIST(NORMSINV(LOGNORMDIST(4,3.5,1.2)))"), 0.0390836, 7);
    near(compute("_xlfn.LOGNORM.DIST(4,3.5,1.2,TRUE)"), 0.0390836, 7);
  });

  test("DATEVALUE reads dates with the month's name", () => {
    // https://support.microsoft.com/en-us/office/datevalue-function-df8b07d4-7761-4a93-bc33-b7471bbff252
    expect(compute('DATEVALUE("8/22/2011")')).toBe(40777);
    expect(compute('DATEVALUE("22-MAY-2011")')).toBe(40685);
    expect(compute('DATEVALUE("2011/02/23")')).toBe(40597);
    expect(compute('DATEVALUE("June 9, 1969")')).toBe(25363);
    expect(compute('DATEVALUE("Jun 9 1969")')).toBe(25363);
    expect(compute('DATEVALUE("9 June 69")')).toBe(25363);
    // A day and month without a year is the current year in Excel: not guessed.
    expect(compute('DATEVALUE("5-JUL")')).toMatchObject({ error: "#VALUE!" });
    expect(compute('DATEVALUE("Deal: 123")')).toMatchObject({ error: "#VALUE!" });
  });

  test("complex numbers keep their suffix; mixed suffixes are #VALUE!", () => {
    // https://support.microsoft.com/en-us/office/complex-function-f0b8f3a9-51cc-4d6d-86fb-3a9362fa4128
    expect(compute('COMPLEX(3,4,"j")')).toBe("3+4j");
    expect(compute("COMPLEX(0,1)")).toBe("i");
    // https://support.microsoft.com/en-us/office/imsum-function-81542999-5f1c-4da6-9ffe-f1d7aaa9457f
    expect(compute('IMSUM("3+4i","5-3i")')).toBe("8+i");
    expect(compute('IMSUM("3+4j","5-3j")')).toBe("8+j");
    expect(compute('IMSUM("3+4i","5-3j")')).toMatchObject({ error: "#VALUE!" });
  });

  test("a final subtraction that cancels to Excel's 15 digits is 0; inside the formula it is not", () => {
    // https://learn.microsoft.com/en-us/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result
    // ("Example when a value reaches zero").
    expect(compute("0.5-0.4-0.1")).toBe(0);
    expect(compute("(0.5-0.4-0.1)")).toBe(0);
    expect(compute("1*(0.5-0.4-0.1)")).toBeCloseTo(-2.77555756156289e-17, 30);
    // Two sums of thousands that differ only beyond the 15th digit.
    expect(compute("Data!A1-Data!A2", [[0.1 + 0.2 + 1234.5], [1234.8]])).toBe(0);
    expect(CANCELLATION).toBe(1e-15);
    // A real difference stays.
    expect(compute("1.000000000000001-1")).not.toBe(0);
  });

  test("a blank criterion is 0 in COUNTIF and SUMIF", () => {
    // https://support.microsoft.com/en-us/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842
    // "If the criteria argument is a reference to an empty cell, the COUNTIFS function treats
    // the empty cell as a 0 value."
    const data: RawCellContent[][] = [
      [0, 5],
      [null, 7],
      [0, 9],
      [3, 11],
    ];
    expect(compute("COUNTIF(Data!A1:A4,Data!C1)", data)).toBe(2);
    expect(compute("SUMIF(Data!A1:A4,Data!C1,Data!B1:B4)", data)).toBe(14);
    expect(compute("COUNTIFS(Data!A1:A4,Data!C1)", data)).toBe(2);
    // A date made by a formula is a criterion like its number.
    expect(compute("COUNTIF(Data!A1:A2,DATE(1900,1,5))", [[5], [6]])).toBe(1);
  });

  test("XNPV over dates made by DATE()", () => {
    // https://support.microsoft.com/en-us/office/xnpv-function-1b42bbf6-370f-4532-a0eb-d67c16b664b7 ($2,086.65)
    const data: RawCellContent[][] = [
      [-10000, "=DATE(2008,1,1)"],
      [2750, "=DATE(2008,3,1)"],
      [4250, "=DATE(2008,10,30)"],
      [3250, "=DATE(2009,2,15)"],
      [2750, "=DATE(2009,4,1)"],
    ];
    near(compute("XNPV(0.09,Data!A1:A5,Data!B1:B5)", data), 2086.65, 2);
    expect(compute("XNPV(0.09,Data!A1:A5,Data!B1:B4)", data)).toMatchObject({ error: "#NUM!" });
    expect(compute("XNPV(0.09,Data!A1:A2,Data!C1:C2)", data)).toMatchObject({ error: "#VALUE!" });
  });

  test("CHOOSE truncates a fractional index; AND of no logical value is #VALUE!; ISREF of a reference", () => {
    // https://support.microsoft.com/en-us/office/choose-function-fc5c184f-cb62-4ec7-a46e-38653b98f5bc
    expect(compute("CHOOSE(2.7,10,20,30)")).toBe(20);
    // https://support.microsoft.com/en-us/office/and-function-5f19b2e8-e1df-4408-897a-ce285a19e9d9
    expect(compute("AND(Data!A1:A2)", [["x"], [null]])).toMatchObject({ error: "#VALUE!" });
    expect(compute("AND(Data!A1:A2)", [[true], ["x"]])).toBe(true);
    expect(compute('OR("TRUE",FALSE)')).toBe(true);
    // https://support.microsoft.com/en-us/office/is-functions-0f2d7971-6019-40a0-a171-f2d869135665
    expect(compute("ISREF(Data!A1)")).toBe(true);
    expect(compute("ISREF(1)")).toBe(false);
  });
});

describe("circular references, references to other workbooks (test/data/recalc/)", () => {
  test("iterative calculation on: iterated from Excel's values to the workbook's maximum change", async () => {
    const file = path.join(FIXTURES, "circular-iterate.xlsx");
    const { summary, value } = await recalc(file);
    expect(summary.kept).toEqual([]);
    expect(summary.iterated).toEqual(["Loan!B2", "Loan!B3"]);
    expect(Math.abs((value("Loan", "B2") as number) - 100 / 0.95)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((value("Loan", "B3") as number) - (1000 + 100 / 0.95))).toBeLessThanOrEqual(0.001);
    expect(value("Loan", "C3")).toBeCloseTo(2 * (1000 + 100 / 0.95), 2);
    // The workbook part, its iterate flag with it, is the input's byte for byte; no #CYCLE!.
    const a = await JSZip.loadAsync(fs.readFileSync(file));
    const b = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "circular-iterate.xlsx")));
    expect(await b.file("xl/workbook.xml")!.async("string")).toBe(await a.file("xl/workbook.xml")!.async("string"));
    expect(await b.file("xl/worksheets/sheet1.xml")!.async("string")).not.toContain("#CYCLE!");
  });

  test("iterative calculation on, values that never settle: kept, with why", async () => {
    const { summary, value } = await recalc(path.join(FIXTURES, "circular-diverges.xlsx"));
    expect(summary.kept).toEqual([{ address: "S!D1", reason: M.notConverged(100, 0.001) }]);
    expect(value("S", "D1")).toBe(100);
    expect(value("S", "E1")).toBe(200);
  });

  test("iterative calculation off: kept as Excel left them, never #CYCLE!", async () => {
    const { summary, value } = await recalc(path.join(FIXTURES, "circular-off.xlsx"));
    expect(summary.kept).toEqual([
      { address: "Loan!B2", reason: M.circular() },
      { address: "Loan!B3", reason: M.circular() },
    ]);
    expect(value("Loan", "B2")).toBe(0);
    expect(value("Loan", "B3")).toBe(0);
  });

  test("a name that refers to another workbook keeps Excel's cached values", async () => {
    const { summary, value } = await recalc(path.join(FIXTURES, "external-name.xlsx"));
    expect(summary.kept).toEqual([
      { address: "S!A1", reason: M.nameExternal("Ext") },
      { address: "S!B1", reason: M.nameExternal("Ext") },
    ]);
    expect(value("S", "A1")).toBe(42);
    expect(value("S", "B1")).toBe(84);
    expect(value("S", "C1")).toBe(2);
  });

  test("XNPV over DATE() dates in a file: recomputed to Microsoft's example", async () => {
    const { summary, value } = await recalc(path.join(FIXTURES, "xnpv-dates.xlsx"));
    expect(summary.kept).toEqual([]);
    near(value("DCF", "A7"), 2086.64760203153, 9);
  });
});
