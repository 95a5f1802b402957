/**
 * LOAN.GUARANTEE_EXPOSURE, LENDER_RECOVERY, MARKET_PREMIUM and QUALIFY.
 * Sources: methodology §10 (guarantees at 25 % or 50 % of the loan, fixed caps, burn-down),
 * §2 (a lender weighs about 50,000 of legal cost against what it can collect; case C's
 * 1,050,000 deficiency), §5 (the premium table and the underwriting contrasts). Hand
 * derivations in each test; amounts are exact.
 */
import fc from "fast-check";
import {
  DEFAULT_THRESHOLDS,
  figure,
  gapFigure,
  GUARANTEE_EXPOSURE,
  HINT,
  LENDER_RECOVERY,
  MARKET_PREMIUM,
  MSG,
  QUALIFY,
} from "../src/core";
import { cells, fault, num } from "./helpers";

const cents = fc.integer({ min: 0, max: 1e11 }).map((c) => c / 100);

describe("LOAN.GUARANTEE_EXPOSURE", () => {
  test("a full guarantee owes the deficiency (case C: 1,050,000)", () => {
    expect(GUARANTEE_EXPOSURE(1050000, 4500000)).toBe(1050000);
  });
  test("a 25 % guarantee of 4,500,000 caps at 1,125,000; 20 % at 900,000", () => {
    expect(GUARANTEE_EXPOSURE(2000000, 4500000, 0.25)).toBe(1125000);
    expect(GUARANTEE_EXPOSURE(1050000, 4500000, 0.2)).toBe(900000);
  });
  test("a fixed cap", () => {
    expect(GUARANTEE_EXPOSURE(1050000, 4500000, 0.5, 500000)).toBe(500000);
  });
  test("burn-down: the cap of the last step whose from-year has passed", () => {
    const steps = [
      [0, 2250000],
      [3, 1125000],
      [5, 450000],
    ];
    expect(GUARANTEE_EXPOSURE(1050000, 4500000, 0.5, null, steps, 0)).toBe(1050000);
    expect(GUARANTEE_EXPOSURE(1050000, 4500000, 0.5, null, steps, 2.99)).toBe(1050000);
    expect(GUARANTEE_EXPOSURE(2000000, 4500000, 0.5, null, steps, 3)).toBe(1125000);
    expect(GUARANTEE_EXPOSURE(1050000, 4500000, 0.5, null, steps, 5)).toBe(450000);
    expect(
      GUARANTEE_EXPOSURE(
        1050000,
        4500000,
        1,
        null,
        [
          [2, 100],
          [null, null],
        ],
        1,
      ),
    ).toBe(1050000);
  });
  test("cents are exact: 10 % of 3,000,000.30 is 300,000.03", () => {
    expect(GUARANTEE_EXPOSURE(1e9, 3000000.3, 0.1)).toBe(300000.03);
  });
  test("property: a guarantee never exceeds the deficiency, nor the percentage, nor a cap", () => {
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 0, max: 100 }), cents, (deficiency, loan, pct, cap) => {
        const g = num(GUARANTEE_EXPOSURE(deficiency, loan, pct / 100, cap));
        return g >= 0 && g <= deficiency && g <= cap && g <= (loan * pct) / 100 + 0.005;
      }),
    );
  });
  test.each([
    [[-1, 1], MSG.belowMin("deficiency", -1, 0, true).message],
    [[1, "big"], MSG.notNumber("loanAmount", "big").message],
    [[1, 1, 25], MSG.aboveMax("guaranteePct", 25, 1, true, HINT.fractionDecimal).message],
    [[1, 1, 1, -1], MSG.belowMin("capAmount", -1, 0, true).message],
    [[1, 1, 1, null, [[0, 1, 2]]], MSG.columns("burnDown", 2, cells(1, 3)).message],
    [[1, 1, 1, null, [["year 1", 5]]], MSG.notNumber("burnDown", "year 1").message],
    [[1, 1, 1, null, [[0, -5]]], MSG.belowMin("burnDown", -5, 0, true).message],
    [
      [
        1,
        1,
        1,
        null,
        [
          [3, 5],
          [1, 2],
        ],
      ],
      MSG.notAscending("burnDown", 1, 3).message,
    ],
    [[1, 1, 1, null, null, -1], MSG.belowMin("yearsElapsed", -1, 0, true).message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(GUARANTEE_EXPOSURE(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});

describe("LOAN.LENDER_RECOVERY", () => {
  const claim = 4650000; // case C: 4,400,000 unpaid + 250,000 foreclosure costs
  test("non-recourse: the proceeds (3,600,000), at most the claim", () => {
    expect(LENDER_RECOVERY(claim, 3600000, false)).toBe(3600000);
    expect(LENDER_RECOVERY(100, 150, false)).toBe(100);
  });
  test("recourse with 200,000 collectible at 50,000 cost: 3,600,000 + 150,000", () => {
    expect(LENDER_RECOVERY(claim, 3600000, true, 200000, 50000)).toBe(3750000);
  });
  test("a rational lender does not spend 50,000 to collect 40,000", () => {
    expect(LENDER_RECOVERY(claim, 3600000, true, 40000, 50000)).toBe(3600000);
  });
  test("collectible assets omitted: the whole deficiency, less the cost", () => {
    expect(LENDER_RECOVERY(claim, 3600000, true, null, 50000)).toBe(4600000);
    expect(LENDER_RECOVERY(claim, 3600000, true)).toBe(claim);
  });
  test("a blank isRecourse counts as FALSE, as a blank counts as 0", () => {
    expect(LENDER_RECOVERY(claim, 3600000, null)).toBe(3600000);
  });
  test("property: recovery never exceeds the claim, and recourse never recovers less", () => {
    fc.assert(
      fc.property(cents, cents, fc.option(cents, { nil: null }), cents, (c, p, assets, cost) => {
        const nr = num(LENDER_RECOVERY(c, p, false));
        const r = num(LENDER_RECOVERY(c, p, true, assets, cost));
        return r <= c && nr <= c && r >= nr;
      }),
    );
  });
  test.each([
    [[-1, 0, true], MSG.belowMin("claim", -1, 0, true).message],
    [[1, -1, true], MSG.belowMin("netProceeds", -1, 0, true).message],
    [[1, 0, "maybe"], MSG.notBoolean("isRecourse", "maybe").message],
    [[1, 0, true, -1], MSG.belowMin("collectibleAssets", -1, 0, true).message],
    [[1, 0, true, null, "50k"], MSG.notNumber("collectionCost", "50k").message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(LENDER_RECOVERY(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});

describe("LOAN.MARKET_PREMIUM", () => {
  test("methodology §14: bank rate premium 50-125 bps → LOW 0.005, HIGH 0.0125, MID the midpoint 0.00875", () => {
    expect(MARKET_PREMIUM("BANK", "RATE", "LOW")).toBe(0.005);
    expect(MARKET_PREMIUM("BANK", "RATE", "HIGH")).toBe(0.0125);
    expect(MARKET_PREMIUM("BANK", "RATE")).toBe(0.00875);
  });
  test("methodology §14, every figure of the table (points as decimals of the loan, LTV as decimals)", () => {
    const expected: Record<string, [number[], number[] | null, number[]]> = {
      CMBS: [[0.0025, 0.005], null, [0.65, 0.75]],
      AGENCY: [
        [0.005, 0.0075],
        [0.0025, 0.0075],
        [0.7, 0.8],
      ],
      LIFE: [
        [0.005, 0.01],
        [0.005, 0.01],
        [0.6, 0.7],
      ],
      BANK: [
        [0.005, 0.0125],
        [0.0025, 0.005],
        [0.6, 0.7],
      ],
      BRIDGE: [
        [0.01, 0.02],
        [0.005, 0.015],
        [0.55, 0.65],
      ],
    };
    for (const [type, measures] of Object.entries(expected)) {
      ["RATE", "POINTS", "LTV_CAP"].forEach((m, i) => {
        const range = measures[i];
        if (range === null) return;
        expect(MARKET_PREMIUM(type, m, "LOW")).toBe(range[0]);
        expect(MARKET_PREMIUM(type, m, "HIGH")).toBe(range[1]);
        expect(num(MARKET_PREMIUM(type, m, "MID"))).toBeCloseTo((range[0] + range[1]) / 2, 15);
      });
    }
  });
  test("names are case-insensitive and trimmed", () => {
    expect(MARKET_PREMIUM(" agency ", "ltv_cap", "high")).toBe(0.8);
  });
  test("CMBS points: #N/A, the table has no recourse version to charge points over", () => {
    const f = fault(MARKET_PREMIUM("CMBS", "POINTS"));
    expect(f.kind).toBe("#N/A");
    expect(f.message).toBe(MSG.noRecourseOption("CMBS").message);
  });
  test.each([
    [
      ["HUD", "RATE"],
      "#N/A",
      MSG.unknownName("loanType", "loan type", "HUD", ["CMBS", "AGENCY", "LIFE", "BANK", "BRIDGE"]).message,
    ],
    [
      ["BANK", "SPREAD"],
      "#N/A",
      MSG.unknownName("measure", "measure", "SPREAD", ["RATE", "POINTS", "LTV_CAP"]).message,
    ],
    [["BANK", "RATE", "TOP"], "#VALUE!", MSG.unknownChoice("bound", "TOP", ["LOW", "MID", "HIGH"]).message],
    [[null, "RATE"], "#VALUE!", MSG.required("loanType").message],
    [["BANK", 3], "#VALUE!", MSG.notText("measure", 3).message],
  ])("%s %#", (args, kind, message) => {
    const f = fault(MARKET_PREMIUM(...(args as unknown[])));
    expect(f.kind).toBe(kind);
    expect(f.message).toBe(message);
  });
});

describe("LOAN.QUALIFY", () => {
  test("defaults: the lenient end of the published ranges (methodology §15)", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      RECOURSE: { DSCR: 1.15, LTV: 0.8 },
      NONRECOURSE: { DSCR: 1.2, LTV: 0.65, OCCUPANCY: 0.85, NET_WORTH: 1, LIQUIDITY: 0.1 },
    });
  });
  test("OK at and above the thresholds (a threshold met exactly passes)", () => {
    expect(QUALIFY("NONRECOURSE", 1.2, 0.65, 0.85, 5000000, 500000, 5000000)).toBe("OK");
    expect(QUALIFY("recourse", 1.15, 0.8)).toBe("OK");
  });
  test("one line naming every failed test and by how much", () => {
    expect(QUALIFY("NONRECOURSE", 1.1, 0.7, 0.8, 3000000, 300000, 5000000)).toBe(
      "Fails: DSCR short by 0.1 (min 1.2); LTV over by 0.05 (max 0.65); occupancy short by 0.05 (min 0.85); " +
        "net worth short by 2,000,000 (min 5,000,000); liquidity short by 200,000 (min 500,000)",
    );
    expect(QUALIFY("RECOURSE", 1.1, 0.75)).toBe("Fails: DSCR short by 0.05 (min 1.15)");
  });
  test("tests whose inputs are omitted are not run", () => {
    expect(QUALIFY("NONRECOURSE", 1.3, 0.6)).toBe("OK");
  });
  test("thresholds range: replace (agency LTV up to 0.8), add, or remove with a blank", () => {
    expect(QUALIFY("NONRECOURSE", 1.3, 0.75, null, null, null, null, [["LTV", 0.8]])).toBe("OK");
    expect(QUALIFY("RECOURSE", 1.3, 0.75, 0.5, null, null, null, [["occupancy", 0.9]])).toBe(
      "Fails: occupancy short by 0.4 (min 0.9)",
    );
    expect(
      QUALIFY("NONRECOURSE", 1.0, 0.6, null, null, null, null, [
        ["DSCR", null],
        [null, null],
      ]),
    ).toBe("OK");
  });
  test("figures: thousands grouped, at most 2 decimals from 1,000 up and 4 below", () => {
    expect(figure(1234567.891)).toBe("1,234,567.89");
    expect(figure(0.123456)).toBe("0.1235");
    expect(figure(-1500)).toBe("-1,500");
    expect(figure(-0.00001)).toBe("0");
    expect(figure(3_200_000)).toBe("3,200,000");
    expect(figure(1_000_007.05)).toBe("1,000,007.05");
    expect(figure(999.99995)).toBe("1,000");
    expect(figure(0.0005)).toBe("0.0005");
    expect(figure(9_999_999_999_999.99)).toBe("9,999,999,999,999.99");
    expect(figure(1e300)).toBe("1E+300");
  });
  test("figures are built with integer arithmetic exactly as String() of the rounded value reads (issue 26)", () => {
    // The reference is the wording before issue 26 made it faster: String of the value rounded
    // to 2 decimals (from 1,000 up) or 4, its integer part grouped by threes.
    const reference = (x: number): string => {
      const scale = Math.abs(x) >= 1000 ? 100 : 10000;
      const rounded = Math.round(Math.abs(x) * scale) / scale;
      const [int, frac] = String(rounded).split(".");
      const grouped = int.replace(/\B(?=(\d{3})+$)/g, ",");
      return (x < 0 && rounded ? "-" : "") + grouped + (frac === undefined ? "" : `.${frac}`);
    };
    const values = fc.oneof(
      fc.double({ min: -1e13, max: 1e13, noNaN: true }),
      fc.integer({ min: -1e12, max: 1e12 }).map((c) => c / 100),
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 10000),
      fc.double({ min: -2000, max: 2000, noNaN: true }),
    );
    fc.assert(
      fc.property(values, (x) => expect(figure(x)).toBe(reference(x))),
      { numRuns: 5000 },
    );
  });
  test("issue 11: a failed test is never 'short by 0'; a tiny gap shows two significant digits", () => {
    // Hand derivation: 1.2 − 1.19999999 = 0.00000001 (float64: 1.00000008e-8, two digits 1.0e-8).
    expect(QUALIFY("NONRECOURSE", 1.19999999, 0.6)).toBe("Fails: DSCR short by 0.00000001 (min 1.2)");
    // 0.65 + 0.0000123 − 0.65 = 0.0000123 → two significant digits 0.000012.
    expect(QUALIFY("NONRECOURSE", 1.3, 0.6500123)).toBe("Fails: LTV over by 0.000012 (max 0.65)");
    expect(gapFigure(0.00012345)).toBe("0.0001");
    expect(gapFigure(-0.0000456)).toBe("-0.000046");
    expect(gapFigure(0)).toBe("0");
  });
  test("property: whenever a test fails, its gap reads as a positive number", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1.2, noNaN: true, maxExcluded: true }), (dscr) => {
        const verdict = QUALIFY("NONRECOURSE", dscr, 0.6) as string;
        const by = /DSCR short by ([0-9.,]+)/.exec(verdict);
        expect(by).not.toBeNull();
        expect(Number((by as RegExpExecArray)[1].replace(/,/g, ""))).toBeGreaterThan(0);
      }),
    );
  });
  test.each([
    [["MEZZ", 1, 1], "#VALUE!", MSG.unknownChoice("structure", "MEZZ", ["RECOURSE", "NONRECOURSE"]).message],
    [[null, 1, 1], "#VALUE!", MSG.required("structure").message],
    [["RECOURSE", "1.2x", 1], "#VALUE!", MSG.notNumber("dscr", "1.2x").message],
    [["RECOURSE", 1.2, -0.1], "#VALUE!", MSG.belowMin("ltv", -0.1, 0, true).message],
    [["RECOURSE", 1.2, 0.7, 85], "#VALUE!", MSG.aboveMax("occupancy", 85, 1, true, HINT.fractionDecimal).message],
    [["RECOURSE", 1.2, 0.7, null, "rich"], "#VALUE!", MSG.notNumber("netWorth", "rich").message],
    [["RECOURSE", 1.2, 0.7, null, null, -1], "#VALUE!", MSG.belowMin("liquidity", -1, 0, true).message],
    [["RECOURSE", 1.2, 0.7, null, null, null, -1], "#VALUE!", MSG.belowMin("loanAmount", -1, 0, true).message],
    [["NONRECOURSE", 1.3, 0.6, null, 5000000], "#VALUE!", MSG.needs("loanAmount", "net worth").message],
    [["NONRECOURSE", 1.3, 0.6, null, null, 1], "#VALUE!", MSG.needs("loanAmount", "liquidity").message],
    [
      ["RECOURSE", 1.2, 0.7, null, null, null, null, [["DSCR"]]],
      "#VALUE!",
      MSG.columns("thresholds", 2, cells(1, 1)).message,
    ],
    [
      ["RECOURSE", 1.2, 0.7, null, null, null, null, [["DSCR", "high"]]],
      "#VALUE!",
      MSG.notNumber("thresholds", "high").message,
    ],
    [
      ["RECOURSE", 1.2, 0.7, null, null, null, null, [["DSCR", -1]]],
      "#VALUE!",
      MSG.belowMin("thresholds", -1, 0, true).message,
    ],
    [["RECOURSE", 1.2, 0.7, null, null, null, null, [[1, 1]]], "#VALUE!", MSG.notText("thresholds", 1).message],
    [
      ["RECOURSE", 1.2, 0.7, null, null, null, null, [["DEBT_YIELD", 0.1]]],
      "#N/A",
      MSG.unknownName("thresholds", "test", "DEBT_YIELD", ["DSCR", "LTV", "OCCUPANCY", "NET_WORTH", "LIQUIDITY"])
        .message,
    ],
  ])("%s %#", (args, kind, message) => {
    const f = fault(QUALIFY(...(args as unknown[])));
    expect(f.kind).toBe(kind);
    expect(f.message).toBe(message);
  });
});
