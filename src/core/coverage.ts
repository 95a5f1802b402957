/**
 * Coverage and sizing (methodology §4).
 *   DSCR       = NOI / annual debt service
 *   debt yield = NOI / loan amount
 *   LTV        = loan amount / property value
 *   max loan   = min(value × max LTV, NOI / (min DSCR × annual debt constant), NOI / min debt yield)
 * The annual debt constant is 12 × the monthly payment per unit of loan, or the rate when
 * the loan is interest-only.
 */
import {
  amount,
  defineIn,
  flag,
  fraction,
  positiveRatio,
  rate,
  signed,
  years,
  HELP,
  namedAll,
  type InputOf,
} from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { levelPayment, wholePeriods } from "./periods";

const define = defineIn(
  { family: "coverage", section: 4 },
  HELP && {
    propertyValue: "Property value (0 or more).",
  },
);

/** n / d, or #DIV/0! naming the denominator's parameter when d is 0. */
function ratio(n: number, d: number, denominator: string): number | Fault {
  return d === 0 ? MSG.divByZero(denominator) : n / d;
}

export const DSCR = define(
  "DSCR",
  [signed.required("noi"), amount.required("annualDebtService")],
  (noi, annualDebtService): number | Fault => ratio(noi, annualDebtService, "annualDebtService"),
  HELP && {
    summary: "Debt service coverage ratio: NOI / annual debt service.",
    params: {
      annualDebtService: "Annual debt service (0 or more).",
    },
    returns: "The DSCR (1.35 means NOI covers debt service 1.35 times).",
    examples: ["=LOAN.DSCR(405000, 300000) → 1.35"],
  },
);

export const DEBT_YIELD = define(
  "DEBT_YIELD",
  [signed.required("noi"), amount.required("loanAmount")],
  (noi, loanAmount): number | Fault => ratio(noi, loanAmount, "loanAmount"),
  HELP && {
    summary: "Debt yield: NOI / loan amount.",
    returns: "The debt yield as a decimal.",
    examples: ["=LOAN.DEBT_YIELD(450000, 4500000) → 0.1"],
  },
);

export const LTV = define(
  "LTV",
  [amount.required("loanAmount"), amount.required("propertyValue")],
  (loanAmount, propertyValue): number | Fault => ratio(loanAmount, propertyValue, "propertyValue"),
  HELP && {
    summary: "Loan-to-value ratio: loan amount / property value.",
    returns: "The LTV as a decimal.",
    examples: ["=LOAN.LTV(4500000, 6000000) → 0.75"],
  },
);

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
  (noi, propertyValue, annualRate, amortYears, minDSCR, maxLTV, minDebtYield, interestOnly): number | Fault => {
    const n = wholePeriods("amortYears", amortYears, 12);
    if (n instanceof Fault) return n;
    let best = propertyValue * maxLTV;
    const constant = interestOnly ? annualRate : 12 * levelPayment(1, annualRate / 12, n);
    // A loan with no (or negative) debt service meets any DSCR floor; NOI ≤ 0 meets none.
    if (constant > 0) best = Math.min(best, noi / (minDSCR * constant));
    else if (noi < 0) best = 0;
    if (minDebtYield !== undefined) best = Math.min(best, noi / minDebtYield);
    return Math.max(0, best);
  },
  HELP && {
    summary: "Largest loan meeting the LTV, DSCR and debt-yield limits.",
    details:
      "The smallest of value × max LTV, NOI / (min DSCR × annual debt constant) and NOI / min debt yield, for every constraint given. Monthly payments.",
    params: {
      minDSCR: "Minimum DSCR, e.g. 1.25.",
      maxLTV: "Maximum LTV as a decimal, e.g. 0.75.",
      minDebtYield: "Minimum debt yield as a decimal, e.g. 0.09 (omit for none).",
      interestOnly: "TRUE to size on interest-only debt service (default FALSE).",
    },
    returns: "The maximum loan amount (0 when no loan meets the constraints).",
    examples: [
      "=LOAN.MAX_LOAN(500000, 10000000, 0.06, 30, 1.25, 0.75, , TRUE) → 6666666.6667",
      "=LOAN.MAX_LOAN(500000, 8000000, 0.06, 30, 1.25, 0.75, 0.09) → 5555555.5556",
    ],
    cost: "composite",
  },
);

export type MaxLoanInput = InputOf<typeof MAX_LOAN>;

/** The typed calls: named arguments in, checked and defaulted as Excel's are. */
export const { dscr, debtYield, ltv, maxLoan } = namedAll({ DSCR, DEBT_YIELD, LTV, MAX_LOAN });
