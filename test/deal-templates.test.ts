/**
 * The deal templates, built into plans and computed by the headless engine (the built
 * add-in in dist/, with Excel's built-ins from HyperFormula).
 *
 * Golden values and their sources (docs/methodology.md):
 *   - §5 worked example: premium 180,000 (interest-only view) and 181,428.35 (amortizing);
 *     surrender (with §2 case C): deficiency 1,050,000, break-even 180,000 / 1,050,000 ≈ 17.1 %.
 *   - §3 and §2 case A: a purchase-money loan on a 1–4 unit building after a trustee sale:
 *     California bars the deficiency (CCP §580d, §580b), Texas allows it: 115,000.
 *   - §8: California's lender foreclosing judicially on a bank's loan (outside §580b for a
 *     non-owner-occupied building): claim − max(sale, fair value), derived by hand in the test.
 * Shape: no cell of any template is an error; formulas refer only to cells and names that
 * exist; every constant number is a blue input; every formula is black.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { HEURISTICS } from "../src/core/domain";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan, planToXlsx } from "../src/engine/plan-writers";
import type { EngineWorkbook, CellResult } from "../src/engine/workbook";
import { buildDealPlan, DEAL_NOTES, INPUT_NAMES } from "../src/plan/deal";
import { DOWNSIDE_DEFAULTS } from "../src/plan/deal/downside";
import { DEFAULT_PRICE_GROWTH, FAIR_VOLATILITIES } from "../src/plan/deal/fair";
import { parseAddress, parseRange } from "../src/plan/a1";
import { FORMULA_COLOR, INPUT_COLOR, type SheetPlan } from "../src/plan/plan";
import { MARKET_2025 } from "../src/plan/market";
import { findTemplate, TEMPLATES } from "../src/plan/templates";
import { agrees, premiumRef } from "./reference";
import { bsPut, lognormalBelow, normCdf } from "./bsm-reference";
import { RESIDENTIAL_CA_TX } from "../src/plan/templates/residential";
import { VALUE_ADD } from "../src/plan/templates/value-add";

const CENT = 0.005;
const addin = loadAddin(path.resolve(__dirname, "..", "dist"));

interface Computed {
  plan: SheetPlan;
  engine: EngineWorkbook;
  /** The computed row whose column-A text is `label` (the first one at or after `from`). */
  row(label: string, from?: number): { row: number; B: CellResult; C: CellResult; D: CellResult };
}

const opened: EngineWorkbook[] = [];
afterAll(() => opened.forEach((e) => e.destroy()));

function compute(plan: SheetPlan): Computed {
  const engine = evaluatePlan(addin, plan);
  opened.push(engine);
  const values = engine.sheetValues(plan.sheetName);
  return {
    plan,
    engine,
    row(label, from = 0) {
      const r = values.findIndex((line, i) => i >= from && line[0] === label);
      if (r < 0) throw new Error(`no row labelled ${label}`);
      return { row: r, B: values[r][1] ?? null, C: values[r][2] ?? null, D: values[r][3] ?? null };
    },
  };
}

function scenarioStart(c: Computed, n: number): number {
  const values = c.engine.sheetValues(c.plan.sheetName);
  const r = values.findIndex((line) => typeof line[0] === "string" && line[0].startsWith(`Scenario ${n}:`));
  if (r < 0) throw new Error(`no scenario ${n}`);
  return r;
}

