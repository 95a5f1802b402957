/**
 * The time-aware downside: a default in year `DefaultYear`. The unpaid principal is each
 * structure's LOAN.BALANCE then (so the loan, rate, amortization and interest-only inputs all
 * flow through) plus the interest accrued over the months to the sale; the sale price is the
 * last scenario's NOI capitalized at the going-in cap rate plus an expansion, less nothing
 * (foreclosure costs are in the claim); the deficiency, what the state's law lets the lender
 * pursue and the personal exposure per structure (methodology §3, §5, §8). Beside it, the
 * premium in present value and the put's value (methodology §6, §16).
 */
import { ASSUMPTIONS } from "./assumptions";
import { call } from "../formula";
import { type DealSheet, NOTE, type Pair, pairRow, noteInput, type DealContext, notedHeading } from "./layout";
import { BASE_NAMES } from "./market";
import { exposureFormulas, pursueRow, reachable, springingRow } from "./side-by-side";

/** What the downside section writes that later sections read. */
export interface DownsideCells {
  readonly year: string;
  readonly unpaid: Pair;
  readonly accrued: Pair;
  readonly claim: Pair;
  /** The sale price at the default (the same under both structures). */
  readonly sale: Pair;
  readonly deficiency: Pair;
  /** Personal exposure per state's law. */
  readonly exposures: readonly Pair[];
  /** What the lender may pursue from the borrower, per state's law (non-recourse: 0, the note bars it). */
  readonly pursue: readonly Pair[];
  /** What the lender may pursue under non-recourse if the stressed carveouts spring. */
  readonly springing: string;
  readonly putValue: string;
  /** The months of interest accrued from the default to the sale (an input). */
  readonly accruedMonths: string;
  /** The claim at the end of the hold, the put's strike (HoldClaim). */
  readonly holdClaim: string;
  /** The guarantor's collectible capacity (CollectibleCapacity). */
  readonly capacity: string;
  /** The put spread up to the capacity the lender could reach (ProtectionValue). */
  readonly protectionValue: string;
}

/**
 * The risk-free rate the put is priced at, from the market table: the 10-year Treasury's yield
 * (semi-annual, bond-equivalent) as the continuous rate LOAN.PUT_VALUE takes, 2·ln(1 + y/2).
 */
export const RISK_FREE_FORMULA = `=2*LN(1+${BASE_NAMES.UST10}/2)`;

/** Defaults of the downside's own inputs (assumptions, stated beside them). */
export const DOWNSIDE_DEFAULTS: Readonly<typeof ASSUMPTIONS.downside> = ASSUMPTIONS.downside;

/** The risk-free rate: a template's own (an input), else the market table's Treasury as a continuous rate. */
function riskFreeRow(s: DealSheet, own: number | undefined): string {
  const label = "Risk-free rate (continuous)";
  if (own !== undefined) return noteInput(s, label, own, "rate", "RiskFreeRate", "The template's assumption");
  const r = s.label(label);
  s.text(
    NOTE,
    r,
    "The market table's 10-year Treasury yield (MarketTreasury10Y, semi-annual) as a continuous rate: 2·ln(1 + y/2) (methodology §16)",
  );
  return s.formula("B", r, RISK_FREE_FORMULA, "rate", "RiskFreeRate");
}

