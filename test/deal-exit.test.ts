/**
 * The deal sheet's exit rows (issue 13, items 4, 5 and 7), computed by the headless engine (the
 * built add-in in dist/) and checked against values derived here by hand:
 *   - after the default: the foreclosure's tax (Publication 4681's split, methodology §13) and
 *     the lender's recovery (methodology §11), from the closed-form balance (methodology §3);
 *   - the maturity test: the closed-form balance at maturity against the largest loan at the
 *     stressed rate, min(NOI ÷ (DSCR × the annual loan constant), LTV × value) (methodology §4);
 *   - exit cost: the step-down (balance × the year's share), yield maintenance as the present
 *     value of the remaining scheduled payments and balloon at the Treasury yield (annual
 *     compounding, methodology §12) against the balance, with its floor, and defeasance as the
 *     same at the semi-annual Treasury convention plus fees, each summed here month by month.
 * Tolerance: a cent (CENT) on money; 0.01 on yield maintenance and defeasance (sums of up to 108 discounted
 * payments).
 */
import fc from "fast-check";
import path from "path";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan } from "../src/engine/plan-writers";
import type { CellResult, EngineWorkbook } from "../src/engine/workbook";
import { buildDealPlan } from "../src/plan/deal";
import { DOWNSIDE_DEFAULTS } from "../src/plan/deal/downside";
import { EXIT_COST_DEFAULTS, exitCostMessage, STEP_DOWN_3, STEP_DOWN_5 } from "../src/plan/deal/exit-cost";
import { MATURITY_DEFAULTS } from "../src/plan/deal/maturity";
import { RECOVERY_DEFAULTS } from "../src/plan/deal/recovery";
import { RETURNS_YEARS } from "../src/plan/deal/returns";
import { SUMMARY } from "../src/plan/deal/summary";
import { MARKET_2025 } from "../src/plan/market";
import { parseAddress, parseRange } from "../src/plan/a1";
import { type SheetPlan } from "../src/plan/plan";
import { RESIDENTIAL_RECOVERY_YEARS, TEMPLATES, type DealTemplate } from "../src/plan/templates";
import { AGENCY } from "../src/plan/templates/agency";
import { BRIDGE } from "../src/plan/templates/bridge";
import { CMBS } from "../src/plan/templates/cmbs";
import { LIFE_COMPANY } from "../src/plan/templates/life-company";
import { VALUE_ADD } from "../src/plan/templates/value-add";

const CENT = 0.005;
const addin = loadAddin(path.resolve(__dirname, "..", "dist"));

interface Computed {
  plan: SheetPlan;
  engine: EngineWorkbook;
  /** The computed row whose column-A text is `label`: B, C, D. */
  row(label: string): { B: CellResult; C: CellResult; D: CellResult };
  /** The values of a sheet-scoped name, left to right. */
  named(name: string): CellResult[];
  /** Sets the cell a name points to (its first cell) and recalculates. */
  set(name: string, value: number | boolean | string, offset?: number): void;
}

const opened: EngineWorkbook[] = [];
afterAll(() => opened.forEach((e) => e.destroy()));

function compute(plan: SheetPlan): Computed {
  const engine = evaluatePlan(addin, plan);
  opened.push(engine);
  const range = (name: string) => {
    const n = (plan.names ?? []).find((x) => x.name === name);
    if (!n) throw new Error(`no name ${name}`);
    return parseRange(n.address);
  };
  return {
    plan,
    engine,
    row(label) {
      const values = engine.sheetValues(plan.sheetName);
      const r = values.findIndex((line) => line[0] === label);
      if (r < 0) throw new Error(`no row labelled ${label}`);
      return { B: values[r][1] ?? null, C: values[r][2] ?? null, D: values[r][3] ?? null };
    },
    named(name) {
      const r = range(name);
      const out: CellResult[] = [];
      for (let col = r.left; col <= r.right; col++) out.push(engine.value(plan.sheetName, r.top, col));
      return out;
    },
    set(name, value, offset = 0) {
      const r = range(name);
      engine.setCells(plan.sheetName, r.top, r.left + offset, [[value]]);
    },
  };
}

