/**
 * Personal exposure against sale price: the last scenario's claim at each sale price of the
 * template's sensitivity list, under each structure, one table per state's law (the deal's,
 * then the compared one); the chart drawn from them (chart.ts) sits below the grids.
 */
import { type DealContext } from "./layout";
import { exposureFormulas } from "./side-by-side";

/** One state's table: the state code when the sheet was built, and the rows of its exposures. */
export interface SensitivityLaw {
  readonly state: string;
  readonly first: number;
  readonly last: number;
}

/** Where the tables are: the first one's heading row and data rows, and each state's rows. */
export interface SensitivityRows {
  readonly top: number;
  readonly first: number;
  readonly last: number;
  readonly laws: readonly SensitivityLaw[];
}

export function sensitivitySection(
  ctx: Pick<DealContext, "s" | "deal" | "inp" | "terms" | "outcomes" | "carveouts">,
): SensitivityRows {
  const { s, deal, inp, terms, outcomes: out, carveouts: carve } = ctx;
  const top = s.heading("Personal exposure against sale price (last scenario's claim)", 1);
  const states = [deal.inputs.state, ...(deal.compareState ? [deal.compareState] : [])];
  let base = 0; // the first table's first data row: the other tables repeat its shares
  const laws = out.laws.map((law, li): SensitivityLaw => {
    if (li > 0) s.formula("A", s.next(1), `="The same under "&${law}&" law"`, undefined, undefined, true);
    const head = s.next();
    s.headings(head, [
      "Sale price (share of value)",
      "Recourse exposure",
      "Non-recourse exposure",
      "Non-recourse − recourse",
      "Sale price",
    ]);
    if (li === 0) base = head + 1;
    const claim = out.lastClaim;
    deal.template.sensitivity.forEach((share, i) => {
      const r = s.next();
      const f = li === 0 ? s.input("A", r, share, "share") : s.formula("A", r, `=A${base + i}`, "share");
      const sale = s.formula("E", r, `=${inp.propertyValue}*${f}`, "money");
      const exp = exposureFormulas(inp, terms, carve, claim, { r: sale, n: sale }, law);
      const er = s.formula("B", r, exp.r, "money");
      const en = s.formula("C", r, exp.n, "money");
      s.formula("D", r, `=${en}-${er}`, "money");
    });
    return { state: String(states[li] ?? law), first: head + 1, last: s.row };
  });
  const first = laws[0];
  s.name("SensitivityShares", `A${first.first}:A${first.last}`);
  return { top, first: first.first, last: first.last, laws };
}
