/**
 * The portfolio template at scale (issue 26, item 4): a book of BENCH_PORTFOLIO_ROWS loans
 * (default 10,000; four loans a guarantor) built with buildPortfolioPlan two ways and computed by
 * the headless engine:
 *
 *   LOAN      the template as it ships (LOAN.* columns);
 *   built-in  the same sheet with Excel's built-ins wherever one computes the same figure (PMT for
 *             the debt service, FV for the balance, MIN/MAX/division for the DSCR, LTV, deficiency,
 *             guarantee and capacity), LOAN.* only where none does (state law, carveouts, premium,
 *             protection value).
 *
 * Timed, alternating the variants (a warm-up round first): the plan's build (JavaScript), the
 * engine's build (parse, dependency graph, first evaluation of every cell) and full
 * recalculations after a change of PfRateShock, which every row follows. Before timing, the two
 * must agree on every loan's exposure, share and protection value (1e-9 relative). The ratio is
 * paired per round (LOAN ÷ built-in), then the median; budget 1.5×. Prints a Markdown table; the
 * figures are recorded by hand in docs/benchmarks.md.
 *
 *   node bench/run.mjs portfolio        (BENCH_PORTFOLIO_ROWS, BENCH_PORTFOLIO_RUNS: default 3)
 *
 * With `--xlsx=N FILE [builtin]` (after the root) it instead writes the LOAN.* portfolio of N
 * loans (or its built-in variant) as an .xlsx (ExcelJS's streaming writer, formulas stored as
 * Excel stores add-in functions, cached results 0, the Pf names), for timing `loan recalc` on
 * it (docs/benchmarks.md).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan } from "../src/engine/plan-writers";
import type { EngineWorkbook } from "../src/engine/workbook";
import { parseRange } from "../src/plan/a1";
import type { SheetPlan } from "../src/plan/plan";
import { buildPortfolioPlan, EXAMPLE_BOOK, PF, type Book, type PortfolioLoan } from "../src/plan/portfolio";
import { median, positiveInt } from "./report";

const ROOT = path.resolve(process.argv[2] ?? process.cwd());
const ROWS = positiveInt(process.env.BENCH_PORTFOLIO_ROWS, 10_000);
const RUNS = positiveInt(process.env.BENCH_PORTFOLIO_RUNS, 3);
const SHOCKS = [250, 300, 200];
const BUDGET = 1.5;

type Variant = "loan" | "builtin";

/** A deterministic book: the worked example's three loans varied in size, value and state. */
function book(rows: number): Book {
  const states = ["TX", "NV", "CA", "AZ", "WA", "GA"];
  const loans: PortfolioLoan[] = Array.from({ length: rows }, (_, i) => {
    const base = EXAMPLE_BOOK.loans[i % 3];
    const scale = 0.5 + ((i * 7919) % 1000) / 1000;
    return {
      ...base,
      name: `Loan ${i + 1}`,
      guarantor: `Guarantor ${Math.floor(i / 4) + 1}`,
      state: states[i % states.length],
      amount: Math.round(base.amount * scale),
      value: Math.round(base.value * scale * (0.9 + ((i * 31) % 200) / 1000)),
      noi: Math.round(base.noi * scale),
    };
  });
  const guarantors = Array.from({ length: Math.ceil(rows / 4) }, (_, g) => ({
    name: `Guarantor ${g + 1}`,
    netWorth: 10_000_000 + ((g * 104_729) % 5_000_000),
    liquidity: 400_000 + ((g * 7_919) % 800_000),
  }));
  return { ...EXAMPLE_BOOK, loans, guarantors };
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface Sample {
  plan: number;
  build: number;
  recalc: number;
}

function column(e: EngineWorkbook, plan: SheetPlan, name: string): number[] {
  const n = plan.names?.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const r = parseRange(n.address);
  const out: number[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const v = e.value(plan.sheetName, row, r.left);
    if (typeof v !== "number") throw new Error(`${name} row ${row + 1}: ${JSON.stringify(v)}`);
    out.push(v);
  }
  return out;
}

/** Writes the portfolio of `rows` loans to `file`, cell by cell in row order, with cached results of 0. */
async function writeXlsx(rows: number, file: string, formulas: Variant = "loan"): Promise<void> {
  const plan = buildPortfolioPlan(book(rows), { formulas });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = writer.addWorksheet(plan.sheetName);
  const byRow = new Map<number, { col: number; value: ExcelJS.CellValue }[]>();
  for (const c of plan.cells) {
    const { top, left } = parseRange(c.address);
    const value: ExcelJS.CellValue =
      c.formula !== undefined
        ? { formula: c.formula.slice(1).replace(/LOAN\.([A-Z_]+)\(/g, "_xldudf_LOAN_$1("), result: 0 }
        : (c.value as ExcelJS.CellValue);
    const list = byRow.get(top + 1) ?? [];
    list.push({ col: left + 1, value });
    byRow.set(top + 1, list);
  }
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const row = ws.getRow(r);
    for (const { col, value } of byRow.get(r) ?? []) row.getCell(col).value = value;
    row.commit();
  }
  for (const n of plan.names ?? []) {
    const [a, b = a] = n.address.split(":");
    const abs = (x: string) => x.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    writer.definedNames.add(`${plan.sheetName}!${abs(a)}:${abs(b)}`, n.name);
  }
  ws.commit();
  await writer.commit();
}

function main(): void {
  const addin = loadAddin(path.join(ROOT, "dist"));
  const b = book(ROWS);
  // Agreement first: both variants compute the same book.
  const check: Record<Variant, number[][]> = { loan: [], builtin: [] };
  for (const v of ["loan", "builtin"] as const) {
    const plan = buildPortfolioPlan(b, { formulas: v });
    const e = evaluatePlan(addin, plan);
    check[v] = [PF.loanExposure, PF.loanShare, PF.loanProtection].map((n) => column(e, plan, n));
    e.destroy();
  }
  check.loan.forEach((col, c) =>
    col.forEach((x, i) => {
      const y = check.builtin[c][i];
      if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x))) throw new Error(`the variants disagree: ${c} row ${i}`);
    }),
  );
  const samples: Record<Variant, Sample[]> = { loan: [], builtin: [] };
  const cells = { loan: 0, builtin: 0 };
  for (let round = 0; round <= RUNS; round++) {
    const order: Variant[] = round % 2 ? ["builtin", "loan"] : ["loan", "builtin"];
    for (const v of order) {
      gc();
      let t = process.hrtime.bigint();
      const plan = buildPortfolioPlan(b, { formulas: v });
      const planTime = seconds(t);
      cells[v] = plan.cells.length;
      gc();
      t = process.hrtime.bigint();
      const e = evaluatePlan(addin, plan);
      const build = seconds(t);
      const shock = parseRange(plan.names?.find((n) => n.name === PF.rateShock)?.address ?? "A1");
      const times: number[] = [];
      for (const bp of SHOCKS) {
        gc();
        t = process.hrtime.bigint();
        e.setCells(plan.sheetName, shock.top, shock.left, [[bp]]);
        times.push(seconds(t));
      }
      e.destroy();
      if (round > 0) samples[v].push({ plan: planTime, build, recalc: median(times) });
    }
  }
  const med = (v: Variant, k: keyof Sample) => median(samples[v].map((s) => s[k]));
  const ratio = (k: keyof Sample) => median(samples.loan.map((s, i) => s[k] / samples.builtin[i][k]));
  const f = (x: number) => x.toFixed(2);
  console.log(
    `Portfolio of ${ROWS.toLocaleString("en-US")} loans (${cells.loan.toLocaleString("en-US")} cells), ${RUNS} timed rounds`,
  );
  console.log("| Sheet | plan built (s) | engine build (s) | full recalculation (s) |");
  console.log("|---|---:|---:|---:|");
  for (const v of ["loan", "builtin"] as const)
    console.log(
      `| ${v === "loan" ? "LOAN.*" : "built-ins"} | ${f(med(v, "plan"))} | ${f(med(v, "build"))} | ${f(med(v, "recalc"))} |`,
    );
  const rb = ratio("build");
  const rr = ratio("recalc");
  console.log(`| LOAN ÷ built-in (paired median) | ${f(ratio("plan"))}× | ${f(rb)}× | ${f(rr)}× |`);
  const ok = rb <= BUDGET && rr <= BUDGET;
  console.log(`Budget ${BUDGET}×: ${ok ? "within" : "over"}`);
  process.exitCode = ok ? 0 : 1;
}

const xlsx = /^--xlsx=(\d+)$/.exec(process.argv[3] ?? "");
if (xlsx)
  void writeXlsx(
    Number(xlsx[1]),
    path.resolve(process.argv[4] ?? "portfolio.xlsx"),
    process.argv[5] === "builtin" ? "builtin" : "loan",
  );
else main();
