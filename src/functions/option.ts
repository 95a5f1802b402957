/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes raw cell values; the core validates them. */
/**
 * LOAN.* option functions: what the non-recourse put is worth, the probability that the
 * property ends below the claim, the put as a spread, and the put on the real loan by
 * simulation. Excel-facing adapters (see financing.ts). Estimates under a lognormal model
 * to compare with the premium, not advice (docs/methodology.md, "Pricing the put").
 */
import { DEFAULT_PROBABILITY, FAIR_SPREAD, PUT_VALUE, PUT_VALUE_PATH } from "../core";
import { excel } from "./excel";

/**
 * Value of the non-recourse put on the property (Black–Scholes–Merton). claim·e^(−rT)·N(−d2) − value·e^(−qT)·N(−d1):
 * the present value of the deficiency the lender absorbs at the horizon. Lognormal value, default only at the horizon;
 * rates continuous. σ = 0 or years = 0: the intrinsic value. An estimate to compare with the premium, not advice.
 * Example: =LOAN.PUT_VALUE(42, 40, 0.5, 0.2, 0.1) → 0.8086
 * Example: =LOAN.PUT_VALUE(6450000, 4091976, 7, 0.15, 0.045, 0.0775) → 231413.61
 * @customfunction PUT_VALUE
 * @param propertyValue The property's value today (0 or more).
 * @param claim What the borrower owes at the horizon: the balance (plus costs) that non-recourse lets the borrower
 *    walk away from.
 * @param years Years to the horizon, usually the hold (0 or more).
 * @param volatility Annual volatility of the property's value as a decimal (15% is 0.15); use a transaction-based
 *    figure.
 * @param riskFreeRate Continuously compounded risk-free rate as a decimal.
 * @param [payoutYield] The property's income yield, NOI ÷ value, as a decimal (default 0).
 * @returns The put's present value, in the currency of the inputs.
 */
export function putValue(
  propertyValue: any,
  claim: any,
  years: any,
  volatility: any,
  riskFreeRate: any,
  payoutYield?: any,
): number {
  return excel(PUT_VALUE(propertyValue, claim, years, volatility, riskFreeRate, payoutYield));
}

/**
 * Probability that the property's value at the horizon is below the claim. N(−d2) under lognormal growth at growthRate
 * less the payout yield: risk-neutral with the risk-free rate, real-world with an expected growth rate. σ = 0 or years
 * = 0: 1 or 0. An estimate, not advice.
 * Example: =LOAN.DEFAULT_PROBABILITY(6450000, 4091976, 7, 0.15, 0.045, 0.0775) → 0.3539
 * Example: =LOAN.DEFAULT_PROBABILITY(6450000, 4091976, 7, 0.15, 0.08, 0.0775) → 0.1605
 * @customfunction DEFAULT_PROBABILITY
 * @param propertyValue The property's value today (0 or more).
 * @param claim What the borrower owes at the horizon.
 * @param years Years to the horizon (0 or more).
 * @param volatility Annual volatility of the property's value as a decimal.
 * @param growthRate Continuously compounded total return of the property as a decimal: the risk-free rate for the
 *    risk-neutral probability, an expected return for a real-world one.
 * @param [payoutYield] The property's income yield, NOI ÷ value (default 0).
 * @returns The probability as a decimal.
 */
export function defaultProbability(
  propertyValue: any,
  claim: any,
  years: any,
  volatility: any,
  growthRate: any,
  payoutYield?: any,
): number {
  return excel(DEFAULT_PROBABILITY(propertyValue, claim, years, volatility, growthRate, payoutYield));
}

/**
 * The put as a level annual spread on the loan (0.005 is 50 bp). Paid continuously over the years, its present value
 * at the discount rate equals the put: put·d / (loan·(1 − e^(−d·years))); put / (loan·years) when d = 0. To set
 * against the non-recourse rate premium.
 * Example: =LOAN.FAIR_SPREAD(100000, 4500000, 7, 0.045) → 0.0037008
 * @customfunction FAIR_SPREAD
 * @param putValue The put's value (LOAN.PUT_VALUE or LOAN.PUT_VALUE_PATH).
 * @param loanAmount The loan amount the spread is charged on (more than 0).
 * @param years Years the spread is paid (the hold).
 * @param discountRate Continuously compounded discount rate as a decimal.
 * @returns The spread as a decimal a year.
 */
export function fairSpread(putValue: any, loanAmount: any, years: any, discountRate: any): number {
  return excel(FAIR_SPREAD(putValue, loanAmount, years, discountRate));
}

/**
 * The put on the real loan, by simulation (amortization, trigger, refinance). Monthly lognormal value (risk-neutral,
 * less the payout yield), the loan's amortizing balance, default in the first month the value falls below
 * defaultTrigger × balance, or at maturity when the balloon exceeds exitLTV × value; the lender's loss, balance − (1 −
 * saleCosts) × value, discounted at the risk-free rate. Same inputs, same result (fixed seed). An estimate to compare
 * with the premium, not advice.
 * Example: =LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775) → 49232.48
 * Example: =LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, , , , , , , "STDERR") → 607.24
 * Example: =LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, , 0.8, 0.75, 0.1) → 339588.46
 * @customfunction PUT_VALUE_PATH
 * @param propertyValue The property's value today (more than 0).
 * @param loanAmount The loan amount.
 * @param annualRate The loan's annual rate as a decimal (monthly payments), which sets the amortization.
 * @param amortYears Amortization in years.
 * @param termYears Years to maturity (the balloon), in whole months.
 * @param volatility Annual volatility of the property's value as a decimal.
 * @param riskFreeRate Continuously compounded risk-free rate: the value's drift (with the yield) and the discount rate.
 * @param [payoutYield] The property's income yield, NOI ÷ value (default 0).
 * @param [ioYears] Interest-only years at the start (default 0); termYears for an interest-only loan.
 * @param [defaultTrigger] Default in a month when value < trigger × balance (default 1); 0.8 waits until the loan
 *    is 125% of value; 0 defaults only at maturity.
 * @param [exitLTV] At maturity the balloon is refinanced when it is at most exitLTV × value, else the borrower
 *    defaults (default 1).
 * @param [saleCosts] Foreclosure and sale costs as a share of value, off what the lender recovers (default 0).
 * @param [paths] Simulated paths, an even number up to 1,000,000 (default 10,000; in antithetic pairs).
 * @param [seed] Seed of the random generator, a whole number (default 1).
 * @param [output] "VALUE" (default), "STDERR" (its standard error) or "PROBABILITY" (share of paths that default).
 * @returns The put's present value, its standard error or the default probability.
 */
export function putValuePath(
  propertyValue: any,
  loanAmount: any,
  annualRate: any,
  amortYears: any,
  termYears: any,
  volatility: any,
  riskFreeRate: any,
  payoutYield?: any,
  ioYears?: any,
  defaultTrigger?: any,
  exitLTV?: any,
  saleCosts?: any,
  paths?: any,
  seed?: any,
  output?: any,
): number {
  return excel(
    PUT_VALUE_PATH(
      propertyValue,
      loanAmount,
      annualRate,
      amortYears,
      termYears,
      volatility,
      riskFreeRate,
      payoutYield,
      ioYears,
      defaultTrigger,
      exitLTV,
      saleCosts,
      paths,
      seed,
      output,
    ),
  );
}
