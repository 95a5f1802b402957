/**
 * The deal sheet's sensitivity grids (issue 13, item 6), computed by the headless engine from
 * the built add-in in dist/.
 *
 * Independent values:
 *   - exposure: with a grid's axes set to the downside's sale price (as a share of the value)
 *     and DefaultYear, its cells equal the downside section's exposure cells, which are
 *     written separately (LOAN.BALANCE, accrued interest, claim, exposure rows);
 *   - DSCR: NOI / (12 × the level monthly payment), the payment from its closed form
 *     P·i / (1 − (1 + i)^−n) (methodology §3), interest-only: loan × rate;
 *   - proceeds: the largest loan meeting the DSCR and LTV thresholds, solved by hand:
 *     min(NOI / (DSCR × 12 × the payment per unit of loan), LTV × value, NOI / debt-yield floor)
 *     (methodology §4), the value as appraised whatever the NOI.
 * Tolerance: a cent on money, 1e-9 on ratios.
 * Shape: every cell of a grid is the top-left cell's formula filled across (only the mixed
 * references to the axes move), axes are blue inputs, and one color scale covers each grid
 * in the plan, the .xlsx file and the Excel writer's calls.
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan, planToXlsx } from "../src/engine/plan-writers";
import type { EngineWorkbook } from "../src/engine/workbook";
import { buildDealPlan } from "../src/plan/deal";
import { defaultYears, GRID_AXES, GRID_COLUMNS } from "../src/plan/deal/grids";
import { parseAddress, parseRange } from "../src/plan/a1";
import { INPUT_COLOR, type PlanCell, type SheetPlan } from "../src/plan/plan";
import { TEMPLATES } from "../src/plan/templates";
import { VALUE_ADD } from "../src/plan/templates/value-add";

const CENT = 0.005;
const addin = loadAddin(path.resolve(__dirname, "..", "dist"));
const opened: EngineWorkbook[] = [];
afterAll(() => opened.forEach((e) => e.destroy()));

/** A grid located from its color scale's range: B{first}:E{last}, the axis two rows above. */
interface Grid {
  range: string;
  axisRow: number;
  /** 1-based first data row of each block. */
  first: { r: number; n: number };
  rows: number;
  cols: number;
}

function grids(plan: SheetPlan): Grid[] {
  return (plan.conditionalFormats ?? []).map((f) => {
    const r = parseRange(f.range);
    const rows = (r.bottom - r.top) / 2;
    return {
      range: f.range,
      axisRow: r.top - 1,
      first: { r: r.top + 1, n: r.top + rows + 2 },
      rows,
      cols: r.right - r.left + 1,
    };
  });
}

interface Sheet {
  plan: SheetPlan;
  cell(a1: string): PlanCell | undefined;
  value(a1: string): number;
  /** The value of the first row labelled `label` in column `col`. */
  row(label: string, col: "B" | "C" | "D"): number;
  /** The 1-based row of the first label starting with `prefix` (text or a formula's result). */
  find(prefix: string): number;
  named(name: string): number;
}

function compute(plan: SheetPlan): Sheet {
  const engine = evaluatePlan(addin, plan);
  opened.push(engine);
  const byAddress = new Map(plan.cells.map((c) => [c.address, c]));
  const values = engine.sheetValues(plan.sheetName);
  const value = (a1: string): number => {
    const { row, col } = parseAddress(a1);
    const v = engine.value(plan.sheetName, row, col);
    if (typeof v !== "number") throw new Error(`${a1} is ${JSON.stringify(v)}`);
    return v;
  };
  return {
    plan,
    cell: (a1) => byAddress.get(a1),
    value,
    row(label, col) {
      const r = values.findIndex((line) => line[0] === label);
      if (r < 0) throw new Error(`no row labelled ${label}`);
      return value(`${col}${r + 1}`);
    },
    find(prefix) {
      const r = values.findIndex((line) => typeof line[0] === "string" && line[0].startsWith(prefix));
      if (r < 0) throw new Error(`no row starting ${prefix}`);
      return r + 1;
    },
    named(name) {
      const n = (plan.names ?? []).find((x) => x.name === name);
      if (!n) throw new Error(`no name ${name}`);
      return value(n.address.split(":")[0]);
    },
  };
}

/** The address a name points at (its first cell). */
function nameAddress(plan: SheetPlan, name: string): string {
  const n = (plan.names ?? []).find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  return n.address.split(":")[0];
}

/** The plan with some cells' constants replaced (the analyst editing an axis). */
function edit(plan: SheetPlan, values: Record<string, number>): SheetPlan {
  return { ...plan, cells: plan.cells.map((c) => (c.address in values ? { ...c, value: values[c.address] } : c)) };
}

