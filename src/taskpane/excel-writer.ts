/**
 * Applies a SheetPlan to the open workbook with Office.js, and copies a finished model as
 * values to a new sheet.
 *
 * Safety rules: each command adds exactly one new sheet under a name no sheet has, writes
 * only through that sheet, and never renames, deletes or writes to an existing sheet (the
 * copy only reads its source). If the batch fails midway (Office.js batches are not
 * transactional), a second Excel.run deletes the sheet it added, and the failure is
 * reported as a value, not thrown.
 *
 * Round trips: one sync to read the sheet names (and, for the copy, the source's used
 * range), then every write is queued and sent in one final sync (no sync inside a loop).
 * A plan's names are queued before its cells, so formulas find them.
 *
 * Requirement sets: ExcelApi 1.1 for Excel.run, worksheets.load/add/getActiveWorksheet,
 * Worksheet.getRange/getUsedRange/activate/delete, Range.values/formulas/numberFormat/
 * address, RangeFont.bold/color, charts.add, Chart.title/setPosition/axes and
 * ChartSeries.name; ExcelApi 1.2 for RangeFormat.columnWidth; ExcelApi 1.4 for
 * Worksheet.names.add (sheet-scoped names); ExcelApi 1.6 for Range.conditionalFormats.add
 * and ColorScaleConditionalFormat.criteria (the heat maps); ExcelApi 1.7 for freezePanes.freezeRows/
 * freezeColumns/freezeAt, ChartSeriesCollection.add, ChartSeries.setValues/setXAxisValues, ChartAxis.
 * majorTickMark/tickLabelPosition (ChartLegend.visible/position are 1.1). The task
 * pane needs nothing above 1.7. The manifest does not require ExcelApi (the custom
 * functions must load on any host with their runtime); the task pane checks 1.7 at run
 * time, and the writer asks for more only where a plan wants it: a plan's print setup
 * (Worksheet.pageLayout: orientation, paperSize, zoom, setPrintArea, setPrintTitleRows,
 * setPrintTitleColumns) needs ExcelApi 1.9; on an older Excel the sheet is written without
 * it and the result says so. A chart axis's number format (ChartAxis.numberFormat) needs
 * ExcelApi 1.8; without it the axis keeps its source cells' format.
 */
import { column, parseAddress, uniqueSheetName } from "../plan/a1";
import { MARGIN_SIDES, pageBreaks, PAPERS } from "../plan/page";
import {
  BOOLEAN_FORMAT,
  type ColorScalePoint,
  type PlanChart,
  type PlanColorScale,
  type PlanPrint,
  SCALE_POINTS,
  type SheetPlan,
} from "../plan/plan";
import { WRITER_MESSAGES } from "./messages";

export { WRITER_MESSAGES } from "./messages";

/** The requirement set the writer needs (see above). */
export const REQUIRED_EXCEL_API = "1.7";

/** The requirement set of a plan's print setup (Worksheet.pageLayout). */
export const PRINT_EXCEL_API = "1.9";

/** The requirement set of a chart axis's number format (ChartAxis.numberFormat). */
export const AXIS_FORMAT_EXCEL_API = "1.8";

/** Whether the host supports ExcelApi `version` (Office.context.requirements.isSetSupported). */
export type ApiSupport = (version: string) => boolean;

/** The host's answer; outside Office (no `Office` global), nothing above what the pane checks. */
export const officeSupport: ApiSupport = (version) =>
  typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;

/*
 * The slice of the Excel API the writer uses, written out as interfaces. Excel's own
 * RequestContext satisfies them (the compiler checks that in `officeRun` below), and so does
 * the preview's emulation of Excel (src/preview/excel-api.ts `runnerFor`), on which the
 * preview and the tests run the writer: a call added here must be emulated there.
 */
export interface RangeLike {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: {
    columnWidth: number;
    wrapText: boolean;
    readonly font: { bold: boolean; color: string };
    autofitRows(): void;
  };
  readonly conditionalFormats: { add(type: "ColorScale"): ConditionalFormatLike };
}

/**
 * One point of a color scale as Office.js takes it: `type` is an
 * Excel.ConditionalFormatColorCriterionType ("LowestValue", "HighestValue", "Percentile",
 * "Number"), `formula` the number for the last two.
 */
export interface ColorScaleCriterionLike {
  type: string;
  formula?: string;
  color?: string;
}

export interface ColorScaleCriteriaLike {
  minimum: ColorScaleCriterionLike;
  midpoint?: ColorScaleCriterionLike;
  maximum: ColorScaleCriterionLike;
}

export interface ConditionalFormatLike {
  readonly colorScale: { criteria: ColorScaleCriteriaLike };
}

