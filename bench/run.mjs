/* `npm run bench`: compiles bench/bench.ts (and the src/ it imports) to CommonJS under
 * node_modules/.cache/loan-bench/ with the project's TypeScript, then runs it with this
 * Node. Exits with the benchmark's status (non-zero when a budget fails).
 * Options are passed through environment variables (see bench/bench.ts):
 *   BENCH_SAMPLES (default 7), BENCH_CALLS (default 200000), BENCH_NO_WRITE=1 (skip docs/benchmarks.md). */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "node_modules", ".cache", "loan-bench");

rmSync(outDir, { recursive: true, force: true });
const tsc = require.resolve("typescript/bin/tsc");
const compile = spawnSync(process.execPath, [tsc, "-p", path.join(root, "bench", "tsconfig.json")], { cwd: root, stdio: "inherit" });
if (compile.status !== 0) {
  console.error("bench: TypeScript compilation failed.");
  process.exit(compile.status ?? 1);
}

const run = spawnSync(process.execPath, [path.join(outDir, "bench", "bench.js"), root], { cwd: root, stdio: "inherit" });
if (run.signal) {
  console.error(`bench: killed by ${run.signal}.`);
  process.exit(1);
}
process.exit(run.status ?? 1);
