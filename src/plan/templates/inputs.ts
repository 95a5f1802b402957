/**
 * The deal inputs, one record each: the name the sheet gives its cell, the label the sheet and
 * the task pane show, the number format, the LOAN function parameter whose rule the value must
 * meet, the pane's hint (an input with a hint is a field of the pane's form), and the default
 * every template starts from (the base of templates/base.ts). The plan (deal/inputs.ts), the
 * pane's form (taskpane/deal-form.ts) and through the plan every writer read this table; the
 * type of a deal's inputs is inferred from it. A new input is one record here.
 *
 * Order: the sheet lists the `row` inputs in this order (the pane's fields follow it too); the
 * `pair` inputs are written two to a row, recourse in B and non-recourse in C.
 */
import type { Param } from "../../core/args";
import { DSCR, LTV } from "../../core/coverage";
import type { BusinessPlan, LoanType } from "../../core/domain";
import { PAYMENT } from "../../core/financing";
import { MARKET_PREMIUM, QUALIFY } from "../../core/lender";
import { DEFICIENCY, NONRECOURSE_PREMIUM } from "../../core/recourse";
import { STATE_DEFICIENCY } from "../../core/statelaw";

/** The number formats an input may take (the deal sheet's DEAL_FORMATS has each). */
export type InputFormat = "money" | "share" | "years" | "rate";

/** One deal input. `T` is its value's type. */
export interface InputSpec<T> {
  /** The sheet-scoped name of its cell (`PropertyValue`): formulas and tests refer to it. */
  readonly name: string;
  /** What the sheet and the pane call it. */
  readonly label: string;
  readonly format?: InputFormat;
  /** The LOAN function parameter whose rule the value must meet (the pane checks with it). */
  readonly rule?: Param<unknown>;
  /** Written alone on its row (B), or as half of a recourse / non-recourse pair (B, C). */
  readonly layout: "row" | "pair";
  /** The default every template starts from (templates/base.ts). */
  readonly fallback: T;
  /** The pane shows the input as a field with this hint under its label (units and conventions). */
  readonly hint?: string;
  /** The pane: blank is allowed and means 0 (the rates and points: 0 takes the market table's figure). */
  readonly blankIsZero?: boolean;
  /** The pane: a rule of the sheet beyond the parameter's (whole months). */
  readonly wholeMonths?: boolean;
}

/** An input's record; one with a hint keeps it in its type, so that the pane's fields are known to the compiler. */
function spec<T>(s: InputSpec<T> & { readonly hint: string }): InputSpec<T> & { readonly hint: string };
function spec<T>(s: InputSpec<T>): InputSpec<T>;
function spec<T>(s: InputSpec<T>): InputSpec<T> {
  return s;
}

/** The hints of the rate and points fields: units, and what 0 or blank means. */
const MARKET_HINT = {
  rate: "Decimal: 6.85 % is 0.0685; 0 or blank: the market table's rate",
  points: "Decimal: 0.75 points is 0.0075; 0 or blank: the market table's points",
} as const;

/**
 * A structure's rate or points override (`RecourseRateOverride`): 0 or blank takes the market
 * table's figure for the structure's lender; written as half of a recourse / non-recourse pair.
 */
function marketOverride(
  structure: "Recourse" | "Non-recourse",
  what: "rate" | "points",
  rule: Param<unknown>,
): InputSpec<number> & { readonly hint: string } {
  return {
    name: `${structure.replace("-r", "R")}${what === "rate" ? "Rate" : "Points"}Override`,
    label: `${structure} ${what} (0: the market table's)`,
    format: "rate",
    rule,
    layout: "pair",
    fallback: 0,
    hint: MARKET_HINT[what],
    blankIsZero: true,
  };
}

