/**
 * Personal exposure against sale price: the last scenario's claim at each sale price of the
 * template's sensitivity list, under each structure, and the chart drawn from it.
 */
import type { PlanChart } from "../plan";
import type { CarveoutCells, InputCells } from "./inputs";
import { type Deal, type DealSheet } from "./layout";
import { exposureFormulas, type OutcomeCells, type TermCells } from "./side-by-side";

/** Where the table is: its heading's row and its first and last data rows. */
export interface SensitivityRows {
  readonly top: number;
  readonly first: number;
  readonly last: number;
}

export function sensitivitySection(
  s: DealSheet,
  deal: Deal,
  inp: InputCells,
  terms: TermCells,
  out: OutcomeCells,
  carve: CarveoutCells,
): SensitivityRows {
  const top = s.heading("Personal exposure against sale price (last scenario's claim)", 1);
  const head = s.next();
  s.headings(head, [
    "Sale price (share of value)",
    "Recourse exposure",
    "Non-recourse exposure",
    "Difference",
    "Sale price",
  ]);
  const claim = out.lastClaim;
  for (const share of deal.template.sensitivity) {
    const r = s.next();
    const f = s.input("A", r, share, "share");
    const sale = s.formula("E", r, `=${inp.propertyValue}*${f}`, "money");
    const exp = exposureFormulas(inp, terms, carve, claim, { r: sale, n: sale }, inp.state);
    const er = s.formula("B", r, exp.r, "money");
    const en = s.formula("C", r, exp.n, "money");
    s.formula("D", r, `=${en}-${er}`, "money");
  }
  const rows = { top, first: head + 1, last: s.row };
  s.name("SensitivityShares", `A${rows.first}:A${rows.last}`);
  return rows;
}

/** The line chart of the sensitivity table, beside it (G:M). */
export function exposureChart(rows: SensitivityRows): PlanChart {
  const { top, first, last } = rows;
  return {
    title: "Personal exposure against sale price",
    categories: `E${first}:E${last}`,
    series: [
      { name: "Recourse", values: `B${first}:B${last}` },
      { name: "Non-recourse", values: `C${first}:C${last}` },
    ],
    from: `G${top}`,
    to: `M${top + 18}`,
    xTitle: "Sale price",
    yTitle: "Personal exposure",
  };
}
