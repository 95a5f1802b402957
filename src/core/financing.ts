/**
 * Financing: payment, debt service, balance and the amortization schedule.
 *
 * Governing equations (i = annualRate / paymentsPerYear, N = amortYears × paymentsPerYear):
 *   payment  P = L·i / (1 − (1 + i)^−N)        (L / N when i = 0)
 *   balance  B_m = L·((1 + i)^N − (1 + i)^m) / ((1 + i)^N − 1) after m amortizing payments
 * computed with expm1/log1p so that small rates keep full precision.
 */
import { amount, define, flag, frequency, rate, years, yearsFromZero } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { Dec, roundCents } from "./money";
import { amortizedBalance, levelPayment, wholePeriods } from "./periods";

export const PAYMENT = define(
  "PAYMENT",
  [
    amount.required("loanAmount"),
    rate.required("annualRate"),
    years.required("amortYears"),
    frequency.withDefault("paymentsPerYear", 12),
  ],
  (loanAmount, annualRate, amortYears, perYear) => {
    const n = wholePeriods("amortYears", amortYears, perYear);
    if (n instanceof Fault) return n;
    return levelPayment(loanAmount, annualRate / perYear, n);
  },
);

export const DEBT_SERVICE = define(
  "DEBT_SERVICE",
  [
    amount.required("loanAmount"),
    rate.required("annualRate"),
    years.required("amortYears"),
    flag("interestOnly", false),
    frequency.withDefault("paymentsPerYear", 12),
  ],
  (loanAmount, annualRate, amortYears, interestOnly, perYear) => {
    const n = wholePeriods("amortYears", amortYears, perYear);
    if (n instanceof Fault) return n;
    if (interestOnly) return loanAmount * annualRate;
    return levelPayment(loanAmount, annualRate / perYear, n) * perYear;
  },
);

export const BALANCE = define(
  "BALANCE",
  [
    amount.required("loanAmount"),
    rate.required("annualRate"),
    years.required("amortYears"),
    yearsFromZero.required("yearsElapsed"),
    yearsFromZero.withDefault("ioYears", 0),
    frequency.withDefault("paymentsPerYear", 12),
  ],
  (loanAmount, annualRate, amortYears, yearsElapsed, ioYears, perYear) => {
    const n = wholePeriods("amortYears", amortYears, perYear);
    if (n instanceof Fault) return n;
    const elapsed = wholePeriods("yearsElapsed", yearsElapsed, perYear);
    if (elapsed instanceof Fault) return elapsed;
    const io = wholePeriods("ioYears", ioYears, perYear);
    if (io instanceof Fault) return io;
    return amortizedBalance(loanAmount, annualRate / perYear, n, elapsed - io);
  },
);

export const AMORTIZATION_HEADER = ["Period", "Payment", "Interest", "Principal", "Balance"] as const;

/**
 * The servicer's schedule. Rounding rule: the level payment is rounded to the cent, half
 * up; each period's interest is the balance times the periodic rate, rounded to the cent,
 * half up; principal is payment − interest. During the interest-only period the payment
 * is the interest. The last amortizing payment is the balance plus its interest, so a
 * schedule to full amortization ends at exactly 0; a shorter term ends on the balloon.
 * The argument rules bound the schedule: at most 100 years of 365 payments, 36,500 rows.
 */
export const AMORTIZATION = define(
  "AMORTIZATION",
  [
    amount.required("loanAmount"),
    rate.required("annualRate"),
    years.required("amortYears"),
    years.optional("termYears"),
    yearsFromZero.withDefault("ioYears", 0),
    frequency.withDefault("paymentsPerYear", 12),
  ],
  (loanAmount, annualRate, amortYears, termYears, ioYears, perYear) => {
    const n = wholePeriods("amortYears", amortYears, perYear);
    if (n instanceof Fault) return n;
    const term = wholePeriods("termYears", termYears ?? amortYears, perYear);
    if (term instanceof Fault) return term;
    const io = wholePeriods("ioYears", ioYears, perYear);
    if (io instanceof Fault) return io;
    if (term > io + n)
      return MSG.exceeds("termYears", "ioYears + amortYears", termYears ?? amortYears, ioYears + amortYears);
    return schedule(loanAmount, annualRate, perYear, n, term, io);
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
  const level = i.isZero()
    ? roundCents(balance.div(n))
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
