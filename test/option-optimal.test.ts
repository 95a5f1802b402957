/**
 * LOAN.PUT_VALUE_PATH's default rule (issue 21, item 3): FIRST_DIP, the original rule and the
 * default, and OPTIMAL, the borrower's optimal stopping by least-squares Monte Carlo
 * (Longstaff and Schwartz, "Valuing American Options by Simulation: A Simple Least-Squares
 * Approach", Review of Financial Studies 14(1), 2001, 113–147).
 *
 * Sources and tolerances: every reference is written here, not taken from the product.
 * - The loan's balance: the level-payment annuity, B_m = L·g^m − P·(g^m − 1)/i with g = 1 + i,
 *   i the monthly rate and P = L·i / (1 − g^(−N)); interest-only months keep B = L.
 * - The European put: Black–Scholes–Merton with a continuous yield (Merton 1973) on the
 *   balloon at maturity, its normal distribution from erfc (the Maclaurin series of erf below
 *   |x| = 3, Lentz's continued fraction above): checked against Hull's textbook put (S 42,
 *   K 40, r 10 %, σ 20 %, T 0.5: 0.8086, Example 15.6 of the 8th edition).
 * - The American put: a Cox–Ross–Rubinstein binomial lattice (1979) of 20 steps a month,
 *   exercisable at every step against the balance of the month it is in (the higher strike
 *   between two payments, so an upper bound of the monthly rule), and the Bermudan lattice,
 *   exercisable only at month ends as the simulation's borrower is. The lattice's
 *   European value is within 0.3 % of the closed form in every case below (its
 *   discretization error, checked).
 * - With matched payoffs (no sale costs, exit at the balance, trigger 1) the lender's loss is the
 *   borrower's gain from default, so the optimal rule's estimate lies between the European put
 *   and the American lattice: European − 3·SE ≤ OPTIMAL ≤ American + 3·SE, SE the simulation's
 *   standard error (a 3-standard-error band: 99.7 % for one estimate; seeds fixed).
 * - With no volatility the value path is known, so the optimal default is the month with the
 *   largest discounted gain, found by looking at every month (1e-9 relative).
 */
import fc from "fast-check";
import { Fault, PUT_VALUE_PATH, putValuePath, simulatePut, type PathInputs } from "../src/core";
import { fault, num } from "./helpers";

// ---------------------------------------------------------------------------------------
// Independent references.

/** The balance after m months: interest-only for io months, then level payments over n months. */
function balanceAt(loan: number, annualRate: number, amortMonths: number, ioMonths: number, m: number): number {
  const k = m - ioMonths;
  if (k <= 0) return loan;
  if (k >= amortMonths) return 0;
  const i = annualRate / 12;
  const g = Math.pow(1 + i, k);
  const payment = (loan * i) / (1 - Math.pow(1 + i, -amortMonths));
  return loan * g - (payment * (g - 1)) / i;
}

/** erfc(x): 1 − erf by its Maclaurin series for |x| < 3; Lentz's continued fraction beyond. */
function erfc(x: number): number {
  const ax = Math.abs(x);
  let r: number;
  if (ax < 3) {
    let sum = ax;
    let term = ax;
    for (let n = 1; Math.abs(term) > 1e-17 * sum; n++) {
      term *= (-ax * ax) / n;
      sum += term / (2 * n + 1);
    }
    r = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    let f = 0;
    for (let k = 80; k >= 1; k--) f = k / 2 / (ax + f);
    r = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  }
  return x >= 0 ? r : 2 - r;
}

const normal = (x: number) => 0.5 * erfc(-x / Math.SQRT2);

/** Black–Scholes–Merton put with a continuous yield q. */
function europeanPut(v: number, k: number, t: number, sigma: number, r: number, q: number): number {
  const sd = sigma * Math.sqrt(t);
  const d1 = (Math.log(v / k) + (r - q) * t) / sd + sd / 2;
  return k * Math.exp(-r * t) * normal(sd - d1) - v * Math.exp(-q * t) * normal(-d1);
}

