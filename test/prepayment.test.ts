/**
 * LOAN.YIELD_MAINTENANCE and LOAN.DEFEASANCE_COST.
 * Sources: methodology §12: premium = max(b·(c − r)·f, 1 % · b) with
 * f = (1 − (1 + r)^−n) / r; test vectors 839,913.58 (b 6,161,329, c 8.75 %, r 4.18 %,
 * n 3.2521; floor 61,613.29) and 690,572.86 (b 10,000,000, c 6.00 %, r 4.43 %, n 5), both
 * to the cent. Defeasance is checked against explicit monthly cash flows at 60 digits.
 * Issue 11: MONTHLY discounts at the monthly rate equal to the Treasury yield compounded
 * semi-annually, (1 + r/2)^(1/6) − 1: 10 M, 6 %, 4.43 %, 5 y → 703,674.08 (r/12, now
 * MONTHLY_NOMINAL, gives 702,981.48); the amortizing variant (10 M, 6 %, 30-year amortization,
 * 5 years elapsed, 5 left, 4.43 %: about 624,619) is reproduced by the balance after 60 payments,
 * its 60 remaining payments and the balloon discounted at r/12, and is checked against formulajs's
 * PV (an independent engine) and explicit cash flows at 60 digits.
 */
import { PV } from "@formulajs/formulajs";
import fc from "fast-check";
import { DEFEASANCE_COST, HINT, MSG, YIELD_MAINTENANCE } from "../src/core";
import { agrees, balanceRef, paymentRef, R } from "./reference";

