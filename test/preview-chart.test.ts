/**
 * The preview chart's axis ticks (src/preview/chart.ts): round steps (1, 2, 2.5 or 5 × 10ⁿ)
 * that cover the data, as Excel's automatic axis bounds do. Ticks are rounded to 12
 * significant digits, so coverage is checked within a millionth of the data's span.
 */
import fc from "fast-check";
import { niceTicks } from "../src/preview/chart";

describe("niceTicks", () => {
  test("the value-add chart's range: 0 to 2,070,000 in steps of 500,000", () => {
    expect(niceTicks(0, 2_070_000, 6)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000]);
  });

  test("an all-zero series still gets an axis from 0", () => {
    expect(niceTicks(0, 0, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  test("a narrow range far from 0 keeps distinct ticks (fast-check's counterexample 1,000,000,000 + 0.01)", () => {
    // Hand derivation: (0.01) / 5 = 0.002, a round step; ticks from 1,000,000,000 by 0.002 to just past the top.
    const ticks = niceTicks(1e9, 1e9 + 0.01, 6);
    expect(ticks).toHaveLength(6);
    ticks.forEach((v, i) => expect(v).toBeCloseTo(1e9 + 0.002 * i, 6));
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  test("property: ticks cover the data with one round step, a handful of them", () => {
    fc.assert(
      fc.property(
        // amounts in cents, as a deal's charts plot them
        fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100),
        fc.integer({ min: 1, max: 1e11 }).map((c) => c / 100),
        (lo, span) => {
          const ticks = niceTicks(lo, lo + span, 6);
          const slack = span * 1e-6;
          expect(ticks[0]).toBeLessThanOrEqual(lo + slack);
          expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(lo + span - slack);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(12);
          const step = ticks[1] - ticks[0];
          // the values carry ~15 digits, so the step is compared to 3
          const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(3));
          expect([1, 2, 2.5, 5, 10]).toContain(mantissa); // 10: a step of 1 × 10ⁿ⁺¹ measured just under it
        },
      ),
    );
  });
});