interface Loan {
  propertyValue: number;
  loanAmount: number;
  annualRate: number;
  amortYears: number;
  termYears: number;
  volatility: number;
  riskFreeRate: number;
  payoutYield: number;
  ioYears?: number;
}

/**
 * The put struck at the loan's balance on a CRR lattice with `perMonth` steps a month:
 * "american" exercisable at every step after the first (strike: the balance of the month the
 * step is in), "bermudan" at month ends only, "european" at maturity only.
 */
function lattice(p: Loan, style: "american" | "bermudan" | "european", perMonth = 20): number {
  const months = Math.round(p.termYears * 12);
  const amort = Math.round(p.amortYears * 12);
  const io = Math.round((p.ioYears ?? 0) * 12);
  const steps = months * perMonth;
  const dt = 1 / (12 * perMonth);
  const u = Math.exp(p.volatility * Math.sqrt(dt));
  const d = 1 / u;
  const up = (Math.exp((p.riskFreeRate - p.payoutYield) * dt) - d) / (u - d);
  const df = Math.exp(-p.riskFreeRate * dt);
  const strike = Array.from({ length: months + 1 }, (_, m) => balanceAt(p.loanAmount, p.annualRate, amort, io, m));
  const v = new Float64Array(steps + 1);
  for (let j = 0; j <= steps; j++) v[j] = Math.max(0, strike[months] - p.propertyValue * Math.pow(u, 2 * j - steps));
  for (let i = steps - 1; i >= 0; i--) {
    const k = strike[Math.floor(i / perMonth)];
    const exercise = i > 0 && (style === "american" || (style === "bermudan" && i % perMonth === 0));
    for (let j = 0; j <= i; j++) {
      const hold = df * (up * v[j + 1] + (1 - up) * v[j]);
      v[j] = exercise ? Math.max(hold, k - p.propertyValue * Math.pow(u, 2 * j - i)) : hold;
    }
  }
  return v[0];
}

function run(p: PathInputs) {
  const sim = simulatePut(p);
  if (sim instanceof Fault) throw new Error(sim.message);
  return sim;
}

// ---------------------------------------------------------------------------------------
// The cases.

/** The README's example (methodology §16): 15 % volatility, a 4.5 % risk-free rate, a 7.75 % yield. */
const readme: Loan = {
  propertyValue: 6450000,
  loanAmount: 4500000,
  annualRate: 0.0685,
  amortYears: 30,
  termYears: 7,
  volatility: 0.15,
  riskFreeRate: 0.045,
  payoutYield: 0.0775,
};
/** The value-add template: NOI 500,000, 20 % volatility, the 10-year Treasury at 4.08 % quoted semi-annual. */
const valueAdd: Loan = {
  ...readme,
  volatility: 0.2,
  riskFreeRate: 2 * Math.log(1 + 0.0408 / 2),
  payoutYield: 500000 / 6450000,
};
/** A low yield (early default is worth much more) over 10 years. */
const lowYield: Loan = {
  propertyValue: 5000000,
  loanAmount: 4000000,
  annualRate: 0.06,
  amortYears: 25,
  termYears: 10,
  volatility: 0.25,
  riskFreeRate: 0.05,
  payoutYield: 0.02,
};
/** At the money from the start, 30 % volatility, two interest-only years. */
const atTheMoney: Loan = {
  propertyValue: 4500000,
  loanAmount: 4500000,
  annualRate: 0.07,
  amortYears: 20,
  termYears: 5,
  volatility: 0.3,
  riskFreeRate: 0.06,
  payoutYield: 0.01,
  ioYears: 2,
};
const cases: [string, Loan][] = [
  ["README example", readme],
  ["value-add", valueAdd],
  ["low yield, 10 years", lowYield],
  ["at the money, interest-only 2 years", atTheMoney],
];

