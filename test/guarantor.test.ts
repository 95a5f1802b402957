/**
 * LOAN.GUARANTOR_COVENANTS: a guarantor's net worth and liquidity against every loan it guarantees,
 * and an optional limit on its contingent liabilities (methodology §10; issue 26, item 3).
 *
 * Sources: the covenants are the market convention of methodology §10 and §15 (net worth at least
 * the loans, liquidity at least 10 % of them); the expected figures are worked by hand in each test
 * (sums and products of whole cents, exact), and the property test recomputes every requirement in
 * BigInt cents, sharing no arithmetic with src/core.
 */
import fc from "fast-check";
import { DEFAULT_THRESHOLDS, GUARANTOR_COVENANT_DEFAULTS, HINT, MSG, QUALIFY } from "../src/core";
import { GUARANTOR_COVENANTS, guarantorCovenants } from "../src/core/guarantor";
import { fault } from "./helpers";

const text = (x: unknown): string => {
  if (typeof x !== "string") throw new Error(`expected text, got ${JSON.stringify(x)}`);
  return x;
};

describe("LOAN.GUARANTOR_COVENANTS", () => {
  test("the defaults are the market convention, the same figures as LOAN.QUALIFY's sponsor tests", () => {
    expect(GUARANTOR_COVENANTS.param.minNetWorthMultiple.fallback).toBe(GUARANTOR_COVENANT_DEFAULTS.netWorthMultiple);
    expect(GUARANTOR_COVENANTS.param.minLiquidityShare.fallback).toBe(GUARANTOR_COVENANT_DEFAULTS.liquidityShare);
    expect(GUARANTOR_COVENANT_DEFAULTS).toEqual({ netWorthMultiple: 1, liquidityShare: 0.1 });
    expect(DEFAULT_THRESHOLDS.NONRECOURSE.NET_WORTH).toBe(1);
    expect(DEFAULT_THRESHOLDS.NONRECOURSE.LIQUIDITY).toBe(0.1);
  });

  test("both tests failed on one 4,500,000 loan: 4,500,000 − 3,200,000 and 450,000 − 300,000", () => {
    expect(GUARANTOR_COVENANTS(3_200_000, 300_000, [[4_500_000]])).toBe(
      "Fails: net worth short by 1,300,000 (min 4,500,000); " + "liquidity short by 150,000 (min 450,000)",
    );
  });

  test("one loan, the default covenants: the same verdict, word for word, as LOAN.QUALIFY's sponsor tests", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 1e11 }),
        (nw, liq, loan) => {
          // DSCR 1.3 and LTV 0.6 pass QUALIFY's NONRECOURSE thresholds; occupancy is not tested.
          const sponsor = QUALIFY("NONRECOURSE", 1.3, 0.6, null, nw / 100, liq / 100, loan / 100);
          expect(GUARANTOR_COVENANTS(nw / 100, liq / 100, [[loan / 100]])).toBe(sponsor);
        },
      ),
    );
  });

  test("across the book: 6,000,000 and 600,000 cover 5,500,000 of loans; a third loan of 1,000,000 does not", () => {
    expect(GUARANTOR_COVENANTS(6_000_000, 600_000, [[4_500_000], [1_000_000]])).toBe("OK");
    expect(GUARANTOR_COVENANTS(6_000_000, 600_000, [[4_500_000], [1_000_000], [1_000_000]])).toBe(
      "Fails: net worth short by 500,000 (min 6,500,000); " + "liquidity short by 50,000 (min 650,000)",
    );
  });

  test("one test alone is named: liquidity short by 50,000 with net worth enough", () => {
    expect(GUARANTOR_COVENANTS(9_000_000, 400_000, [[4_500_000]])).toBe(
      "Fails: liquidity short by 50,000 (min 450,000)",
    );
  });

  test("a requirement met exactly passes, in whole cents: 10 % of 3,000,000.30 is 300,000.03", () => {
    expect(GUARANTOR_COVENANTS(3_000_000.3, 300_000.03, [[1_000_000.1, 2_000_000.2]])).toBe("OK");
    expect(GUARANTOR_COVENANTS(3_000_000.3, 300_000.02, [[1_000_000.1, 2_000_000.2]])).toBe(
      "Fails: liquidity short by 0.01 (min 300,000.03)",
    );
  });

  test("own multiples and shares: 1.5 × and 12.5 % of 4,000,000", () => {
    expect(GUARANTOR_COVENANTS(5_000_000, 400_000, [[4_000_000]], 1.5, 0.125)).toBe(
      "Fails: net worth short by 1,000,000 (min 6,000,000); " + "liquidity short by 100,000 (min 500,000)",
    );
  });

  test("the contingent-liability limit: 9,500,000 of loans and 4,000,000 of other guaranties against 1.0 × 12,000,000", () => {
    const book = [[4_500_000], [3_000_000], [2_000_000]];
    expect(GUARANTOR_COVENANTS(12_000_000, 1_500_000, book)).toBe("OK");
    expect(GUARANTOR_COVENANTS(12_000_000, 1_500_000, book, 1, 0.1, 1, 4_000_000)).toBe(
      "Fails: contingent liabilities over by 1,500,000 (max 12,000,000)",
    );
    // No other guaranties: the loans alone, 9,500,000, within 1.0 × but not within 0.75 × (9,000,000).
    expect(GUARANTOR_COVENANTS(12_000_000, 1_500_000, book, 1, 0.1, 1)).toBe("OK");
    expect(GUARANTOR_COVENANTS(12_000_000, 1_500_000, book, 1, 0.1, 0.75)).toBe(
      "Fails: contingent liabilities over by 500,000 (max 9,000,000)",
    );
    // Other contingent liabilities count toward the limit only, never toward the net-worth and liquidity tests.
    expect(GUARANTOR_COVENANTS(12_000_000, 1_500_000, book, 1, 0.1, undefined, 50_000_000)).toBe("OK");
  });

  test("a negative net worth fails every test it enters, the limit signed", () => {
    expect(GUARANTOR_COVENANTS(-250_000, 100_000, [[1_000_000]], 1, 0.1, 2)).toBe(
      "Fails: net worth short by 1,250,000 (min 1,000,000); " +
        "contingent liabilities over by 1,500,000 (max -500,000)",
    );
  });

  test("blank cells are skipped (empty, empty text, 0, as Excel passes them); a range of any shape", () => {
    const range = [
      [null, 4_500_000, ""],
      [0, " ", 1_000_000],
    ];
    expect(GUARANTOR_COVENANTS(6_000_000, 600_000, range)).toBe("OK");
    expect(GUARANTOR_COVENANTS(5_000_000, 600_000, range)).toBe("Fails: net worth short by 500,000 (min 5,500,000)");
    // No loans at all: nothing to cover, unless the net worth is negative.
    expect(GUARANTOR_COVENANTS(0, 0, [[null]])).toBe("OK");
    expect(GUARANTOR_COVENANTS(1_000, 0, 0)).toBe("OK");
  });

  test("the typed call takes the loans as a list, the same defaults, and checks each amount", () => {
    expect(guarantorCovenants({ netWorth: 6_000_000, liquidity: 600_000, loanAmounts: [4_500_000, 1_000_000] })).toBe(
      "OK",
    );
    expect(guarantorCovenants({ netWorth: 3_200_000, liquidity: 300_000, loanAmounts: [4_500_000] })).toBe(
      GUARANTOR_COVENANTS(3_200_000, 300_000, [[4_500_000]]),
    );
    expect(fault(guarantorCovenants({ netWorth: 1, liquidity: 1, loanAmounts: [5, -2] })).message).toBe(
      MSG.negativeAt("loanAmounts", -2, 2, 1).message,
    );
    expect(fault(guarantorCovenants({ netWorth: 1, liquidity: 1, loanAmounts: [NaN] })).message).toBe(
      MSG.notNumberAt("loanAmounts", NaN, 1, 1).message,
    );
  });

  test('"OK" exactly when every test passes; otherwise each failed test, in order, by the exact gap', () => {
    const cents = fc.integer({ min: 0, max: 1e12 });
    const hundredths = (max: number) => fc.integer({ min: 0, max: max * 100 });
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        cents,
        fc.array(cents, { maxLength: 6 }),
        hundredths(3),
        hundredths(1),
        fc.option(hundredths(3), { nil: undefined }),
        cents,
        (nw, liq, loans, m, s, c, other) => {
          const out = text(
            GUARANTOR_COVENANTS(
              nw / 100,
              liq / 100,
              loans.map((l) => [l / 100]),
              m / 100,
              s / 100,
              c === undefined ? undefined : c / 100,
              other / 100,
            ),
          );
          // In hundredths of a cent: requirement = total × multiple (both in hundredths).
          const total = loans.reduce((a, b) => a + BigInt(b), 0n);
          const worthGap = total * BigInt(m) - BigInt(nw) * 100n;
          const cashGap = total * BigInt(s) - BigInt(liq) * 100n;
          const contingentGap = c === undefined ? -1n : (total + BigInt(other)) * 100n - BigInt(nw) * BigInt(c);
          const failed = [worthGap > 0n, cashGap > 0n, contingentGap > 0n];
          expect(out === "OK").toBe(!failed.includes(true));
          const parts = out === "OK" ? [] : out.replace(/^Fails: /, "").split("; ");
          const named = ["net worth", "liquidity", "contingent liabilities"].filter((_, i) => failed[i]);
          expect(parts.map((p) => p.split(/ (short|over) by /)[0])).toEqual(named);
          const gaps = [worthGap, cashGap, contingentGap].filter((g) => g > 0n);
          parts.forEach((p, i) => {
            const by = Number(/ by ([0-9.,]+) \(/.exec(p)![1].replace(/,/g, ""));
            // The gap is shown to the cent from 1,000 up, to 4 decimals below (never "0"): half a unit
            // in the last place shown, plus the spacing of doubles at the size of the gap.
            const want = Number(gaps[i]) / 10000;
            expect(Math.abs(by - want)).toBeLessThanOrEqual((want >= 1000 ? 0.005 : 0.00005) + want * 1e-15);
            expect(by).toBeGreaterThan(0);
          });
        },
      ),
    );
  });

  test("#VALUE! for a total too large for a number, never Infinity in the text", () => {
    expect(fault(GUARANTOR_COVENANTS(1, 1, [[1e308, 1e308]])).message).toBe(MSG.tooLarge("total of the loans").message);
    expect(fault(GUARANTOR_COVENANTS(-1e308, 1, [[1]], 1, 0.1, 100)).message).toBe(
      MSG.tooLarge("contingent-liability limit").message,
    );
    // Each amount fits, their difference does not: 1e308 − (−1e308).
    expect(fault(GUARANTOR_COVENANTS(-1e308, 0, [[1e308]])).message).toBe(
      MSG.tooLarge("net worth's shortfall").message,
    );
    expect(fault(GUARANTOR_COVENANTS(-1e308, 0, [[1e308]], 0, 0, 1)).message).toBe(
      MSG.tooLarge("contingent-liability limit").message,
    );
  });

  test.each([
    ["text for the net worth", ["six million", 1, [[1]]], "netWorth", MSG.notNumber("netWorth", "six million")],
    ["a negative liquidity", [1, -1, [[1]]], "liquidity", MSG.belowMin("liquidity", -1, 0, true)],
    ["a negative loan", [1, 1, [[5], [-3]]], "loanAmounts", MSG.negativeAt("loanAmounts", -3, 2, 1)],
    ["text among the loans", [1, 1, [[5, "n/a"]]], "loanAmounts", MSG.notNumberAt("loanAmounts", "n/a", 1, 2)],
    ["TRUE among the loans", [1, 1, [[true]]], "loanAmounts", MSG.notNumberAt("loanAmounts", true, 1, 1)],
    ["a ragged range", [1, 1, [[1, 2], [3]]], "loanAmounts", MSG.ragged("loanAmounts")],
    [
      "a negative net-worth multiple",
      [1, 1, [[1]], -1],
      "minNetWorthMultiple",
      MSG.belowMin("minNetWorthMultiple", -1, 0, true),
    ],
    [
      "a net-worth multiple above 100",
      [1, 1, [[1]], 150],
      "minNetWorthMultiple",
      MSG.aboveMax("minNetWorthMultiple", 150, 100, true),
    ],
    [
      "a liquidity share typed as a percentage",
      [1, 1, [[1]], 1, 10],
      "minLiquidityShare",
      MSG.aboveMax("minLiquidityShare", 10, 1, true, HINT.fractionDecimal),
    ],
    [
      "a negative contingent multiple",
      [1, 1, [[1]], 1, 0.1, -2],
      "maxContingentMultiple",
      MSG.belowMin("maxContingentMultiple", -2, 0, true),
    ],
    [
      "negative other contingent liabilities",
      [1, 1, [[1]], 1, 0.1, 2, -5],
      "otherContingent",
      MSG.belowMin("otherContingent", -5, 0, true),
    ],
  ])("#VALUE! for %s, naming the argument", (_what, args, arg, want) => {
    const f = fault(GUARANTOR_COVENANTS(...args));
    expect(f.kind).toBe("#VALUE!");
    expect(f.arg).toBe(arg);
    expect(f.message).toBe(want.message);
  });
});
