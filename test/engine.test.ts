/**
 * The headless engine: LOAN.* registered in HyperFormula from the production bundle and
 * functions.json, computed with Excel's conventions next to Excel's built-ins.
 * Expected values come from the core (computed independently in test/*.test.ts against the
 * reference and Excel's documented examples) and from formulajs's PMT (Excel-compatible).
 */
import fs from "fs";
import path from "path";
import { HyperFormula } from "hyperformula";
import * as formulajs from "@formulajs/formulajs";
import { AMORTIZATION, DEFICIENCY } from "../src/core";
import { loadAddin } from "../src/engine/load-node";
import { EngineWorkbook, type CellResult } from "../src/engine/workbook";
import type { Addin } from "../src/engine/addin";

const dist = path.resolve(__dirname, "..", "dist");
let addin: Addin;
beforeAll(() => {
  addin = loadAddin(dist);
});

function book(
  cells: (string | number | boolean | null)[][],
  more: { name: string; cells: (string | number | boolean | null)[][] }[] = [],
) {
  return new EngineWorkbook(addin, [{ name: "S", cells }, ...more]);
}

function one(formula: string, cells: (string | number | boolean | null)[][] = []): CellResult {
  const wb = book([[formula], ...cells.map((r) => [null, ...r])]);
  try {
    return wb.value("S", 0, 0);
  } finally {
    wb.destroy();
  }
}

describe("registration from functions.json", () => {
  test("the engine's LOAN functions are exactly functions.json's", () => {
    const wb = book([]);
    const expected = addin.metadata.functions.map((f) => `LOAN.${f.name}`).sort();
    expect([...wb.addinFunctionNames].sort()).toEqual(expected);
    expect(HyperFormula.getRegisteredFunctionNames("enGB")).toEqual(expect.arrayContaining(expected));
    wb.destroy();
  });

  test("a function added to the add-in reaches the engine with no engine code (a synthetic one)", () => {
    const extended: Addin = {
      ...addin,
      metadata: {
        functions: [
          ...addin.metadata.functions,
          { id: "TWICE", name: "TWICE", parameters: [{ name: "x" }], result: { type: "number" } },
        ],
      },
      functions: new Map([...addin.functions, ["TWICE", (x: unknown) => 2 * (x as number)]]),
    };
    const wb = new EngineWorkbook(extended, [{ name: "S", cells: [[21, "=LOAN.TWICE(A1)"]] }]);
    expect(wb.value("S", 0, 1)).toBe(42);
    wb.destroy();
    // and back to the real add-in for the other tests
    book([]).destroy();
  });

  test("HyperFormula stays out of the add-in's bundles", () => {
    for (const f of ["functions.js", "taskpane.js"]) {
      expect(fs.readFileSync(path.join(dist, f), "utf8")).not.toMatch(/hyperformula|handsontable/i);
    }
  });
});

describe("licences", () => {
  test("preview.js (which bundles HyperFormula, GPL-3.0) ships its notice and the GPL's text beside it", () => {
    const licence = fs.readFileSync(path.join(dist, "preview.js.LICENSE.txt"), "utf8");
    expect(licence).toContain("preview.js contains HyperFormula");
    expect(fs.readFileSync(path.join(dist, "preview.js"), "utf8")).toMatch(
      /^\/\*! For license information please see preview\.js\.LICENSE\.txt \*\//,
    );
    expect(fs.readFileSync(path.join(dist, "preview.js.HYPERFORMULA-LICENSE.txt"), "utf8")).toContain(
      "GNU General Public License version 3",
    );
    expect(fs.readFileSync(path.join(dist, "preview.js.GPL-3.0.txt"), "utf8")).toContain("GNU GENERAL PUBLIC LICENSE");
  });
});

