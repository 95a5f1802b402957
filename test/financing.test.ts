/**
 * LOAN.PAYMENT, DEBT_SERVICE, BALANCE and AMORTIZATION.
 * Sources: methodology §6 worked example (payments and balances quoted to the cent);
 * Microsoft's documented examples for Excel's PMT, IPMT, PPMT and CUMIPMT; hand derivations.
 * Tolerances: "to the cent" means |x − quoted| ≤ 0.005; accuracy means 1e-9 relative or half a cent.
 */
import fc from "fast-check";
import * as formulajs from "@formulajs/formulajs";
import { AMORTIZATION, BALANCE, DEBT_SERVICE, Fault, HINT, MSG, PAYMENT } from "../src/core";
import { agrees, balanceRef, paymentRef } from "./reference";
import { cells, rateArb } from "./helpers";

const CENT = 0.005;

function num(x: unknown): number {
  if (x instanceof Fault) throw new Error(`unexpected fault: ${x.message}`);
  return x as number;
}
function grid(x: unknown): (string | number)[][] {
  if (x instanceof Fault) throw new Error(`unexpected fault: ${x.message}`);
  return x as (string | number)[][];
}
function fault(x: unknown): Fault {
  if (!(x instanceof Fault)) throw new Error(`expected a fault, got ${JSON.stringify(x).slice(0, 200)}`);
  return x;
}

describe("LOAN.PAYMENT", () => {
  test("methodology §6: 4,500,000 over 30 years at 6.85 % and 7.35 % → 29,486.66 and 31,003.75", () => {
    expect(Math.abs(num(PAYMENT(4500000, 0.0685, 30)) - 29486.66)).toBeLessThanOrEqual(CENT);
    expect(Math.abs(num(PAYMENT(4500000, 0.0735, 30)) - 31003.75)).toBeLessThanOrEqual(CENT);
  });

  test("Excel PMT doc example: 10,000 at 8 % over 10 months → 1,037.03", () => {
    expect(Math.abs(num(PAYMENT(10000, 0.08, 10 / 12)) - 1037.03)).toBeLessThanOrEqual(CENT);
  });

  test("agrees with formulajs PMT (Excel-compatible) on a grid of inputs, sign flipped", () => {
    for (const rate of [0.001, 0.03, 0.0685, 0.12, 0.25]) {
      for (const years of [1, 5, 10, 25, 30]) {
        for (const ppy of [1, 4, 12, 26]) {
          const excel = -formulajs.PMT(rate / ppy, years * ppy, 250000) as number;
          expect(Math.abs(num(PAYMENT(250000, rate, years, ppy)) - excel)).toBeLessThanOrEqual(1e-9 * excel);
        }
      }
    }
  });

  test("rate 0 is straight-line: 120,000 over 10 years monthly → 1,000", () => {
    expect(PAYMENT(120000, 0, 10)).toBe(1000);
  });

  test("a tiny rate keeps full precision (expm1/log1p), unlike the naive formula", () => {
    const x = num(PAYMENT(1e6, 1e-12, 30));
    expect(agrees(x, paymentRef(1e6, 1e-12, 30))).toBe(true);
  });

  test("negative rates above −100 % are allowed", () => {
    expect(agrees(num(PAYMENT(100000, -0.01, 10)), paymentRef(100000, -0.01, 10))).toBe(true);
  });

  test("property: matches the 60-digit reference within 1e-9 relative or half a cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        rateArb(-0.5, 0.5),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(1, 2, 4, 12, 26, 52),
        (loan, rate, years, ppy) => agrees(num(PAYMENT(loan, rate, years, ppy)), paymentRef(loan, rate, years, ppy)),
      ),
    );
  });

  test("omitted paymentsPerYear (null) defaults to 12", () => {
    expect(PAYMENT(4500000, 0.0685, 30, null)).toBe(PAYMENT(4500000, 0.0685, 30, 12));
  });

  test.each([
    ["loanAmount", [-1, 0.05, 30], MSG.belowMin("loanAmount", -1, 0, true).message],
    ["loanAmount text", ["abc", 0.05, 30], MSG.notNumber("loanAmount", "abc").message],
    ["annualRate at −100 %", [1000, -1, 30], MSG.belowMin("annualRate", -1, -1, false).message],
    ["annualRate as a percent", [1000, 6.85, 30], MSG.aboveMax("annualRate", 6.85, 1, true, HINT.rateDecimal).message],
    ["annualRate TRUE", [1000, true, 30], MSG.notNumber("annualRate", true).message],
    ["zero years", [1000, 0.05, 0], MSG.belowMin("amortYears", 0, 0, false).message],
    ["fractional periods", [1000, 0.05, 10.01], MSG.notWholePeriods("amortYears", 10.01, 12).message],
    ["paymentsPerYear 0", [1000, 0.05, 10, 0], MSG.belowMin("paymentsPerYear", 0, 1, true).message],
    ["paymentsPerYear 2.5", [1000, 0.05, 10, 2.5], MSG.notWhole("paymentsPerYear", 2.5).message],
    ["a range", [[[1], [2]], 0.05, 10], MSG.notSingle("loanAmount", cells(2, 1)).message],
    ["NaN", [NaN, 0.05, 10], MSG.notFinite("loanAmount", NaN).message],
  ])("#VALUE! with a message: %s", (_label, args, message) => {
    const f = fault(PAYMENT(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });

  test("a blank required cell counts as 0, as in Excel's own functions", () => {
    expect(PAYMENT(null, 0.05, 10)).toBe(0);
    expect(PAYMENT("", 0.05, 10)).toBe(0);
  });

  test("a 1×1 range is its value", () => {
    expect(PAYMENT([[120000]], 0, [[10]])).toBe(1000);
  });
});

