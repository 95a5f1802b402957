/**
 * The deal sheet's exit rows (issue 13, items 4, 5 and 7), computed by the headless engine (the
 * built add-in in dist/) and checked against values derived here by hand:
 *   - after the default: the foreclosure's tax (Publication 4681's split, methodology §13) and
 *     the lender's recovery (methodology §11), from the closed-form balance (methodology §3);
 * Tolerance: a cent (CENT) on money.
 */
import path from "path";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan } from "../src/engine/plan-writers";
import type { CellResult, EngineWorkbook } from "../src/engine/workbook";
import { buildDealPlan } from "../src/plan/deal";
import { DOWNSIDE_DEFAULTS } from "../src/plan/deal/downside";
import { RECOVERY_DEFAULTS } from "../src/plan/deal/recovery";
import { parseAddress, parseRange, type SheetPlan } from "../src/plan/plan";
import { RESIDENTIAL_RECOVERY_YEARS, TEMPLATES, VALUE_ADD } from "../src/plan/templates";

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
  const rates = { r: i.recourseRate, n: i.recourseRate + (i.rateSpread as number) };
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
    const cod = c.row("Cancellation-of-debt income, taxable");
    close(cod.B, dr - sale);
    expect(cod.C).toBe(0);
    const [tr, tn] = c.named("TaxEffect");
    close(tr, RECOVERY_DEFAULTS.taxRate * (sale - basis + dr - sale));
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
  for (const name of ["TaxEffect", "LenderRecovery", "AdjustedBasis"]) {
    const n = (plan.names ?? []).find((x) => x.name === name);
    expect(n).toBeDefined();
    const r = parseRange(n!.address);
    for (let col = r.left; col <= r.right; col++)
      expect(byAddress.has(`${String.fromCharCode(65 + col)}${r.top + 1}`)).toBe(true);
  }
  expect(parseAddress(plan.names!.find((x) => x.name === "TaxEffect")!.address.split(":")[0]).col).toBe(1);
});
