/**
 * The portfolio template (src/plan/portfolio), built and computed by the headless engine (the
 * built add-in in dist/).
 *
 * Expected values are computed here, independently of the sheet: a level monthly annuity's
 * balance, (1 + r)^k·L − p·((1 + r)^k − 1)/r with p = L·r / (1 − (1 + r)^−n) (methodology §3);
 * the deficiency max(0, balance − stressed value) (§5); the guarantee min(deficiency, share ×
 * loan) (§10); what the state table says of a guarantor after a trustee sale (§8: Texas and
 * Nevada allow a deficiency, California's guarantor who has not waived is protected); the
 * capacity = liquidity when no share of the rest is collectible (§10); the pro rata rule
 * share = exposure ÷ T × min(C, T). Tolerance: 1e-6 relative (double arithmetic in both).
 */
import path from "path";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan, evaluatePlans } from "../src/engine/plan-writers";
import type { CellResult, EngineWorkbook } from "../src/engine/workbook";
import { parseAddress, parseRange } from "../src/plan/a1";
import { buildDealPlan } from "../src/plan/deal";
import { FORMULA_COLOR, INPUT_COLOR, type SheetPlan } from "../src/plan/plan";
import {
  blockCell,
  buildPortfolioPlan,
  COLUMNS,
  EXAMPLE_BOOK,
  letter,
  loanRowCells,
  PF,
  type Book,
  type PortfolioLoan,
} from "../src/plan/portfolio";
import type { ColumnKey } from "../src/plan/portfolio/columns";
import { VALUE_ADD } from "../src/plan/templates/value-add";

const addin = loadAddin(path.resolve(__dirname, "..", "dist"));
const opened: EngineWorkbook[] = [];
afterAll(() => opened.splice(0).forEach((e) => e.destroy()));

function compute(plan: SheetPlan): EngineWorkbook {
  const e = evaluatePlan(addin, plan);
  opened.push(e);
  return e;
}

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

function expectClose(actual: CellResult, expected: number): void {
  expect(typeof actual).toBe("number");
  expect(rel(actual as number, expected)).toBeLessThan(1e-6);
}

/** The first row (0-based) of a name's range. */
function top(plan: SheetPlan, name: string): number {
  const n = plan.names?.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  return parseRange(n.address).top;
}

/** A loan row's cell by column key (i: the loan's index in the block). */
function loanCell(e: EngineWorkbook, plan: SheetPlan, i: number, key: ColumnKey): CellResult {
  return e.value(plan.sheetName, top(plan, PF.loanName) + i, parseAddress(`${letter(key)}1`).col);
}

/** The roll-up's cell of guarantor g (index) in column `col` ("D"). */
function rollup(e: EngineWorkbook, plan: SheetPlan, g: number, col: string): CellResult {
  return e.value(plan.sheetName, top(plan, PF.guarantorName) + g, parseAddress(`${col}1`).col);
}

/** Balance after k monthly payments of a level annuity (methodology §3), computed here. */
function balance(amount: number, rate: number, amortYears: number, years: number): number {
  const r = rate / 12;
  const n = amortYears * 12;
  const p = (amount * r) / (1 - (1 + r) ** -n);
  const g = (1 + r) ** (years * 12);
  return amount * g - (p * (g - 1)) / r;
}

/** What the state table lets the lender pursue from a guarantor after a trustee sale, by state (methodology §8). */
const GUARANTOR_PURSUABLE: Readonly<Record<string, boolean>> = { TX: true, NV: true, CA: false };

/** The exposure of each loan of a book under its stress, by hand. */
function handExposure(book: Book, loan: PortfolioLoan): number {
  const { rateShockBp, valueShock, stressYear } = book.stress;
  const b = balance(
    loan.amount,
    loan.rate + rateShockBp / 10000,
    loan.amortYears,
    Math.min(stressYear, loan.termYears),
  );
  const deficiency = Math.max(0, b - loan.value * (1 + valueShock));
  if (loan.structure !== "RECOURSE") return 0;
  const pursuable = GUARANTOR_PURSUABLE[loan.state] ? deficiency : 0;
  return Math.min(pursuable, loan.guarantee * loan.amount, loan.guaranteeCap > 0 ? loan.guaranteeCap : loan.amount);
}

