/**
 * The production bundle, loaded the way Excel loads it: dist/functions.js runs in a fresh
 * JavaScript context whose only host object is a stand-in `CustomFunctions` (associate,
 * Error, ErrorCode). Checks that every id in dist/functions.json is registered and no other,
 * that the metadata matches the core's declared parameters, and calls each registered
 * function with Excel-shaped arguments (null for omitted, 2-D arrays for ranges).
 * The global setup builds dist/ first.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { AddinError, customFunctionsStandIn, type AddinFunction } from "../src/engine/addin";
import { DECLARATIONS } from "./declarations";
import { FUNCTION_IDS } from "./functions-metadata";
import { SHIPPED_IDS } from "./shipped-function-ids";

const dist = path.resolve(__dirname, "..", "dist");

interface Metadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string; type?: string }[];
    result: { dimensionality?: string };
  }[];
}

/** Runs the bundle in a fresh context whose only host object is the CustomFunctions stand-in. */
function loadBundle(): Map<string, AddinFunction> {
  const associated = new Map<string, AddinFunction>();
  const context = vm.createContext({ CustomFunctions: customFunctionsStandIn(associated) });
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return associated;
}

const metadata: Metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
const registered = loadBundle();

/** What Excel would display: the value, or the error's code and message. */
function excelCall(id: string, ...args: unknown[]): unknown {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  try {
    return fn(...args);
  } catch (e) {
    if (e instanceof AddinError) return { code: e.code, message: e.message || undefined };
    throw e;
  }
}

/** Every declaration by id, as src/core states it (whether or not core/index.ts re-exports it). */
const CORE = Object.fromEntries(DECLARATIONS.map((d) => [d.id, d.fn]));

describe("dist/functions.js registers exactly the functions of dist/functions.json", () => {
  test("ids match, one to one", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect([...registered.keys()].sort()).toEqual(ids);
    // Exactly the functions the JSDoc declares, and every id that has shipped.
    expect(ids).toEqual([...FUNCTION_IDS].sort());
    expect(ids).toEqual(expect.arrayContaining([...SHIPPED_IDS]));
  });

  test("each function's metadata matches its core declaration: names, order, optional flags, help text", () => {
    for (const f of metadata.functions) {
      const checked = CORE[f.id];
      expect(checked).toBeDefined();
      expect(f.name).toBe(f.id);
      expect(f.description && f.description.length > 20).toBe(true);
      expect(f.parameters.map((p) => p.name)).toEqual(checked.params.map((p) => p.name));
      expect(f.parameters.map((p) => p.optional === true)).toEqual(checked.params.map((p) => p.optional));
      for (const p of f.parameters) expect(p.description && p.description.length > 5).toBe(true);
    }
  });

  test("ranges are declared as matrices; spilling functions return matrices", () => {
    const byId = Object.fromEntries(metadata.functions.map((f) => [f.id, f]));
    const dims = (id: string) => byId[id].parameters.map((p) => p.dimensionality ?? "scalar");
    expect(dims("CARVEOUT_EXPOSURE")).toEqual(["scalar", "matrix", "matrix", "scalar", "scalar", "matrix", "scalar"]);
    expect(byId.AMORTIZATION.result.dimensionality).toBe("matrix");
    expect(byId.CARVEOUTS.result.dimensionality).toBe("matrix");
    expect(dims("STATE_DEFICIENCY")).toEqual([...Array(8).fill("scalar"), "matrix", "scalar", "scalar"]);
    expect(dims("GUARANTEE_EXPOSURE")).toEqual(["scalar", "scalar", "scalar", "scalar", "matrix", "scalar"]);
    expect(dims("QUALIFY").slice(-1)).toEqual(["matrix"]);
    expect(byId.FORECLOSURE_TAX.result.dimensionality).toBe("matrix");
  });

  test("every function of the state-law and lender family says it is not advice", () => {
    const family = ["STATE_RULE", "DEFICIENCY_ALLOWED", "STATE_DEFICIENCY", "GUARANTEE_EXPOSURE", "LENDER_RECOVERY"];
    family.push("YIELD_MAINTENANCE", "DEFEASANCE_COST", "FORECLOSURE_TAX", "MARKET_PREMIUM", "QUALIFY");
    for (const id of family)
      expect(metadata.functions.find((f) => f.id === id)?.description).toMatch(/not (legal |tax )?(or tax )?advice/);
  });

  test("no IE11 polyfills and within the 128 KB budget", () => {
    const js = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    expect(Buffer.byteLength(js)).toBeLessThanOrEqual(128 * 1024);
    expect(js).not.toMatch(/core-js|regenerator-runtime|es6-promise/);
  });

  test("the declarations' help stays out of the script (Excel reads it from functions.json)", () => {
    const js = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    const inScript = DECLARATIONS.flatMap((d) => [d.help.summary, d.help.returns]).filter((text) => js.includes(text));
    expect(inScript).toEqual([]);
  });
});

