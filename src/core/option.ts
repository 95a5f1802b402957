/**
 * Pricing the protection: the non-recourse borrower's put on the property (docs/methodology.md,
 * "Pricing the put"). Rates here are continuously compounded decimals; years are years.
 *
 *   PUT_VALUE           = K·e^(−rT)·N(−d2) − V·e^(−qT)·N(−d1)        (Black–Scholes–Merton)
 *                         d1 = (ln(V/K) + (r − q + σ²/2)·T) / (σ√T),  d2 = d1 − σ√T
 *                         σ = 0 or T = 0: the intrinsic value max(0, K·e^(−rT) − V·e^(−qT))
 *   DEFAULT_PROBABILITY = N(−d2) with the growth rate g in place of r: P(V_T < K)
 *   FAIR_SPREAD         = put / (L · (1 − e^(−dT)) / d): the level spread on the loan, paid
 *                         continuously over the hold, whose present value is the put (d = 0: put / (L·T))
 *   PUT_VALUE_PATH      = E[e^(−r·τ) · max(0, B_τ − (1 − c)·V_τ)] by simulation: V monthly under
 *                         geometric Brownian motion at r − q, B the loan's balance, τ the month
 *                         of default, or maturity if B > exitLTV × V then (or V < trigger × B).
 *                         FIRST_DIP: τ is the first month with V < trigger × B. OPTIMAL: the
 *                         borrower's optimal stopping, by least-squares Monte Carlo (Longstaff &
 *                         Schwartz 2001): default in a month with V < min(1, trigger) × B when
 *                         B − V exceeds the continuation value regressed on 1, V/B, (V/B)²
 *                         (the boundary fitted on separate training paths)
 *
 * Each function comes twice: a typed call for TypeScript (named inputs, returns number | Fault)
 * and the checked spreadsheet function (`define`), which reads raw cells against the rules
 * declared here. The typed call runs the same checks.
 */
import {
  amount,
  choice,
  defineIn,
  numberParam,
  rate,
  share,
  years,
  yearsFromZero,
  fraction,
  volatility,
  HELP,
  type InputOf,
} from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { normalCdf } from "./normal";
import { amortizedBalance, periodsOf } from "./periods";

const define = defineIn({ family: "option", section: 16, cost: "composite" });

/** Math's functions as locals: a global look-up in the hot loops is slow in a vm context (the engine, tests). */
const { abs, exp, expm1, imul, log, max, min, sqrt } = Math;

// ---------------------------------------------------------------------------------------
// Argument rules of this family.

/** A property value for the simulation: more than 0 (its logarithm is simulated). */
const positiveAmount = numberParam({ min: 0, minInclusive: false });
/** The default trigger: a multiple of the balance, 0 (never before maturity) to 2. */
const trigger = numberParam({ min: 0, minInclusive: true, max: 2, maxInclusive: true });
/** Simulated paths: a whole number from 2 to 1,000,000 (even: antithetic pairs). */
const pathCount = numberParam({ min: 2, minInclusive: true, max: 1_000_000, maxInclusive: true, whole: true });
/** A seed for the generator: a whole number from 0 to 2³² − 1. */
const seedNumber = numberParam({ min: 0, minInclusive: true, max: 4_294_967_295, maxInclusive: true, whole: true });

/** What PUT_VALUE_PATH returns. */
export const PATH_OUTPUTS = ["VALUE", "STDERR", "PROBABILITY"] as const;
export type PathOutput = (typeof PATH_OUTPUTS)[number];

/** The documented defaults of PUT_VALUE_PATH. */
export const PATH_DEFAULTS = { paths: 10_000, seed: 1, defaultTrigger: 1, exitLTV: 1 } as const;

function finite(x: number, what: string): number | Fault {
  return Number.isFinite(x) ? x : MSG.tooLarge(what);
}

// ---------------------------------------------------------------------------------------
// Closed forms.

/** ln(a/b) for a, b > 0, without overflow when a/b does not fit a double. */
function logRatio(a: number, b: number): number {
  const q = a / b;
  return q > 0 && q < Infinity ? log(q) : log(a) - log(b);
}

