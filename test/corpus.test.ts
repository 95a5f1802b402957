/**
 * The real-workbook conformance suite: every workbook of test/data/corpus/ (public test files
 * of Apache POI, SheetJS and ExcelJS, each project's licence beside them) is recalculated as
 * `loan recalc` does it, and every value it recomputes must be the expected one stored beside
 * the workbook (FILE.expected.json, made once by scripts/real-corpus.mjs: Excel's cached
 * values where Excel saved the file, LibreOffice's recalculation otherwise). A formula it does
 * not compute as Excel does must be kept (its reason listed), never written wrong.
 *
 * - Numbers agree within 1e-9 of the larger (or 1e-14 apart, below Excel's 15 digits of a
 *   value near 1: SIN(PI()) is 1.22E-16 in Excel and 1.22E-16 here, not bit for bit);
 *   text, logical values and error codes exactly.
 * - Volatile cells (NOW, TODAY, RAND… and what reads them) are recomputed but reported apart:
 *   they cannot agree with the day Excel saved the file.
 * - A circular reference iterated as the workbook says agrees within its maximum change.
 * - The output is the input with only cached values changed: every other part byte for byte,
 *   each sheet the same once its values (<v>, <is>, t="…") are set aside; the input unchanged.
 * - Every function on the tested list (src/engine/tested.ts) is exercised by this corpus
 *   (a recomputed cell that agrees) or by the formula corpus (test/data/conformance-corpus.json).
 */
import { createHash } from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { sheetRef } from "../src/plan/a1";
import type { Addin } from "../src/engine/addin";
import { formulaUses } from "../src/engine/formula-text";
import { loadAddin } from "../src/engine/load-node";
import { TESTED_FUNCTIONS, VOLATILE_FUNCTIONS } from "../src/engine/tested";
import { recalcXlsx, type RecalcSummary } from "../src/engine/xlsx";

type Value = number | string | boolean | { error: string } | null;
interface FormulaCell {
  formula: string;
  kind: string;
  value: Value;
}
interface Workbook {
  application: string;
  sheets: { name: string; cells: Map<string, FormulaCell> }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFormulaCells } = require("../scripts/xlsx-values.cjs") as {
  readFormulaCells(buffer: Buffer): Promise<Workbook>;
};

interface Expected {
  file: string;
  expected: string;
  iteration?: { delta: number };
  sheets: Record<string, Record<string, Value>>;
}
interface ManifestEntry {
  file: string;
  repo: string;
  sha256: string;
}

const CORPUS = path.join(__dirname, "data", "corpus");
const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as ManifestEntry[];

const RELATIVE = 1e-9;
const ABSOLUTE = 1e-14;

function agrees(got: Value | undefined, want: Value, tolerance = 0): boolean {
  if (typeof want === "number") {
    if (typeof got !== "number") return false;
    const diff = Math.abs(got - want);
    return diff <= Math.max(RELATIVE * Math.max(Math.abs(got), Math.abs(want)), ABSOLUTE, tolerance);
  }
  if (want !== null && typeof want === "object")
    return got !== null && typeof got === "object" && got !== undefined && got.error === want.error;
  // A formula whose result is an empty cell is written as 0 (as Excel caches it).
  if (want === null) return got === null || got === 0 || got === undefined;
  return got === want;
}

/** A worksheet's XML with its cells' values set aside: what must not change. */
function withoutValues(xml: string): string {
  return xml
    .replace(/<(\w+:)?v\s*\/>|<(\w+:)?v(\s[^>]*)?>[\s\S]*?<\/(\w+:)?v>/g, "")
    .replace(/<(\w+:)?is>[\s\S]*?<\/(\w+:)?is>/g, "")
    .replace(/(<(?:\w+:)?c\b[^>]*?)\s+t="[^"]*"/g, "$1");
}

interface FileResult {
  formulas: number;
  recomputed: number;
  kept: number;
  volatile: number;
  mismatches: string[];
  /** Functions of recomputed cells that agree. */
  exercised: Set<string>;
  reasons: Map<string, number>;
}

const results = new Map<string, FileResult>();
let addin: Addin;
let work: string;

beforeAll(() => {
  addin = loadAddin(path.resolve(__dirname, "..", "dist"));
  work = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  let formulas = 0;
  let recomputed = 0;
  let kept = 0;
  let volatile = 0;
  for (const r of results.values()) {
    formulas += r.formulas;
    recomputed += r.recomputed;
    kept += r.kept;
    volatile += r.volatile;
  }
  console.log(
    `Real-workbook corpus: ${results.size} workbooks, ${formulas} formula cells: ${recomputed} recomputed (${volatile} volatile, reported apart), ${kept} kept`,
  );
});