describe("calls through the bundle, with Excel-shaped arguments", () => {
  test.each([
    ["PAYMENT", [4500000, 0.0685, 30, null], 29486.6646],
    ["DEBT_SERVICE", [4500000, 0.0685, 30, true, null], 308250],
    ["BALANCE", [4500000, 0.0685, 30, 7, null, null], 4091975.8222],
    ["DSCR", [405000, 300000], 1.35],
    ["DEBT_YIELD", [450000, 4500000], 0.1],
    ["LTV", [4500000, 6000000], 0.75],
    ["MAX_LOAN", [5000000, 8000000, 0.06, 30, 1.25, 0.75, null, null], 6000000],
    ["DEFICIENCY", [485000, 420000, 32000, 0, 18000, null], 115000],
    ["NONRECOURSE_PREMIUM", [4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, null, null], 180000],
    ["NONRECOURSE_PREMIUM", [4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30, null], 181428.3476],
    ["BREAKEVEN_PROBABILITY", [180000, 1050000], 0.1714],
    ["CARVEOUT_EXPOSURE", [4400000, [["FRAUD"], [null]], null, 3600000, null, null], 800000],
    ["CARVEOUT_EXPOSURE", [4400000, [["WASTE"], ["RENTS"]], [[120000], [80000]], null, null, null], 200000],
    ["STATE_DEFICIENCY", [4650000, 3600000, "NV", 3900000, null, null, null, null, null], 750000],
    [
      "STATE_DEFICIENCY",
      [4650000, 3600000, "CO", null, null, null, null, null, [["NONJUDICIAL_DEFICIENCY", true]]],
      1050000,
    ],
    [
      "GUARANTEE_EXPOSURE",
      [
        1050000,
        4500000,
        0.5,
        null,
        [
          [0, 2250000],
          [3, 1125000],
          [5, 450000],
        ],
        5,
      ],
      450000,
    ],
    ["LENDER_RECOVERY", [4650000, 3600000, true, 200000, 50000], 3750000],
    ["YIELD_MAINTENANCE", [6161329, 0.0875, 0.0418, 3.2521, null, null], 839913.58],
    ["YIELD_MAINTENANCE", [10000000, 0.06, 0.0443, 5, null, null], 690572.86],
    ["DEFEASANCE_COST", [4500000, 0.0685, 30, 2, 7, 0.045, 50000], 497954.59],
    ["MARKET_PREMIUM", ["BANK", "RATE", null], 0.00875],
  ])("%s(%j) ≈ %d", (id, args, expected) => {
    const got = excelCall(id, ...(args as unknown[]));
    expect(typeof got).toBe("number");
    expect(Math.abs((got as number) - expected)).toBeLessThanOrEqual(5e-5 * Math.max(1, Math.abs(expected)) + 5e-5);
  });

  test("AMORTIZATION spills a header and 360 rows ending at 0", () => {
    const s = excelCall("AMORTIZATION", 4500000, 0.0685, 30, null, null, null) as unknown[][];
    expect(s[0]).toEqual(["Period", "Payment", "Interest", "Principal", "Balance"]);
    expect(s).toHaveLength(361);
    expect(s[360][4]).toBe(0);
  });

  test("CARVEOUTS spills the catalogue", () => {
    const t = excelCall("CARVEOUTS") as unknown[][];
    expect(t).toHaveLength(12);
    expect(t[1]).toEqual(["FRAUD", "Fraud or material misrepresentation", "FULL"]);
  });

  test("the state table, text answers and the tax row through the bundle", () => {
    expect(excelCall("STATE_RULE", "ca", "NONJUDICIAL_DEFICIENCY", null)).toBe(false);
    expect(excelCall("STATE_RULE", "TX", "DEADLINE", null)).toBe("2 years after the sale");
    // The packed table carries the caveats (Minn. Stat. 582.31's scope).
    expect(excelCall("STATE_RULE", "MN", "ONE_ACTION.CAVEAT", null)).toMatch(/^Variant, agricultural only/);
    expect(excelCall("DEFICIENCY_ALLOWED", "TX", null, true, null, null, null)).toBe(true);
    expect(excelCall("QUALIFY", "NONRECOURSE", 1.1, 0.7, null, null, null, null, null)).toBe(
      "Fails: DSCR short by 0.1 (min 1.2); LTV over by 0.05 (max 0.65)",
    );
    expect(excelCall("FORECLOSURE_TAX", 180000, 170000, 175000, true, null)).toEqual([[-5000, 10000, 0, 10000]]);
  });

  test("where the state table does not know: #N/A naming the state and the field", () => {
    expect(excelCall("DEFICIENCY_ALLOWED", "VT", null, null, null, null, null)).toEqual({
      code: "#N/A",
      message: "VT NONJUDICIAL_DEFICIENCY is UNKNOWN in the state table; pass it in overrides.",
    });
    // The packed table answers as the readable one does (a citation, a confidence).
    expect(excelCall("STATE_RULE", "CA", "GUARANTOR_BAR.CITATION", null)).toBe(
      "Union Bank v. Gradsky, 265 Cal.App.2d 40 (1968)",
    );
    expect(excelCall("STATE_RULE", "TX", "GUARANTOR_WAIVER.CONFIDENCE", null)).toBe("HIGH");
    expect((excelCall("MARKET_PREMIUM", "CMBS", "POINTS", null) as { code: string }).code).toBe("#N/A");
  });

  test("bad input is #VALUE! with a message naming the argument", () => {
    expect(excelCall("PAYMENT", "abc", 0.05, 30, null)).toEqual({
      code: "#VALUE!",
      message: 'loanAmount must be a number; got text "abc".',
    });
    expect(excelCall("DEFICIENCY", 1, -1, null, null, null, null)).toEqual({
      code: "#VALUE!",
      message: "salePrice must be at least 0; got -1.",
    });
  });

  test("an unknown code is #N/A with the valid codes", () => {
    const r = excelCall("CARVEOUT_EXPOSURE", 1, [["ARSON"]], null, null, null, null) as {
      code: string;
      message: string;
    };
    expect(r.code).toBe("#N/A");
    expect(r.message).toContain("Valid codes: FRAUD");
  });

  test("a zero divisor is #DIV/0!, which carries no message in Excel", () => {
    expect(excelCall("DSCR", 1, 0)).toEqual({ code: "#DIV/0!", message: undefined });
    expect(excelCall("BREAKEVEN_PROBABILITY", 1, null)).toEqual({ code: "#DIV/0!", message: undefined });
  });

  test("no input makes a registered function throw anything but an Excel error", () => {
    const junk: unknown[] = [
      null,
      undefined,
      "",
      "x",
      true,
      false,
      0,
      -1,
      1e308,
      -1e308,
      NaN,
      Infinity,
      [[1, 2]],
      [[null]],
      [],
      {},
      0.5,
      400,
    ];
    for (const f of metadata.functions) {
      for (let trial = 0; trial < 60; trial++) {
        const args = f.parameters.map((_, i) => junk[(trial * 7 + i * 5 + trial * i) % junk.length]);
        expect(() => excelCall(f.id, ...args)).not.toThrow();
      }
    }
  });
});