export function downsideSection(
  ctx: Pick<DealContext, "s" | "deal" | "inp" | "terms" | "scenarios" | "carveouts" | "outcomes">,
): DownsideCells {
  const { s, deal, inp, terms, scenarios, carveouts: carve, outcomes } = ctx;
  const laws = outcomes.laws;
  const d = { ...DOWNSIDE_DEFAULTS, ...deal.downside };
  const { noi, propertyValue: value, amortYears: amort, interestOnly: io } = inp;
  notedHeading(
    s,
    "Downside at a default (time-aware)",
    "Every loan input flows through: the balance at the default year under each structure",
  );
  const year = noteInput(
    s,
    "Default year",
    d.defaultYear,
    "years",
    "DefaultYear",
    "Assumption: the year the sponsor stops paying (1 to the hold)",
  );
  const months = noteInput(
    s,
    "Months of interest accrued to the sale",
    d.accruedMonths,
    "years",
    "AccruedMonths",
    "Assumption: unpaid interest from the default to the foreclosure sale (methodology §5 claim)",
  );
  const expansion = noteInput(
    s,
    "Exit cap rate over the going-in cap rate",
    d.capExpansion,
    "rate",
    "CapExpansion",
    "Assumption: cap-rate expansion in the downside",
  );
  const last = scenarios[scenarios.length - 1];
  const capRow = s.label("Exit cap rate");
  const exitCap = s.formula("B", capRow, `=${noi}/${value}+${expansion}`, "rate", "ExitCap");
  s.text(NOTE, capRow, "Going-in cap rate (NOI ÷ value) plus the expansion");
  const saleF = `=${noi}*${last.noiFactor}/${exitCap}`;
  const sale = pairRow(s, "Sale price at the default", saleF, saleF, "money", {
    diff: false,
    note: "The last scenario's NOI ÷ the exit cap rate",
  });
  const ioYears = `IF(${io},${year},0)`;
  const unpaid = pairRow(
    s,
    "Unpaid principal at the default (LOAN.BALANCE)",
    `=${call("BALANCE", terms.loan.r, terms.rate.r, amort, year, ioYears)}`,
    `=${call("BALANCE", terms.loan.n, terms.rate.n, amort, year, ioYears)}`,
    "money",
    { note: "Each structure's balance at the default year (methodology §3)" },
  );
  s.name("UnpaidAtDefault", `${unpaid.r}:${unpaid.n}`);
  const accrued = pairRow(
    s,
    "Interest accrued to the sale",
    `=${unpaid.r}*${terms.rate.r}*${months}/12`,
    `=${unpaid.n}*${terms.rate.n}*${months}/12`,
    "money",
  );
  const claim = pairRow(
    s,
    "Claim (principal, interest, costs)",
    `=${unpaid.r}+${accrued.r}+${inp.foreclosureCosts}`,
    `=${unpaid.n}+${accrued.n}+${inp.foreclosureCosts}`,
    "money",
  );
  const deficiencyF = (u: string, a: string) => `=${call("DEFICIENCY", u, sale.r, a, undefined, inp.foreclosureCosts)}`;
  const deficiency = pairRow(
    s,
    "Deficiency at the default (LOAN.DEFICIENCY)",
    deficiencyF(unpaid.r, accrued.r),
    deficiencyF(unpaid.n, accrued.n),
    "money",
    { note: "methodology §5" },
  );
  const springing = springingRow(s, carve, claim, sale);
  const pursue: Pair[] = [];
  const exposures = laws.map((law) => {
    pursue.push(pursueRow(s, inp, law, claim, sale, " at the default"));
    const er = s.next();
    s.formula("A", er, `="Personal exposure at the default under "&${law}&" law"`);
    s.wrap(`A${er}`);
    const f = exposureFormulas(inp, terms, carve, claim, sale, law);
    const exp: Pair = { r: s.formula("B", er, f.r, "money"), n: s.formula("C", er, f.n, "money") };
    s.formula("D", er, `=${exp.n}-${exp.r}`, "money");
    return exp;
  });

  // The protection's price against what it is worth (methodology §6, §16).
  const vol = noteInput(
    s,
    "Volatility of the property's value",
    d.volatility,
    "rate",
    "Volatility",
    "Downing, Stanton & Wallace (2008): implied by 14,000 CMBS loans' pricing, about 20–24 % a year; the low end. Appraisal-based indices understate it (methodology §16)",
  );
  const rf = riskFreeRow(s, deal.downside.riskFree);
  const kRow = s.label("Claim at the end of the hold (balance, interest to the sale, costs)");
  const holdClaim = s.formula(
    "D",
    kRow,
    `=${terms.balance.n}*(1+${terms.rate.n}*${months}/12)+${inp.foreclosureCosts}`,
    "money",
    "HoldClaim",
  );
  s.text(
    NOTE,
    kRow,
    "The non-recourse balance at the hold, with the interest and costs the downside counts: the put's strike",
  );
  const payout = `${noi}/${value}`;
  const putRow = s.label("Put value of non-recourse (LOAN.PUT_VALUE)");
  const putValue = s.formula(
    "D",
    putRow,
    `=${call("PUT_VALUE", value, holdClaim, inp.holdYears, vol, rf, payout)}`,
    "money",
    "PutValue",
  );
  s.text(
    NOTE,
    putRow,
    "The whole put: what non-recourse is worth if every deficiency could be collected (methodology §16)",
  );
  const protection = guarantorRows(s, ctx, { holdClaim, vol, rf, payout });
  return {
    year,
    unpaid,
    accrued,
    claim,
    sale,
    deficiency,
    exposures,
    pursue,
    springing,
    putValue,
    accruedMonths: months,
    holdClaim,
    ...protection,
  };
}

