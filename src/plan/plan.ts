/**
 * A plan: what a template writes into a workbook, as plain data (cells, formulas, formats,
 * names, frozen panes, a chart). Pure: no Office, no engine. Small writers apply a plan to
 * a host: Excel through Office.js (src/taskpane/excel-writer.ts), the headless engine and
 * an .xlsx file (src/engine/plan-writers.ts). Tests check the plan and what each host
 * computes from it.
 */

export type PlanValue = string | number | boolean;

export interface PlanCell {
  /** A single-cell A1 address on the plan's sheet, e.g. "B5". */
  readonly address: string;
  /** A constant (text or number); not set when `formula` is. */
  readonly value?: PlanValue;
  /** An English-locale formula beginning with "=". */
  readonly formula?: string;
  /** An Excel number format code (locale-independent). */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** "#RRGGBB". */
  readonly fontColor?: string;
  /**
   * Wrap the text within the cell's column (the row grows to fit). Set on text that would
   * otherwise run past the next filled cell or the sheet's last column (see `wrapLongText`).
   */
  readonly wrap?: boolean;
}

export interface ColumnWidth {
  /** Column letters, e.g. "A". */
  readonly column: string;
  /** Width in points (what Office.js `format.columnWidth` takes). */
  readonly points: number;
}

/**
 * A name for a cell or range of the plan's sheet, scoped to that sheet (so a second copy of the sheet can have its
 * own).
 */
export interface PlanName {
  readonly name: string;
  /** A1 address on the plan's sheet: "B4" or "B4:B9". */
  readonly address: string;
}

/** A line chart drawn from ranges of the plan's sheet. */
export interface PlanChart {
  readonly title: string;
  /** The x values (categories), a column range such as "A40:A50". */
  readonly categories: string;
  readonly series: readonly { readonly name: string; readonly values: string }[];
  /** Where it sits: top-left and bottom-right cells. */
  readonly from: string;
  readonly to: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
  /** Number formats of the tick labels: the category (x) axis and the value (y) axis. */
  readonly xFormat?: string;
  readonly yFormat?: string;
  /** The size of the chart's text in points (titles, tick labels, legend); omitted: the host's (Excel's 10). */
  readonly fontSize?: number;
}

/**
 * How the sheet prints: the orientation and paper, scaled so that every column fits one
 * page across (the pages down follow from the length: Excel's "Fit All Columns on One
 * Page"), with title rows and columns repeated on every page so each printed figure keeps
 * its row label and its column heading.
 */
export interface PlanPrint {
  readonly orientation: "landscape" | "portrait";
  readonly paper: "letter";
  /** Pages across (1: every column on one page); the pages down are automatic. */
  readonly fitToPagesWide: number;
  /** Whole rows repeated at the top of every page, e.g. "1:3". */
  readonly titleRows?: string;
  /** Whole columns repeated at the left of every page, e.g. "A:A". */
  readonly titleColumns?: string;
  /** The range printed, e.g. "A1:M140"; omitted: the sheet's used range. */
  readonly area?: string;
  /** Page margins in inches, as Excel's Page Setup shows them; omitted: the host's default. */
  readonly margins?: PrintMargins;
  /** Rows (1-based) that start a new page: manual page breaks above them (the chart's heading, so it prints whole). */
  readonly breaksBefore?: readonly number[];
}

