/**
 * The loan block's columns, as data: each column's heading, number format, and either the loan
 * field it shows (a blue input) or the formula of one row (black), written from the row's own
 * cells and the sheet's names. One column, one entry: the sheet, the roll-up and the tests read
 * the letters from here. A formula column may give `builtin`, the same figure with Excel's
 * built-ins (PMT, FV, MAX, MIN), which the benchmark's comparison sheet uses.
 *
 * Every formula reads only its own row and names (the stress, the block's columns, the roll-up's),
 * so a row inserted inside the block and filled down is a loan like the others.
 */
import { column } from "../a1";
import { call, quote } from "../formula";
import type { PortfolioLoan } from "./book";

/** The sheet's names (all prefixed Pf: a deal sheet in the same workbook has names of its own). */
export const PF = {
  rateShock: "PfRateShock",
  valueShock: "PfValueShock",
  noiShock: "PfNOIShock",
  stressYear: "PfStressYear",
  netWorthMultiple: "PfMinNetWorthMultiple",
  liquidityShare: "PfMinLiquidityShare",
  netWorthShare: "PfNetWorthCollectibleShare",
  volatility: "PfVolatility",
  treasury: "PfTreasury",
  riskFree: "PfRiskFreeRate",
  loanName: "PfLoanName",
  loanGuarantor: "PfLoanGuarantor",
  loanAmount: "PfLoanAmount",
  loanExposure: "PfLoanExposure",
  loanOther: "PfLoanOtherLiabilities",
  loanShare: "PfLoanCapacityShare",
  loanProtection: "PfLoanProtectionValue",
  guarantorName: "PfGuarantorName",
  guarantorExposure: "PfGuarantorExposure",
  guarantorCapacity: "PfGuarantorCapacity",
  unlisted: "PfUnlistedExposure",
} as const;

export type PortfolioFormat = "money" | "rate" | "ratio" | "share" | "years" | "bp" | "text";

/** A cell of the row by column key: `at("amount")` → "F12". */
export type At = (key: ColumnKey) => string;

interface InputColumn {
  readonly key: keyof PortfolioLoan;
  readonly heading: string;
  readonly format: PortfolioFormat;
  /** The name given to the column's range over the block. */
  readonly name?: string;
}

/** The formula columns' keys, left to right. */
type FormulaKey =
  | "rateStressed"
  | "debtService"
  | "noiStressed"
  | "dscr"
  | "balance"
  | "valueStressed"
  | "ltv"
  | "deficiency"
  | "pursue"
  | "exposure"
  | "premium"
  | "guarantorRow"
  | "guarantorTotal"
  | "other"
  | "capacity"
  | "share"
  | "reach"
  | "protection";

export type ColumnKey = keyof PortfolioLoan | FormulaKey;

interface FormulaColumn {
  readonly key: FormulaKey;
  readonly heading: string;
  readonly format: PortfolioFormat;
  readonly formula: (at: At) => string;
  /** The same figure with Excel's built-ins, where one computes it. */
  readonly builtin?: (at: At) => string;
  readonly name?: string;
}

/** IF(cap>0,cap,amount): the guarantee's cap, the loan itself when none is given (a guarantee never exceeds it). */
const cap = (at: At) => `IF(${at("guaranteeCap")}>0,${at("guaranteeCap")},${at("amount")})`;
/** The stress year, at most the loan's term. */
const years = (at: At) => `MIN(${PF.stressYear},${at("termYears")})`;
/** The guarantor's exposure on this loan from what the guarantee covers (recourse) or a sprung carveout. */
const exposure = (guaranteed: string, at: At) =>
  `=IF(${at("structure")}="RECOURSE",${guaranteed},IF(${at("carveout")}="",0,${call("CARVEOUT_EXPOSURE", at("balance"), at("carveout"), undefined, at("valueStressed"))}))`;
