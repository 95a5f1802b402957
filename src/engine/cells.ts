/**
 * What the engine computed, written into an ExcelJS workbook: shared by the plan's .xlsx
 * export (plan-writers.ts) and `recalc` (xlsx.ts), so that both store results, errors and
 * spilled arrays the same way.
 */
import type ExcelJS from "exceljs";
import { address } from "../plan/a1";
import type { CellResult, EngineWorkbook } from "./workbook";

/** A cell whose computed value is an error, with the engine's message. */
export interface CellIssue {
  address: string;
  error: string;
  message?: string;
}

/** The size of a formula's spilled array. */
export interface Spill {
  readonly width: number;
  readonly height: number;
}

/** A computed value as ExcelJS stores it (an error as its code). */
export function fileValue(v: CellResult): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return v;
}

/** The issue to report for a computed value, or undefined when it is not an error. */
export function cellIssue(where: string, result: CellResult): CellIssue | undefined {
  if (result === null || typeof result !== "object") return undefined;
  return { address: where, error: result.error, ...(result.message ? { message: result.message } : {}) };
}

/** A spilling formula at (row, col), 0-based, as an array formula over the area it fills. */
export function spilledFormula(
  formula: string,
  result: CellResult,
  row: number,
  col: number,
  spill: Spill,
): ExcelJS.CellFormulaValue {
  return {
    formula,
    result: fileValue(result),
    shareType: "array",
    ref: `${address(row, col)}:${address(row + spill.height - 1, col + spill.width - 1)}`,
  } as ExcelJS.CellFormulaValue;
}

/**
 * Writes the computed values of a spill area, except its top-left cell (the formula's own),
 * into the worksheet; `visit` is called with each cell written (0-based).
 */
export function writeSpillValues(
  ws: ExcelJS.Worksheet,
  engine: EngineWorkbook,
  sheet: string,
  row: number,
  col: number,
  spill: Spill,
  visit?: (row: number, col: number) => void,
): void {
  for (let r = 0; r < spill.height; r++) {
    for (let c = 0; c < spill.width; c++) {
      if (r === 0 && c === 0) continue;
      ws.getCell(row + r + 1, col + c + 1).value = fileValue(engine.value(sheet, row + r, col + c));
      visit?.(row + r, col + c);
    }
  }
}
