/* `npm run bench`: compiles the benchmarks (bench/bench.ts, bench/engine-bench.ts and the src/
 * they import) to CommonJS under node_modules/.cache/loan-bench/ with the project's
 * TypeScript, then runs them with this Node, one after the other:
 *   calls   bench/bench.ts: per-call time of the LOAN.* functions, bundle size;
 *   engine  bench/engine-bench.ts: a 10,000-loan workbook, LOAN.* vs built-ins, in the
 *           headless engine, and `loan recalc` of a 10,000-row .xlsx.
 *   scale   bench/recalc-scale.mjs: `loan recalc` of 10,000- and 100,000-loan workbooks
 *           beside LibreOffice's headless recalculation (its column left out without soffice).
 *   portfolio  bench/portfolio-bench.ts: the portfolio template with 10,000 loans, LOAN.* vs built-ins
 *           (run only when asked; its figures are recorded by hand in docs/benchmarks.md).
 *   node bench/run.mjs [calls|engine|scale|portfolio]   (default: calls, engine and scale)
 * Exits non-zero when either fails or is over budget (the status of the first that fails).
 * The engine benchmark needs the production build (dist/functions.js, dist/engine/cli.js);
 * when it is missing it is built once, as bin/loan.mjs does.
 * Options are passed through environment variables (see bench/bench.ts and bench/engine-bench.ts):
 *   BENCH_SAMPLES (default 7), BENCH_CALLS (default 200000), BENCH_NO_WRITE=1 (skip docs/benchmarks.md),
 *   BENCH_ENGINE_ROWS (10000), BENCH_ENGINE_RUNS (5), BENCH_ENGINE_MEMORY_RUNS (3), BENCH_ENGINE_XLSX_RUNS (3),
 *   BENCH_SCALE_RUNS (3). */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "node_modules", ".cache", "loan-bench");

const which = process.argv[2] ?? "all";
if (!["all", "calls", "engine", "scale", "portfolio"].includes(which)) {
  console.error(`bench: unknown benchmark ${which} (calls, engine, scale, portfolio, or nothing for the first three)`);
  process.exit(2);
}

rmSync(outDir, { recursive: true, force: true });
const tsc = require.resolve("typescript/bin/tsc");
const compile = spawnSync(process.execPath, [tsc, "-p", path.join(root, "bench", "tsconfig.json")], {
  cwd: root,
  stdio: "inherit",
});
if (compile.status !== 0) {
  console.error("bench: TypeScript compilation failed.");
  process.exit(compile.status ?? 1);
}

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (r.signal) {
    console.error(`bench: killed by ${r.signal}.`);
    return 1;
  }
  return r.status ?? 1;
}

const statuses = [];
if (which === "portfolio") {
  process.exit(run(["--expose-gc", path.join(outDir, "bench", "portfolio-bench.js"), root]));
}
if (which === "all" || which === "calls") statuses.push(run([path.join(outDir, "bench", "bench.js"), root]));

if (which === "all" || which === "engine" || which === "scale") {
  const dist = path.resolve(root, process.env.BENCH_DIST ?? "dist");
  const missing = ["functions.js", "functions.json", path.join("engine", "cli.js")].filter(
    (f) => !existsSync(path.join(dist, f)),
  );
  if (missing.length && !process.env.BENCH_DIST) {
    console.error(`\nbench: ${missing.join(", ")} missing from dist/; building once (webpack --mode production)...`);
    const build = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (build.status !== 0) {
      console.error("bench: the build failed; run `npm run build` to see why.");
      process.exit(2);
    }
  }
  if (which !== "scale") {
    if (statuses.length) console.log("");
    statuses.push(run(["--expose-gc", path.join(outDir, "bench", "engine-bench.js"), root]));
  }
  if (which !== "engine") {
    console.log("");
    statuses.push(run([path.join(root, "bench", "recalc-scale.mjs")]));
  }
}

process.exit(statuses.find((s) => s !== 0) ?? 0);
