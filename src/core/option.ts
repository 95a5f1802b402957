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
 *                         geometric Brownian motion at r − q, B the loan's balance, τ the first
 *                         month with V < trigger × B, or maturity if B > exitLTV × V then
 *                         (or V < trigger × B)
 *
 * Each function comes twice: a typed call for TypeScript (named inputs, returns number | Fault)
 * and the checked spreadsheet function (`define`), which reads raw cells against the rules
 * declared here. The typed call runs the same checks.
 */
import {
  amount,
  choice,
  define,
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
import { amortizedBalance, wholePeriods } from "./periods";

/** Math's functions as locals: a global look-up in the hot loops is slow in a vm context (the engine, tests). */
const { abs, exp, expm1, imul, log, max, sqrt } = Math;

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
    family: "option",
    summary: "Value of the non-recourse put on the property (Black–Scholes–Merton).",
    details:
      "claim·e^(−rT)·N(−d2) − value·e^(−qT)·N(−d1): the present value of the deficiency the lender absorbs at the horizon. Lognormal value, default only at the horizon; rates continuous. σ = 0 or years = 0: the intrinsic value. An estimate to compare with the premium, not advice.",
    section: 16,
    params: {
      propertyValue: "The property's value today (0 or more).",
      claim:
        "What the borrower owes at the horizon: the balance (plus costs) that non-recourse lets the borrower walk away from.",
      years: "Years to the horizon, usually the hold (0 or more).",
      volatility:
        "Annual volatility of the property's value as a decimal (15% is 0.15); use a transaction-based figure.",
      riskFreeRate: "Continuously compounded risk-free rate as a decimal.",
      payoutYield: "The property's income yield, NOI ÷ value, as a decimal (default 0).",
    },
    returns: "The put's present value, in the currency of the inputs.",
    result: "number",
    examples: [
      "=LOAN.PUT_VALUE(42, 40, 0.5, 0.2, 0.1) → 0.8086",
      "=LOAN.PUT_VALUE(6450000, 4091976, 7, 0.15, 0.045, 0.0775) → 231413.61",
    ],
    cost: "composite",
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
    family: "option",
    summary: "Probability that the property's value at the horizon is below the claim.",
    details:
      "N(−d2) under lognormal growth at growthRate less the payout yield: risk-neutral with the risk-free rate, real-world with an expected growth rate. σ = 0 or years = 0: 1 or 0. An estimate, not advice.",
    section: 16,
    params: {
      propertyValue: "The property's value today (0 or more).",
      claim: "What the borrower owes at the horizon.",
      years: "Years to the horizon (0 or more).",
      volatility: "Annual volatility of the property's value as a decimal.",
      growthRate:
        "Continuously compounded total return of the property as a decimal: the risk-free rate for the risk-neutral probability, an expected return for a real-world one.",
      payoutYield: "The property's income yield, NOI ÷ value (default 0).",
    },
    returns: "The probability as a decimal.",
    result: "number",
    examples: [
      "=LOAN.DEFAULT_PROBABILITY(6450000, 4091976, 7, 0.15, 0.045, 0.0775) → 0.3539",
      "=LOAN.DEFAULT_PROBABILITY(6450000, 4091976, 7, 0.15, 0.08, 0.0775) → 0.1605",
    ],
    cost: "composite",
  },
);

