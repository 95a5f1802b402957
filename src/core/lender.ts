/**
 * The lender's view (methodology §10, §11, §14 and §15): what a limited guarantor owes, what the
 * lender actually recovers, the market's price of non-recourse, and whether a deal meets
 * typical thresholds. Market figures are conventions from published explainers, not advice.
 *
 *   guarantee  = min(deficiency, guaranteePct × loan, capAmount, burn-down cap in force)
 *   capacity   = max(0, liquidity + share × max(0, net worth − liquidity) − other liabilities
 *                − collection cost) × e^(−r·years to collect)
 *   recovery   = min(proceeds, claim) + (recourse: max(0, min(deficiency, assets) − collection cost))
 *   QUALIFY    = "OK", or every failed test and by how much
 */
import {
  amount,
  choice,
  code,
  defineIn,
  grid,
  isBlankCell,
  pairName,
  pairs,
  rate,
  requiredFlag,
  share,
  signed,
  yearsFromZero,
  type Grid,
  HELP,
  namedAll,
  type InputOf,
} from "./args";
import {
  DEFAULT_THRESHOLDS,
  LOAN_TYPES,
  MARKET_BOUNDS,
  MARKET_MEASURES,
  PREMIUM_TABLE,
  STRUCTURES,
  TESTS,
  type LoanType,
  type MarketMeasure,
  type Structure,
  type Test,
  type TestThresholds,
} from "./domain";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { sumMoney, timesMoney } from "./money";

const define = defineIn({ family: "lender", section: 10 });

// ---------------------------------------------------------------------------------------
// GUARANTEE_EXPOSURE

/** One step of a burn-down: from this year on (years after closing), the guarantee is at most `cap`. */
export interface BurnDownStep {
  readonly fromYear: number;
  readonly cap: number;
}

/** GUARANTEE_EXPOSURE's parameters, the burn-down read into steps. */
export type GuaranteeInput = Omit<InputOf<typeof GUARANTEE_EXPOSURE>, "burnDown"> & {
  /** Burn-down steps, from-years increasing; omitted: none. */
  readonly burnDown?: readonly BurnDownStep[];
};

/** What a limited guarantor owes: min(deficiency, guaranteePct × loan, capAmount, the burn-down cap in force). */
export function guaranteeExposure({
  deficiency,
  loanAmount,
  guaranteePct = GUARANTEE_EXPOSURE.param.guaranteePct.fallback,
  capAmount,
  burnDown,
  yearsElapsed = GUARANTEE_EXPOSURE.param.yearsElapsed.fallback,
}: GuaranteeInput): number | Fault {
  let owed = Math.min(deficiency, timesMoney(loanAmount, guaranteePct));
  if (capAmount !== undefined) owed = Math.min(owed, capAmount);
  if (burnDown !== undefined) {
    const cap = burnDownCap(burnDown, yearsElapsed);
    if (cap instanceof Fault) return cap;
    owed = Math.min(owed, cap);
  }
  return owed;
}

/** The cap of the last step whose from-year is at most `years`; Infinity before the first step. */
function burnDownCap(steps: readonly BurnDownStep[], years: number): number | Fault {
  let cap = Infinity;
  let previous = -Infinity;
  for (const step of steps) {
    if (step.fromYear <= previous) return MSG.notAscending("burnDown", step.fromYear, previous);
    previous = step.fromYear;
    if (step.fromYear <= years) cap = step.cap;
  }
  return cap;
}

/**
 * The burn-down range → steps. Rows: from-year (≥ 0, increasing) and cap (≥ 0); wholly
 * blank rows are skipped. Checked row by row, so the first bad row is the one reported.
 */