/** Balance after `years` of monthly payments (closed form, methodology §3), the first `ioYears` interest-only. */
function handBalance(loan: number, rate: number, amort: number, years: number, ioYears = 0): number {
  const i = rate / 12;
  const k = (years - Math.min(ioYears, years)) * 12;
  if (k <= 0) return loan;
  if (k >= amort * 12) return 0;
  const pay = (loan * i) / (1 - (1 + i) ** -(amort * 12));
  return loan * (1 + i) ** k - (pay * ((1 + i) ** k - 1)) / i;
}

const close = (got: CellResult, want: number, tol = CENT): void => {
  expect(typeof got).toBe("number");
  expect(Math.abs((got as number) - want)).toBeLessThan(tol);
};

describe("after the default: the foreclosure's tax and the lender's recovery (issue 13, item 4)", () => {
  const c = compute(buildDealPlan(VALUE_ADD));
  const i = VALUE_ADD.inputs;
  const year = DOWNSIDE_DEFAULTS.defaultYear;
  const rates = { r: i.recourseRate, n: i.nonRecourseRate };
  const sale = (0.65 * i.noi) / (i.noi / i.propertyValue + DOWNSIDE_DEFAULTS.capExpansion);
  /** The debt at the default: the balance plus the months of interest accrued to the sale. */
  const debt = (rate: number) => {
    const b = handBalance(i.loanAmount, rate, i.amortYears, year);
    return b + (b * rate * DOWNSIDE_DEFAULTS.accruedMonths) / 12;
  };
  // Straight-line depreciation of the building over 27.5 years (residential rental, IRC §168(c)).
  const basis = i.propertyValue * RECOVERY_DEFAULTS.basisShare * (1 - (RECOVERY_DEFAULTS.buildingShare * year) / 27.5);

  test("the adjusted basis is the purchase basis less the building's depreciation to the default year", () => {
    expect(VALUE_ADD.exit?.recoveryYears).toBe(RESIDENTIAL_RECOVERY_YEARS);
    close(c.named("AdjustedBasis")[0], basis);
  });

  test("recourse: a sale at the value plus COD income; non-recourse: a sale for the whole debt (Pub. 4681)", () => {
    const dr = debt(rates.r);
    const dn = debt(rates.n);
    expect(sale).toBeLessThan(dr);
    const gain = c.row("Gain or loss on the foreclosure (LOAN.FORECLOSURE_TAX)");
    close(gain.B, Math.min(dr, sale) - basis);
    close(gain.C, dn - basis);
    // The guarantor pays the deficiency up to what it could be made to pay (its liquidity, 600,000): debt
    // that is paid is not cancelled, so COD income is only the rest (issue 21, item 5).
    const paid = Math.min(dr + i.foreclosureCosts - sale, i.liquidity);
    const cod = c.row("Cancellation-of-debt income, taxable");
    close(cod.B, dr - sale - paid);
    expect(cod.C).toBe(0);
    const [tr, tn] = c.named("TaxEffect");
    close(tr, RECOVERY_DEFAULTS.taxRate * (sale - basis + dr - sale - paid));
    close(tn, RECOVERY_DEFAULTS.taxRate * (dn - basis));
  });

  test("the lender recovers the sale, plus on recourse the deficiency up to the sponsor's liquidity, less the cost", () => {
    const claim = debt(rates.r) + i.foreclosureCosts;
    const deficiency = claim - sale;
    // Texas allows the deficiency; the guarantee covers the whole loan.
    const extra = Math.max(0, Math.min(deficiency, i.liquidity) - RECOVERY_DEFAULTS.collectionCost);
    const [rr, rn] = c.named("LenderRecovery");
    close(rr, sale + extra);
    close(rn, sale);
  });

  test("inputs flow through: debt treated as non-recourse for tax has no COD; a higher basis, a larger loss", () => {
    const f = compute(buildDealPlan(VALUE_ADD));
    f.set("RecourseForTax", false);
    expect(f.row("Cancellation-of-debt income, taxable").B).toBe(0);
    close(f.row("Gain or loss on the foreclosure (LOAN.FORECLOSURE_TAX)").B, debt(rates.r) - basis);
    f.set("TaxBasisShare", 1.2);
    close(f.named("AdjustedBasis")[0], basis * 1.2);
  });

  test.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: TaxEffect and LenderRecovery are numbers", (_id, t) => {
    const k = compute(buildDealPlan(t));
    for (const name of ["TaxEffect", "LenderRecovery"]) {
      const v = k.named(name);
      expect(v).toHaveLength(2);
      for (const x of v) expect(typeof x).toBe("number");
    }
    // The lender never recovers more than its claim, nor less than the sale proceeds it keeps.
    const [rr, rn] = k.named("LenderRecovery") as number[];
    const claim = k.row("Claim (principal, interest, costs)");
    const salePrice = k.row("Sale price at the default").B as number;
    expect(rr).toBeLessThanOrEqual((claim.B as number) + CENT);
    expect(rn).toBeLessThanOrEqual((claim.C as number) + CENT);
    expect(rr).toBeGreaterThanOrEqual(Math.min(salePrice, claim.B as number) - CENT);
    expect(rn).toBeGreaterThanOrEqual(Math.min(salePrice, claim.C as number) - CENT);
  });
});

