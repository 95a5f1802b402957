/**
 * The typed core API beneath the Excel declarations: each typed function gives what its
 * checked declaration gives for the same values, omitted inputs take the declared
 * defaults, parameter rules are reachable by name, and the inputs that are ranges in Excel
 * (carveouts, burn-down, thresholds) are plain data here.
 * Expected values are hand derivations (stated in each test) or the checked declaration
 * itself, which the family suites test against independent sources.
 */
import fc from "fast-check";
import * as core from "../src/core";
import {
  balance,
  breakevenProbability,
  carveoutExposure,
  DEFAULT_THRESHOLDS,
  deficiency,
  DEFICIENCY,
  guaranteeExposure,
  lenderRecovery,
  marketPremium,
  maxLoan,
  MAX_LOAN,
  MSG,
  nonrecoursePremium,
  NONRECOURSE_PREMIUM,
  payment,
  PAYMENT,
  qualify,
  QUALIFY,
  thresholdsFor,
  type Checked,
} from "../src/core";
import { fault, num } from "./helpers";

const money = fc.integer({ min: 0, max: 1e10 }).map((c) => c / 100);

/** Every checked declaration the core exports. */
const checked = (Object.values(core) as unknown[]).filter(
  (x): x is Checked<unknown> => typeof x === "function" && "id" in x && "params" in x,
);

describe("parameter rules by name", () => {
  test("every declaration's `param` holds its parameters by name, the same objects as `params`", () => {
    expect(checked.length).toBeGreaterThanOrEqual(22);
    for (const f of checked) {
      expect(Object.keys(f.param)).toEqual(f.params.map((p) => p.name));
      f.params.forEach((p) => expect((f.param as Record<string, unknown>)[p.name]).toBe(p));
    }
  });
  test("a rule read by name reports the argument by name", () => {
    expect(fault(MAX_LOAN.param.maxLTV.read(1.5)).message).toBe(
      MSG.aboveMax("maxLTV", 1.5, 1, true, core.HINT.fractionDecimal).message,
    );
    expect(DEFICIENCY.param.foreclosureCosts.fallback).toBe(0);
    expect(PAYMENT.param.paymentsPerYear.fallback).toBe(12);
  });
});

describe("typed functions agree with their checked declarations", () => {
  test("deficiency: 485,000 + 32,000 + 18,000 − 420,000 = 115,000; omitted inputs are 0", () => {
    expect(
      deficiency({ unpaidPrincipal: 485000, salePrice: 420000, accruedInterest: 32000, foreclosureCosts: 18000 }),
    ).toBe(115000);
    fc.assert(
      fc.property(money, money, money, money, money, money, (p, s, i, f, c, sc) => {
        const typed = deficiency({
          unpaidPrincipal: p,
          salePrice: s,
          accruedInterest: i,
          fees: f,
          foreclosureCosts: c,
          saleCosts: sc,
        });
        return (
          typed === DEFICIENCY(p, s, i, f, c, sc) &&
          deficiency({ unpaidPrincipal: p, salePrice: s }) === DEFICIENCY(p, s)
        );
      }),
    );
  });
  test("payment and balance: monthly by default, faults name the argument", () => {
    const terms = { loanAmount: 4500000, annualRate: 0.0685, amortYears: 30 };
    expect(payment(terms)).toBe(PAYMENT(4500000, 0.0685, 30, 12));
    expect(payment({ ...terms, paymentsPerYear: 4 })).toBe(PAYMENT(4500000, 0.0685, 30, 4));
    expect(balance({ ...terms, yearsElapsed: 30 })).toBe(0);
    expect(fault(balance({ ...terms, yearsElapsed: 0.01 })).arg).toBe("yearsElapsed");
  });
  test("the premium, interest-only view: 4,500,000 × 0.005 × 7 + 4,500,000 × 0.005 = 180,000", () => {
    const input = {
      loanAmount: 4500000,
      recourseRate: 0.0685,
      nonRecourseRate: 0.0735,
      recoursePoints: 0.0075,
      nonRecoursePoints: 0.0125,
      holdYears: 7,
    };
    expect(nonrecoursePremium(input)).toBe(180000);
    expect(nonrecoursePremium({ ...input, amortYears: 30, discountRate: 0.08 })).toBe(
      NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30, 0.08),
    );
    expect(num(breakevenProbability({ premium: 180000, deficiency: 1050000 }))).toBeCloseTo(180000 / 1050000, 15);
  });
  test("maxLoan: interest-only sizing at 6 %: min(0.75 × 10,000,000, 500,000 / (1.25 × 0.06)) = 6,666,666.67", () => {
    const x = maxLoan({
      noi: 500000,
      propertyValue: 10000000,
      annualRate: 0.06,
      amortYears: 30,
      minDSCR: 1.25,
      maxLTV: 0.75,
      interestOnly: true,
    });
    expect(num(x)).toBeCloseTo(500000 / 0.075, 6);
  });
  test("lenderRecovery: 3,600,000 + min(1,050,000, 200,000) − 50,000 = 3,750,000", () => {
    expect(
      lenderRecovery({
        claim: 4650000,
        netProceeds: 3600000,
        isRecourse: true,
        collectibleAssets: 200000,
        collectionCost: 50000,
      }),
    ).toBe(3750000);
    expect(lenderRecovery({ claim: 4650000, netProceeds: 3600000, isRecourse: false })).toBe(3600000);
  });
  test("marketPremium: BANK rate midpoint (50 + 125) / 2 bp = 0.00875; CMBS points is #N/A", () => {
    expect(marketPremium({ loanType: "BANK", measure: "RATE" })).toBe(0.00875);
    expect(fault(marketPremium({ loanType: "CMBS", measure: "POINTS" })).message).toBe(
      MSG.noRecourseOption("CMBS").message,
    );
  });
});

