/**
 * Each structure sized on its own (issue 13, item 3): the deal templates computed by the
 * headless engine (the built add-in in dist/, Excel's built-ins from HyperFormula).
 *
 * Independent values: the largest loan is derived here from the level-payment formula
 * (methodology §3: payment = L·i / (1 − (1 + i)^−n), i the monthly rate, n the months; the annual
 * debt constant 12 × the payment per unit of loan, or the rate when interest-only) and the three
 * floors of methodology §4 (value × max LTV, NOI / (min DSCR × constant), NOI / min debt yield),
 * not read from LOAN.MAX_LOAN. The thresholds and rates are read from the sheet (they are inputs
 * or market-table figures), the deal figures from the template.
 *
 * Levered returns: equity, each year's cash flow (NOI − 12 × the hand payment; in the hold's last
 * year the sale, NOI ÷ (going-in cap + expansion) less costs, less the closed-form balance of
 * methodology §3) built here from the template's figures; the IRR is the root of NPV = 0 found
 * by bisection (200 halvings of (−99 %, 100 %), independent of the engine's Newton iteration),
 * to 1e-7; the NPV of the sheet's own flows at the sheet's IRR is 0 to 1e-6 of the equity.
 */
import fc from "fast-check";
import type { CellResult } from "../src/engine/workbook";
import { buildDealPlan } from "../src/plan/deal";
import { RETURNS_DEFAULTS, RETURNS_YEARS } from "../src/plan/deal/returns";
import { TEMPLATES, type DealTemplate } from "../src/plan/templates";
import { BLANK } from "../src/plan/templates/blank";
import { VALUE_ADD } from "../src/plan/templates/value-add";
import { closeDeals, ComputedDeal } from "./deal-sheet";

afterAll(closeDeals);

/** A computed deal sheet: rows by label, names by value, cells set by name or label. */
class Sheet extends ComputedDeal {
  /** Columns B, C, D of the row labelled `label`. */
  row(label: string): { B: CellResult; C: CellResult; D: CellResult } {
    const line = this.values()[this.rowIndex(label)];
    return { B: line[1] ?? null, C: line[2] ?? null, D: line[3] ?? null };
  }
  pair(label: string): [number, number] {
    const { B, C } = this.row(label);
    expect([label, typeof B, typeof C]).toEqual([label, "number", "number"]);
    return [B as number, C as number];
  }
  /** Overwrites columns B and C of a labelled row with constants. */
  setPair(label: string, b: number, c: number): void {
    this.engine.setCells(this.plan.sheetName, this.rowIndex(label), 1, [[b, c]]);
  }
}

/** The annual debt constant per unit of loan (methodology §3–4), monthly payments. */
function debtConstant(rate: number, amortYears: number, interestOnly: boolean): number {
  if (interestOnly) return rate;
  const i = rate / 12;
  const n = amortYears * 12;
  return i === 0 ? 12 / n : (12 * i) / (1 - (1 + i) ** -n);
}

/** The largest loan under the three floors of methodology §4, by hand. */
function handMaxLoan(
  noi: number,
  value: number,
  rate: number,
  amortYears: number,
  interestOnly: boolean,
  minDscr: number,
  maxLtv: number,
  minDebtYield: number,
): number {
  const bounds = [value * maxLtv, noi / (minDscr * debtConstant(rate, amortYears, interestOnly))];
  if (minDebtYield > 0) bounds.push(noi / minDebtYield);
  return Math.max(0, Math.min(...bounds));
}

interface Floors {
  dscr: number;
  ltv: number;
  dy: number;
}

/** Each structure's floors as the sheet holds them (a blank debt yield reads 0: no test). */
function floors(s: Sheet): { r: Floors; n: Floors } {
  const dy = (name: string): number => {
    const v = s.named(name)[0];
    return typeof v === "number" ? v : 0;
  };
  return {
    r: { dscr: s.num("RecourseMinDSCR"), ltv: s.num("RecourseMaxLTV"), dy: dy("RecourseMinDebtYield") },
    n: { dscr: s.num("NonRecourseMinDSCR"), ltv: s.num("NonRecourseMaxLTV"), dy: dy("NonRecourseMinDebtYield") },
  };
}

