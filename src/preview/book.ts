/**
 * The preview's workbook: the headless engine (HyperFormula with the add-in's functions)
 * plus what Excel keeps beside values (number formats, fonts, column widths, frozen panes,
 * charts), and an emulation of the slice of Excel's JavaScript API the task pane uses.
 *
 * The task pane runs unchanged against `book.excel` and `book.office`: its writer queues
 * calls, `context.sync()` applies them in order (stopping at the first that fails, as
 * Excel's batches do, without undoing the earlier ones), and loaded properties are filled
 * in at the sync. So the preview shows what the pane's own code writes into Excel.
 */
import { address as a1, isValidSheetName, parseAddress, parseRange, sheetRef } from "../plan/a1";
import type { Addin } from "../engine/addin";
import { EngineWorkbook, type CellResult } from "../engine/workbook";
import { DEFAULT_COLUMN_POINTS } from "../plan/page";
import { wrappedRowHeights, type WrappedText } from "../plan/row-height";
import { type PreviewColorScale, type ScaleCriteria, SCALE_TYPES, scaleColors } from "./heat";
import { isEngineMessage, plainWords } from "./errors";
import { PREVIEW_MSG as M } from "./messages";

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  color?: string;
  /** Text wrapped within the cell's column (RangeFormat.wrapText); the row grows to fit. */
  wrap?: boolean;
}

export interface PreviewChart {
  sheet: string;
  type: string;
  title: string;
  /** The x values: a range on the sheet (one column or row). */
  categories?: string;
  /** One line each: a name and a range of values on the sheet. */
  series: { name: string; values: string }[];
  xTitle?: string;
  yTitle?: string;
  /** The tick labels' number formats (ChartAxis.numberFormat); default "#,##0". */
  xFormat?: string;
  yFormat?: string;
  /** ChartAxis.majorTickMark and tickLabelPosition, as the pane set them. */
  ticks?: { x?: { mark?: string; labels?: string }; y?: { mark?: string; labels?: string } };
  legend?: { visible?: boolean; position?: string };
  /** Chart.format.font.size, as the pane set it (points). */
  fontSize?: number;
  from?: string;
  to?: string;
}

/** A sheet's print setup as the pane set it through Worksheet.pageLayout (the preview does not print). */
export interface PreviewPrint {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  area?: string;
  titleRows?: string;
  titleColumns?: string;
  /** Manual page breaks: the rows (1-based) that start a page. */
  breaksBefore?: number[];
  /** PageLayout's margins, in points. */
  margins?: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number };
}

/** Whole rows ("4:9", "$1:$3") and whole columns ("A:C", "$A:$A"), as Office.js takes them. */
export const WHOLE_ROWS = /^\$?\d+:\$?\d+$/;
export const WHOLE_COLUMNS = /^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/i;

/** An error shaped like Office.js's OfficeExtension.Error. */
export class PreviewApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export class PreviewBook {
  readonly engine: EngineWorkbook;
  readonly styles = new Map<string, Map<string, CellStyle>>();
  readonly widths = new Map<string, Map<number, number>>();
  /** Frozen panes: rows at the top and columns at the left kept in view. */
  readonly frozen = new Map<string, { rows: number; cols: number }>();
  readonly charts: PreviewChart[] = [];
  /** Print setups, by sheet. */
  readonly print = new Map<string, PreviewPrint>();
  /**
   * Rows fitted to their text (Range.format.autofitRows), by sheet (0-based): their height is
   * not the user's but follows their wrapped text, as it changes (see `rowHeights`).
   */
  readonly fittedRows = new Map<string, Set<number>>();
  /** Color scales, in the order added (a later one over the same cell wins, as Excel puts a new format first). */
  readonly colorScales: PreviewColorScale[] = [];
  active: string;
  private readonly listeners: (() => void)[] = [];