/**
 * The guarantor's other contingent liabilities: a blue input (the template's assumption), or, when
 * the deal reads them from a portfolio's roll-up, a formula of that cell (its guarantor's total
 * exposure less this loan's own: nothing counted twice, nothing circular).
 */
function otherLiabilitiesRow(s: DealSheet, value: number, from: string | undefined): string {
  const label = "Guarantor's other contingent liabilities";
  const name = "OtherContingentLiabilities";
  if (!from)
    return noteInput(
      s,
      label,
      value,
      "money",
      name,
      "Its other guaranties compete for the same assets; 0 until the guarantor's book is entered",
    );
  const r = s.label(label);
  s.text(
    NOTE,
    r,
    "From the portfolio's roll-up: its guarantor's exposure under the stress on its other loans (the book's total less this loan)",
  );
  return s.formula("B", r, `=${from}`, "money", name);
}

/**
 * What recourse could actually collect, and so what non-recourse is worth (methodology §10, §16):
 * the guarantor's collectible capacity (LOAN.COLLECTIBLE_CAPACITY), at most what the guarantee
 * covers and nothing where the state's law bars pursuing a guarantor; the protection's value is
 * the put spread up to that capacity (LOAN.PROTECTION_VALUE).
 */
function guarantorRows(
  s: DealSheet,
  { deal, inp, terms }: Pick<DealContext, "deal" | "inp" | "terms">,
  put: { holdClaim: string; vol: string; rf: string; payout: string },
): { capacity: string; protectionValue: string } {
  const d = { ...DOWNSIDE_DEFAULTS, ...deal.downside };
  notedHeading(
    s,
    "What recourse could collect: the guarantor's capacity",
    "Recourse is worth only what can be collected (methodology §10)",
  );
  const share = noteInput(
    s,
    "Share of net worth beyond liquidity a lender could collect",
    d.netWorthShare,
    "share",
    "NetWorthCollectibleShare",
    "Assumption: 0, lenders count on liquid assets (covenants test liquidity, methodology §15); raise it for assets a judgment could reach",
  );
  const other = otherLiabilitiesRow(s, d.otherLiabilities, deal.otherLiabilitiesFrom);
  const years = noteInput(
    s,
    "Years to collect from the guarantor",
    d.collectionYears,
    "decimal",
    "CollectionYears",
    "Assumption: a year of suit and enforcement after the sale",
  );
  const capRow = s.label("Collectible capacity (LOAN.COLLECTIBLE_CAPACITY)");
  const capacity = s.formula(
    "D",
    capRow,
    `=${call("COLLECTIBLE_CAPACITY", inp.liquidity, inp.netWorth, share, other)}`,
    "money",
    "CollectibleCapacity",
  );
  s.text(
    NOTE,
    capRow,
    "What the guarantor could be made to pay: liquidity, plus the share of the rest, less other claims",
  );
  const netRow = s.label("… net of the cost and time of collecting (the lender's view)");
  s.formula(
    "D",
    netRow,
    `=${call("COLLECTIBLE_CAPACITY", inp.liquidity, inp.netWorth, share, other, "CollectionCost", years, put.rf)}`,
    "money",
    "CollectibleNet",
  );
  s.text(NOTE, netRow, "Less CollectionCost (below), discounted over the years to collect at the risk-free rate");
  const reachRow = s.label("Capacity the guarantee and the law let the lender reach");
  const reach = s.formula(
    "D",
    reachRow,
    `=${reachable(inp, capacity, `${inp.recourseGuarantee}*${terms.loan.n}`)}`,
    "money",
    "ReachableCapacity",
  );
  s.text(
    NOTE,
    reachRow,
    "At most the recourse guarantee's share of the loan; 0 where the state's law bars pursuing the guarantor (LOAN.DEFICIENCY_ALLOWED)",
  );
  const pvRow = s.label("Protection value of non-recourse (LOAN.PROTECTION_VALUE)");
  const protectionValue = s.formula(
    "D",
    pvRow,
    `=${call("PROTECTION_VALUE", inp.propertyValue, put.holdClaim, inp.holdYears, put.vol, put.rf, reach, put.payout)}`,
    "money",
    "ProtectionValue",
  );
  s.text(
    NOTE,
    pvRow,
    "The put spread P(K) − P(K − capacity): the part of the deficiency recourse could collect, what non-recourse saves (methodology §16)",
  );
  return { capacity, protectionValue };
}
