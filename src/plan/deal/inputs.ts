/**
 * The top of the deal sheet: title and frozen header, then the inputs (blue constants, each
 * a sheet-scoped name; the rate and points overrides, 0 for the market table's), the
 * LOAN.QUALIFY thresholds beside them (G:J), the carveouts stressed and the scenarios.
 */
import { CARVEOUT_CATALOGUE } from "../../core/carveouts";
import { HEURISTICS, TESTS, type Test } from "../../core/domain";
import { call, quote } from "../formula";
import { DEAL_NOTES } from "../messages";
import type { PlanValue } from "../plan";
import { SRC, type DealTemplate, type InputKey, type Scenario, type Thresholds } from "../templates/types";
import { DEAL_INPUTS, INPUT_KEYS } from "../templates/inputs";
import { type Deal, type DealSheet, type Fmt, INPUT_LABELS, NOTE, PAIR_HEADINGS } from "./layout";
import { lenderName, MARKET_NAMES } from "./market";

/**
 * The title, the legend and the column header over the summary; returns the header's row. On
 * screen the rows down to the header are frozen; in print only the title and the legend repeat
 * on every page (rows 1–2): each section names its own columns (the pair columns by
 * `pairHeadings`, a grid its years or volatilities), so no printed heading stands over columns it
 * does not describe.
 */
export function titleSection(s: DealSheet, deal: Deal): void {
  s.text("A", s.next(), deal.template.title, true);
  s.text("A", s.next(), `${DEAL_NOTES.legend} ${DEAL_NOTES.notAdvice}`);
  const header = s.next();
  s.headings(header, [...PAIR_HEADINGS, "Source / note"], 1);
  // The summary below is the header's own section: its pair rows need no second heading row.
  s.markHeaded("pair");
}

/** The rows printed at the top of every page and frozen on screen: the title and the legend. */
export const PRINT_TITLE_ROWS = 2;

/** The cells of the inputs: each input's name, the compared state's, the state-law flags. */
export interface InputCells extends Readonly<Record<InputKey, string>> {
  /**
   * The rate and points each structure uses (`recourseRate` … `nonRecoursePoints` are these, not the override
   * inputs) and their differences, the premium of non-recourse: names defined by the market block.
   */
  readonly rateSpread: string;
  readonly pointsSpread: string;
  /** The row of the "Inputs" heading (the thresholds start there too). */
  readonly top: number;
  /** The second state's cell, when the sheet compares two. */
  readonly compare?: string;
  /** LOAN.STATE_DEFICIENCY's flags after the method: residential, purchase money, owner-occupied. */
  readonly flags: readonly string[];
  /** The deal's overrides of the state table (StateOverrides), when the template has any. */
  readonly overrides?: string;
}

/**
 * The inputs block: deal inputs, the state overlay, the structures' rate and points overrides and guarantees, the
 * premium table's range for comparison.
 */