function readBurnDown(schedule: Grid): BurnDownStep[] | Fault {
  const rows = pairs("burnDown", schedule);
  if (rows instanceof Fault) return rows;
  const steps: BurnDownStep[] = [];
  let previous = -Infinity;
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell !== "number" || !Number.isFinite(cell)) return MSG.notNumber("burnDown", cell);
      if (cell < 0) return MSG.belowMin("burnDown", cell, 0, true);
    }
    const [fromYear, cap] = row as number[];
    if (fromYear <= previous) return MSG.notAscending("burnDown", fromYear, previous);
    previous = fromYear;
    steps.push({ fromYear, cap });
  }
  return steps;
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
  (deficiency, loanAmount, guaranteePct, capAmount, burnDownRange, yearsElapsed): number | Fault => {
    const burnDown = burnDownRange === undefined ? undefined : readBurnDown(burnDownRange);
    if (burnDown instanceof Fault) return burnDown;
    return guaranteeExposure({ deficiency, loanAmount, guaranteePct, capAmount, burnDown, yearsElapsed });
  },
  HELP && {
    summary: "What a partial, capped or burning-down guarantor owes.",
    details:
      "The deficiency, at most guaranteePct × loan, at most capAmount, at most the burn-down cap in force. Mechanics, not legal advice.",
    params: {
      deficiency: "The deficiency after the sale (0 or more).",
      loanAmount: "The loan amount (0 or more).",
      guaranteePct: "Share of the loan guaranteed, 0 to 1 (default 1).",
      capAmount: "A fixed cap on the guarantee (omit for none).",
      burnDown: "Two columns, from-year and cap, from-years increasing: the cap steps down.",
      yearsElapsed: "Years since closing, for the burn-down (default 0).",
    },
    returns: "What the guarantor owes.",
    examples: [
      "=LOAN.GUARANTEE_EXPOSURE(1050000, 4500000, 0.2) → 900000",
      "=LOAN.GUARANTEE_EXPOSURE(1050000, 4500000, 0.5, , {0,2250000;3,1125000;5,450000}, 5) → 450000",
    ],
  },
);

// ---------------------------------------------------------------------------------------
// COLLECTIBLE_CAPACITY

