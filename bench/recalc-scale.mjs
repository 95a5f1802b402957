/* `loan recalc` at scale: time and peak memory (the process's maximum resident set size)
 * of the command-line tool on portfolio workbooks of 10,000, 100,000 and 1,000,000 formula
 * cells, each run once in a fresh process (the machine is shared: run it quietly).
 *
 *   node bench/recalc-scale.mjs [formulaCells…]        (default 10000 100000 1000000)
 *
 * Each row of the workbook is one loan: amount, rate, amortization (values) and five
 * formulas, three built-in (PMT, FV, IF) and two LOAN.* (DSCR, DEFICIENCY), stored as Excel
 * stores them, with cached results of 0. The tool runs as users run it (node bin/loan.mjs
 * recalc IN -o OUT), with Node's default heap; a workbook over the cell limit is refused
 * (exit 2), which is reported as such. Prints a Markdown table for docs/benchmarks.md. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const FORMULAS_PER_ROW = 5;

async function workbook(file, formulaCells) {
  const rows = Math.ceil(formulaCells / FORMULAS_PER_ROW);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = writer.addWorksheet("Portfolio");
  ws.addRow(["Amount", "Rate", "Years", "Payment", "Balance at 7", "DSCR", "Deficiency", "Flag"]).commit();
  for (let k = 0; k < rows; k++) {
    const n = k + 2;
    const amount = 500000 + ((k * 7919) % 49500) * 1000;
    const rate = 0.03 + ((k * 31) % 600) / 10000;
    ws.addRow([
      amount,
      rate,
      k % 2 ? 25 : 30,
      { formula: `-PMT(B${n}/12,C${n}*12,A${n})`, result: 0 },
      { formula: `-FV(B${n}/12,84,-D${n},A${n})`, result: 0 },
      { formula: `_xldudf_LOAN_DSCR(A${n}*0.09,D${n}*12)`, result: 0 },
      { formula: `_xldudf_LOAN_DEFICIENCY(E${n},A${n}*0.8)`, result: 0 },
      { formula: `IF(F${n}>=1.25,"OK","LOW")`, result: "" },
    ]).commit();
  }
  ws.commit();
  await writer.commit();
  return rows;
}

const results = [];
for (const cells of sizes.length ? sizes : [10000, 100000, 1000000]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recalc-scale-"));
  const input = path.join(dir, "portfolio.xlsx");
  const rows = await workbook(input, cells);
  const bytes = fs.statSync(input).size;
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "TIME %e %M",
      process.execPath,
      path.join(root, "bin", "loan.mjs"),
      "recalc",
      input,
      "-o",
      path.join(dir, "out.xlsx"),
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const m = /TIME ([\d.]+) (\d+)/.exec(run.stderr);
  const message = run.stderr.split("\n").find((l) => l.startsWith("loan:")) ?? "";
  const r = {
    formulaCells: rows * FORMULAS_PER_ROW,
    cells: rows * (FORMULAS_PER_ROW + 3) + 8,
    fileMB: bytes / 1024 / 1024,
    status: run.status,
    seconds: m ? Number(m[1]) : NaN,
    peakMB: m ? Number(m[2]) / 1024 : NaN,
    message,
  };
  results.push(r);
  console.log(JSON.stringify(r));
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\n| Formula cells | All cells | File | Exit | Time | Peak memory (RSS) | Note |\n|---:|---:|---:|---:|---:|---:|:---|`,
);
for (const r of results)
  console.log(
    `| ${r.formulaCells.toLocaleString("en-US")} | ${r.cells.toLocaleString("en-US")} | ${r.fileMB.toFixed(1)} MB | ${r.status} | ${r.seconds.toFixed(1)} s | ${Math.round(r.peakMB).toLocaleString("en-US")} MB | ${r.message.replace(/\|/g, "/")} |`,
  );