describe("the references", () => {
  test("the European put is Hull's: 0.8086 (S 42, K 40, r 10 %, σ 20 %, T 0.5)", () => {
    expect(europeanPut(42, 40, 0.5, 0.2, 0.1, 0)).toBeCloseTo(0.8086, 4);
  });

  test("the balance formula: 4,500,000 at 6.85 % over 30 years leaves 4,091,975.82 after 7 years and 0 after 30", () => {
    // 4,091,975.82: the balloon of the README's example (LOAN.BALANCE's documented figure, 4,091,976).
    expect(balanceAt(4500000, 0.0685, 360, 0, 84)).toBeCloseTo(4091975.82, 2);
    // One payment before the end, the balance is that payment (29,486.6646, LOAN.PAYMENT's figure) discounted a month.
    expect(Math.abs(balanceAt(4500000, 0.0685, 360, 0, 359) - 29486.6646 / (1 + 0.0685 / 12))).toBeLessThan(1e-4);
  });

  test.each(cases)("%s: the lattice's European value within 0.3 %% of the closed form", (_, p) => {
    const months = Math.round(p.termYears * 12);
    const balloon = balanceAt(p.loanAmount, p.annualRate, p.amortYears * 12, (p.ioYears ?? 0) * 12, months);
    const closed = europeanPut(p.propertyValue, balloon, p.termYears, p.volatility, p.riskFreeRate, p.payoutYield);
    expect(Math.abs(lattice(p, "european") / closed - 1)).toBeLessThan(0.003);
  });
});