/** Page margins in inches: the page's edges to the printed cells, and to the header and footer. */
export interface PrintMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/** Excel's "Narrow" margins preset (Page Layout > Margins > Narrow). */
export const NARROW_MARGINS: PrintMargins = {
  left: 0.25,
  right: 0.25,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/**
 * One point of a color scale: where it sits in the range's values and its color. `lowest` and
 * `highest` are the range's smallest and largest numbers; `percentile` is the given
 * percentile (0–100) of the range's numbers, as Excel's PERCENTILE.INC computes it; `number`
 * is the given value itself.
 */
export interface ColorScalePoint {
  readonly at: "lowest" | "highest" | "percentile" | "number";
  /** For `percentile` (0–100) and `number`. */
  readonly value?: number;
  /** "#RRGGBB". */
  readonly color: string;
}

/**
 * Conditional formatting: a 2-color scale (minimum, maximum) or a 3-color one (with a
 * midpoint) over a range, shading each numeric cell by its value, as Excel's color scales do
 * (Office.js ColorScaleConditionalFormat, the .xlsx `<colorScale>` rule). Text, blank and
 * error cells are not shaded.
 */
export interface PlanColorScale {
  readonly type: "colorScale";
  /** A1 range on the plan's sheet: "B60:F66". */
  readonly range: string;
  readonly minimum: ColorScalePoint;
  readonly midpoint?: ColorScalePoint;
  readonly maximum: ColorScalePoint;
}

export type PlanConditionalFormat = PlanColorScale;

/** Excel's own 3-color scales (Home › Conditional Formatting › Color Scales): green, yellow, red. */
export const HEAT = { green: "#63BE7B", yellow: "#FFEB84", red: "#F8696B", white: "#FFFFFF" } as const;

/** A 3-color scale over `range`: lowest, 50th percentile, highest, in the colors given (low to high). */
export function colorScale(range: string, low: string, mid: string, high: string): PlanColorScale {
  return {
    type: "colorScale",
    range,
    minimum: { at: "lowest", color: low },
    midpoint: { at: "percentile", value: 50, color: mid },
    maximum: { at: "highest", color: high },
  };
}

export interface SheetPlan {
  /** The name wanted; the writer makes it unique with `uniqueSheetName`. */
  readonly sheetName: string;
  readonly cells: readonly PlanCell[];
  readonly columnWidths: readonly ColumnWidth[];
  readonly names?: readonly PlanName[];
  /** Rows and columns kept in view (a frozen header). */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly chart?: PlanChart;
  readonly print?: PlanPrint;
  /** Color scales (heat maps), applied after the cells. */
  readonly conditionalFormats?: readonly PlanConditionalFormat[];
}

/** OOXML's paper size code for each paper a plan may ask for (ECMA-376 §18.3.1.63: 1 is Letter). */
export const PAPER_CODES: Readonly<Record<PlanPrint["paper"], number>> = { letter: 1 };

/**
 * A model sheet's print setup: landscape Letter, every column on one page across, the first
 * `titleRows` rows (the title and the column headings) and column A (the row labels) on
 * every page, over the cells and the chart (so the chart prints within the page's width).
 */
export function modelPrint(plan: Pick<SheetPlan, "cells" | "chart">, titleRows: number): PlanPrint {
  let bottom = 0;
  let right = 0;
  const corners = [...plan.cells.map((c) => c.address), ...(plan.chart ? [plan.chart.to] : [])];
  for (const a of corners) {
    const { row, col } = parseAddress(a);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return {
    orientation: "landscape",
    paper: "letter",
    fitToPagesWide: 1,
    ...(titleRows > 0 ? { titleRows: `1:${titleRows}` } : {}),
    titleColumns: "A:A",
    area: `A1:${address(bottom, right)}`,
    margins: NARROW_MARGINS,
    // The chart starts a page, with its heading (the row above it): fit to the width, the pages
    // break where the rows fall, and a chart across a break prints in two pieces.
    ...(plan.chart ? { breaksBefore: [parseAddress(plan.chart.from).row] } : {}),
  };
}

/** Excel's default column width in points (8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_POINTS = 48;

/** Paper sizes in points (width × height, portrait). */
export const PAPER_POINTS: Readonly<Record<PlanPrint["paper"], { width: number; height: number }>> = {
  letter: { width: 612, height: 792 },
};

/**
 * The width a text takes in Calibri 11 (Excel's default font), in points: an estimate on the
 * wide side (5.6 points a character, 6.2 bold, where Calibri's average is nearer 5.2), so that
 * text estimated to fit does fit.
 */
export function textPoints(text: string, bold = false): number {
  return text.length * (bold ? 6.2 : 5.6) + 6;
}

/** Each column's width in points, from A to the last column `right` (0-based), default where unset. */
export function columnPoints(plan: Pick<SheetPlan, "columnWidths">, right: number): number[] {
  const widths = new Map(plan.columnWidths.map((w) => [parseAddress(`${w.column}1`).col, w.points]));
  return Array.from({ length: right + 1 }, (_, c) => widths.get(c) ?? DEFAULT_COLUMN_POINTS);
}

/**
 * The room a text in `address` has on one line, in points: its column and the empty columns
 * to its right (text runs on over them, as in Excel), up to the last column `right`.
 */
export function textRoom(filled: ReadonlySet<string>, widths: readonly number[], address: string): number {
  const { row, col } = parseAddress(address);
  let room = widths[col] ?? DEFAULT_COLUMN_POINTS;
  for (let c = col + 1; c < widths.length && !filled.has(`${row}:${c}`); c++) room += widths[c];
  return room;
}

/**
 * Marks `wrap` on each text constant too long for its room (its column and the empty ones
 * to its right, up to the sheet's last column): in print, text past the last column would
 * widen the page and shrink the whole sheet, and text stopped by a filled cell is cut off.
 * Formulas are left as they are (their text is known only once computed; a section marks
 * its long text formulas itself).
 */
export function wrapLongText(plan: SheetPlan): SheetPlan {
  const filled = new Set<string>();
  let right = 0;
  for (const c of plan.cells) {
    const { row, col } = parseAddress(c.address);
    filled.add(`${row}:${col}`);
    right = Math.max(right, col);
  }
  const widths = columnPoints(plan, right);
  const cells = plan.cells.map((c) =>
    typeof c.value === "string" &&
    c.wrap === undefined &&
    textPoints(c.value, c.bold) > textRoom(filled, widths, c.address)
      ? { ...c, wrap: true }
      : c,
  );
  return { ...plan, cells };
}

/** Financial-model convention: inputs blue, formulas black. */
export const INPUT_COLOR = "#0000FF";
export const FORMULA_COLOR = "#000000";

export const FORMATS = {
  money: "#,##0.00",
  rate: "0.00%",
  probability: "0.0%",
  years: "0",
} as const;

/** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function column(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name (plus control characters). */
const FORBIDDEN = /[\\/?*[\]:\u0000-\u001f\u007f]/g;

/** The sheet name Excel keeps for itself (compared case-insensitively). */
const RESERVED_SHEET_NAME = "history";

/**
 * Whether Excel accepts `name` for a sheet: 1 to 31 characters, none of \ / ? * [ ] : or a
 * control character, no leading or trailing apostrophe, not "History". `uniqueSheetName`
 * only ever returns such names; the preview's emulated Excel refuses the others.
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !new RegExp(FORBIDDEN.source).test(name) &&
    !/^'|'$/.test(name) &&
    name.toLowerCase() !== RESERVED_SHEET_NAME
  );
}

/**
 * A sheet name Excel accepts and that no existing sheet has (compared case-insensitively,
 * as Excel does): forbidden characters removed, no leading or trailing apostrophe, at most
 * 31 characters, not the reserved "History"; on a clash, " (2)", " (3)", … is appended,
 * shortening the base so that the whole still fits.
 */
export function uniqueSheetName(existing: readonly string[], base: string): string {
  const clean = trimName(base.replace(FORBIDDEN, "")) || "Sheet";
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  taken.add(RESERVED_SHEET_NAME);
  const first = fit(clean, "");
  if (!taken.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) {
    const candidate = fit(clean, ` (${n})`);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Removes surrounding spaces and apostrophes (Excel rejects a name that starts or ends with one). */
function trimName(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, "");
}

/** base + suffix within MAX_SHEET_NAME characters, cutting the base (never a surrogate pair in half). */
function fit(base: string, suffix: string): string {
  let head = base;
  const room = MAX_SHEET_NAME - suffix.length;
  if (head.length > room) {
    head = head.slice(0, room);
    if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
    head = trimName(head) || "Sheet".slice(0, room);
  }
  return head + suffix;
}

/** A1 address → 0-based row and column ("$" allowed): "B4" → { row: 3, col: 1 }. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  const col =
    m[1]
      .toUpperCase()
      .split("")
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** A1 range → corners, 0-based: "A3:E15" → { top: 2, left: 0, bottom: 14, right: 4 }; a single cell is a 1×1 range. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.split(":");
  const s = parseAddress(a);
  const e = parseAddress(b);
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

/** 0-based row and column → A1 address. */
export function address(row: number, col: number): string {
  return `${column(col)}${row + 1}`;
}

/** An A1 cell or range made absolute: "B4:B9" → "$B$4:$B$9" (a name's reference). */
export function absoluteRef(ref: string): string {
  return ref
    .split(":")
    .map((a) => {
      const { row, col } = parseAddress(a);
      return `$${column(col)}$${row + 1}`;
    })
    .join(":");
}

/** A sheet name as a formula refers to it: bare when it can be, quoted otherwise ('Deal 1'). */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