/** A range whose contents the copy reads (loaded before use). */
export interface LoadableRangeLike {
  load(propertyNames: string): unknown;
  readonly address: string;
  readonly values: unknown[][];
  readonly numberFormat: unknown[][];
}

export interface ChartSeriesLike {
  name: string;
  setValues(source: RangeLike): void;
  setXAxisValues(source: RangeLike): void;
}

/** A chart axis: its title, tick marks and tick labels (Excel's enums are strings: "Outside", "Low"). */
export interface ChartAxisLike {
  readonly title: { text: string };
  /** ExcelApi 1.8. */
  numberFormat: string;
  majorTickMark: string;
  tickLabelPosition: string;
}

export interface ChartLike {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): ChartSeriesLike; add(name?: string): ChartSeriesLike };
  readonly axes: { readonly categoryAxis: ChartAxisLike; readonly valueAxis: ChartAxisLike };
  readonly legend: { visible: boolean; position: string };
  /** The chart area's font: the size of every text in the chart (ExcelApi 1.1). */
  readonly format: { readonly font: { size: number } };
  setPosition(startCell: string, endCell?: string): void;
}

/** Worksheet.pageLayout (ExcelApi 1.9). Excel's enums are strings ("Landscape", "Letter"). */
export interface PageLayoutLike {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
  setPrintTitleColumns(printTitleColumns: string): void;
}

export interface WorksheetLike {
  readonly name: string;
  readonly pageLayout: PageLayoutLike;
  /** Manual page breaks above a range's top row (ExcelApi 1.9, with the rest of the print setup). */
  readonly horizontalPageBreaks: { add(pageBreakRange: string): unknown };
  getRange(address: string): RangeLike;
  activate(): void;
  delete(): void;
  readonly names: { add(name: string, reference: RangeLike | string, comment?: string): unknown };
  readonly freezePanes: {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(frozenRange: string): void;
  };
  readonly charts: { add(type: "Line", sourceData: RangeLike, seriesBy: "Columns"): ChartLike };
}

/** The sheet the copy reads: only its name and its used range. */
export interface SourceSheetLike {
  readonly name: string;
  load(propertyNames: string): unknown;
  getUsedRange(valuesOnly?: boolean): LoadableRangeLike;
}

export interface WorksheetCollectionLike {
  readonly items: readonly WorksheetLike[];
  load(propertyNames: string): unknown;
  add(name: string): WorksheetLike;
  getActiveWorksheet(): SourceSheetLike;
}

export interface ContextLike {
  readonly workbook: { readonly worksheets: WorksheetCollectionLike };
  sync(): Promise<unknown>;
}

/** Runs a batch against a workbook, as Excel.run does. */
export type ExcelRunner = <T>(batch: (context: ContextLike) => Promise<T>) => Promise<T>;

/** The real runner. `Excel` is looked up only when called, so this module loads outside Office. */
export const officeRun: ExcelRunner = (batch) => Excel.run((context: Excel.RequestContext) => batch(context));

export type WriteResult =
  | { readonly ok: true; readonly sheetName: string; readonly message?: string }
  | {
      readonly ok: false;
      /** Why the batch failed, in the host's words. */
      readonly error: string;
      /** The sheet the writer added and then removed, or could not remove. */
      readonly sheetName?: string;
      /** removed: the added sheet was deleted again; kept: deleting it failed; none: no sheet was added. */
      readonly cleanup: "none" | "removed" | "kept";
      readonly message: string;
    };

/**
 * Adds one sheet with a unique name, writes the plan into it (names, cells, widths, frozen header, chart) and activates
 * it.
 */
export async function writePlan(
  plan: SheetPlan,
  run: ExcelRunner = officeRun,
  supports: ApiSupport = officeSupport,
): Promise<WriteResult> {
  const print = plan.print && supports(PRINT_EXCEL_API) ? plan.print : undefined;
  const axisFormats = !!(plan.chart?.xFormat || plan.chart?.yFormat) && supports(AXIS_FORMAT_EXCEL_API);
  const result = (await addSheet(run, () => (names) => ({
    name: uniqueSheetName(names, plan.sheetName),
    fill: (sheet) => queuePlan(sheet, plan, print, axisFormats),
  }))) as WriteResult; // a plan always gives a sheet to add, so there is always a result
  if (result.ok && plan.print && !print) return { ...result, message: WRITER_MESSAGES.printSkipped(PRINT_EXCEL_API) };
  return result;
}

/**
 * Copies the active sheet's used range (values and number formats) to a new sheet, at the
 * same addresses, for a colleague without the add-in. The source is only read. Text that
 * Excel would take for a formula ("=…") is kept as text.
 */
