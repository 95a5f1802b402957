/**
 * LOAN.DEFICIENCY, NONRECOURSE_PREMIUM and BREAKEVEN_PROBABILITY.
 * Sources: methodology §5 (cases A, B, C) and §6 (worked example: 180,000 interest-only,
 * 181,428.35 amortizing, break-even 180,000 / 1,050,000 ≈ 17.1 %); explicit monthly cash
 * flows at 60 digits (test/reference.ts). Tolerances: exact for the reference's whole-dollar
 * figures; to the cent for 181,428.35; 1e-9 relative or half a cent for the property tests.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import { BREAKEVEN_PROBABILITY, DEFICIENCY, Fault, HINT, MSG, NONRECOURSE_PREMIUM } from "../src/core";
import { agrees, premiumRef } from "./reference";
import { fault, num, rateArb, toTheCent } from "./helpers";

describe("LOAN.DEFICIENCY", () => {
  test("methodology §5 case A: 485,000 + 32,000 + 18,000 − 420,000 = 115,000", () => {
    expect(DEFICIENCY(485000, 420000, 32000, 0, 18000)).toBe(115000);
  });
  test("methodology §5 case B: 300,000 owed, 255,000 after sale costs → 45,000", () => {
    expect(DEFICIENCY(300000, 255000)).toBe(45000);
    // the same with the sale costs given separately: 270,000 − 15,000
    expect(DEFICIENCY(300000, 270000, null, null, null, 15000)).toBe(45000);
  });
  test("methodology §5 case C: 4,400,000 + 250,000 − 3,600,000 = 1,050,000", () => {
    expect(DEFICIENCY(4400000, 3600000, null, null, 250000)).toBe(1050000);
  });
  test("no deficiency when the sale covers the claim", () => {
    expect(DEFICIENCY(100, 500)).toBe(0);
  });
  test("cents are exact: 1,000.10 + 0.20 − 0 = 1,000.30 (float64 alone gives 1000.3000000000001)", () => {
    expect(1000.1 + 0.2).not.toBe(1000.3);
    expect(DEFICIENCY(1000.1, 0, 0.2)).toBe(1000.3);
  });
  test("property: equals the decimal computation exactly for amounts in cents", () => {
    const cents = fc.integer({ min: 0, max: 1e11 }).map((c) => c / 100);
    fc.assert(
      fc.property(cents, cents, cents, cents, cents, cents, (p, s, i, f, fc_, sc) => {
        const exact = Decimal.max(
          0,
          new Decimal(p).plus(i).plus(f).plus(fc_).minus(new Decimal(s).minus(sc)),
        ).toNumber();
        return DEFICIENCY(p, s, i, f, fc_, sc) === exact;
      }),
    );
  });
  test("property: a deficiency never rises when the sale price rises", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e6 }),
        (p, s, up) => {
          return num(DEFICIENCY(p, s + up)) <= num(DEFICIENCY(p, s));
        },
      ),
    );
  });
  test.each([
    [[-1, 0], MSG.belowMin("unpaidPrincipal", -1, 0, true).message],
    [[1, -1], MSG.belowMin("salePrice", -1, 0, true).message],
    [[1, 1, "x"], MSG.notNumber("accruedInterest", "x").message],
    [[1, 1, 0, -3], MSG.belowMin("fees", -3, 0, true).message],
    [[1, 1, 0, 0, true], MSG.notNumber("foreclosureCosts", true).message],
    [[1, 1, 0, 0, 0, Infinity], MSG.notFinite("saleCosts", Infinity).message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(DEFICIENCY(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});

describe("LOAN.NONRECOURSE_PREMIUM", () => {
  const deal = [4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7] as const;

  test("methodology §6: interest-only view is exactly 180,000 (157,500 + 22,500)", () => {
    expect(NONRECOURSE_PREMIUM(...deal)).toBe(180000);
  });
  test("methodology §6: amortizing view over 30 years is 181,428.35 to the cent", () => {
    expect(toTheCent(NONRECOURSE_PREMIUM(...deal, 30), 181428.35)).toBe(true);
  });
  test("the amortizing view matches explicit monthly cash flows (60 digits)", () => {
    expect(agrees(num(NONRECOURSE_PREMIUM(...deal, 30)), premiumRef(...deal, 30))).toBe(true);
  });
  test("discounted: matches monthly discounting of the same flows; points undiscounted", () => {
    expect(agrees(num(NONRECOURSE_PREMIUM(...deal, 30, 0.08)), premiumRef(...deal, 30, 0.08))).toBe(true);
    expect(agrees(num(NONRECOURSE_PREMIUM(...deal, null, 0.08)), premiumRef(...deal, undefined, 0.08))).toBe(true);
    // Discounting lowers a positive premium, and a zero discount rate changes nothing.
    expect(num(NONRECOURSE_PREMIUM(...deal, 30, 0.08))).toBeLessThan(num(NONRECOURSE_PREMIUM(...deal, 30)));
    expect(num(NONRECOURSE_PREMIUM(...deal, 30, 0))).toBeCloseTo(num(NONRECOURSE_PREMIUM(...deal, 30)), 6);
  });
  test("negative when non-recourse is cheaper (swap the structures)", () => {
    expect(NONRECOURSE_PREMIUM(4500000, 0.0735, 0.0685, 0.0125, 0.0075, 7)).toBe(-180000);
  });
  test("a hold longer than the amortization counts payments only while the loan is outstanding", () => {
    const pmtDiff = 12 * 10 * (num(NONRECOURSE_PREMIUM(1e6, 0.05, 0.06, 0, 0, 1 / 12, 10)) - 0);
    expect(pmtDiff).toBeGreaterThan(0);
    expect(
      agrees(num(NONRECOURSE_PREMIUM(1e6, 0.05, 0.06, 0, 0, 15, 10)), premiumRef(1e6, 0.05, 0.06, 0, 0, 15, 10)),
    ).toBe(true);
  });
  test("property: the amortizing view matches explicit cash flows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 1e9 }),
        rateArb(0, 0.15),
        rateArb(0, 0.15),
        fc.integer({ min: 0, max: 200 }).map((x) => x / 10000),
        fc.integer({ min: 0, max: 200 }).map((x) => x / 10000),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 5, max: 30 }),
        (loan, rr, rn, pr, pn, months, amort) =>
          agrees(
            num(NONRECOURSE_PREMIUM(loan, rr, rn, pr, pn, months / 12, amort)),
            premiumRef(loan, rr, rn, pr, pn, months / 12, amort),
          ),
      ),
      { numRuns: 60 },
    );
  });
  test("property: the interest-only view matches the decimal formula L × Δr × years + L × Δpoints", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }).map((c) => c / 100),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 360 }),
        (loan, rrBp, rnBp, prBp, pnBp, months) => {
          const args = [loan, rrBp / 10000, rnBp / 10000, prBp / 10000, pnBp / 10000, months / 12] as const;
          const exact = new Decimal(loan)
            .mul(new Decimal(rnBp - rrBp).div(10000))
            .mul(months)
            .div(12)
            .plus(new Decimal(loan).mul(new Decimal(pnBp - prBp).div(10000)));
          return agrees(num(NONRECOURSE_PREMIUM(...args)), exact);
        },
      ),
    );
  });
  test.each([
    [
      [4500000, 0.0685, 0.0735, 0.75, 0.0125, 7],
      MSG.aboveMax("recoursePoints", 0.75, 0.1, true, HINT.pointsDecimal).message,
    ],
    [
      [4500000, 0.0685, 7.35, 0.0075, 0.0125, 7],
      MSG.aboveMax("nonRecourseRate", 7.35, 1, true, HINT.rateDecimal).message,
    ],
    [[4500000, 0.0685, 0.0735, 0.0075, 0.0125, 0], MSG.belowMin("holdYears", 0, 0, false).message],
    [[4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7.01], MSG.notWholePeriods("holdYears", 7.01, 12).message],
    [[4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30.05], MSG.notWholePeriods("amortYears", 30.05, 12).message],
    [[4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30, -1], MSG.belowMin("discountRate", -1, -1, false).message],
    [["4.5m", 0.0685, 0.0735, 0.0075, 0.0125, 7], MSG.notNumber("loanAmount", "4.5m").message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(NONRECOURSE_PREMIUM(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});

describe("LOAN.BREAKEVEN_PROBABILITY", () => {
  test("methodology §6: 180,000 / 1,050,000 ≈ 17.1 %", () => {
    expect(BREAKEVEN_PROBABILITY(180000, 1050000)).toBe(180000 / 1050000);
    expect(num(BREAKEVEN_PROBABILITY(180000, 1050000))).toBeCloseTo(0.1714, 4);
  });
  test("a negative premium (non-recourse cheaper) is worth it at any probability: 0", () => {
    expect(BREAKEVEN_PROBABILITY(-10, 100)).toBe(0);
  });
  test("zero deficiency is #DIV/0!; a negative one is #VALUE!", () => {
    expect(fault(BREAKEVEN_PROBABILITY(1, 0)).kind).toBe("#DIV/0!");
    expect(fault(BREAKEVEN_PROBABILITY(1, -1)).message).toBe(MSG.belowMin("deficiency", -1, 0, true).message);
  });
  test("above 1 there is no break-even: BREAKEVEN_PROBABILITY(1200000, 1050000) is #N/A saying so (was 1.143)", () => {
    const f = fault(BREAKEVEN_PROBABILITY(1200000, 1050000));
    expect(f.kind).toBe("#N/A");
    expect(f.message).toBe(MSG.noBreakeven(1200000, 1050000).message);
    expect(BREAKEVEN_PROBABILITY(1050000, 1050000)).toBe(1); // exactly 1 is a break-even
  });
  test("present-value basis, the value-add deal (methodology §6): the premium discounted at 6.85 % against the loss discounted from year 7 → about 22 %", () => {
    // The loss discounted month by month in 60 digits (test/reference.ts's arithmetic), independently of the core.
    const pvPremium = num(NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30, 0.0685));
    const pvLoss = new Decimal(1050000).div(new Decimal(1).add(new Decimal(0.0685).div(12)).pow(84));
    const expected = new Decimal(pvPremium).div(pvLoss).toNumber();
    expect(Math.abs(num(BREAKEVEN_PROBABILITY(pvPremium, 1050000, 0.0685, 7)) - expected)).toBeLessThan(1e-12);
    expect(num(BREAKEVEN_PROBABILITY(pvPremium, 1050000, 0.0685, 7))).toBeCloseTo(0.2197, 4);
  });
  test("property: discounting the loss never lowers the break-even (d ≥ 0), and d = 0 gives the undiscounted one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1e6, max: 1e8 }),
        rateArb(0, 0.2),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (premium, loss, d, year) => {
          const plain = num(BREAKEVEN_PROBABILITY(premium, loss));
          const pv = BREAKEVEN_PROBABILITY(premium, loss, d, year);
          if (pv instanceof Fault) return pv.kind === "#N/A";
          return pv >= plain - 1e-15 && BREAKEVEN_PROBABILITY(premium, loss, 0, year) === plain;
        },
      ),
    );
  });
  test("discountRate without defaultYear is #VALUE! naming defaultYear; defaultYear alone changes nothing", () => {
    const f = fault(BREAKEVEN_PROBABILITY(180000, 1050000, 0.0685));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(
      MSG.requiredWith("defaultYear", "discountRate", "the year the loss falls in, to discount it").message,
    );
    expect(BREAKEVEN_PROBABILITY(180000, 1050000, null, 7)).toBe(180000 / 1050000);
    expect(fault(BREAKEVEN_PROBABILITY(180000, 1050000, 0.0685, -1)).message).toBe(
      MSG.belowMin("defaultYear", -1, 0, true).message,
    );
    expect(fault(BREAKEVEN_PROBABILITY(180000, 1050000, 2, 7)).message).toBe(
      MSG.aboveMax("discountRate", 2, 1, true, HINT.rateDecimal).message,
    );
  });
});
