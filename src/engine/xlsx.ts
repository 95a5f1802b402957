/**
 * Recalculates an .xlsx workbook outside Excel: reads it with ExcelJS, computes every
 * formula with the engine (Excel's built-ins and the add-in's LOAN.* functions), and writes
 * the results as cached values next to the formulas, so that a colleague without the
 * add-in opens it and sees numbers. Formats, styles, names, column widths and the other
 * sheets are kept as ExcelJS reads them.
 *
 * Formula text in a file differs from what is typed: newer built-ins carry prefixes
 * (`_xlfn.`, `_xlws.`) and Office add-in functions are stored as `_xldudf_LOAN_PAYMENT`.
 * The engine computes a normalized copy; the file keeps its own text.
 */
import fs from "fs";
import v8 from "v8";
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import { parseRange, sheetRef } from "../plan/a1";
import type { Addin } from "./addin";
import { cellIssue, fileValue, spilledFormula, writeSpillValues, type CellIssue } from "./cells";
import { NOT_COMPUTED } from "./excel-compat";
import { ENGINE_MSG as M } from "./messages";
import { FileProblem, writeAtomically, zipUncompressedSize } from "./safe-io";
import { EngineWorkbook, textCell, type CellResult, type NameInput } from "./workbook";

export type { CellIssue } from "./cells";

export class RecalcError extends Error {}

export interface RecalcOptions {
  /** Write values only, replacing each formula by its result. */
  valuesOnly?: boolean;
  /** Limits other than the defaults (see defaultLimits). */
  limits?: Partial<RecalcLimits>;
  /** Writes the workbook to a file (the temporary file beside the output); tests make it fail. */
  writeWorkbook?: (book: ExcelJS.Workbook, file: string) => Promise<void>;
  /** Called as the work advances: a phase and a fraction done (0 to 1). */
  onProgress?: (phase: "read" | "compute" | "write", fraction: number) => void;
}

export interface RecalcSummary {
  sheets: { name: string; formulas: number }[];
  formulas: number;
  /** Formulas computed by the engine (the others kept Excel's cached value). */
  recomputed: number;
  errors: CellIssue[];
  /** Formulas the engine cannot compute faithfully: Excel's cached value is kept, with why. */
  kept: KeptCell[];
  /** Functions the engine does not know, with how many cells use them. */
  unsupported: { name: string; cells: number }[];
}

/**
 * Why a computed error is the engine's limitation rather than the workbook's, or undefined
 * for an error Excel would give too (#DIV/0!, #N/A from a lookup or a LOAN function…).
 */
export function keptReason(result: CellResult): string | undefined {
  if (result === null || typeof result !== "object") return undefined;
  const message = result.message ?? "";
  if (message.startsWith(NOT_COMPUTED)) return message.slice(NOT_COMPUTED.length).trim();
  const fn = /^Function name (.+) not recognized/i.exec(message);
  if (fn) return M.notImplemented(fn[1]);
  const name = /^Named expression (.+) not recognized/i.exec(message);
  if (name) return M.nameNotDefined(name[1]);
  if (result.error === "#ERROR!" || /^Parsing error/i.test(message)) return M.syntax();
  return undefined;
}

/**
 * Rewrites a formula from a file into what the engine parses: without the `_xlfn.` /
 * `_xlws.` prefixes of newer built-ins, add-in functions under their typed names, and
 * quotes inside text ("say ""hi""", which HyperFormula cannot parse) as CHAR(34).
 */
export function normalizeFormula(formula: string, namespace = "LOAN"): string {
  const udf = new RegExp(`_xldudf_${namespace}[._]`, "gi");
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    const code = quote < 0 ? formula.slice(i) : formula.slice(i, quote);
    out += code.replace(/_xlfn\.|_xlws\.|_xlpm\./gi, "").replace(udf, `${namespace}.`);
    if (quote < 0) break;
    // A text literal: up to the closing quote that is not doubled.
    const parts: string[] = [];
    let j = quote + 1;
    let cur = "";
    for (; j < formula.length; j++) {
      if (formula[j] !== '"') cur += formula[j];
      else if (formula[j + 1] === '"') {
        parts.push(cur);
        cur = "";
        j++;
      } else break;
    }
    parts.push(cur);
    out += parts.length === 1 ? `"${cur}"` : `(${parts.map((p) => `"${p}"`).join("&CHAR(34)&")})`;
    i = j + 1;
  }
  return out;
}

