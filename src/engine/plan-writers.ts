/**
 * Writers that apply a plan (src/plan) outside Excel: to the headless engine, which
 * computes it, and to an .xlsx file with the engine's results as cached values, so that
 * the file opens with numbers even where the add-in is not loaded.
 *
 * Names are scoped to the plan's sheet, as the Excel writer makes them (ExcelJS writes names
 * for the whole workbook; they are then given the sheet's localSheetId). ExcelJS cannot write
 * charts, so the plan's chart is added to the file ExcelJS writes (./xlsx-chart.ts), with the
 * engine's values cached in its series. A constant "" is a blank cell, as Office.js enters
 * it. The print setup becomes the sheet's <pageSetup> (orientation, paper,
 * fitToWidth/fitToHeight with <sheetPr><pageSetUpPr fitToPage="1"/>) and the
 * _xlnm.Print_Area and _xlnm.Print_Titles names. Color scales (heat maps) are written as
 * `<conditionalFormatting>` rules, which Excel and LibreOffice shade from the cells' values
 * when they open the file; the plan's last is on top, as Office.js adds each on top.
 *
 * A row of wrapped text gets the height its computed text needs (src/plan/row-height.ts) as
 * its `ht`, without `customHeight`: LibreOffice opens and prints the row at that height (with
 * no height it keeps one line's, and the lines print over the rows below), and Excel takes it
 * as its own fit, which it redoes when the row's text changes (a custom height it would keep).
 * A boolean constant without a format gets BOOLEAN_FORMAT (src/plan/plan.ts), as the Excel
 * writer gives it: LibreOffice shows a boolean under a cell style's General as 1 or 0.
 */
import fs from "fs";
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import JSZip from "jszip";
import { absoluteRef, parseAddress, sheetRef } from "../plan/a1";
import { DEFAULT_COLUMN_POINTS, pageBreaks, PAPERS } from "../plan/page";
import {
  BOOLEAN_FORMAT,
  type PlanColorScale,
  type PlanName,
  type PlanPrint,
  SCALE_POINTS,
  type SheetPlan,
} from "../plan/plan";
import { wrappedRowHeights, type WrappedText } from "../plan/row-height";
import type { Addin } from "./addin";
import { cellIssue, fileValue, spilledFormula, writeSpillValues, type CellIssue } from "./cells";
import { writeAtomically } from "./safe-io";
import { EngineWorkbook } from "./workbook";
import { addChart } from "./xlsx-chart";

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

/** What a plan's name refers to: its range on the plan's sheet, absolute ('Deal 1'!$B$4). */
function nameReference(plan: SheetPlan, name: PlanName): string {
  return `${sheetRef(plan.sheetName)}!${absoluteRef(name.address)}`;
}

/**
 * The workbook (one sheet, the plan's) as ExcelJS wrote it, finished: `names` scoped to that
 * sheet (localSheetId 0), as the Excel writer makes them (ExcelJS writes every name for the
 * whole workbook); and the rows' heights marked as fitted, not custom (ExcelJS marks every
 * height it writes `customHeight="1"`, and the plan sets no custom height).
 */
