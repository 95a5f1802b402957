/**
 * The dated market table (src/plan/market.ts, methodology §14) and the rates the templates
 * take from it. Expected rates are computed here from the table's data (base rate + spread),
 * never typed: the test checks that the sheet's formulas carry the data through, that an
 * analyst's override replaces the table's figure, and that every figure is dated and sourced.
 */
import fs from "fs";
import path from "path";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan } from "../src/engine/plan-writers";
import type { EngineWorkbook } from "../src/engine/workbook";
import { buildDealPlan, INPUT_NAMES } from "../src/plan/deal";
import { BASE_NAMES, lenderName, MARKET_NAMES, sourceNote } from "../src/plan/deal/market";
import {
  excelDate,
  MARKET_2025,
  MARKET_LENDERS,
  marketRate,
  marketRow,
  todayIso,
  type MarketFigure,
} from "../src/plan/market";
import { parseAddress } from "../src/plan/a1";
import { type SheetPlan } from "../src/plan/plan";
import { TEMPLATES } from "../src/plan/templates";
import { AGENCY } from "../src/plan/templates/agency";
import { VALUE_ADD } from "../src/plan/templates/value-add";
import type { DealInputs, DealTemplate } from "../src/plan/templates/types";

const addin = loadAddin(path.resolve(__dirname, "..", "dist"));
const opened: EngineWorkbook[] = [];
afterAll(() => opened.forEach((e) => e.destroy()));

/** The computed value of a named cell of a plan. */
function computeNamed(plan: SheetPlan): (name: string) => unknown {
  const engine = evaluatePlan(addin, plan);
  opened.push(engine);
  return (name) => {
    const n = (plan.names ?? []).find((x) => x.name === name);
    if (!n) throw new Error(`no name ${name}`);
    const { row, col } = parseAddress(n.address);
    return engine.value(plan.sheetName, row, col);
  };
}

/** Every figure of the table, with where it sits. */
function figures(): [string, MarketFigure][] {
  const t = MARKET_2025;
  return [
    ...Object.entries(t.bases).map(([k, f]) => [`base ${k}`, f] as [string, MarketFigure]),
    ...t.rows.flatMap((r) =>
      (["spread", "points", "maxLtv", "minDscr"] as const).map(
        (m) => [`${r.lender} ${m}`, r[m]] as [string, MarketFigure],
      ),
    ),
    ...t.agencyTiers.map((x) => [`agency tier ${x.maxLtv}`, x.spread] as [string, MarketFigure]),
    ["average commercial", t.averageSpreads.commercial],
    ["average multifamily", t.averageSpreads.multifamily],
  ];
}

/** A period's first day, to compare with the table's date: 2025-Q3 → 2025-07-01. */
function periodStart(asOf: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(asOf);
  if (q) return `${q[1]}-${String(3 * Number(q[2]) - 2).padStart(2, "0")}-01`;
  if (/^\d{4}$/.test(asOf)) return `${asOf}-01-01`;
  if (/^\d{4}-\d{2}$/.test(asOf)) return `${asOf}-01`;
  return asOf;
}

