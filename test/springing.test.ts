/**
 * Springing recourse on a DSCR, debt-yield or LTV trigger (methodology §7): LOAN.SPRINGING_RECOURSE,
 * LOAN.SPRINGING_PROBABILITY and LOAN.SPRINGING_EXPECTED_EXPOSURE (issue 26, item 3).
 *
 * Sources and tolerances:
 * - SPRINGING_RECOURSE: the rule worked by hand (0 until the trigger is crossed, then
 *   min(deficiency, guaranteePct × loan, cap)); exact.
 * - SPRINGING_PROBABILITY: N(z) at 40 digits with mpmath (scripts/springing-reference.py, which
 *   shares no code with src/core), to 1e-12 relative; over random inputs, the 80-digit normal of
 *   test/bsm-reference.ts on the exact inputs, to 1e-9 relative.
 * - SPRINGING_EXPECTED_EXPOSURE: the payoff integrated numerically against the normal density with
 *   mpmath (the same script: quadrature, not the closed form), to 1e-9 relative; and, when the
 *   trigger is certain to spring, the put spread P(K) − P(K − G) of the 80-digit Black–Scholes–Merton
 *   reference (test/bsm-reference.ts) at growth r − q, discounted, to 1e-9 relative.
 * Properties (fast-check): monotone in the trigger, bounded by the deficiency and the guarantee, a
 * probability in [0, 1] that rises with volatility when the trigger is below today's level and the
 * growth is not negative, and agreement with LOAN.DEFAULT_PROBABILITY and LOAN.GUARANTEE_EXPOSURE.
 */
