/**
 * The standard normal distribution function, accurate to a few units in the last place
 * (about 1e-15 relative) over the whole line, tails included.
 *
 *   N(x) = ½·erfc(−x/√2);  for x ≥ 0 the upper tail is Q(x) = N(−x) = ½·exp(−x²/2)·erfcx(x/√2)
 *
 * erfcx(y) = exp(y²)·erfc(y) is evaluated as one Chebyshev series in t = (y − K)/(y + K),
 * K = 3.75, of f(t) = (1 + 2y)·erfcx(y), the mapping of Shepherd & Laframboise (Math. Comp.
 * 36, 1981, 249–253): f is smooth and bounded on y ≥ 0, so 27 terms reach 1e-18. The
 * coefficients were computed for this project in 200-digit arithmetic by
 * scripts/erfcx-chebyshev.mjs. exp(−x²/2) is taken in two factors, x = xh + xl with xh
 * rounded to 24 bits so that xh² is exact, which keeps its relative error at an ulp or two
 * even where x² is large (the tail). See docs/methodology.md, "Pricing the put".
 */

/** Math's functions as locals: a global look-up in the hot loops is slow in a vm context (the engine, tests). */
const { SQRT1_2, exp, fround } = Math;

const K = 3.75;

/** Chebyshev coefficients of (1 + 2y)·erfcx(y) in t; the first is already halved. */
const C = [
  1.1775789345674018, -0.0045900545806464773, -0.084249133366517916, 0.05920993999819189, -0.026658668435305752,
  0.0090749976707052651, -0.0024131635404176082, 0.00049077583652580863, -0.000069169733025012064,
  0.0000041390279860730102, 7.7403830661984907e-7, -2.1886401049234396e-7, 1.076499946567091e-8, 4.5219598112182869e-9,
  -7.7544002088313511e-10, -6.3180883408866845e-11, 2.8687950109306699e-11, 1.9455868545777347e-13,
  -9.6546967484334389e-13, 3.2525481481487398e-14, 3.3478119482868054e-14, -1.8645628804193131e-15,
  -1.2507950530688647e-15, 7.4182352566240435e-17, 5.0681489047961113e-17, -2.2370566594359996e-18,
  -2.1873429443030177e-18,
];

/** exp(y²)·erfc(y) for y ≥ 0 (Clenshaw's recurrence on the series above). */
export function erfcx(y: number): number {
  const t = (y - K) / (y + K);
  const t2 = 2 * t;
  let b1 = 0;
  let b2 = 0;
  for (let j = C.length - 1; j >= 1; j--) {
    const b0 = t2 * b1 - b2 + C[j];
    b2 = b1;
    b1 = b0;
  }
  return (t * b1 - b2 + C[0]) / (1 + 2 * y);
}

/** exp(−x²/2), with x² split so that the large part of the exponent is exact. */
function gaussian(x: number): number {
  const xh = fround(x);
  return exp(-0.5 * xh * xh) * exp(-0.5 * (x - xh) * (x + xh));
}

/** Q(x) = 1 − N(x) = N(−x) for x ≥ 0; 0 beyond 40, where it is below the smallest double. */
function upperTail(x: number): number {
  if (x > 40) return 0;
  return 0.5 * gaussian(x) * erfcx(x * SQRT1_2);
}

/** The standard normal distribution function N(x) = P(Z ≤ x); N(−∞) = 0, N(∞) = 1. */
export function normalCdf(x: number): number {
  return x < 0 ? upperTail(-x) : 1 - upperTail(x);
}
