/**
 * Coverage and sizing (reference §6).
 *   DSCR       = NOI / annual debt service
 *   debt yield = NOI / loan amount
 *   LTV        = loan amount / property value
 *   max loan   = min(value × max LTV, NOI / (min DSCR × annual debt constant), NOI / min debt yield)
 * The annual debt constant is 12 × the monthly payment per unit of loan, or the rate when
 * the loan is interest-only.
 */
import { amount, define, flag, fraction, positive, rate, signed, years } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { levelPayment, wholePeriods } from "./periods";

export const DSCR = define(
  "DSCR",
  [signed.required("noi"), amount.required("annualDebtService")],
  (noi, debtService) => (debtService === 0 ? MSG.divByZero("annualDebtService") : noi / debtService),
);

export const DEBT_YIELD = define("DEBT_YIELD", [signed.required("noi"), amount.required("loanAmount")], (noi, loan) =>
  loan === 0 ? MSG.divByZero("loanAmount") : noi / loan,
);

export const LTV = define("LTV", [amount.required("loanAmount"), amount.required("propertyValue")], (loan, value) =>
  value === 0 ? MSG.divByZero("propertyValue") : loan / value,
);

export const MAX_LOAN = define(
  "MAX_LOAN",
  [
    signed.required("noi"),
    amount.required("propertyValue"),
    rate.required("annualRate"),
    years.required("amortYears"),
    positive.required("minDSCR"),
    fraction.required("maxLTV"),
    positive.optional("minDebtYield"),
    flag("interestOnly", false),
  ],
  (noi, value, annualRate, amortYears, minDscr, maxLtv, minDebtYield, interestOnly) => {
    const n = wholePeriods("amortYears", amortYears, 12);
    if (n instanceof Fault) return n;
    let best = value * maxLtv;
    const constant = interestOnly ? annualRate : 12 * levelPayment(1, annualRate / 12, n);
    // A loan with no (or negative) debt service meets any DSCR floor; NOI ≤ 0 meets none.
    if (constant > 0) best = Math.min(best, noi / (minDscr * constant));
    else if (noi < 0) best = 0;
    if (minDebtYield !== undefined) best = Math.min(best, noi / minDebtYield);
    return Math.max(0, best);
  },
);