describe("inputs that are ranges in Excel are plain data in the typed API", () => {
  test("carveoutExposure: acts as {code, loss}; a schedule as a map", () => {
    const acts = [{ code: "waste", loss: 120000 }, { code: "RENTS", loss: 80000 }, { code: "INSURANCE" }];
    expect(carveoutExposure({ debt: 4400000, triggered: acts })).toBe(200000);
    expect(carveoutExposure({ debt: 4400000, triggered: [{ code: "FRAUD" }], collateralValue: 3600000 })).toBe(800000);
    const schedule = new Map([["FRAUD", "LOSS" as const]]);
    expect(carveoutExposure({ debt: 4400000, triggered: [{ code: "FRAUD", loss: 250000 }], schedule })).toBe(250000);
    expect(fault(carveoutExposure({ debt: 1, triggered: [{ code: "WASTE", loss: -5 }] })).message).toBe(
      MSG.negativeLoss("losses", "WASTE", -5).message,
    );
    expect(fault(carveoutExposure({ debt: 1, triggered: [{ code: "ARSON" }] })).kind).toBe("#N/A");
  });
  test("guaranteeExposure: burn-down steps; from-years must increase", () => {
    const burnDown = [
      { fromYear: 0, cap: 2250000 },
      { fromYear: 3, cap: 1125000 },
      { fromYear: 5, cap: 450000 },
    ];
    expect(
      guaranteeExposure({ deficiency: 1050000, loanAmount: 4500000, guaranteePct: 0.5, burnDown, yearsElapsed: 5 }),
    ).toBe(450000);
    const backwards = [burnDown[1], burnDown[0]];
    expect(fault(guaranteeExposure({ deficiency: 1, loanAmount: 1, burnDown: backwards })).message).toBe(
      MSG.notAscending("burnDown", 0, 3).message,
    );
  });
  test("qualify: overrides replace a threshold, null removes a test; same verdict as QUALIFY", () => {
    expect(thresholdsFor("NONRECOURSE")).toBe(DEFAULT_THRESHOLDS.NONRECOURSE);
    expect(thresholdsFor("NONRECOURSE", { LTV: 0.8, OCCUPANCY: null })).toEqual({
      DSCR: 1.2,
      LTV: 0.8,
      NET_WORTH: 1,
      LIQUIDITY: 0.1,
    });
    expect(qualify({ structure: "NONRECOURSE", dscr: 1.1, ltv: 0.7 })).toBe(
      "Fails: DSCR short by 0.1 (min 1.2); LTV over by 0.05 (max 0.65)",
    );
    expect(qualify({ structure: "NONRECOURSE", dscr: 1.1, ltv: 0.7, thresholds: { DSCR: null, LTV: 0.8 } })).toBe("OK");
    expect(qualify({ structure: "NONRECOURSE", dscr: 1.1, ltv: 0.7, thresholds: { DSCR: null, LTV: 0.8 } })).toBe(
      QUALIFY("NONRECOURSE", 1.1, 0.7, null, null, null, null, [
        ["DSCR", null],
        ["LTV", 0.8],
      ]),
    );
  });
});
