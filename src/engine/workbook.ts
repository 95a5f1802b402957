/**
 * A workbook computed by HyperFormula with the add-in's functions registered: Excel's
 * built-ins and LOAN.* side by side, one dependency graph, dynamic arrays that spill.
 *
 * Spill sizes. HyperFormula fixes a formula's output size when it parses the formula, and
 * a LOAN.* schedule's size depends on its arguments' values (termYears × paymentsPerYear).
 * So after building, the formulas that may spill are entered again, once their inputs have
 * values, until the predicted sizes stop changing (a chain of spills feeding spills settles
 * in as many rounds as it is long; the loop is bounded).
 */
import { HyperFormula, DetailedCellError, type RawCellContent, type SerializedNamedExpression } from "hyperformula";
import type { Addin } from "./addin";
import { EXCEL_CONFIG, EXCEL_NAMES, registerExcelCompat } from "./excel-compat";
import { registerPlugin, type LoanPlugin } from "./plugin";

export interface SheetInput {
  name: string;
  /**
   * Row-major cells: numbers, text, booleans, null for blank, "=…" for formulas. Text that
   * must stay text whatever it looks like (a file's text cells) goes through `textCell`.
   */
  cells: RawCellContent[][];
}

/**
 * Text as the engine stores it as text: HyperFormula reads "=1+1" as a formula and "1.5",
 * "TRUE" or "12/31/2024" as a number, boolean or date; a leading apostrophe makes any of
 * them text (the apostrophe is not part of the value).
 */
export function textCell(text: string): string {
  return `'${text}`;
}

export interface NameInput {
  name: string;
  /** What the name refers to, as a formula: "=Sheet1!$B$2" or "='Deal inputs'!$B$2:$B$9". */
  expression: string;
  /** The sheet a sheet-scoped name belongs to. */
  sheet?: string;
}

export type CellResult = number | string | boolean | null | { error: string; message?: string };

const MAX_SETTLE_ROUNDS = 8;

export interface WorkbookOptions {
  /** Extra HyperFormula configuration (tests and benchmarks). */
  config?: Record<string, unknown>;
}

interface FormulaCell {
  sheet: number;
  row: number;
  col: number;
  formula: string;
}

export class EngineWorkbook {
  readonly hf: HyperFormula;
  private readonly plugin: LoanPlugin;
  private readonly spilling: RegExp | undefined;
  /** The formulas whose results may spill, by "sheet:row:col". */
  private readonly spillCells = new Map<string, FormulaCell>();

  constructor(addin: Addin, sheets: SheetInput[], names: NameInput[] = [], options: WorkbookOptions = {}) {
    registerExcelCompat();
    this.plugin = registerPlugin(addin);
    const sheetMap = Object.fromEntries(sheets.map((s) => [s.name, s.cells]));
    // Excel's TRUE and FALSE first; a workbook cannot define names of its own called so.
    const own = names.filter((n) => !EXCEL_NAMES.some((x) => x.name === n.name.toUpperCase()));
    const serializedNames: SerializedNamedExpression[] = [...EXCEL_NAMES, ...own].map((n: NameInput) => ({
      name: n.name,
      expression: n.expression,
      ...(n.sheet !== undefined ? { scope: sheets.findIndex((s) => s.name === n.sheet) } : {}),
    }));
    this.hf = HyperFormula.buildFromSheets(sheetMap, { ...EXCEL_CONFIG, ...options.config }, serializedNames);
    this.spilling = this.spillingCalls();
    sheets.forEach((s) => {
      const sheet = this.sheetId(s.name);
      s.cells.forEach((row, r) => row.forEach((cell, c) => this.track(sheet, r, c, cell)));
    });
    this.settleSpills();
  }

  private track(sheet: number, row: number, col: number, content: RawCellContent): void {
    const key = `${sheet}:${row}:${col}`;
    if (this.spilling && typeof content === "string" && content.startsWith("=") && this.spilling.test(content)) {
      this.spillCells.set(key, { sheet, row, col, formula: content });
    } else this.spillCells.delete(key);
  }

  /** Adds an empty sheet (a name no sheet has) and returns its name. */
  addSheet(name: string): string {
    return this.hf.addSheet(name);
  }

  /** Removes a sheet. */
  removeSheet(name: string): void {
    const id = this.sheetId(name);
    for (const key of [...this.spillCells.keys()]) if (key.startsWith(`${id}:`)) this.spillCells.delete(key);
    this.hf.removeSheet(id);
    this.settleSpills();
  }

  /** Sheet names, in order. */
  get sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  /** Adds a name (workbook-wide, or scoped to a sheet). */
  addName(name: string, expression: string, sheet?: string): void {
    this.hf.addNamedExpression(name, expression, sheet === undefined ? undefined : this.sheetId(sheet));
  }

