/**
 * An independent high-precision reference for the option functions (test/option.test.ts,
 * test/collectible.test.ts): N(x) from the Maclaurin series of erf in decimal.js, with 50 digits
 * to spare beyond the cancellation of 1 − erf, and the Black–Scholes–Merton put in 80-digit
 * arithmetic on the exact binary values of the inputs. No code shared with src/core.
 */
import Decimal from "decimal.js";

export const R = Decimal.clone({ precision: 80 });
export type Dec = InstanceType<typeof R>;

/** The exact value of a double, as a decimal (no shortest-string rounding). */
export function exact(x: number): Dec {
  if (x === 0) return new R(0);
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  const v = new R(BigInt(m).toString()).mul(new R(2).pow(e));
  return x < 0 ? v.neg() : v;
}

/**
 * N(x) = ½·erfc(−x/√2), erf by its series Σ 2ⁿ y^(2n+1)/(1·3·…·(2n+1)) · 2/√π · e^(−y²), all terms positive. */
export function normalRef(xIn: Dec): Dec {
  // Beyond 40 the tail is below 1e-349, which no double can show: 0 or 1 is exact enough.
  if (xIn.abs().gt(40)) return new R(xIn.isNegative() ? 0 : 1);
  const y0 = xIn.abs().div(new R(2).sqrt());
  const y2est = y0.mul(y0).toNumber();
  // 1 − erf(y) ≈ e^(−y²): keep 50 digits beyond the ones the subtraction cancels.
  const P = Decimal.clone({ precision: 60 + Math.ceil(y2est / Math.LN10) });
  const y = new P(xIn.toString()).abs().div(new P(2).sqrt());
  const y2 = y.mul(y);
  let term = y;
  let sum = y;
  for (let n = 1; !term.isZero(); n++) {
    term = term
      .mul(y2)
      .mul(2)
      .div(2 * n + 1);
    sum = sum.add(term);
    if (term.lt(sum.mul(new P(10).pow(-(P.precision + 2))))) break;
  }
  const erf = sum.mul(2).div(P.acos(-1).sqrt()).mul(y2.neg().exp());
  const tail = new P(1).sub(erf).div(2); // N(−|x|)
  return new R((xIn.isNegative() ? tail : new P(1).sub(tail)).toString());
}

export interface Inputs {
  s: number;
  k: number;
  t: number;
  sigma: number;
  r: number;
  q: number;
}

export function d1Ref({ s, k, t, sigma, r, q }: Inputs): { d1: Dec; d2: Dec } {
  const sd = exact(sigma).mul(exact(t).sqrt());
  const d1 = exact(s)
    .div(exact(k))
    .ln()
    .add(exact(r).sub(exact(q)).mul(exact(t)))
    .div(sd)
    .add(sd.div(2));
  return { d1, d2: d1.sub(sd) };
}

export function putRef(p: Inputs): Dec {
  const { d1, d2 } = d1Ref(p);
  const kDf = exact(p.k).mul(exact(p.r).mul(exact(p.t)).neg().exp());
  const sDf = exact(p.s).mul(exact(p.q).mul(exact(p.t)).neg().exp());
  return kDf.mul(normalRef(d2.neg())).sub(sDf.mul(normalRef(d1.neg())));
}

export function relErr(got: number, ref: Dec): number {
  return ref.isZero() ? Math.abs(got) : new R(got).sub(ref).div(ref).abs().toNumber();
}

// ---------------------------------------------------------------------------------------
// The same, in float64, for the many calls of the deal tests.

/**
 * The standard normal distribution function, written here independently of the add-in's
 * (src/core/normal.ts): N(x) = erfc(−x/√2)/2, with erfc(z) = 1 − erf(z) by erf's Taylor series
 * for |z| < 3 (alternating terms, at most ~10 times the sum, so ~1e-15 absolute) and by its
 * continued fraction (modified Lentz) for |z| ≥ 3, where 1 − erf would cancel.
 */
export function erfc(z: number): number {
  if (z < 0) return 2 - erfc(-z);
  if (z < 3) {
    let term = z;
    let sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (-z * z) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(z) = e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))).
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = z + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = z + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
}
export const normCdf = (x: number): number => erfc(-x / Math.SQRT2) / 2;

/** Black–Scholes–Merton put with a continuous yield q (Merton 1973; methodology §16). */
export function bsPut(v: number, k: number, t: number, sigma: number, r: number, q: number): number {
  const sd = sigma * Math.sqrt(t);
  const d1 = (Math.log(v / k) + (r - q + (sigma * sigma) / 2) * t) / sd;
  const d2 = d1 - sd;
  return k * Math.exp(-r * t) * normCdf(-d2) - v * Math.exp(-q * t) * normCdf(-d1);
}

/** P(V_T < K) for a lognormal value growing at g with yield q: N(−d2) at g. */
export function lognormalBelow(v: number, k: number, t: number, sigma: number, g: number, q: number): number {
  const sd = sigma * Math.sqrt(t);
  return normCdf(-(Math.log(v / k) + (g - q - (sigma * sigma) / 2) * t) / sd);
}
