/**
 * Loads the built add-in in Node: runs dist/functions.js with the CustomFunctions
 * stand-in as its only host object (the way Excel's JavaScript-only runtime loads it), and
 * reads dist/functions.json beside it.
 *
 * The bundle is compiled as a function of `CustomFunctions` in this context rather than
 * run in a separate vm context: global look-ups (Math, Number) inside a separate context
 * are many times slower, which made LOAN.* formulas the slow half of a workbook
 * (docs/benchmarks.md). The bundle's isolation is tested on its own (test/bundle.test.ts).
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { checkAddin, customFunctionsStandIn, type Addin, type AddinFunction, type FunctionsJson } from "./addin";

/** The dist/ folder of this project (the engine's default source of functions). */
export function defaultDist(): string {
  return path.resolve(__dirname, "..", "..", "dist");
}

export function loadAddin(dist = defaultDist(), namespace = "LOAN"): Addin {
  const script = path.join(dist, "functions.js");
  const json = path.join(dist, "functions.json");
  if (!fs.existsSync(script) || !fs.existsSync(json)) {
    throw new Error(`the add-in is not built: ${script} or ${json} is missing (run npm run build)`);
  }
  const functions = new Map<string, AddinFunction>();
  const run = vm.compileFunction(fs.readFileSync(script, "utf8"), ["CustomFunctions"], { filename: script });
  run(customFunctionsStandIn(functions));
  const metadata = JSON.parse(fs.readFileSync(json, "utf8")) as FunctionsJson;
  const addin = { namespace, metadata, functions };
  checkAddin(addin);
  return addin;
}
