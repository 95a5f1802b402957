/**
 * Deficiency, the price of non-recourse and its break-even (methodology §5 and §6).
 *
 *   claim        = unpaid principal + accrued interest + fees + foreclosure costs
 *   net proceeds = sale price − costs of sale
 *   deficiency   = max(0, claim − net proceeds)
 *
 *   premium (interest-only view) = L × (r_nr − r_r) × holdYears + L × (pts_nr − pts_r)
 *   premium (amortizing view)    = Σ_{k=1..n} (P_nr − P_r) + (B_nr(n) − B_r(n)) + L × Δpoints
 *   discounted: each monthly flow k and the balances at n discounted by (1 + d/12)^k;
 *   points are paid at closing and are not discounted.
 *
 *   break-even default probability = premium / deficiency (#N/A above 1: no break-even);
 *   with a discount rate, premium / (deficiency / (1 + d/12)^(12 × defaultYear))
 */
import { amount, define, points, rate, signed, years, yearsFromZero } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { diffExact, sumMoney, toCents } from "./money";
import { amortizedBalance, annuityFactor, discountFactor, levelPayment, wholePeriods } from "./periods";

export interface DeficiencyInput {
  readonly unpaidPrincipal: number;
  readonly salePrice: number;
  /** Each of the following defaults to 0. */
  readonly accruedInterest?: number;
  readonly fees?: number;
  readonly foreclosureCosts?: number;
  /** Costs of sale, deducted from the sale price. */
  readonly saleCosts?: number;
}

/** max(0, principal + interest + fees + foreclosure costs − (sale price − sale costs)), summed exactly. */
export function deficiency({
  unpaidPrincipal,
  salePrice,
  accruedInterest = DEFICIENCY.param.accruedInterest.fallback,
  fees = DEFICIENCY.param.fees.fallback,
  foreclosureCosts = DEFICIENCY.param.foreclosureCosts.fallback,
  saleCosts = DEFICIENCY.param.saleCosts.fallback,
}: DeficiencyInput): number {
  return Math.max(0, sumMoney([unpaidPrincipal, accruedInterest, fees, foreclosureCosts, -salePrice, saleCosts]));
}

export const DEFICIENCY = define(
  "DEFICIENCY",
  [
    amount.required("unpaidPrincipal"),
    amount.required("salePrice"),
    amount.withDefault("accruedInterest", 0),
    amount.withDefault("fees", 0),
    amount.withDefault("foreclosureCosts", 0),
    amount.withDefault("saleCosts", 0),
  ],
  (unpaidPrincipal, salePrice, accruedInterest, fees, foreclosureCosts, saleCosts) =>
    deficiency({ unpaidPrincipal, salePrice, accruedInterest, fees, foreclosureCosts, saleCosts }),
);

export interface PremiumInput {
  readonly loanAmount: number;
  readonly recourseRate: number;
  readonly nonRecourseRate: number;
  readonly recoursePoints: number;
  readonly nonRecoursePoints: number;
  readonly holdYears: number;
  /** Omitted: the interest-only view; given: the amortizing view (monthly payments). */
  readonly amortYears?: number;
  /** Omitted: undiscounted; given: flows discounted monthly to closing. */
  readonly discountRate?: number;
}

/** The extra cost of non-recourse over the hold (negative when non-recourse is cheaper). */
export function nonrecoursePremium({
  loanAmount: loan,
  recourseRate: rRate,
  nonRecourseRate: nrRate,
  recoursePoints: rPoints,
  nonRecoursePoints: nrPoints,
  holdYears,
  amortYears,
  discountRate,
}: PremiumInput): number | Fault {
  const months = wholePeriods("holdYears", holdYears, 12);
  if (months instanceof Fault) return months;
  let amortMonths: number | undefined;
  if (amortYears !== undefined) {
    const m = wholePeriods("amortYears", amortYears, 12);
    if (m instanceof Fault) return m;
    amortMonths = m;
  }
  const pointsCost = loan * (nrPoints - rPoints);
  if (amortMonths === undefined) {
    if (discountRate === undefined) return interestOnlyPremium(loan, rRate, nrRate, rPoints, nrPoints, months);
    const d = discountRate / 12;
    return ((loan * (nrRate - rRate)) / 12) * annuityFactor(d, months) + pointsCost;
  }
  const paying = Math.min(months, amortMonths);
  const extraPayment = levelPayment(loan, nrRate / 12, amortMonths) - levelPayment(loan, rRate / 12, amortMonths);
  const extraBalance =
    amortizedBalance(loan, nrRate / 12, amortMonths, months) - amortizedBalance(loan, rRate / 12, amortMonths, months);
  if (discountRate === undefined) return extraPayment * paying + extraBalance + pointsCost;
  const d = discountRate / 12;
  return extraPayment * annuityFactor(d, paying) + extraBalance * discountFactor(d, months) + pointsCost;
}