describe("LOAN.DEBT_SERVICE", () => {
  test("amortizing: 12 × the monthly payment", () => {
    expect(num(DEBT_SERVICE(4500000, 0.0685, 30))).toBeCloseTo(12 * num(PAYMENT(4500000, 0.0685, 30)), 8);
  });
  test("interest-only: loan × rate, whatever the frequency (hand: 4,500,000 × 6.85 % = 308,250)", () => {
    expect(DEBT_SERVICE(4500000, 0.0685, 30, true)).toBe(308250);
    expect(DEBT_SERVICE(4500000, 0.0685, 30, "TRUE", 4)).toBe(308250);
    expect(DEBT_SERVICE(4500000, 0.0685, 30, 1)).toBe(308250);
  });
  test("quarterly: 4 × the quarterly payment (formulajs PMT)", () => {
    const q = -formulajs.PMT(0.06 / 4, 80, 1e6) as number;
    expect(num(DEBT_SERVICE(1e6, 0.06, 20, false, 4))).toBeCloseTo(4 * q, 6);
  });
  test("interestOnly that is not TRUE/FALSE is #VALUE!", () => {
    expect(fault(DEBT_SERVICE(1, 0.05, 30, "maybe")).message).toBe(MSG.notBoolean("interestOnly", "maybe").message);
  });
});

describe("LOAN.BALANCE", () => {
  test("methodology §6: after 84 payments → 4,091,975.82 and 4,123,469.40", () => {
    expect(Math.abs(num(BALANCE(4500000, 0.0685, 30, 7)) - 4091975.82)).toBeLessThanOrEqual(CENT);
    expect(Math.abs(num(BALANCE(4500000, 0.0735, 30, 7)) - 4123469.4)).toBeLessThanOrEqual(CENT);
  });
  test("Excel FV: balance = −FV(i, k, −P, L) (formulajs)", () => {
    const p = num(PAYMENT(800000, 0.055, 25));
    const fv = -formulajs.FV(0.055 / 12, 60, -p, 800000) as number;
    expect(num(BALANCE(800000, 0.055, 25, 5))).toBeCloseTo(fv, 6);
  });
  test("interest-only years keep the balance at the loan, then amortization starts", () => {
    expect(BALANCE(1e6, 0.06, 30, 2, 3)).toBe(1e6);
    expect(BALANCE(1e6, 0.06, 30, 3, 3)).toBe(1e6);
    expect(num(BALANCE(1e6, 0.06, 30, 8, 3))).toBeCloseTo(num(BALANCE(1e6, 0.06, 30, 5)), 6);
  });
  test("0 at elapsed 0? no: the full loan; 0 once fully repaid and after", () => {
    expect(BALANCE(1e6, 0.06, 30, 0)).toBe(1e6);
    expect(BALANCE(1e6, 0.06, 30, 30)).toBe(0);
    expect(BALANCE(1e6, 0.06, 30, 40)).toBe(0);
    expect(BALANCE(1e6, 0.06, 30, 35, 5)).toBe(0);
  });
  test("rate 0: straight-line (hand: 1,200 over 1 year, after 3 months → 900)", () => {
    expect(BALANCE(1200, 0, 1, 0.25)).toBe(900);
  });
  test("property: matches month-by-month stepping within 1e-9 relative or half a cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 5e8 }),
        rateArb(-0.2, 0.3),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 480 }),
        fc.integer({ min: 0, max: 5 }),
        (loan, rate, years, months, io) =>
          agrees(num(BALANCE(loan, rate, years, months / 12, io)), balanceRef(loan, rate, years, months / 12, io)),
      ),
      { numRuns: 200 },
    );
  });
  test("yearsElapsed that is not a whole number of periods is #VALUE!", () => {
    expect(fault(BALANCE(1e6, 0.06, 30, 1.01)).message).toBe(MSG.notWholePeriods("yearsElapsed", 1.01, 12).message);
    expect(fault(BALANCE(1e6, 0.06, 30, 1, 0.3)).message).toBe(MSG.notWholePeriods("ioYears", 0.3, 12).message);
    expect(fault(BALANCE(1e6, 0.06, 30, -1)).message).toBe(MSG.belowMin("yearsElapsed", -1, 0, true).message);
  });
});

