/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes raw cell values; the core validates them. */
/**
 * LOAN.* financing functions: the Excel-facing adapters. Each is one line that hands the
 * raw arguments to the core; the JSDoc is what Excel shows while the analyst types, and
 * each `Example:` line is run by the tests.
 */
import { AMORTIZATION, BALANCE, DEBT_SERVICE, PAYMENT } from "../core";
import { excel } from "./excel";

/**
 * Level payment per period of an amortizing loan. Straight-line when the rate is 0. See docs/methodology.md §3.
 * Example: =LOAN.PAYMENT(4500000, 0.0685, 30) → 29486.6646
 * @customfunction PAYMENT
 * @param loanAmount Loan amount (0 or more).
 * @param annualRate Annual interest rate as a decimal (6.85% is 0.0685).
 * @param amortYears Amortization period in years.
 * @param [paymentsPerYear] Payments a year, 1 to 365 (default 12).
 * @returns The payment per period.
 */
export function payment(loanAmount: any, annualRate: any, amortYears: any, paymentsPerYear?: any): number {
  return excel(PAYMENT(loanAmount, annualRate, amortYears, paymentsPerYear));
}

/**
 * Annual debt service, amortizing or interest-only. The payments of one year, or loan × rate when interest-only. See
 * docs/methodology.md §3.
 * Example: =LOAN.DEBT_SERVICE(4500000, 0.0685, 30) → 353839.9752
 * Example: =LOAN.DEBT_SERVICE(4500000, 0.0685, 30, TRUE) → 308250
 * @customfunction DEBT_SERVICE
 * @param loanAmount Loan amount (0 or more).
 * @param annualRate Annual interest rate as a decimal (6.85% is 0.0685).
 * @param amortYears Amortization period in years.
 * @param [interestOnly] TRUE for interest-only debt service (default FALSE).
 * @param [paymentsPerYear] Payments a year, 1 to 365 (default 12).
 * @returns Debt service for one year.
 */
export function debtService(
  loanAmount: any,
  annualRate: any,
  amortYears: any,
  interestOnly?: any,
  paymentsPerYear?: any,
): number {
  return excel(DEBT_SERVICE(loanAmount, annualRate, amortYears, interestOnly, paymentsPerYear));
}

/**
 * Unpaid balance after a number of years (the balloon at exit). Interest-only for the first ioYears, then amortizing
 * over amortYears; 0 once repaid. See docs/methodology.md §3.
 * Example: =LOAN.BALANCE(4500000, 0.0685, 30, 7) → 4091975.8222
 * @customfunction BALANCE
 * @param loanAmount Loan amount (0 or more).
 * @param annualRate Annual interest rate as a decimal (6.85% is 0.0685).
 * @param amortYears Amortization period in years (after any interest-only period).
 * @param yearsElapsed Years since closing.
 * @param [ioYears] Interest-only years at the start (default 0).
 * @param [paymentsPerYear] Payments a year, 1 to 365 (default 12).
 * @returns The balance still owed.
 */
export function balance(
  loanAmount: any,
  annualRate: any,
  amortYears: any,
  yearsElapsed: any,
  ioYears?: any,
  paymentsPerYear?: any,
): number {
  return excel(BALANCE(loanAmount, annualRate, amortYears, yearsElapsed, ioYears, paymentsPerYear));
}

/**
 * Amortization schedule, one row per period (spills). Columns Period, Payment, Interest, Principal, Balance, one row
 * per period to termYears. Payment and interest are rounded to the cent, half up; the last row's balance is the
 * balloon. See docs/methodology.md §3.
 * Example: =LOAN.AMORTIZATION(1000, 0.12, 1) → 13×5
 * @customfunction AMORTIZATION
 * @param loanAmount Loan amount (0 or more).
 * @param annualRate Annual interest rate as a decimal (6.85% is 0.0685).
 * @param amortYears Amortization period in years (after any interest-only period).
 * @param [termYears] Years the schedule runs; the balance then is the balloon (default amortYears).
 * @param [ioYears] Interest-only years at the start (default 0).
 * @param [paymentsPerYear] Payments a year, 1 to 365 (default 12).
 * @returns A header row and one row per period.
 */
export function amortization(
  loanAmount: any,
  annualRate: any,
  amortYears: any,
  termYears?: any,
  ioYears?: any,
  paymentsPerYear?: any,
): any[][] {
  return excel(AMORTIZATION(loanAmount, annualRate, amortYears, termYears, ioYears, paymentsPerYear));
}
