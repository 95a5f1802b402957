/**
 * HyperFormula's internals as corrected by src/engine/hf-patches.ts: the dependency graph's
 * set of dependents (a performance fix that must not change what recalculates), empty text
 * in arithmetic, criteria and the final cancellation (their Excel sources are cited in
 * test/recalc-excel.test.ts).
 */
import { HyperFormula } from "hyperformula";
import path from "path";
import type { Addin } from "../src/engine/addin";
import { loadAddin } from "../src/engine/load-node";
import { groupedAggregation, patchHyperFormula } from "../src/engine/hf-patches";
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

/**
 * SUMIF, COUNTIF and the …IFS with an equality criterion are answered from a grouped index
 * (hf-patches.ts, patchAggregation); every expected value below is worked out by hand from
 * the cells, as Excel documents its criteria: text matched whole and case-insensitively, a
 * number also matching text that reads as it ("5"), a blank cell matching neither, an error
 * in the summed range counted only where its row matches.
 */
describe("conditional aggregation with an equality criterion (grouped index)", () => {
  // A: the criteria range; B: the values; D: the formulas.
  const a = ["Apple", "apple", 5, textCell("5"), null, textCell("APPLE "), true, "Pear", 5.0000001];
  const b = [10, "=F1*2", 1, 2, 4, 8, 16, 32, 64];
  const formulas = [
    '=SUMIF(A1:A9,"apple",B1:B9)',
    '=COUNTIF(A1:A9,"APPLE")',
    "=SUMIF(A1:A9,5,B1:B9)",
    '=SUMIF(A1:A9,"5",B1:B9)',
    "=COUNTIF(A1:A9,TRUE)",
    '=SUMIF(A1:A9,"pear",B1:B9)',
    '=SUMIF(A1:A9,"banana",B1:B9)',
    '=SUMIF(A1:A9,"app*",B1:B9)',
    '=COUNTIF(A1:A9,"<>apple")',
    '=SUMIFS(B1:B9,A1:A9,"apple",B1:B9,20)',
    "=COUNTIFS(A1:A9,5,B1:B9,2)",
    "=COUNTIF(A1:A9,C1)",
    "=SUMIF(A1:A9,G1,B1:B9)",
    "=SUMIF(A1:A9,5.0000001,B1:B9)",
    '=AVERAGEIF(A1:A9,"apple",B1:B9)',
  ];
  const sheet = () => {
    const rows = Math.max(a.length, formulas.length);
    return Array.from({ length: rows }, (_, r) => [
      a[r] ?? null,
      b[r] ?? null,
      null,
      formulas[r] ?? null,
      null,
      r === 0 ? 10 : null,
      r === 0 ? "PEAR" : null,
    ]);
  };
  const column = (wb: EngineWorkbook) => formulas.map((_, r) => wb.value("S", r, 3));

  test("numbers, text in any case, text that reads as a number, blanks, booleans; other criteria as before", () => {
    const wb = new EngineWorkbook(addin, [{ name: "S", cells: sheet() }]);
    try {
      expect(column(wb)).toEqual([
        30, // "Apple" 10 + "apple" 20 ("APPLE " has a trailing space)
        2,
        3, // 5 → 1, "5" → 2
        3,
        1,
        32,
        0,
        38, // app*: Apple, apple, APPLE  → 10 + 20 + 8 (HyperFormula's wildcard path)
        7, // <>apple: the 9 cells less the 2 (the blank counts) (HyperFormula's path)
        20,
        1,
        0, // C1 blank: the criterion 0, which no cell holds (a blank is not 0 here)
        32, // G1 "PEAR"
        64, // 5.0000001 is not 5
        15, // (10 + 20) / 2
      ]);
    } finally {
      wb.destroy();
    }
  });

  test("values and criteria changed afterwards: the index follows every change", () => {
    const wb = new EngineWorkbook(addin, [{ name: "S", cells: sheet() }]);
    try {
      column(wb);
      // A summed value (B1), then one computed from another cell (B2 = F1*2).
      wb.setCells("S", 0, 1, [[11]]);
      expect(wb.value("S", 0, 3)).toBe(31);
      wb.setCells("S", 0, 5, [[15]]);
      expect(wb.value("S", 0, 3)).toBe(41);
      expect(wb.value("S", 9, 3)).toBe(0); // SUMIFS(…,"apple",…,20): B2 is now 30
      // A criteria cell: "Pear" (32) becomes "APPLE", a blank becomes 5.
      wb.setCells("S", 7, 0, [["APPLE"]]);
      wb.setCells("S", 4, 0, [[5]]);
      expect(column(wb)).toEqual([
        73, // 11 + 30 + 32
        3,
        7, // 1 + 2 + 4
        7,
        1,
        0,
        0,
        81, // 11 + 30 + 8 + 32
        6, // 9 − 3
        0,
        1,
        0,
        0, // no "PEAR" left
        64,
        73 / 3,
      ]);
      // The criterion cell itself.
      wb.setCells("S", 0, 6, [["apple"]]);
      expect(wb.value("S", 12, 3)).toBe(73);
      // Cleared: the rows fall out of their groups.
      wb.setCells("S", 0, 0, [[null]]);
      wb.setCells("S", 1, 0, [[null]]);
      expect(wb.value("S", 0, 3)).toBe(32);
      expect(wb.value("S", 1, 3)).toBe(1);
    } finally {
      wb.destroy();
    }
  });

  test("an error in the summed range counts only where its row matches; one in the criteria never", () => {
    const wb = new EngineWorkbook(addin, [
      {
        name: "S",
        cells: [
          [
            "x",
            1,
            '=SUMIF(A1:A4,"x",B1:B4)',
            '=SUMIF(A1:A4,"y",B1:B4)',
            '=COUNTIF(A1:A4,"x")',
            "=SUMIF(A1:A4,5,B1:B4)",
          ],
          ["y", "=1/0"],
          ["x", 2],
          ["=NA()", 4],
        ],
      },
    ]);
    try {
      expect(wb.value("S", 0, 2)).toBe(3);
      expect(wb.value("S", 0, 3)).toMatchObject({ error: "#DIV/0!" });
      expect(wb.value("S", 0, 4)).toBe(2);
      expect(wb.value("S", 0, 5)).toBe(0);
      // The error fixed: the "y" row sums again.
      wb.setCells("S", 1, 1, [[7]]);
      expect(wb.value("S", 0, 3)).toBe(7);
      // Now in an "x" row.
      wb.setCells("S", 2, 1, [["=NA()"]]);
      expect(wb.value("S", 0, 2)).toMatchObject({ error: "#N/A" });
      expect(wb.value("S", 0, 3)).toBe(7);
    } finally {
      wb.destroy();
    }
  });

  test("a roll-up over named ranges: 2,000 rows, 500 keys, each total as summed row by row", () => {
    const n = 2000;
    const keys = (i: number) => `G${(i * 7) % 500}`;
    const amount = (i: number) => 1000 + ((i * 7919) % 10_000);
    const rows = Array.from({ length: n }, (_, i) => [
      keys(i),
      amount(i),
      i < 500 ? `G${i}` : null,
      i < 500 ? "=SUMIF(Keys,C" + (i + 1) + ",Amounts)" : null,
      i < 500 ? "=COUNTIF(Keys,C" + (i + 1) + ")" : null,
    ]);
    const before = { ...groupedAggregation };
    const wb = new EngineWorkbook(
      addin,
      [{ name: "S", cells: rows }],
      [
        { name: "Keys", expression: `=S!$A$1:$A$${n}` },
        { name: "Amounts", expression: `=S!$B$1:$B$${n}` },
      ],
    );
    const expected = (shift: number) => {
      const sums = new Map<string, number>();
      const counts = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        sums.set(keys(i), (sums.get(keys(i)) ?? 0) + amount(i) + (i === 0 ? shift : 0));
        counts.set(keys(i), (counts.get(keys(i)) ?? 0) + 1);
      }
      return { sums, counts };
    };
    try {
      // One index for the SUMIFs and one for the COUNTIFs, not a scan per key.
      expect(groupedAggregation.indexes - before.indexes).toBe(2);
      expect(groupedAggregation.answers - before.answers).toBe(1000);
      let e = expected(0);
      for (let g = 0; g < 500; g++) {
        expect(wb.value("S", g, 3)).toBe(e.sums.get(`G${g}`));
        expect(wb.value("S", g, 4)).toBe(e.counts.get(`G${g}`));
      }
      wb.setCells("S", 0, 1, [[amount(0) + 5]]);
      e = expected(5);
      for (let g = 0; g < 500; g++) expect(wb.value("S", g, 3)).toBe(e.sums.get(`G${g}`));
      // The amounts changed, so the SUMIFs' index was built again; the names did not, so the COUNTIFs' was kept.
      expect(groupedAggregation.indexes - before.indexes).toBe(3);
      // A key changed (only the grouped path reads these ranges): row 1 moves from G0 to G1.
      wb.setCells("S", 0, 0, [["g1"]]);
      expect(wb.value("S", 0, 3)).toBe((e.sums.get("G0") as number) - amount(0) - 5);
      expect(wb.value("S", 1, 3)).toBe((e.sums.get("G1") as number) + amount(0) + 5);
      expect(wb.value("S", 0, 4)).toBe(3);
      expect(wb.value("S", 1, 4)).toBe(5);
      expect(wb.value("S", 2, 3)).toBe(e.sums.get("G2"));
    } finally {
      wb.destroy();
    }
  });
});

