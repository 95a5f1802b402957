/**
 * Per-call cost of the LOAN.* custom functions, measured through their Excel adapters
 * (src/functions/*.ts) with Excel-shaped arguments, next to `financial`'s pmt, formulajs's
 * PMT and a plain float closed-form payment (the baseline every ratio is taken against,
 * measured in the same run). Also records the size of the production bundle.
 *
 * Run with `npm run bench` (bench/run.mjs compiles this file to CommonJS first).
 * The repository root is argv[2] (default: the working directory).
 * Environment: BENCH_SAMPLES (default 7), BENCH_CALLS (calls per sample, default 200000),
 * BENCH_NO_WRITE=1 to skip writing docs/benchmarks.md (its engine section, written by
 * bench/engine-bench.ts, is always carried over), BENCH_DIST=dir to read the bundle
 * from another directory than dist/ (e.g. a production build made with --output-path).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { pmt } from "financial";
import { PMT } from "@formulajs/formulajs";
import * as ADAPTERS from "../src/functions/generated";
import { amortization, putValuePath } from "../src/functions/generated";
import { parseCall, type Arg } from "../test/formula-args";
import { writeKeepingEngineSection } from "./doc-sections";
import { fmt, mdTable, median, positiveInt, textTable, verdict } from "./report";

const ROOT = path.resolve(process.argv[2] ?? process.cwd());
const DIST = path.resolve(ROOT, process.env.BENCH_DIST ?? "dist");
/** DIST as shown in the report: relative to the repository when inside it. */
const DIST_LABEL = (() => {
  const rel = path.relative(ROOT, DIST);
  return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? DIST : rel.split(path.sep).join("/");
})();
const SAMPLES = positiveInt(process.env.BENCH_SAMPLES, 7);
const CALLS = positiveInt(process.env.BENCH_CALLS, 200_000);
const WARMUP_ROUNDS = 2;
const SCHEDULE_CALLS = 50;
const SCHEDULE_WARMUP = 10;

const SIMPLE_BUDGET = 4;
const COMPOSITE_BUDGET = 10;
const SCHEDULE_BUDGET_MS = 10;
/** LOAN.PUT_VALUE_PATH with 10,000 paths of 120 months: under 50 ms a call (issue 12). */
const PATH_BUDGET_MS = 50;
const PATH_CALLS = 15;
const PATH_WARMUP = 3;
/**
 * Budget for dist/functions.js, minified, before compression: 128 KB = 128 × 1024 bytes. It is the
 * project's own code; Microsoft's runtime script is listed but not counted.
 */
const BUNDLE_BUDGET_BYTES = 128 * 1024;

// ---------------------------------------------------------------------------------------
// The calls timed: the baseline and two references, then every documented example of every
// LOAN function (its declaration's help, read as the build reads it), through the adapter
// Excel calls. Omitted optionals are null and ranges 2-D arrays, as Excel passes them. Each
// loop varies the first numeric argument by a few parts in 10^9 with the loop index k (k & 7),
// so no call can be constant-folded; the argument lists are built once, outside the loops.

/** Recourse-style annual rates, chosen by k & 7 in the baseline and the schedule and simulation. */
const RATES = [0.06, 0.0625, 0.065, 0.0685, 0.07, 0.0725, 0.075, 0.0775];

let sink = 0;

type Kind = "baseline" | "reference" | "simple" | "composite";

interface Case {
  readonly name: string;
  /** The call as written (the example's formula, or the loop's expression). */
  readonly call: string;
  readonly kind: Kind;
  /** Runs `calls` calls starting at index `from`, returns the sum of the results. */
  run(calls: number, from: number): number;
}

/** A call's result as a number to sum: a number, the length of text, 1 for TRUE, the first number of a spill. */
function weight(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "string") return x.length;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (Array.isArray(x)) return x.length + weight(x[x.length - 1]?.[x[0].length - 1]);
  return 0;
}

