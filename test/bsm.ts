/**
 * Closed forms the tests compute on their own, apart from the code under test: the standard
 * normal distribution (Simpson's rule on the density, 4,000 panels: error below 1e-12) and the
 * Black–Scholes–Merton put with a continuous payout yield.
 */

/** The standard normal distribution function, by Simpson's rule on the density from 0. */
export function normalCdf(x: number): number {
  const n = 4000;
  const h = x / n;
  const f = (t: number) => Math.exp(-(t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = f(0) + f(x);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(i * h);
  return 0.5 + (sum * h) / 3;
}

/** Black–Scholes–Merton put on a value v, strike k, t years, volatility, risk-free rate r, yield q. */
export function bsmPut(v: number, k: number, t: number, sigma: number, r: number, q: number): number {
  if (k <= 0) return 0;
  const d1 = (Math.log(v / k) + (r - q + (sigma * sigma) / 2) * t) / (sigma * Math.sqrt(t));
  const d2 = d1 - sigma * Math.sqrt(t);
  return k * Math.exp(-r * t) * normalCdf(-d2) - v * Math.exp(-q * t) * normalCdf(-d1);
}
