/**
 * LOAN.PUT_VALUE, DEFAULT_PROBABILITY, FAIR_SPREAD, PUT_VALUE_PATH and the normal distribution.
 *
 * Sources and tolerances:
 * - An independent high-precision reference computed here: N(x) from the Maclaurin series of
 *   erf in decimal.js, with 50 digits to spare beyond the cancellation of 1 − erf, and the
 *   Black–Scholes–Merton formulas in 80-digit arithmetic, on the exact binary values of the
 *   inputs. Closed forms within 1e-9 relative of it (N itself within 2e-15 relative).
 * - Hull, Options, Futures, and Other Derivatives (Example 15.6 in the 8th edition; 13.6 in
 *   earlier ones): S = 42, K = 40, r = 10 %, σ = 20 %, T = 0.5: put 0.81, call 4.76; to 4 dp
 *   0.8086 and 4.7594.
 * - Put–call parity and put–call symmetry (C(S, K, r, q) = P(K, S, q, r)), monotonicity and
 *   limits as properties (fast-check), to 1e-12 relative.
 * - FAIR_SPREAD: the spread stream's present value integrated numerically (Simpson, 2,000
 *   steps, 60 digits) returns the put; d = 0 gives put ÷ (loan × years) exactly.
 * - PUT_VALUE_PATH: within 3 standard errors of PUT_VALUE in the case that reduces to it
 *   (interest-only, default only at maturity), and its default share within 3 binomial
 *   standard errors of DEFAULT_PROBABILITY; path-by-path orderings with the same seed.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import {
  DEFAULT_PROBABILITY,
  FAIR_SPREAD,
  Fault,
  PATH_DEFAULTS,
  PUT_VALUE,
  PUT_VALUE_PATH,
  defaultProbability,
  fairSpread,
  normalCdf,
  putValue,
  putValuePath,
  simulatePut,
} from "../src/core";
import { d1Ref, exact, normalRef, putRef, R, relErr, type Dec } from "./bsm-reference";
import { fault, num } from "./helpers";

// ---------------------------------------------------------------------------------------

describe("the normal distribution function", () => {
  test("within 2e-15 relative of the 50-digit series from x = −37 to 8 (the tails included)", () => {
    let worst = 0;
    for (let x = -37.3; x <= 8; x += 0.3711) {
      worst = Math.max(worst, relErr(normalCdf(x), normalRef(exact(x))));
    }
    expect(worst).toBeLessThan(2e-15);
  });
  test("symmetry and the ends: N(0) = ½, N(−x) + N(x) = 1, N(−∞) = 0, N(∞) = 1, no NaN below the smallest double", () => {
    expect(normalCdf(0)).toBe(0.5);
    for (const x of [0.1, 1, 2.5, 6]) expect(Math.abs(normalCdf(-x) + normalCdf(x) - 1)).toBeLessThan(2e-16);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-37)).toBeGreaterThan(0);
    expect(normalCdf(-1e6)).toBe(0);
  });
  test("property: increasing", () => {
    fc.assert(
      fc.property(fc.double({ min: -38, max: 9, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, h) => {
        return normalCdf(x + h) >= normalCdf(x);
      }),
    );
  });
});

describe("LOAN.PUT_VALUE", () => {
  test("Hull's textbook put: S = 42, K = 40, r = 10 %, σ = 20 %, T = 0.5 → 0.8086 (and the call 4.7594 by symmetry)", () => {
    expect(num(PUT_VALUE(42, 40, 0.5, 0.2, 0.1)).toFixed(4)).toBe("0.8086");
    // C(S, K, r, q) = P(K, S, q, r): the call with S 42, K 40, r 10 %, q 0.
    expect(num(PUT_VALUE(40, 42, 0.5, 0.2, 0, 0.1)).toFixed(4)).toBe("4.7594");
  });

  test.each([
    [{ s: 42, k: 40, t: 0.5, sigma: 0.2, r: 0.1, q: 0 }],
    [{ s: 6450000, k: 4091976, t: 7, sigma: 0.15, r: 0.045, q: 0.0775 }],
    [{ s: 6450000, k: 4091976, t: 7, sigma: 0.05, r: 0.045, q: 0.0775 }],
    [{ s: 100, k: 100, t: 1, sigma: 0.3, r: 0, q: 0 }],
    [{ s: 100, k: 60, t: 0.25, sigma: 0.1, r: 0.05, q: 0 }],
    [{ s: 50, k: 100, t: 30, sigma: 0.25, r: -0.01, q: 0.02 }],
    [{ s: 100, k: 100.000001, t: 0.01, sigma: 0.001, r: 0.03, q: 0.03 }],
  ])("within 1e-9 relative of the 80-digit reference: %j", (p) => {
    const got = num(PUT_VALUE(p.s, p.k, p.t, p.sigma, p.r, p.q));
    expect(relErr(got, putRef(p))).toBeLessThan(1e-9);
  });

  const inputs = fc.record({
    s: fc.double({ min: 1e3, max: 1e8, noNaN: true }),
    k: fc.double({ min: 1e3, max: 1e8, noNaN: true }),
    t: fc.double({ min: 0.05, max: 30, noNaN: true }),
    sigma: fc.double({ min: 0.01, max: 1, noNaN: true }),
    r: fc.double({ min: -0.05, max: 0.15, noNaN: true }),
    q: fc.double({ min: 0, max: 0.12, noNaN: true }),
  });

  test("property: within 1e-9 relative of the reference (puts worth at least 1e-12 of the claim)", () => {
    fc.assert(
      fc.property(inputs, (p) => {
        const ref = putRef(p);
        if (ref.lt(new R(p.k).mul(1e-12))) return true;
        return relErr(num(PUT_VALUE(p.s, p.k, p.t, p.sigma, p.r, p.q)), ref) < 1e-9;
      }),
      { numRuns: 150 },
    );
  });

  test("property: put–call parity, C − P = S·e^(−qT) − K·e^(−rT), with C from put–call symmetry", () => {
    fc.assert(
      fc.property(inputs, (p) => {
        const put = num(PUT_VALUE(p.s, p.k, p.t, p.sigma, p.r, p.q));
        const call = num(PUT_VALUE(p.k, p.s, p.t, p.sigma, p.q, p.r));
        const forward = p.s * Math.exp(-p.q * p.t) - p.k * Math.exp(-p.r * p.t);
        return Math.abs(call - put - forward) <= 1e-12 * (p.s + p.k);
      }),
    );
  });

  test("property: the put rises with volatility and with the claim, and falls as the value rises", () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0, max: 0.5, noNaN: true }), (p, up) => {
        const base = num(PUT_VALUE(p.s, p.k, p.t, p.sigma, p.r, p.q));
        const tol = 1e-12 * (p.s + p.k);
        return (
          num(PUT_VALUE(p.s, p.k, p.t, p.sigma + up, p.r, p.q)) >= base - tol &&
          num(PUT_VALUE(p.s, p.k * (1 + up), p.t, p.sigma, p.r, p.q)) >= base - tol &&
          num(PUT_VALUE(p.s * (1 + up), p.k, p.t, p.sigma, p.r, p.q)) <= base + tol
        );
      }),
    );
  });

  test("property: between the intrinsic value max(0, K·e^(−rT) − S·e^(−qT)) and K·e^(−rT)", () => {
    fc.assert(
      fc.property(inputs, (p) => {
        const put = num(PUT_VALUE(p.s, p.k, p.t, p.sigma, p.r, p.q));
        const kDf = p.k * Math.exp(-p.r * p.t);
        const tol = 1e-12 * (p.s + p.k);
        return put >= Math.max(0, kDf - p.s * Math.exp(-p.q * p.t)) - tol && put <= kDf + tol;
      }),
    );
  });

  test("limits: σ = 0 and T = 0 give the intrinsic value; σ → 0 tends to it; a huge σ tends to K·e^(−rT)", () => {
    expect(PUT_VALUE(90, 100, 0, 0.3, 0.05)).toBe(10);
    expect(PUT_VALUE(110, 100, 0, 0.3, 0.05)).toBe(0);
    expect(num(PUT_VALUE(90, 100, 2, 0, 0.05, 0.01))).toBeCloseTo(100 * Math.exp(-0.1) - 90 * Math.exp(-0.02), 12);
    expect(PUT_VALUE(95, 100, 2, 0, 0.05)).toBe(0); // the forward 95·e^0.1 is above the claim
    const intrinsic = 100 * Math.exp(-0.1) - 80 * Math.exp(-0.02);
    expect(Math.abs(num(PUT_VALUE(80, 100, 2, 1e-6, 0.05, 0.01)) - intrinsic)).toBeLessThan(1e-9);
    expect(num(PUT_VALUE(80, 100, 8, 5, 0.05, 0.01))).toBeCloseTo(100 * Math.exp(-0.4), 6);
  });

  test("edge values: a worthless property gives K·e^(−rT), no claim gives 0, extreme magnitudes stay finite", () => {
    expect(PUT_VALUE(0, 100, 1, 0.2, 0.05)).toBe(100 * Math.exp(-0.05));
    expect(PUT_VALUE(100, 0, 1, 0.2, 0.05)).toBe(0);
    expect(PUT_VALUE(1e300, 1e-300, 1, 0.2, 0.05)).toBe(0);
    expect(num(PUT_VALUE(1e-300, 1e300, 1, 0.2, 0.05))).toBeCloseTo(1e300 * Math.exp(-0.05), -290);
    expect(num(PUT_VALUE(100, 100, 100, 5, 1, 1))).toBeGreaterThanOrEqual(0);
    expect(num(PUT_VALUE(5e-324, 5e-324, 1e-10, 1e-10, 0, 0))).toBeGreaterThanOrEqual(0);
  });

  test.each([
    [[-1, 100, 1, 0.2, 0.05], "propertyValue must be at least 0; got -1."],
    [[100, -1, 1, 0.2, 0.05], "claim must be at least 0; got -1."],
    [[100, 100, -1, 0.2, 0.05], "years must be at least 0; got -1."],
    [[100, 100, 101, 0.2, 0.05], "years must be at most 100; got 101."],
    [[100, 100, 1, -0.1, 0.05], "volatility must be at least 0; got -0.1."],
    [[100, 100, 1, 15, 0.05], "volatility must be at most 5; got 15. Volatility is a decimal: 15% a year is 0.15."],
    [[100, 100, 1, 0.2, 5], "riskFreeRate must be at most 1; got 5. Rates are decimals: 6.85% is 0.0685."],
    [[100, 100, 1, 0.2, 0.05, "x"], 'payoutYield must be a number; got text "x".'],
    [[100, 100, 1, 0.2, 0.05, -1], "payoutYield must be more than -1; got -1."],
  ])("#VALUE! for bad input %j", (args, message) => {
    const f = fault(PUT_VALUE(...args));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });

  test("a result too large for a double is #VALUE! with a message, never Infinity", () => {
    const f = fault(PUT_VALUE(0, 1e308, 100, 0.2, -0.99));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toMatch(/^The put value is too large for a number/);
  });

  test("the typed call reads the same rules: named inputs, the default yield, a Fault for bad input", () => {
    expect(putValue({ propertyValue: 42, claim: 40, years: 0.5, volatility: 0.2, riskFreeRate: 0.1 })).toBe(
      PUT_VALUE(42, 40, 0.5, 0.2, 0.1, 0),
    );
    expect(putValue({ propertyValue: 42, claim: -40, years: 0.5, volatility: 0.2, riskFreeRate: 0.1 })).toBeInstanceOf(
      Fault,
    );
  });
});

describe("LOAN.DEFAULT_PROBABILITY", () => {
  test.each([
    [{ s: 6450000, k: 4091976, t: 7, sigma: 0.15, r: 0.045, q: 0.0775 }],
    [{ s: 6450000, k: 4091976, t: 7, sigma: 0.15, r: 0.08, q: 0.0775 }],
    [{ s: 100, k: 40, t: 1, sigma: 0.1, r: 0.05, q: 0 }],
    [{ s: 100, k: 130, t: 3, sigma: 0.2, r: 0.02, q: 0.05 }],
  ])("N(−d2) within 1e-9 relative of the 80-digit reference: %j", (p) => {
    const { d2 } = d1Ref(p);
    expect(relErr(num(DEFAULT_PROBABILITY(p.s, p.k, p.t, p.sigma, p.r, p.q)), normalRef(d2.neg()))).toBeLessThan(1e-9);
  });

  test("the risk-neutral probability is the put's N(−d2): ∂put/∂K = e^(−rT)·N(−d2) (central difference)", () => {
    const h = 1;
    const slope =
      (num(PUT_VALUE(6450000, 4091976 + h, 7, 0.15, 0.045, 0.0775)) -
        num(PUT_VALUE(6450000, 4091976 - h, 7, 0.15, 0.045, 0.0775))) /
      (2 * h);
    expect(slope * Math.exp(0.045 * 7)).toBeCloseTo(
      num(DEFAULT_PROBABILITY(6450000, 4091976, 7, 0.15, 0.045, 0.0775)),
      7,
    );
  });

  test("limits: deterministic cases are 1 or 0, a worthless property 1, no claim 0; higher growth, lower probability", () => {
    expect(DEFAULT_PROBABILITY(90, 100, 0, 0.2, 0.05)).toBe(1);
    expect(DEFAULT_PROBABILITY(100, 100, 0, 0.2, 0.05)).toBe(0);
    expect(DEFAULT_PROBABILITY(95, 100, 2, 0, 0.05)).toBe(0);
    expect(DEFAULT_PROBABILITY(95, 100, 2, 0, 0.01)).toBe(1);
    expect(DEFAULT_PROBABILITY(0, 100, 2, 0.2, 0.01)).toBe(1);
    expect(DEFAULT_PROBABILITY(100, 0, 2, 0.2, 0.01)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (g, up) => {
          return num(DEFAULT_PROBABILITY(100, 80, 5, 0.2, g + up)) <= num(DEFAULT_PROBABILITY(100, 80, 5, 0.2, g));
        },
      ),
    );
  });

  test.each([
    [[100, 80, 5, 0.2, 1.5], "growthRate must be at most 1; got 1.5. Rates are decimals: 6.85% is 0.0685."],
    [[100, 80, 5, "0.2", 0.05], 'volatility must be a number; got text "0.2".'],
    [[100, 80, null, 0.2, 0.05, null], undefined],
  ])("bad input %j", (args, message) => {
    const got = DEFAULT_PROBABILITY(...args);
    if (message === undefined)
      expect(got).toBe(DEFAULT_PROBABILITY(100, 80, 0, 0.2, 0.05)); // a blank cell is 0 years
    else expect(fault(got).message).toBe(message);
  });

  test("the typed call", () => {
    expect(
      defaultProbability({
        propertyValue: 100,
        claim: 80,
        years: 5,
        volatility: 0.2,
        growthRate: 0.05,
        payoutYield: 0.01,
      }),
    ).toBe(DEFAULT_PROBABILITY(100, 80, 5, 0.2, 0.05, 0.01));
  });
});

describe("LOAN.FAIR_SPREAD", () => {
  /** ∫₀ᵀ s·L·e^(−d·t) dt by Simpson's rule in 60 digits: the present value of the spread stream. */
  function streamPv(spread: number, loan: number, years: number, d: number): Dec {
    const P = Decimal.clone({ precision: 60 });
    const steps = 2000;
    const h = new P(years).div(steps);
    let sum = new P(0);
    for (let j = 0; j <= steps; j++) {
      const w = j === 0 || j === steps ? 1 : j % 2 ? 4 : 2;
      sum = sum.add(new P(-d).mul(h.mul(j)).exp().mul(w));
    }
    return new R(sum.mul(h).div(3).mul(spread).mul(loan).toString());
  }

  test("hand derivation: the stream's present value is the put (100,000 over 7 years on 4.5 M at 4.5 %)", () => {
    // s = put·d / (L·(1 − e^(−dT))) = 100000 × 0.045 / (4500000 × (1 − e^(−0.315))) ≈ 0.0037008: 37 bp a year.
    const s = num(FAIR_SPREAD(100000, 4500000, 7, 0.045));
    expect(relErr(100000, streamPv(s, 4500000, 7, 0.045))).toBeLessThan(1e-12);
    expect(s * 1e4).toBeCloseTo(37.008, 3);
  });

  test("d = 0: the put spread evenly, put ÷ (loan × years)", () => {
    expect(FAIR_SPREAD(70000, 1000000, 7, 0)).toBe(0.01);
  });

  test("property: the stream's present value returns the put, for any rate including tiny and negative ones", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: 1e5, max: 1e8, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.oneof(fc.double({ min: -0.05, max: 0.2, noNaN: true }), fc.double({ min: -1e-12, max: 1e-12, noNaN: true })),
        (put, loan, years, d) => relErr(put, streamPv(num(FAIR_SPREAD(put, loan, years, d)), loan, years, d)) < 1e-9,
      ),
      { numRuns: 40 },
    );
  });

  test.each([
    [[100, 0, 7, 0.05], "#DIV/0!", "loanAmount is zero, and it divides."],
    [[-1, 100, 7, 0.05], "#VALUE!", "putValue must be at least 0; got -1."],
    [[100, 100, 0, 0.05], "#VALUE!", "years must be more than 0; got 0."],
    [[100, 100, 7, 2], "#VALUE!", "discountRate must be at most 1; got 2. Rates are decimals: 6.85% is 0.0685."],
    [
      [1e308, 1e-300, 7, 0.05],
      "#VALUE!",
      "The fair spread is too large for a number (above 1.8e308); check the amounts, years and rates.",
    ],
  ])("%j → %s", (args, kind, message) => {
    const f = fault(FAIR_SPREAD(...args));
    expect(f.kind).toBe(kind);
    expect(f.message).toBe(message);
  });

  test("the typed call", () => {
    expect(fairSpread({ putValue: 70000, loanAmount: 1000000, years: 7, discountRate: 0 })).toBe(0.01);
  });
});