/** Excel's fill: each reference's relative parts moved by (rows, cols); "$" parts stay. */
function fill(formula: string, rows: number, cols: number): string {
  return formula.replace(
    /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_.(])/g,
    (_m, dc: string, c: string, dr: string, r: string) => {
      const at = parseAddress(`${c}${r}`);
      const col = dc ? c : String.fromCharCode(65 + at.col + cols);
      return `${dc}${col}${dr}${dr ? r : at.row + 1 + rows}`;
    },
  );
}

/** Level monthly payment per unit of loan (methodology §3). */
function paymentFactor(rate: number, amortYears: number): number {
  const i = rate / 12;
  return i === 0 ? 1 / (amortYears * 12) : i / (1 - (1 + i) ** -(amortYears * 12));
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s: the grids", (_id, template) => {
  const plan = buildDealPlan(template);
  const laws = template.compareState ? 2 : 1;
  const all = grids(plan);

  test("one color scale per grid: exposure per state's law, DSCR, proceeds; each over B:E", () => {
    expect(all).toHaveLength(laws + 2);
    for (const f of plan.conditionalFormats ?? []) {
      expect(f.range).toMatch(/^B\d+:[C-E]\d+$/);
      expect(f.midpoint?.at).toBe("percentile");
    }
    // Exposure: low green, high red; DSCR and proceeds: low red, high green.
    const [exposure, dscr] = [plan.conditionalFormats![0], plan.conditionalFormats![laws]];
    expect(exposure.minimum.color).toBe(dscr.maximum.color);
    expect(exposure.maximum.color).toBe(dscr.minimum.color);
  });

  test("axes are blue inputs; the non-recourse rows follow the recourse rows' values", () => {
    for (const g of all) {
      for (let j = 0; j < g.cols; j++) {
        const axis = plan.cells.find((c) => c.address === `${GRID_COLUMNS[j]}${g.axisRow}`);
        expect([axis?.address, typeof axis?.value, axis?.fontColor]).toEqual([axis?.address, "number", INPUT_COLOR]);
      }
      for (let i = 0; i < g.rows; i++) {
        const head = plan.cells.find((c) => c.address === `A${g.first.r + i}`);
        expect([head?.address, typeof head?.value, head?.fontColor]).toEqual([head?.address, "number", INPUT_COLOR]);
        expect(plan.cells.find((c) => c.address === `A${g.first.n + i}`)?.formula).toBe(`=A${g.first.r + i}`);
      }
    }
    expect(all[0].cols).toBe(defaultYears(template.inputs.holdYears).length);
  });

  test("every cell is its block's top-left formula filled across: mixed references to the axes, the rest absolute", () => {
    for (const g of all) {
      for (const first of [g.first.r, g.first.n]) {
        const corner = plan.cells.find((c) => c.address === `B${first}`)?.formula as string;
        expect(corner).toContain(`$A${first}`);
        expect(corner).toContain(`B$${g.axisRow}`);
        for (let i = 0; i < g.rows; i++) {
          for (let j = 0; j < g.cols; j++) {
            const address = `${GRID_COLUMNS[j]}${first + i}`;
            const f = plan.cells.find((c) => c.address === address)?.formula;
            expect([address, f]).toEqual([address, fill(corner, i, j)]);
          }
        }
      }
    }
  });

  test("at the downside's sale price and DefaultYear, the exposure grid equals the downside's exposure", () => {
    const base = compute(plan);
    const share = base.row("Sale price at the default", "B") / base.named("PropertyValue");
    const year = base.named("DefaultYear");
    const g = all[0];
    const c = compute(edit(plan, { [`A${g.first.r}`]: share, [`C${g.axisRow}`]: year }));
    const exposureRow = base.find("Personal exposure at the default under");
    const [er, en] = [base.value(`B${exposureRow}`), base.value(`C${exposureRow}`)];
    expect(Math.abs(c.value(`C${g.first.r}`) - er)).toBeLessThan(CENT);
    expect(Math.abs(c.value(`C${g.first.n}`) - en)).toBeLessThan(CENT);
  });

  test("DSCR and proceeds equal the hand-solved figures at every cell", () => {
    const c = compute(plan);
    const noi = c.named("ProFormaNOI");
    const value = c.named("PropertyValue");
    const amort = c.named("AmortYears");
    const io = template.inputs.interestOnly;
    const rates = { r: c.row("Annual rate", "B"), n: c.row("Annual rate", "C") };
    const loans = { r: c.row("Loan amount", "B"), n: c.row("Loan amount", "C") };
    const floor = (name: string): number => (c.cell(nameAddress(c.plan, name))?.value === "" ? 0 : c.named(name));
    const limits = {
      r: [c.named("RecourseMinDSCR"), c.named("RecourseMaxLTV"), floor("RecourseMinDebtYield")],
      n: [c.named("NonRecourseMinDSCR"), c.named("NonRecourseMaxLTV"), floor("NonRecourseMinDebtYield")],
    };
    const [dscr, proceeds] = all.slice(laws);
    GRID_AXES.noiChanges.forEach((dn, i) => {
      GRID_AXES.rateChanges.forEach((dr, j) => {
        for (const k of ["r", "n"] as const) {
          const rate = rates[k] + dr;
          const perUnit = io ? rate : 12 * paymentFactor(rate, amort);
          const at = `${GRID_COLUMNS[j]}${dscr.first[k] + i}`;
          expect([at, c.value(at)]).toEqual([at, expect.closeTo((noi * (1 + dn)) / (loans[k] * perUnit), 9)]);
          const [minDscr, maxLtv, minDebtYield] = limits[k];
          const byDebtYield = minDebtYield > 0 ? (noi * (1 + dn)) / minDebtYield : Infinity;
          const hand = Math.min((noi * (1 + dn)) / (minDscr * perUnit), maxLtv * value, byDebtYield);
          const pt = `${GRID_COLUMNS[j]}${proceeds.first[k] + i}`;
          expect([pt, Math.abs(c.value(pt) - hand) < CENT]).toEqual([pt, true]);
        }
      });
    });
    // The no-change cell is the side-by-side's DSCR.
    const zero = GRID_AXES.noiChanges.indexOf(0);
    const col = GRID_COLUMNS[GRID_AXES.rateChanges.indexOf(0)];
    expect(c.value(`${col}${dscr.first.r + zero}`)).toBeCloseTo(c.row("DSCR, pro forma", "B"), 9);
    expect(c.value(`${col}${dscr.first.n + zero}`)).toBeCloseTo(c.row("DSCR, pro forma", "C"), 9);
    // … and the no-change proceeds are the side-by-side's largest loan.
    expect(c.value(`${col}${proceeds.first.r + zero}`)).toBeCloseTo(c.row("Largest loan (LOAN.MAX_LOAN)", "B"), 6);
    expect(c.value(`${col}${proceeds.first.n + zero}`)).toBeCloseTo(c.row("Largest loan (LOAN.MAX_LOAN)", "C"), 6);
  });
});