/** Reads the first bytes to tell an .xlsx from the files people mistake for one. */
function checkContainer(path: string): void {
  if (fs.existsSync(path) && fs.statSync(path).isDirectory()) throw new RecalcError(M.inputIsFolder(path));
  let fd: number;
  try {
    fd = fs.openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new RecalcError(M.noSuchFile(path));
    if (code === "EISDIR") throw new RecalcError(M.inputIsFolder(path));
    throw new RecalcError(M.cannotRead(path, code ?? String(e)));
  }
  const head = Buffer.alloc(8);
  const read = fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  if (read >= 4 && head.readUInt32BE(0) === 0x504b0304) return; // a zip container, as .xlsx is
  if (read >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new RecalcError(M.encrypted(path));
  }
  throw new RecalcError(M.notXlsx(path, read === 0));
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell's content as the engine takes it. */
function engineContent(cell: ExcelJS.Cell, namespace: string): RawCellContent {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  // Text is data whatever its first character ("=1+1", "'", "12/31/2024" stay text).
  if (typeof v === "string") return textCell(v);
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if (cell.formula) return `=${normalizeFormula(cell.formula, namespace)}`;
  if (typeof v === "object") {
    if ("richText" in v) return textCell(v.richText.map((t) => t.text).join(""));
    if ("error" in v) return v.error;
    if ("text" in v && typeof v.text === "string") return textCell(v.text);
    if ("result" in v) return (v.result as RawCellContent) ?? null;
  }
  return null;
}

interface FormulaCellRef {
  sheet: string;
  cell: ExcelJS.Cell;
}

/** Reads the workbook into the engine's input; records formula cells and old spill areas. */
function readBook(book: ExcelJS.Workbook, namespace: string, onProgress?: RecalcOptions["onProgress"]) {
  const sheets: { name: string; cells: RawCellContent[][] }[] = [];
  const formulas: FormulaCellRef[] = [];
  const oldSpills: { sheet: string; top: number; left: number; bottom: number; right: number }[] = [];
  const total = book.worksheets.length;
  book.worksheets.forEach((ws, i) => {
    const cells: RawCellContent[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: RawCellContent[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        line[c - 1] = engineContent(cell, namespace);
        if (cell.formula) {
          formulas.push({ sheet: ws.name, cell });
          const value = cell.value as { shareType?: string; ref?: string };
          if (value.shareType === "array" && value.ref) oldSpills.push({ sheet: ws.name, ...parseRange(value.ref) });
        }
      });
      cells[r - 1] = Array.from(line, (x) => x ?? null);
    });
    sheets.push({ name: ws.name, cells: Array.from(cells, (x) => x ?? []) });
    onProgress?.("read", (i + 1) / total);
  });
  // Values Excel cached inside a spilled range are results, not inputs: blank them so the
  // engine's own spill has room, and so a smaller spill leaves no stale numbers behind.
  for (const s of oldSpills) {
    const grid = sheets.find((x) => x.name === s.sheet)!.cells;
    for (let r = s.top; r <= s.bottom; r++) {
      for (let c = s.left; c <= s.right; c++) {
        if (r === s.top && c === s.left) continue;
        if (grid[r] && grid[r][c] !== undefined) grid[r][c] = null;
      }
    }
  }
  const names: NameInput[] = [];
  for (const n of (
    book.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }
  ).model) {
    if (n.ranges.length !== 1) continue; // unions of ranges are not supported; cells using them show #NAME?
    const sheet = n.localSheetId !== undefined ? book.worksheets[n.localSheetId]?.name : undefined;
    names.push({ name: n.name, expression: `=${n.ranges[0]}`, ...(sheet ? { sheet } : {}) });
  }
  return { sheets, formulas, oldSpills, names };
}