const REFERENCE_CASES: Case[] = [
  {
    name: "float closed-form payment (baseline)",
    call: "L*i/(1-Math.pow(1+i,-n)), i = r/12, n = 360",
    kind: "baseline",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) {
        const i = RATES[k & 7] / 12;
        s += ((4_500_000 + k) * i) / (1 - Math.pow(1 + i, -360));
      }
      return s;
    },
  },
  {
    name: "financial pmt",
    call: "pmt(r/12, 360, L)",
    kind: "reference",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += pmt(RATES[k & 7] / 12, 360, 4_500_000 + k);
      return s;
    },
  },
  {
    name: "formulajs PMT",
    call: "PMT(r/12, 360, L)",
    kind: "reference",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += PMT(RATES[k & 7] / 12, 360, 4_500_000 + k) as number;
      return s;
    },
  },
];

interface Declared {
  readonly id: string;
  readonly help: { readonly examples: readonly string[]; readonly cost: "simple" | "composite" | "apart" };
}

/** The declarations and each function's adapter, as the build reads them (scripts/). */
function declared(): { decl: Declared; adapter: (...args: unknown[]) => unknown }[] {
  /* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, found from the root at run time */
  const { declarations } = require(path.join(ROOT, "scripts", "declarations.cjs")) as {
    declarations: () => Declared[];
  };
  const { functionFamilies } = require(path.join(ROOT, "scripts", "functions-metadata.cjs")) as {
    functionFamilies: () => { adapters: Record<string, string> }[];
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const names = Object.assign({}, ...functionFamilies().map((f) => f.adapters)) as Record<string, string>;
  const adapters = ADAPTERS as unknown as Record<string, (...args: unknown[]) => unknown>;
  return declarations().map((decl) => ({ decl, adapter: adapters[names[decl.id]] }));
}

/** The example's argument lists for k & 7 = 0…7: the first numeric argument scaled by 1 − j·10⁻⁹. */
function variedArgs(args: readonly Arg[]): unknown[][] {
  const at = args.findIndex((a) => typeof a === "number" && a !== 0);
  return Array.from({ length: 8 }, (_, j) => args.map((a, i) => (i === at ? (a as number) * (1 - j * 1e-9) : a)));
}

/**
 * A timing loop of its own for one example: its own function (so V8 keeps separate type feedback
 * for each loop, as a hand-written loop per case would), calling the adapter with the arguments
 * spelled out (no spread, no argument array built per call). Made with the Function constructor,
 * here only, in the benchmark (never in the add-in).
 */
function timingLoop(
  adapter: (...args: unknown[]) => unknown,
  lists: unknown[][],
): (calls: number, from: number) => number {
  const args = lists[0].map((_, i) => `a[${i}]`).join(", ");
  const body = `return function run(calls, from) {
    let s = 0;
    for (let k = from; k < from + calls; k++) {
      const a = lists[k & 7];
      const r = adapter(${args});
      s += typeof r === "number" ? r : weight(r);
    }
    return s;
  };`;
  return new Function("adapter", "lists", "weight", body)(adapter, lists, weight) as (
    calls: number,
    from: number,
  ) => number;
}

/**
 * One case per example. Budget: the function's declared cost, composite for an example that
 * passes a range of more than one cell (a burn-down, a list of codes).
 */
function exampleCases(list: { decl: Declared; adapter: (...args: unknown[]) => unknown }[]): {
  cases: Case[];
  apart: string[];
} {
  const cases: Case[] = [];
  const apart: string[] = [];
  for (const { decl, adapter } of list) {
    if (decl.help.cost === "apart") {
      apart.push(decl.id);
      continue;
    }
    for (const example of decl.help.examples) {
      const formula = example.split(" → ")[0];
      const { args } = parseCall(formula);
      const range = args.some((a) => Array.isArray(a) && a.length * a[0].length > 1);
      cases.push({
        name: formula.slice(1),
        call: formula,
        kind: decl.help.cost === "simple" && !range ? "simple" : "composite",
        run: timingLoop(adapter, variedArgs(args)),
      });
    }
  }
  return { cases, apart };
}

const DECLARED = declared();
const EXAMPLES = exampleCases(DECLARED);
const CASES: Case[] = [...REFERENCE_CASES, ...EXAMPLES.cases];

// ---------------------------------------------------------------------------------------
// Sanity: each example returns the value it documents, with its arguments varied as the loop
// varies them, so the loops time the real work and not an error path.

/** Whether a result is what the example documents (to its digits; TRUE/FALSE, "text", R×C exactly). */
function documented(result: unknown, expected: string): boolean {
  const shape = /^(\d+)×(\d+)$/.exec(expected);
  if (shape)
    return Array.isArray(result) && result.length === Number(shape[1]) && result[0].length === Number(shape[2]);
  if (expected === "TRUE" || expected === "FALSE") return result === (expected === "TRUE");
  if (expected.startsWith('"')) return result === expected.slice(1, -1);
  const decimals = (expected.split(".")[1] ?? "").length;
  return typeof result === "number" && Math.abs(result - Number(expected)) <= 0.5 * 10 ** -decimals;
}

/** Whether a varied call's result is the documented one's neighbour: the same kind, a number within 10⁻⁶. */
function neighbour(result: unknown, first: unknown): boolean {
  if (typeof first === "number")
    return typeof result === "number" && Math.abs(result - first) <= 1e-6 * Math.max(1, Math.abs(first));
  return typeof result === typeof first && Array.isArray(result) === Array.isArray(first);
}

function sanity(): string[] {
  const problems: string[] = [];
  const near = (label: string, got: number, want: number, tol = 1e-4) => {
    if (!(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want))))
      problems.push(`${label}: got ${got}, expected ${want}`);
  };
  const i = 0.0685 / 12;
  near("baseline", (4_500_000 * i) / (1 - Math.pow(1 + i, -360)), 29486.6646, 1e-8);
  near("financial pmt", -pmt(i, 360, 4_500_000), 29486.6646, 1e-8);
  near("formulajs PMT", -(PMT(i, 360, 4_500_000) as number), 29486.6646, 1e-8);
  for (const { decl, adapter } of DECLARED) {
    if (typeof adapter !== "function") {
      problems.push(`LOAN.${decl.id} has no adapter`);
      continue;
    }
    if (decl.help.cost === "apart") continue;
    for (const example of decl.help.examples) {
      const [formula, expected] = example.split(" → ");
      const lists = variedArgs(parseCall(formula).args);
      const results = lists.map((args) => {
        try {
          return adapter(...args);
        } catch (e) {
          return e;
        }
      });
      if (!documented(results[0], expected.trim()))
        problems.push(`${formula}: got ${String(results[0])}, documented ${expected}`);
      const off = results.findIndex((r) => !neighbour(r, results[0]));
      if (off > 0) problems.push(`${formula} with ${JSON.stringify(lists[off])}: got ${String(results[off])}`);
    }
  }
  near("PUT_VALUE_PATH", putValuePath(6_450_000, 4_500_000, 0.0685, 30, 7, 0.15, 0.045, 0.0775), 49232.48, 1e-7);
  near(
    "PUT_VALUE_PATH OPTIMAL",
    putValuePath(
      6_450_000,
      4_500_000,
      0.0685,
      30,
      7,
      0.15,
      0.045,
      0.0775,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "OPTIMAL",
    ),
    234403.08,
    1e-7,
  );
  const rows = amortization(4_500_000, 0.0685, 30, null, null, null);
  if (rows.length !== 361) problems.push(`AMORTIZATION: ${rows.length} rows, expected 361`);
  else near("AMORTIZATION final balance", rows[360][4] as number, 0);
  return problems;
}

