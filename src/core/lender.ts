/**
 * The lender's view (reference §1, §2 and §5): what a limited guarantor owes, what the
 * lender actually recovers, the market's price of non-recourse, and whether a deal meets
 * typical thresholds. Market figures are conventions from published explainers, not advice.
 *
 *   guarantee  = min(deficiency, guaranteePct × loan, capAmount, burn-down cap in force)
 *   recovery   = min(proceeds, claim) + (recourse: max(0, min(deficiency, assets) − collection cost))
 *   QUALIFY    = "OK", or every failed test and by how much
 */
import {
  amount,
  choice,
  code,
  define,
  grid,
  isBlankCell,
  pairName,
  pairs,
  requiredFlag,
  share,
  signed,
  yearsFromZero,
  type Grid,
} from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { sumMoney, timesMoney } from "./money";

// ---------------------------------------------------------------------------------------
// GUARANTEE_EXPOSURE

/**
 * The burn-down cap in force at `years`: the cap of the last row whose from-year is at most
 * `years`; Infinity before the first row. Rows: from-year (≥ 0, increasing) and cap (≥ 0).
 */
function burnDownCap(schedule: Grid, years: number): number | Fault {
  const rows = pairs("burnDown", schedule);
  if (rows instanceof Fault) return rows;
  let cap = Infinity;
  let previous = -Infinity;
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell !== "number" || !Number.isFinite(cell)) return MSG.notNumber("burnDown", cell);
      if (cell < 0) return MSG.belowMin("burnDown", cell, 0, true);
    }
    const [from, next] = row as number[];
    if (from <= previous) return MSG.notAscending("burnDown", from, previous);
    previous = from;
    if (from <= years) cap = next;
  }
  return cap;
}

export const GUARANTEE_EXPOSURE = define(
  "GUARANTEE_EXPOSURE",
  [
    amount.required("deficiency"),
    amount.required("loanAmount"),
    share.withDefault("guaranteePct", 1),
    amount.optional("capAmount"),
    grid("burnDown", true),
    yearsFromZero.withDefault("yearsElapsed", 0),
  ],
  (deficiency, loan, pct, capAmount, burnDown, yearsElapsed) => {
    let owed = Math.min(deficiency, timesMoney(loan, pct));
    if (capAmount !== undefined) owed = Math.min(owed, capAmount);
    if (burnDown !== undefined) {
      const cap = burnDownCap(burnDown, yearsElapsed);
      if (cap instanceof Fault) return cap;
      owed = Math.min(owed, cap);
    }
    return owed;
  },
);

// ---------------------------------------------------------------------------------------
// LENDER_RECOVERY

export const LENDER_RECOVERY = define(
  "LENDER_RECOVERY",
  [
    amount.required("claim"),
    amount.required("netProceeds"),
    requiredFlag("isRecourse"),
    amount.optional("collectibleAssets"),
    amount.withDefault("collectionCost", 0),
  ],
  (claim, proceeds, isRecourse, assets, cost) => {
    const applied = Math.min(claim, proceeds);
    if (!isRecourse) return applied;
    const deficiency = Math.max(0, sumMoney([claim, -proceeds]));
    const reachable = assets === undefined ? deficiency : Math.min(deficiency, assets);
    const net = sumMoney([reachable, -cost]);
    // A rational lender does not spend more on collecting than it collects.
    return net > 0 ? sumMoney([applied, net]) : applied;
  },
);

// ---------------------------------------------------------------------------------------
// MARKET_PREMIUM: reference §5's table. Rates and points in basis points (of the loan for
// points: 0.25 points = 25), the LTV cap in percent; null where the table has no figure.

export const MEASURES = ["RATE", "POINTS", "LTV_CAP"] as const;
export const BOUNDS = ["LOW", "MID", "HIGH"] as const;

type Range = readonly [number, number];
export const MARKET_TABLE: Readonly<Record<string, readonly [Range, Range | null, Range]>> = {
  CMBS: [[25, 50], null, [65, 75]],
  AGENCY: [
    [50, 75],
    [25, 75],
    [70, 80],
  ],
  LIFE: [
    [50, 100],
    [50, 100],
    [60, 70],
  ],
  BANK: [
    [50, 125],
    [25, 50],
    [60, 70],
  ],
  BRIDGE: [
    [100, 200],
    [50, 150],
    [55, 65],
  ],
};
export const LOAN_TYPES: readonly string[] = Object.keys(MARKET_TABLE);

export const MARKET_PREMIUM = define(
  "MARKET_PREMIUM",
  [code("loanType"), code("measure"), choice("bound", BOUNDS, "MID")],
  (loanType, measure, bound) => {
    if (!LOAN_TYPES.includes(loanType)) return MSG.unknownName("loanType", "loan type", loanType, LOAN_TYPES);
    const row = MARKET_TABLE[loanType];
    const column = MEASURES.indexOf(measure as (typeof MEASURES)[number]);
    if (column < 0) return MSG.unknownName("measure", "measure", measure, MEASURES);
    const range = row[column];
    if (range === null) return MSG.noRecourseOption(loanType);
    const x = bound === "LOW" ? range[0] : bound === "HIGH" ? range[1] : (range[0] + range[1]) / 2;
    return x / (measure === "LTV_CAP" ? 100 : 10000);
  },
);

