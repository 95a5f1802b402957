/**
 * The headless engine on a portfolio: 10,000 loans, one a row (amount, rate, amortization,
 * NOI, value, sale price), with five computed columns (debt service, DSCR, balance at the
 * end of the hold, deficiency, non-recourse premium) written two ways in two workbooks of
 * the same engine (HyperFormula with the add-in registered):
 *
 *   LOAN      the five LOAN.* functions, as an analyst using the add-in writes them;
 *   built-in  the same quantities with Excel's built-ins (PMT, FV, MAX, arithmetic).
 *
 * Both read the same inputs, including shared assumption cells in row 1 (rate shock, hold,
 * non-recourse spread, points) that every row refers to, so changing the rate shock makes
 * every one of the 50,000 formula cells recompute: that is the recalculation timed.
 * Before anything is timed, the two workbooks must agree on every row's five values.
 *
 * Measured: build (HyperFormula.buildFromSheets: parse, dependency graph, first full
 * evaluation) and full recalculation time, alternating the two variants in one process;
 * peak memory, each variant alone in a fresh child process; and `recalc` of a 10,000-row
 * .xlsx end to end, in-process (recalcXlsx) and through the CLI (node bin/loan.mjs recalc).
 * Budget: the LOAN workbook at most 1.5× the built-in workbook's time, build and recalculation
 * each. Writes the engine section of docs/benchmarks.md (between the engine markers).
 *
 * Run with `npm run bench` (both benchmarks) or `node bench/run.mjs engine` (this one).
 * argv[2]: repository root. argv[3] (internal): --memory=loan|builtin runs one memory probe;
 * --profile=loan|builtin builds and recalculates one variant BENCH_ENGINE_RUNS times (for
 * `node --cpu-prof`).
 * Environment: BENCH_ENGINE_ROWS (default 10000), BENCH_ENGINE_RUNS (timed runs per variant,
 * default 5), BENCH_ENGINE_MEMORY_RUNS (child processes per variant, default 3),
 * BENCH_ENGINE_XLSX_RUNS (default 3), BENCH_NO_WRITE=1, BENCH_DIST (default dist).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip"; // ExcelJS's own zip library (its dependency)
import type { RawCellContent } from "hyperformula";
import type { Addin } from "../src/engine/addin";
import { loadAddin } from "../src/engine/load-node";
import { EngineWorkbook, type CellResult } from "../src/engine/workbook";
import { recalcXlsx, type RecalcSummary } from "../src/engine/xlsx";
import { writeEngineSection } from "./doc-sections";
import { fmt, mdTable, median, positiveInt, textTable, verdict } from "./report";

const ROOT = path.resolve(process.argv[2] ?? process.cwd());
const MODE = process.argv[3] ?? "";
const DIST = path.resolve(ROOT, process.env.BENCH_DIST ?? "dist");
const ROWS = positiveInt(process.env.BENCH_ENGINE_ROWS, 10_000);
const RUNS = positiveInt(process.env.BENCH_ENGINE_RUNS, 5);
const MEMORY_RUNS = positiveInt(process.env.BENCH_ENGINE_MEMORY_RUNS, 3);
const XLSX_RUNS = positiveInt(process.env.BENCH_ENGINE_XLSX_RUNS, 3);
const WARMUP_RUNS = 1;
/** Rate shocks applied one after another to each built workbook; each is one timed recalculation. */
const SHOCKS = [0.0025, 0.005, 0];
const BUDGET = 1.5;
const TOLERANCE = 1e-9;
const SEED = 20_240_611;

const SHEET = "Portfolio";
/** Row 1 (index 0) holds the assumptions, row 2 the headers, rows 3… the loans. */
const FIRST = 2;
const INPUT_COLS = 6;
const OUTPUTS = ["DEBT_SERVICE", "DSCR", "BALANCE", "DEFICIENCY", "NONRECOURSE_PREMIUM"] as const;
const SHOCK_CELL = { row: 0, col: 1 }; // B1

// ---------------------------------------------------------------------------------------
// The portfolio.

/** A small seeded generator (xorshift32 with a multiplicative output step): the same loans every run. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return (Math.imul(x, 0x9e3779b1) >>> 0) / 4294967296;
  };
}

interface Loan {
  amount: number;
  rate: number;
  amort: number;
  noi: number;
  value: number;
  sale: number;
}

const ASSUMPTIONS = { shock: 0, hold: 7, spread: 0.005, recoursePoints: 0.0075, nonRecoursePoints: 0.0125 };

/**
 * Amounts log-uniform on 0.5–50 M (whole thousands); rates 3–9 % in whole basis points;
 * amortization 25 or 30 years; NOI set so the DSCR falls uniformly in 0.8–2.0; value at an
 * LTV of 50–80 %; sale price 60–110 % of the loan (whole thousands).
 */
