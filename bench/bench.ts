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
import { amortization, balance, debtService, payment } from "../src/functions/generated/financing";
import { debtYield, dscr, ltv, maxLoan } from "../src/functions/generated/coverage";
import {
  breakevenProbability,
  carveoutExposure,
  deficiency,
  nonrecoursePremium,
} from "../src/functions/generated/recourse";
import { writeKeepingEngineSection } from "./doc-sections";
import { defaultProbability, fairSpread, putValue, putValuePath } from "../src/functions/generated/option";
import { fmt, mdTable, median, positiveInt, textTable, verdict } from "./report";
import {
  defeasanceCost,
  deficiencyAllowed,
  foreclosureTax,
  guaranteeExposure,
  lenderRecovery,
  marketPremium,
  qualify,
  stateDeficiency,
  stateRule,
  yieldMaintenance,
} from "../src/functions/generated/lender";

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
 * Budget for dist/functions.js, minified, before compression: 80 KB = 80 × 1024 bytes. It is the
 * project's own code; Microsoft's runtime script is listed but not counted.
 */
const BUNDLE_BUDGET_BYTES = 80 * 1024;

// ---------------------------------------------------------------------------------------
// Inputs. Every loop varies the amount by the loop index k and picks a rate from a small
// table by k & 7, so no call can be constant-folded; tables are built once, outside the
// timed loops, so the loops allocate nothing themselves. Omitted optionals are null and
// ranges are 2-D arrays, as Excel passes them.

/** Recourse-style annual rates, and the matching non-recourse rates 50 bp higher (as typed). */
const RATES = [0.06, 0.0625, 0.065, 0.0685, 0.07, 0.0725, 0.075, 0.0775];
const NR_RATES = [0.065, 0.0675, 0.07, 0.0735, 0.075, 0.0775, 0.08, 0.0825];
const CODES = [["WASTE"], ["RENTS"], ["INSURANCE"]];
const LOSSES = RATES.map((_, j) => [[120_000 + 1_000 * j], [80_000], [15_000.5 + j]]);
/** State codes and fields as typed, some in lower case (the functions trim and upper-case them). */
const STATES8 = ["CA", "tx", "NV", "AZ", "UT", "ny", "ID", "GA"];
const FIELDS8 = [
  "NONJUDICIAL_DEFICIENCY",
  "deadline",
  "FAIR_VALUE_LIMIT",
  "SOURCE",
  "ONE_ACTION.SOURCE",
  "CONFIDENCE",
  "REVIEWED",
  "FAIR_VALUE_LIMIT.CONFIDENCE",
];
const ALLOWED8 = ["CA", "TX", "NV", "AZ", "ND", "OR", "ca", "tx"];
const DEFICIENCY8 = ["NV", "TX", "NY", "AZ", "ID", "CA", "tx", "NJ"];
const LOAN_TYPES8 = ["CMBS", "AGENCY", "LIFE", "BANK", "BRIDGE", "bank", "AGENCY", "LIFE"];
const BURN_DOWN = [
  [0, 2_250_000],
  [3, 1_125_000],
  [5, 450_000],
];

/**
 * Excel passes null for an omitted optional range; the adapter's TypeScript signature
 * (`schedule?: any[][]`) does not admit null, so the null is passed through this cast.
 */
const OMITTED_RANGE = null as unknown as undefined;

let sink = 0;

type Kind = "baseline" | "reference" | "simple" | "composite";

interface Case {
  readonly name: string;
  /** The call as written in the loop (k is the loop index). */
  readonly call: string;
  readonly kind: Kind;
  /** Runs `calls` calls starting at index `from`, returns the sum of the results. */
  run(calls: number, from: number): number;
}

