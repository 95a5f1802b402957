/**
 * How a plan's sheet prints and fits its text: the model sheet's page setup (landscape Letter,
 * every column on one page across, title rows and column, Excel's Narrow margins, a break above
 * the chart), and the estimates of text widths that decide which cells wrap.
 */
import { address, parseAddress } from "./a1";
import type { PlanPrint, PrintMargins, SheetPlan } from "./plan";

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
 * Each paper a plan may ask for, as each host names it: Office.js's PageLayout.paperSize,
 * the .xlsx file's paperSize code (ECMA-376 §18.3.1.63: 1 is Letter), and its size in points
 * (width × height, portrait).
 */
export const PAPERS: Readonly<
  Record<
    PlanPrint["paper"],
    { readonly office: string; readonly code: number; readonly width: number; readonly height: number }
  >
> = {
  letter: { office: "Letter", code: 1, width: 612, height: 792 },
};

/** The sides of a page's margins, in Office.js's order (leftMargin … footerMargin). */
export const MARGIN_SIDES = [
  "left",
  "right",
  "top",
  "bottom",
  "header",
  "footer",
] as const satisfies readonly (keyof PrintMargins)[];

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

/**
 * The manual page breaks a print setup asks for, as every writer applies them: the rows
 * (1-based) that start a page, in order, each once; a break above row 1 starts no page and
 * is left out.
 */
export function pageBreaks(print: Pick<PlanPrint, "breaksBefore">): number[] {
  return [...new Set(print.breaksBefore ?? [])].filter((row) => row > 1).sort((a, b) => a - b);
}

/** Excel's default column width in points (8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_POINTS = 48;

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