export const DEAL_INPUTS = {
  loanType: spec<LoanType>({
    name: "LoanType",
    label: "Non-recourse lender's type (LOAN.MARKET_PREMIUM row)",
    rule: MARKET_PREMIUM.param.loanType,
    layout: "row",
    fallback: "BANK",
  }),
  businessPlan: spec<BusinessPlan>({
    name: "BusinessPlan",
    label: "Business plan",
    layout: "row",
    fallback: "STABILIZED",
  }),
  propertyValue: spec<number>({
    name: "PropertyValue",
    label: "Property value",
    format: "money",
    rule: LTV.param.propertyValue,
    layout: "row",
    fallback: 1_000_000,
    hint: "Amount",
  }),
  noi: spec<number>({
    name: "ProFormaNOI",
    label: "NOI, pro forma (a year)",
    format: "money",
    rule: DSCR.param.noi,
    layout: "row",
    fallback: 80_000,
    hint: "Amount a year",
  }),
  occupancy: spec<number>({
    name: "Occupancy",
    label: "Occupancy",
    format: "share",
    rule: QUALIFY.param.occupancy,
    layout: "row",
    fallback: 0.9,
    hint: "Decimal: 90 % is 0.9",
  }),
  netWorth: spec<number>({
    name: "NetWorth",
    label: "Sponsor net worth",
    format: "money",
    rule: QUALIFY.param.netWorth,
    layout: "row",
    fallback: 1_000_000,
    hint: "Amount",
  }),
  liquidity: spec<number>({
    name: "Liquidity",
    label: "Sponsor liquidity",
    format: "money",
    rule: QUALIFY.param.liquidity,
    layout: "row",
    fallback: 100_000,
    hint: "Amount",
  }),
  trackRecord: spec<boolean>({ name: "TrackRecord", label: "Long track record", layout: "row", fallback: false }),
  assetProtection: spec<boolean>({
    name: "AssetProtection",
    label: "Asset protection a priority",
    layout: "row",
    fallback: false,
  }),
  loanAmount: spec<number>({
    name: "LoanInput",
    label: "Loan amount (0: size with LOAN.MAX_LOAN)",
    format: "money",
    rule: PAYMENT.param.loanAmount,
    layout: "row",
    fallback: 0,
    hint: "Amount; 0 sizes the loan",
  }),
  amortYears: spec<number>({
    name: "AmortYears",
    label: "Amortization (years)",
    format: "years",
    rule: PAYMENT.param.amortYears,
    layout: "row",
    fallback: 30,
    hint: "Years",
    wholeMonths: true,
  }),
  holdYears: spec<number>({
    name: "HoldYears",
    label: "Hold (years)",
    format: "years",
    rule: NONRECOURSE_PREMIUM.param.holdYears,
    layout: "row",
    fallback: 7,
    hint: "Years",
    wholeMonths: true,
  }),
  interestOnly: spec<boolean>({ name: "InterestOnly", label: "Interest-only", layout: "row", fallback: false }),
  accruedInterest: spec<number>({
    name: "AccruedInterest",
    label: "Accrued interest and fees at a default",
    format: "money",
    rule: DEFICIENCY.param.accruedInterest,
    layout: "row",
    fallback: 0,
  }),
  foreclosureCosts: spec<number>({
    name: "ForeclosureCosts",
    label: "Foreclosure and sale costs",
    format: "money",
    rule: DEFICIENCY.param.foreclosureCosts,
    layout: "row",
    fallback: 0,
    hint: "Amount",
  }),
  state: spec<string>({
    name: "DealState",
    label: "State (deficiency law)",
    rule: STATE_DEFICIENCY.param.state,
    layout: "row",
    fallback: "TX",
  }),
  foreclosure: spec<"BEST" | "NONJUDICIAL" | "JUDICIAL">({
    name: "ForeclosureMethod",
    label: "Foreclosure: BEST (the lender's best remedy), NONJUDICIAL or JUDICIAL",
    layout: "row",
    fallback: "BEST",
  }),
  residential1to4: spec<boolean>({
    name: "Residential1to4",
    label: "Residential, 1–4 units",
    rule: STATE_DEFICIENCY.param.residential1to4,
    layout: "row",
    fallback: false,
  }),
  purchaseMoney: spec<boolean>({
    name: "PurchaseMoney",
    label: "Purchase-money loan",
    rule: STATE_DEFICIENCY.param.purchaseMoney,
    layout: "row",
    fallback: false,
  }),
  ownerOccupied: spec<boolean>({
    name: "OwnerOccupied",
    label: "Owner-occupied",
    rule: STATE_DEFICIENCY.param.ownerOccupied,
    layout: "row",
    fallback: false,
  }),
  recourseRate: marketOverride("Recourse", "rate", PAYMENT.param.annualRate),
  nonRecourseRate: marketOverride("Non-recourse", "rate", PAYMENT.param.annualRate),
  recoursePoints: marketOverride("Recourse", "points", NONRECOURSE_PREMIUM.param.recoursePoints),
  nonRecoursePoints: marketOverride("Non-recourse", "points", NONRECOURSE_PREMIUM.param.nonRecoursePoints),
  /** Share of the loan personally guaranteed under each structure (1 = full recourse, 0 = carveouts only). */
  recourseGuarantee: spec<number>({
    name: "RecourseGuarantee",
    label: "Guarantee (share of the loan)",
    format: "share",
    layout: "pair",
    fallback: 1,
  }),
  nonRecourseGuarantee: spec<number>({
    name: "NonRecourseGuarantee",
    label: "Guarantee (share of the loan)",
    format: "share",
    layout: "pair",
    fallback: 0,
  }),
} as const;

export type InputKey = keyof typeof DEAL_INPUTS;

/** The deal inputs the sheet names and the pane lets the analyst edit, typed from their records. */
export type DealInputs = {
  readonly [K in InputKey]: (typeof DEAL_INPUTS)[K] extends InputSpec<infer T> ? T : never;
};

/** Every input key, in the records' order. */
export const INPUT_KEYS = Object.keys(DEAL_INPUTS) as InputKey[];

/** The defaults every template starts from. */
export const DEFAULT_INPUTS = Object.fromEntries(INPUT_KEYS.map((k) => [k, DEAL_INPUTS[k].fallback])) as DealInputs;

/** The sheet-scoped name of each input (a view of the records). */
export const INPUT_NAMES = Object.fromEntries(INPUT_KEYS.map((k) => [k, DEAL_INPUTS[k].name])) as Readonly<
  Record<InputKey, string>
>;

/** The label of each input, as the sheet and the task pane show it (a view of the records). */
export const INPUT_LABELS = Object.fromEntries(INPUT_KEYS.map((k) => [k, DEAL_INPUTS[k].label])) as Readonly<
  Record<InputKey, string>
>;