/**
 * MATCH(x, range, 0) from an index of the range's positions, and INDEX reading its one cell
 * (hf-patches.ts, patchExactMatch and patchIndex). Expected values by hand, as Excel's MATCH
 * documents type 0: the first value exactly equal, text case-insensitively, a number not
 * matching text that reads as it, #N/A when none.
 */
describe("exact MATCH and INDEX over a range", () => {
  // A the keys, B and C values; formulas in D (and E, F, G).
  const cells = () => [
    ["Apple", 10, 100, '=MATCH("APPLE",A1:A8,0)', "=INDEX(B1:B8,D1)", "=INDEX(B1:C8,D3,2)", "=MATCH(F1,B1:C1,0)"],
    ["apple", 20, 200, "=MATCH(5,A1:A8,0)", "=INDEX(C1:C8,D2)", null, "x"],
    ["Pear", 30, 300, '=MATCH("5",A1:A8,0)', '=MATCH("b",A10:C10,0)'],
    [5, 40, 400, "=MATCH(TRUE,A1:A8,0)"],
    [textCell("5"), 50, 500, '=MATCH("zzz",A1:A8,0)'],
    [true, 60, 600, "=INDEX(B1:B8,MATCH(G2,A1:A8,0))"],
    [null, 70, 700],
    ["x", 80, 800],
    [],
    ["a", "b", "B"],
  ];
  const formulas: [number, number][] = [
    [0, 3],
    [0, 4],
    [0, 5],
    [0, 6],
    [1, 3],
    [1, 4],
    [2, 3],
    [2, 4],
    [3, 3],
    [4, 3],
    [5, 3],
  ];
  const values = (wb: EngineWorkbook) => formulas.map(([r, c]) => wb.value("S", r, c));
  const na = expect.objectContaining({ error: "#N/A" });

  test("the first exact match, text in any case, numbers and text apart; INDEX the one cell", () => {
    const wb = new EngineWorkbook(addin, [{ name: "S", cells: cells() }]);
    try {
      expect(values(wb)).toEqual([
        1, // "Apple" before "apple"
        10, // B1
        500, // D3 = 5 (the text "5" in A5) → C5
        na, // 500 is not in B1:C1
        4, // the number 5 (A4), not the text "5"
        400, // C4
        5, // the text "5"
        2, // "b" in A10:C10, the first of "b" and "B"
        6, // TRUE
        na,
        80, // G2 "x" → row 8
      ]);
    } finally {
      wb.destroy();
    }
  });

  test("keys and values changed afterwards: the lookups follow", () => {
    const wb = new EngineWorkbook(addin, [{ name: "S", cells: cells() }]);
    try {
      values(wb);
      wb.setCells("S", 0, 0, [["Plum"]]); // A1: "apple" is now first in A2
      expect(wb.value("S", 0, 3)).toBe(2);
      expect(wb.value("S", 0, 4)).toBe(20);
      wb.setCells("S", 1, 1, [[21]]); // B2, read by INDEX
      expect(wb.value("S", 0, 4)).toBe(21);
      wb.setCells("S", 1, 0, [[null]]); // A2 cleared: no "apple" left…
      expect(wb.value("S", 0, 3)).toMatchObject({ error: "#N/A" });
      wb.setCells("S", 6, 0, [["APPLE"]]); // …until one is typed in the blank A7
      expect(wb.value("S", 0, 3)).toBe(7);
      expect(wb.value("S", 0, 4)).toBe(70);
      wb.setCells("S", 4, 0, [["zzz"]]); // A5: the text "5" goes, "zzz" comes
      expect(wb.value("S", 2, 3)).toMatchObject({ error: "#N/A" });
      expect(wb.value("S", 4, 3)).toBe(5);
      expect(wb.value("S", 0, 5)).toMatchObject({ error: "#N/A" }); // INDEX(…, #N/A, 2)
      wb.setCells("S", 1, 6, [["pear"]]); // G2
      expect(wb.value("S", 5, 3)).toBe(30);
      wb.setCells("S", 9, 1, [["c"]]); // B10: "B" in C10 is now the first "b"
      expect(wb.value("S", 2, 4)).toBe(3);
    } finally {
      wb.destroy();
    }
  });
});

test("the indexes follow rows inserted and removed inside their ranges", () => {
  // HyperFormula directly (the engine's workbook has no row operations), with the patches.
  patchHyperFormula();
  const hf = HyperFormula.buildFromArray(
    [
      ["a", 1, '=MATCH("c",A1:A4,0)', '=SUMIF(A1:A4,"c",B1:B4)', "=INDEX(B1:B4,3)"],
      ["b", 2],
      ["c", 3],
      ["d", 4],
    ],
    { licenseKey: "gpl-v3" },
  );
  const row1 = () => [2, 3, 4].map((col) => hf.getCellValue({ sheet: 0, row: 0, col }));
  try {
    expect(row1()).toEqual([3, 3, 3]);
    hf.addRows(0, [1, 1]); // a, (blank), b, c, d
    expect(row1()).toEqual([4, 3, 2]);
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, [["C"]]); // a, C, b, c, d
    expect(row1()).toEqual([2, 3, 2]);
    hf.removeRows(0, [1, 2]); // a, c, d
    expect(row1()).toEqual([2, 3, 4]);
  } finally {
    hf.destroy();
  }
});