// ---------------------------------------------------------------------------------------
// Timing.

interface Measured {
  readonly c: Case;
  readonly samples: number[];
}

/** Rounds of every case in turn (start rotated each round), so drift and noise spread over all cases alike. */
function measureScalars(): Measured[] {
  const measured = CASES.map((c) => ({ c, samples: [] as number[] }));
  let from = 0;
  for (let round = 0; round < WARMUP_ROUNDS + SAMPLES; round++) {
    for (let j = 0; j < measured.length; j++) {
      const m = measured[(j + round) % measured.length];
      const t0 = process.hrtime.bigint();
      const s = m.c.run(CALLS, from);
      const t1 = process.hrtime.bigint();
      sink += s;
      if (round >= WARMUP_ROUNDS) m.samples.push(Number(t1 - t0) / CALLS);
    }
    from += CALLS;
  }
  return measured;
}

/** The default rules PUT_VALUE_PATH is timed with, each in its own row: null is the default, FIRST_DIP. */
const PATH_RULES = [
  { label: "PUT_VALUE_PATH (10,000 paths × 120 months)", id: "PUT_VALUE_PATH", rule: null },
  { label: "PUT_VALUE_PATH, OPTIMAL (10,000 paths × 120 months)", id: "PUT_VALUE_PATH OPTIMAL", rule: "OPTIMAL" },
] as const;