describe("LOAN.PUT_VALUE_PATH", () => {
  const deal = {
    propertyValue: 6450000,
    loanAmount: 4500000,
    annualRate: 0.0685,
    amortYears: 30,
    termYears: 7,
    volatility: 0.15,
    riskFreeRate: 0.045,
    payoutYield: 0.0775,
  };

  /** The case that reduces to PUT_VALUE: interest-only over the term, default only at maturity. */
  function reduced(p: typeof deal, seed?: number) {
    const sim = simulatePut({ ...p, ioYears: p.termYears, defaultTrigger: 0, seed });
    if (sim instanceof Fault) throw new Error(sim.message);
    const closed = num(
      PUT_VALUE(p.propertyValue, p.loanAmount, p.termYears, p.volatility, p.riskFreeRate, p.payoutYield),
    );
    return { sim, closed, z: (sim.value - closed) / sim.stdErr };
  }

  test.each([[{ ...deal }], [{ ...deal, volatility: 0.25, payoutYield: 0.05, termYears: 10 }]])(
    "interest-only, default only at maturity, documented paths and seed: within 3 standard errors of PUT_VALUE, and the default share within 3 of DEFAULT_PROBABILITY (%j)",
    (p) => {
      const { sim, z } = reduced(p);
      expect(sim.stdErr).toBeGreaterThan(0);
      expect(Math.abs(z)).toBeLessThanOrEqual(3);
      const prob = num(
        DEFAULT_PROBABILITY(p.propertyValue, p.loanAmount, p.termYears, p.volatility, p.riskFreeRate, p.payoutYield),
      );
      const binomialSe = Math.sqrt((prob * (1 - prob)) / PATH_DEFAULTS.paths);
      expect(Math.abs(sim.defaultProbability - prob)).toBeLessThanOrEqual(3 * binomialSe);
    },
  );

  test("over 30 seeds the errors behave like standard normal draws: mean within 3/√30, variance near 1, at most 2 beyond 3 standard errors", () => {
    // A 3-standard-error band holds 99.7 % of the time, not always (seed 1 with 10,000 paths is
    // 3.08 standard errors out on this near-the-money case), so the check is on the distribution.
    const p = { ...deal, propertyValue: 4600000, volatility: 0.1, payoutYield: 0, paths: 4000 };
    const zs = Array.from({ length: 30 }, (_, j) => reduced(p, j + 1).z);
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const variance = zs.reduce((a, b) => a + (b - mean) ** 2, 0) / (zs.length - 1);
    expect(Math.abs(mean)).toBeLessThan(3 / Math.sqrt(30));
    expect(variance).toBeGreaterThan(0.4);
    expect(variance).toBeLessThan(2);
    expect(zs.filter((z) => Math.abs(z) > 3).length).toBeLessThanOrEqual(2);
  });

  test("no volatility: the deterministic answer, the intrinsic value, with a standard error of 0", () => {
    const p = { ...deal, propertyValue: 4000000, volatility: 0, ioYears: 7, defaultTrigger: 0, paths: 4 };
    const sim = simulatePut(p);
    if (sim instanceof Fault) throw new Error(sim.message);
    expect(sim.value).toBeCloseTo(num(PUT_VALUE(4000000, 4500000, 7, 0, 0.045, 0.0775)), 6);
    expect(sim.stdErr).toBe(0);
    expect(sim.defaultProbability).toBe(1);
  });

  test("deterministic: the same inputs give the same result; another seed, another estimate within a few standard errors", () => {
    const a = num(putValuePath({ ...deal, paths: 2000 }));
    expect(num(putValuePath({ ...deal, paths: 2000 }))).toBe(a);
    const b = num(putValuePath({ ...deal, paths: 2000, seed: 2 }));
    expect(b).not.toBe(a);
    const se = num(putValuePath({ ...deal, paths: 2000, output: "STDERR" }));
    expect(Math.abs(a - b)).toBeLessThan(5 * Math.SQRT2 * se);
  });

  test("the standard error shrinks as 1/√paths", () => {
    const p = { ...deal, ioYears: 7, defaultTrigger: 0 };
    const se1 = num(putValuePath({ ...p, paths: 2000, output: "STDERR" }));
    const se4 = num(putValuePath({ ...p, paths: 8000, output: "STDERR" }));
    expect(se4 / se1).toBeGreaterThan(0.4);
    expect(se4 / se1).toBeLessThan(0.6);
  });

  test("same paths, ordered losses: amortizing below interest-only; sale costs and a lower exit LTV raise the put", () => {
    const base = { ...deal, paths: 2000, defaultTrigger: 0 };
    const io = num(putValuePath({ ...base, ioYears: 7 }));
    const amortizing = num(putValuePath(base));
    expect(amortizing).toBeLessThan(io);
    expect(num(putValuePath({ ...base, saleCosts: 0.1 }))).toBeGreaterThan(amortizing);
    expect(num(putValuePath({ ...base, exitLTV: 0.7, saleCosts: 0.1 }))).toBeGreaterThan(
      num(putValuePath({ ...base, saleCosts: 0.1 })),
    );
    expect(num(putValuePath({ ...base, loanAmount: 0 }))).toBe(0);
  });

  test("outputs: VALUE, STDERR and PROBABILITY are the simulation's three figures", () => {
    const sim = simulatePut({ ...deal, paths: 1000 });
    if (sim instanceof Fault) throw new Error(sim.message);
    expect(putValuePath({ ...deal, paths: 1000 })).toBe(sim.value);
    expect(putValuePath({ ...deal, paths: 1000, output: "STDERR" })).toBe(sim.stdErr);
    expect(putValuePath({ ...deal, paths: 1000, output: "PROBABILITY" })).toBe(sim.defaultProbability);
    expect(
      PUT_VALUE_PATH(
        6450000,
        4500000,
        0.0685,
        30,
        7,
        0.15,
        0.045,
        0.0775,
        null,
        null,
        null,
        null,
        1000,
        null,
        "probability",
      ),
    ).toBe(sim.defaultProbability);
  });

  const good = [6450000, 4500000, 0.0685, 30, 7, 0.15, 0.045, 0.0775, null, null, null, null, 1000, null, null];
  const withArg = (j: number, v: unknown) => good.map((x, i) => (i === j ? v : x));
  test.each([
    [0, 0, "propertyValue must be more than 0; got 0."],
    [1, -5, "loanAmount must be at least 0; got -5."],
    [3, 0, "amortYears must be more than 0; got 0."],
    [4, 7.01, "termYears × paymentsPerYear must be a whole number of periods; 7.01 years × 12 = 84.12."],
    [3, 30.05, "amortYears × paymentsPerYear must be a whole number of periods; 30.05 years × 12 = 360.6."],
    [8, 2.01, "ioYears × paymentsPerYear must be a whole number of periods; 2.01 years × 12 = 24.12."],
    [5, 6, "volatility must be at most 5; got 6. Volatility is a decimal: 15% a year is 0.15."],
    [9, 3, "defaultTrigger must be at most 2; got 3."],
    [10, 0, "exitLTV must be more than 0; got 0."],
    [11, 1.5, "saleCosts must be at most 1; got 1.5. Percentages are decimals: 75% is 0.75."],
    [12, 1001, "paths must be an even number (paths are simulated in antithetic pairs); got 1001."],
    [12, 2000000, "paths must be at most 1000000; got 2000000."],
    [12, 10.5, "paths must be a whole number; got 10.5."],
    [13, -1, "seed must be at least 0; got -1."],
    [13, 1.5, "seed must be a whole number; got 1.5."],
    [14, "MEAN", 'output must be one of VALUE, STDERR, PROBABILITY; got "MEAN".'],
  ])("argument %d = %j → #VALUE! %s", (j, v, message) => {
    const f = fault(PUT_VALUE_PATH(...withArg(j, v)));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });

  test("the typed call reports a bad input as a Fault", () => {
    expect(simulatePut({ ...deal, paths: 3 })).toBeInstanceOf(Fault);
    expect(putValuePath({ ...deal, volatility: -1 })).toBeInstanceOf(Fault);
  });
});