/** The hand-derived largest loan of each structure at the sheet's rates and floors. */
function handLoans(s: Sheet, t: DealTemplate): [number, number] {
  const [rr, rn] = s.pair("Annual rate");
  const f = floors(s);
  const { noi, propertyValue, amortYears, interestOnly } = t.inputs;
  const hand = (rate: number, x: Floors) =>
    handMaxLoan(noi, propertyValue, rate, amortYears, interestOnly, x.dscr, x.ltv, x.dy);
  return [hand(rr, f.r), hand(rn, f.n)];
}

/** A loan rounded down to the thousand: a multiple of 1,000 within 1,000 below the largest loan. */
function expectSizedTo(loan: number, largest: number): void {
  expect(loan % 1000).toBe(0);
  expect(loan).toBeLessThanOrEqual(largest * (1 + 1e-12));
  expect(loan).toBeGreaterThan(largest - 1000);
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s, sized (LoanInput 0)", (_id, template) => {
  const sized: DealTemplate = { ...template, inputs: { ...template.inputs, loanAmount: 0 } };
  const s = new Sheet(buildDealPlan(sized));

  test("each structure's loan is its own largest loan (hand-derived), to the thousand", () => {
    const [hr, hn] = handLoans(s, sized);
    const [lr, ln] = s.pair("Loan amount");
    expectSizedTo(lr, hr);
    expectSizedTo(ln, hn);
    expect(s.named("LoanAmount")).toEqual([lr, ln]);
    expect(s.row("Proceeds difference (recourse − non-recourse)").D).toBe(lr - ln);
    const [mr, mn] = s.pair("Largest loan (LOAN.MAX_LOAN)");
    expect(Math.abs(mr - hr)).toBeLessThan(1e-6 * hr);
    expect(Math.abs(mn - hn)).toBeLessThan(1e-6 * hn);
  });

  test("each structure's loan meets its own DSCR, LTV and debt-yield floors", () => {
    const f = floors(s);
    const [dr, dn] = s.pair("DSCR, pro forma");
    const [lr, ln] = s.pair("LTV");
    const [yr, yn] = s.pair("Debt yield");
    const tol = 1e-12;
    expect(dr).toBeGreaterThanOrEqual(f.r.dscr - tol);
    expect(dn).toBeGreaterThanOrEqual(f.n.dscr - tol);
    expect(lr).toBeLessThanOrEqual(f.r.ltv + tol);
    expect(ln).toBeLessThanOrEqual(f.n.ltv + tol);
    expect(yr).toBeGreaterThanOrEqual(f.r.dy - tol);
    expect(yn).toBeGreaterThanOrEqual(f.n.dy - tol);
    // Debt service by hand at each structure's own loan and rate.
    const [rr, rn] = s.pair("Annual rate");
    const [loanR, loanN] = s.pair("Loan amount");
    const [sr, sn] = s.pair("Annual debt service");
    const { amortYears, interestOnly } = sized.inputs;
    expect(Math.abs(sr - loanR * debtConstant(rr, amortYears, interestOnly))).toBeLessThan(0.005);
    expect(Math.abs(sn - loanN * debtConstant(rn, amortYears, interestOnly))).toBeLessThan(0.005);
  });

  test("HoldLoanEqual: both take the smaller largest loan; LoanInput > 0: the analyst's loan under both", () => {
    const e = new Sheet(buildDealPlan(sized));
    const [hr, hn] = handLoans(e, sized);
    e.set("HoldLoanEqual", true);
    const [lr, ln] = e.pair("Loan amount");
    expect(lr).toBe(ln);
    expectSizedTo(lr, Math.min(hr, hn));
    e.set("HoldLoanEqual", false);
    e.set("LoanInput", 1_234_000);
    expect(e.pair("Loan amount")).toEqual([1_234_000, 1_234_000]);
  });

  test("the premium is priced on the non-recourse loan", () => {
    const ln = s.pair("Loan amount")[1];
    const [rr, rn] = s.pair("Annual rate");
    const [pr, pn] = s.pair("Points");
    const hold = sized.inputs.holdYears;
    // Interest-only view (methodology §6): L × (Δrate × hold + Δpoints).
    const premium = ln * ((rn - rr) * hold + (pn - pr));
    expect(
      Math.abs((s.row("Interest and points over the hold, the two quotes (interest-only view)").D as number) - premium),
    ).toBeLessThan(1e-6 * Math.max(1, Math.abs(premium)));
  });
});

