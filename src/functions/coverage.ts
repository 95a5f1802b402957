/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes raw cell values; the core validates them. */
/**
 * LOAN.* coverage and sizing functions: the Excel-facing adapters (see financing.ts).
 */
import { DEBT_YIELD, DSCR, LTV, MAX_LOAN } from "../core";
import { excel } from "./excel";

/**
 * Debt service coverage ratio: NOI / annual debt service. See docs/methodology.md §4.
 * Example: =LOAN.DSCR(405000, 300000) → 1.35
 * @customfunction DSCR
 * @param noi Net operating income for a year (may be negative).
 * @param annualDebtService Annual debt service (0 or more).
 * @returns The DSCR (1.35 means NOI covers debt service 1.35 times).
 */
export function dscr(noi: any, annualDebtService: any): number {
  return excel(DSCR(noi, annualDebtService));
}

/**
 * Debt yield: NOI / loan amount. See docs/methodology.md §4.
 * Example: =LOAN.DEBT_YIELD(450000, 4500000) → 0.1
 * @customfunction DEBT_YIELD
 * @param noi Net operating income for a year (may be negative).
 * @param loanAmount Loan amount (0 or more).
 * @returns The debt yield as a decimal.
 */
export function debtYield(noi: any, loanAmount: any): number {
  return excel(DEBT_YIELD(noi, loanAmount));
}

/**
 * Loan-to-value ratio: loan amount / property value. See docs/methodology.md §4.
 * Example: =LOAN.LTV(4500000, 6000000) → 0.75
 * @customfunction LTV
 * @param loanAmount Loan amount (0 or more).
 * @param propertyValue Property value (0 or more).
 * @returns The LTV as a decimal.
 */
export function ltv(loanAmount: any, propertyValue: any): number {
  return excel(LTV(loanAmount, propertyValue));
}

/**
 * Largest loan meeting the LTV, DSCR and debt-yield limits. The smallest of value × max LTV, NOI / (min DSCR × annual
 * debt constant) and NOI / min debt yield, for every constraint given. Monthly payments. See docs/methodology.md §4.
 * Example: =LOAN.MAX_LOAN(500000, 10000000, 0.06, 30, 1.25, 0.75, , TRUE) → 6666666.6667
 * Example: =LOAN.MAX_LOAN(500000, 8000000, 0.06, 30, 1.25, 0.75, 0.09) → 5555555.5556
 * @customfunction MAX_LOAN
 * @param noi Net operating income for a year (may be negative).
 * @param propertyValue Property value (0 or more).
 * @param annualRate Annual interest rate as a decimal (6.85% is 0.0685).
 * @param amortYears Amortization period in years.
 * @param minDSCR Minimum DSCR, e.g. 1.25.
 * @param maxLTV Maximum LTV as a decimal, e.g. 0.75.
 * @param [minDebtYield] Minimum debt yield as a decimal, e.g. 0.09 (omit for none).
 * @param [interestOnly] TRUE to size on interest-only debt service (default FALSE).
 * @returns The maximum loan amount (0 when no loan meets the constraints).
 */
export function maxLoan(
  noi: any,
  propertyValue: any,
  annualRate: any,
  amortYears: any,
  minDSCR: any,
  maxLTV: any,
  minDebtYield?: any,
  interestOnly?: any,
): number {
  return excel(MAX_LOAN(noi, propertyValue, annualRate, amortYears, minDSCR, maxLTV, minDebtYield, interestOnly));
}
