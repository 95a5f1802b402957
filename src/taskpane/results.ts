/**
 * A LOAN function's result shown by what it is, wherever the add-in shows one outside a cell
 * (the pane's guide, the preview's playground): money with thousands separators (whole, or to
 * the cent), a probability or a share as a percentage, a spread in basis points, a coverage
 * ratio as "1.35x". Text and TRUE/FALSE results are shown as they are (LOAN.QUALIFY's
 * messages keep their wording). Plain data, no DOM.
 */
import { formatValue } from "../preview/format";

/** What a function's number is. */
export type ResultKind = "money" | "ratio" | "percent" | "probability" | "spread";

/** Each LOAN function that returns a number, by what the number is (see each one's declared `returns`). */
export const RESULT_KINDS: Readonly<Record<string, ResultKind>> = {
  PAYMENT: "money",
  DEBT_SERVICE: "money",
  BALANCE: "money",
  MAX_LOAN: "money",
  STATE_DEFICIENCY: "money",
  GUARANTEE_EXPOSURE: "money",
  LENDER_RECOVERY: "money",
  YIELD_MAINTENANCE: "money",
  DEFEASANCE_COST: "money",
  PUT_VALUE: "money",
  PUT_VALUE_PATH: "money",
  DEFICIENCY: "money",
  NONRECOURSE_PREMIUM: "money",
  CARVEOUT_EXPOSURE: "money",
  COLLECTIBLE_CAPACITY: "money",
  PROTECTION_VALUE: "money",
  SPRINGING_RECOURSE: "money",
  SPRINGING_EXPECTED_EXPOSURE: "money",
  DSCR: "ratio",
  DEBT_YIELD: "percent",
  LTV: "percent",
  MARKET_PREMIUM: "percent",
  DEFAULT_PROBABILITY: "probability",
  BREAKEVEN_PROBABILITY: "probability",
  SPRINGING_PROBABILITY: "probability",
  FAIR_SPREAD: "spread",
  // Spilled tables whose figures are money (the schedule's period numbers are whole: 1, 2, …).
  AMORTIZATION: "money",
  FORECLOSURE_TAX: "money",
};

/**
 * What a formula's result is: the kind of the LOAN function the whole formula calls
 * ("=LOAN.DSCR(…)"; PUT_VALUE_PATH asked for "PROBABILITY" gives one); undefined for any other
 * formula (arithmetic on a result, a built-in).
 */
export function resultKind(formula: string): ResultKind | undefined {
  const f = formula.trim().replace(/^=\s*/, "");
  const m = /^LOAN\.([A-Z_]+)\s*\(/i.exec(f);
  if (!m || !f.endsWith(")")) return undefined;
  // The call's "(" must close at the very end: "=LOAN.DSCR(1,2)*2" is not the call alone.
  let depth = 0;
  let quoted = false;
  for (let i = m[0].length - 1; i < f.length; i++) {
    const c = f[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")" && --depth === 0 && i < f.length - 1) return undefined;
  }
  const name = m[1].toUpperCase();
  if (name === "PUT_VALUE_PATH" && /"PROBABILITY"/i.test(f)) return "probability";
  return RESULT_KINDS[name];
}

/** A number shown as what it is: "29,486.66", "180,000", "35.39%", "37.0 bp", "1.35x", "0.875%". */
export function formatResult(value: number, kind: ResultKind | undefined): string {
  switch (kind) {
    case "money":
      return formatValue(value, Number.isInteger(value) ? "#,##0" : "#,##0.00");
    case "ratio":
      return formatValue(value, '0.00"x"');
    case "probability":
      return formatValue(value, "0.00%");
    case "percent": {
      // As many decimals as the figure has, up to three: 75%, 10%, 0.875%.
      const places = Math.min(3, decimals(Number((value * 100).toPrecision(10))));
      return formatValue(value, places ? `0.${"0".repeat(places)}%` : "0%");
    }
    case "spread":
      return `${formatValue(value * 10000, "#,##0.0")} bp`;
    default:
      return generalNumber(value);
  }
}

/** A number of no known kind: grouped, two decimals unless whole or a small ratio. */
export function generalNumber(v: number): string {
  if (Number.isInteger(v)) return formatValue(v, "#,##0");
  if (Math.abs(v) >= 100) return formatValue(v, "#,##0.00");
  return formatValue(v);
}

function decimals(x: number): number {
  const s = String(x);
  return s.includes("e") ? 10 : (s.split(".")[1]?.length ?? 0);
}

/**
 * A documented example's result ("29486.6646", "FALSE", '"OK"', "13×5") as the guide shows it: a number formatted
 * by what the example's formula returns, anything else as documented.
 */
export function shownExampleResult(formula: string, result: string): string {
  const n = /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(result) ? Number(result) : NaN;
  return Number.isFinite(n) ? formatResult(n, resultKind(formula)) : result;
}