describe("value-add: the exposure grid reads as the deal does", () => {
  const plan = buildDealPlan(VALUE_ADD);
  const g = grids(plan)[0];
  const c = compute(plan);

  test("recourse exposure falls as the sale price rises and as the default comes later (amortization)", () => {
    for (let j = 0; j < g.cols; j++) {
      for (let i = 1; i < g.rows; i++) {
        const col = GRID_COLUMNS[j];
        expect(c.value(`${col}${g.first.r + i}`)).toBeLessThanOrEqual(c.value(`${col}${g.first.r + i - 1}`));
      }
    }
    for (let j = 1; j < g.cols; j++) {
      const [a, b] = [`${GRID_COLUMNS[j - 1]}${g.first.r}`, `${GRID_COLUMNS[j]}${g.first.r}`];
      expect(c.value(b)).toBeLessThan(c.value(a));
    }
  });

  test("a sale at 40 % of the value in year 1: recourse owes the claim less the sale, guaranteed in full", () => {
    const sale = 0.4 * c.named("PropertyValue");
    const rate = c.row("Annual rate", "B");
    const loan = c.row("Loan amount", "B");
    const i = rate / 12;
    const balance = loan * (1 + i) ** 12 - (loan * paymentFactor(rate, 30) * ((1 + i) ** 12 - 1)) / i;
    const claim = balance * (1 + (rate * c.named("AccruedMonths")) / 12) + c.named("ForeclosureCosts");
    const year1 = edit(plan, { [`A${g.first.r}`]: 0.4, [`B${g.axisRow}`]: 1 });
    expect(Math.abs(compute(year1).value(`B${g.first.r}`) - (claim - sale))).toBeLessThan(CENT);
  });
});

describe("the grids' heat maps in the exported .xlsx", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-grids-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: one <conditionalFormatting><colorScale> per grid, over its range",
    async (_id, template) => {
      const plan = buildDealPlan(template);
      const file = path.join(dir, `${template.id}.xlsx`);
      expect((await planToXlsx(addin, plan, file)).errors).toEqual([]);
      const xml = await (
        await JSZip.loadAsync(fs.readFileSync(file))
      )
        .file("xl/worksheets/sheet1.xml")!
        .async("string");
      const found = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">\s*<cfRule type="colorScale"/g)];
      expect(found.map((m) => m[1])).toEqual(plan.conditionalFormats?.map((f) => f.range));
    },
  );
});