/** Strips string literals, then lists cell references and bare names in a formula. */
function references(formula: string): { cells: string[]; names: string[] } {
  const body = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const cells: string[] = [];
  const names: string[] = [];
  // A reference may carry "$" before its column and its row ($A5, B$4, $B$4).
  for (const m of body.matchAll(
    /(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3}\$?[0-9]+(?![A-Za-z0-9_.(])|[A-Za-z_][A-Za-z0-9_.]*(?![A-Za-z0-9_.]*\())/g,
  )) {
    const token = m[1];
    if (/^\$?[A-Z]{1,3}\$?[0-9]+$/.test(token)) cells.push(token.replace(/\$/g, ""));
    else names.push(token);
  }
  return { cells, names };
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s", (_id, template) => {
  const plan = buildDealPlan(template);
  const byAddress = new Map(plan.cells.map((c) => [c.address, c]));
  const names = new Map((plan.names ?? []).map((n) => [n.name.toLowerCase(), n]));

  test("no cell evaluates to an error", () => {
    const c = compute(plan);
    const errors = plan.cells.flatMap((cell) => {
      const { row, col } = parseAddress(cell.address);
      const v = c.engine.value(plan.sheetName, row, col);
      return v !== null && typeof v === "object"
        ? [`${cell.address} ${v.error} ${v.message ?? ""} ${cell.formula}`]
        : [];
    });
    expect(errors).toEqual([]);
  });

  test("addresses are unique single cells; each holds a value or a formula", () => {
    expect(byAddress.size).toBe(plan.cells.length);
    for (const cell of plan.cells) {
      expect(cell.address).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
      expect([cell.value !== undefined, cell.formula !== undefined].filter(Boolean)).toHaveLength(1);
    }
  });

  test("formulas refer only to plan cells and names that exist; names point into the plan", () => {
    for (const cell of plan.cells.filter((x) => x.formula !== undefined)) {
      const refs = references(cell.formula as string);
      for (const ref of refs.cells) expect([cell.address, ref, byAddress.has(ref)]).toEqual([cell.address, ref, true]);
      for (const name of refs.names)
        expect([cell.address, name, names.has(name.toLowerCase())]).toEqual([cell.address, name, true]);
    }
    for (const n of plan.names ?? []) {
      expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(n.name).not.toMatch(/^[A-Za-z]{1,3}[0-9]+$/);
      const r = parseRange(n.address);
      for (let row = r.top; row <= r.bottom; row++)
        expect(byAddress.has(`${n.address.replace(/[0-9:].*$/, "")}${row + 1}`)).toBe(true);
    }
  });

  test("every constant number or flag is a blue input; every formula is black and LOAN.* or built-in", () => {
    for (const cell of plan.cells) {
      if (typeof cell.value === "number" || typeof cell.value === "boolean")
        expect([cell.address, cell.fontColor]).toEqual([cell.address, INPUT_COLOR]);
      if (cell.formula !== undefined) {
        expect([cell.address, cell.fontColor]).toEqual([cell.address, FORMULA_COLOR]);
        expect(cell.formula).not.toMatch(/\b(TRUE|FALSE)\b(?!\()/);
      }
    }
  });

  test("every input has its sheet-scoped name", () => {
    const inputNames = Object.entries(INPUT_NAMES).map(([, n]) => n.toLowerCase());
    for (const n of inputNames) expect(names.has(n)).toBe(true);
  });

  test("frozen header, widths, a chart over the sensitivity table, the disclaimer", () => {
    expect(plan.freeze?.rows).toBeGreaterThan(0);
    expect(plan.columnWidths.length).toBeGreaterThan(3);
    const chart = plan.chart;
    // per structure (and per state's law where two are compared: test/print-chart.test.ts)
    expect(chart?.series.map((s) => s.name.replace(/ \(\w+ law\)$/, ""))).toEqual(
      template.compareState ? ["Recourse", "Non-recourse", "Recourse", "Non-recourse"] : ["Recourse", "Non-recourse"],
    );
    for (const ref of [chart?.categories, ...(chart?.series ?? []).map((s) => s.values)]) {
      const r = parseRange(ref as string);
      expect(r.bottom - r.top + 1).toBe(template.sensitivity.length);
      for (let row = r.top; row <= r.bottom; row++) {
        const cell = byAddress.get(`${(ref as string)[0]}${row + 1}`);
        // the categories are the sensitivity list's shares (inputs); the series, formulas
        if (ref === chart?.categories) expect(cell?.value).toBe(template.sensitivity[row - r.top]);
        else expect(cell?.formula).toBeDefined();
      }
    }
    expect(plan.cells.some((c) => c.value === DEAL_NOTES.disclaimer)).toBe(true);
    expect(DEAL_NOTES.disclaimer).toMatch(/not legal, tax or investment advice/);
  });

  test("rates and points: the override input, or the market table's for the template's lenders", () => {
    for (const key of ["recourseRate", "nonRecourseRate", "recoursePoints", "nonRecoursePoints"] as const) {
      const name = (plan.names ?? []).find((n) => n.name === INPUT_NAMES[key]);
      expect([key, byAddress.get(name?.address ?? "")?.value]).toEqual([key, template.inputs[key]]);
    }
  });

  test("every input the template sets has a source", () => {
    for (const key of ["propertyValue", "noi", "recourseRate", "nonRecourseRate", "recoursePoints", "state"] as const) {
      expect([key, typeof template.sources[key]]).toEqual([key, "string"]);
    }
  });
});

describe("value-add worked example (methodology §6, §5 case C)", () => {
  const c = compute(buildDealPlan(VALUE_ADD));

  test("rates, points, payments and balances", () => {
    expect(c.row("Annual rate").B).toBeCloseTo(0.0685, 12);
    expect(c.row("Annual rate").C).toBeCloseTo(0.0735, 12);
    expect(c.row("Loan amount").B).toBe(4_500_000);
    expect(Math.abs((c.row("Monthly payment").B as number) - 29486.66)).toBeLessThan(CENT);
    expect(Math.abs((c.row("Monthly payment").C as number) - 31003.75)).toBeLessThan(CENT);
    expect(Math.abs((c.row("Balance at the end of the hold").B as number) - 4091975.82)).toBeLessThan(CENT);
    expect(Math.abs((c.row("Balance at the end of the hold").C as number) - 4123469.4)).toBeLessThan(CENT);
  });

  test("premium 180,000 interest-only and 181,428.35 amortizing; PremiumPV at the risk-free rate", () => {
    expect(c.row("Interest and points over the hold, the two quotes (interest-only view)").D).toBe(180000);
    expect(
      Math.abs(
        (c.row("The quotes' difference, amortizing view (payments, balance at exit, points)").D as number) - 181428.35,
      ),
    ).toBeLessThan(CENT);
    // One lender's two quotes (the worked example's bank): their difference is the price of non-recourse,
    // discounted monthly at the 10-year Treasury (4.08 %, semi-annual) as a continuous rate, 2·ln(1 + y/2),
    // turned monthly: 12·(e^(r/12) − 1). By explicit cash flows in 60 digits (test/reference.ts).
    const rf = 2 * Math.log(1 + 0.0408 / 2);
    const want = premiumRef(4_500_000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30, 12 * Math.expm1(rf / 12));
    const pv = c.row("Premium of non-recourse, like for like, present value (PremiumPV)").D as number;
    expect(agrees(pv, want)).toBe(true);
    // The figure, at the risk-free rate: 157,055.
    expect(Math.round(pv)).toBe(157_055);
  });

  test("pro forma and rents −15 %: debt covered, no deficiency; rents −35 %: surrender, deficiency 1,050,000", () => {
    for (const n of [1, 2]) {
      const at = scenarioStart(c, n);
      expect(c.row("DSCR", at).B as number).toBeGreaterThan(1);
      expect(c.row("DSCR", at).C as number).toBeGreaterThan(1);
      expect(c.row("Deficiency (LOAN.DEFICIENCY)", at).B).toBe(0);
    }
    const at = scenarioStart(c, 3);
    expect(c.row("DSCR", at).B as number).toBeLessThan(1);
    expect(c.row("Claim (principal, interest, fees, costs)", at).B).toBe(4_650_000);
    expect(c.row("Deficiency (LOAN.DEFICIENCY)", at).B).toBe(1_050_000);
    expect(c.row("Deficiency (LOAN.DEFICIENCY)", at).C).toBe(1_050_000);
    // Owed personally under A (Texas allows it), the lender's loss under B (no carveout).
    expect(c.row("Personal exposure under TX law", at).B).toBe(1_050_000);
    expect(c.row("Personal exposure under TX law", at).C).toBe(0);
  });

  test("break-even ≈ 17.1 % (180,000 / 1,050,000)", () => {
    const p = c.row("Break-even default probability (TX law)").D as number;
    expect(p).toBeCloseTo(180000 / 1050000, 12);
    expect(p).toBeCloseTo(0.171, 3);
  });

  test("both structures qualify; the reading leans non-recourse (value-add execution risk)", () => {
    expect(c.row("Qualification (LOAN.QUALIFY)").B).toBe("OK");
    expect(c.row("Qualification (LOAN.QUALIFY)").C).toBe("OK");
    expect(c.row("execution risk (value-add, lease-up, repositioning)").B).toBe(true);
    expect(c.row("Reading").B).toMatch(/^Leans non-recourse: 2 of 4 signs, 2 of 5 recourse conditions/);
    expect(c.row("Heuristics lean").B).toBe("non-recourse");
  });

  test("a sprung full-recourse carveout makes the non-recourse sponsor owe the deficiency", () => {
    const f = compute(buildDealPlan(VALUE_ADD, {}, { carveouts: [{ code: "FRAUD", loss: 0 }] }));
    const at = scenarioStart(f, 3);
    expect(f.row("Personal exposure under TX law", at).C).toBe(1_050_000);
    expect(f.row("Break-even default probability (TX law)").D).toBe("no personal exposure to insure");
    const w = compute(
      buildDealPlan(
        VALUE_ADD,
        {},
        {
          carveouts: [
            { code: "WASTE", loss: 120_000 },
            { code: "RENTS", loss: 80_000 },
          ],
        },
      ),
    );
    expect(w.row("Personal exposure under TX law", scenarioStart(w, 3)).C).toBe(200_000);
  });

  test("in California after a trustee sale the lender may pursue nothing (CCP 580d)", () => {
    const ca = compute(buildDealPlan(VALUE_ADD, { foreclosure: "NONJUDICIAL" }, { state: "CA" }));
    const at = scenarioStart(ca, 3);
    expect(ca.row("Lender may pursue under CA law", at).B).toBe(0);
    expect(ca.row("Personal exposure under CA law", at).B).toBe(0);
  });

  test("…so its best remedy in California is a judicial foreclosure: the fair-value-limited deficiency (580a, 726)", () => {
    const ca = compute(buildDealPlan(VALUE_ADD, {}, { state: "CA" }));
    const at = scenarioStart(ca, 3);
    expect(ca.row("The lender's remedy under CA law").B).toBe("JUDICIAL");
    // The scenario's sale is at the property's value, so claim − max(sale, value) is the whole deficiency.
    expect(ca.row("Lender may pursue under CA law", at).B).toBe(1_050_000);
  });

  test("in Washington (trustee sale) the borrower owes nothing but a commercial loan's guarantor does (RCW 61.24.100(3)(c))", () => {
    const wa = compute(buildDealPlan(VALUE_ADD, {}, { state: "WA" }));
    const at = scenarioStart(wa, 3);
    expect(wa.row("Lender may pursue under WA law", at).B).toBe(0);
    // The guarantee covers what the lender may pursue from the guarantor: the shortfall, no
    // fair market value being given (methodology §8).
    const exposure = wa.row("Personal exposure under WA law", at).B as number;
    const tx = compute(buildDealPlan(VALUE_ADD, {}, { state: "TX" }));
    expect(exposure).toBeGreaterThan(0);
    expect(exposure).toBe(tx.row("Personal exposure under TX law", scenarioStart(tx, 3)).B);
  });

  test("a loan amount of 0 sizes each structure with its own LOAN.MAX_LOAN", () => {
    const sized = compute(buildDealPlan(VALUE_ADD, { loanAmount: 0 }));
    const max = sized.row("Largest loan (LOAN.MAX_LOAN)");
    expect(sized.row("Loan amount").B).toBe(Math.floor((max.B as number) / 1000) * 1000);
    expect(sized.row("Loan amount").C).toBe(Math.floor((max.C as number) / 1000) * 1000);
  });
});

describe("the reading's criteria: the core's heuristics, on the sheet as named inputs", () => {
  const plan = buildDealPlan(VALUE_ADD);
  const named = new Map((plan.names ?? []).map((n) => [n.name, n.address]));
  const valueOf = (name: string) => plan.cells.find((cell) => cell.address === named.get(name))?.value;

  test("each criterion is a blue input holding HEURISTICS' figure", () => {
    expect(valueOf("ReadingRecourseMaxLTV")).toBe(HEURISTICS.recourseMaxLtv);
    expect(valueOf("ReadingMinNetWorth")).toBe(HEURISTICS.minNetWorthMultiple);
    expect(valueOf("ReadingMinLiquidity")).toBe(HEURISTICS.minLiquidityShare);
    expect(valueOf("ReadingPremiumRate")).toBe(HEURISTICS.premiumRateSpread);
    expect(valueOf("ReadingPremiumPoints")).toBe(HEURISTICS.premiumPoints);
    expect(valueOf("ReadingNonRecourseMinLTV")).toBe(HEURISTICS.nonRecourseMinLtv);
    expect(valueOf("ReadingRecourseMinConditions")).toBe(HEURISTICS.recourseMinConditions);
  });

  test("no heuristic figure is typed into a formula", () => {
    for (const cell of plan.cells.filter((x) => x.formula !== undefined))
      expect([cell.address, cell.formula]).not.toEqual([
        cell.address,
        expect.stringMatching(/(?<![0-9.])0\.(65|7|0075|01|1)(?![0-9])|>=3\b/),
      ]);
  });

  test("the labels quote the criteria; changing one changes the reading", () => {
    const c = compute(plan);
    // LTV 4,500,000 / 6,450,000 ≈ 69.8 %: neither at most 65 % nor at least 70 %.
    expect(c.row("LTV ≤ 65 %").B).toBe(false);
    expect(c.row("LTV ≥ 70 %").B).toBe(false);
    // Premium 180,000 against 4,500,000 × (0.0075 × 7 + 0.01) = 281,250.
    expect(c.row("non-recourse costs more than 75 bps a year + 1 point").B).toBe(false);
    const { row, col } = parseAddress(named.get("ReadingNonRecourseMinLTV")!);
    /** Whether the condition labelled `label` holds, as the sheet computes it now. */
    const holds = (label: string) => c.engine.sheetValues(plan.sheetName).find((line) => line[0] === label)?.[1];
    c.engine.setCells(plan.sheetName, row, col, [[0.6]]);
    expect(holds("LTV ≥ 60 %")).toBe(true);
    const p = parseAddress(named.get("ReadingPremiumRate")!);
    c.engine.setCells(plan.sheetName, p.row, p.col, [[0.0001]]);
    // 4,500,000 × (0.0001 × 7 + 0.01) = 48,150 < 180,000.
    expect(holds("non-recourse costs more than 1 bps a year + 1 point")).toBe(true);
  });
});

describe("residential 1–4 units: California vs Texas (methodology §8, §5 case A)", () => {
  // Case A is a trustee sale: the facts below are the trustee sale's, the lender's best remedy after them.
  const c = compute(buildDealPlan(RESIDENTIAL_CA_TX, { foreclosure: "NONJUDICIAL" }));
  const at = scenarioStart(c, 3);

  test("the deficiency is 115,000", () => {
    expect(c.row("Deficiency (LOAN.DEFICIENCY)", at).B).toBe(115_000);
  });

  test("California: the lender may pursue 0; Texas: the full deficiency", () => {
    expect(c.row("Lender may pursue under CA law", at).B).toBe(0);
    expect(c.row("Personal exposure under CA law", at).B).toBe(0);
    expect(c.row("Lender may pursue under TX law", at).B).toBe(115_000);
    expect(c.row("Personal exposure under TX law", at).B).toBe(115_000);
    expect(c.row("Break-even default probability (CA law)").D).toBe("no personal exposure to insure");
    expect(c.row("Break-even default probability (TX law)").D as number).toBeGreaterThan(0);
  });

  test("California's lender foreclosing judicially instead: claim − max(sale, fair value), §580a/§726", () => {
    // Hand value from the template's downside (methodology §5 case A) and its fair-value assumption.
    const downside = RESIDENTIAL_CA_TX.scenarios[2];
    const remedy = RESIDENTIAL_CA_TX.alternativeRemedy!;
    const { accruedInterest, foreclosureCosts } = RESIDENTIAL_CA_TX.inputs;
    const claim = downside.unpaidPrincipal! + accruedInterest + foreclosureCosts;
    expect(claim).toBe(535_000);
    expect(downside.salePrice).toBe(420_000);
    const hand = Math.max(0, claim - Math.max(downside.salePrice!, remedy.fairMarketValue));
    expect(hand).toBeGreaterThan(0);
    const row = c.row(remedy.label);
    expect(row.B).toBe(hand);
    expect(row.C).toBe(hand);
    expect(row.D).toBe(0);
    // The trustee sale and Texas rows are unchanged.
    expect(c.row("Lender may pursue under CA law", at).B).toBe(0);
    expect(c.row("Lender may pursue under TX law", at).B).toBe(115_000);
  });

  test("the lender's best remedy in California is the judicial foreclosure: claim − max(sale, value) (580a, 726)", () => {
    const best = compute(buildDealPlan(RESIDENTIAL_CA_TX));
    const from = scenarioStart(best, 3);
    expect(best.row("The lender's remedy under CA law").B).toBe("JUDICIAL");
    // A bank loan on a building the borrower does not occupy is outside 580b (the deal's override, R+P+O);
    // at the scenario's sale price as the value, 535,000 − 420,000.
    expect(best.row("Lender may pursue under CA law", from).B).toBe(115_000);
    // Texas allows the deficiency after a trustee sale: the lender keeps that remedy there.
    expect(best.row("The lender's remedy under TX law").B).toBe("NONJUDICIAL");
  });

  test("without the override the table cannot tell a bank loan from a carryback: #N/A", () => {
    const remedy = RESIDENTIAL_CA_TX.alternativeRemedy!;
    const plain = compute(buildDealPlan({ ...RESIDENTIAL_CA_TX, alternativeRemedy: { ...remedy, overrides: [] } }));
    const v = plain.row(remedy.label).B as { error: string; message?: string };
    expect(v.error).toBe("#N/A");
    expect(v.message).toMatch(/RESIDENTIAL_BAR/);
  });

  test("with the fair value at or below the sale price, the limit leaves claim − sale", () => {
    const remedy = RESIDENTIAL_CA_TX.alternativeRemedy!;
    const low = compute(
      buildDealPlan({ ...RESIDENTIAL_CA_TX, alternativeRemedy: { ...remedy, fairMarketValue: 400_000 } }),
    );
    // 535,000 − max(420,000, 400,000) = 115,000 (methodology §5 case A).
    expect(low.row(remedy.label).B).toBe(115_000);
  });
});

test("docs/templates.md has a row for every template of the registry", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "docs", "templates.md"), "utf8");
  expect(TEMPLATES.filter((t) => !doc.includes(`| \`${t.id}\` |`)).map((t) => t.id)).toEqual([]);
});