type R = InstanceType<typeof R>;
import { cells, fault, num, toTheCent } from "./helpers";

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
  test("MONTHLY_NOMINAL (MONTHLY before issue 11): b(c − r)/12 discounted at r/12 for 12n months (60 digits)", () => {
    const d = new R(0.0443).div(12);
    let pv = new R(0);
    for (let k = 1; k <= 60; k++)
      pv = pv.add(new R(10000000).mul(new R(0.06).sub(0.0443)).div(12).div(d.add(1).pow(k)));
    const got = num(YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5, null, "monthly_nominal"));
    expect(agrees(got, pv)).toBe(true);
    expect(toTheCent(got, 702981.48)).toBe(true);
  });
  test("issue 11: MONTHLY discounts at (1 + r/2)^(1/6) − 1, the semi-annual Treasury yield as a monthly rate: 703,674.08", () => {
    const d = new R(0.0443).div(2).add(1).pow(new R(1).div(6)).sub(1);
    let pv = new R(0);
    for (let k = 1; k <= 60; k++)
      pv = pv.add(new R(10000000).mul(new R(0.06).sub(0.0443)).div(12).div(d.add(1).pow(k)));
    const got = num(YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5, null, "MONTHLY"));
    expect(agrees(got, pv)).toBe(true);
    expect(toTheCent(got, 703674.08)).toBe(true);
  });
  test("spread: added to the discount rate only; the shortfall stays b(c − r) (60 digits)", () => {
    const r = new R(0.0443);
    const d = r.add(0.005);
    const f = new R(1).sub(d.add(1).pow(-5)).div(d);
    const got = num(YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5, null, null, 0.005));
    expect(agrees(got, new R(10000000).mul(new R(0.06).sub(r)).mul(f))).toBe(true);
    // Passing Treasury + spread as treasuryRate (the earlier advice) also narrows the shortfall: less.
    expect(num(YIELD_MAINTENANCE(10000000, 0.06, 0.0493, 5))).toBeLessThan(got);
  });
  test("issue 11 amortizing: 10 M at 6 %, 30-year amortization, 5 years elapsed, 5 left, 4.43 % → 624,619", () => {
    // The balance after 60 payments and 25 years of amortization left (60 digits).
    const b = balanceRef(10000000, 0.06, 30, 5).toNumber();
    const got = num(YIELD_MAINTENANCE(b, 0.06, 0.0443, 5, null, "MONTHLY_NOMINAL", null, null, 25));
    expect(Math.round(got)).toBe(624619);
    // Independent engine: formulajs PV of 60 payments and the balloon at 4.43 %/12, minus the balance.
    const pmt = paymentRef(10000000, 0.06, 30).toNumber();
    const balloon = balanceRef(10000000, 0.06, 30, 10).toNumber();
    expect(Math.abs(got - (-PV(0.0443 / 12, 60, pmt, balloon) - b))).toBeLessThan(0.01);
    // Explicit cash flows at 60 digits.
    const v = new R(1).div(new R(0.0443).div(12).add(1));
    let pv = balanceRef(10000000, 0.06, 30, 10).mul(v.pow(60));
    for (let k = 1; k <= 60; k++) pv = pv.add(paymentRef(10000000, 0.06, 30).mul(v.pow(k)));
    expect(agrees(got, pv.sub(balanceRef(10000000, 0.06, 30, 5)))).toBe(true);
    // Methodology §12: constant-balance methods overstate it by 3–5 %.
    const constant = num(YIELD_MAINTENANCE(b, 0.06, 0.0443, 5, null, "MONTHLY_NOMINAL"));
    expect(constant / got - 1).toBeGreaterThan(0.03);
    expect(constant / got - 1).toBeLessThan(0.05);
  });
  test("amortizing = the PV of the interest difference on the scheduled balances, Σ (i − j)·B(k−1)·(1 + j)^−k", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 1e9 }),
        fc.integer({ min: 100, max: 1500 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 360 }),
        fc.constantFrom("ANNUAL", "MONTHLY", "MONTHLY_NOMINAL"),
        (b, cBp, rBp, amortLeft, months, method) => {
          const c = cBp / 1e4;
          const r = rBp / 1e4;
          const i = c / 12;
          const j =
            method === "MONTHLY_NOMINAL"
              ? r / 12
              : method === "MONTHLY"
                ? (1 + r / 2) ** (1 / 6) - 1
                : (1 + r) ** (1 / 12) - 1;
          const n = amortLeft * 12;
          const pmt = (b * i) / (1 - (1 + i) ** -n);
          let balance = b;
          let pv = 0;
          for (let k = 1; k <= months && balance > 0; k++) {
            pv += ((i - j) * balance) / (1 + j) ** k;
            balance = k >= n ? 0 : balance * (1 + i) - pmt;
          }
          const got = num(YIELD_MAINTENANCE(b, c, r, months / 12, 0, method, null, null, amortLeft));
          return Math.abs(got - Math.max(0, pv)) <= 1e-7 * b;
        },
      ),
      { numRuns: 60 },
    );
  });
  test("a yield-maintenance period ending before maturity (Fannie Mae DUS: to year 7 of 10, then 1 %)", () => {
    // Prepaid in year 2 of 10: 8 years to maturity, 5 left in the YM period → the 5-year premium.
    expect(YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 8, null, null, null, 5)).toBe(
      YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5),
    );
    // Prepaid after year 7: the period is over, the 1 % fee.
    expect(YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 3, null, null, null, 0)).toBe(100000);
    // Amortizing, cut at the end of the period: the schedule to month 60 and the balance then.
    const cut = num(YIELD_MAINTENANCE(9305435.68, 0.06, 0.0443, 20, 0, "MONTHLY_NOMINAL", null, 5, 25));
    const toMaturity5 = num(YIELD_MAINTENANCE(9305435.68, 0.06, 0.0443, 5, 0, "MONTHLY_NOMINAL", null, null, 25));
    expect(cut).toBe(toMaturity5);
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
    [
      [1, 0.05, 0.04, 5, null, "DAILY"],
      MSG.unknownChoice("method", "DAILY", ["ANNUAL", "MONTHLY", "MONTHLY_NOMINAL"]).message,
    ],
    [[1, 0.05, 0.04, 5, null, null, "x"], MSG.notNumber("spread", "x").message],
    [[1, 0.05, 0.04, 5, null, null, null, 6], MSG.exceeds("ymYears", "remainingYears", 6, 5).message],
    [[1, 0.05, 0.04, 5, null, null, null, -1], MSG.belowMin("ymYears", -1, 0, true).message],
    [[1, 0.05, 0.04, 5, null, null, null, null, 0], MSG.belowMin("amortYearsLeft", 0, 0, false).message],
    [[1, 0.05, 0.04, 5, null, null, null, null, 25.01], MSG.notWholePeriods("amortYearsLeft", 25.01, 12).message],
    [[1, 0.05, 0.04, 3.2521, null, null, null, null, 25], MSG.notWholePeriods("remainingYears", 3.2521, 12).message],
    [[1, 0.05, 0.04, 5, null, null, null, 2.01, 25], MSG.notWholePeriods("ymYears", 2.01, 12).message],
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
  /** The discount factor k months after the defeasance date; default (1 + t/12)^−k. */
  df: (k: number) => R = (k) => new R(1).div(new R(t).div(12).add(1).pow(k)),
) {
  const m = Math.round(elapsed * 12);
  const M = Math.round(maturity * 12);
  const n = Math.round(amort * 12);
  const p = paymentRef(loan, c, amort);
  let pv = new R(0);
  for (let k = m + 1; k <= Math.min(M, n); k++) pv = pv.add(p.mul(df(k - m)));
  pv = pv.add(balanceRef(loan, c, amort, maturity).mul(df(M - m)));
  return pv.sub(balanceRef(loan, c, amort, elapsed)).add(fees);
}

/** Semi-annual compounding: (1 + t/2)^−(k/6) (60 digits). */
const semiannual = (t: number) => (k: number) => new R(t).div(2).add(1).pow(new R(-k).div(6));

/**
 * An independent 60-digit bootstrap of a par curve (years, yield): par yields linear between the
 * points and flat beyond; at each half-year h, P(h) = (1 − y/2 · Σ P(g<h)) / (1 + y/2); log-linear
 * in between. Returns the discount factor k months ahead.
 */