/** A figure under the stress: the loan's own, times one plus the stress block's shock. */
const stressed = (key: FormulaKey, heading: string, base: keyof PortfolioLoan, shock: string): FormulaColumn => ({
  key,
  heading,
  format: "money",
  formula: (at: At) => `=${at(base)}*(1+${shock})`,
});
/** A ratio of two of the row's figures: by its LOAN.* function, and by a division in built-ins. */
const quotient = (
  key: FormulaKey,
  heading: string,
  format: PortfolioFormat,
  fn: string,
  over: ColumnKey,
  under: ColumnKey,
): FormulaColumn => ({
  key,
  heading,
  format,
  formula: (at: At) => `=${call(fn, at(over), at(under))}`,
  builtin: (at: At) => `=${at(over)}/${at(under)}`,
});
/** LOAN.PROTECTION_VALUE of the row at maturity, on the balloon `balloon` (a formula). */
const protection = (at: At, balloon: string): string =>
  `=${call("PROTECTION_VALUE", at("value"), balloon, at("termYears"), PF.volatility, PF.riskFree, at("reach"), `${at("noi")}/${at("value")}`)}`;
const allowed = (at: At) =>
  call("DEFICIENCY_ALLOWED", at("state"), undefined, undefined, undefined, undefined, undefined, quote("GUARANTOR"));

const INPUTS: readonly InputColumn[] = [
  { key: "name", heading: "Loan", format: "text", name: PF.loanName },
  { key: "guarantor", heading: "Guarantor", format: "text", name: PF.loanGuarantor },
  { key: "lender", heading: "Lender type", format: "text" },
  { key: "structure", heading: "Structure", format: "text" },
  { key: "state", heading: "State", format: "text" },
  { key: "amount", heading: "Loan amount", format: "money", name: PF.loanAmount },
  { key: "rate", heading: "Rate", format: "rate" },
  { key: "amortYears", heading: "Amortization (years)", format: "years" },
  { key: "termYears", heading: "Term (years)", format: "years" },
  { key: "value", heading: "Value", format: "money" },
  { key: "noi", heading: "NOI", format: "money" },
  { key: "guarantee", heading: "Guarantee (share of the loan)", format: "share" },
  { key: "guaranteeCap", heading: "Guarantee cap (0: none)", format: "money" },
  { key: "carveout", heading: "Carveout sprung (non-recourse)", format: "text" },
];