function bsmPut(value: number, claim: number, t: number, sigma: number, r: number, q: number): number | Fault {
  if (claim === 0) return 0;
  const dfR = exp(-r * t);
  const dfQ = exp(-q * t);
  const sd = sigma * sqrt(t);
  let put: number;
  if (value === 0) put = claim * dfR;
  else if (sd === 0) put = max(0, claim * dfR - value * dfQ);
  else {
    const d1 = (logRatio(value, claim) + (r - q) * t) / sd + sd / 2;
    put = max(0, claim * dfR * normalCdf(sd - d1) - value * dfQ * normalCdf(-d1));
  }
  return finite(put, "put value");
}

function probabilityBelow(value: number, claim: number, t: number, sigma: number, g: number, q: number): number {
  if (claim === 0) return 0;
  if (value === 0) return 1;
  const drift = logRatio(value, claim) + (g - q) * t;
  const sd = sigma * sqrt(t);
  if (sd === 0) return drift < 0 ? 1 : 0;
  return normalCdf(sd / 2 - drift / sd);
}

function levelSpread(put: number, loan: number, t: number, d: number): number | Fault {
  if (loan === 0) return MSG.divByZero("loanAmount");
  // (1 − e^(−x))/x · T with x = d·T; its series where x is so small that d·T may be subnormal.
  const x = d * t;
  const annuity = abs(x) < 1e-5 ? t * (1 - x / 2 + (x * x) / 6) : -expm1(-x) / d;
  return finite(put / (loan * annuity), "fair spread");
}

export const PUT_VALUE = define(
  "PUT_VALUE",
  [
    amount.required("propertyValue"),
    amount.required("claim"),
    yearsFromZero.required("years"),
    volatility.required("volatility"),
    rate.required("riskFreeRate"),
    rate.withDefault("payoutYield", 0),
  ],
  bsmPut,
  HELP && {
    summary: "Value of the non-recourse put on the property (Black–Scholes–Merton).",
    details:
      "claim·e^(−rT)·N(−d2) − value·e^(−qT)·N(−d1): the present value of the deficiency the lender absorbs at the horizon. Lognormal value, default only at the horizon; rates continuous. σ = 0 or years = 0: the intrinsic value. An estimate to compare with the premium, not advice.",
    params: {
      claim:
        "What the borrower owes at the horizon: the balance (plus costs) that non-recourse lets the borrower walk away from.",
      years: "Years to the horizon, usually the hold (0 or more).",
      volatility:
        "Annual volatility of the property's value as a decimal (15% is 0.15); use a transaction-based figure.",
      riskFreeRate: "Continuously compounded risk-free rate as a decimal.",
      payoutYield: "The property's income yield, NOI ÷ value, as a decimal (default 0).",
    },
    returns: "The put's present value, in the currency of the inputs.",
    examples: [
      "=LOAN.PUT_VALUE(42, 40, 0.5, 0.2, 0.1) → 0.8086",
      "=LOAN.PUT_VALUE(6450000, 4091976, 7, 0.15, 0.045, 0.0775) → 231413.61",
    ],
  },
);

export const DEFAULT_PROBABILITY = define(
  "DEFAULT_PROBABILITY",
  [
    amount.required("propertyValue"),
    amount.required("claim"),
    yearsFromZero.required("years"),
    volatility.required("volatility"),
    rate.required("growthRate"),
    rate.withDefault("payoutYield", 0),
  ],
  probabilityBelow,
  HELP && {
    summary: "Probability that the property's value at the horizon is below the claim.",
    details:
      "N(−d2) under lognormal growth at growthRate less the payout yield: risk-neutral with the risk-free rate, real-world with an expected growth rate. σ = 0 or years = 0: 1 or 0. An estimate, not advice.",
    params: {
      claim: "What the borrower owes at the horizon.",
      years: "Years to the horizon (0 or more).",
      volatility: "Annual volatility of the property's value as a decimal.",
      growthRate:
        "Continuously compounded total return of the property as a decimal: the risk-free rate for the risk-neutral probability, an expected return for a real-world one.",
      payoutYield: "The property's income yield, NOI ÷ value (default 0).",
    },
    returns: "The probability as a decimal.",
    examples: [
      "=LOAN.DEFAULT_PROBABILITY(6450000, 4091976, 7, 0.15, 0.045, 0.0775) → 0.3539",
      "=LOAN.DEFAULT_PROBABILITY(6450000, 4091976, 7, 0.15, 0.08, 0.0775) → 0.1605",
    ],
  },
);