function bootstrapRef(curve: [number, number][]): (k: number) => R {
  const par = (t: number): R => {
    if (t <= curve[0][0]) return new R(curve[0][1]);
    for (let q = 1; q < curve.length; q++)
      if (t <= curve[q][0]) {
        const [t0, y0] = curve[q - 1];
        const [t1, y1] = curve[q];
        return new R(y0).add(new R(y1 - y0).mul(new R(t).sub(t0)).div(t1 - t0));
      }
    return new R(curve[curve.length - 1][1]);
  };
  const P: R[] = [new R(1)];
  let annuity = new R(0);
  for (let h = 1; h <= 200; h++) {
    const c = par(h / 2).div(2);
    const p = new R(1).sub(c.mul(annuity)).div(c.add(1));
    annuity = annuity.add(p);
    P.push(p);
  }
  return (k) => {
    const h = Math.floor(k / 6);
    const f = (k - 6 * h) / 6;
    return f === 0 ? P[h] : P[h].mul(P[h + 1].div(P[h]).pow(f));
  };
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
  test("issue 11: SEMIANNUAL discounts each month k at (1 + r/2)^−(k/6) (60 digits)", () => {
    const got = num(DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045, 50000, "SEMIANNUAL"));
    expect(agrees(got, defeasanceRef(4500000, 0.0685, 30, 2, 7, 0.045, 50000, semiannual(0.045)))).toBe(true);
    // Semi-annual compounding is a lower effective yield than r/12 monthly: the portfolio costs more.
    expect(got).toBeGreaterThan(num(DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045, 50000)));
  });
  test("a Treasury curve (years, par yield) bootstrapped to price each payment (60-digit reference)", () => {
    const curve: [number, number][] = [
      [0.5, 0.043],
      [1, 0.041],
      [2, 0.039],
      [5, 0.04],
      [7, 0.042],
      [10, 0.045],
    ];
    const got = num(DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, null, 50000, null, curve));
    expect(agrees(got, defeasanceRef(4500000, 0.0685, 30, 2, 7, 0, 50000, bootstrapRef(curve)))).toBe(true);
    // Blank rows are skipped; the flat rate and the convention are ignored when a curve is given.
    const withBlanks = [...curve, [null, null]];
    expect(DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.09, 50000, "MONTHLY", withBlanks)).toBe(got);
  });
  test("property: a flat curve prices as the flat SEMIANNUAL yield (par = zero yield when flat)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 1, max: 180 }), (tBp, months) => {
        const t = tBp / 1e4;
        const flat = num(DEFEASANCE_COST(1000000, 0.06, 30, 1, 1 + months / 12, t, 0, "SEMIANNUAL"));
        const curve = num(DEFEASANCE_COST(1000000, 0.06, 30, 1, 1 + months / 12, 0, 0, null, [[3, t]]));
        return Math.abs(flat - curve) <= 1e-6;
      }),
      { numRuns: 50 },
    );
  });
  test.each([
    [
      [1, 0.05, 25, 1, 10, 0.04, 0, "DAILY"],
      MSG.unknownChoice("convention", "DAILY", ["MONTHLY", "SEMIANNUAL"]).message,
    ],
    [[1, 0.05, 25, 1, 10, 0.04, 0, null, [[1, 0.04, 3]]], MSG.columns("curve", 2, cells(1, 3)).message],
    [[1, 0.05, 25, 1, 10, 0.04, 0, null, [["1y", 0.04]]], MSG.notNumber("curve", "1y").message],
    [[1, 0.05, 25, 1, 10, 0.04, 0, null, [[1, "4%"]]], MSG.notNumber("curve", "4%").message],
    [[1, 0.05, 25, 1, 10, 0.04, 0, null, [[0, 0.04]]], MSG.belowMin("curve", 0, 0, false).message],
    [[1, 0.05, 25, 1, 10, 0.04, 0, null, [[1, -1]]], MSG.belowMin("curve", -1, -1, false).message],
    [[1, 0.05, 25, 1, 10, 0.04, 0, null, [[1, 4.5]]], MSG.aboveMax("curve", 4.5, 1, true, HINT.rateDecimal).message],
    [
      [
        1,
        0.05,
        25,
        1,
        10,
        0.04,
        0,
        null,
        [
          [5, 0.04],
          [2, 0.03],
        ],
      ],
      MSG.badCurve("curve", "years must increase; got 2 after 5").message,
    ],
    [
      // Par yields of 0 to 10 years (20 half-years, each P = 1), then 20 %: P = (1 − 0.1 × 20) / 1.1 < 0.
      [
        1,
        0.05,
        25,
        1,
        12,
        0.04,
        0,
        null,
        [
          [10, 0],
          [10.5, 0.2],
        ],
      ],
      MSG.badCurve("curve", "implies a discount factor of -0.9090909090909091 at 10.5 years").message,
    ],
  ])("curve and convention #VALUE! %#: %s", (args, message) => {
    const f = fault(DEFEASANCE_COST(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
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
