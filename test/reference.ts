/**
 * Independent high-precision references for the accuracy tests. They use decimal.js at 60
 * significant digits and iterate month by month (no closed forms shared with the core),
 * so they check the core's float64 closed forms from a different derivation.
 */
import Decimal from "decimal.js";

export const R = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
type R = InstanceType<typeof R>;

/** Level payment from the annuity equation, solved in high precision. */
export function paymentRef(loan: number, annualRate: number, years: number, perYear = 12): R {
  const n = Math.round(years * perYear);
  const i = new R(annualRate).div(perYear);
  if (i.isZero()) return new R(loan).div(n);
  return new R(loan).mul(i).div(new R(1).sub(i.add(1).pow(-n)));
}

/** Balance by stepping month by month: B ← B(1 + i) − P, unrounded. */
export function balanceRef(
  loan: number,
  annualRate: number,
  years: number,
  elapsedYears: number,
  ioYears = 0,
  perYear = 12,
): R {
  const n = Math.round(years * perYear);
  const k = Math.round(elapsedYears * perYear);
  const io = Math.round(ioYears * perYear);
  const i = new R(annualRate).div(perYear);
  const p = paymentRef(loan, annualRate, years, perYear);
  let b = new R(loan);
  for (let m = 1; m <= k; m++) {
    if (m <= io) continue;
    if (m - io > n) return new R(0);
    b = b.mul(i.add(1)).sub(p);
  }
  return b.abs().lt(1e-30) ? new R(0) : b;
}

/** The non-recourse premium by explicit monthly cash flows. */
export function premiumRef(
  loan: number,
  rRate: number,
  nrRate: number,
  rPts: number,
  nrPts: number,
  holdYears: number,
  amortYears?: number,
  discountRate?: number,
): R {
  const months = Math.round(holdYears * 12);
  const v = discountRate === undefined ? new R(1) : new R(1).div(new R(discountRate).div(12).add(1));
  const points = new R(loan).mul(new R(nrPts).sub(rPts));
  let total = points;
  if (amortYears === undefined) {
    const monthly = new R(loan).mul(new R(nrRate).sub(rRate)).div(12);
    for (let k = 1; k <= months; k++) total = total.add(monthly.mul(v.pow(k)));
    return total;
  }
  const n = Math.round(amortYears * 12);
  const pr = paymentRef(loan, rRate, amortYears);
  const pn = paymentRef(loan, nrRate, amortYears);
  for (let k = 1; k <= Math.min(months, n); k++) total = total.add(pn.sub(pr).mul(v.pow(k)));
  const br = balanceRef(loan, rRate, amortYears, holdYears);
  const bn = balanceRef(loan, nrRate, amortYears, holdYears);
  return total.add(bn.sub(br).mul(v.pow(months)));
}

/** Agreement within 1e-9 relative or half a cent, whichever is larger (the accuracy bar). */
export function agrees(actual: number, expected: R | number): boolean {
  const e = new R(expected);
  const tol = R.max(e.abs().mul(1e-9), 0.005);
  return new R(actual).sub(e).abs().lte(tol);
}
