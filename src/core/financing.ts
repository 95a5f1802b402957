/**
 * Financing: payment, debt service, balance and the amortization schedule.
 *
 * Governing equations (i = annualRate / paymentsPerYear, N = amortYears × paymentsPerYear):
 *   payment  P = L·i / (1 − (1 + i)^−N)        (L / N when i = 0)
 *   balance  B_m = L·((1 + i)^N − (1 + i)^m) / ((1 + i)^N − 1) after m amortizing payments
 * computed with expm1/log1p so that small rates keep full precision.
 */
import { amount, defineIn, flag, frequency, rate, years, yearsFromZero, HELP, namedAll, type InputOf } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { Dec, roundCents } from "./money";
import { amortizedBalance, levelPayment, periodsOf, wholePeriods } from "./periods";

/** A loan's terms, the first parameters of every financing function. */
export const LOAN_TERMS = [
  amount.required("loanAmount"),
  rate.required("annualRate"),
  years.required("amortYears"),
] as const;

const define = defineIn(
  { family: "financing", section: 3 },
  HELP && {
    ioYears: "Interest-only years at the start (default 0).",
    paymentsPerYear: "Payments a year, 1 to 365 (default 12).",
  },
);

/** Payments a year, the last parameter of every financing function (default 12: monthly). */
const PAYMENTS_PER_YEAR = frequency.withDefault("paymentsPerYear", 12);
/** Interest-only years at the start (default 0). */
const IO_YEARS = yearsFromZero.withDefault("ioYears", 0);

export const PAYMENT = define(
  "PAYMENT",
  [...LOAN_TERMS, PAYMENTS_PER_YEAR],
  (loanAmount, annualRate, amortYears, paymentsPerYear): number | Fault => {
    const n = wholePeriods("amortYears", amortYears, paymentsPerYear);
    if (n instanceof Fault) return n;
    return levelPayment(loanAmount, annualRate / paymentsPerYear, n);
  },
  HELP && {
    summary: "Level payment per period of an amortizing loan.",
    details: "Straight-line when the rate is 0.",
    returns: "The payment per period.",
    examples: ["=LOAN.PAYMENT(4500000, 0.0685, 30) → 29486.6646"],
  },
);

export const DEBT_SERVICE = define(
  "DEBT_SERVICE",
  [...LOAN_TERMS, flag("interestOnly", false), PAYMENTS_PER_YEAR],
  (loanAmount, annualRate, amortYears, interestOnly, paymentsPerYear): number | Fault => {
    const n = wholePeriods("amortYears", amortYears, paymentsPerYear);
    if (n instanceof Fault) return n;
    if (interestOnly) return loanAmount * annualRate;
    return levelPayment(loanAmount, annualRate / paymentsPerYear, n) * paymentsPerYear;
  },
  HELP && {
    summary: "Annual debt service, amortizing or interest-only.",
    details: "The payments of one year, or loan × rate when interest-only.",
    params: {
      interestOnly: "TRUE for interest-only debt service (default FALSE).",
    },
    returns: "Debt service for one year.",
    examples: [
      "=LOAN.DEBT_SERVICE(4500000, 0.0685, 30) → 353839.9752",
      "=LOAN.DEBT_SERVICE(4500000, 0.0685, 30, TRUE) → 308250",
    ],
  },
);

export const BALANCE = define(
  "BALANCE",
  [...LOAN_TERMS, yearsFromZero.required("yearsElapsed"), IO_YEARS, PAYMENTS_PER_YEAR],
  (loanAmount, annualRate, amortYears, yearsElapsed, ioYears, paymentsPerYear): number | Fault => {
    const n = wholePeriods("amortYears", amortYears, paymentsPerYear);
    if (n instanceof Fault) return n;
    const elapsed = wholePeriods("yearsElapsed", yearsElapsed, paymentsPerYear);
    if (elapsed instanceof Fault) return elapsed;
    const io = wholePeriods("ioYears", ioYears, paymentsPerYear);
    if (io instanceof Fault) return io;
    return amortizedBalance(loanAmount, annualRate / paymentsPerYear, n, elapsed - io);
  },
  HELP && {
    summary: "Unpaid balance after a number of years (the balloon at exit).",
    details: "Interest-only for the first ioYears, then amortizing over amortYears; 0 once repaid.",
    params: {
      amortYears: "Amortization period in years (after any interest-only period).",
      yearsElapsed: "Years since closing.",
    },
    returns: "The balance still owed.",
    examples: ["=LOAN.BALANCE(4500000, 0.0685, 30, 7) → 4091975.8222"],
  },
);

