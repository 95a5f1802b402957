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

/** A loan's terms as the financing functions take them. Rates are decimals, times in years. */
export interface LoanTerms {
  readonly loanAmount: number;
  readonly annualRate: number;
  readonly amortYears: number;
  /** Payments a year, a whole number from 1 to 365; default 12. */
  readonly paymentsPerYear?: number;
}

/** The level periodic payment (rate 0: straight-line); #VALUE! unless amortYears × paymentsPerYear is whole. */
export function payment({
  loanAmount,
  annualRate,
  amortYears,
  paymentsPerYear = PAYMENT.param.paymentsPerYear.fallback,
}: LoanTerms): number | Fault {
  const n = wholePeriods("amortYears", amortYears, paymentsPerYear);
  if (n instanceof Fault) return n;
  return levelPayment(loanAmount, annualRate / paymentsPerYear, n);
}

export const PAYMENT = define(
  "PAYMENT",
  [
    amount.required("loanAmount"),
    rate.required("annualRate"),
    years.required("amortYears"),
    frequency.withDefault("paymentsPerYear", 12),
  ],
  (loanAmount, annualRate, amortYears, paymentsPerYear) =>
    payment({ loanAmount, annualRate, amortYears, paymentsPerYear }),
);

/** Annual debt service: the payments of a year, or loan × rate when interest-only (default FALSE). */
export function debtService({
  loanAmount,
  annualRate,
  amortYears,
  interestOnly = DEBT_SERVICE.param.interestOnly.fallback,
  paymentsPerYear = DEBT_SERVICE.param.paymentsPerYear.fallback,
}: LoanTerms & { readonly interestOnly?: boolean }): number | Fault {
  const n = wholePeriods("amortYears", amortYears, paymentsPerYear);
  if (n instanceof Fault) return n;
  if (interestOnly) return loanAmount * annualRate;
  return levelPayment(loanAmount, annualRate / paymentsPerYear, n) * paymentsPerYear;
}

export const DEBT_SERVICE = define(
  "DEBT_SERVICE",
  [
    amount.required("loanAmount"),
    rate.required("annualRate"),
    years.required("amortYears"),
    flag("interestOnly", false),
    frequency.withDefault("paymentsPerYear", 12),
  ],
  (loanAmount, annualRate, amortYears, interestOnly, paymentsPerYear) =>
    debtService({ loanAmount, annualRate, amortYears, interestOnly, paymentsPerYear }),
);

export interface BalanceInput extends LoanTerms {
  readonly yearsElapsed: number;
  /** Interest-only years before amortization starts; default 0. */
  readonly ioYears?: number;
}

/** The unrounded balance after yearsElapsed (interest-only first, then amortizing); 0 once repaid. */
export function balance({
  loanAmount,
  annualRate,
  amortYears,
  yearsElapsed,
  ioYears = BALANCE.param.ioYears.fallback,
  paymentsPerYear = BALANCE.param.paymentsPerYear.fallback,
}: BalanceInput): number | Fault {
  const n = wholePeriods("amortYears", amortYears, paymentsPerYear);
  if (n instanceof Fault) return n;
  const elapsed = wholePeriods("yearsElapsed", yearsElapsed, paymentsPerYear);
  if (elapsed instanceof Fault) return elapsed;
  const io = wholePeriods("ioYears", ioYears, paymentsPerYear);
  if (io instanceof Fault) return io;
  return amortizedBalance(loanAmount, annualRate / paymentsPerYear, n, elapsed - io);
}

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
  (loanAmount, annualRate, amortYears, yearsElapsed, ioYears, paymentsPerYear) =>
    balance({ loanAmount, annualRate, amortYears, yearsElapsed, ioYears, paymentsPerYear }),
);

export const AMORTIZATION_HEADER = ["Period", "Payment", "Interest", "Principal", "Balance"] as const;

export interface AmortizationInput extends LoanTerms {
  /** Years the schedule runs (a shorter term ends on the balloon); default amortYears. */
  readonly termYears?: number;
  /** Interest-only years before amortization starts; default 0. */
  readonly ioYears?: number;
}

/**
 * The servicer's schedule, header row first. Rounding rule: the level payment is rounded to
 * the cent, half up; each period's interest is the balance times the periodic rate, rounded
 * to the cent, half up; principal is payment − interest. During the interest-only period the
 * payment is the interest. The last amortizing payment is the balance plus its interest, so
 * a schedule to full amortization ends at exactly 0; a shorter term ends on the balloon.
 * The argument rules bound the schedule: at most 100 years of 365 payments, 36,500 rows.
 */
export function amortization({
  loanAmount,
  annualRate,
  amortYears,
  termYears,
  ioYears = AMORTIZATION.param.ioYears.fallback,
  paymentsPerYear = AMORTIZATION.param.paymentsPerYear.fallback,
}: AmortizationInput): (string | number)[][] | Fault {
  const n = wholePeriods("amortYears", amortYears, paymentsPerYear);
  if (n instanceof Fault) return n;
  const term = wholePeriods("termYears", termYears ?? amortYears, paymentsPerYear);
  if (term instanceof Fault) return term;
  const io = wholePeriods("ioYears", ioYears, paymentsPerYear);
  if (io instanceof Fault) return io;
  if (term > io + n)
    return MSG.exceeds("termYears", "ioYears + amortYears", termYears ?? amortYears, ioYears + amortYears);
  return schedule(loanAmount, annualRate, paymentsPerYear, n, term, io);
}

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
  (loanAmount, annualRate, amortYears, termYears, ioYears, paymentsPerYear) =>
    amortization({ loanAmount, annualRate, amortYears, termYears, ioYears, paymentsPerYear }),
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