describe("sizing properties (fast-check, on the blank template)", () => {
  const t: DealTemplate = { ...BLANK, inputs: { ...BLANK.inputs, loanAmount: 0 } };
  const s = new Sheet(buildDealPlan(t));

  test("with recourse's floors more lenient and its rate no higher, recourse raises at least as much", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 0.12, noNaN: true }),
        fc.double({ min: 0, max: 0.03, noNaN: true }),
        fc.double({ min: 1, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0.5, max: 0.85, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0.05, max: 0.12, noNaN: true }),
        fc.double({ min: 0, max: 0.03, noNaN: true }),
        (rate, spread, dscr, dscrGap, ltv, ltvGap, dy, dyGap) => {
          s.set("HoldLoanEqual", false);
          s.setPair("Annual rate", rate, rate + spread);
          s.set("RecourseMinDSCR", dscr);
          s.set("NonRecourseMinDSCR", dscr + dscrGap);
          s.set("RecourseMaxLTV", ltv);
          s.set("NonRecourseMaxLTV", ltv - ltvGap);
          s.set("RecourseMinDebtYield", dy);
          s.set("NonRecourseMinDebtYield", dy + dyGap);
          const [lr, ln] = s.pair("Loan amount");
          expect(lr).toBeGreaterThanOrEqual(ln);
          const [hr, hn] = handLoans(s, t);
          expectSizedTo(lr, hr);
          expectSizedTo(ln, hn);
          s.set("HoldLoanEqual", true);
          expect(s.pair("Loan amount")).toEqual([ln, ln]);
        },
      ),
      { numRuns: 30 },
    );
  });

  test("a blank debt-yield floor runs no debt-yield test", () => {
    const e = new Sheet(buildDealPlan(t));
    e.set("RecourseMinDebtYield", 0);
    e.set("NonRecourseMinDebtYield", 0);
    const [hr, hn] = handLoans(e, t);
    expectSizedTo(e.pair("Loan amount")[0], hr);
    expectSizedTo(e.pair("Loan amount")[1], hn);
    // A floor that binds: NOI / 0.2 is below the other two bounds.
    e.set("NonRecourseMinDebtYield", 0.2);
    expect(e.pair("Loan amount")[1]).toBe(Math.floor(t.inputs.noi / 0.2 / 1000) * 1000);
  });
});

describe("value-add: the analyst's loan under both (LoanInput 4,500,000)", () => {
  test("both structures carry 4,500,000; the proceeds difference is 0", () => {
    const s = new Sheet(buildDealPlan(VALUE_ADD));
    expect(s.named("LoanAmount")).toEqual([4_500_000, 4_500_000]);
    expect(s.row("Proceeds difference (recourse − non-recourse)").D).toBe(0);
  });
});

/** Balance after `years` of monthly payments (closed form, methodology §3); interest-only: the loan. */
function handBalance(loan: number, rate: number, amort: number, years: number, interestOnly: boolean): number {
  if (interestOnly) return loan;
  const i = rate / 12;
  const k = years * 12;
  const pay = (loan * i) / (1 - (1 + i) ** -(amort * 12));
  return loan * (1 + i) ** k - (pay * ((1 + i) ** k - 1)) / i;
}

/** NPV of annual cash flows, the first at time 0. */
const npv = (rate: number, flows: readonly number[]): number => flows.reduce((a, f, t) => a + f / (1 + rate) ** t, 0);