async function finishFile(xlsx: Uint8Array, names: ReadonlySet<string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = "xl/workbook.xml";
  const xml = (await zip.file(part)?.async("string")) ?? "";
  // A name's characters (letters, digits, "_", "." and a backslash) need no XML escaping.
  zip.file(
    part,
    xml.replace(/<definedName name="([^"]+)">/g, (element, name: string) =>
      names.has(name) ? `<definedName name="${name}" localSheetId="0">` : element,
    ),
  );
  const sheet = "xl/worksheets/sheet1.xml";
  const rows = (await zip.file(sheet)?.async("string")) ?? "";
  zip.file(
    sheet,
    rows.replace(/<row [^>]*>/g, (row) => row.replace(/ customHeight="1"/, "")),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Computes a plan in the engine, on a sheet of its own name. */
export function evaluatePlan(addin: Addin, plan: SheetPlan): EngineWorkbook {
  return evaluatePlans(addin, [plan]);
}

/**
 * Computes several plans in one engine workbook, a sheet each (their names distinct), each plan's
 * names scoped to its own sheet: formulas of one may refer to another's cells ('Portfolio'!$Z$29).
 */
export function evaluatePlans(addin: Addin, plans: readonly SheetPlan[]): EngineWorkbook {
  const names = plans.flatMap((plan) =>
    (plan.names ?? []).map((n) => ({ name: n.name, expression: `=${nameReference(plan, n)}`, sheet: plan.sheetName })),
  );
  return new EngineWorkbook(
    addin,
    plans.map((plan) => ({ name: plan.sheetName, cells: planGrid(plan) })),
    names,
  );
}

/** A plan's print setup as ExcelJS's page setup: fit to `fitToPagesWide` across, 0 (automatic) down. */
export function pageSetup(print: PlanPrint): Partial<ExcelJS.PageSetup> {
  return {
    orientation: print.orientation,
    paperSize: PAPERS[print.paper].code as ExcelJS.PaperSize,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: 0,
    // ExcelJS puts a "$" before each corner ("$A1"); the rows' "$" given here make the name absolute ($A$1).
    ...(print.area ? { printArea: print.area.replace(/(\d+)/g, "$$$1") } : {}),
    ...(print.titleRows ? { printTitlesRow: print.titleRows } : {}),
    ...(print.titleColumns ? { printTitlesColumn: print.titleColumns } : {}),
    ...(print.margins ? { margins: { ...print.margins } } : {}),
  };
}

/** The workbook's body font (ExcelJS's default, and Excel's): Calibri 11, the theme's minor font. */
const BODY_FONT = { name: "Calibri", size: 11, family: 2, scheme: "minor" } as const satisfies Partial<ExcelJS.Font>;

/** "#RRGGBB" → ExcelJS's "FFRRGGBB". */
function argb(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

/** A color scale as an .xlsx conditional-formatting rule (`priority` 1 is on top: it shades where rules overlap). */
export function colorScaleRule(spec: PlanColorScale, priority: number): ExcelJS.ConditionalFormattingOptions {
  const points = [spec.minimum, ...(spec.midpoint ? [spec.midpoint] : []), spec.maximum];
  return {
    ref: spec.range,
    rules: [
      {
        type: "colorScale",
        priority,
        cfvo: points.map((p) => ({
          type: SCALE_POINTS[p.at].file,
          ...(p.value !== undefined ? { value: p.value } : {}),
        })),
        color: points.map((p) => ({ argb: argb(p.color) })),
      },
    ],
  };
}

export interface ExportResult {
  /** Cells whose computed value is an error, with the engine's message. */
  errors: CellIssue[];
  /** The computed values of the single-cell names asked for (`options.read`), by name. */
  named: Map<string, unknown>;
}

/**
 * Writes a plan to an .xlsx file: formulas with the engine's results cached beside them
 * (or values only), formats, fonts, widths, names, the frozen header, the print setup, the
 * color scales and the chart. The file is written to a temporary name and renamed: a failed
 * write leaves no file, or the one that was there (a FileProblem says why).
 */
export async function planToXlsx(
  addin: Addin,
  plan: SheetPlan,
  file: string,
  options: { valuesOnly?: boolean; read?: readonly string[] } = {},
): Promise<ExportResult> {
  const engine = evaluatePlan(addin, plan);
  const errors: ExportResult["errors"] = [];
  const named: ExportResult["named"] = new Map();
  for (const n of plan.names ?? []) {
    if (!options.read?.includes(n.name) || n.address.includes(":")) continue;
    const { row, col } = parseAddress(n.address);
    named.set(n.name, engine.value(plan.sheetName, row, col));
  }
  try {
    const wrapped: WrappedText[] = [];
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(plan.sheetName, {
      ...(plan.freeze ? { views: [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }] } : {}),
      ...(plan.print ? { pageSetup: pageSetup(plan.print) } : {}),
    });
    // Points → the file's width unit (ECMA-376 §18.3.1.13): pixels (4/3 a point) over the 7-pixel digit of Calibri 11.
    for (const w of plan.columnWidths) ws.getColumn(w.column).width = Math.round(((w.points * 4) / 3 / 7) * 100) / 100;
    for (const cell of plan.cells) {
      const { row, col } = parseAddress(cell.address);
      const target = ws.getCell(row + 1, col + 1);
      if (cell.formula !== undefined) {
        const result = engine.value(plan.sheetName, row, col);
        const issue = cellIssue(cell.address, result);
        if (issue) errors.push(issue);
        const spill = engine.spillSize(plan.sheetName, row, col);
        const formula = cell.formula.slice(1);
        if (options.valuesOnly) target.value = fileValue(result);
        else if (spill) target.value = spilledFormula(formula, result, row, col, spill);
        else target.value = { formula, result: fileValue(result) } as ExcelJS.CellFormulaValue;
        if (spill) writeSpillValues(ws, engine, plan.sheetName, row, col, spill);
      } else if (cell.value !== undefined && cell.value !== "") target.value = cell.value; // "": blank, as in Excel
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      // A boolean constant, or a formula's boolean written as its value (values only): TRUE or FALSE in LibreOffice.
      else if (typeof cell.value === "boolean" || (options.valuesOnly && typeof target.value === "boolean"))
        target.numFmt = BOOLEAN_FORMAT;
      if (cell.bold !== undefined || cell.fontColor !== undefined) {
        // The whole font, as Excel writes it: a font with only its bold or color leaves the face and size to the
        // reader (LibreOffice then takes its own default, not the workbook's Calibri 11).
        target.font = {
          ...BODY_FONT,
          ...(cell.bold !== undefined ? { bold: cell.bold } : {}),
          ...(cell.fontColor ? { color: { argb: argb(cell.fontColor) } } : {}),
        };
      }
      if (cell.wrap) {
        target.alignment = { wrapText: true };
        const shown = cell.formula !== undefined ? engine.value(plan.sheetName, row, col) : cell.value;
        if (typeof shown === "string") wrapped.push({ row, col, text: shown, bold: cell.bold });
      }
    }
    // Each wrapped row at its text's height (a fitted height: see the top of this file).
    const widths = new Map(plan.columnWidths.map((w) => [parseAddress(`${w.column}1`).col, w.points]));
    const width = (col: number) => widths.get(col) ?? DEFAULT_COLUMN_POINTS;
    for (const [row, points] of wrappedRowHeights(wrapped, width)) ws.getRow(row + 1).height = points;
    // A break "before row r" is ExcelJS's (and the file's) break after row r − 1.
    for (const r of plan.print ? pageBreaks(plan.print) : []) ws.getRow(r - 1).addPageBreak();
    // Priority 1 is the rule on top: the plan's last scale, as each one Excel adds goes on top.
    const scales = plan.conditionalFormats ?? [];
    scales.forEach((f, i) => ws.addConditionalFormatting(colorScaleRule(f, scales.length - i)));
    for (const n of plan.names ?? []) book.definedNames.add(nameReference(plan, n), n.name);
    let bytes: Uint8Array = new Uint8Array(await book.xlsx.writeBuffer());
    bytes = await finishFile(bytes, new Set((plan.names ?? []).map((n) => n.name)));
    if (plan.chart) {
      const formats = new Map(plan.cells.map((c) => [c.address, c.numberFormat]));
      bytes = await addChart(
        bytes,
        plan.chart,
        plan.sheetName,
        (row, col) => engine.value(plan.sheetName, row, col),
        (range) => formats.get(range.split(":")[0]) ?? "General",
      );
    }
    await writeAtomically(file, (temp) => fs.promises.writeFile(temp, bytes));
  } finally {
    engine.destroy();
  }
  return { errors, named };
}
