/* `loan recalc` at scale, side by side with LibreOffice: time and peak memory (the process's
 * maximum resident set size) of recalculating a portfolio workbook of 10,000 and 100,000
 * loans, each tool run as users run it, a fresh process a run, with its default settings.
 *
 *   node bench/recalc-scale.mjs [loans…]        (default 10000 100000)
 *
 * The workbook is bench/engine-bench.ts's built-in portfolio (LibreOffice cannot compute the
 * add-in's LOAN.* functions): row 1 the shared assumptions, row 2 headers, then one loan a
 * row, six values (amount, rate, amortization, NOI, value, sale price) and five formulas
 * (debt service `-PMT(…)*12`, DSCR, balance at exit `-FV(…)`, deficiency `MAX(0,…)`, the
 * non-recourse premium), written with ExcelJS, cached results 0.
 *
 *   loan         node bin/loan.mjs recalc IN -o OUT   (Node's default heap, no flags)
 *   LibreOffice  soffice --headless --convert-to xlsx IN, with a profile of its own that
 *                recalculates every formula on load (OOXMLRecalcMode 0), warmed up once
 *
 * Both outputs are checked: every formula recomputed by loan, and LibreOffice's debt
 * service, DSCR and deficiency of the first and last loans equal to loan's (within 1e-9).
 * Runs alternate, BENCH_SCALE_RUNS each (default 3); medians. Time is wall-clock, memory
 * the peak RSS /usr/bin/time reports (LibreOffice's: its soffice.bin process). Also measured:
 * the workbooks of test/data/recalc/ built to exhaust memory (refused, exit 2).
 *
 * Budget (issue 24), at 100,000 loans: loan ≤ 1.5× LibreOffice's time and ≤ 2× its memory.
 * Without soffice on the PATH, its column is left out with a note and there is no verdict.
 * Writes the "`loan recalc` at scale" section of docs/benchmarks.md (between its markers)
 * unless BENCH_NO_WRITE=1; exits 1 when over budget. Run quietly: the machine's load shows. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DOC = path.join(root, "docs", "benchmarks.md");
const START = "<!-- recalc-scale:start -->";
const END = "<!-- recalc-scale:end -->";
const RUNS = Math.max(1, Number(process.env.BENCH_SCALE_RUNS) || 3);
const TIME_BUDGET = 1.5;
const MEMORY_BUDGET = 2;
const SEED = 20_240_611;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const LOANS = sizes.length ? sizes : [10000, 100000];

const fmt = (n, digits = 1) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function has(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}
if (!fs.existsSync("/usr/bin/time")) {
  console.error("recalc-scale: /usr/bin/time (GNU time) is needed to measure peak memory; skipped.");
  process.exit(0);
}
const withLibreOffice = has("soffice");

/** bench/engine-bench.ts's generator: the same loans for a seed. */
function random(seed) {
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

async function portfolio(file, loans) {
  const u = random(SEED);
  const lo = Math.log(500_000);
  const hi = Math.log(50_000_000);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = writer.addWorksheet("Portfolio");
  ws.addRow([
    "Rate shock",
    0,
    "Hold (years)",
    7,
    "Non-recourse spread",
    0.005,
    "Recourse points",
    0.0075,
    "Non-recourse points",
    0.0125,
  ]).commit();
  ws.addRow([
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
  ]).commit();
  for (let k = 0; k < loans; k++) {
    const amount = Math.round(Math.exp(lo + (hi - lo) * u()) / 1000) * 1000;
    const rate = (300 + Math.floor(u() * 601)) / 10_000;
    const amort = u() < 0.5 ? 25 : 30;
    const i = rate / 12;
    const annual = ((amount * i) / (1 - Math.pow(1 + i, -amort * 12))) * 12;
    const noi = Math.round(annual * (0.8 + 1.2 * u()));
    const value = Math.round(amount / (0.5 + 0.3 * u()) / 1000) * 1000;
    const sale = Math.round((amount * (0.6 + 0.5 * u())) / 1000) * 1000;
    const n = k + 3;
    const r = `B${n}+$B$1`;
    const f = (formula) => ({ formula, result: 0 });
    ws.addRow([
      amount,
      rate,
      amort,
      noi,
      value,
      sale,
      f(`-PMT((${r})/12,C${n}*12,A${n})*12`),
      f(`D${n}/G${n}`),
      f(`-FV((${r})/12,$D$1*12,PMT((${r})/12,C${n}*12,A${n}),A${n})`),
      f(`MAX(0,I${n}-F${n})`),
      f(`A${n}*((${r}+$F$1)-(${r}))*$D$1+A${n}*($J$1-$H$1)`),
    ]).commit();
  }
  ws.commit();
  await writer.commit();
}

/** Runs a command under /usr/bin/time: seconds, peak RSS in MB, exit status, output. */
function timed(command, args) {
  const run = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", command, ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const m = /TIME ([\d.]+) (\d+)\s*$/.exec(run.stderr);
  return {
    seconds: m ? Number(m[1]) : NaN,
    peakMB: m ? Number(m[2]) / 1024 : NaN,
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
  };
}

/** The cached values of some cells of the first sheet of an .xlsx. */
async function cachedValues(file, cells) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("xl/worksheets/sheet1.xml").async("string");
  const out = {};
  for (const c of cells) {
    const m = new RegExp(`<c r="${c}"[^>]*>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>)?<v>([^<]*)</v>`).exec(xml);
    out[c] = m ? Number(m[1]) : NaN;
  }
  return out;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "recalc-scale-"));
