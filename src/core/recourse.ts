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
import { amount, defineIn, points, rate, signed, years, yearsFromZero, HELP, namedAll, type InputOf } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { diffExact, sumMoney, toCents } from "./money";
import { amortizedBalance, annuityFactor, discountFactor, levelPayment, wholePeriods } from "./periods";

const define = defineIn({ family: "recourse", section: 6 });

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
  (unpaidPrincipal, salePrice, accruedInterest, fees, foreclosureCosts, saleCosts): number => {
    return Math.max(0, sumMoney([unpaidPrincipal, accruedInterest, fees, foreclosureCosts, -salePrice, saleCosts]));
  },
  HELP && {
    summary: "What a recourse lender can still claim after the foreclosure sale.",
    details: "max(0, principal + interest + fees + foreclosure costs − (sale price − sale costs)).",
    section: 5,
    params: {
      unpaidPrincipal: "Unpaid principal (0 or more).",
      salePrice: "Sale price of the collateral (0 or more).",
      accruedInterest: "Accrued interest (default 0).",
      fees: "Late fees and other fees (default 0).",
      foreclosureCosts: "Foreclosure costs (default 0).",
      saleCosts: "Costs of sale, deducted from the sale price (default 0).",
    },
    returns: "What the lender can still claim from a recourse borrower.",
    examples: [
      "=LOAN.DEFICIENCY(485000, 420000, 32000, 0, 18000) → 115000",
      "=LOAN.DEFICIENCY(4400000, 3600000, , , 250000) → 1050000",
    ],
  },
);

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
  (loan, rRate, nrRate, rPoints, nrPoints, holdYears, amortYears, discountRate): number | Fault => {
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
      amortizedBalance(loan, nrRate / 12, amortMonths, months) -
      amortizedBalance(loan, rRate / 12, amortMonths, months);
    if (discountRate === undefined) return extraPayment * paying + extraBalance + pointsCost;
    const d = discountRate / 12;
    return extraPayment * annuityFactor(d, paying) + extraBalance * discountFactor(d, months) + pointsCost;
  },
  HELP && {
    summary: "Extra cost of non-recourse over the hold: rate spread plus points.",
    details:
      "Interest-only view when amortYears is omitted; amortizing view (monthly payments, balance at exit, points) when given; discounted monthly to closing when discountRate is given. Negative when non-recourse is cheaper.",
    params: {
      recourseRate: "Recourse annual rate as a decimal.",
      nonRecourseRate: "Non-recourse annual rate as a decimal.",
      recoursePoints: "Recourse points as a decimal of the loan (0.75 points is 0.0075).",
      nonRecoursePoints: "Non-recourse points as a decimal of the loan.",
      holdYears: "Years the loan is held.",
      amortYears: "Amortization in years; omit for the interest-only view.",
      discountRate: "Annual discount rate as a decimal; omit for undiscounted.",
    },
    returns: "The premium paid for non-recourse over the hold.",
    examples: [
      "=LOAN.NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7) → 180000",
      "=LOAN.NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30) → 181428.3476",
    ],
    cost: "composite",
  },
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

export const BREAKEVEN_PROBABILITY = define(
  "BREAKEVEN_PROBABILITY",
  [
    signed.required("premium"),
    amount.required("deficiency"),
    rate.optional("discountRate"),
    yearsFromZero.optional("defaultYear"),
  ],
  (premium, deficiency, discountRate, defaultYear): number | Fault => {
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
  },
  HELP && {
    summary: "Default probability above which the premium pays for itself.",
    details:
      "premium / deficiency; 0 when non-recourse costs nothing extra; #N/A when the premium exceeds the loss (non-recourse cannot pay for itself). With discountRate and defaultYear, the loss is discounted from the default year at (1 + d/12)^(12 × year), so that a premium discounted the same way (LOAN.NONRECOURSE_PREMIUM with discountRate) is set against it on one present-value basis.",
    params: {
      premium: "The non-recourse premium over the hold (its present value when discountRate is given).",
      deficiency: "The deficiency in the downside scenario (more than 0).",
      discountRate: "Annual discount rate as a decimal (monthly compounding); omit for undiscounted.",
      defaultYear: "Years from closing to the default and the loss; required with discountRate.",
    },
    returns: "The probability as a decimal.",
    examples: [
      "=LOAN.BREAKEVEN_PROBABILITY(180000, 1050000) → 0.1714",
      "=LOAN.BREAKEVEN_PROBABILITY(143031.72, 1050000, 0.0685, 7) → 0.2197",
    ],
  },
);

export type DeficiencyInput = InputOf<typeof DEFICIENCY>;
export type PremiumInput = InputOf<typeof NONRECOURSE_PREMIUM>;

/** The typed calls: named arguments in, checked and defaulted as Excel's are. */
export const { deficiency, nonrecoursePremium, breakevenProbability } = namedAll({
  DEFICIENCY,
  NONRECOURSE_PREMIUM,
  BREAKEVEN_PROBABILITY,
});
