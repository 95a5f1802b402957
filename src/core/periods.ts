/** Period arithmetic shared by the financing and premium functions. */
import { Fault } from "./fault";
import { MSG } from "./messages";

/**
 * years × perYear as a whole number of periods. A product within 1e-9 of a whole number
 * counts as whole (so 88/12 years at 12 a year is 88 periods); anything else is an error
 * naming the argument.
 */
export function wholePeriods(arg: string, years: number, perYear: number): number | Fault {
  const x = years * perYear;
  const r = Math.round(x);
  if (Math.abs(x - r) > 1e-9 * Math.max(1, Math.abs(x))) return MSG.notWholePeriods(arg, years, perYear);
  return r;
}

/**
 * Several times in years as whole numbers of periods, by name (wholePeriods of each, in the
 * order given): the first that is not whole is the Fault. It allocates and reads keys (about
 * 0.2 µs): for a simulation or a schedule, not for a function on the benchmark's per-call budget.
 */
export function periodsOf<K extends string>(
  years: Readonly<Record<K, number>>,
  perYear: number,
): Record<K, number> | Fault {
  const out = {} as Record<K, number>;
  for (const arg of Object.keys(years) as K[]) {
    const n = wholePeriods(arg, years[arg], perYear);
    if (n instanceof Fault) return n;
    out[arg] = n;
  }
  return out;
}

/** The level payment that repays `principal` over n periods at the periodic rate i. */
export function levelPayment(principal: number, i: number, n: number): number {
  if (i === 0) return principal / n;
  return (principal * i) / -Math.expm1(-n * Math.log1p(i));
}

/** The unrounded balance after m of n level payments at the periodic rate i (0 once m ≥ n). */
export function amortizedBalance(principal: number, i: number, n: number, m: number): number {
  if (m <= 0) return principal;
  if (m >= n) return 0;
  if (i === 0) return principal * (1 - m / n);
  const l = Math.log1p(i);
  const gn = Math.expm1(n * l);
  return (principal * (gn - Math.expm1(m * l))) / gn;
}

/** Present value of 1 a period for n periods at the periodic rate d. */
export function annuityFactor(d: number, n: number): number {
  if (d === 0) return n;
  return -Math.expm1(-n * Math.log1p(d)) / d;
}

/** 1 / (1 + d)^n. */
export function discountFactor(d: number, n: number): number {
  return Math.exp(-n * Math.log1p(d));
}