export const COLLECTIBLE_CAPACITY = define(
  "COLLECTIBLE_CAPACITY",
  [
    amount.required("liquidity"),
    signed.optional("netWorth"),
    share.withDefault("netWorthShare", 0),
    amount.withDefault("otherLiabilities", 0),
    amount.withDefault("collectionCost", 0),
    yearsFromZero.withDefault("collectionYears", 0),
    rate.withDefault("discountRate", 0),
  ],
  (liquidity, netWorth, netWorthShare, otherLiabilities, collectionCost, collectionYears, discountRate): number => {
    const beyond = netWorth === undefined ? 0 : Math.max(0, sumMoney([netWorth, -liquidity]));
    const reachable = sumMoney([liquidity, timesMoney(beyond, netWorthShare), -otherLiabilities, -collectionCost]);
    if (reachable <= 0) return 0;
    return collectionYears === 0 ? reachable : reachable * Math.exp(-discountRate * collectionYears);
  },
  HELP && {
    summary: "What a guarantor could actually be made to pay on a deficiency.",
    details:
      "Liquidity plus netWorthShare × the net worth beyond it, less other contingent liabilities competing for the same assets (first come), less the cost of collecting, discounted over the time it takes (continuously at discountRate); never below 0. Lenders count on liquid assets: the share of the rest defaults to 0. Mechanics, not legal advice.",
    params: {
      netWorth: "The guarantor's net worth, liquidity included (omitted: liquidity only).",
      netWorthShare: "Share of the net worth beyond liquidity a lender could collect, 0 to 1 (default 0).",
      otherLiabilities: "Other guaranties and contingent liabilities with claims on the same assets (default 0).",
      collectionCost: "Legal and collection cost of pursuing the guarantor (default 0: the guarantor's view).",
      collectionYears: "Years from the claim to the collection (default 0).",
      discountRate: "Continuously compounded rate for the time to collect (default 0).",
    },
    returns: "The collectible capacity, in the currency of the inputs.",
    examples: [
      "=LOAN.COLLECTIBLE_CAPACITY(600000) → 600000",
      "=LOAN.COLLECTIBLE_CAPACITY(600000, 6000000, 0.1, 200000) → 940000",
      "=LOAN.COLLECTIBLE_CAPACITY(600000, 6000000, 0, 0, 50000, 1, 0.04) → 528434.19",
    ],
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
  (claim, netProceeds, isRecourse, collectibleAssets, collectionCost): number => {
    const applied = Math.min(claim, netProceeds);
    if (!isRecourse) return applied;
    const deficiency = Math.max(0, sumMoney([claim, -netProceeds]));
    const reachable = collectibleAssets === undefined ? deficiency : Math.min(deficiency, collectibleAssets);
    const net = sumMoney([reachable, -collectionCost]);
    // A rational lender does not spend more on collecting than it collects.
    return net > 0 ? sumMoney([applied, net]) : applied;
  },
  HELP && {
    summary: "What the lender recovers after weighing the cost of collecting.",
    details:
      "The sale proceeds (at most the claim), plus on recourse min(deficiency, collectible assets) − collection cost when that is positive. Mechanics, not legal advice.",
    section: 11,
    params: {
      claim: "The lender's claim (0 or more).",
      netProceeds: "Net proceeds of the sale (0 or more).",
      isRecourse: "TRUE if the lender may pursue the borrower or a guarantor.",
      collectibleAssets: "What can actually be collected (omitted: the whole deficiency).",
      collectionCost: "Legal and collection cost of pursuing the deficiency (default 0).",
    },
    returns: "The lender's recovery.",
    examples: [
      "=LOAN.LENDER_RECOVERY(4650000, 3600000, TRUE, 200000, 50000) → 3750000",
      "=LOAN.LENDER_RECOVERY(4650000, 3600000, FALSE) → 3600000",
    ],
  },
);

// ---------------------------------------------------------------------------------------
// MARKET_PREMIUM: the premium table (domain.ts) as decimals.

export const MARKET_PREMIUM = define(
  "MARKET_PREMIUM",
  [code("loanType"), code("measure"), choice("bound", MARKET_BOUNDS, "MID")],
  (loanType, measure, bound): number | Fault => {
    if (!LOAN_TYPES.includes(loanType as LoanType))
      return MSG.unknownName("loanType", "loan type", loanType, LOAN_TYPES);
    const column = MARKET_MEASURES.indexOf(measure as MarketMeasure);
    if (column < 0) return MSG.unknownName("measure", "measure", measure, MARKET_MEASURES);
    const range = PREMIUM_TABLE[loanType as LoanType][column];
    if (range === null) return MSG.noRecourseOption(loanType);
    const x = bound === "LOW" ? range[0] : bound === "HIGH" ? range[1] : (range[0] + range[1]) / 2;
    return x / (measure === "LTV_CAP" ? 100 : 10000);
  },
  HELP && {
    summary: "Typical market price of non-recourse: rate, points, LTV cap.",
    details:
      "Over recourse, from published explainers: RATE and POINTS premiums (decimals), LTV_CAP. Market conventions, not advice.",
    section: 14,
    params: {
      loanType: "CMBS, AGENCY, LIFE, BANK or BRIDGE.",
      measure: "RATE, POINTS or LTV_CAP.",
      bound: "LOW, MID (default) or HIGH.",
    },
    returns: "The figure as a decimal.",
    examples: [
      '=LOAN.MARKET_PREMIUM("BANK", "RATE") → 0.00875',
      '=LOAN.MARKET_PREMIUM("AGENCY", "LTV_CAP", "HIGH") → 0.8',
    ],
    cost: "composite",
  },
);

// ---------------------------------------------------------------------------------------
// QUALIFY

/** Changes to a structure's default thresholds: a number replaces one, null removes the test. */
export type ThresholdOverrides = Readonly<Partial<Record<Test, number | null>>>;

/** QUALIFY's parameters, the thresholds range read into overrides. */
export type QualifyInput = Omit<InputOf<typeof QUALIFY>, "thresholds"> & {
  /** Changes to DEFAULT_THRESHOLDS[structure]. */
  readonly thresholds?: ThresholdOverrides;
};

/** The structure's thresholds with the overrides applied. */
export function thresholdsFor(structure: Structure, overrides?: ThresholdOverrides): TestThresholds {
  if (overrides === undefined) return DEFAULT_THRESHOLDS[structure];
  const out: Partial<Record<Test, number>> = { ...DEFAULT_THRESHOLDS[structure] };
  for (const test of TESTS) {
    const v = overrides[test];
    if (v === null) delete out[test];
    else if (v !== undefined) out[test] = v;
  }
  return out;
}

/** The thresholds range (test, threshold) → overrides; a blank threshold removes the test. */
function readThresholds(range: Grid): ThresholdOverrides | Fault {
  const rows = pairs("thresholds", range);
  if (rows instanceof Fault) return rows;
  const out: Partial<Record<Test, number | null>> = {};
  for (const [testCell, value] of rows) {
    const test = pairName("thresholds", testCell);
    if (test instanceof Fault) return test;
    if (!TESTS.includes(test as Test)) return MSG.unknownName("thresholds", "test", test, TESTS);
    if (isBlankCell(value)) out[test as Test] = null;
    else if (typeof value !== "number" || !Number.isFinite(value)) return MSG.notNumber("thresholds", value);
    else if (value < 0) return MSG.belowMin("thresholds", value, 0, true);
    else out[test as Test] = value;
  }
  return out;
}

/**
 * A figure for the one-line verdict: rounded to 4 decimals (2 from 1,000 up), shortest form,
 * thousands grouped. The rounded value k/10^d prints as at most d decimals. From 1e15 up,
 * where float64 has no decimals left to show, six significant digits in Excel's
 * scientific form (1E+300).
 */
export function figure(x: number): string {
  const abs = x < 0 ? -x : x;
  const scale = abs >= 1000 ? 100 : 10000;
  const k = Math.round(abs * scale);
  // Below 10^15 units of the last place, k/scale has at most 15 significant digits, so its
  // shortest form (String) is exactly k's digits with the point put back: build it from k with
  // integer arithmetic, about three times faster than String of a fraction and slicing (issue 26).
  if (k < 1e15) {
    let frac = k % scale;
    let int = (k - frac) / scale;
    let text = "";
    while (int >= 1000) {
      const group = int % 1000;
      text = (group >= 100 ? "," : group >= 10 ? ",0" : ",00") + group + text;
      int = (int - group) / 1000;
    }
    text = int + text;
    if (frac !== 0 && scale === 100) {
      text += frac % 10 === 0 ? "." + frac / 10 : (frac < 10 ? ".0" : ".") + frac;
    } else if (frac !== 0) {
      let places = 4;
      for (; frac % 10 === 0; places--) frac /= 10;
      const digits = String(frac);
      text += "." + "000".slice(0, places - digits.length) + digits;
    }
    return x < 0 && k !== 0 ? `-${text}` : text;
  }
  return figureSlow(x);
}

/** figure() beyond the fast path: large figures, and what is not a finite number. */
function figureSlow(x: number): string {
  if (Math.abs(x) >= 1e15) {
    const [mantissa, exp] = Number(Math.abs(x).toPrecision(6)).toExponential().split("e");
    return `${x < 0 ? "-" : ""}${mantissa}E${exp}`;
  }
  const scale = Math.abs(x) >= 1000 ? 100 : 10000;
  const rounded = Math.round(Math.abs(x) * scale) / scale;
  let text = String(rounded);
  const dot = text.indexOf(".");
  for (let at = (dot < 0 ? text.length : dot) - 3; at > 0; at -= 3) text = `${text.slice(0, at)},${text.slice(at)}`;
  return x < 0 && rounded ? `-${text}` : text;
}

/**
 * A gap for the verdict: as figure(), but a gap too small to survive its rounding shows two
 * significant digits instead of "0" (1.2 − 1.19999999 → "0.00000001"): a failed test is never
 * "short by 0".
 */
export function gapFigure(x: number): string {
  const text = figure(x);
  if (text !== "0" || x === 0) return text;
  const decimals = Math.min(20, 1 - Math.floor(Math.log10(Math.abs(x))));
  return (
    (x < 0 ? "-" : "") +
    Math.abs(x)
      .toFixed(decimals)
      .replace(/\.?0+$/, "")
  );
}

/**
 * One failed test as the verdicts word it ("DSCR short by 0.1 (min 1.2)", "LTV over by 0.05 (max
 * 0.65)"): LOAN.QUALIFY's and LOAN.GUARANTOR_COVENANTS' wording, stated once.
 */
export function failedTest(label: string, by: number, limit: number, max?: boolean): string {
  // Five concatenations, not a template's nine: the verdicts are among the slower calls (bench).
  return label + (max ? " over by " : " short by ") + gapFigure(by) + (max ? " (max " : " (min ") + figure(limit) + ")";
}

/** "OK", or "Fails: " and every failed test, by how much, and its threshold. */
export function qualify({
  structure,
  dscr,
  ltv,
  occupancy,
  netWorth,
  liquidity,
  loanAmount,
  thresholds,
}: QualifyInput): string | Fault {
  const t = thresholdsFor(structure, thresholds);
  let fails = "";
  const fail = (label: string, by: number, limit: number, max?: boolean) => {
    const line = failedTest(label, by, limit, max);
    fails = fails ? `${fails}; ${line}` : `Fails: ${line}`;
  };
  // Gaps are shown rounded (4 decimals, or cents from 1,000 up; two significant digits below
  // that), so float64 is exact enough.
  if (t.DSCR !== undefined && dscr < t.DSCR) fail("DSCR", t.DSCR - dscr, t.DSCR);
  if (t.LTV !== undefined && ltv > t.LTV) fail("LTV", ltv - t.LTV, t.LTV, true);
  if (t.OCCUPANCY !== undefined && occupancy !== undefined && occupancy < t.OCCUPANCY)
    fail("occupancy", t.OCCUPANCY - occupancy, t.OCCUPANCY);
  if (netWorth !== undefined && t.NET_WORTH !== undefined) {
    if (loanAmount === undefined) return MSG.needs("loanAmount", "net worth");
    const need = timesMoney(loanAmount, t.NET_WORTH);
    if (netWorth < need) fail("net worth", need - netWorth, need);
  }
  if (liquidity !== undefined && t.LIQUIDITY !== undefined) {
    if (loanAmount === undefined) return MSG.needs("loanAmount", "liquidity");
    const need = timesMoney(loanAmount, t.LIQUIDITY);
    if (liquidity < need) fail("liquidity", need - liquidity, need);
  }
  return fails || "OK";
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
  (structure, dscr, ltv, occupancy, netWorth, liquidity, loanAmount, range): string | Fault => {
    const thresholds = range === undefined ? undefined : readThresholds(range);
    if (thresholds instanceof Fault) return thresholds;
    return qualify({ structure, dscr, ltv, occupancy, netWorth, liquidity, loanAmount, thresholds });
  },
  HELP && {
    summary: '"OK", or the tests a deal fails for recourse or non-recourse.',
    details:
      "One line naming every failed test and by how much, against typical RECOURSE or NONRECOURSE thresholds (or your own). Market conventions, not advice.",
    section: 15,
    params: {
      structure: "RECOURSE or NONRECOURSE.",
      dscr: "The deal's DSCR.",
      ltv: "The deal's LTV as a decimal.",
      occupancy: "Occupancy as a decimal (omit to skip the test).",
      netWorth: "Sponsor net worth (omit to skip the test).",
      liquidity: "Sponsor liquidity (omit to skip the test).",
      loanAmount: "Loan amount, for the net-worth and liquidity tests.",
      thresholds: "Two columns, test (DSCR, LTV, OCCUPANCY, NET_WORTH, LIQUIDITY) and threshold; blank removes a test.",
    },
    returns: '"OK" or the failed tests.',
    result: "string",
    examples: [
      '=LOAN.QUALIFY("NONRECOURSE", 1.25, 0.6, 0.9, 6000000, 600000, 5000000) → "OK"',
      '=LOAN.QUALIFY("NONRECOURSE", 1.1, 0.7) → "Fails: DSCR short by 0.1 (min 1.2); LTV over by 0.05 (max 0.65)"',
    ],
    cost: "composite",
  },
);

export type RecoveryInput = InputOf<typeof LENDER_RECOVERY>;
export type MarketInput = InputOf<typeof MARKET_PREMIUM>;

/** The typed calls: named arguments in, checked and defaulted as Excel's are. */
export const { collectibleCapacity, lenderRecovery, marketPremium } = namedAll({
  COLLECTIBLE_CAPACITY,
  LENDER_RECOVERY,
  MARKET_PREMIUM,
});