import fc from "fast-check";
import { MSG, HINT } from "../src/core";
import { GUARANTEE_EXPOSURE } from "../src/core/lender";
import { DEFAULT_PROBABILITY } from "../src/core/option";
import {
  SPRINGING_EXPECTED_EXPOSURE,
  SPRINGING_PROBABILITY,
  SPRINGING_RECOURSE,
  TRIGGER_TYPES,
  springingExpectedExposure,
  springingProbability,
  springingRecourse,
} from "../src/core/springing";
import { exact, normalRef, putRef, R, relErr } from "./bsm-reference";
import { fault, num } from "./helpers";

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe("LOAN.SPRINGING_RECOURSE: under one scenario", () => {
  test("a 20 % springing guarantee once DSCR is below 1.10: min(1,050,000, 0.2 × 4,500,000) = 900,000", () => {
    expect(SPRINGING_RECOURSE("DSCR", 1.1, 0.95, 1_050_000, 4_500_000, 0.2)).toBe(900_000);
  });

  test("not crossed, nothing owed: DSCR 1.25 against 1.10, debt yield 9 % against 8 %, LTV 70 % against 75 %", () => {
    expect(SPRINGING_RECOURSE("DSCR", 1.1, 1.25, 1_050_000, 4_500_000, 0.2)).toBe(0);
    expect(SPRINGING_RECOURSE("DEBT_YIELD", 0.08, 0.09, 1_050_000, 4_500_000)).toBe(0);
    expect(SPRINGING_RECOURSE("LTV", 0.75, 0.7, 1_050_000, 4_500_000)).toBe(0);
  });

  test("at the trigger exactly it has not sprung (a covenant breached below a DSCR, above an LTV)", () => {
    expect(SPRINGING_RECOURSE("DSCR", 1.1, 1.1, 1_050_000, 4_500_000)).toBe(0);
    expect(SPRINGING_RECOURSE("LTV", 0.75, 0.75, 1_050_000, 4_500_000)).toBe(0);
  });

  test("full recourse by default, the deficiency in full; an LTV trigger with a 500,000 cap; negative NOI springs", () => {
    expect(SPRINGING_RECOURSE("DEBT_YIELD", 0.08, 0.065, 1_050_000, 4_500_000)).toBe(1_050_000);
    expect(SPRINGING_RECOURSE("LTV", 0.75, 0.82, 1_050_000, 4_500_000, 1, 500_000)).toBe(500_000);
    expect(SPRINGING_RECOURSE("DSCR", 1.1, -0.2, 1_050_000, 4_500_000, 0.25)).toBe(1_050_000);
  });

  test("codes are case-insensitive and trimmed; the typed call takes named arguments", () => {
    expect(SPRINGING_RECOURSE(" dscr ", 1.1, 0.95, 1_050_000, 4_500_000, 0.2)).toBe(900_000);
    expect(
      springingRecourse({
        triggerType: "LTV",
        trigger: 0.75,
        metric: 0.8,
        deficiency: 300_000,
        loanAmount: 4_500_000,
        guaranteePct: 0.05,
      }),
    ).toBe(225_000);
  });

  const scenario = fc.record({
    type: fc.constantFrom(...TRIGGER_TYPES),
    trigger: fc.double({ min: 0.01, max: 1, noNaN: true }),
    metric: fc.double({ min: 0, max: 3, noNaN: true }),
    deficiency: fc.integer({ min: 0, max: 1e9 }),
    loan: fc.integer({ min: 0, max: 1e9 }),
    pct: fc.double({ min: 0, max: 1, noNaN: true }),
    cap: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: undefined }),
  });

  test("it is LOAN.GUARANTEE_EXPOSURE once crossed and 0 before: never above the deficiency, the share or the cap", () => {
    fc.assert(
      fc.property(scenario, ({ type, trigger, metric, deficiency, loan, pct, cap }) => {
        const got = num(SPRINGING_RECOURSE(type, trigger, metric, deficiency, loan, pct, cap));
        const sprung = type === "LTV" ? metric > trigger : metric < trigger;
        expect(got).toBe(sprung ? num(GUARANTEE_EXPOSURE(deficiency, loan, pct, cap)) : 0);
        expect(got).toBeLessThanOrEqual(deficiency);
        expect(got).toBeLessThanOrEqual(loan * pct * (1 + 1e-15));
        if (cap !== undefined) expect(got).toBeLessThanOrEqual(cap);
      }),
    );
  });

  test("monotone in the trigger: a higher DSCR or debt-yield trigger never owes less, a higher LTV trigger never more", () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 0.5, noNaN: true }), (s, step) => {
        const at = (trigger: number) =>
          num(SPRINGING_RECOURSE(s.type, trigger, s.metric, s.deficiency, s.loan, s.pct, s.cap));
        const higher = Math.min(1, s.trigger + step);
        if (s.type === "LTV") expect(at(higher)).toBeLessThanOrEqual(at(s.trigger));
        else expect(at(higher)).toBeGreaterThanOrEqual(at(s.trigger));
      }),
    );
  });

  test.each([
    [
      "an unknown trigger type",
      ["ICR", 1.1, 0.95, 1, 1],
      "triggerType",
      MSG.unknownChoice("triggerType", "ICR", TRIGGER_TYPES),
    ],
    ["a blank trigger type", ["", 1.1, 0.95, 1, 1], "triggerType", MSG.required("triggerType")],
    ["a trigger of 0", ["DSCR", 0, 0.95, 1, 1], "trigger", MSG.belowMin("trigger", 0, 0, false)],
    ["a trigger above 100", ["DSCR", 110, 0.95, 1, 1], "trigger", MSG.aboveMax("trigger", 110, 100, true)],
    [
      "a debt-yield trigger typed as a percentage",
      ["DEBT_YIELD", 8, 0.07, 1, 1],
      "trigger",
      MSG.aboveMaxFor("trigger", 8, 1, "a DEBT_YIELD trigger", HINT.fractionDecimal),
    ],
    [
      "an LTV trigger typed as a percentage",
      ["LTV", 75, 0.8, 1, 1],
      "trigger",
      MSG.aboveMaxFor("trigger", 75, 1, "an LTV trigger", HINT.fractionDecimal),
    ],
    ["text for the metric", ["DSCR", 1.1, "n/a", 1, 1], "metric", MSG.notNumber("metric", "n/a")],
    ["a negative LTV", ["LTV", 0.75, -0.1, 1, 1], "metric", MSG.belowMin("metric", -0.1, 0, true)],
    ["a negative deficiency", ["DSCR", 1.1, 0.95, -1, 1], "deficiency", MSG.belowMin("deficiency", -1, 0, true)],
    ["a negative loan", ["DSCR", 1.1, 0.95, 1, -1], "loanAmount", MSG.belowMin("loanAmount", -1, 0, true)],
    [
      "a share above 1",
      ["DSCR", 1.1, 0.95, 1, 1, 25],
      "guaranteePct",
      MSG.aboveMax("guaranteePct", 25, 1, true, HINT.fractionDecimal),
    ],
    ["a negative cap", ["DSCR", 1.1, 0.95, 1, 1, 1, -5], "capAmount", MSG.belowMin("capAmount", -5, 0, true)],
  ])("#VALUE! for %s, naming the argument", (_what, args, arg, want) => {
    const f = fault(SPRINGING_RECOURSE(...args));
    expect(f.kind).toBe("#VALUE!");
    expect(f.arg).toBe(arg);
    expect(f.message).toBe(want.message);
  });
});