describe("the market table's data", () => {
  test.each(figures())("%s has an as-of date no later than the table's and a source", (_where, f) => {
    expect(f.asOf).toMatch(/^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/);
    expect(periodStart(f.asOf) <= MARKET_2025.asOf).toBe(true);
    expect(f.source.trim().length).toBeGreaterThan(10);
    expect(Number.isFinite(f.value)).toBe(true);
    expect(f.value).toBeGreaterThanOrEqual(0);
    if (f.range) {
      expect(f.range[0]).toBeLessThanOrEqual(f.range[1]);
      expect(f.value).toBeCloseTo((f.range[0] + f.range[1]) / 2, 15);
    }
  });

  test("an assumption says so and carries the table's date", () => {
    const assumed = figures().filter(([, f]) => f.source.startsWith("Assumption"));
    expect(assumed.length).toBeGreaterThan(0);
    for (const [, f] of assumed) {
      expect(f.source).toMatch(/^Assumption: \S/);
      expect(f.asOf).toBe(MARKET_2025.asOf);
    }
  });

  test("one row per lender; the issue's agency quote: Fannie Mae 10-year at 80 % LTV and 1.25x, 5.33–5.63 %", () => {
    expect(MARKET_2025.rows.map((r) => r.lender).sort()).toEqual([...MARKET_LENDERS].sort());
    const agency = marketRow("AGENCY");
    const range = agency.spread.range!;
    // the published all-in rates are the 10-year Treasury plus each end of the spread range (to the basis point)
    expect(Math.round((MARKET_2025.bases.UST10.value + range[0]) * 1e4)).toBe(533);
    expect(Math.round((MARKET_2025.bases.UST10.value + range[1]) * 1e4)).toBe(563);
    expect([agency.maxLtv.value, agency.minDscr.value]).toEqual([0.8, 1.25]);
    // the tiers tighten: lower LTV, higher DSCR, lower spread
    const tiers = MARKET_2025.agencyTiers;
    for (let i = 1; i < tiers.length; i++) {
      expect(tiers[i].maxLtv).toBeLessThan(tiers[i - 1].maxLtv);
      expect(tiers[i].minDscr).toBeGreaterThan(tiers[i - 1].minDscr);
      expect(tiers[i].spread.value).toBeLessThan(tiers[i - 1].spread.value);
    }
  });

  test("the data is not in the custom functions' bundle", () => {
    const bundle = fs.readFileSync(path.resolve(__dirname, "..", "dist", "functions.js"), "utf8");
    expect(bundle).not.toContain("Northmarq");
    expect(bundle).not.toContain("Lending Momentum");
  });

  test("excelDate: Excel's serials (1 January 1900 is 1 from March 1900 on; 45658 is 1 January 2025)", () => {
    expect(excelDate("2025-01-01")).toBe(45658);
    expect(excelDate("1900-03-01")).toBe(61);
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s: rates from the market table", (_id, template) => {
  const value = computeNamed(buildDealPlan(template));
  const { recourse, nonRecourse } = template.lenders;
  const expected = (override: number, figure: number): number => (override > 0 ? override : figure);

  test("each structure's rate is the override, or its lender's base rate + spread from the data", () => {
    const r = expected(template.inputs.recourseRate, marketRate(recourse));
    const n = expected(template.inputs.nonRecourseRate, marketRate(nonRecourse));
    expect(value(MARKET_NAMES.recourseRate)).toBeCloseTo(r, 14);
    expect(value(MARKET_NAMES.nonRecourseRate)).toBeCloseTo(n, 14);
    expect(value(MARKET_NAMES.ratePremium)).toBeCloseTo(n - r, 14);
  });

  test("each structure's points are the override, or its lender's", () => {
    const r = expected(template.inputs.recoursePoints, marketRow(recourse).points.value);
    const n = expected(template.inputs.nonRecoursePoints, marketRow(nonRecourse).points.value);
    expect(value(MARKET_NAMES.recoursePoints)).toBeCloseTo(r, 14);
    expect(value(MARKET_NAMES.nonRecoursePoints)).toBeCloseTo(n, 14);
    expect(value(MARKET_NAMES.pointsPremium)).toBeCloseTo(n - r, 14);
  });

  test("the table's figures, its base rates and its date are on the sheet, named", () => {
    expect(value(MARKET_NAMES.asOf)).toBe(excelDate(MARKET_2025.asOf));
    expect(value(BASE_NAMES.UST10)).toBe(MARKET_2025.bases.UST10.value);
    expect(value(BASE_NAMES.SOFR)).toBe(MARKET_2025.bases.SOFR.value);
    for (const row of MARKET_2025.rows) {
      const stem = lenderName(row.lender);
      expect(value(`${stem}Rate`)).toBeCloseTo(marketRate(row.lender), 14);
      expect(value(`${stem}Points`)).toBe(row.points.value);
      expect(value(`${stem}MaxLTV`)).toBe(row.maxLtv.value);
      expect(value(`${stem}MinDSCR`)).toBe(row.minDscr.value);
    }
  });
});

describe("the sheet's market block", () => {
  const plan = buildDealPlan(AGENCY);
  const at = new Map(plan.cells.map((c) => [c.address, c]));
  const address = (name: string): string => (plan.names ?? []).find((n) => n.name === name)!.address;

  test("each lender's figures are blue inputs with their sources and dates in column E", () => {
    for (const row of MARKET_2025.rows) {
      const spread = address(`${lenderName(row.lender)}Spread`);
      expect(at.get(spread)?.value).toBe(row.spread.value);
      const note = at.get(`E${parseAddress(spread).row + 1}`)?.value as string;
      expect(note).toContain(sourceNote(row.spread));
      expect(note).toContain(sourceNote(row.points));
      const ltv = address(`${lenderName(row.lender)}MaxLTV`);
      const ltvNote = at.get(`E${parseAddress(ltv).row + 1}`)?.value as string;
      expect(ltvNote).toContain(sourceNote(row.maxLtv));
      expect(ltvNote).toContain(sourceNote(row.minDscr));
    }
  });

  test("the side-by-side rates read the rates used: no premium added to the bank rate", () => {
    const rateRow = plan.cells.find((c) => c.value === "Annual rate")!;
    const r = parseAddress(rateRow.address).row + 1;
    expect(at.get(`B${r}`)?.formula).toBe(`=${MARKET_NAMES.recourseRate}`);
    expect(at.get(`C${r}`)?.formula).toBe(`=${MARKET_NAMES.nonRecourseRate}`);
  });
});

describe("an analyst's override", () => {
  const over = (template: DealTemplate, inputs: Partial<DealInputs>) => computeNamed(buildDealPlan(template, inputs));

  test("a non-recourse rate typed replaces the table's; the premium is the difference of the two rates", () => {
    const typed = marketRate("BANK") + 0.004;
    const value = over(AGENCY, { nonRecourseRate: typed });
    expect(value(MARKET_NAMES.nonRecourseRate)).toBeCloseTo(typed, 14);
    expect(value(MARKET_NAMES.recourseRate)).toBeCloseTo(marketRate("BANK"), 14);
    expect(value(MARKET_NAMES.ratePremium)).toBeCloseTo(0.004, 14);
    // the override's input cell holds the figure, blue and named
    expect(value(INPUT_NAMES.nonRecourseRate)).toBe(typed);
  });

  test("points typed replace the table's; 0 gives the table's back", () => {
    const value = over(AGENCY, { recoursePoints: 0.02, nonRecoursePoints: 0 });
    expect(value(MARKET_NAMES.recoursePoints)).toBe(0.02);
    expect(value(MARKET_NAMES.nonRecoursePoints)).toBe(marketRow("AGENCY").points.value);
  });

  test("clearing the worked example's rates (0) prices it from the table instead", () => {
    const value = over(VALUE_ADD, { recourseRate: 0, nonRecourseRate: 0 });
    expect(value(MARKET_NAMES.recourseRate)).toBeCloseTo(marketRate(VALUE_ADD.lenders.recourse), 14);
    expect(value(MARKET_NAMES.nonRecourseRate)).toBeCloseTo(marketRate(VALUE_ADD.lenders.nonRecourse), 14);
  });
});

describe("todayIso: the analysis date in the analyst's own calendar (pane and CLI alike)", () => {
  test("late evening stays today, whatever UTC says", () => {
    // A local 23:30 on 7 December: in UTC it may already be the 8th (west of Greenwich).
    expect(todayIso(new Date(2026, 11, 7, 23, 30))).toBe("2026-12-07");
    expect(todayIso(new Date(2026, 0, 1, 0, 5))).toBe("2026-01-01");
  });
  test("months and days are padded to two digits", () => {
    expect(todayIso(new Date(2025, 2, 9, 12))).toBe("2025-03-09");
  });
});