const FORMULAS: readonly FormulaColumn[] = [
  {
    key: "rateStressed",
    heading: "Rate under the stress",
    format: "rate",
    formula: (at: At) => `=${at("rate")}+${PF.rateShock}/10000`,
  },
  {
    key: "debtService",
    heading: "Debt service under the stress",
    format: "money",
    formula: (at: At) => `=${call("DEBT_SERVICE", at("amount"), at("rateStressed"), at("amortYears"))}`,
    builtin: (at: At) => `=-PMT(${at("rateStressed")}/12,${at("amortYears")}*12,${at("amount")})*12`,
  },
  stressed("noiStressed", "NOI under the stress", "noi", PF.noiShock),
  quotient("dscr", "DSCR under the stress", "ratio", "DSCR", "noiStressed", "debtService"),
  {
    key: "balance",
    heading: "Balance at the stress year",
    format: "money",
    formula: (at: At) => `=${call("BALANCE", at("amount"), at("rateStressed"), at("amortYears"), years(at))}`,
    builtin: (at: At) => `=-FV(${at("rateStressed")}/12,${years(at)}*12,-${at("debtService")}/12,${at("amount")})`,
  },
  stressed("valueStressed", "Value under the stress", "value", PF.valueShock),
  quotient("ltv", "LTV under the stress", "share", "LTV", "balance", "valueStressed"),
  {
    key: "deficiency",
    heading: "Deficiency at the stressed value (LOAN.DEFICIENCY)",
    format: "money",
    formula: (at: At) => `=${call("DEFICIENCY", at("balance"), at("valueStressed"))}`,
    builtin: (at: At) => `=MAX(0,${at("balance")}-${at("valueStressed")})`,
  },
  {
    key: "pursue",
    heading: "State law lets the lender pursue from the guarantor",
    format: "money",
    formula: (at: At) =>
      `=${call("STATE_DEFICIENCY", at("balance"), at("valueStressed"), at("state"), ...Array<undefined>(6), quote("GUARANTOR"))}`,
  },
  {
    key: "exposure",
    heading: "Guaranteed exposure under the stress",
    format: "money",
    name: PF.loanExposure,
    formula: (at: At) => exposure(call("GUARANTEE_EXPOSURE", at("pursue"), at("amount"), at("guarantee"), cap(at)), at),
    builtin: (at: At) => exposure(`MIN(${at("pursue")},${at("guarantee")}*${at("amount")},${cap(at)})`, at),
  },
  {
    key: "premium",
    heading: "Premium of non-recourse, PV (market table)",
    format: "money",
    formula: (at: At) =>
      `=${call(
        "NONRECOURSE_PREMIUM",
        at("amount"),
        at("rate"),
        `${at("rate")}+${call("MARKET_PREMIUM", at("lender"), quote("RATE"))}`,
        "0",
        // CMBS has no recourse version, so no points premium (methodology §14): 0 there.
        `IFERROR(${call("MARKET_PREMIUM", at("lender"), quote("POINTS"))},0)`,
        at("termYears"),
        at("amortYears"),
        PF.treasury,
      )}`,
  },
  {
    key: "guarantorRow",
    heading: "Its guarantor's row in the roll-up (0: not listed)",
    format: "years",
    // Looked up once here and read by the two lookups after it (its total, its capacity), not
    // summed per row: a SUMIF a row would read the whole block once per loan, n² cells.
    formula: (at: At) => `=IFERROR(MATCH(${at("guarantor")},${PF.guarantorName},0),0)`,
  },
  {
    key: "guarantorTotal",
    heading: "Its guarantor's total exposure",
    format: "money",
    // The roll-up's total (one SUMIF per guarantor there). A guarantor the roll-up does not list is
    // counted alone (its row shows under "Exposure of loans whose guarantor is not listed").
    formula: (at: At) =>
      `=IF(${at("guarantorRow")}>0,INDEX(${PF.guarantorExposure},${at("guarantorRow")}),${at("exposure")})`,
  },
  {
    key: "other",
    heading: "Other contingent liabilities of its guarantor",
    format: "money",
    name: PF.loanOther,
    formula: (at: At) => `=${at("guarantorTotal")}-${at("exposure")}`,
  },
  {
    key: "capacity",
    heading: "Its guarantor's collectible capacity",
    format: "money",
    // The roll-up's capacity of the loan's guarantor; 0 for one it does not list (nothing known to collect).
    formula: (at: At) => `=IF(${at("guarantorRow")}>0,INDEX(${PF.guarantorCapacity},${at("guarantorRow")}),0)`,
  },
  {
    key: "share",
    heading: "Share of the capacity, claims competing (pro rata)",
    format: "money",
    name: PF.loanShare,
    formula: (at: At) =>
      `=IF(${at("guarantorTotal")}>0,${at("exposure")}/${at("guarantorTotal")}*MIN(${at("capacity")},${at("guarantorTotal")}),0)`,
  },
  {
    key: "reach",
    heading: "Capacity recourse could reach after the other claims",
    format: "money",
    formula: (at: At) =>
      `=IF(${allowed(at)},MIN(MAX(0,${at("capacity")}-${at("other")}),${at("guarantee")}*${at("amount")},${cap(at)}),0)`,
  },
  {
    key: "protection",
    heading: "Protection value of non-recourse (LOAN.PROTECTION_VALUE)",
    format: "money",
    name: PF.loanProtection,
    formula: (at: At) => protection(at, call("BALANCE", at("amount"), at("rate"), at("amortYears"), at("termYears"))),
    builtin: (at: At) =>
      protection(
        at,
        `-FV(${at("rate")}/12,${at("termYears")}*12,PMT(${at("rate")}/12,${at("amortYears")}*12,${at("amount")}),${at("amount")})`,
      ),
  },
];

export type Column = (InputColumn | FormulaColumn) & { readonly letter: string };

/** Every column of the block, left to right, with its letter. */
export const COLUMNS: readonly Column[] = [...INPUTS, ...FORMULAS].map((c, i) => ({ ...c, letter: column(i) }));

const LETTERS = new Map(COLUMNS.map((c) => [c.key, c.letter]));

/** The letter of a column. */
export function letter(key: ColumnKey): string {
  const l = LETTERS.get(key);
  if (!l) throw new Error(`no column ${key}`);
  return l;
}

/** The cells of a row, by column key. */
export function rowAt(row: number): At {
  return (key) => `${letter(key)}${row}`;
}

export function isInput(c: Column): c is InputColumn & { readonly letter: string } {
  return !("formula" in c);
}

export function isFormula(c: Column): c is FormulaColumn & { readonly letter: string } {
  return "formula" in c;
}
