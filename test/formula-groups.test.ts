/**
 * Formula groups (src/engine/formula-groups.ts) compute what HyperFormula computes: random
 * formulas of the groups' grammar over random cells (numbers, blanks, logical values, text,
 * errors), each computed both ways, must agree exactly where a group computes it (a cell it
 * leaves to HyperFormula is FALLBACK). Their Excel fidelity is HyperFormula's, checked by the
 * corpora (test/corpus.test.ts recalculates with groups on).
 */
import fc from "fast-check";
import path from "path";
import type { RawCellContent } from "hyperformula";
import type { Addin } from "../src/engine/addin";
import { computeGroups, FALLBACK, type GroupCell } from "../src/engine/formula-groups";
import { shapeKey } from "../src/engine/formula-text";
import { loadAddin } from "../src/engine/load-node";
import { EngineWorkbook, textCell, type CellResult } from "../src/engine/workbook";

let addin: Addin;
beforeAll(() => {
  addin = loadAddin(path.resolve(__dirname, "..", "dist"));
});

const COLS = ["A", "B", "C", "D"];
const ROWS = 6;

const value: fc.Arbitrary<RawCellContent> = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 40 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(textCell("x"), textCell("12"), textCell("")) },
  { weight: 1, arbitrary: fc.constantFrom("#DIV/0!", "#N/A") },
);

const ref = fc
  .tuple(fc.constantFrom(...COLS), fc.integer({ min: 1, max: ROWS }), fc.boolean())
  .map(([c, r, abs]) => (abs ? `$${c}$${r}` : `${c}${r}`));

const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    ref,
    fc.constantFrom("0", "1", "2.5", "0.05", "12", "360", "TRUE", "FALSE", "-3"),
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/"), tie("e")).map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(tie("e"), fc.constantFrom("=", "<>", "<", ">=")).map(([a, op]) => `(${a}${op}1)`),
    tie("e").map((a) => `(${a})`),
    tie("e").map((a) => `-${a}`),
    tie("e").map((a) => `${a}%`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([a, b, c]) => `IF(${a},${b},${c})`),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => `IF(${a},${b})`),
    fc
      .tuple(fc.constantFrom("MAX", "MIN", "SUM"), fc.array(tie("e"), { minLength: 1, maxLength: 3 }))
      .map(([f, xs]) => `${f}(${xs.join(",")})`),
    tie("e").map((a) => `ABS(${a})`),
    fc.tuple(tie("e"), fc.integer({ min: -2, max: 3 })).map(([a, d]) => `ROUND(${a},${d})`),
    fc
      .tuple(fc.constantFrom("PMT", "FV", "PV"), tie("e"), tie("e"), tie("e"))
      .map(([f, a, b, c]) => `${f}(${a},${b},${c})`),
  ),
})).e;

function same(group: unknown, hf: CellResult): boolean {
  if (typeof group === "number" && typeof hf === "number") return Object.is(group, hf) || group === hf;
  if (group !== null && typeof group === "object" && hf !== null && typeof hf === "object")
    return (group as { error: string }).error === hf.error;
  return group === hf;
}

test("groups compute what HyperFormula computes, or leave the cell to it", () => {
  let computed = 0;
  fc.assert(
    fc.property(
      fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { minLength: ROWS, maxLength: ROWS }),
      expr,
      (grid, formula) => {
        // The formula in E1:E3 (a group of three: one shape, filled down), the data in A1:D6.
        const rows = grid.map((r) => [...r]);
        const texts = [0, 1, 2].map((k) => shiftDown(formula, k));
        const cells: GroupCell[] = texts.map((t, k) => ({
          sheet: 0,
          row: k,
          col: 4,
          shape: shapeKey(t, k, 4),
          engineText: `=${t}`,
          cached: null,
        }));
        const groups = computeGroups(addin, cells, [rows], ["S"], () => false);
        const wb = new EngineWorkbook(addin, [
          { name: "S", cells: rows.map((r, k) => (k < 3 ? [...r, `=${texts[k]}`] : r)) },
        ]);
        try {
          groups.values.forEach((v, k) => {
            if (v === FALLBACK) return;
            computed++;
            const hf = wb.value("S", k, 4);
            // A formula HyperFormula does not parse (1000%%, which Excel reads as 0.1) is kept by
            // recalc when HyperFormula would compute it: nothing to compare.
            if (hf !== null && typeof hf === "object" && hf.error === "#ERROR!") return;
            if (!same(v, hf))
              throw new Error(
                `=${texts[k]} over ${JSON.stringify(rows)}: group ${JSON.stringify(v)}, HyperFormula ${JSON.stringify(hf)}`,
              );
          });
        } finally {
          wb.destroy();
        }
      },
    ),
    { numRuns: 250, seed: 24 },
  );
  // Most random formulas are computed by the group, not left to HyperFormula.
  expect(computed).toBeGreaterThan(300);
});