export const FAIR_SPREAD = define(
  "FAIR_SPREAD",
  [amount.required("putValue"), amount.required("loanAmount"), years.required("years"), rate.required("discountRate")],
  levelSpread,
  HELP && {
    summary: "The put as a level annual spread on the loan (0.005 is 50 bp).",
    details:
      "Paid continuously over the years, its present value at the discount rate equals the put: put·d / (loan·(1 − e^(−d·years))); put / (loan·years) when d = 0. To set against the non-recourse rate premium.",
    params: {
      putValue: "The put's value (LOAN.PUT_VALUE or LOAN.PUT_VALUE_PATH).",
      loanAmount: "The loan amount the spread is charged on (more than 0).",
      years: "Years the spread is paid (the hold).",
      discountRate: "Continuously compounded discount rate as a decimal.",
    },
    returns: "The spread as a decimal a year.",
    examples: ["=LOAN.FAIR_SPREAD(100000, 4500000, 7, 0.045) → 0.0037008"],
  },
);

/**
 * The put spread P(K) − P(K − c), c = min(capacity, K): what non-recourse is worth to a borrower
 * whose guarantor could be made to pay at most `capacity`. Under recourse the lender collects
 * min(deficiency, capacity) of the deficiency max(0, K − V); non-recourse saves exactly that, whose
 * value is a long put at K and a short put at K − c (methodology §16).
 */
function putSpread(
  value: number,
  claim: number,
  t: number,
  sigma: number,
  r: number,
  capacity: number,
  q: number,
): number | Fault {
  const full = bsmPut(value, claim, t, sigma, r, q);
  if (full instanceof Fault || capacity >= claim) return full;
  const beyond = bsmPut(value, claim - capacity, t, sigma, r, q);
  if (beyond instanceof Fault) return beyond;
  return max(0, full - beyond);
}

export const PROTECTION_VALUE = define(
  "PROTECTION_VALUE",
  [
    amount.required("propertyValue"),
    amount.required("claim"),
    yearsFromZero.required("years"),
    volatility.required("volatility"),
    rate.required("riskFreeRate"),
    amount.required("capacity"),
    rate.withDefault("payoutYield", 0),
  ],
  putSpread,
  HELP && {
    summary: "Value of non-recourse when the guarantor could pay at most its capacity.",
    details:
      "The put spread P(claim) − P(claim − c), c = min(capacity, claim), each P as LOAN.PUT_VALUE: the present value of min(deficiency, capacity), the part of the deficiency a lender could actually collect under recourse. capacity ≥ claim: the whole put. European, at the horizon. An estimate to compare with the premium, not advice.",
    params: {
      claim: "What the borrower owes at the horizon: the balance, accrued interest and foreclosure costs.",
      years: "Years to the horizon, usually the hold (0 or more).",
      volatility: "Annual volatility of the property's value as a decimal (20% is 0.2).",
      riskFreeRate: "Continuously compounded risk-free rate as a decimal.",
      capacity:
        "What the guarantor could be made to pay (LOAN.COLLECTIBLE_CAPACITY), at most what the guarantee covers and the state's law allows (0 or more).",
      payoutYield: "The property's income yield, NOI ÷ value, as a decimal (default 0).",
    },
    returns: "The value of the collectible part of the put, in the currency of the inputs.",
    examples: [
      "=LOAN.PROTECTION_VALUE(42, 40, 0.5, 0.2, 0.1, 40) → 0.8086",
      "=LOAN.PROTECTION_VALUE(42, 40, 0.5, 0.2, 0.1, 2) → 0.4013",
    ],
  },
);

/** The put's inputs, named (PUT_VALUE's parameters). */
export type PutInputs = InputOf<typeof PUT_VALUE>;