/** Excel's cached result of a formula cell, as the engine takes it (text as text). */
function cachedContent(cell: ExcelJS.Cell): RawCellContent {
  const v = (cell.value as { result?: unknown } | null)?.result;
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return textCell(v);
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if (typeof v === "object" && "error" in v) return (v as { error: string }).error;
  return null;
}

/** Significant digits of each number inside a text: more than 15 is a float Excel would have shown to 15. */
function joinedNumberReason(formula: string, result: CellResult): string | undefined {
  if (typeof result !== "string" || !/&|CONCAT/i.test(formula)) return undefined;
  for (const m of result.matchAll(/\d+(?:\.\d+)?/g)) {
    const digits = m[0].replace(".", "").replace(/^0+/, "");
    if (digits.length > 15) return M.joinedNumber();
  }
  return undefined;
}

/** The limits checked before the engine is built (sensible defaults; flags override them). */
export interface RecalcLimits {
  /** The workbook's uncompressed size (its XML parts together), in bytes. */
  maxUncompressedBytes: number;
  /** Non-empty cells in all sheets. */
  maxCells: number;
}

/**
 * Memory a workbook needs, measured (docs/benchmarks.md, "recalc at scale": 160,008 cells,
 * 10.0 MB of sheet XML, 501 MB peak): ExcelJS's copy and the engine's together take about
 * 2.5 KB a cell, about 40 bytes per byte of the workbook's XML.
 */
export const BYTES_PER_CELL = 2500;
export const BYTES_PER_XML_BYTE = 40;

/** Limits that fit in 60 % of Node's heap (its limit is set with --max-old-space-size). */
export function defaultLimits(heapBytes = heapLimit()): RecalcLimits {
  const budget = heapBytes * 0.6;
  return {
    maxUncompressedBytes: Math.max(1, Math.floor(budget / BYTES_PER_XML_BYTE / 1024 / 1024)) * 1024 * 1024,
    maxCells: Math.max(100_000, Math.floor(budget / BYTES_PER_CELL / 100_000) * 100_000),
  };
}