export const AMORTIZATION_HEADER = ["Period", "Payment", "Interest", "Principal", "Balance"] as const;

export const AMORTIZATION = define(
  "AMORTIZATION",
  [...LOAN_TERMS, years.optional("termYears"), IO_YEARS, PAYMENTS_PER_YEAR],
  (loanAmount, annualRate, amortYears, termYears, ioYears, paymentsPerYear): (string | number)[][] | Fault => {
    const p = periodsOf({ amortYears, termYears: termYears ?? amortYears, ioYears }, paymentsPerYear);
    if (p instanceof Fault) return p;
    if (p.termYears > p.ioYears + p.amortYears)
      return MSG.exceeds("termYears", "ioYears + amortYears", termYears ?? amortYears, ioYears + amortYears);
    return schedule(loanAmount, annualRate, paymentsPerYear, p.amortYears, p.termYears, p.ioYears);
  },
  HELP && {
    summary: "Amortization schedule, one row per period (spills).",
    details:
      "Columns Period, Payment, Interest, Principal, Balance, one row per period to termYears. Payment and interest are rounded to the cent, half up; the last row's balance is the balloon.",
    params: {
      amortYears: "Amortization period in years (after any interest-only period).",
      termYears: "Years the schedule runs; the balance then is the balloon (default amortYears).",
    },
    returns: "A header row and one row per period.",
    result: "matrix",
    examples: ["=LOAN.AMORTIZATION(1000, 0.12, 1) → 13×5"],
    cost: "apart",
  },
);

function schedule(
  loanAmount: number,
  annualRate: number,
  perYear: number,
  n: number,
  term: number,
  io: number,
): (string | number)[][] {
  const rows: (string | number)[][] = [[...AMORTIZATION_HEADER]];
  const i = new Dec(annualRate).div(perYear);
  const zero = new Dec(0);
  let balance = roundCents(new Dec(loanAmount));
  // Below |i·n| = 1e-20, 1 − (1 + i)^−n loses its digits even in 40-digit decimals: the
  // payment is then B/n · (1 + (n + 1)·i/2), its expansion, exact far beyond the cent.
  const level = i.isZero()
    ? roundCents(balance.div(n))
    : i.abs().mul(n).lt("1e-20")
      ? roundCents(
          balance.div(n).mul(
            i
              .mul(n + 1)
              .div(2)
              .add(1),
          ),
        )
      : roundCents(balance.mul(i).div(new Dec(1).sub(i.add(1).pow(-n))));
  for (let p = 1; p <= term; p++) {
    let interest = zero;
    let principal = zero;
    let payment = zero;
    if (!balance.isZero()) {
      interest = roundCents(balance.mul(i));
      if (p <= io) {
        payment = interest;
      } else {
        payment = level;
        principal = payment.sub(interest);
        if (p === io + n || principal.gte(balance)) {
          principal = balance;
          payment = balance.add(interest);
        }
      }
      balance = balance.sub(principal);
    }
    rows.push([p, payment.toNumber(), interest.toNumber(), principal.toNumber(), balance.toNumber()]);
  }
  return rows;
}

/** A loan's terms as the financing functions take them (PAYMENT's parameters). Rates are decimals, times in years. */
export type LoanTerms = InputOf<typeof PAYMENT>;
export type BalanceInput = InputOf<typeof BALANCE>;
export type AmortizationInput = InputOf<typeof AMORTIZATION>;

/** The typed calls: named arguments in, checked and defaulted as Excel's are. */
export const { payment, debtService, balance, amortization } = namedAll({
  PAYMENT,
  DEBT_SERVICE,
  BALANCE,
  AMORTIZATION,
});