// Each case has its own loop (its own function literal), so that V8 keeps separate type
// feedback for each loop and the harness's own call is made once per sample, not per call.
const CASES: Case[] = [
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
  {
    name: "PAYMENT",
    call: "payment(L, r, 30, null)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += payment(4_500_000 + k, RATES[k & 7], 30, null);
      return s;
    },
  },
  {
    name: "DEBT_SERVICE",
    call: "debtService(L, r, 30, null, null)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += debtService(4_500_000 + k, RATES[k & 7], 30, null, null);
      return s;
    },
  },
  {
    name: "BALANCE",
    call: "balance(L, r, 30, 7, null, null)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += balance(4_500_000 + k, RATES[k & 7], 30, 7, null, null);
      return s;
    },
  },
  {
    name: "DSCR",
    call: "dscr(405000 + k, 300000)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += dscr(405_000 + k, 300_000);
      return s;
    },
  },
  {
    name: "DEBT_YIELD",
    call: "debtYield(450000 + k, 4500000)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += debtYield(450_000 + k, 4_500_000);
      return s;
    },
  },
  {
    name: "LTV",
    call: "ltv(L, 6000000)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += ltv(4_500_000 + k, 6_000_000);
      return s;
    },
  },
  {
    name: "DEFICIENCY",
    call: "deficiency(485000 + k, 420000, 32000, 0, 18000, null)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += deficiency(485_000 + k, 420_000, 32_000, 0, 18_000, null);
      return s;
    },
  },
  {
    name: "BREAKEVEN_PROBABILITY",
    // A loss large enough that the premium (180,000 + k) never exceeds it: above 1 the answer is #N/A.
    call: "breakevenProbability(180000 + k, 10000000)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += breakevenProbability(180_000 + k, 10_000_000);
      return s;
    },
  },
  {
    name: "NONRECOURSE_PREMIUM (interest-only)",
    call: "nonrecoursePremium(L, r, r+0.005, 0.0075, 0.0125, 7, null, null)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) {
        s += nonrecoursePremium(4_500_000 + k, RATES[k & 7], NR_RATES[k & 7], 0.0075, 0.0125, 7, null, null);
      }
      return s;
    },
  },
  {
    name: "NONRECOURSE_PREMIUM (amortYears 30)",
    call: "nonrecoursePremium(L, r, r+0.005, 0.0075, 0.0125, 7, 30, null)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) {
        s += nonrecoursePremium(4_500_000 + k, RATES[k & 7], NR_RATES[k & 7], 0.0075, 0.0125, 7, 30, null);
      }
      return s;
    },
  },
  {
    name: "MAX_LOAN",
    call: "maxLoan(500000 + k, 8000000, r, 30, 1.25, 0.75, 0.09, null)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += maxLoan(500_000 + k, 8_000_000, RATES[k & 7], 30, 1.25, 0.75, 0.09, null);
      return s;
    },
  },
  {
    name: "CARVEOUT_EXPOSURE (3 codes)",
    call: 'carveoutExposure(4400000 + k, [["WASTE"],["RENTS"],["INSURANCE"]], [[l1],[l2],[l3]], null, null, null)',
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += carveoutExposure(4_400_000 + k, CODES, LOSSES[k & 7], null, null, OMITTED_RANGE);
      return s;
    },
  },
  {
    name: "LENDER_RECOVERY",
    call: "lenderRecovery(4650000 + k, 3600000, TRUE, 200000, 50000)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += lenderRecovery(4_650_000 + k, 3_600_000, true, 200_000, 50_000);
      return s;
    },
  },
  {
    name: "YIELD_MAINTENANCE",
    call: "yieldMaintenance(L, r+0.02, r, 5, null, null)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += yieldMaintenance(4_500_000 + k, NR_RATES[k & 7] + 0.02, RATES[k & 7], 5, null, null);
      return s;
    },
  },
  {
    name: "FORECLOSURE_TAX (spills 1×4)",
    call: "foreclosureTax(180000 + k, 170000, 175000, TRUE, null)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += foreclosureTax(180_000 + k, 170_000, 175_000, true, null)[0][1] as number;
      return s;
    },
  },
  {
    name: "GUARANTEE_EXPOSURE",
    call: "guaranteeExposure(1050000 + k, 4500000, 0.25, null, null, null)",
    kind: "simple",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += guaranteeExposure(1_050_000 + k, 4_500_000, 0.25, null, OMITTED_RANGE, null);
      return s;
    },
  },
  {
    name: "GUARANTEE_EXPOSURE (3-step burn-down)",
    call: "guaranteeExposure(1050000 + k, 4500000, 0.5, null, {0,2250000;3,1125000;5,450000}, k & 7)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += guaranteeExposure(1_050_000 + k, 4_500_000, 0.5, null, BURN_DOWN, k & 7);
      return s;
    },
  },
  {
    name: "DEFEASANCE_COST",
    call: "defeasanceCost(L, r, 30, 2, 7, r - 0.02, 50000)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += defeasanceCost(4_500_000 + k, RATES[k & 7], 30, 2, 7, RATES[k & 7] - 0.02, 50_000);
      return s;
    },
  },
  {
    name: "MARKET_PREMIUM",
    call: 'marketPremium(type, "RATE", null), type one of 8 as typed',
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += marketPremium(LOAN_TYPES8[k & 7], "RATE", null);
      return s;
    },
  },
  {
    name: "STATE_RULE",
    call: "stateRule(state, field, null), 8 states and fields as typed",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) {
        const v = stateRule(STATES8[k & 7], FIELDS8[k & 7], OMITTED_RANGE);
        s += typeof v === "string" ? v.length : v ? 1 : 0;
      }
      return s;
    },
  },
  {
    name: "DEFICIENCY_ALLOWED",
    call: "deficiencyAllowed(state, null, TRUE, null, null, null)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += deficiencyAllowed(ALLOWED8[k & 7], "JUDICIAL", (k & 1) === 1, null, null, OMITTED_RANGE) ? 1 : 0;
      return s;
    },
  },
  {
    name: "STATE_DEFICIENCY",
    call: "stateDeficiency(4650000 + k, 3600000, state, 3900000, null, null, null, null, null)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += stateDeficiency(
          4_650_000 + k,
          3_600_000,
          DEFICIENCY8[k & 7],
          3_900_000,
          "JUDICIAL",
          null,
          null,
          null,
          OMITTED_RANGE,
        );
      return s;
    },
  },
  {
    name: "QUALIFY (OK)",
    call: 'qualify("NONRECOURSE", 1.3, 0.6, 0.9, 6000000, 600000, 5000000, null)',
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += qualify(
          "NONRECOURSE",
          1.3 + (k & 7) / 1000,
          0.6,
          0.9,
          6_000_000,
          600_000,
          5_000_000,
          OMITTED_RANGE,
        ).length;
      return s;
    },
  },
  {
    name: "QUALIFY (2 failed tests)",
    call: 'qualify("NONRECOURSE", 1.1, 0.7, null, null, null, null, null)',
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += qualify("NONRECOURSE", 1.1 + (k & 7) / 1000, 0.7, null, null, null, null, OMITTED_RANGE).length;
      return s;
    },
  },
];