// ---------------------------------------------------------------------------------------
// QUALIFY

export const STRUCTURES = ["RECOURSE", "NONRECOURSE"] as const;
export const TESTS = ["DSCR", "LTV", "OCCUPANCY", "NET_WORTH", "LIQUIDITY"] as const;
type Test = (typeof TESTS)[number];

/**
 * The lenient end of the reference's ranges (§5, underwriting contrasts). DSCR and
 * OCCUPANCY are minimums, LTV a maximum; NET_WORTH and LIQUIDITY are minimum multiples of
 * the loan. Non-recourse LTV is the general 65 % (agency lends up to 80 %: pass LTV 0.8).
 */
export const DEFAULT_THRESHOLDS: Readonly<
  Record<(typeof STRUCTURES)[number], Readonly<Partial<Record<Test, number>>>>
> = {
  RECOURSE: { DSCR: 1.15, LTV: 0.8 },
  NONRECOURSE: { DSCR: 1.2, LTV: 0.65, OCCUPANCY: 0.85, NET_WORTH: 1, LIQUIDITY: 0.1 },
};

function thresholdsFor(
  structure: (typeof STRUCTURES)[number],
  overrides: Grid | undefined,
): Readonly<Partial<Record<Test, number>>> | Fault {
  if (overrides === undefined) return DEFAULT_THRESHOLDS[structure];
  const out: Partial<Record<Test, number>> = { ...DEFAULT_THRESHOLDS[structure] };
  const rows = pairs("thresholds", overrides);
  if (rows instanceof Fault) return rows;
  for (const [testCell, value] of rows) {
    const test = pairName("thresholds", testCell);
    if (test instanceof Fault) return test;
    if (!TESTS.includes(test as Test)) return MSG.unknownName("thresholds", "test", test, TESTS);
    if (isBlankCell(value)) delete out[test as Test];
    else if (typeof value !== "number" || !Number.isFinite(value)) return MSG.notNumber("thresholds", value);
    else if (value < 0) return MSG.belowMin("thresholds", value, 0, true);
    else out[test as Test] = value;
  }
  return out;
}

/**
 * A figure for the one-line verdict: rounded to 4 decimals (2 from 1,000 up), shortest form,
 * thousands grouped. The rounded value k/10^d prints as at most d decimals.
 */
export function figure(x: number): string {
  const scale = Math.abs(x) >= 1000 ? 100 : 10000;
  const rounded = Math.round(Math.abs(x) * scale) / scale;
  let text = String(rounded);
  const dot = text.indexOf(".");
  for (let at = (dot < 0 ? text.length : dot) - 3; at > 0; at -= 3) text = `${text.slice(0, at)},${text.slice(at)}`;
  return x < 0 && rounded ? `-${text}` : text;
}

export const QUALIFY = define(
  "QUALIFY",
  [
    choice("structure", STRUCTURES, undefined),
    signed.required("dscr"),
    amount.required("ltv"),
    share.optional("occupancy"),
    signed.optional("netWorth"),
    amount.optional("liquidity"),
    amount.optional("loanAmount"),
    grid("thresholds", true),
  ],
  (structure, dscr, ltv, occupancy, netWorth, liquidity, loan, overrides) => {
    const t = thresholdsFor(structure, overrides);
    if (t instanceof Fault) return t;
    let fails = "";
    const fail = (label: string, by: number, limit: number, max?: boolean) => {
      const line = `${label} ${max ? "over" : "short"} by ${figure(by)} (${max ? "max" : "min"} ${figure(limit)})`;
      fails = fails ? `${fails}; ${line}` : `Fails: ${line}`;
    };
    // Gaps are shown rounded (4 decimals, or cents from 1,000 up), so float64 is exact enough.
    if (t.DSCR !== undefined && dscr < t.DSCR) fail("DSCR", t.DSCR - dscr, t.DSCR);
    if (t.LTV !== undefined && ltv > t.LTV) fail("LTV", ltv - t.LTV, t.LTV, true);
    if (t.OCCUPANCY !== undefined && occupancy !== undefined && occupancy < t.OCCUPANCY)
      fail("occupancy", t.OCCUPANCY - occupancy, t.OCCUPANCY);
    if (netWorth !== undefined && t.NET_WORTH !== undefined) {
      if (loan === undefined) return MSG.needs("loanAmount", "net worth");
      const need = timesMoney(loan, t.NET_WORTH);
      if (netWorth < need) fail("net worth", need - netWorth, need);
    }
    if (liquidity !== undefined && t.LIQUIDITY !== undefined) {
      if (loan === undefined) return MSG.needs("loanAmount", "liquidity");
      const need = timesMoney(loan, t.LIQUIDITY);
      if (liquidity < need) fail("liquidity", need - liquidity, need);
    }
    return fails || "OK";
  },
);