export function inputsSection(s: DealSheet, deal: Deal): InputCells {
  const { template, inputs: d } = deal;
  const top = s.next(1);
  s.text("A", top, "Inputs", true);
  const cells: Partial<Record<InputKey, string>> = {};
  /** One labelled input row: label in A, the input `write` places, its source in E. */
  const inputRow = (key: InputKey, write: (r: number) => string): void => {
    const r = s.label(INPUT_LABELS[key]);
    const note = template.sources[key];
    if (note) s.text(NOTE, r, note);
    cells[key] = write(r);
  };
  for (const key of INPUT_KEYS) {
    const { layout, format, name } = DEAL_INPUTS[key];
    if (layout === "row") inputRow(key, (r) => s.input("B", r, d[key] as PlanValue, format, name));
  }
  let compare: string | undefined;
  if (deal.compareState) {
    const r = s.label("Compare with the law of");
    s.text(NOTE, r, "The state overlay: the same loan under a second state's law");
    compare = s.input("B", r, deal.compareState, undefined, "CompareState");
  }

  // The deal's overrides of the state table (field, value), each with its reason: applied under the deal's law.
  let overrides: string | undefined;
  const own = template.stateOverrides ?? [];
  if (own.length) {
    const first = s.row + 1;
    for (const o of own) {
      const r = s.label(`State-law override: ${o.field}`);
      s.input("B", r, o.field);
      s.input("C", r, o.value);
      s.text(NOTE, r, o.reason);
    }
    overrides = s.name("StateOverrides", `B${first}:C${s.row}`);
  }

  // Structure inputs: recourse in B, non-recourse in C; 0 takes the market table's figure (marketSection).
  const pair = (label: string, rKey: InputKey, nKey: InputKey): void => {
    const r = s.label(label);
    for (const [col, key] of [
      ["B", rKey],
      ["C", nKey],
    ] as const)
      s.input(col, r, d[key] as PlanValue, DEAL_INPUTS[key].format, DEAL_INPUTS[key].name);
    const notes = [template.sources[rKey], template.sources[nKey]];
    s.text(
      NOTE,
      r,
      notes[0] === notes[1] || !notes[1]
        ? (notes[0] ?? SRC.marketRate)
        : `Recourse: ${notes[0]}; non-recourse: ${notes[1]}`,
    );
  };
  pair("Rate override (0: the market table's)", "recourseRate", "nonRecourseRate");
  pair("Points override (0: the market table's)", "recoursePoints", "nonRecoursePoints");
  const g = s.label(INPUT_LABELS.recourseGuarantee);
  for (const [col, key] of [
    ["B", "recourseGuarantee"],
    ["C", "nonRecourseGuarantee"],
  ] as const)
    cells[key] = s.input(col, g, d[key], DEAL_INPUTS[key].format, DEAL_INPUTS[key].name);
  const gNote = [template.sources.recourseGuarantee, template.sources.nonRecourseGuarantee].filter(Boolean).join("; ");
  s.text(NOTE, g, gNote || "1: full recourse; 0: carveouts only; between: a limited guarantee (methodology §10)");

  // For comparison (formulas): the premium table's range for this loan type.
  const loanType = cells.loanType!;
  s.sectionHeadings("premium-range", ["Low", "High"]);
  const m = s.label("Published rate premium, low / high (LOAN.MARKET_PREMIUM)");
  s.formula("B", m, `=${call("MARKET_PREMIUM", loanType, quote("RATE"), quote("LOW"))}`, "rate");
  s.formula("C", m, `=${call("MARKET_PREMIUM", loanType, quote("RATE"), quote("HIGH"))}`, "rate");
  s.text(NOTE, m, "Methodology §14's premium table: a comparison for RatePremium (the market block), not its source");

  const all = cells as Record<InputKey, string>;
  return {
    ...all,
    // The rates and points each structure uses (named in the market block): the override or the table's.
    recourseRate: MARKET_NAMES.recourseRate,
    nonRecourseRate: MARKET_NAMES.nonRecourseRate,
    recoursePoints: MARKET_NAMES.recoursePoints,
    nonRecoursePoints: MARKET_NAMES.nonRecoursePoints,
    rateSpread: MARKET_NAMES.ratePremium,
    pointsSpread: MARKET_NAMES.pointsPremium,
    top,
    ...(compare ? { compare } : {}),
    flags: [all.residential1to4, all.purchaseMoney, all.ownerOccupied],
    ...(overrides ? { overrides } : {}),
  };
}

/** The names of the thresholds: each structure's range, and the DSCR, LTV and debt-yield cells LOAN.MAX_LOAN reads. */
export interface ThresholdCells {
  readonly recourse: string;
  readonly nonRecourse: string;
  readonly rMinDscr: string;
  readonly rMaxLtv: string;
  readonly nMinDscr: string;
  readonly nMaxLtv: string;
  /** The debt-yield floors LOAN.MAX_LOAN sizes to (blank: none). */
  readonly rMinDebtYield: string;
  readonly nMinDebtYield: string;
}

/** The market table's name for a LENDER threshold: the lender's min DSCR or max LTV. */
const LENDER_FIGURE: Partial<Record<Test, "MinDSCR" | "MaxLTV">> = { DSCR: "MinDSCR", LTV: "MaxLTV" };

/**
 * Writes the LOAN.QUALIFY threshold pairs in G:H (recourse) and I:J (non-recourse), from row `top` down. A
 * "LENDER" threshold is a formula naming the structure's lender's figure in the market table (`=MarketBankMinDSCR`):
 * the analyst changes the table's blue figure, and the loan is re-sized and re-tested.
 */