describe("LOAN.SPRINGING_PROBABILITY: lognormal NOI", () => {
  test.each([
    // scripts/springing-reference.py: N(z) at 40 digits.
    [["DSCR", 1.1, 1.35, 0.1, 5, 0.02], 0.10541641550533278137],
    [["LTV", 0.75, 0.65, 0.15, 7, 0], 0.43559430555028558557],
    [["DEBT_YIELD", 0.08, 0.1, 0.12, 5, 0.02], 0.14228246135704705225],
    [["DSCR", 1.2, 1.25, 0.05, 0.5, -0.03], 0.23802232230224579789],
    [["LTV", 0.7, 0.4, 0.3, 20, 0.05], 0.31148389711067320272],
  ])("%j → %d (mpmath, 1e-12 relative)", (args, want) => {
    expect(rel(num(SPRINGING_PROBABILITY(...args)), want)).toBeLessThan(1e-12);
  });

  test("N((ln x* − (μ − σ²/2)T) / (σ√T)) against the 80-digit normal on the exact inputs, 1e-9 relative", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRIGGER_TYPES),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.double({ min: -0.1, max: 0.1, noNaN: true }),
        (type, trigger, ratio, sigma, years, mu) => {
          const metric = trigger * ratio;
          const t = exact(years);
          const s = exact(sigma);
          const lnStar = (type === "LTV" ? exact(metric).div(exact(trigger)) : exact(trigger).div(exact(metric))).ln();
          const z = lnStar.sub(exact(mu).sub(s.mul(s).div(2)).mul(t)).div(s.mul(t.sqrt()));
          const want = normalRef(z);
          const got = num(SPRINGING_PROBABILITY(type, trigger, metric, sigma, years, mu));
          if (want.lt(new R("1e-290"))) expect(got).toBeLessThan(1e-280);
          else expect(relErr(got, want)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  test("a DSCR trigger is LOAN.DEFAULT_PROBABILITY of NOI against trigger × debt service (the same lognormal)", () => {
    // DSCR 1.35 on 300,000 of debt service: NOI 405,000; springs below 1.10 × 300,000 = 330,000.
    const want = num(DEFAULT_PROBABILITY(405_000, 330_000, 5, 0.1, 0.02));
    expect(rel(num(SPRINGING_PROBABILITY("DSCR", 1.1, 1.35, 0.1, 5, 0.02)), want)).toBeLessThan(1e-12);
  });

  test("no spread (σ = 0 or years = 0): 1 or 0, as the scenario function says; the typed call agrees", () => {
    expect(SPRINGING_PROBABILITY("DSCR", 1.1, 1.05, 0.2, 0)).toBe(1);
    expect(SPRINGING_PROBABILITY("DSCR", 1.1, 1.1, 0.2, 0)).toBe(0);
    expect(SPRINGING_PROBABILITY("LTV", 0.75, 0.76, 0.2, 0)).toBe(1);
    // NOI grows 2 % a year for 5 years: DSCR 1.0 × e^0.1 = 1.105 is above 1.10, and LTV 0.8 / e^0.1 = 0.724 below 0.75.
    expect(SPRINGING_PROBABILITY("DSCR", 1.1, 1.0, 0, 5, 0.02)).toBe(0);
    expect(SPRINGING_PROBABILITY("LTV", 0.75, 0.8, 0, 5, 0.02)).toBe(0);
    expect(SPRINGING_PROBABILITY("DSCR", 1.1, 1.0, 0, 5, 0.01)).toBe(1);
    expect(
      springingProbability({
        triggerType: "DSCR",
        trigger: 1.1,
        metric: 1.35,
        volatility: 0.1,
        years: 5,
        growthRate: 0.02,
      }),
    ).toBe(SPRINGING_PROBABILITY("DSCR", 1.1, 1.35, 0.1, 5, 0.02));
  });

  const inputs = fc.record({
    type: fc.constantFrom(...TRIGGER_TYPES),
    trigger: fc.double({ min: 0.01, max: 1, noNaN: true }),
    metric: fc.double({ min: 0.01, max: 3, noNaN: true }),
    sigma: fc.double({ min: 0, max: 2, noNaN: true }),
    years: fc.double({ min: 0, max: 40, noNaN: true }),
    mu: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
  });

  test("a probability: in [0, 1]; higher for a higher DSCR or debt-yield trigger, lower for a higher LTV trigger", () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0, max: 0.5, noNaN: true }), (p, step) => {
        const at = (trigger: number) => num(SPRINGING_PROBABILITY(p.type, trigger, p.metric, p.sigma, p.years, p.mu));
        const base = at(p.trigger);
        expect(base).toBeGreaterThanOrEqual(0);
        expect(base).toBeLessThanOrEqual(1);
        const higher = at(Math.min(1, p.trigger + step));
        if (p.type === "LTV") expect(higher).toBeLessThanOrEqual(base + 1e-15);
        else expect(higher).toBeGreaterThanOrEqual(base - 1e-15);
      }),
    );
  });

  test("rises with volatility when the trigger is below today's level and NOI is not expected to fall", () => {
    fc.assert(
      fc.property(
        inputs,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (p, headroom, more) => {
          // Today's measure beyond the trigger: DSCR or debt yield above it, LTV below it.
          const metric = p.type === "LTV" ? p.trigger * headroom : p.trigger / headroom;
          const mu = Math.abs(p.mu);
          const at = (sigma: number) => num(SPRINGING_PROBABILITY(p.type, p.trigger, metric, sigma, p.years, mu));
          expect(at(p.sigma + more)).toBeGreaterThanOrEqual(at(p.sigma) - 1e-15);
        },
      ),
    );
  });

  test.each([
    ["a metric of 0", ["DSCR", 1.1, 0, 0.1, 5], "metric", MSG.belowMin("metric", 0, 0, false)],
    ["a negative metric", ["DSCR", 1.1, -0.5, 0.1, 5], "metric", MSG.belowMin("metric", -0.5, 0, false)],
    [
      "a volatility typed as a percentage",
      ["DSCR", 1.1, 1.35, 10, 5],
      "volatility",
      MSG.aboveMax("volatility", 10, 5, true, HINT.volatilityDecimal),
    ],
    ["negative years", ["DSCR", 1.1, 1.35, 0.1, -1], "years", MSG.belowMin("years", -1, 0, true)],
    [
      "a growth rate typed as a percentage",
      ["DSCR", 1.1, 1.35, 0.1, 5, 2],
      "growthRate",
      MSG.aboveMax("growthRate", 2, 1, true, HINT.rateDecimal),
    ],
    [
      "an LTV trigger above 1",
      ["LTV", 75, 0.65, 0.1, 5],
      "trigger",
      MSG.aboveMaxFor("trigger", 75, 1, "an LTV trigger", HINT.fractionDecimal),
    ],
    [
      "an unknown trigger type",
      ["NOI", 1.1, 1.35, 0.1, 5],
      "triggerType",
      MSG.unknownChoice("triggerType", "NOI", TRIGGER_TYPES),
    ],
  ])("#VALUE! for %s, naming the argument", (_what, args, arg, want) => {
    const f = fault(SPRINGING_PROBABILITY(...args));
    expect(f.kind).toBe("#VALUE!");
    expect(f.arg).toBe(arg);
    expect(f.message).toBe(want.message);
  });
});