/** The Black–Scholes–Merton put on the property (LOAN.PUT_VALUE). */
export function putValue(p: PutInputs): number | Fault {
  return PUT_VALUE(p.propertyValue, p.claim, p.years, p.volatility, p.riskFreeRate, p.payoutYield);
}

/** P(value at the horizon < claim) under lognormal growth (LOAN.DEFAULT_PROBABILITY). */
export function defaultProbability(p: InputOf<typeof DEFAULT_PROBABILITY>): number | Fault {
  return DEFAULT_PROBABILITY(p.propertyValue, p.claim, p.years, p.volatility, p.growthRate, p.payoutYield);
}

/** The level annual spread whose present value is the put (LOAN.FAIR_SPREAD). */
export function fairSpread(p: InputOf<typeof FAIR_SPREAD>): number | Fault {
  return FAIR_SPREAD(p.putValue, p.loanAmount, p.years, p.discountRate);
}

// ---------------------------------------------------------------------------------------
// The put on the real loan, by simulation.

/** splitmix32: expands a 32-bit seed into well-mixed words for the generator's state. */
function splitmix32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = imul(z ^ (z >>> 16), 0x85ebca6b);
    z = imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  };
}

/** 2⁻³¹: scales a signed 32-bit integer into [−1, 1). */
const INV_2_31 = 1 / 2147483648;

/**
 * Standard normal draws in a fixed order: the generator xoshiro128** (Blackman & Vigna), its
 * state four words of splitmix32, and Marsaglia's polar method, two draws per accepted point of
 * the unit disc. The state is kept in locals while a batch is drawn, for speed.
 */
class NormalStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  constructor(words: () => number) {
    this.s0 = words();
    this.s1 = words();
    this.s2 = words();
    this.s3 = words();
  }

  /** Writes the next `count` draws to out[0], …, out[count − 1]. */
  fill(out: Float64Array, count: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let j = 0;
    if (this.hasSpare && count > 0) {
      out[j++] = this.spare;
      this.hasSpare = false;
    }
    while (j < count) {
      let u: number;
      let v: number;
      let w: number;
      do {
        // two draws of xoshiro128**, each a signed 32-bit integer scaled into [−1, 1)
        let x = imul(s1, 5);
        u = (imul((x << 7) | (x >>> 25), 9) + 0.5) * INV_2_31;
        let t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        x = imul(s1, 5);
        v = (imul((x << 7) | (x >>> 25), 9) + 0.5) * INV_2_31;
        t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        w = u * u + v * v;
      } while (w >= 1);
      const f = sqrt((-2 * log(w)) / w);
      out[j++] = u * f;
      if (j < count) out[j++] = v * f;
      else {
        this.spare = v * f;
        this.hasSpare = true;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }
}

/** Normal draws taken from the stream at a time by the forward simulation. */
const BATCH = 1024;

/** The loan and market the simulation runs on (PUT_VALUE_PATH's parameters but the output). */
export type PathInputs = Omit<InputOf<typeof PUT_VALUE_PATH>, "output">;

/** What the simulation estimates. */
export interface PathResult {
  /** Present value of the lender's loss under non-recourse: the put on the real loan. */
  value: number;
  /** Standard error of `value` (from the spread of the antithetic pairs' means). */
  stdErr: number;
  /** Share of paths that default (a risk-neutral probability). */
  defaultProbability: number;
}

/**
 * How the borrower decides to default before maturity: in the first month the value falls below
 * defaultTrigger × balance (FIRST_DIP, the original rule and the default), or when defaulting is
 * worth more than waiting (OPTIMAL, least-squares Monte Carlo).
 */
export const DEFAULT_RULES = ["FIRST_DIP", "OPTIMAL"] as const;
export type DefaultRule = (typeof DEFAULT_RULES)[number];

/** In-the-money training paths a regression coefficient needs: fewer, and the fit drops a degree. */
const POINTS_PER_COEFFICIENT = 4;
/** A Cholesky pivot below this share of its diagonal element: the basis is degenerate, drop a degree. */
const PIVOT_TOLERANCE = 1e-9;

/**
 * Least squares of y on 1, x, x² from the sums Σxʲ (j = 0…4, in `sx`) and Σxʲ·y (j = 0…2, in
 * `sy`) of `count` points, by Cholesky on the normal equations; the coefficients go to
 * out[at], out[at + 1], out[at + 2]. Linear or constant when the points are too few (fewer than
 * POINTS_PER_COEFFICIENT a coefficient) or the basis is degenerate on them (all x alike).
 * Returns false, and writes nothing, when there is no point at all.
 */
function leastSquares(sx: Float64Array, sy: Float64Array, count: number, out: Float64Array, at: number): boolean {
  if (count === 0) return false;
  out[at + 1] = 0;
  out[at + 2] = 0;
  const l00 = sqrt(sx[0]);
  const l10 = sx[1] / l00;
  const l20 = sx[2] / l00;
  const d1 = sx[2] - l10 * l10;
  if (count < 2 * POINTS_PER_COEFFICIENT || !(d1 > PIVOT_TOLERANCE * sx[2])) {
    out[at] = sy[0] / sx[0];
    return true;
  }
  const l11 = sqrt(d1);
  const l21 = (sx[3] - l20 * l10) / l11;
  const d2 = sx[4] - l20 * l20 - l21 * l21;
  const g0 = sy[0] / l00;
  const g1 = (sy[1] - l10 * g0) / l11;
  if (count < 3 * POINTS_PER_COEFFICIENT || !(d2 > PIVOT_TOLERANCE * sx[4])) {
    const c1 = g1 / l11;
    out[at] = (g0 - l10 * c1) / l00;
    out[at + 1] = c1;
    return true;
  }
  const l22 = sqrt(d2);
  const g2 = (sy[2] - l20 * g0 - l21 * g1) / l22;
  const c2 = g2 / l22;
  const c1 = (g1 - l21 * c2) / l11;
  out[at] = (g0 - l10 * c1 - l20 * c2) / l00;
  out[at + 1] = c1;
  out[at + 2] = c2;
  return true;
}

/**
 * The optimal rule's exercise boundary (Longstaff and Schwartz 2001), fitted on training paths
 * of their own (`pairs` antithetic pairs, half as many as the pricing paths: measured, the
 * boundary from 5,000 paths prices as well as from 10,000), drawn from a second stream of the
 * same seed, so that the estimate from the pricing paths is of a fixed rule (a low-biased
 * estimator: no rule beats the optimal one on average). The training paths run backward
 * from maturity, each month drawn from its Brownian bridge to the next (so only the current
 * month is kept, not the whole path). At maturity the borrower's gain from default is
 * max(0, B − V); in each earlier month with paths where it may default (V < barrier, that is
 * min(1, trigger) × B), the value at this month of its gain from the later default it would
 * choose, as a share of the balance, is regressed on 1, V/B, (V/B)² over those paths; where
 * 1 − V/B exceeds the fitted continuation, it defaults now. Writes the fit of month m to
 * coef[3m…3m + 2] (continuation ÷ balance in V/B); a month with no path in the money gets no
 * fit and its barrier becomes −∞ (no default that month).
 */
function fitBoundary(
  normals: NormalStream,
  n: number,
  pairs: number,
  x0: number,
  drift: number,
  vol: number,
  balance: Float64Array,
  barrier: Float64Array,
  discount: Float64Array,
): Float64Array {
  const coef = new Float64Array(3 * (n + 1));
  const loan = balance[0];
  // No loan (every barrier is −∞ then) or no month before maturity: nothing to fit.
  if (!(loan > 0) || n < 2) return coef;
  const w = new Float64Array(pairs); // the sum of the monthly draws to this month, path a (b: −w)
  const z = new Float64Array(pairs);
  // Per path (a at 2k, b at 2k + 1): the present value of the borrower's gain from the default
  // it will choose, per unit of loan; the paths where it may default this month, and V/B there.
  const gain = new Float64Array(2 * pairs);
  const live = new Int32Array(2 * pairs);
  const ratio = new Float64Array(2 * pairs);
  const sx = new Float64Array(5);
  const sy = new Float64Array(3);

  normals.fill(z, pairs);
  const rootN = sqrt(n);
  const bn = balance[n] / loan;
  const dn = discount[n];
  const end = x0 - log(loan) + drift * n;
  for (let k = 0; k < pairs; k++) {
    const wk = rootN * z[k];
    w[k] = wk;
    gain[2 * k] = dn * max(0, bn - exp(end + vol * wk));
    gain[2 * k + 1] = dn * max(0, bn - exp(end - vol * wk));
  }
  for (let m = n - 1; m >= 1; m--) {
    normals.fill(z, pairs);
    const shrink = m / (m + 1);
    const spread = sqrt(shrink);
    const bar = barrier[m];
    const logB = log(balance[m]);
    const mid = x0 + drift * m;
    // The continuation, a present value per unit of loan, as a share of the balance then.
    const scale = 1 / (discount[m] * (balance[m] / loan));
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let count = 0;
    for (let k = 0; k < pairs; k++) {
      const wk = shrink * w[k] + spread * z[k];
      w[k] = wk;
      const step = vol * wk;
      // The path and its antithetic twin: the same normal with the opposite sign.
      for (let side = 0; side < 2; side++) {
        const at = side === 0 ? mid + step : mid - step;
        if (at < bar) {
          const j = 2 * k + side;
          const q = exp(at - logB);
          const y = gain[j] * scale;
          const q2 = q * q;
          live[count] = j;
          ratio[count++] = q;
          s1 += q;
          s2 += q2;
          s3 += q2 * q;
          s4 += q2 * q2;
          t0 += y;
          t1 += q * y;
          t2 += q2 * y;
        }
      }
    }
    sx[0] = count;
    sx[1] = s1;
    sx[2] = s2;
    sx[3] = s3;
    sx[4] = s4;
    sy[0] = t0;
    sy[1] = t1;
    sy[2] = t2;
    const j = 3 * m;
    if (!leastSquares(sx, sy, count, coef, j)) {
      barrier[m] = -Infinity;
      continue;
    }
    const c0 = coef[j];
    const c1 = coef[j + 1];
    const c2 = coef[j + 2];
    for (let i = 0; i < count; i++) {
      const q = ratio[i];
      if (1 - q > c0 + q * (c1 + q * c2)) gain[live[i]] = (1 - q) / scale;
    }
  }
  return coef;
}

function simulate(
  value0: number,
  loan: number,
  annualRate: number,
  amortYears: number,
  termYears: number,
  sigma: number,
  r: number,
  q: number,
  ioYears: number,
  defaultTrigger: number,
  exitLTV: number,
  saleCosts: number,
  paths: number,
  seed: number,
  rule: DefaultRule,
): PathResult | Fault {
  const months = periodsOf({ termYears, amortYears, ioYears }, 12);
  if (months instanceof Fault) return months;
  const { termYears: n, amortYears: nAmort, ioYears: nIo } = months;
  if (paths % 2 !== 0) return MSG.notEven("paths", paths, "paths are simulated in antithetic pairs");

  // The schedule is the same on every path: balances, the log-value below which the borrower
  // defaults each month (−∞: never; under the optimal rule, below which it may), and discount
  // factors.
  const optimal = rule === "OPTIMAL";
  const before = optimal ? min(1, defaultTrigger) : defaultTrigger;
  const balance = new Float64Array(n + 1);
  const barrier = new Float64Array(n + 1);
  const discount = new Float64Array(n + 1);
  for (let m = 0; m <= n; m++) {
    balance[m] = m <= nIo ? loan : amortizedBalance(loan, annualRate / 12, nAmort, m - nIo);
    const level = m === n ? max(balance[m] / exitLTV, defaultTrigger * balance[m]) : before * balance[m];
    barrier[m] = level > 0 ? log(level) : -Infinity;
    discount[m] = exp((-r * m) / 12);
  }
  const drift = (r - q - (sigma * sigma) / 2) / 12;
  const vol = sigma * sqrt(1 / 12);
  const keep = 1 - saleCosts;
  const x0 = log(value0);
  const pairs = paths / 2;
  const words = splitmix32(seed);
  const normals = new NormalStream(words);
  const coef = optimal
    ? fitBoundary(new NormalStream(words), n, Math.ceil(pairs / 2), x0, drift, vol, balance, barrier, discount)
    : null;

  const loss = (m: number, x: number) => discount[m] * max(0, balance[m] - keep * exp(x));
  /** Under the optimal rule, below the barrier before maturity: is B − V above the fitted continuation? */
  const worthIt = (m: number, x: number) => {
    if (coef === null || m === n) return true;
    const ratio = exp(x) / balance[m];
    const j = 3 * m;
    return 1 - ratio > coef[j] + ratio * (coef[j + 1] + ratio * coef[j + 2]);
  };
  const z = new Float64Array(BATCH);
  let next = BATCH;
  // The losses are averaged in units of a power of 2 near the loan, so that the sum of squares
  // cannot overflow for loans near the largest double; scaling by 2^k is exact, so the figures
  // are those of the unscaled sums wherever these do not overflow.
  const unit = loan > 0 ? 2 ** min(1000, max(-1000, Math.floor(Math.log2(loan)))) : 1;
  const perUnit = 1 / unit;
  let mean = 0;
  let m2 = 0;
  let defaults = 0;
  for (let k = 1; k <= pairs; k++) {
    let xa = x0;
    let xb = x0;
    let la = -1; // the loss once a path has ended (−1: still running)
    let lb = -1;
    for (let m = 1; m <= n && (la < 0 || lb < 0); m++) {
      if (next === BATCH) {
        normals.fill(z, BATCH);
        next = 0;
      }
      const step = vol * z[next++];
      xa += drift + step;
      xb += drift - step;
      const bar = barrier[m];
      if (la < 0 && xa < bar && worthIt(m, xa)) la = loss(m, xa);
      if (lb < 0 && xb < bar && worthIt(m, xb)) lb = loss(m, xb);
    }
    if (la >= 0) defaults++;
    else la = 0;
    if (lb >= 0) defaults++;
    else lb = 0;
    // Welford's running mean and sum of squares of the pairs' means, in units of `unit`.
    const y = (la * perUnit + lb * perUnit) / 2;
    const delta = y - mean;
    mean += delta / k;
    m2 += delta * (y - mean);
  }
  const stdErr = pairs > 1 ? sqrt(m2 / (pairs - 1) / pairs) * unit : 0;
  const value = finite(mean * unit, "put value");
  if (value instanceof Fault) return value;
  return { value, stdErr, defaultProbability: defaults / paths };
}

export const PUT_VALUE_PATH = define(
  "PUT_VALUE_PATH",
  [
    positiveAmount.required("propertyValue"),
    amount.required("loanAmount"),
    rate.required("annualRate"),
    years.required("amortYears"),
    years.required("termYears"),
    volatility.required("volatility"),
    rate.required("riskFreeRate"),
    rate.withDefault("payoutYield", 0),
    yearsFromZero.withDefault("ioYears", 0),
    trigger.withDefault("defaultTrigger", PATH_DEFAULTS.defaultTrigger),
    fraction.withDefault("exitLTV", PATH_DEFAULTS.exitLTV),
    share.withDefault("saleCosts", 0),
    pathCount.withDefault("paths", PATH_DEFAULTS.paths),
    seedNumber.withDefault("seed", PATH_DEFAULTS.seed),
    choice("output", PATH_OUTPUTS, "VALUE"),
    choice("defaultRule", DEFAULT_RULES, "FIRST_DIP"),
  ],
  (v, loan, c, amort, term, sigma, r, q, io, trig, exit, costs, paths, seed, output, rule) => {
    const result = simulate(v, loan, c, amort, term, sigma, r, q, io, trig, exit, costs, paths, seed, rule);
    if (result instanceof Fault) return result;
    return output === "STDERR" ? result.stdErr : output === "PROBABILITY" ? result.defaultProbability : result.value;
  },
  HELP && {
    summary: "The put on the real loan, by simulation (amortization, trigger, refinance).",
    details:
      "Monthly lognormal value (risk-neutral, less the payout yield), the loan's amortizing balance, default in the first month the value falls below defaultTrigger × balance (FIRST_DIP, the default rule) or, with OPTIMAL, when defaulting (balance − value) is worth more to the borrower than waiting, the wait's value estimated by least squares on value ÷ balance (Longstaff–Schwartz, fitted on separate paths: a low-biased estimate); at maturity, default when the balloon exceeds exitLTV × value. The lender's loss, balance − (1 − saleCosts) × value, discounted at the risk-free rate. Same inputs, same result (fixed seed). An estimate to compare with the premium, not advice.",
    params: {
      propertyValue: "The property's value today (more than 0).",
      loanAmount: "The loan amount.",
      annualRate: "The loan's annual rate as a decimal (monthly payments), which sets the amortization.",
      amortYears: "Amortization in years.",
      termYears: "Years to maturity (the balloon), in whole months.",
      volatility: "Annual volatility of the property's value as a decimal.",
      riskFreeRate: "Continuously compounded risk-free rate: the value's drift (with the yield) and the discount rate.",
      payoutYield: "The property's income yield, NOI ÷ value (default 0).",
      ioYears: "Interest-only years at the start (default 0); termYears for an interest-only loan.",
      defaultTrigger:
        "Default in a month when value < trigger × balance (default 1); 0.8 waits until the loan is 125% of value; 0 defaults only at maturity. OPTIMAL may default only in such months, and only below the balance.",
      exitLTV:
        "At maturity the balloon is refinanced when it is at most exitLTV × value, else the borrower defaults (default 1).",
      saleCosts: "Foreclosure and sale costs as a share of value, off what the lender recovers (default 0).",
      paths: "Simulated paths, an even number up to 1,000,000 (default 10,000; in antithetic pairs).",
      seed: "Seed of the random generator, a whole number (default 1).",
      output: '"VALUE" (default), "STDERR" (its standard error) or "PROBABILITY" (share of paths that default).',
      defaultRule:
        '"FIRST_DIP" (default): default in the first month the value is below defaultTrigger × balance. "OPTIMAL": default when it is worth more to the borrower than waiting (least-squares Monte Carlo), in months with value < min(1, defaultTrigger) × balance.',
    },
    returns: "The put's present value, its standard error or the default probability.",
    examples: [
      "=LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775) → 49232.48",
      '=LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, , , , , , , "STDERR") → 607.24',
      "=LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, , 0.8, 0.75, 0.1) → 339588.46",
      '=LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, , , , , , , , "OPTIMAL") → 234403.08',
      '=LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, , , , , , , "STDERR", "OPTIMAL") → 3191.99',
    ],
    cost: "apart",
  },
);

/** Bounds-checked inputs read through PUT_VALUE_PATH's rules, in its order. */
function pathArgs(p: PathInputs): unknown[] {
  return [
    p.propertyValue,
    p.loanAmount,
    p.annualRate,
    p.amortYears,
    p.termYears,
    p.volatility,
    p.riskFreeRate,
    p.payoutYield,
    p.ioYears,
    p.defaultTrigger,
    p.exitLTV,
    p.saleCosts,
    p.paths,
    p.seed,
  ];
}

/** The put on the real loan with its standard error and default probability (LOAN.PUT_VALUE_PATH). */
export function simulatePut(p: PathInputs): PathResult | Fault {
  const args = pathArgs(p);
  const read = PUT_VALUE_PATH.params.slice(0, args.length).map((param, j) => param.read(args[j]));
  for (const x of read) if (x instanceof Fault) return x;
  const rule = PUT_VALUE_PATH.param.defaultRule.read(p.defaultRule);
  if (rule instanceof Fault) return rule;
  const [v, loan, c, amort, term, sigma, r, q, io, trig, exit, costs, paths, seed] = read as number[];
  return simulate(v, loan, c, amort, term, sigma, r, q, io, trig, exit, costs, paths, seed, rule);
}

/** One figure of the simulation (LOAN.PUT_VALUE_PATH with `output` and `defaultRule`). */
export function putValuePath(p: InputOf<typeof PUT_VALUE_PATH>): number | Fault {
  return PUT_VALUE_PATH(...pathArgs(p), p.output, p.defaultRule);
}