export function thresholdsSection(
  s: DealSheet,
  top: number,
  t: DealTemplate["thresholds"],
  loanType: string,
  lenders: DealTemplate["lenders"],
): ThresholdCells {
  s.text("G", top, "Test", true);
  s.text("H", top, "Recourse", true);
  s.text("I", top, "Test", true);
  s.text("J", top, "Non-recourse", true);
  const fmt = (test: string): Fmt => (test === "DSCR" ? "ratio" : test === "NET_WORTH" ? "ratio" : "share");
  const names: Partial<Record<Test, [string, string]>> = {
    DSCR: ["RecourseMinDSCR", "NonRecourseMinDSCR"],
    LTV: ["RecourseMaxLTV", "NonRecourseMaxLTV"],
  };
  let fromTable = false;
  const cell = (col: "H" | "J", r: number, test: Test, th: Thresholds, name?: string): void => {
    const v = th[test];
    const figure = LENDER_FIGURE[test];
    if (v === "MARKET")
      s.formula(col, r, `=${call("MARKET_PREMIUM", loanType, quote("LTV_CAP"), quote("HIGH"))}`, "share", name);
    else if (v === "LENDER") {
      if (!figure) throw new Error(`the market table has no ${test} figure`);
      fromTable = true;
      const lender = col === "H" ? lenders.recourse : lenders.nonRecourse;
      s.formula(col, r, `=${lenderName(lender)}${figure}`, fmt(test), name);
    } else s.input(col, r, v ?? "", fmt(test), name);
  };
  TESTS.forEach((test, i) => {
    const r = top + 1 + i;
    s.text("G", r, test);
    s.text("I", r, test);
    cell("H", r, test, t.recourse, names[test]?.[0]);
    cell("J", r, test, t.nonRecourse, names[test]?.[1]);
  });
  const bottom = top + TESTS.length;
  // The debt-yield floor sizes the loan (LOAN.MAX_LOAN) but is not a LOAN.QUALIFY test: below the QUALIFY range.
  const dy = bottom + 1;
  s.text("G", dy, "DEBT_YIELD");
  s.text("I", dy, "DEBT_YIELD");
  s.input("H", dy, t.recourse.DEBT_YIELD ?? "", "share", "RecourseMinDebtYield");
  s.input("J", dy, t.nonRecourse.DEBT_YIELD ?? "", "share", "NonRecourseMinDebtYield");
  s.text(
    "G",
    dy + 1,
    "LOAN.QUALIFY thresholds (methodology §15); blank: test not run." +
      (fromTable
        ? " DSCR and LTV: each structure's lender in the market table (methodology §14); change them there."
        : "") +
      " DEBT_YIELD sizes the loan only (LOAN.MAX_LOAN, methodology §4): an assumption",
  );
  return {
    recourse: s.name("RecourseThresholds", `G${top + 1}:H${bottom}`),
    nonRecourse: s.name("NonRecourseThresholds", `I${top + 1}:J${bottom}`),
    rMinDscr: "RecourseMinDSCR",
    rMaxLtv: "RecourseMaxLTV",
    nMinDscr: "NonRecourseMinDSCR",
    nMaxLtv: "NonRecourseMaxLTV",
    rMinDebtYield: "RecourseMinDebtYield",
    nMinDebtYield: "NonRecourseMinDebtYield",
  };
}

/** The names of the reading's criteria (HEURISTICS), each a blue input beside the inputs. */
export interface CriteriaCells {
  readonly recourseMaxLtv: string;
  readonly minNetWorthMultiple: string;
  readonly minLiquidityShare: string;
  readonly premiumRateSpread: string;
  readonly premiumPoints: string;
  readonly nonRecourseMinLtv: string;
  readonly recourseMinConditions: string;
}

/** Each criterion of the reading: its name on the sheet, its label and its number format. */
const CRITERIA: readonly (readonly [keyof CriteriaCells, string, string, Fmt])[] = [
  ["recourseMaxLtv", "ReadingRecourseMaxLTV", "Recourse fits: LTV at most", "share"],
  ["minNetWorthMultiple", "ReadingMinNetWorth", "Net worth at least (× loan)", "ratio"],
  ["minLiquidityShare", "ReadingMinLiquidity", "Liquidity at least (share of loan)", "share"],
  ["premiumRateSpread", "ReadingPremiumRate", "Costly premium: rate a year over", "rate"],
  ["premiumPoints", "ReadingPremiumPoints", "… plus points over", "rate"],
  ["nonRecourseMinLtv", "ReadingNonRecourseMinLTV", "Non-recourse fits: LTV at least", "share"],
  ["recourseMinConditions", "ReadingRecourseMinConditions", "Recourse by default: conditions needed", "years"],
];