function portfolio(rows: number): Loan[] {
  const u = random(SEED);
  const loans: Loan[] = [];
  const lo = Math.log(500_000);
  const hi = Math.log(50_000_000);
  for (let k = 0; k < rows; k++) {
    const amount = Math.round(Math.exp(lo + (hi - lo) * u()) / 1000) * 1000;
    const rate = (300 + Math.floor(u() * 601)) / 10_000;
    const amort = u() < 0.5 ? 25 : 30;
    const i = rate / 12;
    const annualDebtService = ((amount * i) / (1 - Math.pow(1 + i, -amort * 12))) * 12;
    const noi = Math.round(annualDebtService * (0.8 + 1.2 * u()));
    const value = Math.round(amount / (0.5 + 0.3 * u()) / 1000) * 1000;
    const sale = Math.round((amount * (0.6 + 0.5 * u())) / 1000) * 1000;
    loans.push({ amount, rate, amort, noi, value, sale });
  }
  return loans;
}

type Variant = "loan" | "builtin";
const VARIANTS: Variant[] = ["loan", "builtin"];
const LABEL: Record<Variant, string> = { loan: "LOAN.* functions", builtin: "built-in formulas" };

/** The five formulas of spreadsheet row n (1-based), without the leading "=". */
function formulas(variant: Variant, n: number, udf = "LOAN."): string[] {
  const r = `B${n}+$B$1`; // the loan's rate after the shock
  if (variant === "loan") {
    return [
      `${udf}DEBT_SERVICE(A${n},${r},C${n})`,
      `${udf}DSCR(D${n},G${n})`,
      `${udf}BALANCE(A${n},${r},C${n},$D$1)`,
      `${udf}DEFICIENCY(I${n},F${n})`,
      `${udf}NONRECOURSE_PREMIUM(A${n},${r},${r}+$F$1,$H$1,$J$1,$D$1)`,
    ];
  }
  return [
    `-PMT((${r})/12,C${n}*12,A${n})*12`,
    `D${n}/G${n}`,
    `-FV((${r})/12,$D$1*12,PMT((${r})/12,C${n}*12,A${n}),A${n})`,
    `MAX(0,I${n}-F${n})`,
    `A${n}*((${r}+$F$1)-(${r}))*$D$1+A${n}*($J$1-$H$1)`,
  ];
}

const ASSUMPTION_ROW: RawCellContent[] = [
  "Rate shock",
  ASSUMPTIONS.shock,
  "Hold (years)",
  ASSUMPTIONS.hold,
  "Non-recourse spread",
  ASSUMPTIONS.spread,
  "Recourse points",
  ASSUMPTIONS.recoursePoints,
  "Non-recourse points",
  ASSUMPTIONS.nonRecoursePoints,
];
const HEADER_ROW = [
  "Amount",
  "Rate",
  "Amortization (years)",
  "NOI",
  "Value",
  "Sale price",
  "Debt service",
  "DSCR",
  "Balance at exit",
  "Deficiency",
  "Non-recourse premium",
];

function sheetCells(variant: Variant, loans: Loan[]): RawCellContent[][] {
  const cells: RawCellContent[][] = [ASSUMPTION_ROW, HEADER_ROW];
  loans.forEach((l, k) => {
    const n = FIRST + k + 1;
    cells.push([l.amount, l.rate, l.amort, l.noi, l.value, l.sale, ...formulas(variant, n).map((f) => `=${f}`)]);
  });
  return cells;
}

// ---------------------------------------------------------------------------------------
// Agreement: both workbooks compute the same five numbers on every row.

interface Agreement {
  rows: number;
  /** Largest relative difference per output column. */
  maxRel: number[];
  /** Rows with a positive deficiency (so the MAX branch is exercised both ways). */
  positiveDeficiencies: number;
  problems: string[];
}

function outputs(wb: EngineWorkbook): CellResult[][] {
  return wb
    .sheetValues(SHEET)
    .slice(FIRST)
    .map((row) => row.slice(INPUT_COLS, INPUT_COLS + OUTPUTS.length));
}

/**
 * Each value within TOLERANCE relative to the larger of the two; deficiency (a difference
 * of two amounts that may nearly cancel) relative to the balance it is taken from.
 */
function compare(loan: CellResult[][], builtin: CellResult[][], label: string): Agreement {
  const problems: string[] = [];
  const maxRel = OUTPUTS.map(() => 0);
  let positiveDeficiencies = 0;
  if (loan.length !== ROWS || builtin.length !== ROWS)
    problems.push(`${label}: ${loan.length} and ${builtin.length} rows, expected ${ROWS}`);
  for (let k = 0; k < Math.min(loan.length, builtin.length); k++) {
    for (let j = 0; j < OUTPUTS.length; j++) {
      const a = loan[k][j];
      const b = builtin[k][j];
      if (typeof a !== "number" || typeof b !== "number" || !Number.isFinite(a) || !Number.isFinite(b)) {
        problems.push(
          `${label}: row ${FIRST + k + 1} ${OUTPUTS[j]}: LOAN ${JSON.stringify(a)}, built-in ${JSON.stringify(b)}`,
        );
        continue;
      }
      const scale =
        OUTPUTS[j] === "DEFICIENCY"
          ? Math.max(Math.abs(a), Math.abs(b), Math.abs(loan[k][2] as number))
          : Math.max(Math.abs(a), Math.abs(b));
      const rel = scale === 0 ? 0 : Math.abs(a - b) / scale;
      maxRel[j] = Math.max(maxRel[j], rel);
      if (!(rel <= TOLERANCE))
        problems.push(
          `${label}: row ${FIRST + k + 1} ${OUTPUTS[j]}: LOAN ${a}, built-in ${b} (relative difference ${rel.toExponential(2)})`,
        );
      if (j === 3 && a > 0) positiveDeficiencies++;
    }
  }
  return { rows: Math.min(loan.length, builtin.length), maxRel, positiveDeficiencies, problems };
}