/**
 * PUT_VALUE_PATH: 10,000 paths × 120 months (a 10-year amortizing loan, default trigger 1), ms a
 * call, with a default rule (null: the default, FIRST_DIP).
 */
function measurePath(rule: "OPTIMAL" | null): number[] {
  const ms: number[] = [];
  for (let k = 0; k < PATH_WARMUP + PATH_CALLS; k++) {
    const t0 = process.hrtime.bigint();
    const v = putValuePath(
      6_450_000 + k,
      4_500_000,
      RATES[k & 7],
      30,
      10,
      0.15,
      0.045,
      0.06,
      null,
      null,
      null,
      null,
      10_000,
      k,
      null,
      rule,
    );
    const t1 = process.hrtime.bigint();
    sink += v;
    if (k >= PATH_WARMUP) ms.push(Number(t1 - t0) / 1e6);
  }
  return ms;
}

function measureSchedule(): number[] {
  const ms: number[] = [];
  for (let k = 0; k < SCHEDULE_WARMUP + SCHEDULE_CALLS; k++) {
    const t0 = process.hrtime.bigint();
    const rows = amortization(4_500_000 + k, RATES[k & 7], 30, null, null, null);
    const t1 = process.hrtime.bigint();
    sink += rows.length + (rows[360][4] as number) + (rows[1][1] as number);
    if (k >= SCHEDULE_WARMUP) ms.push(Number(t1 - t0) / 1e6);
  }
  return ms;
}

// ---------------------------------------------------------------------------------------
// Bundle size.

interface FileSize {
  readonly file: string;
  readonly role: string;
  readonly bytes?: number;
  readonly gzip?: number;
  readonly budget?: number;
  readonly pass?: boolean;
}

const RUNTIME_NOTE =
  "host-provided: Microsoft's custom-functions runtime, which Excel on the web needs; not the add-in's code, no budget";

function gzipSize(buf: Buffer): number {
  return zlib.gzipSync(buf, { level: zlib.constants.Z_DEFAULT_COMPRESSION }).length;
}

/**
 * A development build (webpack's bootstrap comments and module banners, unminified) is not
 * the bundle the budget is about: its size is reported but not judged.
 */
function isDevelopmentBuild(js: string): boolean {
  return js.includes("webpackBootstrap") || /^\s*!\*{3} \.\//m.test(js);
}

interface Bundle {
  readonly dir: string;
  readonly development: boolean;
  readonly files: FileSize[];
}