const OPTION_CASES: Case[] = [
  {
    name: "PUT_VALUE",
    call: "putValue(V, 4500000, 7, σ, r, 0.06), V = 6,450,000 + k, σ = 0.10–0.17 and r by k & 7",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += putValue(6_450_000 + k, 4_500_000, 7, 0.1 + (k & 7) / 100, RATES[k & 7] - 0.02, 0.06);
      return s;
    },
  },
  {
    name: "DEFAULT_PROBABILITY",
    call: "defaultProbability(V, 4500000, 7, σ, r, 0.06)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++)
        s += defaultProbability(6_450_000 + k, 4_500_000, 7, 0.1 + (k & 7) / 100, RATES[k & 7] - 0.02, 0.06);
      return s;
    },
  },
  {
    name: "FAIR_SPREAD",
    call: "fairSpread(100000 + k, 4500000, 7, r)",
    kind: "composite",
    run(calls, from) {
      let s = 0;
      for (let k = from; k < from + calls; k++) s += fairSpread(100_000 + k, 4_500_000, 7, RATES[k & 7] - 0.02);
      return s;
    },
  },
];
CASES.push(...OPTION_CASES);

// ---------------------------------------------------------------------------------------
// Sanity: each measured call returns the documented value for the documented inputs, so
// the loops time real work (not a thrown error or a wrong branch).

