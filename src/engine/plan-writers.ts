/**
 * Writers that apply a plan (src/plan) outside Excel: to the headless engine, which
 * computes it, and to an .xlsx file with the engine's results as cached values, so that
 * the file opens with numbers even where the add-in is not loaded.
 *
 * Names are scoped to the plan's sheet, as the Excel writer makes them. ExcelJS cannot
 * write charts, so an exported file has the chart's data table but not the chart.
 */
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import { address, parseAddress, sheetRef, type SheetPlan } from "../plan/plan";
import type { Addin } from "./addin";
import { EngineWorkbook, type CellResult } from "./workbook";

/** The plan's cells as the engine's row-major grid. */
export function planGrid(plan: SheetPlan): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const cell of plan.cells) {
    const { row, col } = parseAddress(cell.address);
    grid[row] ??= [];
    grid[row][col] = cell.formula ?? cell.value ?? null;
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (x) => x ?? null));
}

/** Computes a plan in the engine, on a sheet of its own name. */
export function evaluatePlan(addin: Addin, plan: SheetPlan): EngineWorkbook {
  const names = (plan.names ?? []).map((n) => ({
    name: n.name,
    expression: `=${sheetRef(plan.sheetName)}!${absolute(n.address)}`,
    sheet: plan.sheetName,
  }));
  return new EngineWorkbook(addin, [{ name: plan.sheetName, cells: planGrid(plan) }], names);
}

function absolute(ref: string): string {
  return ref
    .split(":")
    .map((a) => {
      const { row, col } = parseAddress(a);
      return address(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    })
    .join(":");
}

/** "#RRGGBB" → ExcelJS's "FFRRGGBB". */
function argb(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

function cached(v: CellResult): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return v;
}

export interface ExportResult {
  /** Cells whose computed value is an error, with the engine's message. */
  errors: { address: string; error: string; message?: string }[];
}

/**
 * Writes a plan to an .xlsx file: formulas with the engine's results cached beside them
 * (or values only), formats, fonts, widths, names and the frozen header.
 */
export async function planToXlsx(
  addin: Addin,
  plan: SheetPlan,
  file: string,
  options: { valuesOnly?: boolean } = {},
): Promise<ExportResult> {
  const engine = evaluatePlan(addin, plan);
  const errors: ExportResult["errors"] = [];
  try {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(
      plan.sheetName,
      plan.freeze ? { views: [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }] } : {},
    );
    for (const w of plan.columnWidths) ws.getColumn(w.column).width = Math.round((w.points / 7) * 100) / 100; // points → character widths (≈7 pt a character)
    for (const cell of plan.cells) {
      const { row, col } = parseAddress(cell.address);
      const target = ws.getCell(row + 1, col + 1);
      if (cell.formula !== undefined) {
        const result = engine.value(plan.sheetName, row, col);
        if (result !== null && typeof result === "object")
          errors.push({
            address: cell.address,
            error: result.error,
            ...(result.message ? { message: result.message } : {}),
          });
        const spill = engine.spillSize(plan.sheetName, row, col);
        if (options.valuesOnly) target.value = cached(result);
        else if (spill) {
          target.value = {
            formula: cell.formula.slice(1),
            result: cached(result),
            shareType: "array",
            ref: `${cell.address}:${address(row + spill.height - 1, col + spill.width - 1)}`,
          } as ExcelJS.CellFormulaValue;
        } else target.value = { formula: cell.formula.slice(1), result: cached(result) } as ExcelJS.CellFormulaValue;
        if (spill) {
          for (let r = 0; r < spill.height; r++) {
            for (let c = 0; c < spill.width; c++) {
              if (r || c)
                ws.getCell(row + r + 1, col + c + 1).value = cached(engine.value(plan.sheetName, row + r, col + c));
            }
          }
        }
      } else if (cell.value !== undefined) target.value = cell.value;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      if (cell.bold !== undefined || cell.fontColor !== undefined) {
        target.font = {
          ...(cell.bold !== undefined ? { bold: cell.bold } : {}),
          ...(cell.fontColor ? { color: { argb: argb(cell.fontColor) } } : {}),
        };
      }
    }
    for (const n of plan.names ?? [])
      book.definedNames.add(`${sheetRef(plan.sheetName)}!${absolute(n.address)}`, n.name);
    await book.xlsx.writeFile(file);
  } finally {
    engine.destroy();
  }
  return { errors };
}