/** Row 3's five values computed in JavaScript from the closed forms, for a given shock. */
function expectedFirstRow(l: Loan, shock: number): number[] {
  const i = (l.rate + shock) / 12;
  const n = l.amort * 12;
  const m = ASSUMPTIONS.hold * 12;
  const pay = (l.amount * i) / (1 - Math.pow(1 + i, -n));
  const bal = (l.amount * (Math.pow(1 + i, n) - Math.pow(1 + i, m))) / (Math.pow(1 + i, n) - 1);
  const ds = pay * 12;
  return [
    ds,
    l.noi / ds,
    bal,
    Math.max(0, bal - l.sale),
    l.amount * ASSUMPTIONS.spread * ASSUMPTIONS.hold +
      l.amount * (ASSUMPTIONS.nonRecoursePoints - ASSUMPTIONS.recoursePoints),
  ];
}

function checkFirstRow(wb: EngineWorkbook, l: Loan, shock: number, label: string): void {
  const want = expectedFirstRow(l, shock);
  OUTPUTS.forEach((name, j) => {
    const got = wb.value(SHEET, FIRST, INPUT_COLS + j);
    const scale = Math.max(Math.abs(want[j]), Math.abs(want[2]) * (j === 3 ? 1 : 0), 1e-300);
    if (typeof got !== "number" || Math.abs(got - want[j]) / scale > 1e-7) {
      throw new Error(
        `${label}, shock ${shock}: row ${FIRST + 1} ${name} is ${JSON.stringify(got)}, expected ${want[j]}; the recalculation did not happen`,
      );
    }
  });
}

// ---------------------------------------------------------------------------------------
// Timing.

const now = () => Number(process.hrtime.bigint()) / 1e6;
const gc = (globalThis as { gc?: () => void }).gc;

interface Samples {
  /** One build a round. */
  build: number[];
  /** Every recalculation (SHOCKS.length a round). */
  recalc: number[];
  /** The median recalculation of each round. */
  recalcByRound: number[];
}

/** Builds one workbook, recalculates it once per shock, destroys it; returns the times in ms. */
function runOnce(
  addin: Addin,
  variant: Variant,
  cells: RawCellContent[][],
  first: Loan,
): { build: number; recalc: number[] } {
  gc?.();
  const t0 = now();
  const wb = new EngineWorkbook(addin, [{ name: SHEET, cells }]);
  const build = now() - t0;
  const recalc: number[] = [];
  try {
    checkFirstRow(wb, first, ASSUMPTIONS.shock, LABEL[variant]);
    for (const shock of SHOCKS) {
      gc?.(); // so that one recalculation does not pay for collecting the garbage of the last
      const t1 = now();
      wb.setCells(SHEET, SHOCK_CELL.row, SHOCK_CELL.col, [[shock]]);
      recalc.push(now() - t1);
      checkFirstRow(wb, first, shock, LABEL[variant]);
    }
  } finally {
    wb.destroy();
  }
  return { build, recalc };
}

/** Warm-up, then RUNS rounds; each round runs both variants, the order alternating round to round. */
function measureTimes(addin: Addin, cells: Record<Variant, RawCellContent[][]>, first: Loan): Record<Variant, Samples> {
  const samples: Record<Variant, Samples> = {
    loan: { build: [], recalc: [], recalcByRound: [] },
    builtin: { build: [], recalc: [], recalcByRound: [] },
  };
  for (let round = 0; round < WARMUP_RUNS + RUNS; round++) {
    const order: Variant[] = round % 2 === 0 ? ["loan", "builtin"] : ["builtin", "loan"];
    for (const v of order) {
      const r = runOnce(addin, v, cells[v], first);
      const timed = round >= WARMUP_RUNS;
      if (timed) {
        samples[v].build.push(r.build);
        samples[v].recalc.push(...r.recalc);
        samples[v].recalcByRound.push(median(r.recalc));
      }
      console.log(
        `  ${timed ? `run ${round - WARMUP_RUNS + 1}` : "warm-up"}  ${LABEL[v].padEnd(17)}  build ${fmt(r.build, 0).padStart(6)} ms  recalc ${r.recalc.map((x) => fmt(x, 0)).join(" / ")} ms`,
      );
    }
  }
  return samples;
}