/** Node's heap limit (set with --max-old-space-size). */
function heapLimit(): number {
  return v8.getHeapStatistics().heap_size_limit;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-US")} MB`;

/** A cell Excel's value was kept for, and why. */
export interface KeptCell {
  address: string;
  reason: string;
}

/** Recalculates `input` and writes the result to `output` (which may equal input only if asked). */
export async function recalcXlsx(
  addin: Addin,
  input: string,
  output: string,
  options: RecalcOptions = {},
): Promise<RecalcSummary> {
  checkContainer(input);
  const limits = { ...defaultLimits(), ...options.limits };
  const unpacked = zipUncompressedSize(input);
  if (unpacked === undefined) throw new RecalcError(M.corrupt(input));
  if (unpacked > limits.maxUncompressedBytes) {
    throw new RecalcError(
      M.overMaxSize(
        input,
        Number.isFinite(unpacked) ? mb(unpacked) : M.moreThan4GB(),
        mb(limits.maxUncompressedBytes),
        mb(unpacked * BYTES_PER_XML_BYTE),
      ),
    );
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(input);
  } catch (e) {
    throw new RecalcError(M.corruptBecause(input, e instanceof Error ? e.message : String(e)));
  }
  const namespace = addin.namespace;
  const { sheets, formulas, oldSpills, names } = readBook(book, namespace, options.onProgress);
  let cellCount = 0;
  for (const s of sheets)
    for (const row of s.cells) for (const c of row) if (c !== null && c !== undefined) cellCount++;
  if (cellCount > limits.maxCells) {
    throw new RecalcError(
      M.overMaxCells(
        input,
        cellCount.toLocaleString("en-US"),
        formulas.length.toLocaleString("en-US"),
        limits.maxCells.toLocaleString("en-US"),
        mb(cellCount * BYTES_PER_CELL),
      ),
    );
  }

  options.onProgress?.("compute", 0);
  const engine = new EngineWorkbook(addin, sheets, names);
  options.onProgress?.("compute", 0.8);

  // Cells the engine cannot compute faithfully keep Excel's cached value, in the engine
  // too, so the cells that read them are computed from Excel's value (a few rounds: a
  // kept cell can reveal another once the error it propagated is gone).
  const kept = new Map<FormulaCellRef, string>();
  for (let round = 0; round < 4; round++) {
    const found: { f: FormulaCellRef; reason: string }[] = [];
    for (const f of formulas) {
      if (kept.has(f)) continue;
      const row = Number(f.cell.row) - 1;
      const col = Number(f.cell.col) - 1;
      const result = engine.value(f.sheet, row, col);
      const limitation = keptReason(result);
      const reason =
        limitation !== undefined
          ? engine.errorArisesAt(f.sheet, row, col)
            ? limitation
            : undefined
          : joinedNumberReason(f.cell.formula, result);
      if (reason !== undefined) found.push({ f, reason });
    }
    if (found.length === 0) break;
    for (const k of found) kept.set(k.f, k.reason);
    engine.setConstants(
      found.map(({ f }) => ({
        sheet: f.sheet,
        row: Number(f.cell.row) - 1,
        col: Number(f.cell.col) - 1,
        content: cachedContent(f.cell),
      })),
    );
  }
  options.onProgress?.("compute", 1);

  const summary: RecalcSummary = {
    sheets: sheets.map((s) => ({ name: s.name, formulas: formulas.filter((f) => f.sheet === s.name).length })),
    formulas: formulas.length,
    recomputed: formulas.length - kept.size,
    errors: [],
    kept: [],
    unsupported: [],
  };
  const unsupported = new Map<string, number>();
  const spilledInto = new Set<string>();

  formulas.forEach((f, i) => {
    const ws = book.getWorksheet(f.sheet)!;
    const row = Number(f.cell.row) - 1;
    const col = Number(f.cell.col) - 1;
    const where = `${sheetRef(f.sheet)}!${f.cell.address}`;
    const reason = kept.get(f);
    if (reason !== undefined) {
      summary.kept.push({ address: where, reason });
      const fn = /^function (\S+) is not implemented/.exec(reason);
      if (fn) unsupported.set(fn[1], (unsupported.get(fn[1]) ?? 0) + 1);
      if (options.valuesOnly) f.cell.value = (f.cell.value as { result?: ExcelJS.CellValue }).result ?? null;
      return;
    }
    const result = engine.value(f.sheet, row, col);
    const issue = cellIssue(where, result);
    if (issue) summary.errors.push(issue);
    const spill = engine.spillSize(f.sheet, row, col);
    const original = f.cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    if (options.valuesOnly) f.cell.value = fileValue(result);
    else if (spill) f.cell.value = spilledFormula(f.cell.formula, result, row, col, spill);
    else f.cell.value = { ...original, result: fileValue(result) } as ExcelJS.CellValue;
    if (spill)
      writeSpillValues(ws, engine, f.sheet, row, col, spill, (r, c) => spilledInto.add(`${f.sheet}!${r}:${c}`));
    if (i % 500 === 0) options.onProgress?.("write", i / Math.max(1, formulas.length));
  });
  // Cells of an old spill that the new one no longer covers held only Excel's cached results.
  for (const s of oldSpills) {
    const ws = book.getWorksheet(s.sheet)!;
    for (let r = s.top; r <= s.bottom; r++) {
      for (let c = s.left; c <= s.right; c++) {
        if ((r === s.top && c === s.left) || spilledInto.has(`${s.sheet}!${r}:${c}`)) continue;
        ws.getRow(r + 1).getCell(c + 1).value = null;
      }
    }
  }
  summary.unsupported = [...unsupported].map(([name, cells]) => ({ name, cells }));
  engine.destroy();
  const write = options.writeWorkbook ?? ((b: ExcelJS.Workbook, file: string) => b.xlsx.writeFile(file));
  try {
    await writeAtomically(output, (temp) => write(book, temp));
  } catch (e) {
    if (e instanceof FileProblem) throw new RecalcError(e.message);
    throw e;
  }
  options.onProgress?.("write", 1);
  return summary;
}