describe("templates by id", () => {
  test("the registry's templates have unique ids and sheet names, and are found case-insensitively", () => {
    expect(TEMPLATES.length).toBeGreaterThan(0);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => t.sheetName)).size).toBe(TEMPLATES.length);
    for (const t of TEMPLATES) expect(findTemplate(` ${t.id.toUpperCase()} `)).toBe(t);
    expect(findTemplate(" Value-Add ")).toBe(VALUE_ADD);
    expect(findTemplate("nope")).toBeUndefined();
  });
});

describe("exported .xlsx (planToXlsx)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-deal-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: cached values equal the engine's", async (_id, template) => {
    const plan = buildDealPlan(template);
    const file = path.join(dir, `${template.id}.xlsx`);
    const result = await planToXlsx(addin, plan, file);
    expect(result.errors).toEqual([]);
    const engine = compute(plan).engine;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet(plan.sheetName);
    expect(ws).toBeDefined();
    for (const cell of plan.cells.filter((x) => x.formula !== undefined)) {
      const { row, col } = parseAddress(cell.address);
      const expected = engine.value(plan.sheetName, row, col);
      const got = ws?.getCell(row + 1, col + 1).value as ExcelJS.CellFormulaValue;
      expect(got.formula).toBe((cell.formula as string).slice(1));
      // ExcelJS reads a cached 0 (and FALSE, stored as 0) back as no result.
      if (expected === 0 || expected === false) expect(got.result ?? expected).toBe(expected);
      else expect([cell.address, got.result]).toEqual([cell.address, expected]);
    }
    expect(book.definedNames.getRanges("ProFormaNOI").ranges.length).toBeGreaterThan(0);
  });
});

