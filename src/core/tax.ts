/**
 * Tax on a foreclosure, US (methodology §13, IRS Publication 4681). Mechanics, not tax advice.
 *
 *   non-recourse: amount realized = the debt        gain = debt − basis;  no COD income
 *   recourse:     amount realized = min(debt, FMV)  gain = min(debt, FMV) − basis
 *                 COD income = max(0, debt − FMV)   (assumes the lender cancels the rest: Form 1099-C)
 *   insolvency:   COD excluded = min(COD, insolvency);  COD taxable = COD − excluded   (§108(a)(1)(B))
 *
 * A negative gain is a loss (not deductible on a personal residence). Other §108 exclusions
 * (qualified real property business debt, bankruptcy) are not modelled.
 */
import { amount, define, requiredFlag } from "./args";
import { sumMoney } from "./money";

export const FORECLOSURE_TAX_HEADER = ["Gain or loss", "COD income", "COD excluded", "COD taxable"] as const;

export interface ForeclosureTaxInput {
  readonly debt: number;
  readonly fairMarketValue: number;
  readonly adjustedBasis: number;
  readonly isRecourse: boolean;
  /** How far liabilities exceed assets just before the cancellation; default 0. */
  readonly insolvency?: number;
}

/** One row: gain or loss, COD income, COD excluded by insolvency, COD taxable (FORECLOSURE_TAX_HEADER). */
export function foreclosureTax({
  debt,
  fairMarketValue,
  adjustedBasis,
  isRecourse,
  insolvency = FORECLOSURE_TAX.param.insolvency.fallback,
}: ForeclosureTaxInput): number[][] {
  if (!isRecourse) return [[sumMoney([debt, -adjustedBasis]), 0, 0, 0]];
  const gain = sumMoney([Math.min(debt, fairMarketValue), -adjustedBasis]);
  const cod = Math.max(0, sumMoney([debt, -fairMarketValue]));
  const excluded = Math.min(cod, insolvency);
  return [[gain, cod, excluded, sumMoney([cod, -excluded])]];
}

export const FORECLOSURE_TAX = define(
  "FORECLOSURE_TAX",
  [
    amount.required("debt"),
    amount.required("fairMarketValue"),
    amount.required("adjustedBasis"),
    requiredFlag("isRecourse"),
    amount.withDefault("insolvency", 0),
  ],
  (debt, fairMarketValue, adjustedBasis, isRecourse, insolvency) =>
    foreclosureTax({ debt, fairMarketValue, adjustedBasis, isRecourse, insolvency }),
);
