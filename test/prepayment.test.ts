/**
 * LOAN.YIELD_MAINTENANCE and LOAN.DEFEASANCE_COST.
 * Sources: methodology §12: premium = max(b·(c − r)·f, 1 % · b) with
 * f = (1 − (1 + r)^−n) / r; test vectors 839,913.58 (b 6,161,329, c 8.75 %, r 4.18 %,
 * n 3.2521; floor 61,613.29) and 690,572.86 (b 10,000,000, c 6.00 %, r 4.43 %, n 5), both
 * to the cent. Defeasance is checked against explicit monthly cash flows at 60 digits.
 */
import fc from "fast-check";
import { DEFEASANCE_COST, HINT, MSG, YIELD_MAINTENANCE } from "../src/core";
import { agrees, balanceRef, paymentRef, R } from "./reference";
import { fault, num, toTheCent } from "./helpers";

describe("LOAN.YIELD_MAINTENANCE", () => {
  test("methodology §12 vector 1: 839,913.58 to the cent (floor 61,613.29 does not bind)", () => {
    expect(toTheCent(YIELD_MAINTENANCE(6161329, 0.0875, 0.0418, 3.2521), 839913.58)).toBe(true);
    expect(toTheCent(YIELD_MAINTENANCE(6161329, 0.0875, 0.0875, 3.2521), 61613.29)).toBe(true);
  });
  test("methodology §12 vector 2: 690,572.86 to the cent", () => {
    expect(toTheCent(YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5), 690572.86)).toBe(true);
  });
  test("the 60-digit formula agrees", () => {
    const b = new R(10000000);
    const r = new R(0.0443);
    const f = new R(1).sub(r.add(1).pow(-5)).div(r);
    expect(agrees(num(YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5)), b.mul(new R(0.06).sub(r)).mul(f))).toBe(true);
  });
  test("MONTHLY: the monthly shortfall b(c − r)/12 discounted at r/12 for 12n months (60 digits)", () => {
    const d = new R(0.0443).div(12);
    let pv = new R(0);
    for (let k = 1; k <= 60; k++)
      pv = pv.add(new R(10000000).mul(new R(0.06).sub(0.0443)).div(12).div(d.add(1).pow(k)));
    expect(agrees(num(YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5, null, "monthly")), pv)).toBe(true);
  });
  test("the floor binds when Treasuries yield more than the note; a zero Treasury yield discounts nothing", () => {
    expect(YIELD_MAINTENANCE(1000000, 0.05, 0.06, 5)).toBe(10000);
    expect(YIELD_MAINTENANCE(1000000, 0.05, 0.06, 5, 0)).toBe(0);
    expect(num(YIELD_MAINTENANCE(1000000, 0.05, 0, 2, 0))).toBeCloseTo(100000, 6);
  });
  test("property: never below the floor, and rising with the note rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 360 }),
        (b, cBp, rBp, months) => {
          const ym = num(YIELD_MAINTENANCE(b, cBp / 1e4, rBp / 1e4, months / 12));
          const higher = num(YIELD_MAINTENANCE(b, (cBp + 10) / 1e4, rBp / 1e4, months / 12));
          return ym >= b * 0.01 * (1 - 1e-12) && higher >= ym;
        },
      ),
    );
  });
  test.each([
    [[-1, 0.05, 0.04, 5], MSG.belowMin("balance", -1, 0, true).message],
    [[1, 5, 0.04, 5], MSG.aboveMax("noteRate", 5, 1, true, HINT.rateDecimal).message],
    [[1, 0.05, "4%", 5], MSG.notNumber("treasuryRate", "4%").message],
    [[1, 0.05, 0.04, 0], MSG.belowMin("remainingYears", 0, 0, false).message],
    [[1, 0.05, 0.04, 5, 2], MSG.aboveMax("floorPct", 2, 1, true, HINT.fractionDecimal).message],
    [[1, 0.05, 0.04, 5, null, "DAILY"], MSG.unknownChoice("method", "DAILY", ["ANNUAL", "MONTHLY"]).message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(YIELD_MAINTENANCE(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});

/**
 * PV at t/12 a month of the scheduled payments from month m+1 to M and the balloon at M, less the balance at m (60
 * digits).
 */
function defeasanceRef(
  loan: number,
  c: number,
  amort: number,
  elapsed: number,
  maturity: number,
  t: number,
  fees: number,
) {
  const m = Math.round(elapsed * 12);
  const M = Math.round(maturity * 12);
  const n = Math.round(amort * 12);
  const p = paymentRef(loan, c, amort);
  const d = new R(t).div(12).add(1);
  let pv = new R(0);
  for (let k = m + 1; k <= Math.min(M, n); k++) pv = pv.add(p.div(d.pow(k - m)));
  pv = pv.add(balanceRef(loan, c, amort, maturity).div(d.pow(M - m)));
  return pv.sub(balanceRef(loan, c, amort, elapsed)).add(fees);
}

describe("LOAN.DEFEASANCE_COST", () => {
  test("matches explicit monthly cash flows (4,500,000 at 6.85 %, 30-year amortization, defeased in year 2 of 7 at 4.5 %)", () => {
    const got = num(DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045, 50000));
    expect(agrees(got, defeasanceRef(4500000, 0.0685, 30, 2, 7, 0.045, 50000))).toBe(true);
    expect(toTheCent(got, 497954.59)).toBe(true);
  });
  test("about 5-10 % of the balance at typical spreads (methodology §12)", () => {
    const cost = num(DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045));
    expect(cost / 4408000).toBeGreaterThan(0.05);
    expect(cost / 4408000).toBeLessThan(0.11);
  });
  test("at the note rate the securities cost the balance: only the fees remain", () => {
    expect(num(DEFEASANCE_COST(1000000, 0.06, 25, 3, 10, 0.06, 40000))).toBeCloseTo(40000, 6);
  });
  test("negative when Treasuries yield more than the note; fees alone at maturity or once repaid", () => {
    expect(num(DEFEASANCE_COST(1000000, 0.05, 25, 3, 10, 0.07))).toBeLessThan(0);
    expect(num(DEFEASANCE_COST(1000000, 0.05, 25, 10, 10, 0.03, 5000))).toBeCloseTo(5000, 6);
    expect(num(DEFEASANCE_COST(1000000, 0.05, 5, 6, 10, 0.03, 5000))).toBeCloseTo(5000, 6);
  });
  test("property: matches explicit cash flows, maturity before or after full amortization", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 1e9 }),
        fc.integer({ min: 1, max: 1500 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 240 }),
        (loan, cBp, tBp, amort, m, extra) =>
          agrees(
            num(DEFEASANCE_COST(loan, cBp / 1e4, amort, m / 12, (m + extra) / 12, tBp / 1e4)),
            defeasanceRef(loan, cBp / 1e4, amort, m / 12, (m + extra) / 12, tBp / 1e4, 0),
          ),
      ),
      { numRuns: 40 },
    );
  });
  test.each([
    [[-1, 0.05, 25, 1, 10, 0.04], MSG.belowMin("loanAmount", -1, 0, true).message],
    [[1, "5%", 25, 1, 10, 0.04], MSG.notNumber("noteRate", "5%").message],
    [[1, 0.05, 0, 1, 10, 0.04], MSG.belowMin("amortYears", 0, 0, false).message],
    [[1, 0.05, 25.01, 1, 10, 0.04], MSG.notWholePeriods("amortYears", 25.01, 12).message],
    [[1, 0.05, 25, -1, 10, 0.04], MSG.belowMin("yearsElapsed", -1, 0, true).message],
    [[1, 0.05, 25, 1.01, 10, 0.04], MSG.notWholePeriods("yearsElapsed", 1.01, 12).message],
    [[1, 0.05, 25, 1, 10.01, 0.04], MSG.notWholePeriods("maturityYears", 10.01, 12).message],
    [[1, 0.05, 25, 11, 10, 0.04], MSG.exceeds("yearsElapsed", "maturityYears", 11, 10).message],
    [[1, 0.05, 25, 1, 10, -1], MSG.belowMin("treasuryRate", -1, -1, false).message],
    [[1, 0.05, 25, 1, 10, 0.04, -5], MSG.belowMin("fees", -5, 0, true).message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(DEFEASANCE_COST(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});
