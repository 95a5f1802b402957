/**
 * Coverage and sizing (methodology §4).
 *   DSCR       = NOI / annual debt service
 *   debt yield = NOI / loan amount
 *   LTV        = loan amount / property value
 *   max loan   = min(value × max LTV, NOI / (min DSCR × annual debt constant), NOI / min debt yield)
 * The annual debt constant is 12 × the monthly payment per unit of loan, or the rate when
 * the loan is interest-only.
 */
import { amount, define, flag, fraction, positiveRatio, rate, signed, years } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { levelPayment, wholePeriods } from "./periods";

/** NOI / annual debt service; #DIV/0! when the debt service is 0. */
export function dscr({
  noi,
  annualDebtService,
}: {
  readonly noi: number;
  readonly annualDebtService: number;
}): number | Fault {
  return annualDebtService === 0 ? MSG.divByZero("annualDebtService") : noi / annualDebtService;
}

export const DSCR = define(
  "DSCR",
  [signed.required("noi"), amount.required("annualDebtService")],
  (noi, annualDebtService) => dscr({ noi, annualDebtService }),
);

/** NOI / loan amount; #DIV/0! when the loan is 0. */
export function debtYield({ noi, loanAmount }: { readonly noi: number; readonly loanAmount: number }): number | Fault {
  return loanAmount === 0 ? MSG.divByZero("loanAmount") : noi / loanAmount;
}

export const DEBT_YIELD = define(
  "DEBT_YIELD",
  [signed.required("noi"), amount.required("loanAmount")],
  (noi, loanAmount) => debtYield({ noi, loanAmount }),
);

/** Loan amount / property value; #DIV/0! when the value is 0. */
export function ltv({
  loanAmount,
  propertyValue,
}: {
  readonly loanAmount: number;
  readonly propertyValue: number;
}): number | Fault {
  return propertyValue === 0 ? MSG.divByZero("propertyValue") : loanAmount / propertyValue;
}

export const LTV = define(
  "LTV",
  [amount.required("loanAmount"), amount.required("propertyValue")],
  (loanAmount, propertyValue) => ltv({ loanAmount, propertyValue }),
);

export interface MaxLoanInput {
  readonly noi: number;
  readonly propertyValue: number;
  readonly annualRate: number;
  /** Amortization in years (monthly payments). */
  readonly amortYears: number;
  readonly minDSCR: number;
  readonly maxLTV: number;
  /** Omitted: no debt-yield constraint. */
  readonly minDebtYield?: number;
  /** Size on interest-only debt service; default FALSE. */
  readonly interestOnly?: boolean;
}

/** The largest loan meeting every given constraint (monthly payments), never below 0. */
export function maxLoan({
  noi,
  propertyValue,
  annualRate,
  amortYears,
  minDSCR,
  maxLTV,
  minDebtYield,
  interestOnly = MAX_LOAN.param.interestOnly.fallback,
}: MaxLoanInput): number | Fault {
  const n = wholePeriods("amortYears", amortYears, 12);
  if (n instanceof Fault) return n;
  let best = propertyValue * maxLTV;
  const constant = interestOnly ? annualRate : 12 * levelPayment(1, annualRate / 12, n);
  // A loan with no (or negative) debt service meets any DSCR floor; NOI ≤ 0 meets none.
  if (constant > 0) best = Math.min(best, noi / (minDSCR * constant));
  else if (noi < 0) best = 0;
  if (minDebtYield !== undefined) best = Math.min(best, noi / minDebtYield);
  return Math.max(0, best);
}

export const MAX_LOAN = define(
  "MAX_LOAN",
  [
    signed.required("noi"),
    amount.required("propertyValue"),
    rate.required("annualRate"),
    years.required("amortYears"),
    positiveRatio.required("minDSCR"),
    fraction.required("maxLTV"),
    positiveRatio.optional("minDebtYield"),
    flag("interestOnly", false),
  ],
  (noi, propertyValue, annualRate, amortYears, minDSCR, maxLTV, minDebtYield, interestOnly) =>
    maxLoan({ noi, propertyValue, annualRate, amortYears, minDSCR, maxLTV, minDebtYield, interestOnly }),
);
