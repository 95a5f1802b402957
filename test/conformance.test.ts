/**
 * Recalc conformance: built-in formulas typical of loan and real-estate models, computed by
 * the engine as `loan recalc` computes them (the data sheet's text read as text), against
 * the values of an independent engine, LibreOffice Calc, or Excel's documented value where
 * the two differ (test/data/conformance-corpus.json, made by scripts/conformance-corpus.mjs;
 * each difference carries the Microsoft page it follows).
 *
 * Tolerance: numbers within 1e-9 relative (absolute below 1); text, booleans and error
 * codes exactly. A formula the engine does not compute faithfully must instead say so (its
 * error starts with NOT_COMPUTED, or is an unknown function): recalc then keeps Excel's
 * cached value. NOT_RECOMPUTED lists those, and the README's Limits section names them.
 */
import fs from "fs";
import path from "path";
import type { RawCellContent } from "hyperformula";
import { NOT_COMPUTED } from "../src/engine/excel-compat";
import { loadAddin } from "../src/engine/load-node";
import { EngineWorkbook, textCell, type CellResult } from "../src/engine/workbook";
import { keptReason, normalizeFormula } from "../src/engine/xlsx";

type Value = number | string | boolean | { error: string };
interface Case {
  id: string;
  category: string;
  formula: string;
  expected: Value;
  libreOffice?: Value;
  excelSource?: string;
}
const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, "data", "conformance-corpus.json"), "utf8")) as {
  data: (string | number)[][];
  cases: Case[];
};

/** Formulas the engine reports as not computed (recalc keeps Excel's cached value), with why. */
const NOT_RECOMPUTED: Record<string, string> = {
  'LOOKUP(2,{1,2,3},{"a","b","c"})': "LOOKUP is not implemented by the engine",
  'AVERAGEIFS(Data!$G$2:$G$9,Data!$B$2:$B$9,"<>TX")': "AVERAGEIFS is not implemented by the engine",
  "RANK(Data!C4,Data!$C$2:$C$9)": "RANK is not implemented by the engine",
  "FIXED(1234.567,1)": "FIXED is not implemented by the engine",
  "DOLLAR(1234.567)": "DOLLAR is not implemented by the engine",
  "ERROR.TYPE(1/0)": "ERROR.TYPE is not implemented by the engine",
  'VLOOKUP(0.07,{0,"A";0.065,"B";0.07,"C";0.08,"D"},2,TRUE)': "VLOOKUP over an array constant",
  'VLOOKUP(0.0701,{0,"A";0.065,"B";0.07,"C";0.08,"D"},2)': "VLOOKUP over an array constant",
};

const TOLERANCE = 1e-9;

function agrees(got: CellResult, want: Value): boolean {
  if (typeof want === "number") {
    if (typeof got !== "number") return false;
    return Math.abs(got - want) <= TOLERANCE * Math.max(1, Math.abs(want));
  }
  if (typeof want === "object") return got !== null && typeof got === "object" && got.error === want.error;
  return got === want;
}

let wb: EngineWorkbook;
beforeAll(() => {
  const addin = loadAddin(path.resolve(__dirname, "..", "dist"));
  const data: RawCellContent[][] = corpus.data.map((row) =>
    row.map((v) => (v === "" ? null : typeof v === "string" ? textCell(v) : v)),
  );
  wb = new EngineWorkbook(addin, [
    { name: "Data", cells: data },
    { name: "Corpus", cells: corpus.cases.map((c) => [`=${normalizeFormula(c.formula)}`]) },
  ]);
});
afterAll(() => wb.destroy());

test("the corpus is large enough and covers every category", () => {
  expect(corpus.cases.length).toBeGreaterThanOrEqual(150);
  const categories = new Set(corpus.cases.map((c) => c.category));
  for (const c of ["logic", "lookup", "conditional", "financial", "date", "rounding", "text", "error"])
    expect(categories).toContain(c);
});

test.each(corpus.cases.map((c, i) => [c.id, c.formula, i] as const))("%s  =%s", (id, formula, i) => {
  const c = corpus.cases[i];
  const got = wb.value("Corpus", i, 0);
  if (NOT_RECOMPUTED[formula] !== undefined) {
    expect(keptReason(got)).toBeDefined();
    return;
  }
  if (!agrees(got, c.expected)) {
    throw new Error(`${id} =${formula}: engine ${JSON.stringify(got)}, expected ${JSON.stringify(c.expected)}`);
  }
});

test("NOT_COMPUTED is the marker recalc looks for", () => {
  expect(keptReason({ error: "#VALUE!", message: `${NOT_COMPUTED} TEXT format "x" is not implemented.` })).toMatch(
    /TEXT format/,
  );
});