/** Balance after `years` of monthly payments (closed form, methodology §3), `ioYears` of them interest-only first. */
function handBalance(loan: number, rate: number, amort: number, years: number, ioYears: number): number {
  const i = rate / 12;
  const k = (years - ioYears) * 12;
  if (k <= 0) return loan;
  const pay = (loan * i) / (1 - (1 + i) ** -(amort * 12));
  return loan * (1 + i) ** k - (pay * ((1 + i) ** k - 1)) / i;
}

describe("time-aware downside (issue 13, item 4)", () => {
  test("value-add: unpaid at the year-3 default is the hand-derived balance plus six months' interest", () => {
    const c = compute(buildDealPlan(VALUE_ADD));
    const u = c.row("Unpaid principal at the default (LOAN.BALANCE)");
    const br = handBalance(4_500_000, 0.0685, 30, 3, 0);
    const bn = handBalance(4_500_000, 0.0735, 30, 3, 0);
    expect(Math.abs((u.B as number) - br)).toBeLessThan(CENT);
    expect(Math.abs((u.C as number) - bn)).toBeLessThan(CENT);
    expect(Math.abs((c.row("Interest accrued to the sale").B as number) - (br * 0.0685 * 6) / 12)).toBeLessThan(CENT);
    // Sale: 65 % of the 500,000 NOI at the going-in cap 500,000 / 6,450,000 plus 1 %.
    const sale = (0.65 * 500_000) / (500_000 / 6_450_000 + 0.01);
    expect(Math.abs((c.row("Sale price at the default").B as number) - sale)).toBeLessThan(CENT);
    const def = br + (br * 0.0685 * 6) / 12 + 250_000 - sale;
    expect(Math.abs((c.row("Deficiency at the default (LOAN.DEFICIENCY)").B as number) - def)).toBeLessThan(CENT);
    expect(Math.abs((c.row("Personal exposure at the default under TX law").B as number) - def)).toBeLessThan(CENT);
    expect(c.row("Personal exposure at the default under TX law").C).toBe(0);
    // The worked surrender case stays beside it (4.4 M unpaid, 3.6 M sale, 1,050,000).
    expect(c.row("Deficiency (LOAN.DEFICIENCY)", scenarioStart(c, 3)).B).toBe(1_050_000);
  });

  test("a later default year leaves a smaller unpaid principal (amortization)", () => {
    const c = compute(buildDealPlan({ ...VALUE_ADD, downside: { defaultYear: 6 } }));
    const u = c.row("Unpaid principal at the default (LOAN.BALANCE)").B as number;
    expect(Math.abs(u - handBalance(4_500_000, 0.0685, 30, 6, 0))).toBeLessThan(CENT);
  });

  test.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: a 10 %% smaller loan scales UnpaidAtDefault and the premium (PV, interest-only, amortizing) by 0.9 (linear in the loan)",
    (_id, template) => {
      // The analyst's loan (LoanInput > 0) applies to both structures: the template's recourse loan.
      const loan = compute(buildDealPlan(template)).row("Loan amount").B as number;
      const base = compute(buildDealPlan(template, { loanAmount: loan }));
      expect(base.row("Loan amount").C).toBe(loan);
      const small = compute(buildDealPlan(template, { loanAmount: loan * 0.9 }));
      const named = (c: Computed, name: string): number[] => {
        const n = (c.plan.names ?? []).find((x) => x.name === name);
        if (!n) throw new Error(`no name ${name}`);
        const r = parseRange(n.address);
        const out: number[] = [];
        for (let col = r.left; col <= r.right; col++) out.push(c.engine.value(c.plan.sheetName, r.top, col) as number);
        return out;
      };
      const [ur, un] = named(base, "UnpaidAtDefault");
      const [sr, sn] = named(small, "UnpaidAtDefault");
      const io = template.inputs.interestOnly;
      expect(
        Math.abs(
          ur - handBalance(loan, base.row("Annual rate").B as number, template.inputs.amortYears, 3, io ? 3 : 0),
        ),
      ).toBeLessThan(CENT);
      expect(sr).not.toBeCloseTo(ur, 0);
      expect(Math.abs(sr - 0.9 * ur)).toBeLessThan(CENT);
      expect(Math.abs(sn - 0.9 * un)).toBeLessThan(CENT);
      const [pv] = named(base, "PremiumPV");
      const [spv] = named(small, "PremiumPV");
      // market rates can make non-recourse the cheaper loan (a negative premium): what matters is that it scales
      expect(Math.abs(pv)).toBeGreaterThan(1);
      expect(Math.abs(spv - 0.9 * pv)).toBeLessThan(CENT);
      // The premium's undiscounted views too: interest and points, and payments plus the balance at exit.
      for (const label of [
        "Interest and points over the hold, the two quotes (interest-only view)",
        "The quotes' difference, amortizing view (payments, balance at exit, points)",
      ]) {
        const p = base.row(label).D as number;
        expect([label, Math.abs(p) > 1]).toEqual([label, true]); // negative where non-recourse is cheaper
        expect([label, Math.abs((small.row(label).D as number) - 0.9 * p) < CENT]).toEqual([label, true]);
      }
      for (const name of ["LoanInput", "DefaultYear", "PutValue"]) expect(typeof named(base, name)[0]).toBe("number");
    },
  );
});

