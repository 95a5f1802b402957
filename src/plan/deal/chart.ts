/**
 * The chart that shows the decision: personal exposure against sale price under each
 * structure (and each state's law when the template compares two), from the sensitivity
 * tables. It sits below the grids, over columns A:E (about 705 points: two thirds of the
 * sheet's width, inside the print area, so it prints within the landscape page's width), on
 * rows kept empty for it.
 */
import { quote } from "../formula";
import { DEAL_FORMATS, type DealSheet, NOTE } from "./layout";
import type { PlanChart } from "../plan";
import type { SensitivityRows } from "./sensitivity";

/** Rows the chart covers (about 15 points each: some 360 points tall over A:E's 705 points). */
export const CHART_ROWS = 24;

/** Writes the chart's heading, keeps CHART_ROWS rows below it empty and returns the chart placed on them. */
export function chartSection(s: DealSheet, rows: SensitivityRows): PlanChart {
  const top = s.heading("Chart: personal exposure against sale price", 1);
  s.formula(NOTE, top, chartNote(rows));
  s.row += CHART_ROWS;
  return exposureChart(rows, top + 1);
}

/** What the chart's note says when a line has nothing to draw (issue 25: the chart says why). */
export const CHART_NOTES = {
  nonRecourseFlat: "Non-recourse: no personal exposure at any sale price in this range, so its line lies on the axis",
  recourseFlat: "Recourse: no personal exposure at any sale price in this range, so its line lies on the axis",
  inError: "Nothing to draw: an input above is in error (see the sensitivity table)",
} as const;

/** The note beside the chart's heading: why a line lies on the axis, or why nothing is drawn; empty otherwise. */
export function chartNote(rows: SensitivityRows): string {
  const most = (col: string): string => `MAX(${rows.laws.map((l) => `${col}${l.first}:${col}${l.last}`).join(",")})`;
  const flat = `IF(${most("C")}=0,${quote(CHART_NOTES.nonRecourseFlat)},IF(${most("B")}=0,${quote(CHART_NOTES.recourseFlat)},""))`;
  return `=IFERROR(${flat},${quote(CHART_NOTES.inError)})`;
}

/**
 * The line chart of the sensitivity tables: x the sale price as a share of the property's
 * value, y the personal exposure; one line per structure, per state's law when there are two.
 */
export function exposureChart(rows: SensitivityRows, at: number): PlanChart {
  const two = rows.laws.length > 1;
  return {
    title: "Personal exposure against sale price",
    categories: `A${rows.first}:A${rows.last}`,
    series: rows.laws.flatMap((law) => {
      const under = two ? ` (${law.state} law)` : "";
      return [
        { name: `Recourse${under}`, values: `B${law.first}:B${law.last}` },
        { name: `Non-recourse${under}`, values: `C${law.first}:C${law.last}` },
      ];
    }),
    from: `A${at}`,
    to: `E${at + CHART_ROWS - 1}`,
    xTitle: "Sale price (share of the property's value)",
    yTitle: "Personal exposure",
    xFormat: "0%",
    yFormat: DEAL_FORMATS.money,
    // Printed at the sheet's fit-to-width scale (about 70 %), 12 points print at about 8.
    fontSize: 12,
  };
}