/**
 * The reading's criteria in G (label) and J (value), from row `top` down: the lender
 * heuristics' figures (the core's HEURISTICS), as inputs the analyst sees and can change.
 */
export function criteriaSection(s: DealSheet, top: number): CriteriaCells {
  s.text("G", top, "Reading criteria (heuristics)", true);
  const cells: Partial<Record<keyof CriteriaCells, string>> = {};
  CRITERIA.forEach(([key, name, label, fmt], i) => {
    s.text("G", top + 1 + i, label);
    cells[key] = s.input("J", top + 1 + i, HEURISTICS[key], fmt, name);
  });
  s.text(
    "G",
    top + 1 + CRITERIA.length,
    'The lenders\' "when each fits" figures (methodology §17); change one to test it',
  );
  return cells as CriteriaCells;
}

/** At least this many carveout rows, so the analyst can add more in Excel. */
const CARVEOUT_ROWS = 3;

/** The names of the carveout codes and losses (LOAN.CARVEOUT_EXPOSURE's arguments). */
export interface CarveoutCells {
  readonly codes: string;
  readonly losses: string;
}

/** The carveouts stressed under non-recourse: code and loss per row, the act and its consequence beside. */
export function carveoutsSection(s: DealSheet, deal: Deal): CarveoutCells {
  const top = s.heading("Carveouts stressed (non-recourse)", 1, ["Code", "Loss caused"]);
  const rows = Math.max(CARVEOUT_ROWS, deal.carveouts.length);
  for (let i = 0; i < rows; i++) {
    const c = deal.carveouts[i];
    const r = s.label(`Carveout ${i + 1}`);
    s.input("B", r, c ? c.code : "");
    s.input("C", r, c ? c.loss : "", "money");
    const known = c && CARVEOUT_CATALOGUE.find((x) => x.code === c.code.toUpperCase());
    s.text(
      NOTE,
      r,
      known
        ? `${known.act}: ${known.consequence === "FULL" ? "full recourse" : "loss only"} (methodology §7)`
        : "Add a code from LOAN.CARVEOUTS()",
    );
  }
  return {
    codes: s.name("CarveoutCodes", `B${top + 1}:B${s.row}`),
    losses: s.name("CarveoutLosses", `C${top + 1}:C${s.row}`),
  };
}

/**
 * A scenario's input cells: NOI share, and the sale price (a share of value or an amount), the unpaid principal if
 * given.
 */
export interface ScenarioCells {
  readonly scenario: Scenario;
  readonly noiFactor: string;
  readonly saleFactor?: string;
  readonly salePrice?: string;
  readonly unpaid?: string;
}

/** The scenarios' inputs, each a named row. */
export function scenarioInputsSection(s: DealSheet, deal: Deal): ScenarioCells[] {
  s.heading("Scenarios", 1);
  return deal.template.scenarios.map((sc, i) => {
    const n = i + 1;
    const line = (label: string, v: number, fmt: Fmt, name: string): string => {
      const r = s.label(`${n}. ${sc.label}: ${label}`);
      s.text(NOTE, r, sc.source);
      return s.input("B", r, v, fmt, name);
    };
    const noiFactor = line("NOI (share of pro forma)", sc.noiFactor, "share", `Scenario${n}NOIShare`);
    const sale =
      sc.salePrice !== undefined
        ? { salePrice: line("sale price", sc.salePrice, "money", `Scenario${n}SalePrice`) }
        : { saleFactor: line("sale price (share of value)", sc.saleFactor ?? 1, "share", `Scenario${n}SaleShare`) };
    const unpaid =
      sc.unpaidPrincipal !== undefined
        ? { unpaid: line("unpaid principal", sc.unpaidPrincipal, "money", `Scenario${n}Unpaid`) }
        : {};
    return { scenario: sc, noiFactor, ...sale, ...unpaid };
  });
}