export const NONRECOURSE_PREMIUM = define(
  "NONRECOURSE_PREMIUM",
  [
    amount.required("loanAmount"),
    rate.required("recourseRate"),
    rate.required("nonRecourseRate"),
    points.required("recoursePoints"),
    points.required("nonRecoursePoints"),
    years.required("holdYears"),
    years.optional("amortYears"),
    rate.optional("discountRate"),
  ],
  (loanAmount, recourseRate, nonRecourseRate, recoursePoints, nonRecoursePoints, holdYears, amortYears, discountRate) =>
    nonrecoursePremium({
      loanAmount,
      recourseRate,
      nonRecourseRate,
      recoursePoints,
      nonRecoursePoints,
      holdYears,
      amortYears,
      discountRate,
    }),
);

/**
 * L × Δrate × months / 12 + L × Δpoints, exact when the loan is in whole cents and the
 * rates and points have short decimal expansions (the usual case), float64 otherwise.
 */
function interestOnlyPremium(
  loan: number,
  rRate: number,
  nrRate: number,
  rPoints: number,
  nrPoints: number,
  months: number,
): number {
  const float = (loan * (nrRate - rRate) * months) / 12 + loan * (nrPoints - rPoints);
  const cents = toCents(loan);
  const dr = diffExact(nrRate, rRate);
  const dp = diffExact(nrPoints, rPoints);
  if (cents === undefined || !dr || !dp) return float;
  // Bring both spreads to one scale 10^k, then premium = cents × (dr × months + 12 × dp) / (12 × 10^k × 100).
  const k = Math.max(dr.k, dp.k);
  const spread = dr.int * 10 ** (k - dr.k) * months + 12 * dp.int * 10 ** (k - dp.k);
  const numerator = cents * spread;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(spread)) return float;
  const denominator = 12 * 10 ** k * 100;
  // Exact when the division is exact; otherwise one correctly rounded division.
  return numerator / denominator;
}

/**
 * premium / deficiency, never below 0: the default probability above which non-recourse pays
 * for itself. With a discount rate, the loss is first discounted from the default year at
 * (1 + d/12)^(12 × year), the convention of NONRECOURSE_PREMIUM's discounted premium, so both
 * are present values. Above 1 there is no break-even: #N/A saying so.
 */
export function breakevenProbability({
  premium,
  deficiency,
  discountRate,
  defaultYear,
}: {
  readonly premium: number;
  readonly deficiency: number;
  /** Annual rate, monthly compounding, as in NONRECOURSE_PREMIUM; omitted: undiscounted. */
  readonly discountRate?: number;
  /** Years from closing to the default and the loss; required with discountRate. */
  readonly defaultYear?: number;
}): number | Fault {
  if (deficiency === 0) return MSG.divByZero("deficiency");
  let loss = deficiency;
  if (discountRate !== undefined) {
    if (defaultYear === undefined)
      return MSG.requiredWith("defaultYear", "discountRate", "the year the loss falls in, to discount it");
    loss = deficiency * discountFactor(discountRate / 12, 12 * defaultYear);
  }
  const p = premium / loss;
  if (p > 1) return MSG.noBreakeven(premium, loss);
  return Math.max(0, p);
}

export const BREAKEVEN_PROBABILITY = define(
  "BREAKEVEN_PROBABILITY",
  [
    signed.required("premium"),
    amount.required("deficiency"),
    rate.optional("discountRate"),
    yearsFromZero.optional("defaultYear"),
  ],
  (premium, deficiency, discountRate, defaultYear) =>
    breakevenProbability({ premium, deficiency, discountRate, defaultYear }),
);