// ---------------------------------------------------------------------------------------
// Memory: each variant alone in a fresh Node process.

interface MemoryProbe {
  variant: Variant;
  /** RSS before building (Node, HyperFormula, the add-in loaded, the cell contents generated). */
  baseRss: number;
  /** The process's peak RSS (kernel high-water mark) after build and one recalculation. */
  peakRss: number;
  /** Heap used after build, after a full GC, minus the same before the build. */
  retainedHeap: number;
}

function memoryProbe(addin: Addin, variant: Variant, cells: RawCellContent[][]): MemoryProbe {
  if (!gc) throw new Error("the memory probe needs node --expose-gc");
  gc();
  gc();
  const before = process.memoryUsage();
  const wb = new EngineWorkbook(addin, [{ name: SHEET, cells }]);
  wb.setCells(SHEET, SHOCK_CELL.row, SHOCK_CELL.col, [[SHOCKS[0]]]);
  gc();
  gc();
  const retainedHeap = process.memoryUsage().heapUsed - before.heapUsed;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  wb.destroy();
  return { variant, baseRss: before.rss, peakRss, retainedHeap };
}

function measureMemory(): Record<Variant, MemoryProbe[]> {
  const out: Record<Variant, MemoryProbe[]> = { loan: [], builtin: [] };
  const script = __filename;
  for (let k = 0; k < MEMORY_RUNS; k++) {
    const order: Variant[] = k % 2 === 0 ? ["loan", "builtin"] : ["builtin", "loan"];
    for (const v of order) {
      const child = spawnSync(process.execPath, ["--expose-gc", script, ROOT, `--memory=${v}`], {
        cwd: ROOT,
        encoding: "utf8",
        env: process.env,
        maxBuffer: 16 * 1024 * 1024,
      });
      if (child.status !== 0)
        throw new Error(`memory probe (${v}) failed with status ${child.status ?? child.signal}:\n${child.stderr}`);
      const line = child.stdout.trim().split("\n").pop()!;
      const probe = JSON.parse(line) as MemoryProbe;
      out[v].push(probe);
      console.log(
        `  probe ${k + 1}  ${LABEL[v].padEnd(17)}  peak RSS ${mib(probe.peakRss)}  (base ${mib(probe.baseRss)})  retained heap ${mib(probe.retainedHeap)}`,
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// recalc of an .xlsx, end to end.

async function writeXlsx(file: string, loans: Loan[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(SHEET);
  ws.addRow(ASSUMPTION_ROW);
  ws.addRow(HEADER_ROW);
  loans.forEach((l, k) => {
    const n = FIRST + k + 1;
    // Stored the way Excel stores an add-in's functions in a file: _xldudf_LOAN_…
    ws.addRow([
      l.amount,
      l.rate,
      l.amort,
      l.noi,
      l.value,
      l.sale,
      ...formulas("loan", n, "_xldudf_LOAN_").map((formula) => ({ formula })),
    ]);
  });
  await book.xlsx.writeFile(file);
}

interface XlsxRun {
  totalMs: number;
  readMs: number;
  computeMs: number;
  writeMs: number;
}

async function recalcInProcess(
  addin: Addin,
  input: string,
  output: string,
): Promise<{ run: XlsxRun; summary: RecalcSummary }> {
  gc?.();
  const t0 = now();
  let computeStart = NaN;
  let computeEnd = NaN;
  const summary = await recalcXlsx(addin, input, output, {
    onProgress: (phase, fraction) => {
      if (phase === "compute" && fraction === 0) computeStart = now();
      if (phase === "compute" && fraction === 1) computeEnd = now();
    },
  });
  const t1 = now();
  return {
    run: {
      totalMs: t1 - t0,
      readMs: computeStart - t0,
      computeMs: computeEnd - computeStart,
      writeMs: t1 - computeEnd,
    },
    summary,
  };
}

interface CliRun {
  totalMs: number;
  peakRss: number;
}

/** A preload that reports the process's peak RSS on exit, so the CLI itself runs unchanged. */
function writePeakRssPreload(dir: string): string {
  const file = path.join(dir, "peak-rss.cjs");
  fs.writeFileSync(
    file,
    `process.on("exit", () => { require("fs").writeFileSync(process.env.LOAN_BENCH_PEAK_RSS, String(process.resourceUsage().maxRSS * 1024)); });\n`,
  );
  return file;
}

function recalcCli(dir: string, preload: string, input: string, output: string): CliRun {
  const rssFile = path.join(dir, "peak-rss.txt");
  const t0 = now();
  const child = spawnSync(
    process.execPath,
    ["--require", preload, path.join(ROOT, "bin", "loan.mjs"), "recalc", input, "-o", output],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, LOAN_BENCH_PEAK_RSS: rssFile },
    },
  );
  const totalMs = now() - t0;
  if (child.status !== 0)
    throw new Error(`loan recalc exited with ${child.status ?? child.signal}:\n${child.stdout}\n${child.stderr}`);
  const expected = [`Formulas computed: ${ROWS * OUTPUTS.length}`, "Cells in error: 0"];
  for (const e of expected)
    if (!child.stdout.includes(e)) throw new Error(`loan recalc did not report "${e}":\n${child.stdout}`);
  return { totalMs, peakRss: Number(fs.readFileSync(rssFile, "utf8")) };
}

/**
 * Every formula's cached result in the recalculated file equals the engine's value. Read
 * from the sheet's XML itself: ExcelJS's reader drops a cached result of 0 (it reads
 * <f>…</f><v>0</v> as a formula without a result), and a zero deficiency is common here.
 */
async function checkXlsxOutput(file: string, expected: CellResult[][]): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
  if (!xml) throw new Error(`${path.basename(file)}: no xl/worksheets/sheet1.xml`);
  const cached = new Map<string, { formula: boolean; value: string | undefined }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const inner = m[2] ?? "";
    cached.set(m[1], { formula: /<f[ >/]/.test(inner), value: /<v>([^<]*)<\/v>/.exec(inner)?.[1] });
  }
  let checked = 0;
  for (let k = 0; k < ROWS; k++) {
    for (let j = 0; j < OUTPUTS.length; j++) {
      const address = `${String.fromCharCode(65 + INPUT_COLS + j)}${FIRST + k + 1}`;
      const c = cached.get(address);
      const want = expected[k][j] as number;
      const got = c?.value === undefined ? NaN : Number(c.value);
      if (!c?.formula || !(Math.abs(got - want) <= TOLERANCE * Math.max(Math.abs(want), 1))) {
        throw new Error(
          `${path.basename(file)}: ${address} (${OUTPUTS[j]}): ${c?.formula ? "" : "no formula, "}cached ${c?.value}, expected ${want}`,
        );
      }
      checked++;
    }
  }
  if (checked !== ROWS * OUTPUTS.length)
    throw new Error(`checked ${checked} cached results, expected ${ROWS * OUTPUTS.length}`);
}

// ---------------------------------------------------------------------------------------
// Report.

const mib = (b: number) => `${fmt(b / 1024 / 1024, 1)} MiB`;
const range = (xs: number[], digits: number) => `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`;

interface Results {
  cpu: string;
  agreement: Agreement;
  shockedAgreement: Agreement;
  times: Record<Variant, Samples>;
  memory: Record<Variant, MemoryProbe[]>;
  ratios: { build: number; recalc: number; total: number };
  pass: { build: boolean; recalc: boolean };
  xlsxBytes: number;
  xlsxWriteMs: number;
  inProcess: XlsxRun[];
  cli: CliRun[];
  development: boolean;
}

function timeRows(r: Results): string[][] {
  const rows = VARIANTS.map((v) => {
    const s = r.times[v];
    const m = r.memory[v];
    return [
      LABEL[v],
      fmt(median(s.build), 0),
      range(s.build, 0),
      fmt(median(s.recalc), 0),
      range(s.recalc, 0),
      fmt(median(s.build) + median(s.recalc), 0),
      mib(median(m.map((p) => p.peakRss))),
      mib(median(m.map((p) => p.peakRss - p.baseRss))),
      mib(median(m.map((p) => p.retainedHeap))),
    ];
  });
  const memRatio = (f: (p: MemoryProbe) => number) =>
    `${fmt(median(r.memory.loan.map(f)) / median(r.memory.builtin.map(f)), 2)}×`;
  rows.push([
    "LOAN ÷ built-in",
    `${fmt(r.ratios.build, 2)}×`,
    "",
    `${fmt(r.ratios.recalc, 2)}×`,
    "",
    `${fmt(r.ratios.total, 2)}×`,
    memRatio((p) => p.peakRss),
    memRatio((p) => p.peakRss - p.baseRss),
    memRatio((p) => p.retainedHeap),
  ]);
  return rows;
}

const TIME_HEADER = [
  `Workbook (${ROWS.toLocaleString("en-US")} loans × 5 formulas)`,
  "build ms",
  "min–max",
  "recalc ms",
  "min–max",
  "build + recalc ms",
  "peak RSS",
  "peak RSS − base",
  "retained heap",
];

function xlsxRows(r: Results): string[][] {
  const formulasCount = ROWS * OUTPUTS.length;
  const row = (label: string, ms: number[], extra: string, rss: string) => [
    label,
    fmt(median(ms) / 1000, 2),
    `${fmt(Math.min(...ms) / 1000, 2)}–${fmt(Math.max(...ms) / 1000, 2)}`,
    fmt(ROWS / (median(ms) / 1000), 0),
    fmt(formulasCount / (median(ms) / 1000), 0),
    extra,
    rss,
  ];
  const ip = r.inProcess;
  return [
    row(
      "recalcXlsx (in-process)",
      ip.map((x) => x.totalMs),
      `read ${fmt(median(ip.map((x) => x.readMs)) / 1000, 2)} s, build ${fmt(median(ip.map((x) => x.computeMs)) / 1000, 2)} s, results + write ${fmt(median(ip.map((x) => x.writeMs)) / 1000, 2)} s`,
      "—",
    ),
    row(
      "node bin/loan.mjs recalc (new process)",
      r.cli.map((x) => x.totalMs),
      "includes Node start-up and loading the engine",
      mib(median(r.cli.map((x) => x.peakRss))),
    ),
  ];
}

const XLSX_HEADER = [
  `recalc, ${ROWS.toLocaleString("en-US")}-row .xlsx`,
  "seconds",
  "min–max",
  "rows/s",
  "formulas/s",
  "phases (medians)",
  "peak RSS",
];

function markdown(r: Results): string {
  const date = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
  const failures = failuresOf(r);
  const f3 = (v: Variant) =>
    formulas(v, 3)
      .map((f, j) => `  - ${OUTPUTS[j]}: \`=${f}\``)
      .join("\n");
  return `## Engine: a 10,000-loan portfolio

Generated by \`npm run bench\` (bench/run.mjs → bench/engine-bench.ts); this section only. Do not edit by hand.

- Date: ${date}
- Node: ${process.version} (${os.platform()}/${os.arch()}, V8 ${process.versions.v8}); CPU: ${r.cpu}
- Portfolio: ${ROWS.toLocaleString("en-US")} loans (seed ${SEED}), 5 formula columns = ${(ROWS * OUTPUTS.length).toLocaleString("en-US")} formula cells per workbook; add-in from \`${path.relative(ROOT, DIST) || "."}/\`${r.development ? " (**a development build**)" : ""}
- Runs: ${WARMUP_RUNS} warm-up + ${RUNS} timed builds per variant, alternating; ${SHOCKS.length} recalculations per build (${RUNS * SHOCKS.length} samples); memory from ${MEMORY_RUNS} fresh processes per variant; medians
- Agreement: all ${r.agreement.rows.toLocaleString("en-US")} rows × 5 values equal within ${TOLERANCE} relative, before and after a +${SHOCKS[0] * 1e4} bp shock (largest differences: ${OUTPUTS.map((o, j) => `${o} ${r.agreement.maxRel[j].toExponential(1)}`).join(", ")}); ${r.agreement.positiveDeficiencies.toLocaleString("en-US")} loans with a positive deficiency
- Verdict: ${failures.length ? `**over budget**: ${failures.join("; ")}` : `within budget (LOAN ≤ ${BUDGET}× built-in, build and recalculation each)`}

${mdTable(TIME_HEADER, timeRows(r), [false, true, true, true, true, true, true, true, true])}

| Budget (LOAN ÷ built-in) | Ratio | Budget | Result |
|:---|---:|---:|:---|
| build (parse + graph + first evaluation) | ${fmt(r.ratios.build, 2)}× | ≤ ${BUDGET}× | ${verdict(r.pass.build)} |
| full recalculation (rate shock changed) | ${fmt(r.ratios.recalc, 2)}× | ≤ ${BUDGET}× | ${verdict(r.pass.recalc)} |

### \`recalc\` of a 10,000-row .xlsx

${mdTable(XLSX_HEADER, xlsxRows(r), [false, true, true, true, true, false, true])}

The input (${fmt(r.xlsxBytes / 1024, 0)} KiB, written by ExcelJS in ${fmt(r.xlsxWriteMs / 1000, 2)} s) is the LOAN workbook above, its formulas stored as Excel stores add-in functions (\`_xldudf_LOAN_DEBT_SERVICE(…)\`); ${XLSX_RUNS} runs each, medians. Each output was checked: ${(ROWS * OUTPUTS.length).toLocaleString("en-US")} formulas computed, none in error, and every cached result equal to the engine's value. Phases of \`recalcXlsx\` (from its progress callback): **read** = the sheets stream out of the zip and their cells go to the engine's grid; **build** = the engine workbook is built (all formulas computed); **results + write** = each formula's value is read back and the changed cells are rewritten in the sheets' XML, the other parts copied as they were (docs/recalc.md). No budget.

### What is measured

- One sheet, row 1 the shared assumptions (B1 rate shock 0, D1 hold ${ASSUMPTIONS.hold} years, F1 non-recourse spread ${ASSUMPTIONS.spread}, H1/J1 points ${ASSUMPTIONS.recoursePoints} and ${ASSUMPTIONS.nonRecoursePoints}), row 2 headers, then one loan a row: A amount (log-uniform 0.5–50 M, whole thousands), B rate (3–9 %, whole basis points), C amortization (25 or 30), D NOI (DSCR 0.8–2.0), E value (LTV 50–80 %), F sale price (60–110 % of the loan). Formulas of row 3:
- LOAN workbook:
${f3("loan")}
- Built-in workbook (the same quantities; the premium is the interest-only view, L × (r_nr − r_r) × hold + L × Δpoints, written with the same rate expressions so it has the same dependencies):
${f3("builtin")}
- **build**: \`new EngineWorkbook(addin, sheets)\`, i.e. \`HyperFormula.buildFromSheets\` (parsing, dependency graph, evaluation of all 50,000 formulas) plus the engine's spill bookkeeping. **recalc**: \`setCells\` of the rate shock B1 (+25 bp, +50 bp, back to 0), which every formula depends on, so each recalculation recomputes all 50,000 cells; after each, row 3 is checked against closed forms computed in JavaScript.
- Times are wall-clock (process.hrtime) in one process; the variants alternate (LOAN first in even rounds, built-in first in odd ones) after a warm-up round, with a full GC before each build and each recalculation (so none pays for collecting another's garbage), so JIT warm-up and drift fall on both alike. The table shows each variant's median; the ratios (and the budget) are paired: LOAN ÷ built-in within each round, whose two runs were back to back, then the median over the ${RUNS} rounds (for the recalculation, each round's median of its ${SHOCKS.length}), so a slow spell of a shared machine cancels out.
- Memory is measured in separate processes (\`node --expose-gc\`, one variant each, alternating): a process's peak RSS is a high-water mark that never goes down, so in the timing process it would only show the largest workbook ever built there. **peak RSS** is the kernel's high-water mark (\`process.resourceUsage().maxRSS\`) after build + one recalculation, exact rather than sampled; **base** is the RSS just before the build (Node, HyperFormula, the add-in and the generated cell contents, ~${mib(median([...r.memory.loan, ...r.memory.builtin].map((p) => p.baseRss)))}); **retained heap** is the JS heap used after a full GC minus the same before the build: what the workbook keeps.
- The machine may be shared and noisy: read the ratios, and compare runs on the same machine.
`;
}

function failuresOf(r: Results): string[] {
  const out: string[] = [];
  if (!r.pass.build) out.push(`build ${fmt(r.ratios.build, 2)}× built-in (budget ≤ ${BUDGET}×)`);
  if (!r.pass.recalc) out.push(`recalculation ${fmt(r.ratios.recalc, 2)}× built-in (budget ≤ ${BUDGET}×)`);
  return out;
}

// ---------------------------------------------------------------------------------------

function load(): Addin {
  try {
    return loadAddin(DIST);
  } catch (e) {
    console.error(`engine bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const addin = load();
  const loans = portfolio(ROWS);
  const cells = { loan: sheetCells("loan", loans), builtin: sheetCells("builtin", loans) };

  const probe = /^--memory=(loan|builtin)$/.exec(MODE);
  if (probe) {
    process.stdout.write(`${JSON.stringify(memoryProbe(addin, probe[1] as Variant, cells[probe[1] as Variant]))}\n`);
    return;
  }
  const profile = /^--profile=(loan|builtin)$/.exec(MODE);
  if (profile) {
    const v = profile[1] as Variant;
    for (let k = 0; k < RUNS; k++) {
      const r = runOnce(addin, v, cells[v], loans[0]);
      console.log(`${LABEL[v]}: build ${fmt(r.build, 0)} ms, recalc ${r.recalc.map((x) => fmt(x, 0)).join(" / ")} ms`);
    }
    return;
  }
  if (MODE) throw new Error(`unknown option ${MODE}`);

  const cpus = os.cpus();
  const cpu = cpus.length ? `${cpus[0].model.trim()} (${cpus.length} logical CPUs)` : "unknown";
  const development = /webpackBootstrap|^\s*!\*{3} \.\//m.test(
    fs.readFileSync(path.join(DIST, "functions.js"), "utf8"),
  );
  console.log(`Engine benchmark: ${ROWS.toLocaleString("en-US")} loans × 5 formulas, Node ${process.version}, ${cpu}`);
  if (development) console.log(`Warning: ${DIST}/functions.js is a development build.`);
  if (!gc) console.log("Note: run with --expose-gc (bench/run.mjs does) for a GC before each build.");

  // 1. Agreement, before any timing.
  console.log("\nChecking that the two workbooks agree…");
  const wbs = {
    loan: new EngineWorkbook(addin, [{ name: SHEET, cells: cells.loan }]),
    builtin: new EngineWorkbook(addin, [{ name: SHEET, cells: cells.builtin }]),
  };
  const loanValues = outputs(wbs.loan);
  const agreement = compare(loanValues, outputs(wbs.builtin), "unshocked");
  for (const v of VARIANTS) wbs[v].setCells(SHEET, SHOCK_CELL.row, SHOCK_CELL.col, [[SHOCKS[0]]]);
  const shockedAgreement = compare(outputs(wbs.loan), outputs(wbs.builtin), `shock ${SHOCKS[0]}`);
  for (const v of VARIANTS) wbs[v].destroy();
  const disagreements = [...agreement.problems, ...shockedAgreement.problems];
  if (disagreements.length) {
    console.error(
      `\nengine bench: the LOAN and built-in workbooks DISAGREE (${disagreements.length} values); nothing was timed:`,
    );
    for (const p of disagreements.slice(0, 20)) console.error(`  ${p}`);
    if (disagreements.length > 20) console.error(`  … and ${disagreements.length - 20} more`);
    process.exit(2);
  }
  console.log(
    `  ${agreement.rows.toLocaleString("en-US")} rows agree within ${TOLERANCE} (largest relative differences: ${OUTPUTS.map((o, j) => `${o} ${Math.max(agreement.maxRel[j], shockedAgreement.maxRel[j]).toExponential(1)}`).join(", ")}); ${agreement.positiveDeficiencies} positive deficiencies.`,
  );

  // 2. Times, alternating in this process.
  console.log(`\nBuild and recalculation (${WARMUP_RUNS} warm-up + ${RUNS} timed rounds, alternating):`);
  const times = measureTimes(addin, cells, loans[0]);

  // 3. Memory, in fresh processes.
  console.log(`\nMemory (${MEMORY_RUNS} fresh processes per variant):`);
  const memory = measureMemory();

  // 4. recalc of an .xlsx.
  console.log(`\nrecalc of a ${ROWS.toLocaleString("en-US")}-row .xlsx (${XLSX_RUNS} runs each):`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-engine-bench-"));
  const inProcess: XlsxRun[] = [];
  const cli: CliRun[] = [];
  let xlsxBytes = 0;
  let xlsxWriteMs = 0;
  try {
    const input = path.join(dir, "portfolio.xlsx");
    const t0 = now();
    await writeXlsx(input, loans);
    xlsxWriteMs = now() - t0;
    xlsxBytes = fs.statSync(input).size;
    for (let k = 0; k < XLSX_RUNS; k++) {
      const out = path.join(dir, `in-process-${k}.xlsx`);
      const { run, summary } = await recalcInProcess(addin, input, out);
      if (summary.formulas !== ROWS * OUTPUTS.length || summary.errors.length || summary.unsupported.length) {
        throw new Error(
          `recalcXlsx: ${summary.formulas} formulas, ${summary.errors.length} errors, unsupported ${JSON.stringify(summary.unsupported)}`,
        );
      }
      if (k === 0) await checkXlsxOutput(out, loanValues);
      inProcess.push(run);
      console.log(
        `  recalcXlsx        ${fmt(run.totalMs / 1000, 2)} s (read ${fmt(run.readMs / 1000, 2)}, build ${fmt(run.computeMs / 1000, 2)}, results + write ${fmt(run.writeMs / 1000, 2)})`,
      );
    }
    const preload = writePeakRssPreload(dir);
    for (let k = 0; k < XLSX_RUNS; k++) {
      const out = path.join(dir, `cli-${k}.xlsx`);
      const run = recalcCli(dir, preload, input, out);
      if (k === 0) await checkXlsxOutput(out, loanValues);
      cli.push(run);
      console.log(`  loan recalc (CLI) ${fmt(run.totalMs / 1000, 2)} s, peak RSS ${mib(run.peakRss)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // Ratios are paired: LOAN ÷ built-in within each round (the two ran back to back), then
  // the median over rounds, so that a slow spell of the machine cancels out.
  const paired = (f: (s: Samples, i: number) => number) =>
    median(times.loan.build.map((_, i) => f(times.loan, i) / f(times.builtin, i)));
  const ratios = {
    build: paired((s, i) => s.build[i]),
    recalc: paired((s, i) => s.recalcByRound[i]),
    total: paired((s, i) => s.build[i] + s.recalcByRound[i]),
  };
  const results: Results = {
    cpu,
    agreement,
    shockedAgreement,
    times,
    memory,
    ratios,
    pass: { build: ratios.build <= BUDGET, recalc: ratios.recalc <= BUDGET },
    xlsxBytes,
    xlsxWriteMs,
    inProcess,
    cli,
    development,
  };

  console.log("");
  console.log(textTable(TIME_HEADER, timeRows(results)));
  console.log(
    `\nBudget LOAN ≤ ${BUDGET}× built-in: build ${fmt(ratios.build, 2)}× ${verdict(results.pass.build)}, recalculation ${fmt(ratios.recalc, 2)}× ${verdict(results.pass.recalc)}`,
  );
  console.log("");
  console.log(textTable(XLSX_HEADER, xlsxRows(results)));

  if (process.env.BENCH_NO_WRITE !== "1") {
    const file = path.join(ROOT, "docs", "benchmarks.md");
    writeEngineSection(file, markdown(results));
    console.log(`\nwrote the engine section of ${path.relative(ROOT, file)}`);
  }
  const failures = failuresOf(results);
  if (failures.length) {
    console.error(`\nEngine over budget:\n${failures.map((f) => `  ${f}`).join("\n")}`);
    process.exitCode = 1;
  } else {
    console.log("\nEngine budget met.");
  }
}

main().catch((e) => {
  console.error(`engine bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(2);
});