describe("LOAN.AMORTIZATION", () => {
  test("header row and one row per period", () => {
    const s = grid(AMORTIZATION(100000, 0.06, 30));
    expect(s[0]).toEqual(["Period", "Payment", "Interest", "Principal", "Balance"]);
    expect(s).toHaveLength(361);
    expect(s[360][0]).toBe(360);
  });

  test("to full amortization it ends at exactly 0, principal sums to the loan in cents", () => {
    const s = grid(AMORTIZATION(4500000, 0.0685, 30));
    expect(s[360][4]).toBe(0);
    const cents = s.slice(1).reduce((acc, row) => acc + Math.round((row[3] as number) * 100), 0);
    expect(cents).toBe(450000000);
  });

  test("every row: payment = interest + principal and balance steps by the principal, in exact cents", () => {
    const s = grid(AMORTIZATION(333333.33, 0.0719, 15));
    let prev = 33333333;
    for (const row of s.slice(1)) {
      const [, pay, int, prin, bal] = (row as number[]).map((x) => Math.round(x * 100));
      expect(pay).toBe(int + prin);
      expect(bal).toBe(prev - prin);
      prev = bal;
    }
  });

  test("servicer rounding: each period's interest is balance × i rounded to the cent, half up", () => {
    const s = grid(AMORTIZATION(4500000, 0.0685, 30, 7));
    // Hand: 4,500,000 × 0.0685 / 12 = 25,687.50 in month 1.
    expect(s[1][2]).toBe(25687.5);
    // Payment 29,486.66 (rounded from 29,486.6646).
    expect(s[1][1]).toBe(29486.66);
    for (let p = 2; p < s.length; p++) {
      const prevBal = s[p - 1][4] as number;
      const expected = Math.round(((prevBal * 0.0685) / 12) * 100 + 1e-9) / 100;
      expect(Math.abs((s[p][2] as number) - expected)).toBeLessThanOrEqual(0.0051);
    }
  });

  test("7-year term ends on the balloon: the unrounded balance (reference 4,091,975.82) plus the rounded-down payment's shortfall compounded", () => {
    const s = grid(AMORTIZATION(4500000, 0.0685, 30, 7));
    expect(s).toHaveLength(85);
    // Hand derivation: the payment is rounded down by δ = 29,486.6646 − 29,486.66 each month; that
    // shortfall accrues at i, adding δ × ((1 + i)^84 − 1) / i ≈ 0.494 to the balloon. Interest
    // rounding (half a cent at most a month, in both directions) is the remaining noise.
    const i = 0.0685 / 12;
    const delta = num(PAYMENT(4500000, 0.0685, 30)) - 29486.66;
    const expected = num(BALANCE(4500000, 0.0685, 30, 7)) + (delta * ((1 + i) ** 84 - 1)) / i;
    expect(Math.abs((s[84][4] as number) - expected)).toBeLessThanOrEqual(0.05);
    expect(Math.abs((s[84][4] as number) - 4091975.82)).toBeLessThan(1);
    // The README's figure: the schedule's balance (4,091,976.34) − LOAN.BALANCE (4,091,975.82) = 0.52.
    expect((s[84][4] as number) - num(BALANCE(4500000, 0.0685, 30, 7))).toBeCloseTo(0.52, 2);
  });

  test("Excel IPMT doc example: 8,000 at 10 % yearly over 3 years, interest in year 3 → 292.45", () => {
    const s = grid(AMORTIZATION(8000, 0.1, 3, null, null, 1));
    expect(s[3][2]).toBe(292.45);
  });

  test("Excel PPMT doc example: 200,000 at 8 % over 10 years, principal in year 10 → 27,598.05", () => {
    const s = grid(AMORTIZATION(200000, 0.08, 10, null, null, 1));
    // The last payment absorbs the cumulative rounding of ten periods (≤ half a cent each).
    expect(Math.abs((s[10][3] as number) - 27598.05)).toBeLessThanOrEqual(0.05);
    expect(s[10][3]).toBe(s[9][4]);
    // Earlier periods follow PPMT to the cent (formulajs, Excel-compatible).
    for (let p = 1; p <= 9; p++) {
      const ppmt = -formulajs.PPMT(0.08, p, 10, 200000) as number;
      expect(Math.abs((s[p][3] as number) - ppmt)).toBeLessThanOrEqual(0.02);
    }
  });

  test("Excel CUMIPMT doc example: 125,000 at 9 % over 30 years, interest in months 13–24 → 11,135.23", () => {
    const s = grid(AMORTIZATION(125000, 0.09, 30));
    const interest = s.slice(13, 25).reduce((acc, row) => acc + (row[2] as number), 0);
    expect(Math.abs(interest - 11135.23)).toBeLessThanOrEqual(0.06);
    expect(s[1][2]).toBe(937.5);
  });

  test("interest-only years: payment = interest, no principal, then amortization over amortYears", () => {
    const s = grid(AMORTIZATION(1e6, 0.06, 30, 32, 2));
    expect(s).toHaveLength(32 * 12 + 1);
    for (let p = 1; p <= 24; p++) {
      expect(s[p][1]).toBe(5000);
      expect(s[p][3]).toBe(0);
      expect(s[p][4]).toBe(1e6);
    }
    expect(s[25][1]).toBe(Math.round(num(PAYMENT(1e6, 0.06, 30)) * 100) / 100);
    expect(s[32 * 12][4]).toBe(0);
  });

  test("rate 0: equal principal, last payment absorbs the rounding (hand: 1,000 over 3 payments)", () => {
    const s = grid(AMORTIZATION(1000, 0, 0.25));
    expect(s.slice(1).map((r) => r[1])).toEqual([333.33, 333.33, 333.34]);
    expect(s[3][4]).toBe(0);
  });

  test("AMORTIZATION and BALANCE agree within cents over the schedule", () => {
    const s = grid(AMORTIZATION(2500000, 0.0525, 25, 10));
    for (const k of [12, 60, 120]) {
      expect(Math.abs((s[k][4] as number) - num(BALANCE(2500000, 0.0525, 25, k / 12)))).toBeLessThan(1);
    }
  });

  test("property: payment = interest + principal each row, and full schedules end at 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1e8 }),
        fc.integer({ min: 0, max: 2000 }).map((bp) => bp / 10000),
        fc.integer({ min: 1, max: 30 }),
        (loan, rate, years) => {
          const s = grid(AMORTIZATION(loan, rate, years));
          const last = s[s.length - 1];
          const rowsOk = s
            .slice(1)
            .every(
              (r) =>
                Math.round((r[1] as number) * 100) ===
                Math.round((r[2] as number) * 100) + Math.round((r[3] as number) * 100),
            );
          return last[4] === 0 && rowsOk;
        },
      ),
      { numRuns: 40 },
    );
  });

  test("termYears beyond ioYears + amortYears is #VALUE!", () => {
    expect(fault(AMORTIZATION(1e6, 0.06, 30, 31)).message).toBe(
      MSG.exceeds("termYears", "ioYears + amortYears", 31, 30).message,
    );
  });

  test("the largest schedule the rules allow (100 years daily) spills 36,500 rows, no more", () => {
    expect(fault(AMORTIZATION(1e6, 0.06, 100, 101, 1, 365)).message).toBe(
      MSG.aboveMax("termYears", 101, 100, true).message,
    );
    expect(grid(AMORTIZATION(1e6, 0.06, 100, null, null, 365))).toHaveLength(36501);
  });
});
