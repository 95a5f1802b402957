/**
 * Tax on a foreclosure, US (methodology §13, IRS Publication 4681, Table 1-1). Mechanics, not tax advice.
 *
 *   amount realized = (recourse: min(debt, FMV); non-recourse: the debt) + proceeds paid to the borrower
 *   gain or loss    = amount realized − adjusted basis            (negative = a loss)
 *   COD income      = recourse: max(0, debt − FMV); non-recourse: 0
 *                     (assumes the lender cancels the rest: Form 1099-C)
 *   insolvency:       excluded₁ = min(COD, insolvency)                           (§108(a)(1)(B))
 *   §108(c) QRPBI:    excluded₂ = min(COD − excluded₁, max(0, debt − FMV), depreciable basis)
 *                     (max(0, debt − FMV) is the recourse COD itself, so that cap never binds)
 *                     (elective; not for C corporations; insolvency applies first, §108(a)(2)(B))
 *   COD taxable     = COD − excluded₁ − excluded₂
 *
 * Proceeds paid to the borrower, omitted: max(0, FMV − debt), the surplus of a sale at fair
 * market value (Table 1-1, line 5); 0 gives the reading before issue 11. Other §108 exclusions
 * (bankruptcy, qualified principal residence, farm debt) are not modelled.
 */
import { amount, define, flag, requiredFlag } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { sumMoney } from "./money";

export const FORECLOSURE_TAX_HEADER = ["Gain or loss", "COD income", "COD excluded", "COD taxable"] as const;

export interface ForeclosureTaxInput {
  readonly debt: number;
  readonly fairMarketValue: number;
  readonly adjustedBasis: number;
  readonly isRecourse: boolean;
  /** How far liabilities exceed assets just before the cancellation; default 0. */
  readonly insolvency?: number;
  /** Foreclosure-sale proceeds paid to the borrower; omitted: max(0, FMV − debt). */
  readonly proceedsToBorrower?: number | undefined;
  /**
   * Elects §108(c) (qualified real property business debt): the adjusted basis of the
   * taxpayer's depreciable real property, which caps the exclusion. Omitted: no election.
   */
  readonly depreciableBasis?: number | undefined;
  /** TRUE for a C corporation, which may not elect §108(c); default FALSE. */
  readonly cCorporation?: boolean;
  /** TRUE: a header row (FORECLOSURE_TAX_HEADER) above the figures; default FALSE. */
  readonly header?: boolean;
}

/**
 * One row: gain or loss (negative = loss), COD income, COD excluded (insolvency, then §108(c)),
 * COD taxable; with the header row above it when asked. #VALUE! when a C corporation elects §108(c).
 */
export function foreclosureTax({
  debt,
  fairMarketValue,
  adjustedBasis,
  isRecourse,
  insolvency = FORECLOSURE_TAX.param.insolvency.fallback,
  proceedsToBorrower,
  depreciableBasis,
  cCorporation = FORECLOSURE_TAX.param.cCorporation.fallback,
  header = FORECLOSURE_TAX.param.header.fallback,
}: ForeclosureTaxInput): (string | number)[][] | Fault {
  if (cCorporation && depreciableBasis !== undefined) return MSG.notForCCorporation("depreciableBasis");
  const over = fairMarketValue > debt;
  const proceeds = proceedsToBorrower ?? (over ? sumMoney([fairMarketValue, -debt]) : 0);
  const realized = isRecourse && !over ? fairMarketValue : debt;
  const gain = sumMoney(proceeds ? [realized, proceeds, -adjustedBasis] : [realized, -adjustedBasis]);
  // Recourse COD is debt − FMV, so §108(c)'s first cap (principal − FMV) never binds below it.
  const cod = isRecourse && !over ? sumMoney([debt, -fairMarketValue]) : 0;
  const byInsolvency = Math.min(cod, insolvency);
  const byQrpbd =
    depreciableBasis === undefined || cod === 0 ? 0 : Math.min(sumMoney([cod, -byInsolvency]), depreciableBasis);
  const excluded = byQrpbd ? sumMoney([byInsolvency, byQrpbd]) : byInsolvency;
  const row = [gain, cod, excluded, excluded ? sumMoney([cod, -excluded]) : cod];
  return header ? [[...FORECLOSURE_TAX_HEADER], row] : [row];
}

export const FORECLOSURE_TAX = define(
  "FORECLOSURE_TAX",
  [
    amount.required("debt"),
    amount.required("fairMarketValue"),
    amount.required("adjustedBasis"),
    requiredFlag("isRecourse"),
    amount.withDefault("insolvency", 0),
    amount.optional("proceedsToBorrower"),
    amount.optional("depreciableBasis"),
    flag("cCorporation", false),
    flag("header", false),
  ],
  (
    debt,
    fairMarketValue,
    adjustedBasis,
    isRecourse,
    insolvency,
    proceedsToBorrower,
    depreciableBasis,
    cCorporation,
    header,
  ) =>
    foreclosureTax({
      debt,
      fairMarketValue,
      adjustedBasis,
      isRecourse,
      insolvency,
      proceedsToBorrower,
      depreciableBasis,
      cCorporation,
      header,
    }),
);