test("the names the exit rows give point at plan cells", () => {
  const plan = buildDealPlan(VALUE_ADD);
  const byAddress = new Set(plan.cells.map((x) => x.address));
  for (const name of ["TaxEffect", "LenderRecovery", "AdjustedBasis", "RefiGap", "ExitCost", "EarlySaleYear"]) {
    const n = (plan.names ?? []).find((x) => x.name === name);
    expect(n).toBeDefined();
    const r = parseRange(n!.address);
    for (let col = r.left; col <= r.right; col++)
      expect(byAddress.has(`${String.fromCharCode(65 + col)}${r.top + 1}`)).toBe(true);
  }
  expect(parseAddress(plan.names!.find((x) => x.name === "TaxEffect")!.address.split(":")[0]).col).toBe(1);
});

/** The level monthly payment of a loan (methodology §3). */
function handPayment(loan: number, rate: number, amort: number): number {
  const i = rate / 12;
  return (loan * i) / (1 - (1 + i) ** -(amort * 12));
}

/** A template's figures as the sheet computes them from its inputs: each structure's loan and rate. */
function dealFigures(c: Computed) {
  const loan = c.row("Loan amount");
  return {
    loans: { r: loan.B as number, n: loan.C as number },
    rates: { r: c.row("Annual rate").B as number, n: c.row("Annual rate").C as number },
  };
}