describe("LOAN.SPRINGING_EXPECTED_EXPOSURE: the sprung guarantee's expected payment", () => {
  test.each([
    // scripts/springing-reference.py: the payoff integrated against the normal density (mpmath quad, 40 digits).
    [["DSCR", 0.9, 1.35, 0.15, 7, 4_650_000, 6_450_000, 1_125_000, 0.02], 104103.93280720977743],
    [["DSCR", 1.1, 1.35, 0.15, 7, 4_650_000, 6_450_000, 1_125_000, 0.02], 111638.40053803711584],
    [["LTV", 0.9, 0.6, 0.2, 5, 4_400_000, 6_000_000, 4_400_000, 0], 312971.20753317634284],
    [["DEBT_YIELD", 0.06, 0.09, 0.25, 10, 5_000_000, 6_000_000, 1_250_000, 0.03], 383454.2305556895365],
    [["DSCR", 1, 1.2, 0.3, 3, 1_000_000, 1_100_000, 2_000_000, -0.02], 188359.35862845815473],
    [["DSCR", 1.2, 1.3, 0.1, 2, 1000, 0, 500, 0], 155.10119762447288707],
  ])("%j → %d (mpmath quadrature, 1e-9 relative)", (args, want) => {
    expect(rel(num(SPRINGING_EXPECTED_EXPOSURE(...args)), want)).toBeLessThan(1e-9);
  });

  test("certain to spring, at growth r − q and discounted: the put spread P(K) − P(K − G) (80-digit BSM)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e3, max: 1e8, noNaN: true }),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 15, noNaN: true }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.08, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (value, claimToValue, share, t, sigma, r, q) => {
          const k = value * claimToValue;
          const g = share * k;
          // A DSCR trigger of 100 against a DSCR of 1e-6: x* = 1e8, beyond any path that matters.
          const got = num(SPRINGING_EXPECTED_EXPOSURE("DSCR", 100, 1e-6, sigma, t, k, value, g, r - q));
          const p = { s: value, t, sigma, r, q };
          const want = putRef({ ...p, k })
            .sub(putRef({ ...p, k: k - g }))
            .mul(exact(r).mul(exact(t)).exp());
          if (want.lt(new R(1e-6).mul(g))) expect(Math.abs(got - want.toNumber())).toBeLessThan(1e-9 * g);
          else expect(relErr(got, want)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  const inputs = fc.record({
    type: fc.constantFrom(...TRIGGER_TYPES),
    trigger: fc.double({ min: 0.01, max: 1, noNaN: true }),
    metric: fc.double({ min: 0.01, max: 3, noNaN: true }),
    sigma: fc.double({ min: 0, max: 1, noNaN: true }),
    years: fc.double({ min: 0, max: 30, noNaN: true }),
    claim: fc.integer({ min: 0, max: 1e9 }),
    value: fc.integer({ min: 0, max: 1e9 }),
    limit: fc.integer({ min: 0, max: 1e9 }),
    mu: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  });
  type Inputs = typeof inputs extends fc.Arbitrary<infer T> ? T : never;
  const expected = (p: Inputs, over: Partial<Inputs> = {}) => {
    const q = { ...p, ...over };
    return num(
      SPRINGING_EXPECTED_EXPOSURE(q.type, q.trigger, q.metric, q.sigma, q.years, q.claim, q.value, q.limit, q.mu),
    );
  };

  test("bounded: 0 ≤ E ≤ min(limit, claim) × P(sprung); never above the same guarantee without the trigger", () => {
    fc.assert(
      fc.property(inputs, (p) => {
        const e = expected(p);
        const most = Math.min(p.limit, p.claim);
        const prob = num(SPRINGING_PROBABILITY(p.type, p.trigger, p.metric, p.sigma, p.years, p.mu));
        const always = expected(p, { type: "DSCR", trigger: 100, metric: 1e-9 });
        const tol = 1e-9 * Math.max(1, most);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(most * prob + tol);
        expect(e).toBeLessThanOrEqual(always + tol);
      }),
    );
  });

  test("monotone: in the trigger (up for DSCR and debt yield, down for LTV), in the limit and in the claim", () => {
    fc.assert(
      fc.property(
        inputs,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 1e8 }),
        (p, step, more) => {
          const e = expected(p);
          const tol = 1e-9 * Math.max(1, Math.min(p.limit, p.claim) + more);
          const higher = expected(p, { trigger: Math.min(1, p.trigger + step) });
          if (p.type === "LTV") expect(higher).toBeLessThanOrEqual(e + tol);
          else expect(higher).toBeGreaterThanOrEqual(e - tol);
          expect(expected(p, { limit: p.limit + more })).toBeGreaterThanOrEqual(e - tol);
          expect(expected(p, { claim: p.claim + more })).toBeGreaterThanOrEqual(e - tol);
        },
      ),
    );
  });

  test("no spread: the scenario's payment at NOI × e^(μT); no claim or no limit: 0; the typed call agrees", () => {
    // σ = 0: value 6,450,000 × e^(−0.05 × 5) = 5,023,226.5; DSCR 1.35 × e^(−0.25) = 1.0514 < 1.10, so it has sprung.
    const value = 6_450_000 * Math.exp(-0.05 * 5);
    expect(SPRINGING_EXPECTED_EXPOSURE("DSCR", 1.1, 1.35, 0, 5, 5_500_000, 6_450_000, 1_125_000, -0.05)).toBe(
      Math.min(1_125_000, 5_500_000 - value),
    );
    expect(SPRINGING_EXPECTED_EXPOSURE("DSCR", 1.0, 1.35, 0, 5, 5_500_000, 6_450_000, 1_125_000, -0.05)).toBe(0);
    expect(SPRINGING_EXPECTED_EXPOSURE("DSCR", 1.1, 1.35, 0.2, 5, 0, 6_450_000, 1_125_000)).toBe(0);
    expect(SPRINGING_EXPECTED_EXPOSURE("DSCR", 1.1, 1.35, 0.2, 5, 4_650_000, 6_450_000, 0)).toBe(0);
    expect(
      springingExpectedExposure({
        triggerType: "DSCR",
        trigger: 0.9,
        metric: 1.35,
        volatility: 0.15,
        years: 7,
        claim: 4_650_000,
        propertyValue: 6_450_000,
        guaranteeLimit: 1_125_000,
        growthRate: 0.02,
      }),
    ).toBe(SPRINGING_EXPECTED_EXPOSURE("DSCR", 0.9, 1.35, 0.15, 7, 4_650_000, 6_450_000, 1_125_000, 0.02));
  });

  test.each([
    ["a negative claim", ["DSCR", 1.1, 1.35, 0.15, 7, -1, 6e6, 1e6], "claim", MSG.belowMin("claim", -1, 0, true)],
    [
      "a negative value",
      ["DSCR", 1.1, 1.35, 0.15, 7, 4e6, -1, 1e6],
      "propertyValue",
      MSG.belowMin("propertyValue", -1, 0, true),
    ],
    [
      "a negative limit",
      ["DSCR", 1.1, 1.35, 0.15, 7, 4e6, 6e6, -1],
      "guaranteeLimit",
      MSG.belowMin("guaranteeLimit", -1, 0, true),
    ],
    ["a metric of 0", ["DSCR", 1.1, 0, 0.15, 7, 4e6, 6e6, 1e6], "metric", MSG.belowMin("metric", 0, 0, false)],
    [
      "a debt-yield trigger above 1",
      ["DEBT_YIELD", 8, 0.1, 0.15, 7, 4e6, 6e6, 1e6],
      "trigger",
      MSG.aboveMaxFor("trigger", 8, 1, "a DEBT_YIELD trigger", HINT.fractionDecimal),
    ],
    [
      "more than 100 years",
      ["DSCR", 1.1, 1.35, 0.15, 101, 4e6, 6e6, 1e6],
      "years",
      MSG.aboveMax("years", 101, 100, true),
    ],
  ])("#VALUE! for %s, naming the argument", (_what, args, arg, want) => {
    const f = fault(SPRINGING_EXPECTED_EXPOSURE(...args));
    expect(f.kind).toBe("#VALUE!");
    expect(f.arg).toBe(arg);
    expect(f.message).toBe(want.message);
  });
});