export async function copyAsValues(run: ExcelRunner = officeRun): Promise<WriteResult> {
  let source = "";
  const result = await addSheet(run, (context) => {
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    const used = active.getUsedRange(true);
    used.load("address,values,numberFormat");
    return (names) => {
      source = active.name;
      const address = used.address.slice(used.address.lastIndexOf("!") + 1);
      if (address === "A1" && isBlankValue(used.values[0]?.[0])) return undefined;
      const values = used.values.map((line) =>
        line.map((v) => (typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v)),
      );
      return {
        name: uniqueSheetName(names, `${source} values`),
        fill: (sheet) => {
          const target = sheet.getRange(address);
          target.numberFormat = used.numberFormat;
          target.values = values;
        },
      };
    };
  });
  if (result === undefined)
    return { ok: false, error: "", cleanup: "none", message: WRITER_MESSAGES.emptySource(source) };
  return result.ok ? { ...result, message: WRITER_MESSAGES.copied(source, result.sheetName) } : result;
}

function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

interface NewSheet {
  name: string;
  fill(sheet: WorksheetLike): void;
}

/**
 * The one way a sheet is added: `prepare` queues the loads it needs, read in the same sync
 * as the sheet names; the function it returns then names the sheet and its writes (or
 * returns undefined to add nothing). The add and every write go in one final sync; on a
 * failure after the add, a second run deletes the added sheet.
 */
async function addSheet(
  run: ExcelRunner,
  prepare: (context: ContextLike) => (existing: string[]) => NewSheet | undefined,
): Promise<WriteResult | undefined> {
  /** Set once `add` has been queued: the name only this writer can have created. */
  let added: string | undefined;
  try {
    const sheetName = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const plan = prepare(context);
      await context.sync();
      const next = plan(sheets.items.map((s) => s.name));
      if (!next) return undefined;
      added = next.name;
      const sheet = sheets.add(next.name);
      next.fill(sheet);
      sheet.activate();
      await context.sync();
      return next.name;
    });
    return sheetName === undefined ? undefined : { ok: true, sheetName };
  } catch (failure) {
    const error = describeError(failure);
    if (added === undefined)
      return { ok: false, error, cleanup: "none", message: WRITER_MESSAGES.failedNothingAdded(error) };
    const outcome = await removeSheet(added, run);
    if (outcome === "absent")
      return { ok: false, error, cleanup: "none", message: WRITER_MESSAGES.failedNothingAdded(error) };
    if (outcome === "removed") {
      return {
        ok: false,
        error,
        sheetName: added,
        cleanup: "removed",
        message: WRITER_MESSAGES.failedRemoved(error, added),
      };
    }
    return { ok: false, error, sheetName: added, cleanup: "kept", message: WRITER_MESSAGES.failedKept(error, added) };
  }
}

/** Queues every write of the plan on `sheet` (and the print setup given); nothing is sent until the caller syncs. */
function queuePlan(sheet: WorksheetLike, plan: SheetPlan, print: PlanPrint | undefined, axisFormats: boolean): void {
  for (const n of plan.names ?? []) sheet.names.add(n.name, sheet.getRange(n.address));
  for (const width of plan.columnWidths) {
    sheet.getRange(`${width.column}:${width.column}`).format.columnWidth = width.points;
  }
  for (const cell of plan.cells) {
    const range = sheet.getRange(cell.address);
    if (cell.numberFormat !== undefined) range.numberFormat = [[cell.numberFormat]];
    // TRUE or FALSE wherever the workbook is opened (LibreOffice shows a boolean under General as 1 or 0).
    else if (typeof cell.value === "boolean") range.numberFormat = [[BOOLEAN_FORMAT]];
    if (cell.formula !== undefined) range.formulas = [[cell.formula]];
    else if (cell.value !== undefined) range.values = [[cell.value]];
    if (cell.bold !== undefined) range.format.font.bold = cell.bold;
    if (cell.fontColor !== undefined) range.format.font.color = cell.fontColor;
    if (cell.wrap) range.format.wrapText = true;
  }
  // Rows of wrapped text grow to fit it (Excel keeps a row's height otherwise).
  const wrapped = plan.cells.filter((c) => c.wrap).map((c) => parseAddress(c.address).row + 1);
  if (wrapped.length) sheet.getRange(`${Math.min(...wrapped)}:${Math.max(...wrapped)}`).format.autofitRows();
  if (plan.freeze) {
    const { rows, columns } = plan.freeze;
    if (columns > 0 && rows > 0) sheet.freezePanes.freezeAt(`A1:${column(columns - 1)}${rows}`);
    else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  }
  if (plan.chart) queueChart(sheet, plan.chart, axisFormats);
  if (print) {
    queuePrint(sheet.pageLayout, print);
    for (const row of pageBreaks(print)) sheet.horizontalPageBreaks.add(`A${row}`);
  }
  for (const format of plan.conditionalFormats ?? []) queueColorScale(sheet, format);
}