export const FAIR_SPREAD = define(
  "FAIR_SPREAD",
  [amount.required("putValue"), amount.required("loanAmount"), years.required("years"), rate.required("discountRate")],
  levelSpread,
  HELP && {
    family: "option",
    summary: "The put as a level annual spread on the loan (0.005 is 50 bp).",
    details:
      "Paid continuously over the years, its present value at the discount rate equals the put: put·d / (loan·(1 − e^(−d·years))); put / (loan·years) when d = 0. To set against the non-recourse rate premium.",
    section: 16,
    params: {
      putValue: "The put's value (LOAN.PUT_VALUE or LOAN.PUT_VALUE_PATH).",
      loanAmount: "The loan amount the spread is charged on (more than 0).",
      years: "Years the spread is paid (the hold).",
      discountRate: "Continuously compounded discount rate as a decimal.",
    },
    returns: "The spread as a decimal a year.",
    result: "number",
    examples: ["=LOAN.FAIR_SPREAD(100000, 4500000, 7, 0.045) → 0.0037008"],
    cost: "composite",
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
    family: "option",
    summary: "Value of non-recourse when the guarantor could pay at most its capacity.",
    details:
      "The put spread P(claim) − P(claim − c), c = min(capacity, claim), each P as LOAN.PUT_VALUE: the present value of min(deficiency, capacity), the part of the deficiency a lender could actually collect under recourse. capacity ≥ claim: the whole put. European, at the horizon. An estimate to compare with the premium, not advice.",
    section: 16,
    params: {
      propertyValue: "The property's value today (0 or more).",
      claim: "What the borrower owes at the horizon: the balance, accrued interest and foreclosure costs.",
      years: "Years to the horizon, usually the hold (0 or more).",
      volatility: "Annual volatility of the property's value as a decimal (20% is 0.2).",
      riskFreeRate: "Continuously compounded risk-free rate as a decimal.",
      capacity:
        "What the guarantor could be made to pay (LOAN.COLLECTIBLE_CAPACITY), at most what the guarantee covers and the state's law allows (0 or more).",
      payoutYield: "The property's income yield, NOI ÷ value, as a decimal (default 0).",
    },
    returns: "The value of the collectible part of the put, in the currency of the inputs.",
    result: "number",
    examples: [
      "=LOAN.PROTECTION_VALUE(42, 40, 0.5, 0.2, 0.1, 40) → 0.8086",
      "=LOAN.PROTECTION_VALUE(42, 40, 0.5, 0.2, 0.1, 2) → 0.4013",
    ],
    cost: "composite",
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
): PathResult | Fault {
  const n = wholePeriods("termYears", termYears, 12);
  if (n instanceof Fault) return n;
  const nAmort = wholePeriods("amortYears", amortYears, 12);
  if (nAmort instanceof Fault) return nAmort;
  const nIo = wholePeriods("ioYears", ioYears, 12);
  if (nIo instanceof Fault) return nIo;
  if (paths % 2 !== 0) return MSG.notEven("paths", paths, "paths are simulated in antithetic pairs");

  // The schedule is the same on every path: balances, the log-value below which the borrower
  // defaults each month (−∞: never), and discount factors.
  const balance = new Float64Array(n + 1);
  const barrier = new Float64Array(n + 1);
  const discount = new Float64Array(n + 1);
  for (let m = 0; m <= n; m++) {
    balance[m] = m <= nIo ? loan : amortizedBalance(loan, annualRate / 12, nAmort, m - nIo);
    const level = m === n ? max(balance[m] / exitLTV, defaultTrigger * balance[m]) : defaultTrigger * balance[m];
    barrier[m] = level > 0 ? log(level) : -Infinity;
    discount[m] = exp((-r * m) / 12);
  }
  const drift = (r - q - (sigma * sigma) / 2) / 12;
  const vol = sigma * sqrt(1 / 12);
  const keep = 1 - saleCosts;
  const x0 = log(value0);
  // The generator, xoshiro128** (Blackman & Vigna), kept in locals for speed; normal draws by
  // Marsaglia's polar method, two per accepted point of the unit disc.
  const init = splitmix32(seed);
  let s0 = init();
  let s1 = init();
  let s2 = init();
  let s3 = init();
  let spare = 0;
  let hasSpare = false;

  const loss = (m: number, x: number) => discount[m] * max(0, balance[m] - keep * exp(x));
  const pairs = paths / 2;
  let mean = 0;
  let m2 = 0;
  let defaults = 0;
  for (let k = 1; k <= pairs; k++) {
    let xa = x0;
    let xb = x0;
    let la = -1; // the loss once a path has ended (−1: still running)
    let lb = -1;
    for (let m = 1; m <= n && (la < 0 || lb < 0); m++) {
      let z: number;
      if (hasSpare) {
        z = spare;
        hasSpare = false;
      } else {
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
        spare = v * f;
        hasSpare = true;
        z = u * f;
      }
      const step = vol * z;
      xa += drift + step;
      xb += drift - step;
      const bar = barrier[m];
      if (la < 0 && xa < bar) la = loss(m, xa);
      if (lb < 0 && xb < bar) lb = loss(m, xb);
    }
    if (la >= 0) defaults++;
    else la = 0;
    if (lb >= 0) defaults++;
    else lb = 0;
    // Welford's running mean and sum of squares of the pairs' means.
    const y = (la + lb) / 2;
    const delta = y - mean;
    mean += delta / k;
    m2 += delta * (y - mean);
  }
  const stdErr = pairs > 1 ? sqrt(m2 / (pairs - 1) / pairs) : 0;
  const value = finite(mean, "put value");
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
  ],
  (v, loan, c, amort, term, sigma, r, q, io, trig, exit, costs, paths, seed, output) => {
    const result = simulate(v, loan, c, amort, term, sigma, r, q, io, trig, exit, costs, paths, seed);
    if (result instanceof Fault) return result;
    return output === "STDERR" ? result.stdErr : output === "PROBABILITY" ? result.defaultProbability : result.value;
  },
  HELP && {
    family: "option",
    summary: "The put on the real loan, by simulation (amortization, trigger, refinance).",
    details:
      "Monthly lognormal value (risk-neutral, less the payout yield), the loan's amortizing balance, default in the first month the value falls below defaultTrigger × balance, or at maturity when the balloon exceeds exitLTV × value; the lender's loss, balance − (1 − saleCosts) × value, discounted at the risk-free rate. Same inputs, same result (fixed seed). An estimate to compare with the premium, not advice.",
    section: 16,
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
        "Default in a month when value < trigger × balance (default 1); 0.8 waits until the loan is 125% of value; 0 defaults only at maturity.",
      exitLTV:
        "At maturity the balloon is refinanced when it is at most exitLTV × value, else the borrower defaults (default 1).",
      saleCosts: "Foreclosure and sale costs as a share of value, off what the lender recovers (default 0).",
      paths: "Simulated paths, an even number up to 1,000,000 (default 10,000; in antithetic pairs).",
      seed: "Seed of the random generator, a whole number (default 1).",
      output: '"VALUE" (default), "STDERR" (its standard error) or "PROBABILITY" (share of paths that default).',
    },
    returns: "The put's present value, its standard error or the default probability.",
    result: "number",
    examples: [
      "=LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775) → 49232.48",
      '=LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, , , , , , , "STDERR") → 607.24',
      "=LOAN.PUT_VALUE_PATH(6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, , 0.8, 0.75, 0.1) → 339588.46",
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
  const [v, loan, c, amort, term, sigma, r, q, io, trig, exit, costs, paths, seed] = read as number[];
  return simulate(v, loan, c, amort, term, sigma, r, q, io, trig, exit, costs, paths, seed);
}

/** One figure of the simulation (LOAN.PUT_VALUE_PATH with `output`). */
export function putValuePath(p: InputOf<typeof PUT_VALUE_PATH>): number | Fault {
  return PUT_VALUE_PATH(...pathArgs(p), p.output);
}
