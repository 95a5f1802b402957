/**
 * Decimal discipline. `Dec` is the project's one configured decimal.js constructor (a
 * clone, never the global `Decimal.set`). Money that is shown as a schedule is computed
 * with it and rounded with a named mode.
 *
 * Scalar functions run in float64 for speed, but sums and differences of money are made
 * exact where the inputs allow: amounts given in whole cents (and rates with a short
 * decimal expansion) are combined as scaled integers, so 0.10 + 0.20 is 0.30 and a
 * 50 bp spread over 7 years on 4,500,000 is exactly 157,500. The result is then the
 * double nearest to the exact decimal answer. Inputs with finer fractions fall back to
 * float64, which the accuracy tests hold to 1e-9 relative of a decimal reference.
 */
import Decimal from "decimal.js";

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -20, toExpPos: 30 });
export type Dec = InstanceType<typeof Dec>;

/** How a servicer rounds each period's interest and the level payment: to the cent, half up. */
export const SERVICER_ROUNDING = Decimal.ROUND_HALF_UP;

/** Largest scaled integer kept exact through a few additions (2^53 / 8). */
const SAFE = 2 ** 50;

/**
 * The smallest power of ten k (0..12) for which x·10^k is a whole number, and that whole
 * number; undefined when x has no such short decimal expansion or is too large.
 */
export function decimalScale(x: number): { int: number; k: number } | undefined {
  let scaled = x;
  let p = 1;
  for (let k = 0; k <= 12; k++) {
    const r = Math.round(scaled);
    if (Math.abs(r) >= SAFE) return undefined;
    if (Math.abs(scaled - r) <= 4e-16 * Math.abs(scaled) + 1e-300) return { int: r, k };
    p *= 10;
    scaled = x * p;
  }
  return undefined;
}

/** x in whole cents, or undefined when x is not a whole number of cents (or too large). */
export function toCents(x: number): number | undefined {
  const c = x * 100;
  const r = Math.round(c);
  if (Math.abs(r) >= SAFE) return undefined;
  return Math.abs(c - r) <= 4e-16 * Math.abs(c) ? r : undefined;
}

/**
 * The sum of money amounts: exact (the double nearest the decimal sum) when every term is
 * a whole number of cents, float64 otherwise.
 */
export function sumMoney(terms: readonly number[]): number {
  let cents = 0;
  let exact = true;
  let float = 0;
  for (const t of terms) {
    float += t;
    if (exact) {
      const c = toCents(t);
      if (c === undefined) exact = false;
      else cents += c;
    }
  }
  return exact && Math.abs(cents) < SAFE ? cents / 100 : float;
}

/** a − b for two decimals with short expansions, exactly; float64 otherwise. */
export function diffExact(a: number, b: number): { int: number; k: number } | undefined {
  const sa = decimalScale(a);
  const sb = decimalScale(b);
  if (!sa || !sb) return undefined;
  const k = Math.max(sa.k, sb.k);
  const int = sa.int * 10 ** (k - sa.k) - sb.int * 10 ** (k - sb.k);
  return Math.abs(int) < SAFE ? { int, k } : undefined;
}

/** Rounds a number to cents with the servicer's rounding mode, through decimal.js. */
export function roundCents(x: Dec): Dec {
  return x.toDecimalPlaces(2, SERVICER_ROUNDING);
}

/**
 * amount × factor: exact (the double nearest the decimal product) when the amount is a
 * whole number of cents and the factor has a short decimal expansion (0.25, 0.1), so that
 * 0.1 × 3,000,000.30 is 300,000.03; float64 otherwise.
 */
export function timesMoney(amount: number, factor: number): number {
  const cents = toCents(amount);
  if (cents === undefined) return amount * factor;
  const f = decimalScale(factor);
  if (!f) return amount * factor;
  const numerator = cents * f.int;
  if (!Number.isSafeInteger(numerator)) return amount * factor;
  return numerator / (100 * 10 ** f.k);
}
