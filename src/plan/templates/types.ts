/**
 * A deal template: the data a side-by-side recourse / non-recourse sheet is built from
 * (src/plan/deal.ts). Plain data, no formulas: the builder turns each figure into an input
 * cell (blue, named) or, where the template says "MARKET", into a LOAN.MARKET_PREMIUM
 * formula over the premium table (methodology §14), or where it says "LENDER", into a
 * formula naming its lender's figure in the dated market table. Each structure's rate and
 * points come from the dated market table (src/plan/market.ts) for the template's lenders
 * unless the template (or the analyst) overrides them; so do the market templates' DSCR and
 * LTV thresholds.
 *
 * Every figure carries its source: a section of docs/methodology.md, the
 * market table, or "Assumption" for a deal input no source gives. The sources are written
 * into the sheet beside the inputs.
 */

import { DEFAULT_THRESHOLDS } from "../../core/domain";
import type { MarketLender } from "../market";

/** The loan types of LOAN.MARKET_PREMIUM and the business plans (methodology §14, §17): the core's. */
export { BUSINESS_PLANS, LOAN_TYPES, type BusinessPlan, type LoanType } from "../../core/domain";

/** A figure written as a LOAN.MARKET_PREMIUM formula instead of a constant. */
export type Market = "MARKET";

/**
 * A threshold read from the dated market table: the structure's lender's row (the template's
 * `lenders`), written as a formula naming the table's cell (`=MarketAgencyMinDSCR`), so the
 * table's blue figure sizes the loan and LOAN.QUALIFY tests against it.
 */
export type Lender = "LENDER";

/** The deal inputs and their keys: typed from their records (inputs.ts). */
export type { DealInputs, InputKey } from "./inputs";
import type { DealInputs, InputKey } from "./inputs";

/** LOAN.QUALIFY thresholds (test → threshold); a structure's tests. */
export interface Thresholds {
  readonly DSCR: number | Lender;
  readonly LTV: number | Market | Lender;
  readonly OCCUPANCY?: number;
  readonly NET_WORTH?: number;
  readonly LIQUIDITY?: number;
  /**
   * The minimum debt yield (NOI ÷ loan) the structure is sized to with LOAN.MAX_LOAN; not a
   * LOAN.QUALIFY test, so written below the QUALIFY range. Omitted: no debt-yield test.
   */
  readonly DEBT_YIELD?: number;
}

export interface Scenario {
  readonly label: string;
  /** NOI in the scenario as a share of the pro forma NOI. */
  readonly noiFactor: number;
  /** The sale price: a share of the property value (`saleFactor`) or an amount (`salePrice`). */
  readonly saleFactor?: number;
  readonly salePrice?: number;
  /** Unpaid principal at the sale; omitted: each structure's balance at the end of the hold. */
  readonly unpaidPrincipal?: number;
  readonly source: string;
}

export interface Carveout {
  /** A code of the carveout catalogue (LOAN.CARVEOUTS). */
  readonly code: string;
  /** The loss the act caused, for loss-only carveouts (ignored for full-recourse ones). */
  readonly loss: number;
}

/**
 * A remedy the lender may choose instead of the deal's foreclosure, applied to the last
 * scenario's claim and sale price: one LOAN.STATE_DEFICIENCY row, with its state, method, fair
 * market value and table overrides written as blue inputs beside it (the reasons as notes).
 */
export interface AlternativeRemedy {
  /** The row's label: who, which remedy, and why the law allows it. */
  readonly label: string;
  readonly state: string;
  readonly foreclosure: "NONJUDICIAL" | "JUDICIAL";
  /** The property's fair market value at the sale (LOAN.STATE_DEFICIENCY's fairMarketValue) and its source. */
  readonly fairMarketValue: number;
  readonly fairMarketValueSource: string;
  /** The deal's overrides of the state table (field, value), each with the reason written beside it. */
  readonly overrides: readonly { readonly field: string; readonly value: string; readonly reason: string }[];
  /** The row's note: what the answer is and its source. */
  readonly note: string;
}

/** IRC §168(c): residential rental property (apartments, 1–4 unit rentals) is depreciated over 27.5 years. */
export const RESIDENTIAL_RECOVERY_YEARS = 27.5;

/** How a structure's early repayment is charged (methodology §12): the exit-cost rows. */
export type Prepayment = "YIELD_MAINTENANCE" | "DEFEASANCE" | "STEP_DOWN";

/** The assumptions of the exit rows (deal/recovery.ts, deal/maturity.ts, deal/exit-cost.ts). */
export interface ExitAssumptions {
  /** Tax recovery period of the building, years (IRC §168(c): 39 nonresidential, 27.5 residential rental). */
  readonly recoveryYears: number;
  /** The non-recourse structure's prepayment; the recourse loan steps down. */
  readonly prepayment: Prepayment;
  /** Years before maturity the non-recourse loan's yield-maintenance period ends (then its floor); 0: at maturity. */
  readonly ymEndsBeforeMaturity: number;
  /** The year of the early sale the ExitCost pair is read at. */
  readonly earlySaleYear: number;
}