  constructor(addin: Addin, firstSheet = "Sheet1") {
    this.engine = new EngineWorkbook(addin, [{ name: firstSheet, cells: [] }]);
    this.active = firstSheet;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  get sheetNames(): string[] {
    return this.engine.sheetNames;
  }

  style(sheet: string, row: number, col: number): CellStyle | undefined {
    return this.styles.get(sheet)?.get(`${row}:${col}`);
  }

  private setStyle(sheet: string, row: number, col: number, patch: CellStyle): void {
    let m = this.styles.get(sheet);
    if (!m) this.styles.set(sheet, (m = new Map()));
    m.set(`${row}:${col}`, { ...m.get(`${row}:${col}`), ...patch });
  }

  /** The used area of a sheet: values, formulas or styles. */
  usedSize(sheet: string): { rows: number; cols: number } {
    const dims = this.engine.hf.getSheetDimensions(this.engine.sheetId(sheet));
    let rows = dims.height;
    let cols = dims.width;
    for (const key of this.styles.get(sheet)?.keys() ?? []) {
      const [r, c] = key.split(":").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return { rows, cols };
  }

  // ---- operations the emulated API applies at sync -------------------------------------

  addSheet(name: string): void {
    if (!isValidSheetName(name)) throw new PreviewApiError("InvalidArgument", M.invalidSheetName(name));
    if (this.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase())) {
      throw new PreviewApiError("ItemAlreadyExists", M.sheetExists(name));
    }
    this.engine.addSheet(name);
  }

  deleteSheet(name: string): void {
    this.requireSheet(name);
    this.engine.removeSheet(name);
    this.styles.delete(name);
    this.widths.delete(name);
    this.frozen.delete(name);
    this.print.delete(name);
    this.fittedRows.delete(name);
    for (let i = this.charts.length - 1; i >= 0; i--) if (this.charts[i].sheet === name) this.charts.splice(i, 1);
    for (let i = this.colorScales.length - 1; i >= 0; i--)
      if (this.colorScales[i].sheet === name) this.colorScales.splice(i, 1);
    if (this.active === name) this.active = this.sheetNames[0];
  }

  requireSheet(name: string): void {
    if (!this.sheetNames.includes(name)) throw new PreviewApiError("ItemNotFound", M.noSheet(name));
  }

  /** Checks a range's address as Office.js reads it: cells ("A1:C3"), whole rows ("4:9") or whole columns ("A:C"). */
  checkRange(sheet: string, range: string): void {
    this.requireSheet(sheet);
    if (WHOLE_ROWS.test(range) || WHOLE_COLUMNS.test(range)) return;
    parseRange(range);
  }

  /** Writes a block of values or formulas (text starting with "=") at a range's top-left cell. */
  writeCells(sheet: string, range: string, cells: unknown[][]): void {
    this.requireSheet(sheet);
    const r = parseRange(range);
    const height = r.bottom - r.top + 1;
    const width = r.right - r.left + 1;
    if (cells.length !== height || cells.some((row) => row.length !== width)) {
      throw new PreviewApiError("InvalidArgument", M.dataSize(range, height, width));
    }
    // Array.from makes arrays of this page's realm: the pane's frame passes its own, which
    // HyperFormula (checking instanceof Array) would not recognise.
    const content = Array.from(cells, (row) => Array.from(row, entry));
    this.engine.setCells(sheet, r.top, r.left, content);
  }

  writeStyle(sheet: string, range: string, patch: CellStyle | CellStyle[][]): void {
    this.requireSheet(sheet);
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const p = Array.isArray(patch) ? (patch[row - r.top]?.[col - r.left] ?? patch[0][0]) : patch;
        this.setStyle(sheet, row, col, p);
      }
    }
  }

  /** A color scale over a range (Office.js ColorScaleConditionalFormat.criteria). */
  addColorScale(sheet: string, range: string, criteria: ScaleCriteria): void {
    this.requireSheet(sheet);
    parseRange(range);
    const points = [criteria.minimum, criteria.midpoint, criteria.maximum].filter((c) => c !== undefined);
    for (const c of points) {
      if (!(SCALE_TYPES as readonly string[]).includes(c.type))
        throw new PreviewApiError("InvalidArgument", M.colorScaleCriterion(c.type));
    }
    this.colorScales.push({ sheet, range, criteria: { ...criteria } });
  }

  /**
   * Each shaded cell's background ("row:col" → "#RRGGBB") from the sheet's color scales and
   * its computed values: numbers only (text, blanks and errors stay unshaded).
   */
  shades(sheet: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const scale of this.colorScales) {
      if (scale.sheet !== sheet) continue;
      const r = parseRange(scale.range);
      const cells: { key: string; v: number }[] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const v = this.engine.value(sheet, row, col);
          if (typeof v === "number") cells.push({ key: `${row}:${col}`, v });
        }
      }
      const color = scaleColors(
        scale.criteria,
        cells.map((c) => c.v),
      );
      if (color) for (const c of cells) out.set(c.key, color(c.v));
    }
    return out;
  }

  /** Range.format.autofitRows: the range's rows ("4:9", "A4:J9") take the height of their wrapped text. */
  autofitRows(sheet: string, range: string): void {
    this.requireSheet(sheet);
    let top: number;
    let bottom: number;
    if (WHOLE_COLUMNS.test(range)) [top, bottom] = [0, Math.max(0, this.usedSize(sheet).rows - 1)];
    else if (WHOLE_ROWS.test(range)) {
      const [a, b] = range.replace(/\$/g, "").split(":").map(Number);
      [top, bottom] = [Math.min(a, b) - 1, Math.max(a, b) - 1];
    } else ({ top, bottom } = parseRange(range));
    let rows = this.fittedRows.get(sheet);
    if (!rows) this.fittedRows.set(sheet, (rows = new Set()));
    for (let r = top; r <= bottom; r++) rows.add(r);
  }

  /**
   * The height of each fitted row holding wrapped text (0-based row → points), from its text
   * as it stands (src/plan/row-height.ts: the estimate the .xlsx writer writes); other rows
   * keep the default height.
   */
  rowHeights(sheet: string): Map<number, number> {
    const fitted = this.fittedRows.get(sheet);
    const wrapped: WrappedText[] = [];
    for (const [key, style] of this.styles.get(sheet) ?? []) {
      const [row, col] = key.split(":").map(Number);
      if (!style.wrap || !fitted?.has(row)) continue;
      const v = this.engine.value(sheet, row, col);
      if (typeof v === "string") wrapped.push({ row, col, text: v, bold: style.bold });
    }
    const widths = this.widths.get(sheet);
    return wrappedRowHeights(wrapped, (col) => widths?.get(col) ?? DEFAULT_COLUMN_POINTS);
  }

  setColumnWidth(sheet: string, range: string, points: number): void {
    this.requireSheet(sheet);
    const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(range);
    const r = cols
      ? { left: parseAddress(`${cols[1]}1`).col, right: parseAddress(`${cols[2]}1`).col }
      : parseRange(range);
    let m = this.widths.get(sheet);
    if (!m) this.widths.set(sheet, (m = new Map()));
    for (let c = r.left; c <= r.right; c++) m.set(c, points);
  }

  /** A range's cells, each read by `read(row, col)`, as Office.js returns a loaded property. */
  private readGrid<T>(range: string, read: (row: number, col: number) => T): T[][] {
    const r = parseRange(range);
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(read(row, col));
      out.push(line);
    }
    return out;
  }

  /** What Office.js's Range.values returns: values, errors as their text. */
  readValues(sheet: string, range: string): unknown[][] {
    return this.readGrid(range, (row, col) => excelValue(this.engine.value(sheet, row, col)));
  }

  /** Range.formulas: the formula where there is one, the value otherwise. */
  readFormulas(sheet: string, range: string): unknown[][] {
    return this.readGrid(
      range,
      (row, col) => this.engine.formula(sheet, row, col) ?? excelValue(this.engine.value(sheet, row, col)),
    );
  }

  /** Range.numberFormat: "General" where none was set. */
  readFormats(sheet: string, range: string): string[][] {
    return this.readGrid(range, (row, col) => this.style(sheet, row, col)?.numberFormat ?? "General");
  }

  /**
   * An error's message as the preview shows it. The add-in's own messages say what is wrong;
   * an error that only passed through the spreadsheet's arithmetic carries the engine's
   * generic words, so its source is looked for: the first cell up the chain of errors whose
   * message is the add-in's ("from B50: annualRate must be a number; got text "abc"."), or
   * the cell holding text where a number was wanted ("B27 holds the text "abc", not a number.").
   */
  explain(sheet: string, row: number, col: number): string | undefined {
    const v = this.engine.value(sheet, row, col);
    if (v === null || typeof v !== "object") return undefined;
    if (v.message && !isEngineMessage(v.message)) return plainWords(v.error, v.message);
    const seen = new Set<string>();
    const trace = (s: string, r: number, c: number, depth: number): string | undefined => {
      const key = `${s}!${r}:${c}`;
      if (seen.has(key) || depth > 40) return undefined;
      seen.add(key);
      const refs = this.references(s, r, c).map((p) => ({
        ...p,
        value: this.engine.value(p.sheet, p.row, p.col),
        at: p.sheet === sheet ? a1(p.row, p.col) : `${sheetRef(p.sheet)}!${a1(p.row, p.col)}`,
      }));
      // Errors first: the chain they came along; then text where the arithmetic wanted a number.
      for (const p of refs) {
        if (p.value === null || typeof p.value !== "object") continue;
        if (p.value.message && !isEngineMessage(p.value.message)) return `from ${p.at}: ${p.value.message}`;
        const deeper = trace(p.sheet, p.row, p.col, depth + 1);
        if (deeper) return deeper;
      }
      for (const p of refs) {
        if (typeof p.value !== "string") continue;
        if (this.engine.formula(p.sheet, p.row, p.col) === undefined)
          return `${p.at} holds the text "${p.value}", not a number.`;
        const deeper = trace(p.sheet, p.row, p.col, depth + 1);
        return deeper ?? `${p.at} is the text "${p.value}", not a number.`;
      }
      return undefined;
    };
    const source = trace(sheet, row, col, 0);
    return source ? `${v.message ? `${v.message} ` : ""}${source}` : plainWords(v.error, v.message);
  }

  /** The single cells a cell's formula refers to, directly or through a name. */
  private references(sheet: string, row: number, col: number): { sheet: string; row: number; col: number }[] {
    const formula = this.engine.formula(sheet, row, col);
    if (!formula) return [];
    const hf = this.engine.hf;
    const id = this.engine.sheetId(sheet);
    const out: { sheet: string; row: number; col: number }[] = [];
    const add = (ref: string) => {
      const address = hf.simpleCellAddressFromString(ref.replace(/\$/g, ""), id);
      const name = address ? hf.getSheetName(address.sheet) : undefined;
      if (address && name !== undefined) out.push({ sheet: name, row: address.row, col: address.col });
    };
    const tokens = formula
      .slice(1)
      .replace(/"[^"]*"/g, "")
      .match(
        /(?:(?:'[^']+'|[A-Za-z_][\w.]*)!)?\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+|(?:'[^']+'|[A-Za-z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+|\$?[A-Z]{1,3}\$?\d+|[A-Za-z_][\w.]*/g,
      );
    for (const t of tokens ?? []) {
      const range = /^((?:'[^']+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3}\$?\d+)$/.exec(t);
      if (range) {
        // A range (IRR(B88:B99), SUM(…)): each of its cells, up to RANGE_CELLS of them.
        const from = hf.simpleCellAddressFromString(range[2].replace(/\$/g, ""), id);
        const to = hf.simpleCellAddressFromString(range[3].replace(/\$/g, ""), id);
        if (!from || !to) continue;
        const prefix = range[1] ?? "";
        const [top, bottom] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
        const [left, right] = [Math.min(from.col, to.col), Math.max(from.col, to.col)];
        if ((bottom - top + 1) * (right - left + 1) > RANGE_CELLS) continue;
        for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) add(`${prefix}${a1(r, c)}`);
      } else if (/^(?:(?:'[^']+'|[A-Za-z_][\w.]*)!)?\$?[A-Z]{1,3}\$?\d+$/.test(t)) add(t);
      else {
        const target = hf.getNamedExpressionFormula(t, id) ?? hf.getNamedExpressionFormula(t);
        const single = target === undefined ? undefined : /^=((?:'[^']+'|[^!]+)!)?\$?[A-Z]{1,3}\$?\d+$/.exec(target);
        if (single) add(target!.slice(1));
      }
    }
    return out;
  }

  usedRangeAddress(sheet: string): string {
    const { rows, cols } = this.usedSize(sheet);
    return rows === 0 || cols === 0 ? "A1" : `A1:${a1(rows - 1, cols - 1)}`;
  }
}

/**
 * What Range.values enters: blank for "", text for a leading apostrophe (kept: the engine, as
 * Excel, reads "'=x" as the text "=x", without the apostrophe).
 */
function entry(v: unknown): string | number | boolean | null {
  if (v === "" || v === undefined || v === null) return null;
  return v as string | number | boolean;
}

/** A computed value as Office.js reports it (errors as their text, blanks as ""). */
export function excelValue(v: CellResult): unknown {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

/** The most cells of one range an error's source is looked for in. */
const RANGE_CELLS = 1000;