/**
 * The functions the JSDoc of src/functions declares (the one list, read as the build reads it)
 * that have no per-call case here. AMORTIZATION is timed as a schedule and PUT_VALUE_PATH as a
 * simulation (ms a call); CARVEOUTS takes no arguments and returns a constant table.
 */
function unmeasured(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, found from the root at run time
  const { functionFamilies } = require(path.join(ROOT, "scripts", "functions-metadata.cjs")) as {
    functionFamilies: () => { functions: { id: string }[] }[];
  };
  const timed = new Set([...CASES.map((c) => c.name.split(" ")[0]), "AMORTIZATION", "CARVEOUTS", "PUT_VALUE_PATH"]);
  return functionFamilies()
    .flatMap((f) => f.functions.map((fn) => fn.id))
    .filter((id) => !timed.has(id));
}

function sanity(): string[] {
  const problems: string[] = [];
  for (const id of unmeasured()) problems.push(`LOAN.${id} has no per-call case in bench/bench.ts`);
  const near = (label: string, got: number, want: number, tol = 1e-4) => {
    if (!(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want))))
      problems.push(`${label}: got ${got}, expected ${want}`);
  };
  const i = 0.0685 / 12;
  near("baseline", (4_500_000 * i) / (1 - Math.pow(1 + i, -360)), 29486.6646, 1e-8);
  near("financial pmt", -pmt(i, 360, 4_500_000), 29486.6646, 1e-8);
  near("formulajs PMT", -(PMT(i, 360, 4_500_000) as number), 29486.6646, 1e-8);
  near("PAYMENT", payment(4_500_000, 0.0685, 30, null), 29486.6646, 1e-8);
  near("DEBT_SERVICE", debtService(4_500_000, 0.0685, 30, null, null), 353839.9752, 1e-8);
  near("BALANCE", balance(4_500_000, 0.0685, 30, 7, null, null), 4091975.8222, 1e-8);
  near("DSCR", dscr(405_000, 300_000), 1.35);
  near("DEBT_YIELD", debtYield(450_000, 4_500_000), 0.1);
  near("LTV", ltv(4_500_000, 6_000_000), 0.75);
  near("DEFICIENCY", deficiency(485_000, 420_000, 32_000, 0, 18_000, null), 115_000);
  near("BREAKEVEN_PROBABILITY", breakevenProbability(180_000, 1_050_000), 0.1714);
  near("NONRECOURSE_PREMIUM io", nonrecoursePremium(4_500_000, 0.0685, 0.0735, 0.0075, 0.0125, 7, null, null), 180_000);
  near(
    "NONRECOURSE_PREMIUM amort",
    nonrecoursePremium(4_500_000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30, null),
    181428.3476,
    1e-8,
  );
  near("MAX_LOAN", maxLoan(500_000, 8_000_000, 0.06, 30, 1.25, 0.75, 0.09, null), 5555555.5556, 1e-8);
  near(
    "CARVEOUT_EXPOSURE",
    carveoutExposure(4_400_000, [["WASTE"], ["RENTS"]], [[120_000], [80_000]], null, null, OMITTED_RANGE),
    200_000,
  );
  near("CARVEOUT_EXPOSURE bench", carveoutExposure(4_400_000, CODES, LOSSES[0], null, null, OMITTED_RANGE), 215_000.5);
  near("LENDER_RECOVERY", lenderRecovery(4_650_000, 3_600_000, true, 200_000, 50_000), 3_750_000);
  near("YIELD_MAINTENANCE", yieldMaintenance(6_161_329, 0.0875, 0.0418, 3.2521, null, null), 839913.58, 1e-8);
  near("FORECLOSURE_TAX", foreclosureTax(180_000, 170_000, 175_000, true, null)[0][1], 10_000);
  near("GUARANTEE_EXPOSURE", guaranteeExposure(1_050_000, 4_500_000, 0.2, null, OMITTED_RANGE, null), 900_000);
  near("GUARANTEE_EXPOSURE burn-down", guaranteeExposure(1_050_000, 4_500_000, 0.5, null, BURN_DOWN, 5), 450_000);
  near("DEFEASANCE_COST", defeasanceCost(4_500_000, 0.0685, 30, 2, 7, 0.045, 50_000), 497954.59, 1e-8);
  near("MARKET_PREMIUM", marketPremium("BANK", "RATE", null), 0.00875);
  for (let j = 0; j < 8; j++) {
    if (stateRule(STATES8[j], FIELDS8[j], OMITTED_RANGE) === undefined)
      problems.push(`STATE_RULE ${STATES8[j]} ${FIELDS8[j]}`);
    if (typeof deficiencyAllowed(ALLOWED8[j], "JUDICIAL", j % 2 === 1, null, null, OMITTED_RANGE) !== "boolean")
      problems.push(`DEFICIENCY_ALLOWED ${ALLOWED8[j]}`);
    if (
      typeof stateDeficiency(
        4_650_000,
        3_600_000,
        DEFICIENCY8[j],
        3_900_000,
        "JUDICIAL",
        null,
        null,
        null,
        OMITTED_RANGE,
      ) !== "number"
    )
      problems.push(`STATE_DEFICIENCY ${DEFICIENCY8[j]}`);
    if (typeof marketPremium(LOAN_TYPES8[j], "RATE", null) !== "number")
      problems.push(`MARKET_PREMIUM ${LOAN_TYPES8[j]}`);
  }
  near(
    "STATE_DEFICIENCY",
    stateDeficiency(4_650_000, 3_600_000, "NV", 3_900_000, null, null, null, null, OMITTED_RANGE),
    750_000,
  );
  if (
    qualify("NONRECOURSE", 1.1, 0.7, null, null, null, null, OMITTED_RANGE) !==
    "Fails: DSCR short by 0.1 (min 1.2); LTV over by 0.05 (max 0.65)"
  )
    problems.push("QUALIFY");
  near("PUT_VALUE", putValue(42, 40, 0.5, 0.2, 0.1, null), 0.8086, 1e-4);
  near("DEFAULT_PROBABILITY", defaultProbability(6_450_000, 4_091_976, 7, 0.15, 0.045, 0.0775), 0.3539, 1e-3);
  near("FAIR_SPREAD", fairSpread(100_000, 4_500_000, 7, 0.045), 0.0037008, 1e-4);
  near("PUT_VALUE_PATH", putValuePath(6_450_000, 4_500_000, 0.0685, 30, 7, 0.15, 0.045, 0.0775), 49232.48, 1e-7);
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

