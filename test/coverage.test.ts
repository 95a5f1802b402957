/**
 * LOAN.DSCR, DEBT_YIELD, LTV and MAX_LOAN.
 * Sources: methodology §4 (definitions; "at 1.35x NOI exceeds debt service by 35 %");
 * hand derivations stated in each test. Tolerance: exact where the arithmetic is one
 * correctly rounded division, else 1e-9 relative.
 */
import fc from "fast-check";
import * as formulajs from "@formulajs/formulajs";
import { DEBT_SERVICE, DEBT_YIELD, DSCR, HINT, LTV, MAX_LOAN, MSG, PAYMENT } from "../src/core";
import { fault, num } from "./helpers";

describe("LOAN.DSCR", () => {
  test("methodology §4: at 1.35x NOI exceeds debt service by 35 % (405,000 / 300,000)", () => {
    expect(DSCR(405000, 300000)).toBe(1.35);
  });
  test("negative NOI gives a negative DSCR", () => {
    expect(DSCR(-50000, 200000)).toBe(-0.25);
  });
  test("property: DSCR × debt service = NOI (1e-12 relative)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        (noi, ds) => {
          const d = num(DSCR(noi, ds));
          return Math.abs(d * ds - noi) <= 1e-12 * Math.max(1, Math.abs(noi));
        },
      ),
    );
  });
  test("zero debt service is #DIV/0!; negative debt service is #VALUE!", () => {
    expect(fault(DSCR(100, 0)).kind).toBe("#DIV/0!");
    expect(fault(DSCR(100, null)).kind).toBe("#DIV/0!");
    const neg = fault(DSCR(100, -5));
    expect(neg.kind).toBe("#VALUE!");
    expect(neg.message).toBe(MSG.belowMin("annualDebtService", -5, 0, true).message);
  });
  test("text NOI is #VALUE! naming noi", () => {
    expect(fault(DSCR("n/a", 100)).message).toBe(MSG.notNumber("noi", "n/a").message);
  });
});

describe("LOAN.DEBT_YIELD and LOAN.LTV", () => {
  test("hand: 450,000 / 4,500,000 = 10 %; 4,500,000 / 6,000,000 = 75 %", () => {
    expect(DEBT_YIELD(450000, 4500000)).toBe(0.1);
    expect(LTV(4500000, 6000000)).toBe(0.75);
  });
  test("zero divisors are #DIV/0!", () => {
    expect(fault(DEBT_YIELD(1, 0)).kind).toBe("#DIV/0!");
    expect(fault(LTV(1, 0)).kind).toBe("#DIV/0!");
  });
  test("negative amounts are #VALUE!", () => {
    expect(fault(DEBT_YIELD(1, -1)).message).toBe(MSG.belowMin("loanAmount", -1, 0, true).message);
    expect(fault(LTV(-1, 1)).message).toBe(MSG.belowMin("loanAmount", -1, 0, true).message);
    expect(fault(LTV(1, -1)).message).toBe(MSG.belowMin("propertyValue", -1, 0, true).message);
  });
});

describe("LOAN.MAX_LOAN", () => {
  // NOI 500,000, value 8,000,000, 6 % over 30 years, DSCR 1.25, LTV 75 %.
  const constant = 12 * num(PAYMENT(1, 0.06, 30)); // annual debt constant, hand: 12 × PMT(0.5 %, 360, 1)

  test("the binding constraint is DSCR: NOI / (1.25 × constant)", () => {
    const expected = 500000 / (1.25 * constant);
    expect(num(MAX_LOAN(500000, 8000000, 0.06, 30, 1.25, 0.75))).toBeCloseTo(expected, 6);
    // cross-check the constant with Excel's PMT (formulajs)
    expect(constant).toBeCloseTo(-12 * (formulajs.PMT(0.005, 360, 1) as number), 12);
  });
  test("LTV binds when NOI is high: 8,000,000 × 75 % = 6,000,000", () => {
    expect(MAX_LOAN(5000000, 8000000, 0.06, 30, 1.25, 0.75)).toBe(6000000);
  });
  test("debt yield binds when given: 500,000 / 9 % = 5,555,555.56", () => {
    expect(num(MAX_LOAN(500000, 8000000, 0.06, 30, 1.25, 0.75, 0.09))).toBeCloseTo(5555555.5556, 3);
  });
  test("interest-only sizing: NOI / (DSCR × rate) = 500,000 / (1.25 × 6 %) = 6,666,666.67 (LTV allows 7,500,000)", () => {
    expect(num(MAX_LOAN(500000, 10000000, 0.06, 30, 1.25, 0.75, null, true))).toBeCloseTo(6666666.6667, 3);
  });
  test("the loan it gives meets every constraint, with equality on the binding one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10000, max: 1e8 }),
        fc.integer({ min: 100000, max: 1e9 }),
        fc.integer({ min: 100, max: 1200 }).map((bp) => bp / 10000),
        fc.integer({ min: 100, max: 200 }).map((x) => x / 100),
        fc.integer({ min: 40, max: 90 }).map((x) => x / 100),
        (noi, value, rate, minDscr, maxLtv) => {
          const loan = num(MAX_LOAN(noi, value, rate, 30, minDscr, maxLtv));
          const dscr = noi / num(DEBT_SERVICE(loan, rate, 30));
          const ltv = loan / value;
          const tight = Math.abs(dscr - minDscr) < 1e-9 * minDscr || Math.abs(ltv - maxLtv) < 1e-12;
          return dscr >= minDscr * (1 - 1e-12) && ltv <= maxLtv * (1 + 1e-12) && tight;
        },
      ),
    );
  });
  test("NOI ≤ 0 allows no loan", () => {
    expect(MAX_LOAN(0, 8000000, 0.06, 30, 1.25, 0.75)).toBe(0);
    expect(MAX_LOAN(-1, 8000000, 0.06, 30, 1.25, 0.75)).toBe(0);
  });
  test("a zero-rate interest-only loan has no debt service: only LTV binds", () => {
    expect(MAX_LOAN(1, 8000000, 0, 30, 1.25, 0.75, null, true)).toBe(6000000);
  });
  test.each([
    [[1, 1, 0.06, 30, 0, 0.75], MSG.belowMin("minDSCR", 0, 0, false).message],
    [[1, 1, 0.06, 30, 1.25, 75], MSG.aboveMax("maxLTV", 75, 1, true, HINT.fractionDecimal).message],
    [[1, 1, 0.06, 30, 1.25, 0], MSG.belowMin("maxLTV", 0, 0, false).message],
    [[1, 1, 0.06, 30, 1.25, 0.75, -0.1], MSG.belowMin("minDebtYield", -0.1, 0, false).message],
    [[1, 1, 0.06, 30, 1.25, 0.75, null, "yes"], MSG.notBoolean("interestOnly", "yes").message],
    [[1, 1, 0.06, 30.01, 1.25, 0.75], MSG.notWholePeriods("amortYears", 30.01, 12).message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(MAX_LOAN(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});
