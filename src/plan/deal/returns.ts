/**
 * Levered returns under each structure's own loan (methodology §4, sizing and returns): the
 * equity (the value plus closing costs plus the points, less the loan), the levered cash
 * flow of each year of the hold (NOI, growing at an assumed rate, less the annual debt
 * service; in the last year also the sale at an exit cap rate, less sale costs and the
 * balance), Excel's IRR over them and the first year's cash-on-cash. Years run down the
 * rows, recourse in B and non-recourse in C as everywhere on the sheet; the table has a row
 * per year up to `tableYears` of the deal's hold, and a year after HoldYears is 0.
 */
import { ASSUMPTIONS } from "./assumptions";
import { NOTE, type Pair, pairRow, noteInput, type DealContext, notedHeading } from "./layout";

/** Defaults of the returns' own inputs (assumptions, stated beside them). */
export const RETURNS_DEFAULTS: Readonly<typeof ASSUMPTIONS.returns> = ASSUMPTIONS.returns;

/** The cash-flow table has at least this many years, so that a longer HoldYears still fits. */
export const RETURNS_YEARS = 10;

/**
 * The years a table of the hold runs to (the cash flows here, the exit cost's early-sale
 * years): the hold's, and at least RETURNS_YEARS, so a longer HoldYears typed later still fits.
 */
export function tableYears(holdYears: number): number {
  return Math.max(Math.ceil(holdYears), RETURNS_YEARS);
}

/** What the section writes that later sections (and the summary) read. */
export interface ReturnsCells {
  readonly equity: Pair;
  readonly irr: Pair;
  readonly cashOnCash: Pair;
  /** The cash flows, year 0 (the equity, negative) to the table's last year: B and C ranges. */
  readonly flows: Pair;
}

export function returnsSection(ctx: Pick<DealContext, "s" | "inp" | "terms" | "deal">): ReturnsCells {
  const { s, inp, terms, deal } = ctx;
  const d = { ...RETURNS_DEFAULTS, ...deal.template.sizing };
  const { noi, propertyValue: value, holdYears: hold } = inp;
  notedHeading(
    s,
    "Levered returns (each structure's own loan)",
    "Equity, the levered cash flow of each year and the sale at the end of the hold (methodology §4)",
  );
  /** The returns' inputs are all shares or rates. */
  const input = (label: string, v: number, name: string, note: string): string =>
    noteInput(s, label, v, "rate", name, note);
  const closing = input(
    "Closing costs (share of the value)",
    d.closingCosts,
    "ClosingCosts",
    "Assumption: 1 % of the value (title, legal, reports), paid in cash with the points",
  );
  const growth = input(
    "NOI growth a year over the hold",
    d.noiGrowth,
    "HoldNOIGrowth",
    "Assumption: flat NOI (the template gives no growth)",
  );
  const expansion = input(
    "Sale cap rate over the going-in cap rate",
    d.saleCapExpansion,
    "SaleCapExpansion",
    "Assumption: 0.5 % of cap-rate expansion by the sale",
  );
  const saleCosts = input(
    "Sale costs (share of the sale price)",
    d.saleCosts,
    "SaleCosts",
    "Assumption: 2 % (brokerage, transfer)",
  );
  const equity = pairRow(
    s,
    "Equity (value + closing costs + points − loan)",
    `=${value}*(1+${closing})+${terms.loan.r}*${terms.points.r}-${terms.loan.r}`,
    `=${value}*(1+${closing})+${terms.loan.n}*${terms.points.n}-${terms.loan.n}`,
    "money",
    { note: "The sponsor's cash at closing under each structure's loan and points" },
  );
  s.name("Equity", `${equity.r}:${equity.n}`);
  const capRow = s.label("Sale cap rate");
  const cap = s.formula("B", capRow, `=${noi}/${value}+${expansion}`, "rate", "SaleCapRate");
  s.text(NOTE, capRow, "Going-in cap rate (NOI ÷ value) plus the expansion");
  const saleRow = s.label("Sale price at the end of the hold");
  const sale = s.formula("B", saleRow, `=${noi}*(1+${growth})^${hold}/${cap}`, "money", "HoldSalePrice");
  s.text(NOTE, saleRow, "The next year's NOI (the buyer's first) ÷ the sale cap rate");
  const net = pairRow(
    s,
    "Net sale proceeds (sale − costs − balance)",
    `=${sale}*(1-${saleCosts})-${terms.balance.r}`,
    `=${sale}*(1-${saleCosts})-${terms.balance.n}`,
    "money",
    { note: "Each structure's balance at the end of the hold repaid from the sale" },
  );

  const years = tableYears(deal.inputs.holdYears);
  const first = pairRow(s, "Year 0: equity in", `=-${equity.r}`, `=-${equity.n}`, "money", {
    note: "Levered cash flow: NOI − annual debt service; in the hold's last year also the net sale proceeds; 0 after it",
  });
  let last = first.row;
  for (let t = 1; t <= years; t++) {
    const flow = (ds: string, sold: string): string =>
      `=IF(${t}>${hold},0,${noi}*(1+${growth})^${t - 1}-${ds}+IF(${t}=${hold},${sold},0))`;
    last = pairRow(s, `Year ${t}`, flow(terms.debtService.r, net.r), flow(terms.debtService.n, net.n), "money").row;
  }
  const flows: Pair = { r: `B${first.row}:B${last}`, n: `C${first.row}:C${last}` };
  const fits = `AND(${hold}>=1,${hold}<=${years},${hold}=ROUND(${hold},0))`;
  const irrF = (range: string) => `=IF(${fits},IRR(${range}),"the table runs whole years 1 to ${years}")`;
  const irr = pairRow(s, "Levered IRR", irrF(flows.r), irrF(flows.n), "rate", {
    note: "Excel's IRR over the year-0 to last-year cash flows (annual; debt service paid monthly, summed by year)",
  });
  s.name("LeveredIRR", `${irr.r}:${irr.n}`);
  const cashOnCash = pairRow(
    s,
    "Cash-on-cash, year 1",
    `=(${noi}-${terms.debtService.r})/${equity.r}`,
    `=(${noi}-${terms.debtService.n})/${equity.n}`,
    "rate",
    { note: "(NOI − annual debt service) ÷ equity" },
  );
  s.name("CashOnCash", `${cashOnCash.r}:${cashOnCash.n}`);
  return { equity, irr, cashOnCash, flows };
}
