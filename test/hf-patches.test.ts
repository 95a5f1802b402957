/**
 * HyperFormula's internals as corrected by src/engine/hf-patches.ts: the dependency graph's
 * set of dependents (a performance fix that must not change what recalculates), empty text
 * in arithmetic, criteria and the final cancellation (their Excel sources are cited in
 * test/recalc-excel.test.ts).
 */
import path from "path";
import type { Addin } from "../src/engine/addin";
import { loadAddin } from "../src/engine/load-node";
import { EngineWorkbook, textCell } from "../src/engine/workbook";

let addin: Addin;
beforeAll(() => {
  addin = loadAddin(path.resolve(__dirname, "..", "dist"));
});

test("a cell read by many formulas: each recalculates, once, and stops when it no longer reads it", () => {
  const rows = 200;
  const wb = new EngineWorkbook(addin, [
    { name: "S", cells: [[2], ...Array.from({ length: rows }, (_, k) => [`=$A$1*${k + 1}+$A$1`])] },
  ]);
  try {
    wb.setCells("S", 0, 0, [[3]]);
    for (let k = 0; k < rows; k++) expect(wb.value("S", k + 1, 0)).toBe(3 * (k + 1) + 3);
    // One formula stops reading A1, then reads it again: the edge goes, then comes back.
    wb.setCells("S", 5, 0, [["=7"]]);
    wb.setCells("S", 0, 0, [[4]]);
    expect(wb.value("S", 5, 0)).toBe(7);
    expect(wb.value("S", 6, 0)).toBe(4 * 6 + 4);
    wb.setCells("S", 5, 0, [["=$A$1*100"]]);
    wb.setCells("S", 0, 0, [[5]]);
    expect(wb.value("S", 5, 0)).toBe(500);
    expect(wb.value("S", rows, 0)).toBe(5 * rows + 5);
  } finally {
    wb.destroy();
  }
});

test("empty text is not a number in arithmetic; an empty cell still is 0", () => {
  const wb = new EngineWorkbook(addin, [
    { name: "S", cells: [[textCell(""), null, "=A1*2", "=B1*2", '=""+1', "=LEN(A1)"]] },
  ]);
  try {
    expect(wb.value("S", 0, 2)).toMatchObject({ error: "#VALUE!" });
    expect(wb.value("S", 0, 3)).toBe(0);
    expect(wb.value("S", 0, 4)).toMatchObject({ error: "#VALUE!" });
    expect(wb.value("S", 0, 5)).toBe(0);
  } finally {
    wb.destroy();
  }
});

test("criteria: an empty cell is 0, a text criterion is unchanged", () => {
  const wb = new EngineWorkbook(addin, [
    {
      name: "S",
      cells: [
        [0, "a", null, "=COUNTIF(A1:A3,C1)", '=COUNTIF(B1:B3,"a")', '=COUNTIF(A1:A3,"")'],
        [0, "b"],
        [null, "a"],
      ],
    },
  ]);
  try {
    expect(wb.value("S", 0, 3)).toBe(2);
    expect(wb.value("S", 0, 4)).toBe(2);
    expect(wb.value("S", 0, 5)).toBe(1);
  } finally {
    wb.destroy();
  }
});
