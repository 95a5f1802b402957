/**
 * Each structure sized on its own lender's tiers (issue 13, items 3 and 8): in the templates built
 * on the market table, the LOAN.QUALIFY / LOAN.MAX_LOAN thresholds are live formulas naming the
 * structure's lender's row of the table (`=MarketAgencyMinDSCR`), so a changed table figure
 * re-sizes that structure's loan and re-runs LOAN.QUALIFY. Computed by the headless engine (the
 * built add-in in dist/).
 *
 * Independent values: the expected thresholds are the market table's data (src/plan/market.ts,
 * methodology §14), never the sheet's; the largest loan is derived here from the level-payment
 * formula (methodology §3: the annual debt constant 12·i / (1 − (1 + i)^−n), i the monthly rate;
 * the rate when interest-only) and the three floors of methodology §4 (value × max LTV,
 * NOI / (min DSCR × constant), NOI / min debt yield), at the rate the data gives (the template's
 * override, else the lender's base rate + spread). Tolerance: 1 currency unit on the largest
 * loan; the loan is that, rounded down to the thousand.
 */
import { TESTS } from "../src/core/domain";
import type { CellResult } from "../src/engine/workbook";
import { buildDealPlan } from "../src/plan/deal";
import { lenderName } from "../src/plan/deal/market";
import { MARKET_LENDERS, marketRate, marketRow, type MarketLender } from "../src/plan/market";
import { TEMPLATES } from "../src/plan/templates";
import { MIN_DEBT_YIELD, type DealTemplate } from "../src/plan/templates/types";
import { closeDeals, ComputedDeal } from "./deal-sheet";

afterAll(closeDeals);

/** A computed deal sheet: reads and writes by name, reads by row label. */
class Sheet extends ComputedDeal {
  constructor(template: DealTemplate, inputs = {}) {
    super(buildDealPlan(template, inputs));
  }
  pair(name: string): [number, number] {
    const [r, n] = this.named(name);
    expect([name, typeof r, typeof n]).toEqual([name, "number", "number"]);
    return [r as number, n as number];
  }
  /** Columns B and C of the row labelled `label`. */
  row(label: string): [CellResult, CellResult] {
    const line = this.values()[this.rowIndex(label)];
    return [line[1] ?? null, line[2] ?? null];
  }
  /** The text in column E (the note) of a name's row. */
  note(name: string): string {
    const v = this.plan.cells.find((c) => c.address === `E${this.range(name).top + 1}`)?.value;
    return typeof v === "string" ? v : "";
  }
  /** The formula the plan writes in a name's first cell. */
  formula(name: string): string | undefined {
    const r = this.range(name);
    const address = `${String.fromCharCode(65 + r.left)}${r.top + 1}`;
    return this.plan.cells.find((c) => c.address === address)?.formula;
  }
}

/** The templates built on the market table: their DSCR and LTV thresholds are their lenders' rows. */
const MARKET = TEMPLATES.filter((t) =>
  [t.thresholds.recourse, t.thresholds.nonRecourse].every((x) => x.DSCR === "LENDER" && x.LTV === "LENDER"),
);

type Side = "recourse" | "nonRecourse";
const SIDES: readonly Side[] = ["recourse", "nonRecourse"];
const THRESHOLD_NAMES = {
  recourse: { dscr: "RecourseMinDSCR", ltv: "RecourseMaxLTV" },
  nonRecourse: { dscr: "NonRecourseMinDSCR", ltv: "NonRecourseMaxLTV" },
} as const;

/** The annual debt constant per unit of loan (methodology §3–4), monthly payments. */
function debtConstant(rate: number, amortYears: number, interestOnly: boolean): number {
  if (interestOnly) return rate;
  const i = rate / 12;
  return (12 * i) / (1 - (1 + i) ** -(amortYears * 12));
}

/** A structure's largest loan by hand, from the data: its rate, its lender's tiers (or those given), its DY floor. */
function handLargest(t: DealTemplate, side: Side, tiers: { dscr?: number; ltv?: number } = {}): number {
  const lender: MarketLender = t.lenders[side];
  const row = marketRow(lender);
  const override = side === "recourse" ? t.inputs.recourseRate : t.inputs.nonRecourseRate;
  const rate = override > 0 ? override : marketRate(lender);
  const { noi, propertyValue, amortYears, interestOnly } = t.inputs;
  const dscr = tiers.dscr ?? row.minDscr.value;
  const ltv = tiers.ltv ?? row.maxLtv.value;
  return Math.min(
    propertyValue * ltv,
    noi / (dscr * debtConstant(rate, amortYears, interestOnly)),
    noi / MIN_DEBT_YIELD[side],
  );
}

const LARGEST = "Largest loan (LOAN.MAX_LOAN)";

test("every template but the residential one is built on the market table; residential keeps its own thresholds", () => {
  expect(MARKET.length).toBe(TEMPLATES.length - 1);
  const own = TEMPLATES.filter((t) => !MARKET.includes(t));
  expect(own.map((t) => t.id)).toEqual(["residential-ca-tx"]);
  for (const t of own) {
    const s = new Sheet(t);
    for (const side of SIDES) {
      const th = t.thresholds[side];
      expect(s.num(THRESHOLD_NAMES[side].dscr)).toBe(th.DSCR);
      expect(s.formula(THRESHOLD_NAMES[side].dscr)).toBeUndefined();
      expect(s.note(`${lenderName(t.lenders[side])}MaxLTV`)).not.toContain("They size");
    }
  }
});