/** A color scale (a heat map) over a range: its points as Office.js criteria. */
function queueColorScale(sheet: WorksheetLike, spec: PlanColorScale): void {
  const criterion = (p: ColorScalePoint): ColorScaleCriterionLike => ({
    type: SCALE_POINTS[p.at].office,
    ...(p.value !== undefined ? { formula: String(p.value) } : {}),
    color: p.color,
  });
  const format = sheet.getRange(spec.range).conditionalFormats.add("ColorScale");
  format.colorScale.criteria = {
    minimum: criterion(spec.minimum),
    ...(spec.midpoint ? { midpoint: criterion(spec.midpoint) } : {}),
    maximum: criterion(spec.maximum),
  };
}

/**
 * The print setup: orientation, paper, "fit all columns on one page" (pages down 0:
 * automatic, as Excel records that choice), the print area and the title rows and columns
 * (whole rows and columns, absolute, as Excel requires).
 */
function queuePrint(layout: PageLayoutLike, print: PlanPrint): void {
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = PAPERS[print.paper].office;
  layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  // Each side's margin, the plan's inches as the points Office.js takes (72 an inch, to 0.01).
  const margins = print.margins;
  if (margins) for (const side of MARGIN_SIDES) layout[`${side}Margin`] = Math.round(margins[side] * 7200) / 100;
  if (print.area) layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(absoluteSpan(print.titleRows));
  if (print.titleColumns) layout.setPrintTitleColumns(absoluteSpan(print.titleColumns));
}

/** "1:3" → "$1:$3"; "A:A" → "$A:$A". */
function absoluteSpan(span: string): string {
  return span
    .split(":")
    .map((p) => `$${p}`)
    .join(":");
}

/**
 * A line chart: the first series from the range it is created on, the others added; all
 * share the categories. Each axis gets its title, outside tick marks and its tick labels at
 * the low end (below the plot and at its left, whatever the values' sign); the labels'
 * number formats where the host has ExcelApi 1.8 (`axisFormats`; without it Excel keeps
 * the source cells' formats, which the plan sets alike). A legend below the plot.
 */
function queueChart(sheet: WorksheetLike, spec: PlanChart, axisFormats: boolean): void {
  const [first, ...rest] = spec.series;
  if (!first) return;
  const categories = sheet.getRange(spec.categories);
  const chart = sheet.charts.add("Line", sheet.getRange(first.values), "Columns");
  chart.title.text = spec.title;
  const series = chart.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(categories);
  for (const s of rest) {
    const added = chart.series.add(s.name);
    added.setValues(sheet.getRange(s.values));
    added.setXAxisValues(categories);
  }
  const axes = [
    [chart.axes.categoryAxis, spec.xTitle, spec.xFormat],
    [chart.axes.valueAxis, spec.yTitle, spec.yFormat],
  ] as const;
  for (const [axis, title, format] of axes) {
    if (title) axis.title.text = title;
    axis.majorTickMark = "Outside";
    axis.tickLabelPosition = "Low";
    if (format && axisFormats) axis.numberFormat = format;
  }
  chart.legend.visible = true;
  chart.legend.position = "Bottom";
  if (spec.fontSize) chart.format.font.size = spec.fontSize;
  chart.setPosition(spec.from, spec.to);
}

/**
 * Deletes the sheet named `name` in a fresh batch. The name was absent when the writer
 * started (uniqueSheetName saw every sheet), so a sheet with it now is the writer's own.
 */
async function removeSheet(name: string, run: ExcelRunner): Promise<"removed" | "absent" | "failed"> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const mine = sheets.items.find((s) => s.name === name);
      if (!mine) return "absent";
      mine.delete();
      await context.sync();
      return "removed";
    });
  } catch {
    return "failed";
  }
}

/** The host's message for a failure (OfficeExtension.Error carries a code and a message). */
export function describeError(failure: unknown): string {
  if (typeof failure === "object" && failure !== null) {
    const { message, code } = failure as { message?: unknown; code?: unknown };
    const text = typeof message === "string" && message.trim() ? message.trim() : "";
    const tag = typeof code === "string" && code && !text.includes(code) ? ` (${code})` : "";
    if (text || tag) return ensurePeriod(`${text || WRITER_MESSAGES.excelError}${tag}`);
  }
  if (typeof failure === "string" && failure.trim()) return ensurePeriod(failure.trim());
  return WRITER_MESSAGES.unknownError;
}

function ensurePeriod(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
