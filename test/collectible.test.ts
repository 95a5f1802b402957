/**
 * LOAN.COLLECTIBLE_CAPACITY, LOAN.PROTECTION_VALUE and FORECLOSURE_TAX's deficiencyPaid
 * (issue 21: recourse is worth only what can be collected; COD only on what is not).
 *
 * Sources and tolerances:
 * - COLLECTIBLE_CAPACITY: the rule of methodology §10 worked by hand (liquidity + share × the net
 *   worth beyond it − other liabilities − collection cost, discounted continuously); exact to the
 *   cent where the inputs are, 1e-12 relative with a discount.
 * - PROTECTION_VALUE: the put spread P(K) − P(K − c) from the 80-digit Black–Scholes–Merton
 *   reference of test/bsm-reference.ts (no code shared with src/core), to 1e-9 relative; Hull's
 *   Example 15.6 (S 42, K 40, r 10 %, σ 20 %, T 0.5: put 0.8086) for the whole-put case.
 *   Properties (fast-check): 0 ≤ value ≤ PUT_VALUE; value ≤ c·e^(−rT) (the payoff min(deficiency,
 *   c) is at most c); non-decreasing in the capacity; the whole put once capacity ≥ claim.
 * - FORECLOSURE_TAX: IRS Publication 4681's recourse example (debt 180,000, FMV 170,000, basis
 *   175,000: COD 10,000); a deficiency paid after the sale is repaid debt, not cancelled debt, so
 *   COD falls by what is paid, to 0.
 */
import fc from "fast-check";
import { COLLECTIBLE_CAPACITY, collectibleCapacity } from "../src/core/lender";
import { PROTECTION_VALUE, PUT_VALUE } from "../src/core/option";
import { FORECLOSURE_TAX } from "../src/core/tax";
import { Fault } from "../src/core/fault";
import { putRef, R, relErr } from "./bsm-reference";
import { fault, num } from "./helpers";

describe("LOAN.COLLECTIBLE_CAPACITY", () => {
  test("liquidity alone: the lender counts on liquid assets", () => {
    expect(COLLECTIBLE_CAPACITY(600_000)).toBe(600_000);
    // Net worth beyond liquidity counts only at the share given (default 0).
    expect(COLLECTIBLE_CAPACITY(600_000, 6_000_000)).toBe(600_000);
  });

  test("a share of the net worth beyond liquidity, less other liabilities: 600,000 + 0.1 × 5,400,000 − 200,000", () => {
    expect(COLLECTIBLE_CAPACITY(600_000, 6_000_000, 0.1, 200_000)).toBe(940_000);
  });

  test("the lender's view: less the cost of collecting, discounted over the time it takes", () => {
    const got = num(COLLECTIBLE_CAPACITY(600_000, 6_000_000, 0, 0, 50_000, 1, 0.04));
    // (600,000 − 50,000) × e^(−0.04 × 1), in 80 digits.
    expect(relErr(got, new R(550_000).mul(new R(-0.04).exp()))).toBeLessThan(1e-12);
  });

  test("net worth below liquidity adds nothing; claims beyond the assets leave 0, never less", () => {
    expect(COLLECTIBLE_CAPACITY(600_000, 400_000, 1)).toBe(600_000);
    expect(COLLECTIBLE_CAPACITY(600_000, 6_000_000, 0.1, 2_000_000)).toBe(0);
    expect(COLLECTIBLE_CAPACITY(100_000, undefined, undefined, 0, 150_000)).toBe(0);
  });

  test("the typed call takes named arguments and the same defaults", () => {
    expect(collectibleCapacity({ liquidity: 600_000, netWorth: 6_000_000, netWorthShare: 0.1 })).toBe(1_140_000);
  });

  test("monotone: more liquidity never less; more other liabilities never more", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e8 }),
        (liquidity, netWorth, share, other, more) => {
          const base = num(COLLECTIBLE_CAPACITY(liquidity, netWorth, share, other));
          expect(base).toBeGreaterThanOrEqual(0);
          expect(num(COLLECTIBLE_CAPACITY(liquidity + more, netWorth + more, share, other))).toBeGreaterThanOrEqual(
            base,
          );
          expect(num(COLLECTIBLE_CAPACITY(liquidity, netWorth, share, other + more))).toBeLessThanOrEqual(base);
        },
      ),
    );
  });

  test.each([
    ["liquidity below 0", [-1], "liquidity"],
    ["a share above 1", [600_000, 6_000_000, 1.5], "netWorthShare"],
    ["text for the net worth", [600_000, "six million"], "netWorth"],
    ["negative other liabilities", [600_000, 6_000_000, 0, -5], "otherLiabilities"],
    ["negative years to collect", [600_000, 6_000_000, 0, 0, 0, -1], "collectionYears"],
  ])("#VALUE! for %s, naming the argument", (_what, args, arg) => {
    const f = fault(COLLECTIBLE_CAPACITY(...args));
    expect(f.kind).toBe("#VALUE!");
    expect(f.arg).toBe(arg);
  });
});