describe("Excel semantics", () => {
  test("LOAN.* and built-ins side by side: LOAN.PAYMENT equals −PMT (formulajs, Excel-compatible)", () => {
    const wb = book([[4500000, 0.0685, 30, "=LOAN.PAYMENT(A1,B1,C1)", "=-PMT(B1/12,C1*12,A1)", "=D1-E1"]]);
    const excel = -formulajs.PMT(0.0685 / 12, 360, 4500000);
    expect(Math.abs((wb.value("S", 0, 3) as number) - excel)).toBeLessThan(1e-8);
    expect(Math.abs(wb.value("S", 0, 5) as number)).toBeLessThan(1e-8);
    wb.destroy();
  });

  test("skipped and trailing omitted arguments take their defaults (methodology §5 case C: 1,050,000)", () => {
    expect(one("=LOAN.DEFICIENCY(4400000,3600000,,,250000)")).toBe(1050000);
    expect(one("=LOAN.DEFICIENCY(4400000,3600000)")).toBe(DEFICIENCY(4400000, 3600000));
  });

  test("a blank referenced cell counts as 0 (required) or the default (optional)", () => {
    // B1 blank: loanAmount 0 → payment 0; D1 blank: paymentsPerYear takes 12
    const wb = book([["=LOAN.PAYMENT(B1,0.05,30)", null, null, null, "=LOAN.PAYMENT(120000,0,10,D1)"]]);
    expect(wb.value("S", 0, 0)).toBe(0);
    expect(wb.value("S", 0, 4)).toBe(1000);
    wb.destroy();
  });

  test("ranges arrive as 2-D arrays, blanks as null (carveout codes with a blank row)", () => {
    const wb = book([
      ["WASTE", 120000, "=LOAN.CARVEOUT_EXPOSURE(4400000,A1:A3,B1:B3)"],
      [null, 999],
      ["RENTS", 80000],
    ]);
    expect(wb.value("S", 0, 2)).toBe(200000);
    wb.destroy();
  });

  test("array constants work as ranges", () => {
    expect(one('=LOAN.CARVEOUT_EXPOSURE(4400000,{"WASTE","RENTS"},{120000,80000})')).toBe(200000);
  });

  test("a spilled schedule fills its range with the core's values, and follows a change of size", () => {
    const wb = book([[1000, 0.12, 1, null, null, null, "=SUM(B3:B15)"], [], ["=LOAN.AMORTIZATION(A1,B1,C1)"]]);
    const expected = AMORTIZATION(1000, 0.12, 1) as (string | number)[][];
    const got = wb
      .sheetValues("S")
      .slice(2, 2 + expected.length)
      .map((r) => r.slice(0, 5));
    expect(got).toEqual(expected);
    const paid = expected.slice(1).reduce((s, r) => s + (r[1] as number), 0);
    expect(wb.value("S", 0, 6) as number).toBeCloseTo(paid, 8);
    wb.setCells("S", 0, 2, [[2]]);
    expect(wb.sheetValues("S")).toHaveLength(2 + 25);
    expect(wb.value("S", 26, 4)).toBe(0);
    wb.destroy();
  });

  test("a spilled result whose arguments are formulas (not yet computed when the workbook is built) settles", () => {
    // Publication 4681 (methodology §13): recourse debt 180,000, value 170,000, basis 175,000
    // → a loss of 5,000 and COD income of 10,000, all of it taxable.
    const wb = book([
      ["=90000*2", "=170000", 175000],
      ["=LOAN.FORECLOSURE_TAX(A1,B1,C1,1>0)"],
      ["=INDEX(LOAN.FORECLOSURE_TAX(A1,B1,C1,1>0),1,4)"],
    ]);
    expect(wb.sheetValues("S")[1].slice(0, 4)).toEqual([-5000, 10000, 0, 10000]);
    expect(wb.value("S", 2, 0)).toBe(10000);
    // The value at the debt: no COD; amount realized 180,000 − basis 175,000 = a gain of 5,000.
    wb.setCells("S", 0, 1, [[180000]]);
    expect(wb.sheetValues("S")[1].slice(0, 4)).toEqual([5000, 0, 0, 0]);
    expect(wb.value("S", 2, 0)).toBe(0);
    wb.destroy();
  });

  test("a spill that has no room is #SPILL!, as in Excel", () => {
    const wb = book([["=LOAN.CARVEOUTS()", "in the way"]]);
    expect(wb.value("S", 0, 0)).toMatchObject({ error: "#SPILL!" });
    wb.destroy();
  });

  test("LOAN errors keep their type and message", () => {
    expect(one('=LOAN.PAYMENT("abc",0.05,30)')).toEqual({
      error: "#VALUE!",
      message: 'loanAmount must be a number; got text "abc".',
    });
    expect(one('=LOAN.CARVEOUT_EXPOSURE(1,"ARSON")')).toMatchObject({ error: "#N/A" });
    expect(one("=LOAN.DSCR(1,0)")).toEqual({ error: "#DIV/0!" });
  });

  test("an error in an argument is the result, without calling the function", () => {
    expect(one("=LOAN.DSCR(1/0,5)")).toMatchObject({ error: "#DIV/0!" });
    expect(one("=LOAN.DSCR(NA(),5)")).toMatchObject({ error: "#N/A" });
  });

  test("the wrong number of arguments is an error naming the function", () => {
    expect(one("=LOAN.DSCR(1,2,3)")).toEqual({ error: "#N/A", message: "LOAN.DSCR takes at most 2 arguments; got 3." });
    expect(one("=LOAN.DSCR(1)")).toEqual({ error: "#N/A", message: "LOAN.DSCR needs at least 2 arguments; got 1." });
  });

  test("cross-sheet references and named expressions", () => {
    const wb = new EngineWorkbook(
      addin,
      [
        { name: "Deal inputs", cells: [[4500000], [0.0685]] },
        { name: "Out", cells: [["=LOAN.PAYMENT(Loan,'Deal inputs'!A2,30)"]] },
      ],
      [{ name: "Loan", expression: "='Deal inputs'!$A$1" }],
    );
    expect(Math.abs((wb.value("Out", 0, 0) as number) - 29486.66)).toBeLessThan(0.005);
    wb.destroy();
  });
});