describe("LOAN.PUT_VALUE_PATH, defaultRule OPTIMAL", () => {
  test.each(cases)(
    "%s, matched payoffs: European − 3·SE ≤ OPTIMAL ≤ American lattice + 3·SE (and ≤ the monthly Bermudan + 3·SE)",
    (_, p) => {
      const months = Math.round(p.termYears * 12);
      const balloon = balanceAt(p.loanAmount, p.annualRate, p.amortYears * 12, (p.ioYears ?? 0) * 12, months);
      const european = europeanPut(p.propertyValue, balloon, p.termYears, p.volatility, p.riskFreeRate, p.payoutYield);
      const american = lattice(p, "american");
      const bermudan = lattice(p, "bermudan");
      const sim = run({ ...p, defaultRule: "OPTIMAL" });
      expect(sim.stdErr).toBeGreaterThan(0);
      expect(sim.value).toBeGreaterThanOrEqual(european - 3 * sim.stdErr);
      expect(sim.value).toBeLessThanOrEqual(bermudan + 3 * sim.stdErr);
      expect(sim.value).toBeLessThanOrEqual(american + 3 * sim.stdErr);
      expect(bermudan).toBeLessThanOrEqual(american);
    },
  );

  test.each(cases)(
    "%s: OPTIMAL is above FIRST_DIP by more than 3 combined standard errors (the first dip defaults barely in the money)",
    (_, p) => {
      const optimal = run({ ...p, defaultRule: "OPTIMAL" });
      const firstDip = run({ ...p, defaultRule: "FIRST_DIP" });
      expect(optimal.value - firstDip.value).toBeGreaterThan(3 * Math.hypot(optimal.stdErr, firstDip.stdErr));
    },
  );

  test("property: with matched payoffs OPTIMAL ≥ FIRST_DIP − 3 combined standard errors (random loans, 400 paths)", () => {
    fc.assert(
      fc.property(
        fc.record({
          ltv: fc.double({ min: 0.5, max: 1.2, noNaN: true }),
          annualRate: fc.double({ min: 0.02, max: 0.1, noNaN: true }),
          amortYears: fc.integer({ min: 10, max: 30 }),
          termMonths: fc.integer({ min: 12, max: 120 }),
          volatility: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
          riskFreeRate: fc.double({ min: 0, max: 0.08, noNaN: true }),
          payoutYield: fc.double({ min: 0, max: 0.1, noNaN: true }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        ({ ltv, termMonths, ...rest }) => {
          const p = {
            ...rest,
            propertyValue: 1000000,
            loanAmount: 1000000 * ltv,
            termYears: termMonths / 12,
            paths: 400,
          };
          const optimal = run({ ...p, defaultRule: "OPTIMAL" });
          const firstDip = run(p);
          return optimal.value >= firstDip.value - 3 * Math.hypot(optimal.stdErr, firstDip.stdErr);
        },
      ),
      { numRuns: 40, seed: 20260521 },
    );
  });

  test("default only at maturity (trigger 0): the two rules are the same rule on the same paths, figure for figure", () => {
    for (const p of [readme, valueAdd]) {
      const optimal = run({ ...p, defaultTrigger: 0, defaultRule: "OPTIMAL" });
      const firstDip = run({ ...p, defaultTrigger: 0 });
      expect(optimal).toEqual(firstDip);
    }
  });

  test("a trigger above 1 does not make the optimal borrower default above water before maturity", () => {
    // Trigger 1.5 with exitLTV 2/3 and trigger 1 with exitLTV 2/3 share the maturity level,
    // 1.5 × balance; before maturity both may default only below the balance.
    const p = { ...readme, paths: 2000, exitLTV: 2 / 3, defaultRule: "OPTIMAL" as const };
    expect(run({ ...p, defaultTrigger: 1.5 })).toEqual(run({ ...p, defaultTrigger: 1 }));
  });

  test("no volatility: the optimal default is the month with the largest discounted gain, found month by month", () => {
    // Interest-only for 30 years, so the balance stays 4,500,000 while the value decays at
    // r − q = −5 % a year from 5,000,000: below the balance from month 26, the discounted gain
    // e^(−r·m/12)·(B − V_m) is largest in month 261 (where its derivative in m is 0: m = 12 ·
    // ln(0.03 × 4.5 / (0.08 × 5)) / (0.03 − 0.08) = 260.7); the first dip takes month 26's.
    const p = {
      propertyValue: 5000000,
      loanAmount: 4500000,
      annualRate: 0.06,
      amortYears: 30,
      termYears: 30,
      volatility: 0,
      riskFreeRate: 0.03,
      payoutYield: 0.08,
      ioYears: 30,
      paths: 4,
    };
    const gains = Array.from({ length: 361 }, (_, m) => {
      const value = p.propertyValue * Math.exp(((p.riskFreeRate - p.payoutYield) * m) / 12);
      return Math.exp((-p.riskFreeRate * m) / 12) * Math.max(0, p.loanAmount - value);
    });
    const best = Math.max(...gains.slice(1));
    const first = gains.findIndex((g, m) => m > 0 && g > 0);
    expect(gains.indexOf(best)).toBe(261);
    expect(first).toBe(26);
    const optimal = run({ ...p, defaultRule: "OPTIMAL" });
    expect(Math.abs(optimal.value / best - 1)).toBeLessThan(1e-9);
    expect(optimal.stdErr).toBe(0);
    expect(optimal.defaultProbability).toBe(1);
    expect(Math.abs(run(p).value / gains[first] - 1)).toBeLessThan(1e-9);
  });

  test("degenerate regressions give numbers, not NaN: one pair of paths, no path in the money, no loan", () => {
    for (const p of [
      { ...readme, paths: 2 },
      { ...readme, paths: 2, volatility: 0.4 },
      { ...readme, propertyValue: 1e9, volatility: 0.05, paths: 20 },
      { ...readme, loanAmount: 0, paths: 20 },
      { ...readme, termYears: 1 / 12, paths: 20 },
    ]) {
      const sim = run({ ...p, defaultRule: "OPTIMAL" });
      expect(Number.isFinite(sim.value)).toBe(true);
      expect(sim.value).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(sim.stdErr)).toBe(true);
    }
    expect(run({ ...readme, loanAmount: 0, paths: 20, defaultRule: "OPTIMAL" }).value).toBe(0);
  });

  test("fuzz: extreme valid inputs give a finite value, standard error and probability, or a Fault (never NaN)", () => {
    const amount = fc.constantFrom(1e-300, 1, 4500000, 1e15, 1e300);
    fc.assert(
      fc.property(
        fc.record({
          propertyValue: amount,
          loanAmount: fc.oneof(fc.constant(0), amount),
          annualRate: fc.oneof(fc.constantFrom(-0.99, 0, 1), fc.double({ min: -0.5, max: 1, noNaN: true })),
          amortMonths: fc.integer({ min: 1, max: 1200 }),
          termMonths: fc.integer({ min: 1, max: 240 }),
          ioMonths: fc.integer({ min: 0, max: 240 }),
          volatility: fc.oneof(fc.constantFrom(0, 1e-9, 5), fc.double({ min: 0, max: 5, noNaN: true })),
          riskFreeRate: fc.oneof(fc.constantFrom(-0.99, 0, 1), fc.double({ min: -0.99, max: 1, noNaN: true })),
          payoutYield: fc.oneof(fc.constantFrom(-0.99, 0, 1), fc.double({ min: -0.99, max: 1, noNaN: true })),
          defaultTrigger: fc.double({ min: 0, max: 2, noNaN: true }),
          exitLTV: fc.double({ min: 1e-6, max: 1, noNaN: true }),
          saleCosts: fc.double({ min: 0, max: 1, noNaN: true }),
          pairs: fc.integer({ min: 1, max: 20 }),
          seed: fc.integer({ min: 0, max: 4294967295 }),
        }),
        ({ amortMonths, termMonths, ioMonths, pairs, ...rest }) => {
          const p = {
            ...rest,
            amortYears: amortMonths / 12,
            termYears: termMonths / 12,
            ioYears: ioMonths / 12,
            paths: 2 * pairs,
            defaultRule: "OPTIMAL" as const,
          };
          const sim = simulatePut(p);
          if (sim instanceof Fault) return sim.kind === "#NUM!" || sim.kind === "#VALUE!";
          return (
            Number.isFinite(sim.value) &&
            sim.value >= 0 &&
            Number.isFinite(sim.stdErr) &&
            sim.stdErr >= 0 &&
            sim.defaultProbability >= 0 &&
            sim.defaultProbability <= 1
          );
        },
      ),
      { numRuns: 300, seed: 20260521 },
    );
  });
});

describe("the defaultRule argument", () => {
  const args = [6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, null, null, null, null, 1000, null, null];

  test("omitted, blank or FIRST_DIP: the original rule, the same figure (saved workbooks keep their values)", () => {
    const original = num(PUT_VALUE_PATH(...args));
    expect(PUT_VALUE_PATH(...args, null)).toBe(original);
    expect(PUT_VALUE_PATH(...args, "")).toBe(original);
    expect(PUT_VALUE_PATH(...args, "FIRST_DIP")).toBe(original);
    expect(putValuePath({ ...readme, paths: 1000, defaultRule: "FIRST_DIP" })).toBe(original);
  });

  test("case and spaces do not matter; the typed call and the sheet's agree", () => {
    const optimal = num(PUT_VALUE_PATH(...args, "OPTIMAL"));
    expect(PUT_VALUE_PATH(...args, " optimal ")).toBe(optimal);
    expect(putValuePath({ ...readme, paths: 1000, defaultRule: "OPTIMAL" })).toBe(optimal);
    expect(run({ ...readme, paths: 1000, defaultRule: "OPTIMAL" }).value).toBe(optimal);
  });

  test.each([
    ["BEST", 'defaultRule must be one of FIRST_DIP, OPTIMAL; got "BEST".'],
    ["first dip", 'defaultRule must be one of FIRST_DIP, OPTIMAL; got "first dip".'],
    [1, "defaultRule must be text; got 1."],
  ])("%j → #VALUE! %s", (rule, message) => {
    const f = fault(PUT_VALUE_PATH(...args, rule));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });

  test("the typed calls report a bad rule as a Fault", () => {
    expect(fault(simulatePut({ ...readme, defaultRule: "BEST" as "OPTIMAL" })).message).toBe(
      'defaultRule must be one of FIRST_DIP, OPTIMAL; got "BEST".',
    );
    expect(putValuePath({ ...readme, defaultRule: "BEST" as "OPTIMAL" })).toBeInstanceOf(Fault);
  });
});