export interface DealTemplate {
  readonly id: string;
  readonly title: string;
  /** One or two sentences: the deal and what the comparison shows. */
  readonly summary: string;
  readonly sheetName: string;
  readonly inputs: DealInputs;
  /**
   * The rates and points the template gives are one lender's two quotes, recourse and non-recourse
   * (value-add: the worked example's bank): the like-for-like price of non-recourse is their
   * difference. Otherwise the two structures come from different lenders, and the price of
   * non-recourse is the premium table's estimate for the non-recourse lender's type (LoanType),
   * the rest of the difference being the choice of lender (LenderChoiceCost).
   */
  readonly sameLender?: boolean;
  /** The market table's lender for each structure: its rate and points unless the inputs override them. */
  readonly lenders: { readonly recourse: MarketLender; readonly nonRecourse: MarketLender };
  readonly thresholds: { readonly recourse: Thresholds; readonly nonRecourse: Thresholds };
  /** Stress scenarios, mildest first; the last is the downside the break-even is measured on. */
  readonly scenarios: readonly Scenario[];
  /** Carveouts stressed by default (the pane can change them). */
  readonly carveouts: readonly Carveout[];
  /** A second state whose law the sheet also applies to each scenario (the state overlay). */
  readonly compareState?: string;
  /**
   * The deal's overrides of the state table under its own law (field, value, reason), applied to every
   * LOAN.STATE_DEFICIENCY of the deal's state (the compared state's law is the table's).
   */
  readonly stateOverrides?: readonly { readonly field: string; readonly value: string; readonly reason: string }[];
  /** A remedy the lender may choose instead, shown for the last scenario (e.g. judicial foreclosure). */
  readonly alternativeRemedy?: AlternativeRemedy;
  /** The time-aware downside's assumptions where the template departs from the defaults (deal/downside.ts). */
  readonly downside?: {
    readonly defaultYear?: number;
    readonly accruedMonths?: number;
    readonly capExpansion?: number;
    readonly volatility?: number;
    readonly riskFree?: number;
  };
  /** The after-tax, recovery, maturity and exit-cost rows' assumptions where the template departs from the defaults. */
  readonly exit?: Partial<ExitAssumptions>;
  /** Sizing and returns where the template departs from the defaults (deal/side-by-side.ts, deal/returns.ts). */
  readonly sizing?: {
    /** Both structures take the smaller largest loan (the sheet's HoldLoanEqual flag; default off). */
    readonly holdLoanEqual?: boolean;
    /** Closing costs, NOI growth a year, the sale cap rate over the going-in one, sale costs (shares). */
    readonly closingCosts?: number;
    readonly noiGrowth?: number;
    readonly saleCapExpansion?: number;
    readonly saleCosts?: number;
  };
  /** Sale prices of the sensitivity table, as shares of the property value. */
  readonly sensitivity: readonly number[];
  /** The source of each input (a section of docs/methodology.md, the market table, or "Assumption: …"). */
  readonly sources: Readonly<Partial<Record<InputKey, string>>>;
  /** Assumptions in words, written under the inputs. */
  readonly assumptions: readonly string[];
}

/** Sources used by several templates. */
export const SRC = {
  market: "LOAN.MARKET_PREMIUM: the market table of methodology §14 (midpoint; LTV cap: the high end)",
  marketRate:
    "0: the market table's rate and points for the structure's lender (the market block below, methodology §14)",
  qualify: "methodology §15 underwriting contrasts (the lenient end, as LOAN.QUALIFY's defaults)",
  workedRate: "Assumption: the recourse rate and points of the worked example (methodology §6)",
  debtYield:
    "Assumption: debt-yield floors of 7 % (recourse) and 8 % (non-recourse); methodology §14 notes CMBS sizing is driven by debt yield but the sources give no figure",
  sponsor: "Assumption (methodology §7: net worth ≥ loan, liquidity 10–15 % of it)",
  scenarioGeneric: "Assumption: value moves with NOI (constant cap rate); the surrender adds cap-rate expansion",
  commercialState: "Assumption: a state that allows a deficiency after a trustee sale",
} as const;

/** The generic scenarios of the templates whose deal no source stresses. */
export const GENERIC_SCENARIOS: readonly Scenario[] = [
  { label: "Pro forma", noiFactor: 1, saleFactor: 1, source: SRC.scenarioGeneric },
  { label: "NOI −15 %", noiFactor: 0.85, saleFactor: 0.85, source: SRC.scenarioGeneric },
  { label: "NOI −35 %, surrender", noiFactor: 0.65, saleFactor: 0.55, source: SRC.scenarioGeneric },
];

/** Sale prices from 40 % to 100 % of the value. */
export const DEFAULT_SENSITIVITY: readonly number[] = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** The debt-yield floors the market templates size to (source: SRC.debtYield, an assumption). */
export const MIN_DEBT_YIELD = { recourse: 0.07, nonRecourse: 0.08 } as const;

/**
 * Thresholds of a template built on the market table: each structure's DSCR and LTV are its
 * lender's row of the table ("LENDER": live formulas on the sheet); the non-recourse sponsor
 * tests are LOAN.QUALIFY's defaults (the core's DEFAULT_THRESHOLDS, methodology §15); the
 * debt-yield floors are MIN_DEBT_YIELD.
 */
export function marketThresholds(): DealTemplate["thresholds"] {
  const { OCCUPANCY, NET_WORTH, LIQUIDITY } = DEFAULT_THRESHOLDS.NONRECOURSE;
  return {
    recourse: { DSCR: "LENDER", LTV: "LENDER", DEBT_YIELD: MIN_DEBT_YIELD.recourse },
    nonRecourse: {
      DSCR: "LENDER",
      LTV: "LENDER",
      OCCUPANCY,
      NET_WORTH,
      LIQUIDITY,
      DEBT_YIELD: MIN_DEBT_YIELD.nonRecourse,
    },
  };
}
