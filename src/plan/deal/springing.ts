/**
 * Springing recourse as a third structure (issue 26 item 3; methodology §7, "Springing on a
 * financial trigger"): the non-recourse loan with a partial guarantee that springs when its DSCR
 * falls below a trigger, compared like the other two. Under each scenario, what the sprung
 * guarantee owes (LOAN.SPRINGING_RECOURSE, of what the law lets the lender pursue from a
 * guarantor); from a stated model, lognormal NOI at the property's volatility with the value
 * moving with NOI (a constant cap rate, as the put assumes), the probability that it springs by
 * the hold (LOAN.SPRINGING_PROBABILITY) and its expected payment (LOAN.SPRINGING_EXPECTED_EXPOSURE);
 * and its value as protection, risk-neutral at the risk-free rate and capped by what the guarantor
 * could be made to pay, beside recourse's (ProtectionValue) on the same basis.
 */
import { call, quote } from "../formula";
import { type DealContext, NOTE, notedHeading, noteInput } from "./layout";
import { guarantorMay, reachable } from "./side-by-side";

/** The springing guarantee's terms: deal terms, assumptions labelled on the sheet. */
export const SPRINGING_DEFAULTS = {
  /** A DSCR below this springs the guarantee: 1.10x illustrates (methodology §7), not a market figure. */
  trigger: 1.1,
  /** Share of the loan guaranteed once sprung: 25 % and 50 % are common (methodology §2). */
  guarantee: 0.25,
} as const;

/** The names the section defines. */
export const SPRINGING_NAMES = {
  trigger: "SpringingTrigger",
  guarantee: "SpringingGuarantee",
  probability: "SpringingProbability",
  expected: "SpringingExpectedPayment",
  protection: "SpringingProtectionValue",
} as const;

export function springingSection(
  ctx: Pick<DealContext, "s" | "inp" | "terms" | "outcomes" | "downside">,
  incomeYield: string,
): typeof SPRINGING_NAMES {
  const { s, inp, terms, outcomes, downside } = ctx;
  const { propertyValue: value, holdYears: hold } = inp;
  notedHeading(
    s,
    "Springing recourse: a guarantee that springs on the DSCR (methodology §7)",
    "A third structure: the non-recourse loan, with a partial guarantee once its DSCR falls below the trigger",
  );
  const trigger = noteInput(
    s,
    "Springs when the non-recourse DSCR falls below",
    SPRINGING_DEFAULTS.trigger,
    "ratio",
    SPRINGING_NAMES.trigger,
    "Assumption: a deal term; 1.10x illustrates (methodology §7), not a market figure",
  );
  const share = noteInput(
    s,
    "Share of the loan guaranteed once sprung",
    SPRINGING_DEFAULTS.guarantee,
    "share",
    SPRINGING_NAMES.guarantee,
    "Assumption: 25 % and 50 % are common (methodology §2); 100 % is full recourse once sprung",
  );
  const limit = `${share}*${terms.loan.n}`;
  const dscrTest = quote("DSCR");

  const owesRow = s.next();
  s.headings(owesRow, ["DSCR (non-recourse)", "Sprung?", "Guarantor owes"], 1);
  s.text(
    NOTE,
    owesRow,
    "LOAN.SPRINGING_RECOURSE: 0 unless sprung; then what the law lets the lender pursue from a guarantor, at most the share of the loan",
  );
  outcomes.scenarios.forEach((sc, i) => {
    const r = s.label(`Scenario ${i + 1}: ${sc.label}`);
    const dscr = s.formula("B", r, `=${sc.dscr.n}`, "ratio");
    s.formula("C", r, `=${dscr}<${trigger}`, "bool");
    const pursued = guarantorMay(inp, inp.state, sc.claim.n, sc.sale.n);
    s.formula("D", r, `=${call("SPRINGING_RECOURSE", dscrTest, trigger, dscr, pursued, terms.loan.n, share)}`, "money");
  });

  s.headings(s.next(), ["Springing", "Recourse", "Springing − recourse"], 1);
  const probRow = s.label("Probability it has sprung at the hold (LOAN.SPRINGING_PROBABILITY)");
  s.formula(
    "B",
    probRow,
    `=${call("SPRINGING_PROBABILITY", dscrTest, trigger, terms.dscr.n, "Volatility", hold, "GrowthRate")}`,
    "share",
    SPRINGING_NAMES.probability,
  );
  s.text(
    NOTE,
    probRow,
    "NOI lognormal at the property's volatility, growing at GrowthRate (real-world); the debt service fixed",
  );
  const expRow = s.label("Expected payment at the hold, real-world (LOAN.SPRINGING_EXPECTED_EXPOSURE)");
  s.formula(
    "B",
    expRow,
    `=${call("SPRINGING_EXPECTED_EXPOSURE", dscrTest, trigger, terms.dscr.n, "Volatility", hold, downside.holdClaim, value, limit, "GrowthRate")}`,
    "money",
    SPRINGING_NAMES.expected,
  );
  s.text(
    NOTE,
    expRow,
    "Paid where it has sprung and the value is below the claim (HoldClaim), at most the share of the loan; undiscounted",
  );
  // Valued as ProtectionValue is: risk-neutral (NOI growing at the risk-free rate less the income
  // yield), discounted at the risk-free rate, capped by what the guarantee and the law let the
  // lender reach of the guarantor's capacity.
  const reach = reachable(inp, "CollectibleCapacity", limit);
  const pvRow = s.label("Protection value: what the guarantee could collect, at the risk-free rate");
  const protection = s.formula(
    "B",
    pvRow,
    `=EXP(-RiskFreeRate*${hold})*${call("SPRINGING_EXPECTED_EXPOSURE", dscrTest, trigger, terms.dscr.n, "Volatility", hold, downside.holdClaim, value, reach, `RiskFreeRate-${incomeYield}`)}`,
    "money",
    SPRINGING_NAMES.protection,
  );
  s.formula("C", pvRow, `=${downside.protectionValue}`, "money");
  s.formula("D", pvRow, `=${protection}-${downside.protectionValue}`, "money");
  s.text(
    NOTE,
    pvRow,
    "Both risk-neutral and capped by the guarantor's capacity (CollectibleCapacity) and the law; the borrower gives up this much protection against non-recourse",
  );
  const soonRow = s.label("The trigger springs before the value can fall below the claim");
  s.formula("B", soonRow, `=${trigger}/${terms.dscr.n}>=${downside.holdClaim}/${value}`, "bool");
  s.text(NOTE, soonRow, "TRUE: it has sprung whenever there is a loss, so it is worth recourse's, up to its share");
  return SPRINGING_NAMES;
}