function namedValue(c: Computed, name: string): CellResult {
  const n = (c.plan.names ?? []).find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const r = parseRange(n.address);
  return c.engine.value(c.plan.sheetName, r.top, r.left);
}

/** The computed row labelled `label`, columns B onward. */
function rowValues(c: Computed, label: string): CellResult[] {
  const values = c.engine.sheetValues(c.plan.sheetName);
  const r = values.findIndex((line) => line[0] === label);
  if (r < 0) throw new Error(`no row labelled ${label}`);
  return values[r].slice(1);
}

const relClose = (got: unknown, want: number, tol = 1e-9): void => {
  expect(typeof got).toBe("number");
  expect(Math.abs((got as number) - want) / Math.abs(want)).toBeLessThan(tol);
};

describe("is the premium fair? (issue 12, deal templates)", () => {
  const c = compute(buildDealPlan(VALUE_ADD));
  const i = VALUE_ADD.inputs;
  const v = i.propertyValue;
  const q = i.noi / i.propertyValue;
  const t = i.holdYears;
  const { volatility: sigma } = DOWNSIDE_DEFAULTS;
  // The risk-free rate: the market table's 10-year Treasury yield (semi-annual, bond-equivalent:
  // (1 + y/2)² a year) as the continuous rate with the same growth, 2·ln(1 + y/2).
  const treasury = MARKET_2025.bases.UST10.value;
  const r = 2 * Math.log(1 + treasury / 2);
  // The strike: the non-recourse balance at the hold (checked above against 4,123,469.40), with the
  // interest accrued to the sale that the downside counts (six months at 7.35 %), plus costs.
  const balance = c.row("Balance at the end of the hold").C as number;
  const k = balance * (1 + (0.0735 * DOWNSIDE_DEFAULTS.accruedMonths) / 12) + i.foreclosureCosts;
  // What recourse could collect: the sponsor's liquidity (600,000), within the full guarantee.
  const capacity = i.liquidity;
  const spread = (vol: number) => bsPut(v, k, t, vol, r, q) - bsPut(v, k - capacity, t, vol, r, q);

  test("our normal CDF against 30-digit references (mpmath ncdf; A&S table 26.1 to 15 digits)", () => {
    expect(Math.abs(normCdf(1) - 0.841344746068543)).toBeLessThan(1e-15);
    expect(Math.abs(normCdf(-2) - 0.022750131948179)).toBeLessThan(1e-15);
    relClose(normCdf(-5), 2.866515718791939e-7, 1e-12);
  });

  test("the risk-free rate is the market table's Treasury as a continuous rate, and follows it", () => {
    expect(r).toBeGreaterThan(0.04);
    expect(r).toBeLessThan(treasury);
    relClose(namedValue(c, "RiskFreeRate"), r, 1e-12);
    const treasuryName = (c.plan.names ?? []).find((n) => n.name === "MarketTreasury10Y");
    const at = parseRange(treasuryName?.address ?? "");
    const moved = compute(buildDealPlan(VALUE_ADD));
    moved.engine.setCells(moved.plan.sheetName, at.top, at.left, [[0.05]]);
    relClose(namedValue(moved, "RiskFreeRate"), 2 * Math.log(1.025), 1e-12);
    expect(namedValue(moved, "PutValue")).not.toBe(namedValue(c, "PutValue"));
  });

  test("the put value is the closed-form Black–Scholes put at the deal's figures (1e-9 relative)", () => {
    expect(k).toBeGreaterThan(4_000_000);
    relClose(namedValue(c, "HoldClaim"), k, 1e-12);
    const put = bsPut(v, k, t, sigma, r, q);
    expect(put).toBeGreaterThan(0);
    relClose(namedValue(c, "PutValue"), put);
    // The figure with the accrued interest in the strike (at its 20 % volatility): 589,456.
    expect(Math.round(put)).toBe(589_456);
    relClose(namedValue(c, "IncomeYield"), q, 1e-15);
  });

  test("the protection value is the put spread P(K) − P(K − 600,000), below the whole put (issue 21)", () => {
    const want = spread(sigma);
    relClose(namedValue(c, "ProtectionValue"), want);
    expect(want).toBeLessThan(bsPut(v, k, t, sigma, r, q));
    expect(namedValue(c, "CollectibleCapacity")).toBe(600_000);
    relClose(c.row("Present value: the protection against the premium").B, want);
    expect(c.row("Present value: the protection against the premium").C).toBe(namedValue(c, "PremiumPV"));
  });

  test("the fair spread is the protection over the loan's continuous annuity at the risk-free rate", () => {
    // s·L·∫₀ᵀ e^(−r·u) du = protection, ∫₀ᵀ e^(−r·u) du = (1 − e^(−rT))/r.
    const annuity = (1 - Math.exp(-r * t)) / r;
    relClose(namedValue(c, "FairSpread"), spread(sigma) / (i.loanAmount * annuity));
    // Against the same lender's rate premium: the worked example's 50 bp.
    relClose(c.row("Rate a year: fair spread (LOAN.FAIR_SPREAD) against the rate premium").C, 0.005, 1e-12);
  });

  test("default probability at the hold: real-world at price growth + income yield, and risk-neutral", () => {
    // The real-world drift of the price is its growth (2 %): the total return passed is growth + the yield.
    const real = lognormalBelow(v, k, t, sigma, DEFAULT_PRICE_GROWTH + q, q);
    const neutral = lognormalBelow(v, k, t, sigma, r, q);
    relClose(namedValue(c, "DefaultProbabilityReal"), real);
    relClose(namedValue(c, "DefaultProbabilityRiskNeutral"), neutral);
    // A risk premium (growth + yield > r) makes the real-world probability the lower one.
    expect(DEFAULT_PRICE_GROWTH + q).toBeGreaterThan(r);
    expect(real).toBeLessThan(neutral);
  });

  test("over volatility 5 %–30 % the protection rises and the 'exceeds the premium' flag flips from no to yes", () => {
    const vols = rowValues(c, "Volatility (assumption, see methodology §16)").slice(0, FAIR_VOLATILITIES.length);
    expect(vols).toEqual([...FAIR_VOLATILITIES]);
    const puts = rowValues(c, "Protection value (LOAN.PROTECTION_VALUE)").slice(0, vols.length) as number[];
    puts.forEach((p, j) => relClose(p, spread(FAIR_VOLATILITIES[j])));
    const pv = namedValue(c, "PremiumPV") as number;
    const flags = rowValues(c, "Protection value exceeds the premium's PV?").slice(0, vols.length);
    expect(flags).toEqual(puts.map((p) => (p > pv ? "yes" : "no")));
    expect(flags[0]).toBe("no");
    expect(flags[flags.length - 1]).toBe("yes");
    const flip = flags.indexOf("yes");
    expect(flags.slice(flip).every((f) => f === "yes")).toBe(true);
    expect(c.row("The verdict flips").B).toBe(
      `between ${Math.round(FAIR_VOLATILITIES[flip - 1] * 100)} % and ${Math.round(FAIR_VOLATILITIES[flip] * 100)} %`,
    );
  });
});
