/**
 * The market block: the dated market table (src/plan/market.ts, methodology §14) as blue
 * inputs with each figure's source and date in E, its as-of date named `MarketAsOf`; then the
 * rate and points each structure uses: the analyst's override where it is above 0, otherwise
 * the table's figure for the template's lender (base rate + spread). The premium of
 * non-recourse is the difference of the two rates (and of the points), not an assumed markup.
 *
 * Names: `MarketAsOf`, `MarketTreasury10Y`, `MarketSOFR`, per lender `Market<Lender>Spread`,
 * `…Rate`, `…Points`, `…MaxLTV`, `…MinDSCR`; the rates used `RecourseRate`, `NonRecourseRate`,
 * `RecoursePoints`, `NonRecoursePoints`, and their differences `RatePremium`, `PointsPremium`.
 */
import { excelDate, MARKET_2025, type MarketFigure, type MarketLender, type MarketTable, marketRow } from "../market";
import { type Deal, type DealSheet, INPUT_NAMES, NOTE } from "./layout";

/** The names of the rates and points each structure uses, and of their differences. */
export const MARKET_NAMES = {
  asOf: "MarketAsOf",
  recourseRate: "RecourseRate",
  nonRecourseRate: "NonRecourseRate",
  recoursePoints: "RecoursePoints",
  nonRecoursePoints: "NonRecoursePoints",
  ratePremium: "RatePremium",
  pointsPremium: "PointsPremium",
} as const;

/** The sheet name of a base rate. */
export const BASE_NAMES = { UST10: "MarketTreasury10Y", SOFR: "MarketSOFR" } as const;

/** A lender's name stem on the sheet: BANK_BRIDGE → MarketBankBridge. */
export function lenderName(lender: MarketLender): string {
  return `Market${lender
    .split("_")
    .map((w) => w[0] + w.slice(1).toLowerCase())
    .join("")}`;
}

/** A figure's source and date, as column E shows it. */
export function sourceNote(f: MarketFigure): string {
  return `${f.source} (${f.asOf})`;
}

/** The market block; returns the names of what each structure uses. */
export function marketSection(s: DealSheet, deal: Deal, table: MarketTable = MARKET_2025): typeof MARKET_NAMES {
  s.heading("Market table (methodology §14)", 1, ["Spread / max LTV", "Rate / min DSCR", "Points / exit fee"]);
  const asOf = s.label("As of");
  s.input("B", asOf, excelDate(table.asOf), "date", MARKET_NAMES.asOf);
  s.text(
    NOTE,
    asOf,
    "The table's date: blue figures to update as the market moves; each figure's source and date beside it",
  );
  const base = (label: string, key: keyof typeof BASE_NAMES): void => {
    const r = s.label(label);
    s.input("B", r, table.bases[key].value, "rate", BASE_NAMES[key]);
    s.text(NOTE, r, sourceNote(table.bases[key]));
  };
  base("10-year Treasury", "UST10");
  base("30-day average SOFR", "SOFR");

  /** Which structures a lender's max LTV and min DSCR size (their thresholds in G:J name them), as a sentence. */
  const sizes = (lender: MarketLender): string => {
    const { lenders, thresholds } = deal.template;
    const which = (["recourse", "nonRecourse"] as const).filter(
      (k) => lenders[k] === lender && thresholds[k].DSCR === "LENDER" && thresholds[k].LTV === "LENDER",
    );
    if (which.length === 0) return "";
    const words = which.map((k) => (k === "recourse" ? "recourse" : "non-recourse")).join(" and ");
    return `. They size the ${words} loan (thresholds in G:J)`;
  };
  for (const row of table.rows) {
    const stem = lenderName(row.lender);
    const r = s.label(`${row.label}: spread, rate, points`);
    const spread = s.input("B", r, row.spread.value, "rate", `${stem}Spread`);
    s.formula("C", r, `=${BASE_NAMES[row.base]}+${spread}`, "rate", `${stem}Rate`);
    s.input("D", r, row.points.value, "rate", `${stem}Points`);
    s.text(NOTE, r, `Spread: ${sourceNote(row.spread)}. Points: ${sourceNote(row.points)}`);
    const t = s.label(`${row.label}: max LTV, min DSCR, exit fee`);
    s.input("B", t, row.maxLtv.value, "share", `${stem}MaxLTV`);
    s.input("C", t, row.minDscr.value, "ratio", `${stem}MinDSCR`);
    s.input("D", t, row.exitFee.value, "rate", `${stem}ExitFee`);
    s.text(
      NOTE,
      t,
      `LTV: ${sourceNote(row.maxLtv)}. DSCR: ${sourceNote(row.minDscr)}. Exit fee: ${sourceNote(row.exitFee)}${sizes(row.lender)}`,
    );
  }
  for (const tier of table.agencyTiers) {
    const r = s.label(
      `Agency tier, ${Math.round(tier.maxLtv * 100)} % LTV and ${tier.minDscr.toFixed(2)}x: spread, rate`,
    );
    const spread = s.input("B", r, tier.spread.value, "rate");
    s.formula("C", r, `=${BASE_NAMES.UST10}+${spread}`, "rate");
    s.text(NOTE, r, sourceNote(tier.spread));
  }
  const avg = s.label("Average spread over the 10-year Treasury: commercial, multifamily");
  s.input("B", avg, table.averageSpreads.commercial.value, "rate");
  s.input("C", avg, table.averageSpreads.multifamily.value, "rate");
  s.text(NOTE, avg, `${sourceNote(table.averageSpreads.commercial)}; ${table.averageSpreads.multifamily.source}`);

  // What each structure uses: the override above 0, or its lender's figure.
  const { recourse, nonRecourse } = deal.template.lenders;
  const pick = (override: string, figure: string): string => `=IF(${override}>0,${override},${figure})`;
  const used = (label: string, measure: "Rate" | "Points", names: readonly [string, string, string]): void => {
    const key =
      measure === "Rate"
        ? (["recourseRate", "nonRecourseRate"] as const)
        : (["recoursePoints", "nonRecoursePoints"] as const);
    const r = s.label(label);
    const b = s.formula("B", r, pick(INPUT_NAMES[key[0]], `${lenderName(recourse)}${measure}`), "rate", names[0]);
    const c = s.formula("C", r, pick(INPUT_NAMES[key[1]], `${lenderName(nonRecourse)}${measure}`), "rate", names[1]);
    s.formula("D", r, `=${c}-${b}`, "rate", names[2]);
    s.text(
      NOTE,
      r,
      `The override above 0, else the table's: recourse ${marketRow(recourse, table).label}; non-recourse ${marketRow(nonRecourse, table).label}. D: the premium of non-recourse`,
    );
  };
  used("Rate used (override, or the market table's)", "Rate", [
    MARKET_NAMES.recourseRate,
    MARKET_NAMES.nonRecourseRate,
    MARKET_NAMES.ratePremium,
  ]);
  used("Points used (override, or the market table's)", "Points", [
    MARKET_NAMES.recoursePoints,
    MARKET_NAMES.nonRecoursePoints,
    MARKET_NAMES.pointsPremium,
  ]);
  return MARKET_NAMES;
}