const profile = path.join(work, "lo-profile");
if (withLibreOffice) {
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
}
const soffice = (input, outDir) =>
  timed("soffice", [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--convert-to",
    "xlsx",
    "--outdir",
    outDir,
    input,
  ]);
const loan = (input, output, extra = []) =>
  timed(process.execPath, [path.join(root, "bin", "loan.mjs"), "recalc", input, "-o", output, "--force", ...extra]);

const results = [];
try {
  let libreOfficeVersion = "";
  if (withLibreOffice) {
    libreOfficeVersion = spawnSync("soffice", ["--version"], { encoding: "utf8" }).stdout.trim();
    // Warm-up: the profile is created on the first start.
    const warm = path.join(work, "warm.xlsx");
    await portfolio(warm, 10);
    soffice(warm, path.join(work, "warm-out"));
  }
  for (const loans of LOANS) {
    const input = path.join(work, `portfolio-${loans}.xlsx`);
    await portfolio(input, loans);
    const r = {
      loans,
      cells: loans * 11 + 21,
      formulas: loans * 5,
      fileMB: fs.statSync(input).size / 1e6,
      loan: [],
      lo: [],
    };
    for (let k = 0; k < RUNS; k++) {
      const order = k % 2 === 0 ? ["loan", "lo"] : ["lo", "loan"];
      for (const who of order) {
        if (who === "lo" && !withLibreOffice) continue;
        if (who === "loan") {
          const out = path.join(work, `loan-${loans}.xlsx`);
          const run = loan(input, out);
          if (run.status !== 0) throw new Error(`loan recalc exited with ${run.status}:\n${run.stdout}${run.stderr}`);
          if (!run.stdout.includes(`Formulas computed: ${r.formulas} of ${r.formulas}`))
            throw new Error(`loan recalc did not compute every formula:\n${run.stdout}`);
          r.loan.push(run);
          r.loanOut = out;
        } else {
          const outDir = path.join(work, `lo-${loans}`);
          const run = soffice(input, outDir);
          if (run.status !== 0) throw new Error(`soffice exited with ${run.status}:\n${run.stderr}`);
          r.lo.push(run);
          r.loOut = path.join(outDir, path.basename(input));
        }
      }
      console.log(
        `${loans.toLocaleString("en-US")} loans, run ${k + 1}: loan ${fmt(r.loan[k].seconds)} s ${fmt(r.loan[k].peakMB, 0)} MB` +
          (withLibreOffice ? `; LibreOffice ${fmt(r.lo[k].seconds)} s ${fmt(r.lo[k].peakMB, 0)} MB` : ""),
      );
    }
    if (withLibreOffice) {
      // LibreOffice recalculated: its values are loan's.
      const last = loans + 2;
      const cells = ["G3", "H3", "J3", `G${last}`, `H${last}`, `J${last}`];
      const a = await cachedValues(r.loanOut, cells);
      const b = await cachedValues(r.loOut, cells);
      for (const c of cells) {
        if (!(Math.abs(a[c] - b[c]) <= 1e-9 * Math.max(1, Math.abs(a[c]))))
          throw new Error(`${c}: loan ${a[c]}, LibreOffice ${b[c]}: LibreOffice did not recalculate`);
      }
    }
    results.push(r);
  }

  // The workbooks built to exhaust memory (issue 23): refused, exit 2.
  const exhaustion = [
    ["far-corners.xlsx", []],
    ["many-strings.xlsx", []],
    ["lying-zip.xlsx", ["--max-size", "1"]],
  ].map(([name, extra]) => {
    const run = loan(path.join(root, "test", "data", "recalc", name), path.join(work, name), extra);
    const message = (run.stderr.split("\n").find((l) => l.startsWith("loan:")) ?? "").replace(/^loan: \S+: /, "");
    return { name, extra, ...run, message };
  });

  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(" | ")} |`);
  lines.push(
    `Generated by \`npm run bench\` (bench/run.mjs → bench/recalc-scale.mjs); this section only. Do not edit by hand.`,
    "",
    `- Date: ${new Date().toISOString().replace("T", " ").slice(0, 19)} UTC; Node ${process.version}; ${os.cpus()[0]?.model ?? "CPU"} (${os.cpus().length} logical CPUs); load average ${os
      .loadavg()
      .map((x) => fmt(x))
      .join(", ")} at the end`,
    `- LibreOffice: ${withLibreOffice ? libreOfficeVersion : "**not measured: soffice is not on the PATH** (install LibreOffice for this column)"}`,
    `- Runs: ${RUNS} per tool and size, alternating; medians`,
    "",
    "| Portfolio | Cells (formulas) | File | loan recalc | peak RSS | LibreOffice | peak RSS | time ÷ LibreOffice | memory ÷ LibreOffice |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  const verdicts = [];
  for (const r of results) {
    const t = median(r.loan.map((x) => x.seconds));
    const m = median(r.loan.map((x) => x.peakMB));
    const lt = withLibreOffice ? median(r.lo.map((x) => x.seconds)) : NaN;
    const lm = withLibreOffice ? median(r.lo.map((x) => x.peakMB)) : NaN;
    r.ratios = { time: t / lt, memory: m / lm };
    row(
      `${r.loans.toLocaleString("en-US")} loans`,
      `${r.cells.toLocaleString("en-US")} (${r.formulas.toLocaleString("en-US")})`,
      `${fmt(r.fileMB)} MB`,
      `${fmt(t)} s`,
      `${fmt(m, 0)} MB`,
      withLibreOffice ? `${fmt(lt)} s` : "—",
      withLibreOffice ? `${fmt(lm, 0)} MB` : "—",
      withLibreOffice ? `${fmt(r.ratios.time, 2)}×` : "—",
      withLibreOffice ? `${fmt(r.ratios.memory, 2)}×` : "—",
    );
    if (withLibreOffice && r.loans === 100000) {
      verdicts.push(
        `time ${fmt(r.ratios.time, 2)}× (budget ≤ ${TIME_BUDGET}×): ${r.ratios.time <= TIME_BUDGET ? "pass" : "**over**"}`,
        `memory ${fmt(r.ratios.memory, 2)}× (budget ≤ ${MEMORY_BUDGET}×): ${r.ratios.memory <= MEMORY_BUDGET ? "pass" : "**over**"}`,
      );
    }
  }
  lines.push(
    "",
    `- Verdict at 100,000 loans (issue 24: ≤ ${TIME_BUDGET}× LibreOffice's time, ≤ ${MEMORY_BUDGET}× its memory): ${verdicts.length ? verdicts.join("; ") : "not measured"}`,
    "",
    "Each run checks its output: `loan recalc` exits 0 having computed every formula; LibreOffice's debt service, DSCR and deficiency of the first and last loans equal loan's within 1e-9 (so it did recalculate). Peak RSS is the process's maximum resident set size (`/usr/bin/time -f %M`); LibreOffice's is its `soffice.bin` process.",
    "",
    "### Workbooks built to exhaust memory (issue 23)",
    "",
    "| Workbook | Flags | Exit | Time | Peak RSS | Message |",
    "|:---|:---|---:|---:|---:|:---|",
  );
  for (const e of exhaustion)
    row(
      `\`${e.name}\``,
      e.extra.length ? `\`${e.extra.join(" ")}\`` : "defaults",
      String(e.status),
      `${fmt(e.seconds)} s`,
      `${fmt(e.peakMB, 0)} MB`,
      e.message.replace(/\|/g, "/"),
    );
  const body = lines.join("\n");
  console.log(`\n${body}`);
  if (process.env.BENCH_NO_WRITE !== "1") {
    const block = `${START}\n## \`loan recalc\` at scale, beside LibreOffice\n\n${body}\n${END}`;
    const previous = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : "# Benchmarks\n";
    const re = new RegExp(`${START}[\\s\\S]*?${END}`);
    const next = re.test(previous) ? previous.replace(re, () => block) : `${previous.trimEnd()}\n\n${block}\n`;
    fs.writeFileSync(`${DOC}.tmp`, next);
    fs.renameSync(`${DOC}.tmp`, DOC);
  }
  const over = results.some(
    (r) => withLibreOffice && r.loans === 100000 && (r.ratios.time > TIME_BUDGET || r.ratios.memory > MEMORY_BUDGET),
  );
  process.exitCode = over ? 1 : 0;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