/** PUT_VALUE_PATH: 10,000 paths × 120 months (a 10-year amortizing loan, default trigger 1), ms a call. */
function measurePath(): number[] {
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
  const pathRuns = measurePath();
  const pathMs = median(pathRuns);
  const pathPass = pathMs < PATH_BUDGET_MS;

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
  const pathCells = [
    "PUT_VALUE_PATH (10,000 paths × 120 months)",
    `${fmt(pathMs, 1)} ms/call`,
    `${fmt(Math.min(...pathRuns), 1)}–${fmt(Math.max(...pathRuns), 1)} ms`,
    "—",
    `< ${PATH_BUDGET_MS} ms`,
    verdict(pathPass),
  ];
  console.log(textTable(header, [...cells, scheduleCells, pathCells], true));

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
    ...(pathPass ? [] : [`PUT_VALUE_PATH: ${fmt(pathMs, 1)} ms (budget < ${PATH_BUDGET_MS} ms)`]),
    ...(sizes ?? [])
      .filter((s) => s.pass === false)
      .map((s) => `${s.file}: ${bytes(s.bytes)} (budget ${bytes(s.budget)})`),
  ];

  console.log(`\nchecksum ${sink}`);

  if (process.env.BENCH_NO_WRITE !== "1") {
    const md = markdown({ cpu, base, rows, cells, scheduleCells, pathCells, bundle, failures });
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
  base: number;
  rows: Row[];
  cells: string[][];
  scheduleCells: string[];
  pathCells: string[];
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
- Samples: ${SAMPLES} × ${CALLS.toLocaleString("en-US")} calls per function, after ${WARMUP_ROUNDS} warm-up rounds
- Verdict: ${r.failures.length ? `**${r.failures.length} over budget**: ${r.failures.join("; ")}` : "all budgets met"}

## Per-call time

Ratios are to the float closed-form payment measured in the same run (${fmt(r.base, 1)} ns/call).
Budgets: simple functions ≤ ${SIMPLE_BUDGET}×, composite functions ≤ ${COMPOSITE_BUDGET}×, AMORTIZATION (360 periods) < ${SCHEDULE_BUDGET_MS} ms a call, PUT_VALUE_PATH (10,000 paths × 120 months) < ${PATH_BUDGET_MS} ms a call.

${mdTable(["Function", "ns/call (median)", "min–max", "× baseline", "Budget", "Result"], [...r.cells, r.scheduleCells, r.pathCells], [false, true, true, true, true, false])}

Calls timed (L = 4,500,000 + k and r = one of 8 typical rates chosen by k & 7, k the loop index):

${calls}
- **AMORTIZATION**: \`amortization(L, r, 30, null, null, null)\` (361 rows), median of ${SCHEDULE_CALLS} calls after ${SCHEDULE_WARMUP} warm-up calls
- **PUT_VALUE_PATH**: \`putValuePath(6450000 + k, 4500000, r, 30, 10, 0.15, 0.045, 0.06, null, null, null, null, 10000, k)\` (10,000 paths × 120 months, default trigger 1, seed k), median of ${PATH_CALLS} calls after ${PATH_WARMUP} warm-up calls

## Production bundle

${sizeSection}

The ${fmt(BUNDLE_BUDGET_BYTES / 1024, 0)} KB budget (${BUNDLE_BUDGET_BYTES.toLocaleString("en-US")} bytes) applies to \`functions.js\`, minified and uncompressed; gzip sizes use zlib's default level. \`functions.html\` is the page Excel on the web runs the functions in; every script it loads is listed. \`office-js/custom-functions-runtime.js\` is Microsoft's runtime, provided for the host and served from the add-in's origin; it is not the add-in's code and has no budget. Excel desktop's JavaScript-only runtime loads \`functions.js\` directly.

## Method

- Every function is called through its adapter in \`src/functions/*.ts\` (the code Excel calls), with Excel-shaped arguments: numbers, \`null\` for omitted optionals, 2-D arrays for ranges. The TypeScript is compiled to CommonJS with \`tsc\` (bench/tsconfig.json) and run on plain Node, not the webpack bundle.
- Each function has its own timing loop that varies the inputs with the loop index (amount + k, rate from a table by k & 7), so no call is constant-folded, and adds every result to a sum that is printed (the checksum), so no call is dead code. Input tables are built before timing; the loops allocate nothing themselves.
- ${WARMUP_ROUNDS} untimed warm-up rounds, then ${SAMPLES} timed rounds. A round runs every function once for ${CALLS.toLocaleString("en-US")} calls, in an order rotated each round, so that machine noise and drift fall on all functions alike and all run with the type feedback they have when a workbook uses many LOAN functions. Each sample is wall time (process.hrtime) / calls; the table shows the median and the range of the samples.
- Before timing, each call is checked against its documented result (the JSDoc examples), so the loops time the real work and not an error path.
- The machine may be shared and noisy: read ratios, not absolute times, and compare runs on the same machine.
`;
}

main();