describe("LOAN.PROTECTION_VALUE", () => {
  const hull = { s: 42, k: 40, t: 0.5, sigma: 0.2, r: 0.1, q: 0 };

  test("Hull 15.6: a capacity that covers the claim gives the whole put, 0.8086", () => {
    const got = num(PROTECTION_VALUE(42, 40, 0.5, 0.2, 0.1, 40));
    expect(got).toBeCloseTo(0.8086, 4);
    expect(got).toBe(num(PUT_VALUE(42, 40, 0.5, 0.2, 0.1)));
  });

  test("the put spread P(K) − P(K − c) against the 80-digit reference", () => {
    const cases = [
      { ...hull, c: 2 },
      { ...hull, c: 10 },
      // Value-add-like: 6.45 M against a 4.3 M claim over 7 years at 20 %, the income yield 7.75 %.
      { s: 6_450_000, k: 4_300_000, t: 7, sigma: 0.2, r: 0.0404, q: 500_000 / 6_450_000, c: 600_000 },
      { s: 6_450_000, k: 4_300_000, t: 7, sigma: 0.35, r: 0.0404, q: 0.06, c: 1_500_000 },
    ];
    for (const { c, ...p } of cases) {
      const want = putRef(p).sub(putRef({ ...p, k: p.k - c }));
      const got = num(PROTECTION_VALUE(p.s, p.k, p.t, p.sigma, p.r, c, p.q));
      expect(relErr(got, want)).toBeLessThan(1e-9);
    }
  });

  test("no capacity, no protection: 0; no claim: 0", () => {
    expect(PROTECTION_VALUE(6_450_000, 4_300_000, 7, 0.2, 0.04, 0)).toBe(0);
    expect(PROTECTION_VALUE(6_450_000, 0, 7, 0.2, 0.04, 600_000)).toBe(0);
  });

  test("bounded by the whole put and by the capacity's present value; non-decreasing in the capacity", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e3, max: 1e8, noNaN: true }),
        fc.double({ min: 1e3, max: 1e8, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: -0.02, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (s, k, t, sigma, r, share, q) => {
          const c = share * k;
          const whole = num(PUT_VALUE(s, k, t, sigma, r, q));
          const spread = num(PROTECTION_VALUE(s, k, t, sigma, r, c, q));
          const tol = 1e-9 * Math.max(1, whole);
          expect(spread).toBeGreaterThanOrEqual(0);
          expect(spread).toBeLessThanOrEqual(whole + tol);
          expect(spread).toBeLessThanOrEqual(c * Math.exp(-r * t) + tol);
          expect(num(PROTECTION_VALUE(s, k, t, sigma, r, c * 1.1 + 1, q))).toBeGreaterThanOrEqual(spread - tol);
        },
      ),
    );
  });

  test.each([
    ["a negative capacity", [42, 40, 0.5, 0.2, 0.1, -1], "capacity"],
    ["a missing capacity", [42, 40, 0.5, 0.2, 0.1, "x"], "capacity"],
    ["a volatility above 5", [42, 40, 0.5, 6, 0.1, 40], "volatility"],
  ])("#VALUE! for %s, naming the argument", (_what, args, arg) => {
    const f = fault(PROTECTION_VALUE(...args));
    expect(f).toBeInstanceOf(Fault);
    expect(f.arg).toBe(arg);
  });
});

describe("LOAN.FORECLOSURE_TAX: a deficiency paid is not cancelled debt", () => {
  const row = (...args: unknown[]) => (FORECLOSURE_TAX(...args) as number[][])[0];

  test("Pub. 4681 recourse example: COD 10,000; 6,000 paid after the sale leaves 4,000; the gain is unchanged", () => {
    expect(row(180_000, 170_000, 175_000, true)).toEqual([-5_000, 10_000, 0, 10_000]);
    expect(row(180_000, 170_000, 175_000, true, 0, undefined, undefined, false, false, 6_000)).toEqual([
      -5_000, 4_000, 0, 4_000,
    ]);
  });

  test("paying the whole deficiency (or more) leaves no COD; non-recourse never has any", () => {
    expect(row(180_000, 170_000, 175_000, true, 0, undefined, undefined, false, false, 10_000)[1]).toBe(0);
    expect(row(180_000, 170_000, 175_000, true, 0, undefined, undefined, false, false, 25_000)[1]).toBe(0);
    expect(row(180_000, 170_000, 175_000, false, 0, undefined, undefined, false, false, 6_000)).toEqual([
      5_000, 0, 0, 0,
    ]);
  });

  test("insolvency excludes from what is left: 4,000 of COD, 3,000 insolvent → 1,000 taxable", () => {
    expect(row(180_000, 170_000, 175_000, true, 3_000, undefined, undefined, false, false, 6_000)).toEqual([
      -5_000, 4_000, 3_000, 1_000,
    ]);
  });

  test("#VALUE! for a negative payment", () => {
    expect(fault(FORECLOSURE_TAX(180_000, 170_000, 175_000, true, 0, null, null, false, false, -1)).arg).toBe(
      "deficiencyPaid",
    );
  });
});