describe("maturity test (issue 13, item 5)", () => {
  /** RefiGap by hand: the balance at maturity less the largest loan then, not below 0. */
  function handGap(c: Computed, t: DealTemplate, stress = MATURITY_DEFAULTS.rateStress) {
    const { loans, rates } = dealFigures(c);
    const i = t.inputs;
    const term = i.holdYears;
    const noi = i.noi;
    const value = noi / (i.noi / i.propertyValue + MATURITY_DEFAULTS.capExpansion);
    const th = {
      r: [c.named("RecourseMinDSCR")[0], c.named("RecourseMaxLTV")[0]] as number[],
      n: [c.named("NonRecourseMinDSCR")[0], c.named("NonRecourseMaxLTV")[0]] as number[],
    };
    const gap = (p: "r" | "n") => {
      const balance = handBalance(loans[p], rates[p], i.amortYears, term, i.interestOnly ? term : 0);
      const constant = 12 * handPayment(1, rates[p] + stress, i.amortYears);
      const proceeds = Math.min(noi / (th[p][0] * constant), th[p][1] * value);
      return { balance, proceeds, gap: Math.max(0, balance - proceeds) };
    };
    return { r: gap("r"), n: gap("n") };
  }

  test.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: balance, proceeds and RefiGap are the hand values",
    (_id, t) => {
      const c = compute(buildDealPlan(t));
      const hand = handGap(c, t);
      close(c.named("MaturityYears")[0], t.inputs.holdYears, 1e-12);
      const balance = c.row("Balance at maturity (LOAN.BALANCE)");
      close(balance.B, hand.r.balance);
      close(balance.C, hand.n.balance);
      const proceeds = c.row("Refinance proceeds (LOAN.MAX_LOAN)");
      close(proceeds.B, hand.r.proceeds);
      close(proceeds.C, hand.n.proceeds);
      const [gr, gn] = c.named("RefiGap");
      close(gr, hand.r.gap);
      close(gn, hand.n.gap);
    },
  );

  test("life-company (the conservative deal): no refinance gap; a stress high enough opens one under both", () => {
    const c = compute(buildDealPlan(LIFE_COMPANY));
    expect(c.named("RefiGap")).toEqual([0, 0]);
    c.set("RefiRateStress", 0.06);
    const hand = handGap(c, LIFE_COMPANY, 0.06);
    const [gr, gn] = c.named("RefiGap") as number[];
    expect(gr).toBeGreaterThan(0);
    expect(gn).toBeGreaterThan(0);
    close(gr, hand.r.gap);
    close(gn, hand.n.gap);
  });

  test("a longer term amortizes more; LoanTerm 0 takes the hold", () => {
    const c = compute(buildDealPlan(VALUE_ADD));
    const { loans, rates } = dealFigures(c);
    c.set("LoanTerm", 10);
    expect(c.named("MaturityYears")[0]).toBe(10);
    close(c.row("Balance at maturity (LOAN.BALANCE)").B, handBalance(loans.r, rates.r, 30, 10));
  });
});

