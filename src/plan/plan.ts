/**
 * A plan: what a template writes into a workbook, as plain data (cells, formulas, formats,
 * names, frozen panes, a chart, how it prints). These are its types; A1 addressing and sheet
 * names are in a1.ts, the page setup and the text-fitting rules in page.ts. Pure: no Office,
 * no engine. Small writers apply a plan to
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

/**
 * One point of a color scale: where it sits in the range's values and its color. `lowest` and
 * `highest` are the range's smallest and largest numbers; `percentile` is the given
 * percentile (0–100) of the range's numbers, as Excel's PERCENTILE.INC computes it; `number`
 * is the given value itself.
 */
export interface ColorScalePoint {
  readonly at: keyof typeof SCALE_POINTS;
  /** For `percentile` (0–100) and `number`. */
  readonly value?: number;
  /** "#RRGGBB". */
  readonly color: string;
}

/**
 * Each kind of color-scale point, as each host names it: Office.js's
 * ConditionalFormatColorCriterionType and the .xlsx file's `<cfvo type>` (ECMA-376 §18.18.12).
 */
export const SCALE_POINTS = {
  lowest: { office: "LowestValue", file: "min" },
  highest: { office: "HighestValue", file: "max" },
  percentile: { office: "Percentile", file: "percentile" },
  number: { office: "Number", file: "num" },
} as const;

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

/**
 * The heat maps' colors: a blue–yellow–orange scale that reads the same to the colour-blind (ColorBrewer's RdYlBu,
 * its light inner colors), not Excel's red–green, which a deuteranope hardly tells apart. Light enough that the
 * numbers stay in the cells in black (contrast 9:1 or more). `good` is the favourable end, `bad` the other;
 * `green`, `yellow` and `red` are the names the deal sheet's grids use for the same three (good, middle, bad).
 */
const GOOD = "#91BFDB";
const NEUTRAL = "#FFFFBF";
const BAD = "#FC8D59";
export const HEAT = {
  good: GOOD,
  neutral: NEUTRAL,
  bad: BAD,
  green: GOOD,
  yellow: NEUTRAL,
  red: BAD,
  white: "#FFFFFF",
} as const;

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
  /** Color scales (heat maps), applied after the cells; where two cover a cell, the later one shades it. */
  readonly conditionalFormats?: readonly PlanConditionalFormat[];
}

/** Financial-model convention: inputs blue, formulas black. */
export const INPUT_COLOR = "#0000FF";
export const FORMULA_COLOR = "#000000";

/**
 * A boolean's number format, which every writer gives a boolean constant the plan sets no format for: TRUE or
 * FALSE as Excel shows a boolean under any format, and LibreOffice only under this one (its own for booleans; under
 * a cell style's General it shows 1 or 0).
 */
export const BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"';

export const FORMATS = {
  money: "#,##0.00",
  rate: "0.00%",
  probability: "0.0%",
  years: "0",
} as const;