const plan = buildPortfolioPlan();

describe("the portfolio's worked example: three loans, two guarantors", () => {
  test("0 cells in error, in both the LOAN.* and the built-in sheet", () => {
    for (const p of [plan, buildPortfolioPlan(EXAMPLE_BOOK, { formulas: "builtin" })]) {
      const e = compute(p);
      const errors = p.cells.flatMap((c) => {
        const { row, col } = parseAddress(c.address);
        const v = e.value(p.sheetName, row, col);
        return v !== null && typeof v === "object" ? [`${c.address} ${v.error} ${v.message ?? ""}`] : [];
      });
      expect(errors).toEqual([]);
    }
  });

  test("the built-in sheet computes the same figures as the LOAN.* sheet (1e-9 relative)", () => {
    const a = compute(plan);
    const builtin = buildPortfolioPlan(EXAMPLE_BOOK, { formulas: "builtin" });
    const b = compute(builtin);
    expect(builtin.cells.map((c) => c.address)).toEqual(plan.cells.map((c) => c.address));
    expect(builtin.cells.filter((c, i) => c.formula !== plan.cells[i].formula).length).toBeGreaterThan(0);
    for (const c of plan.cells.filter((x) => x.formula)) {
      const { row, col } = parseAddress(c.address);
      const x = a.value(plan.sheetName, row, col);
      const y = b.value(plan.sheetName, row, col);
      if (typeof x === "number") expect([c.address, rel(y as number, x) < 1e-9]).toEqual([c.address, true]);
      else expect([c.address, y]).toEqual([c.address, x]);
    }
  });

  test("inputs are blue constants, formulas black; every name is Pf-prefixed and spans the block", () => {
    for (const c of plan.cells) {
      if (typeof c.value === "number") expect([c.address, c.fontColor]).toEqual([c.address, INPUT_COLOR]);
      if (c.formula) expect([c.address, c.fontColor]).toEqual([c.address, FORMULA_COLOR]);
    }
    for (const n of plan.names ?? []) expect(n.name).toMatch(/^Pf[A-Z]/);
    const block = parseRange(plan.names?.find((n) => n.name === PF.loanExposure)?.address ?? "");
    expect(block.bottom - block.top + 1).toBe(EXAMPLE_BOOK.loans.length);
  });

  test("the roll-up recomputed by hand from the loans: exposures, totals, capacity, pro rata shares, others", () => {
    const e = compute(plan);
    const book = EXAMPLE_BOOK;
    const exposures = book.loans.map((l) => handExposure(book, l));
    exposures.forEach((x, i) => expectClose(loanCell(e, plan, i, "exposure"), x));
    // Elm Street (TX) and Riverside (NV) are pursuable; Oak Industrial is non-recourse (and in CA).
    expect(exposures[0]).toBeGreaterThan(0);
    expect(exposures[1]).toBeGreaterThan(0);
    expect(exposures[2]).toBe(0);
    book.guarantors.forEach((g, gi) => {
      const mine = book.loans.map((l, i) => ({ l, i })).filter(({ l }) => l.guarantor === g.name);
      const total = mine.reduce((sum, { i }) => sum + exposures[i], 0);
      const loans = mine.reduce((sum, { l }) => sum + l.amount, 0);
      const capacity = g.liquidity; // no share of the net worth beyond liquidity (the sheet's default 0)
      expect(rollup(e, plan, gi, "B")).toBe(mine.length);
      expectClose(rollup(e, plan, gi, "C"), loans);
      expectClose(rollup(e, plan, gi, "D"), total);
      expectClose(rollup(e, plan, gi, "G"), capacity);
      expectClose(rollup(e, plan, gi, "H"), Math.max(0, total - capacity));
      expectClose(rollup(e, plan, gi, "K"), Math.max(0, loans - g.netWorth));
      expectClose(rollup(e, plan, gi, "L"), Math.max(0, 0.1 * loans - g.liquidity));
      for (const { i } of mine) {
        expectClose(loanCell(e, plan, i, "guarantorTotal"), total);
        expectClose(loanCell(e, plan, i, "other"), total - exposures[i]);
        expectClose(loanCell(e, plan, i, "share"), total > 0 ? (exposures[i] / total) * Math.min(capacity, total) : 0);
      }
      // The shares of a guarantor's loans add up to what it can pay: min(C, T).
      const shares = mine.reduce((sum, { i }) => sum + (loanCell(e, plan, i, "share") as number), 0);
      expect(rel(shares, Math.min(capacity, total))).toBeLessThan(1e-9);
    });
    // The worked example's claims compete: Harbor's exposure exceeds its liquidity.
    expect(rollup(e, plan, 0, "D") as number).toBeGreaterThan(book.guarantors[0].liquidity);
    expect(e.value(plan.sheetName, ...at(plan, PF.unlisted))).toBe(0);
  });

  test("the covenants' messages: OK, or each shortfall with its figures formatted", () => {
    const e = compute(plan);
    const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
    const harbor = EXAMPLE_BOOK.guarantors[0];
    const loans = 4_500_000 + 3_600_000;
    // LOAN.GUARANTOR_COVENANTS' words (methodology §10, as LOAN.QUALIFY's): the shortfall, then the minimum.
    expect(rollup(e, plan, 0, "M")).toBe(
      `Fails: net worth short by ${fmt(loans - harbor.netWorth)} (min ${fmt(loans)});` +
        ` liquidity short by ${fmt(0.1 * loans - harbor.liquidity)} (min ${fmt(0.1 * loans)})`,
    );
    expect(rollup(e, plan, 1, "M")).toBe("OK");
    // Each failing alone: net worth raised (liquidity still short), then liquidity raised (net worth still short).
    const row = top(plan, PF.guarantorName);
    e.setCells(plan.sheetName, row, 4, [[9_000_000, 600_000]]);
    expect(rollup(e, plan, 0, "M")).toBe(`Fails: liquidity short by 210,000 (min 810,000)`);
    e.setCells(plan.sheetName, row, 4, [[8_000_000, 900_000]]);
    expect(rollup(e, plan, 0, "M")).toBe(`Fails: net worth short by 100,000 (min 8,100,000)`);
    // Covenant thresholds are inputs: a 0.5x net worth test passes.
    e.setCells(plan.sheetName, ...at(plan, PF.netWorthMultiple), [[0.5]]);
    expect(rollup(e, plan, 0, "M")).toBe("OK");
  });

  test("a change of the stress changes every loan row", () => {
    const e = compute(plan);
    const keys: ColumnKey[] = ["debtService", "dscr", "balance", "ltv"];
    const before = EXAMPLE_BOOK.loans.map((_, i) => keys.map((k) => loanCell(e, plan, i, k)));
    e.setCells(plan.sheetName, ...at(plan, PF.rateShock), [[300]]);
    e.setCells(plan.sheetName, ...at(plan, PF.valueShock), [[-0.45]]);
    const after = EXAMPLE_BOOK.loans.map((_, i) => keys.map((k) => loanCell(e, plan, i, k)));
    EXAMPLE_BOOK.loans.forEach((l, i) =>
      keys.forEach((k, j) => expect([l.name, k, after[i][j] !== before[i][j]]).toEqual([l.name, k, true])),
    );
    // And the roll-up follows: Harbor's exposure recomputed by hand under the new stress.
    const book: Book = { ...EXAMPLE_BOOK, stress: { ...EXAMPLE_BOOK.stress, rateShockBp: 300, valueShock: -0.45 } };
    const total = book.loans.filter((l) => l.guarantor === book.guarantors[0].name).map((l) => handExposure(book, l));
    expectClose(rollup(e, plan, 0, "D"), total[0] + total[1]);
  });

  test("a loan's bad input gives a clear error in its row only: an unknown state, an unknown lender type", () => {
    const e = compute(plan);
    const row = top(plan, PF.loanName);
    e.setCells(plan.sheetName, row, parseAddress(`${letter("state")}1`).col, [["ZZ"]]);
    const pursue = loanCell(e, plan, 0, "pursue") as { error: string; message?: string };
    expect(pursue.error).toBe("#N/A");
    expect(pursue.message).toMatch(/ZZ/);
    expect(typeof loanCell(e, plan, 1, "pursue")).toBe("number");
    e.setCells(plan.sheetName, row + 1, parseAddress(`${letter("lender")}1`).col, [["PAWNSHOP"]]);
    const premium = loanCell(e, plan, 1, "premium") as { error: string; message?: string };
    expect(premium.error).toMatch(/^#/);
    expect(premium.message).toMatch(/PAWNSHOP|loanType/);
  });

  test("a sprung carveout makes a non-recourse loan's exposure LOAN.CARVEOUT_EXPOSURE's", () => {
    const e = compute(plan);
    const row = top(plan, PF.loanName) + 2;
    // Oak Industrial: a 60 % fall, so its balance exceeds the value; BANKRUPTCY is full recourse: balance − value.
    e.setCells(plan.sheetName, ...at(plan, PF.valueShock), [[-0.6]]);
    e.setCells(plan.sheetName, row, parseAddress(`${letter("carveout")}1`).col, [["BANKRUPTCY"]]);
    const oak = EXAMPLE_BOOK.loans[2];
    const b = balance(oak.amount, oak.rate + 0.02, oak.amortYears, 3);
    expectClose(loanCell(e, plan, 2, "exposure"), b - oak.value * 0.4);
  });

  test("a portfolio needs a loan and a guarantor (a clear error otherwise)", () => {
    expect(() => buildPortfolioPlan({ ...EXAMPLE_BOOK, loans: [] })).toThrow(/at least one loan/);
    expect(() => buildPortfolioPlan({ ...EXAMPLE_BOOK, guarantors: [] })).toThrow(/at least one guarantor/);
  });

  test("the builder takes any number of loans: nothing is written for three", () => {
    const many: Book = {
      ...EXAMPLE_BOOK,
      loans: Array.from({ length: 25 }, (_, i) => ({ ...EXAMPLE_BOOK.loans[i % 3], name: `Loan ${i + 1}` })),
    };
    const p = buildPortfolioPlan(many);
    const e = compute(p);
    const exposures = many.loans.map((l) => handExposure(many, l));
    const harbor = exposures.filter((_, i) => many.loans[i].guarantor === many.guarantors[0].name);
    expectClose(
      rollup(e, p, 0, "D"),
      harbor.reduce((a, b) => a + b, 0),
    );
    expect(rollup(e, p, 0, "B")).toBe(harbor.length);
  });
});

/** A name's first cell, 0-based, for setCells and value. */
function at(p: SheetPlan, name: string): [number, number] {
  const n = p.names?.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const { top: row, left } = parseRange(n.address);
  return [row, left];
}

/** Inserts a loan as an analyst does: a row inside the block (above its last row), its cells filled down. */
function insertLoan(e: EngineWorkbook, p: SheetPlan, loan: PortfolioLoan): void {
  const row = parseRange(p.names?.find((n) => n.name === PF.loanName)?.address ?? "").bottom; // 0-based last row
  e.hf.addRows(e.sheetId(p.sheetName), [row, 1]);
  const cells = loanRowCells(loan, row + 1).map((c) => c.formula ?? c.value ?? null);
  e.setCells(p.sheetName, row, 0, [cells]);
}

describe("a loan whose guarantor the roll-up does not list", () => {
  // Its row looks its guarantor up in the roll-up (INDEX/MATCH, so the work grows with the loans, not
  // their square): not found, the loan is counted alone, nothing known to collect, and the sheet says so.
  const stranger: PortfolioLoan = { ...EXAMPLE_BOOK.loans[0], name: "Birch Lane", guarantor: "Unlisted LLC" };
  const book: Book = { ...EXAMPLE_BOOK, loans: [...EXAMPLE_BOOK.loans, stranger] };
  const p = buildPortfolioPlan(book);

  test("its total is its own exposure, its capacity 0, and the unlisted row shows that exposure", () => {
    const e = compute(p);
    const i = book.loans.length - 1;
    const own = handExposure(book, stranger);
    expect(own).toBeGreaterThan(0);
    expectClose(loanCell(e, p, i, "guarantorTotal"), own);
    expectClose(loanCell(e, p, i, "other"), 0);
    expect(loanCell(e, p, i, "capacity")).toBe(0);
    expectClose(e.value(p.sheetName, ...at(p, PF.unlisted)), own);
    // The listed guarantors' totals are as before: the stranger is not added to Harbor's.
    const harbor = [0, 1].reduce((sum, k) => sum + handExposure(book, book.loans[k]), 0);
    expectClose(loanCell(e, p, 0, "guarantorTotal"), harbor);
  });
});

describe("a deal model that takes its guarantor's other liabilities from the roll-up", () => {
  const extra: PortfolioLoan = {
    ...EXAMPLE_BOOK.loans[1],
    name: "Cedar Court",
    state: "TX",
    amount: 600_000,
    value: 800_000,
    noi: 60_000,
    guarantee: 1,
  };

  function linked() {
    const portfolio = buildPortfolioPlan();
    // Elm Street is the deal's own loan: the value-add worked example, its sponsor Harbor.
    const ref = `'${portfolio.sheetName}'!${blockCell(portfolio, PF.loanOther, 0)}`;
    const deal = buildDealPlan(VALUE_ADD, { liquidity: 600_000, netWorth: 8_000_000 }, { otherLiabilitiesFrom: ref });
    const e = evaluatePlans(addin, [portfolio, deal]);
    opened.push(e);
    const read = (name: string) => {
      const n = deal.names?.find((x) => x.name === name);
      if (!n) throw new Error(`no name ${name}`);
      const { row, col } = parseAddress(n.address.split(":")[0]);
      return e.value(deal.sheetName, row, col) as number;
    };
    return { portfolio, deal, e, read };
  }

  test("the input is a formula of the portfolio's cell, and reads Harbor's other loan (Riverside's exposure)", () => {
    const { portfolio, deal, e, read } = linked();
    const input = deal.cells.find(
      (c) => c.address === deal.names?.find((n) => n.name === "OtherContingentLiabilities")?.address,
    );
    expect(input?.formula).toBe(`='Portfolio'!${blockCell(portfolio, PF.loanOther, 0)}`);
    expectClose(read("OtherContingentLiabilities"), handExposure(EXAMPLE_BOOK, EXAMPLE_BOOK.loans[1]));
    expectClose(read("CollectibleCapacity"), 600_000 - handExposure(EXAMPLE_BOOK, EXAMPLE_BOOK.loans[1]));
    const errors = deal.cells.flatMap((c) => {
      const { row, col } = parseAddress(c.address);
      const v = e.value(deal.sheetName, row, col);
      return v !== null && typeof v === "object" ? [c.address] : [];
    });
    expect(errors).toEqual([]);
  });

  test("another loan of the same guarantor lowers the deal's CollectibleCapacity and changes its ProtectionValue", () => {
    const { portfolio, e, read } = linked();
    const capacity = read("CollectibleCapacity");
    const protection = read("ProtectionValue");
    insertLoan(e, portfolio, extra);
    const book: Book = { ...EXAMPLE_BOOK, loans: [...EXAMPLE_BOOK.loans, extra] };
    const added = handExposure(book, extra);
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(capacity);
    expectClose(read("CollectibleCapacity"), capacity - added);
    expect(read("ProtectionValue")).toBeLessThan(protection);
    // The names grew with the block: the roll-up counts the new loan.
    expect(e.value(portfolio.sheetName, top(portfolio, PF.guarantorName), 1)).toBe(3);
  });

  test("the deal's own loan changing size alone leaves them as they were", () => {
    const { portfolio, e, read } = linked();
    const capacity = read("CollectibleCapacity");
    const protection = read("ProtectionValue");
    const total = rollup(e, portfolio, 0, "D") as number;
    e.setCells(portfolio.sheetName, top(portfolio, PF.loanName), parseAddress(`${letter("amount")}1`).col, [
      [5_000_000],
    ]);
    expect(rollup(e, portfolio, 0, "D") as number).toBeGreaterThan(total); // its own exposure grew…
    expect(Math.abs(read("CollectibleCapacity") - capacity)).toBeLessThan(1e-6); // …the others' did not
    expect(Math.abs(read("ProtectionValue") - protection)).toBeLessThan(1e-6);
  });
});

test("every column has a heading and a known format; letters run A, B, … without gaps", () => {
  COLUMNS.forEach((c, i) => {
    expect(c.heading.length).toBeGreaterThan(0);
    expect(parseAddress(`${c.letter}1`).col).toBe(i);
  });
});