describe("Excel's conventions the engine is configured for", () => {
  test("TRUE and FALSE literals, in built-ins and LOAN.* (README: DEBT_SERVICE(…, TRUE) → 308,250)", () => {
    expect(one("=IF(TRUE,1,2)")).toBe(1);
    expect(one("=IF(FALSE,1,2)")).toBe(2);
    expect(one("=LOAN.DEBT_SERVICE(4500000,0.0685,30,TRUE)")).toBe(308250);
    expect(
      one('=VLOOKUP("CA",B2:C3,2,FALSE)', [
        ["TX", 5],
        ["CA", 7],
      ]),
    ).toBe(7);
  });

  test("a blank cell read by a formula is 0; 1900 dates as Excel numbers them (DATE(2024,1,1) = 45292)", () => {
    expect(one("=B2", [[null]])).toBe(0);
    expect(one("=DATE(2024,1,1)")).toBe(45292);
    expect(one("=DATE(1900,3,1)")).toBe(61);
  });

  test("Excel's INT, DATEDIF units in any case, SUMPRODUCT over comparisons, TEXT with percent", () => {
    expect(one("=INT(-3.5)")).toBe(-4);
    expect(one('=DATEDIF(DATE(2020,1,15),DATE(2024,3,1),"y")')).toBe(4);
    expect(
      one('=SUMPRODUCT((B2:B4="TX")*C2:C4)', [
        ["TX", 5],
        ["CA", 7],
        ["TX", 11],
      ]),
    ).toBe(16);
    // Excel: "non-numeric array entries are treated as if they were zeros"
    expect(one('=SUMPRODUCT(B2:B4="TX")', [["TX"], ["CA"], ["TX"]])).toBe(0);
    expect(one('=TEXT(0.0685,"0.00%")')).toBe("6.85%");
  });

  test("TEXT of an error is that error, with its message, as in Excel (errors propagate)", () => {
    expect(one('=TEXT(LOAN.LTV(-1, 100),"#,##0")')).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining("loanAmount"),
    });
    expect(one('=TEXT(1/0,"0")')).toMatchObject({ error: "#DIV/0!" });
  });

  test("a TEXT format the engine does not implement says so (recalc keeps Excel's value)", () => {
    expect(one('=TEXT(1234,"0.00E+00")')).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining("Not computed by the engine"),
    });
  });
});