  /** The formula of a cell ("=…"), or undefined for a value. */
  formula(sheet: string, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet: this.sheetId(sheet), row, col });
  }

  /**
   * Changes cells (values or formulas) and recalculates, settling spills whose size changed.
   * `cells` is a block of contents whose top-left corner is (row, col).
   */
  setCells(sheet: string, row: number, col: number, cells: RawCellContent[][]): void {
    const id = this.sheetId(sheet);
    this.hf.batch(() => {
      this.hf.setCellContents({ sheet: id, row, col }, cells);
      cells.forEach((line, r) => line.forEach((content, c) => this.track(id, row + r, col + c, content)));
    });
    this.settleSpills();
  }

  /**
   * Replaces cells by constants in one recalculation (recalc keeps Excel's cached value
   * where the engine cannot compute a formula): each entry is a sheet, a 0-based cell and
   * its content.
   */
  setConstants(cells: { sheet: string; row: number; col: number; content: RawCellContent }[]): void {
    if (cells.length === 0) return;
    this.hf.batch(() => {
      for (const c of cells) {
        const id = this.sheetId(c.sheet);
        this.hf.setCellContents({ sheet: id, row: c.row, col: c.col }, [[c.content]]);
        this.track(id, c.row, c.col, c.content);
      }
    });
    this.settleSpills();
  }

  /** Whether the error a cell shows arose in that cell (not in a cell it reads). */
  errorArisesAt(sheet: string, row: number, col: number): boolean {
    const id = this.sheetId(sheet);
    const v = this.hf.getCellValue({ sheet: id, row, col });
    if (!(v instanceof DetailedCellError)) return false;
    if (v.address === undefined) {
      // Parse errors carry no origin: the cell's own formula decides.
      const formula = this.hf.getCellFormula({ sheet: id, row, col });
      return formula === undefined || !this.hf.validateFormula(formula);
    }
    const origin = this.hf.simpleCellAddressFromString(v.address, id);
    return origin !== undefined && origin.sheet === id && origin.row === row && origin.col === col;
  }

  /** Names of the functions the engine computes for the add-in (LOAN.PAYMENT, …). */
  get addinFunctionNames(): string[] {
    return [...this.plugin.names];
  }

  private settleSpills(): void {
    const cells = [...this.spillCells.values()];
    if (cells.length === 0) return;
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      const before = this.sizesOf(cells);
      this.hf.batch(() => {
        for (const cell of cells)
          this.hf.setCellContents({ sheet: cell.sheet, row: cell.row, col: cell.col }, [[cell.formula]]);
      });
      if (this.sizesOf(cells) === before) return;
    }
  }

  private sizesOf(cells: { sheet: number; row: number; col: number }[]): string {
    return cells.map((c) => this.plugin.predictedSizes.get(`${c.sheet}:${c.row}:${c.col}`) ?? "?").join(",");
  }

  /** A regular expression matching a call to any add-in function whose result spills. */
  private spillingCalls(): RegExp | undefined {
    const names = this.plugin.names.filter((n) => this.plugin.spills.has(n));
    if (names.length === 0) return undefined;
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`(?:^|[^A-Za-z0-9_.])(?:${escaped.join("|")})\\s*\\(`, "i");
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named ${name}`);
    return id;
  }

  /** The computed value of a cell, with errors as { error, message }. */
  value(sheet: string, row: number, col: number): CellResult {
    return toResult(this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col }));
  }

  /** The computed value of a cell by A1 address ("B4", "'My sheet'!B4" or "Sheet1!B4"). */
  valueAt(a1: string, defaultSheet?: string): CellResult {
    const address = this.hf.simpleCellAddressFromString(
      a1,
      defaultSheet === undefined ? 0 : this.sheetId(defaultSheet),
    );
    if (!address) throw new Error(`not a cell address: ${a1}`);
    return toResult(this.hf.getCellValue(address));
  }

  /** The size of the array a formula cell spills, or undefined for a single value. */
  spillSize(sheet: string, row: number, col: number): { width: number; height: number } | undefined {
    const id = this.sheetId(sheet);
    if (!this.hf.isCellPartOfArray({ sheet: id, row, col })) return undefined;
    const formula = this.hf.getCellFormula({ sheet: id, row, col });
    const value = formula ? this.hf.calculateFormula(formula, id) : undefined;
    return Array.isArray(value) ? { width: value[0]?.length ?? 1, height: value.length } : undefined;
  }

  /** Computes a formula against the workbook without changing it. */
  calculate(formula: string, sheet: string): CellResult | CellResult[][] {
    const v = this.hf.calculateFormula(formula, this.sheetId(sheet));
    return Array.isArray(v) ? v.map((row) => row.map(toResult)) : toResult(v);
  }

  /** Every value of a sheet, as computed. */
  sheetValues(sheet: string): CellResult[][] {
    return this.hf.getSheetValues(this.sheetId(sheet)).map((row) => row.map(toResult));
  }

  destroy(): void {
    this.hf.destroy();
  }
}

function toResult(v: unknown): CellResult {
  if (v instanceof DetailedCellError) return v.message ? { error: v.value, message: v.message } : { error: v.value };
  if (v === undefined) return null;
  return v as CellResult;
}
