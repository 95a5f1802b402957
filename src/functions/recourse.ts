/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes raw cell values; the core validates them. */
/**
 * LOAN.* recourse functions: deficiency, the non-recourse premium, its break-even and
 * carveout exposure. Excel-facing adapters (see financing.ts).
 */
import { BREAKEVEN_PROBABILITY, CARVEOUT_EXPOSURE, CARVEOUTS, DEFICIENCY, NONRECOURSE_PREMIUM } from "../core";
import { excel } from "./excel";

/**
 * What a recourse lender can still claim after the foreclosure sale. max(0, principal + interest + fees + foreclosure
 * costs − (sale price − sale costs)). See docs/methodology.md §5.
 * Example: =LOAN.DEFICIENCY(485000, 420000, 32000, 0, 18000) → 115000
 * Example: =LOAN.DEFICIENCY(4400000, 3600000, , , 250000) → 1050000
 * @customfunction DEFICIENCY
 * @param unpaidPrincipal Unpaid principal (0 or more).
 * @param salePrice Sale price of the collateral (0 or more).
 * @param [accruedInterest] Accrued interest (default 0).
 * @param [fees] Late fees and other fees (default 0).
 * @param [foreclosureCosts] Foreclosure costs (default 0).
 * @param [saleCosts] Costs of sale, deducted from the sale price (default 0).
 * @returns What the lender can still claim from a recourse borrower.
 */
export function deficiency(
  unpaidPrincipal: any,
  salePrice: any,
  accruedInterest?: any,
  fees?: any,
  foreclosureCosts?: any,
  saleCosts?: any,
): number {
  return excel(DEFICIENCY(unpaidPrincipal, salePrice, accruedInterest, fees, foreclosureCosts, saleCosts));
}

/**
 * Extra cost of non-recourse over the hold: rate spread plus points. Interest-only view when amortYears is omitted;
 * amortizing view (monthly payments, balance at exit, points) when given; discounted monthly to closing when
 * discountRate is given. Negative when non-recourse is cheaper. See docs/methodology.md §6.
 * Example: =LOAN.NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7) → 180000
 * Example: =LOAN.NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30) → 181428.3476
 * @customfunction NONRECOURSE_PREMIUM
 * @param loanAmount Loan amount (0 or more).
 * @param recourseRate Recourse annual rate as a decimal.
 * @param nonRecourseRate Non-recourse annual rate as a decimal.
 * @param recoursePoints Recourse points as a decimal of the loan (0.75 points is 0.0075).
 * @param nonRecoursePoints Non-recourse points as a decimal of the loan.
 * @param holdYears Years the loan is held.
 * @param [amortYears] Amortization in years; omit for the interest-only view.
 * @param [discountRate] Annual discount rate as a decimal; omit for undiscounted.
 * @returns The premium paid for non-recourse over the hold.
 */
export function nonrecoursePremium(
  loanAmount: any,
  recourseRate: any,
  nonRecourseRate: any,
  recoursePoints: any,
  nonRecoursePoints: any,
  holdYears: any,
  amortYears?: any,
  discountRate?: any,
): number {
  return excel(
    NONRECOURSE_PREMIUM(
      loanAmount,
      recourseRate,
      nonRecourseRate,
      recoursePoints,
      nonRecoursePoints,
      holdYears,
      amortYears,
      discountRate,
    ),
  );
}

/**
 * Default probability above which the premium pays for itself. premium / deficiency; 0 when non-recourse costs
 * nothing extra; #N/A when the premium exceeds the loss (non-recourse cannot pay for itself). With discountRate and
 * defaultYear, the loss is discounted from the default year at (1 + d/12)^(12 × year), so that a premium discounted the
 * same way (LOAN.NONRECOURSE_PREMIUM with discountRate) is set against it on one present-value basis. See
 * docs/methodology.md §6.
 * Example: =LOAN.BREAKEVEN_PROBABILITY(180000, 1050000) → 0.1714
 * Example: =LOAN.BREAKEVEN_PROBABILITY(143031.72, 1050000, 0.0685, 7) → 0.2197
 * @customfunction BREAKEVEN_PROBABILITY
 * @param premium The non-recourse premium over the hold (its present value when discountRate is given).
 * @param deficiency The deficiency in the downside scenario (more than 0).
 * @param [discountRate] Annual discount rate as a decimal (monthly compounding); omit for undiscounted.
 * @param [defaultYear] Years from closing to the default and the loss; required with discountRate.
 * @returns The probability as a decimal.
 */
export function breakevenProbability(premium: any, deficiency: any, discountRate?: any, defaultYear?: any): number {
  return excel(BREAKEVEN_PROBABILITY(premium, deficiency, discountRate, defaultYear));
}

/**
 * Guarantor's personal exposure after carveout (bad-boy) acts. On a non-recourse loan: any full-recourse act → debt −
 * collateral value; otherwise the losses of loss-only acts, at most the lender's actual shortfall (debt − collateral
 * value, not below 0: a lender the collateral makes whole has no loss to recover); then at most the cap. See
 * docs/methodology.md §7.
 * Example: =LOAN.CARVEOUT_EXPOSURE(4400000, "FRAUD", , 3600000) → 800000
 * Example: =LOAN.CARVEOUT_EXPOSURE(4400000, {"WASTE","RENTS"}, {120000,80000}) → 200000
 * Example: =LOAN.CARVEOUT_EXPOSURE(4400000, "WASTE", 500000, 4200000) → 200000
 * @customfunction CARVEOUT_EXPOSURE
 * @param debt The debt outstanding (0 or more).
 * @param triggered A carveout code or a range of codes (see LOAN.CARVEOUTS); blanks are ignored.
 * @param [losses] The loss each act caused, same shape as triggered.
 * @param [collateralValue] What the collateral recovers (default 0): deducted under full recourse, and it bounds a
 *   loss-only exposure.
 * @param [cap] A cap on the guarantor's exposure (omit for none).
 * @param [schedule] Two columns, code and FULL or LOSS, overriding or extending the default classification.
 * @param [capAtShortfall] TRUE (default): a loss-only exposure is at most debt − collateral value; FALSE: at most the
 *   debt, whatever the collateral recovers (the reading before version 11's correction).
 * @returns The personal exposure.
 */
export function carveoutExposure(
  debt: any,
  triggered: any[][],
  losses?: any[][],
  collateralValue?: any,
  cap?: any,
  schedule?: any[][],
  capAtShortfall?: any,
): number {
  return excel(CARVEOUT_EXPOSURE(debt, triggered, losses, collateralValue, cap, schedule, capAtShortfall));
}

/**
 * The carveout catalogue with default consequences (spills). Code, the act, and its default consequence, FULL or LOSS:
 * one common default, not a standard. See docs/methodology.md §7.
 * Example: =LOAN.CARVEOUTS() → 12×3
 * @customfunction CARVEOUTS
 * @returns A header row and one row per carveout.
 */
export function carveouts(): any[][] {
  return excel(CARVEOUTS());
}