function bundleSizes(): Bundle | undefined {
  const dist = DIST;
  const functionsJs = path.join(dist, "functions.js");
  if (!fs.existsSync(functionsJs)) return undefined;
  const development = isDevelopmentBuild(fs.readFileSync(functionsJs, "utf8"));
  const out: FileSize[] = [];
  const size = (file: string, role: string, budget?: number): FileSize => {
    const abs = path.join(dist, file);
    if (!fs.existsSync(abs)) return { file, role: `${role} (missing from ${DIST_LABEL}/)` };
    const buf = fs.readFileSync(abs);
    const judged = budget !== undefined && !development;
    return {
      file,
      role,
      bytes: buf.length,
      gzip: gzipSize(buf),
      budget,
      pass: judged ? buf.length <= budget : undefined,
    };
  };
  out.push(
    size(
      "functions.js",
      development
        ? "the add-in's custom functions: DEVELOPMENT build, not judged (build with --mode production)"
        : "the add-in's custom functions (production bundle)",
      BUNDLE_BUDGET_BYTES,
    ),
  );
  const htmlPath = path.join(dist, "functions.html");
  if (fs.existsSync(htmlPath)) {
    const html = fs.readFileSync(htmlPath, "utf8");
    const srcs = [...html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    for (const src of srcs) {
      if (/^[a-z]+:\/\//i.test(src) || src.startsWith("//")) {
        out.push({ file: src, role: "loaded by functions.html from another origin (not measured)" });
        continue;
      }
      const file = path.posix.normalize(src.split(/[?#]/)[0].replace(/^\.?\//, ""));
      if (file === "functions.js") continue;
      const role =
        path.posix.basename(file) === "custom-functions-runtime.js" ? RUNTIME_NOTE : "loaded by functions.html";
      out.push(size(file, role));
    }
    if (!srcs.some((s) => s.split(/[?#]/)[0].replace(/^\.?\//, "") === "functions.js")) {
      out.push({ file: "(functions.html)", role: "note: functions.html has no <script src> for functions.js" });
    }
  }
  return { dir: DIST_LABEL, development, files: out };
}

// ---------------------------------------------------------------------------------------
// Report.

interface Row {
  readonly name: string;
  readonly call: string;
  readonly ns: number;
  readonly min: number;
  readonly max: number;
  readonly ratio: number;
  readonly budget?: number;
  readonly pass?: boolean;
}

const bytes = (n: number | undefined) =>
  n === undefined ? "—" : `${n.toLocaleString("en-US")} B (${fmt(n / 1024, 1)} KiB)`;

function main(): void {
  const problems = sanity();
  if (problems.length) {
    console.error("bench: sanity check failed; the loops would not time the documented work:");
    for (const p of problems) console.error(`  ${p}`);
    process.exit(2);
  }

  const cpus = os.cpus();
  const cpu = cpus.length ? `${cpus[0].model.trim()} (${cpus.length} logical CPUs)` : "unknown";
  const loadBefore = os.loadavg()[0];
  console.log(`LOAN.* benchmark: Node ${process.version}, ${cpu}, ${os.platform()}/${os.arch()}`);
  console.log(
    `${SAMPLES} samples × ${CALLS.toLocaleString("en-US")} calls per function after ${WARMUP_ROUNDS} warm-up rounds; medians.\n`,
  );

  const measured = measureScalars();
  const base = median(measured.find((m) => m.c.kind === "baseline")!.samples);
  const rows: Row[] = measured.map(({ c, samples }) => {
    const ns = median(samples);
    const ratio = ns / base;
    const budget = c.kind === "simple" ? SIMPLE_BUDGET : c.kind === "composite" ? COMPOSITE_BUDGET : undefined;
    return {
      name: c.name,
      call: c.call,
      ns,
      min: Math.min(...samples),
      max: Math.max(...samples),
      ratio,
      budget,
      pass: budget === undefined ? undefined : ratio <= budget,
    };
  });

  const schedule = measureSchedule();
  const scheduleMs = median(schedule);
  const schedulePass = scheduleMs < SCHEDULE_BUDGET_MS;
  const pathTimes = PATH_RULES.map(({ label, id, rule }) => {
    const runs = measurePath(rule);
    const ms = median(runs);
    return { label, id, runs, ms, pass: ms < PATH_BUDGET_MS };
  });
  const load = `${fmt(loadBefore, 2)} at the start, ${fmt(os.loadavg()[0], 2)} at the end`;
  console.log(`Load average (1 minute): ${load}`);

  const header = ["Function", "ns/call (median)", "min–max", "× baseline", "budget", "result"];
  const cells = rows.map((r) => [
    r.name,
    fmt(r.ns, 1),
    `${fmt(r.min, 1)}–${fmt(r.max, 1)}`,
    `${fmt(r.ratio, 2)}×`,
    r.budget === undefined ? "—" : `≤ ${r.budget}×`,
    verdict(r.pass),
  ]);
  const scheduleCells = [
    "AMORTIZATION (360 monthly periods)",
    `${fmt(scheduleMs, 3)} ms/call`,
    `${fmt(Math.min(...schedule), 3)}–${fmt(Math.max(...schedule), 3)} ms`,
    "—",
    `< ${SCHEDULE_BUDGET_MS} ms`,
    verdict(schedulePass),
  ];
  const pathCells = pathTimes.map((p) => [
    p.label,
    `${fmt(p.ms, 1)} ms/call`,
    `${fmt(Math.min(...p.runs), 1)}–${fmt(Math.max(...p.runs), 1)} ms`,
    "—",
    `< ${PATH_BUDGET_MS} ms`,
    verdict(p.pass),
  ]);
  console.log(textTable(header, [...cells, scheduleCells, ...pathCells], true));

  const bundle = bundleSizes();
  const sizes = bundle?.files;
  console.log("");
  if (!bundle) {
    console.log(
      `Bundle: ${DIST_LABEL}/functions.js not found; run \`npx webpack --mode production\` first to record sizes.`,
    );
  } else {
    if (bundle.development)
      console.log(`Warning: ${bundle.dir}/functions.js is a development build; its size is shown but not judged.`);
    console.log(
      textTable(
        [`File (${bundle.dir}/)`, "bytes", "gzip", "budget", "result", "role"],
        bundle.files.map((s) => [
          s.file,
          bytes(s.bytes),
          bytes(s.gzip),
          s.budget === undefined ? "—" : bytes(s.budget),
          verdict(s.pass),
          s.role,
        ]),
        true,
      ),
    );
  }

  const failures = [
    ...rows
      .filter((r) => r.pass === false)
      .map((r) => `${r.name}: ${fmt(r.ratio, 2)}× baseline (budget ≤ ${r.budget}×)`),
    ...(schedulePass ? [] : [`AMORTIZATION: ${fmt(scheduleMs, 3)} ms (budget < ${SCHEDULE_BUDGET_MS} ms)`]),
    ...pathTimes.filter((p) => !p.pass).map((p) => `${p.id}: ${fmt(p.ms, 1)} ms (budget < ${PATH_BUDGET_MS} ms)`),
    ...(sizes ?? [])
      .filter((s) => s.pass === false)
      .map((s) => `${s.file}: ${bytes(s.bytes)} (budget ${bytes(s.budget)})`),
  ];

  console.log(`\nchecksum ${sink}`);

  if (process.env.BENCH_NO_WRITE !== "1") {
    const md = markdown({ cpu, load, base, rows, cells, scheduleCells, pathCells, bundle, failures });
    const out = path.join(ROOT, "docs", "benchmarks.md");
    writeKeepingEngineSection(out, md);
    console.log(`wrote ${path.relative(ROOT, out)}`);
  }

  if (failures.length) {
    console.error(`\nOver budget:\n${failures.map((f) => `  ${f}`).join("\n")}`);
    process.exitCode = 1;
  } else {
    console.log("\nAll budgets met.");
  }
}

function markdown(r: {
  cpu: string;
  load: string;
  base: number;
  rows: Row[];
  cells: string[][];
  scheduleCells: string[];
  pathCells: string[][];
  bundle: Bundle | undefined;
  failures: string[];
}): string {
  const date = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
  const calls = r.rows.map((row) => `- **${row.name}**: \`${row.call}\``).join("\n");
  const sizeSection = r.bundle
    ? (r.bundle.development
        ? `**${r.bundle.dir}/functions.js was a development build when this ran; sizes are shown but not judged.**\n\n`
        : "") +
      mdTable(
        [`File (${r.bundle.dir}/)`, "Bytes", "Gzip", "Budget", "Result", "Role"],
        r.bundle.files.map((s) => [
          `\`${s.file}\``,
          bytes(s.bytes),
          bytes(s.gzip),
          s.budget === undefined ? "—" : bytes(s.budget),
          verdict(s.pass),
          s.role,
        ]),
        [false, true, true, true, false, false],
      )
    : `${DIST_LABEL}/functions.js did not exist when this ran (build it with \`npx webpack --mode production\`), so no sizes are recorded.`;
  return `# Benchmarks

Generated by \`npm run bench\` (bench/run.mjs): the per-call and bundle sections by bench/bench.ts, the engine section (a 10,000-loan workbook and \`loan recalc\`, [below](#engine-a-10000-loan-portfolio)) by bench/engine-bench.ts. Do not edit by hand.

- Date: ${date}
- Node: ${process.version} (${os.platform()}/${os.arch()}, V8 ${process.versions.v8})
- CPU: ${r.cpu}
- Load average (1 minute, all processes on the machine): ${r.load}
- Samples: ${SAMPLES} × ${CALLS.toLocaleString("en-US")} calls per function, after ${WARMUP_ROUNDS} warm-up rounds
- Verdict: ${r.failures.length ? `**${r.failures.length} over budget**: ${r.failures.join("; ")}` : "all budgets met"}

## Per-call time

Ratios are to the float closed-form payment measured in the same run (${fmt(r.base, 1)} ns/call).
Budgets: simple functions ≤ ${SIMPLE_BUDGET}×, composite functions ≤ ${COMPOSITE_BUDGET}×, AMORTIZATION (360 periods) < ${SCHEDULE_BUDGET_MS} ms a call, PUT_VALUE_PATH (10,000 paths × 120 months) < ${PATH_BUDGET_MS} ms a call under either default rule.

${mdTable(["Function", "ns/call (median)", "min–max", "× baseline", "Budget", "Result"], [...r.cells, r.scheduleCells, ...r.pathCells], [false, true, true, true, true, false])}

Calls timed: every documented example of every function (its declaration's help), its first numeric argument scaled by 1 − (k & 7)·10⁻⁹ with the loop index k; the baseline and the references with L = 4,500,000 + k and r one of 8 typical rates chosen by k & 7:

${calls}
- **AMORTIZATION**: \`amortization(L, r, 30, null, null, null)\` (361 rows), median of ${SCHEDULE_CALLS} calls after ${SCHEDULE_WARMUP} warm-up calls
- **PUT_VALUE_PATH**: \`putValuePath(6450000 + k, 4500000, r, 30, 10, 0.15, 0.045, 0.06, null, null, null, null, 10000, k)\` (10,000 paths × 120 months, default trigger 1, seed k; the default rule, FIRST_DIP), median of ${PATH_CALLS} calls after ${PATH_WARMUP} warm-up calls
- **PUT_VALUE_PATH, OPTIMAL**: the same calls with \`null, "OPTIMAL"\` after the seed (least-squares Monte Carlo: 5,000 training paths fitting the default boundary, then the 10,000 pricing paths), median of ${PATH_CALLS} calls after ${PATH_WARMUP} warm-up calls
${EXAMPLES.apart
  .filter((id) => id !== "AMORTIZATION" && id !== "PUT_VALUE_PATH")
  .map((id) => `- **${id}**: declared apart (cost "apart"), not timed per call`)
  .join("\n")}

## Production bundle

${sizeSection}

The ${fmt(BUNDLE_BUDGET_BYTES / 1024, 0)} KB budget (${BUNDLE_BUDGET_BYTES.toLocaleString("en-US")} bytes) applies to \`functions.js\`, minified and uncompressed; gzip sizes use zlib's default level. \`functions.html\` is the page Excel on the web runs the functions in; every script it loads is listed. \`office-js/custom-functions-runtime.js\` is Microsoft's runtime, provided for the host and served from the add-in's origin; it is not the add-in's code and has no budget. Excel desktop's JavaScript-only runtime loads \`functions.js\` directly.

## Method

- Every function is called through its adapter in \`src/functions/generated/\` (the code Excel calls, generated from the declarations), with Excel-shaped arguments: numbers, \`null\` for omitted optionals, 2-D arrays for ranges. The list of calls is the functions' documented examples, so a new function is timed with no change here; its budget is its declared cost (simple, composite, or apart), composite for an example passing a range of more than one cell. The TypeScript is compiled to CommonJS with \`tsc\` (bench/tsconfig.json) and run on plain Node, not the webpack bundle.
- Each example has its own timing loop over eight argument lists (the first numeric argument scaled by 1 − j·10⁻⁹, chosen by k & 7), so no call is constant-folded, and adds every result to a sum that is printed (the checksum), so no call is dead code. The argument lists are built before timing.
- ${WARMUP_ROUNDS} untimed warm-up rounds, then ${SAMPLES} timed rounds. A round runs every function once for ${CALLS.toLocaleString("en-US")} calls, in an order rotated each round, so that machine noise and drift fall on all functions alike and all run with the type feedback they have when a workbook uses many LOAN functions. Each sample is wall time (process.hrtime) / calls; the table shows the median and the range of the samples.
- Before timing, each call, with every variation of its arguments, is checked against its documented result, so the loops time the real work and not an error path.
- The machine may be shared and noisy: read ratios, not absolute times, and compare runs on the same machine.
`;
}

main();