/** The IRR by bisection on NPV = 0 over (−99 %, 100 %), independent of the engine's Newton iteration. */
function handIrr(flows: readonly number[]): number {
  let lo = -0.99;
  let hi = 1;
  expect(Math.sign(npv(lo, flows))).not.toBe(Math.sign(npv(hi, flows)));
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(npv(mid, flows)) === Math.sign(npv(lo, flows))) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The levered cash flows of one structure by hand, year 0 to `years`, from the template's figures. */
function handFlows(
  t: DealTemplate,
  loan: number,
  rate: number,
  points: number,
  years: number,
  a = RETURNS_DEFAULTS,
): { equity: number; flows: number[] } {
  const { noi, propertyValue: value, amortYears, holdYears: hold, interestOnly } = t.inputs;
  const equity = value * (1 + a.closingCosts) + loan * points - loan;
  const ds = loan * debtConstant(rate, amortYears, interestOnly);
  const sale = (noi * (1 + a.noiGrowth) ** hold) / (noi / value + a.saleCapExpansion);
  const net = sale * (1 - a.saleCosts) - handBalance(loan, rate, amortYears, hold, interestOnly);
  const flows = [-equity];
  for (let y = 1; y <= years; y++)
    flows.push(y > hold ? 0 : noi * (1 + a.noiGrowth) ** (y - 1) - ds + (y === hold ? net : 0));
  return { equity, flows };
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s: levered returns", (_id, template) => {
  const s = new Sheet(buildDealPlan(template));
  const years = Math.max(template.inputs.holdYears, RETURNS_YEARS);
  /** The sheet's cash flows, year 0 to the table's last year, per structure. */
  const sheetFlows = (x: Sheet): [number[], number[]] => {
    const rows = ["Year 0: equity in", ...Array.from({ length: years }, (_, k) => `Year ${k + 1}`)];
    const pairs = rows.map((label) => x.pair(label));
    return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
  };

  test("equity, each year's cash flow, IRR and cash-on-cash are the hand values under each structure's loan", () => {
    const loans = s.pair("Loan amount");
    const rates = s.pair("Annual rate");
    const points = s.pair("Points");
    const flows = sheetFlows(s);
    const irr = s.named("LeveredIRR") as number[];
    const coc = s.named("CashOnCash") as number[];
    const equity = s.named("Equity") as number[];
    [0, 1].forEach((k) => {
      const hand = handFlows(template, loans[k], rates[k], points[k], years);
      expect(Math.abs(equity[k] - hand.equity)).toBeLessThan(0.01);
      hand.flows.forEach((f, y) => expect([y, Math.abs(flows[k][y] - f) < 0.01]).toEqual([y, true]));
      // IRR: the bisection root of the hand flows; NPV of the sheet's flows at the sheet's IRR ≈ 0.
      expect(Math.abs(irr[k] - handIrr(hand.flows))).toBeLessThan(1e-7);
      expect(Math.abs(npv(irr[k], flows[k]))).toBeLessThan(1e-6 * hand.equity);
      expect(Math.abs(coc[k] - hand.flows[1] / hand.equity)).toBeLessThan(1e-12);
    });
  });

  test("NOI growth and a different hold flow through; a hold beyond the table says so instead of erring", () => {
    const x = new Sheet(buildDealPlan(template));
    x.set("HoldNOIGrowth", 0.03);
    const loans = x.pair("Loan amount");
    const rates = x.pair("Annual rate");
    const points = x.pair("Points");
    const hand = handFlows(template, loans[1], rates[1], points[1], years, { ...RETURNS_DEFAULTS, noiGrowth: 0.03 });
    sheetFlows(x)[1].forEach((f, y) => expect([y, Math.abs(f - hand.flows[y]) < 0.01]).toEqual([y, true]));
    expect(Math.abs((x.named("LeveredIRR")[1] as number) - handIrr(hand.flows))).toBeLessThan(1e-7);
    x.set("HoldYears", years + 1);
    expect(x.named("LeveredIRR")).toEqual([
      `the table runs whole years 1 to ${years}`,
      `the table runs whole years 1 to ${years}`,
    ]);
  });
});