test("the corpus has at least 60 workbooks from the three projects, each with its licence and expectations", () => {
  expect(manifest.length).toBeGreaterThanOrEqual(60);
  const sources = new Set(manifest.map((m) => m.file.split("/")[0]));
  expect([...sources].sort()).toEqual(["exceljs", "poi", "sheetjs"]);
  for (const s of sources) expect(fs.existsSync(path.join(CORPUS, s, "LICENSE"))).toBe(true);
  for (const m of manifest) expect(fs.existsSync(path.join(CORPUS, `${m.file}.expected.json`))).toBe(true);
});

test.each(manifest.map((m) => [m.file, m] as const))("%s", async (file, entry) => {
  const input = path.join(CORPUS, file);
  const expected = JSON.parse(fs.readFileSync(`${input}.expected.json`, "utf8")) as Expected;
  const before = fs.readFileSync(input);
  expect(createHash("sha256").update(before).digest("hex")).toBe(entry.sha256);
  const output = path.join(work, file.replace(/\//g, "_"));
  const summary: RecalcSummary = await recalcXlsx(addin, input, output);
  expect(fs.readFileSync(input).equals(before)).toBe(true);

  const kept = new Map(summary.kept.map((k) => [k.address, k.reason]));
  const volatile = new Set(summary.volatile);
  const iterated = new Set(summary.iterated);
  const source = await readFormulaCells(before);
  const result = await readFormulaCells(fs.readFileSync(output));
  const r: FileResult = {
    formulas: 0,
    recomputed: 0,
    kept: 0,
    volatile: 0,
    mismatches: [],
    exercised: new Set(),
    reasons: new Map(),
  };
  source.sheets.forEach((sheet, i) => {
    const got = result.sheets[i].cells;
    const want = expected.sheets[sheet.name] ?? {};
    for (const [addr, cell] of sheet.cells) {
      r.formulas++;
      const where = `${sheetRef(sheet.name)}!${addr}`;
      const reason = kept.get(where);
      if (reason !== undefined || cell.kind === "dataTable-cell") {
        r.kept++;
        const key = (reason ?? "a data table's cell").replace(/^function \S+ /, "function … ");
        r.reasons.set(key, (r.reasons.get(key) ?? 0) + 1);
        continue;
      }
      r.recomputed++;
      if (volatile.has(where)) {
        r.volatile++;
        for (const fn of formulaUses(cell.formula).functions) if (VOLATILE_FUNCTIONS.has(fn)) r.exercised.add(fn);
        continue;
      }
      const value = got.get(addr)?.value;
      const tolerance = iterated.has(where) ? (expected.iteration?.delta ?? 0.001) : 0;
      if (!(addr in want) || agrees(value, want[addr], tolerance)) {
        for (const fn of formulaUses(cell.formula).functions) r.exercised.add(fn);
      } else {
        r.mismatches.push(
          `${where} =${cell.formula}: recalc ${JSON.stringify(value)}, expected ${JSON.stringify(want[addr])} (${expected.expected})`,
        );
      }
    }
  });
  results.set(file, r);
  expect(r.mismatches).toEqual([]);

  // Only cached values changed.
  const a = await JSZip.loadAsync(before);
  const b = await JSZip.loadAsync(fs.readFileSync(output));
  expect(Object.keys(b.files).sort()).toEqual(Object.keys(a.files).sort());
  for (const name of Object.keys(a.files)) {
    if (a.files[name].dir) continue;
    const x = await a.files[name].async("nodebuffer");
    const y = await b.files[name].async("nodebuffer");
    if (x.equals(y)) continue;
    expect(/worksheets\/[^/]+\.xml$/.test(name) ? withoutValues(y.toString("utf8")) : name).toBe(
      /worksheets\/[^/]+\.xml$/.test(name) ? withoutValues(x.toString("utf8")) : `${name} unchanged`,
    );
  }
});

test("every function on the tested list is exercised by a corpus", () => {
  const conformance = JSON.parse(fs.readFileSync(path.join(__dirname, "data", "conformance-corpus.json"), "utf8")) as {
    cases: { formula: string }[];
  };
  const exercised = new Set<string>();
  for (const c of conformance.cases) for (const fn of formulaUses(c.formula).functions) exercised.add(fn);
  for (const r of results.values()) for (const fn of r.exercised) exercised.add(fn);
  const missing = [...TESTED_FUNCTIONS].filter((fn) => !exercised.has(fn));
  expect(missing).toEqual([]);
});