describe.each(MARKET.map((t) => [t.id, t] as const))("template %s: thresholds from its lenders' tiers", (_id, t) => {
  const sized: DealTemplate = { ...t, inputs: { ...t.inputs, loanAmount: 0 } };

  test("each structure's DSCR and LTV thresholds are its lender's market figures, as formulas naming them", () => {
    const s = new Sheet(t);
    for (const side of SIDES) {
      const row = marketRow(t.lenders[side]);
      const stem = lenderName(t.lenders[side]);
      expect(s.num(THRESHOLD_NAMES[side].dscr)).toBe(row.minDscr.value);
      expect(s.num(THRESHOLD_NAMES[side].ltv)).toBe(row.maxLtv.value);
      expect(s.formula(THRESHOLD_NAMES[side].dscr)).toBe(`=${stem}MinDSCR`);
      expect(s.formula(THRESHOLD_NAMES[side].ltv)).toBe(`=${stem}MaxLTV`);
    }
    // The LOAN.QUALIFY ranges keep their shape (test, threshold), one row a test, the figures inside them.
    for (const [name, side] of [
      ["RecourseThresholds", "recourse"],
      ["NonRecourseThresholds", "nonRecourse"],
    ] as const) {
      const r = s.range(name);
      expect([r.right - r.left, r.bottom - r.top + 1]).toEqual([1, TESTS.length]);
      const rows = TESTS.map((_, i) => [0, 1].map((k) => s.engine.value(s.plan.sheetName, r.top + i, r.left + k)));
      expect(rows.map((x) => x[0])).toEqual([...TESTS]);
      const row = marketRow(t.lenders[side]);
      expect(rows[TESTS.indexOf("DSCR")][1]).toBe(row.minDscr.value);
      expect(rows[TESTS.indexOf("LTV")][1]).toBe(row.maxLtv.value);
    }
  });

  test("the market table says beside each lender's LTV and DSCR which loan they size", () => {
    const s = new Sheet(t);
    for (const side of SIDES) {
      const note = s.note(`${lenderName(t.lenders[side])}MaxLTV`);
      expect(note).toContain(`They size the ${side === "recourse" ? "recourse" : "non-recourse"} loan`);
    }
    const unused = MARKET_LENDERS.filter((l) => l !== t.lenders.recourse && l !== t.lenders.nonRecourse);
    for (const l of unused) expect(s.note(`${lenderName(l)}MaxLTV`)).not.toContain("They size");
  });

  test("sized (LoanInput 0), each structure's largest loan is the hand value under its lender's tiers, to 1 unit", () => {
    const s = new Sheet(sized);
    const largest = s.row(LARGEST) as number[];
    const loans = s.pair("LoanAmount");
    SIDES.forEach((side, k) => {
      const hand = handLargest(sized, side);
      expect(Math.abs(largest[k] - hand)).toBeLessThan(1);
      expect(loans[k]).toBe(Math.floor(largest[k] / 1000) * 1000);
    });
  });

  // Each change tightens one structure's lender's figure in the market table; it binds in every template.
  const changes = [
    ["non-recourse", "MaxLTV", "10 points down", "nonRecourse", (v: number) => v - 0.1],
    ["recourse", "MaxLTV", "10 points down", "recourse", (v: number) => v - 0.1],
    ["non-recourse", "MinDSCR", "up to 2.00x", "nonRecourse", () => 2],
    ["recourse", "MinDSCR", "up to 2.00x", "recourse", () => 2],
  ] as const;

  test.each(changes)(
    "the %s lender's %s in the market table, %s: that structure's loan shrinks to the hand value; the other's stays",
    (_who, figure, _how, side, change) => {
      const s = new Sheet(sized);
      const other = side === "recourse" ? 1 : 0;
      const k = 1 - other;
      const before = s.pair("LoanAmount");
      const row = marketRow(sized.lenders[side]);
      const old = figure === "MaxLTV" ? row.maxLtv.value : row.minDscr.value;
      const next = change(old);
      expect(figure === "MaxLTV" ? next < old : next > old).toBe(true);
      s.set(`${lenderName(sized.lenders[side])}${figure}`, next);
      // The threshold cell follows the table.
      expect(s.num(THRESHOLD_NAMES[side][figure === "MaxLTV" ? "ltv" : "dscr"])).toBe(next);
      const hand = handLargest(sized, side, figure === "MaxLTV" ? { ltv: next } : { dscr: next });
      expect(hand).toBeLessThan(handLargest(sized, side) - 1000);
      const largest = s.row(LARGEST) as number[];
      expect(Math.abs(largest[k] - hand)).toBeLessThan(1);
      const after = s.pair("LoanAmount");
      expect(after[k]).toBe(Math.floor(hand / 1000) * 1000);
      expect(after[k]).toBeLessThan(before[k]);
      expect(after[other]).toBe(before[other]);
    },
  );

  test("a fixed loan is re-tested: the lender's MinDSCR raised over the loan's DSCR fails LOAN.QUALIFY for that structure only", () => {
    const s = new Sheet(sized);
    const loan = s.pair("LoanAmount")[1];
    s.set("LoanInput", loan);
    const [qr] = s.row("Qualification (LOAN.QUALIFY)");
    expect(String(s.row("Qualification (LOAN.QUALIFY)")[1])).not.toMatch(/DSCR short/);
    const dscr = s.row("DSCR, pro forma")[1] as number;
    const raised = Math.ceil((dscr + 0.1) * 100) / 100;
    s.set(`${lenderName(sized.lenders.nonRecourse)}MinDSCR`, raised);
    const [qr2, qn2] = s.row("Qualification (LOAN.QUALIFY)");
    expect(String(qn2)).toMatch(new RegExp(`DSCR short by [0-9.]+ \\(min ${raised}\\)`));
    expect(qr2).toBe(qr);
  });
});