/** The formula moved k rows down (its relative row references with it), as a column filled down has it. */
function shiftDown(formula: string, k: number): string {
  return formula.replace(/(\$?)([A-D])(\$?)(\d+)/g, (_m, ca: string, c: string, ra: string, r: string) =>
    ra ? `${ca}${c}${ra}${r}` : `${ca}${c}${Number(r) + k}`,
  );
}

test("a circular reference among a group's cells is left to HyperFormula", () => {
  const cells: GroupCell[] = [
    { sheet: 0, row: 0, col: 0, shape: "R[1]C+1", engineText: "=A2+1", cached: null },
    { sheet: 0, row: 1, col: 0, shape: "R[-1]C+1", engineText: "=A1+1", cached: null },
    { sheet: 0, row: 2, col: 0, shape: "R[-1]C*2", engineText: "=A2*2", cached: null },
  ];
  const groups = computeGroups(addin, cells, [[]], ["S"], () => false);
  expect(groups.values).toEqual([FALLBACK, FALLBACK, FALLBACK]);
});

test("a chain as long as a portfolio is computed without deep recursion", () => {
  const n = 50000;
  const cells: GroupCell[] = Array.from({ length: n }, (_, k) => ({
    sheet: 0,
    row: k + 1,
    col: 1,
    shape: "R[-1]C+R[0]C[-1]",
    engineText: `=B${k + 1}+A${k + 2}`,
    cached: null,
  }));
  const grid: RawCellContent[][] = Array.from({ length: n + 1 }, () => [1]);
  const groups = computeGroups(addin, cells, [grid], ["S"], () => false);
  expect(groups.values[n - 1]).toBe(n);
});

test("an error where Excel cached a value keeps Excel's value, and the cells reading it use it", () => {
  const cells: GroupCell[] = [
    { sheet: 0, row: 0, col: 1, shape: "a", engineText: "=1/A1", cached: 5 },
    { sheet: 0, row: 1, col: 1, shape: "b", engineText: "=B1*2", cached: 10 },
  ];
  const groups = computeGroups(addin, cells, [[[0]]], ["S"], (c) => typeof c === "number");
  expect(groups.engineErrors.get(0)).toBe("#DIV/0!");
  expect(groups.values[1]).toBe(10);
});

test("LOAN functions that return one value are computed as the plugin calls them", () => {
  const cells: GroupCell[] = [
    { sheet: 0, row: 0, col: 1, shape: "d", engineText: "=LOAN.DSCR(A1,300000)", cached: null },
    { sheet: 0, row: 1, col: 1, shape: "d2", engineText: '=LOAN.DSCR("n/a",300000)', cached: null },
  ];
  const groups = computeGroups(addin, cells, [[[405000]]], ["S"], () => false);
  const wb = new EngineWorkbook(addin, [
    {
      name: "S",
      cells: [
        [405000, "=LOAN.DSCR(A1,300000)"],
        [null, '=LOAN.DSCR("n/a",300000)'],
      ],
    },
  ]);
  try {
    expect(groups.values[0]).toBe(wb.value("S", 0, 1));
    expect(groups.values[1]).toEqual(wb.value("S", 1, 1));
  } finally {
    wb.destroy();
  }
});

test("a formula's shape: references relative to its cell; text, sheet names, functions and names as written", () => {
  expect(shapeKey("B3+$B$1", 2, 3)).toBe("R[0]C[-2]+R1C2");
  expect(shapeKey("A1*2", 0, 1)).toBe(shapeKey("A2*2", 1, 1));
  expect(shapeKey("A1*2", 0, 1)).not.toBe(shapeKey("A1*2", 1, 1));
  expect(shapeKey('"A1"&A1', 0, 1)).toBe('"A1"&R[0]C[-1]');
  expect(shapeKey("'Q1 2024'!A1+Sheet1!$C2", 0, 0)).toBe("'Q1 2024'!R[0]C[0]+Sheet1!R[1]C3");
  expect(shapeKey("'Q1 2024'!A1", 0, 0)).not.toBe(shapeKey("'Q2 2024'!A1", 0, 0));
  expect(shapeKey("LOG10(A1)+ATAN2(B2,C3)+Rate2024+_xlfn.STDEV.S(D4:D9)", 0, 0)).toBe(
    "LOG10(R[0]C[0])+ATAN2(R[1]C[1],R[2]C[2])+Rate2024+_xlfn.STDEV.S(R[3]C[3]:R[8]C[3])",
  );
});
