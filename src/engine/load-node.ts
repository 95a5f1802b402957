/**
 * Loads the built add-in in Node: runs dist/functions.js in a fresh JavaScript context
 * whose only host object is the CustomFunctions stand-in (the way Excel's JavaScript-only
 * runtime loads it), and reads dist/functions.json beside it.
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
  const context = vm.createContext({ CustomFunctions: customFunctionsStandIn(functions) });
  vm.runInContext(fs.readFileSync(script, "utf8"), context, { filename: script });
  const metadata = JSON.parse(fs.readFileSync(json, "utf8")) as FunctionsJson;
  const addin = { namespace, metadata, functions };
  checkAddin(addin);
  return addin;
}