describe("exit cost (issue 13, item 7)", () => {
  /** The step-down fee in year `y` of a hold with a maturity: balance × the schedule's share, 0 from maturity. */
  const stepDown = (
    loan: number,
    rate: number,
    amort: number,
    y: number,
    maturity: number,
    schedule: readonly number[],
  ) => (y >= maturity ? 0 : handBalance(loan, rate, amort, y) * (schedule[y - 1] ?? 0));

  /** The costs column by column for years 1..hold. */
  function table(c: Computed, hold: number): { r: number; n: number }[] {
    const values = c.engine.sheetValues(c.plan.sheetName);
    const head = values.findIndex((line) => line[0] === "Early sale in year");
    return Array.from({ length: hold }, (_, k) => {
      const line = values[head + 1 + k];
      expect(line[0]).toBe(k + 1);
      return { r: line[1] as number, n: line[2] as number };
    });
  }

  test("value-add (bank, both step down 5-4-3-2-1 %): balance × the year's share", () => {
    const c = compute(buildDealPlan(VALUE_ADD));
    const { loans, rates } = dealFigures(c);
    table(c, 7).forEach((row, k) => {
      close(row.r, stepDown(loans.r, rates.r, 30, k + 1, 7, STEP_DOWN_5));
      close(row.n, stepDown(loans.n, rates.n, 30, k + 1, 7, STEP_DOWN_5));
    });
    // ExitCost reads the row of the early-sale year, and follows a change of it.
    const [er, en] = c.named("ExitCost") as number[];
    close(er, stepDown(loans.r, rates.r, 30, 3, 7, STEP_DOWN_5));
    close(en, stepDown(loans.n, rates.n, 30, 3, 7, STEP_DOWN_5));
    c.set("EarlySaleYear", 1);
    close(c.named("ExitCost")[0], handBalance(loans.r, rates.r, 30, 1) * STEP_DOWN_5[0]);
  });

  test("bridge (3-year hold, interest-only): 3-2-1 % of the loan, 0 at maturity", () => {
    const c = compute(buildDealPlan(BRIDGE));
    const loan = BRIDGE.inputs.loanAmount;
    expect(table(c, 3)).toEqual([
      { r: loan * STEP_DOWN_3[0], n: loan * STEP_DOWN_3[0] },
      { r: loan * STEP_DOWN_3[1], n: loan * STEP_DOWN_3[1] },
      { r: 0, n: 0 },
    ]);
    expect(c.named("EarlySaleYear")[0]).toBe(2);
  });

  test("agency: yield maintenance, the PV of the remaining schedule at the Treasury less the balance, floor 1 %", () => {
    const c = compute(buildDealPlan(AGENCY));
    const { loans, rates } = dealFigures(c);
    const t = MARKET_2025.bases.UST10.value;
    const j = (1 + t) ** (1 / 12) - 1;
    const pay = handPayment(loans.n, rates.n, 30);
    table(c, 10).forEach((row, k) => {
      const y = k + 1;
      close(row.r, stepDown(loans.r, rates.r, 30, y, 10, STEP_DOWN_5));
      if (y === 10) return expect(row.n).toBe(0);
      const b = handBalance(loans.n, rates.n, 30, y);
      const months = 12 * (10 - y);
      let pv = 0;
      for (let m = 1; m <= months; m++) pv += pay / (1 + j) ** m;
      pv += handBalance(loans.n, rates.n, 30, 10) / (1 + j) ** months;
      close(row.n, Math.max(pv - b, EXIT_COST_DEFAULTS.ymFloor * b), 0.01);
    });
  });

  test("agency with the period ending after year 7 of 10 (Fannie Mae DUS): yield maintenance to year 7, then the floor", () => {
    const c = compute(buildDealPlan(AGENCY));
    c.set("YMEndsBeforeMaturity", 3);
    const { loans, rates } = dealFigures(c);
    const j = (1 + MARKET_2025.bases.UST10.value) ** (1 / 12) - 1;
    const pay = handPayment(loans.n, rates.n, 30);
    table(c, 10).forEach((row, k) => {
      const y = k + 1;
      const b = handBalance(loans.n, rates.n, 30, y);
      if (y === 10) return expect(row.n).toBe(0);
      if (y >= 7) return close(row.n, EXIT_COST_DEFAULTS.ymFloor * b);
      const months = 12 * (7 - y);
      let pv = handBalance(loans.n, rates.n, 30, 7) / (1 + j) ** months;
      for (let m = 1; m <= months; m++) pv += pay / (1 + j) ** m;
      close(row.n, Math.max(pv - b, EXIT_COST_DEFAULTS.ymFloor * b), 0.01);
    });
  });

  test("cmbs: defeasance, the schedule priced at the semi-annual Treasury convention less the balance, plus fees", () => {
    const c = compute(buildDealPlan(CMBS));
    const { loans, rates } = dealFigures(c);
    const t = MARKET_2025.bases.UST10.value;
    const pay = handPayment(loans.n, rates.n, 30);
    table(c, 10).forEach((row, k) => {
      const y = k + 1;
      if (y === 10) return expect(row.n).toBe(0);
      const months = 12 * (10 - y);
      const p = (m: number) => (1 + t / 2) ** -(m / 6);
      let pv = 0;
      for (let m = 1; m <= months; m++) pv += pay * p(m);
      pv += handBalance(loans.n, rates.n, 30, 10) * p(months);
      close(row.n, pv - handBalance(loans.n, rates.n, 30, y) + EXIT_COST_DEFAULTS.defeasanceFees, 0.01);
    });
  });

  test("the prepayment is an input: a step-down on the CMBS loan instead of defeasance changes ExitCost", () => {
    const c = compute(buildDealPlan(CMBS));
    const before = c.named("ExitCost")[1] as number;
    c.set("NonRecoursePrepayment", "STEP_DOWN");
    const { loans, rates } = dealFigures(c);
    close(c.named("ExitCost")[1], stepDown(loans.n, rates.n, 30, 3, 10, STEP_DOWN_5));
    expect(c.named("ExitCost")[1]).not.toBeCloseTo(before, 0);
  });

  test.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: ExitCost is a pair of numbers, at least 0", (_id, t) => {
    const c = compute(buildDealPlan(t));
    const v = c.named("ExitCost");
    expect(v).toHaveLength(2);
    for (const x of v) {
      expect(typeof x).toBe("number");
      expect(x as number).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("EarlySaleYear outside the exit-cost table: a message, not #N/A or a wrong number", () => {
  /** The summary's ExitCost row (the first row with its label: the summary is at the top). */
  const summaryRow = (c: Computed) => c.row(SUMMARY.exitCost);

  test.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: year 0, a year past the table, a fraction, text",
    (_id, t) => {
      const c = compute(buildDealPlan(t));
      const hold = Math.max(1, Math.ceil(t.inputs.holdYears));
      // The table's years are 1 to the longer of the hold and the returns table's years (so a
      // longer hold typed later still finds its year): the message names the last one.
      const last = Math.max(hold, RETURNS_YEARS);
      const message = exitCostMessage(last);
      expect(message).toBe(`EarlySaleYear must be a whole year from 1 to ${last}`);
      const good = c.named("ExitCost");
      expect(good.map((x) => typeof x)).toEqual(["number", "number"]);
      // A year of the table after the loan's maturity (the hold): repaid at maturity, no exit cost.
      if (last > hold) {
        c.set("EarlySaleYear", hold + 1);
        expect([hold + 1, c.named("ExitCost")]).toEqual([hold + 1, [0, 0]]);
      }
      for (const year of [0, last + 1, 1.5, -1, "three"]) {
        c.set("EarlySaleYear", year);
        expect([year, c.named("ExitCost")]).toEqual([year, [message, message]]);
        expect([year, c.row("Exit cost at the early sale year").D]).toEqual([year, ""]);
        const summary = summaryRow(c);
        expect([year, summary.B, summary.C, summary.D]).toEqual([year, message, message, ""]);
      }
      // A year of the table again: the figures come back, and the summary shows them.
      c.set("EarlySaleYear", hold);
      const back = c.named("ExitCost") as number[];
      expect(back.map((x) => typeof x)).toEqual(["number", "number"]);
      const table = c.engine.sheetValues(c.plan.sheetName);
      const head = table.findIndex((line) => line[0] === "Early sale in year");
      // The table's last row is its last year; the row after it is no year.
      expect([table[head + last][0], typeof table[head + last + 1][0]]).toEqual([last, "string"]);
      expect(back).toEqual([table[head + hold][1], table[head + hold][2]]);
      const summary = summaryRow(c);
      expect([summary.B, summary.C]).toEqual(back);
      expect(summary.D).toBeCloseTo(back[1] - back[0], 6);
    },
  );
});

describe("properties over the inputs (computed through the engine)", () => {
  test("a higher refinance stress never narrows the refinance gap", () => {
    const c = compute(buildDealPlan(LIFE_COMPANY));
    const gaps = (stress: number) => {
      c.set("RefiRateStress", stress);
      return c.named("RefiGap") as number[];
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const [l, h] = [gaps(lo), gaps(hi)];
          return l[0] <= h[0] + CENT && l[1] <= h[1] + CENT;
        },
      ),
      { numRuns: 12 },
    );
  });

  test("a higher Treasury yield never raises yield maintenance", () => {
    const c = compute(buildDealPlan(AGENCY));
    const ym = (t: number) => {
      c.set("PrepayTreasury", t);
      return c.named("ExitCost")[1] as number;
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0.005, max: 0.12, noNaN: true }),
        fc.double({ min: 0.005, max: 0.12, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return ym(hi) <= ym(lo) + CENT;
        },
      ),
      { numRuns: 12 },
    );
  });
});
