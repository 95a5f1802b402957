/**
 * Tax on a foreclosure, US (methodology §13, IRS Publication 4681, Table 1-1). Mechanics, not tax advice.
 *
 *   amount realized = (recourse: min(debt, FMV); non-recourse: the debt) + proceeds paid to the borrower
 *   gain or loss    = amount realized − adjusted basis            (negative = a loss)
 *   COD income      = recourse: max(0, debt − FMV − deficiency paid); non-recourse: 0
 *                     (the lender cancels what it does not collect: Form 1099-C; a deficiency
 *                     the borrower or its guarantor pays is not cancelled debt)
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
import { amount, defineIn, flag, requiredFlag, HELP, namedAll, type InputOf } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { sumMoney } from "./money";

const define = defineIn({ family: "lender", section: 13 });

export const FORECLOSURE_TAX_HEADER = ["Gain or loss", "COD income", "COD excluded", "COD taxable"] as const;

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
    amount.withDefault("deficiencyPaid", 0),
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
    deficiencyPaid,
  ): (string | number)[][] | Fault => {
    if (cCorporation && depreciableBasis !== undefined) return MSG.notForCCorporation("depreciableBasis");
    const over = fairMarketValue > debt;
    const proceeds = proceedsToBorrower ?? (over ? sumMoney([fairMarketValue, -debt]) : 0);
    const realized = isRecourse && !over ? fairMarketValue : debt;
    const gain = sumMoney(proceeds ? [realized, proceeds, -adjustedBasis] : [realized, -adjustedBasis]);
    // Recourse COD is at most debt − FMV, so §108(c)'s first cap (principal − FMV) never binds below it.
    const cod = isRecourse && !over ? Math.max(0, sumMoney([debt, -fairMarketValue, -deficiencyPaid])) : 0;
    const byInsolvency = Math.min(cod, insolvency);
    const byQrpbd =
      depreciableBasis === undefined || cod === 0 ? 0 : Math.min(sumMoney([cod, -byInsolvency]), depreciableBasis);
    const excluded = byQrpbd ? sumMoney([byInsolvency, byQrpbd]) : byInsolvency;
    const row = [gain, cod, excluded, excluded ? sumMoney([cod, -excluded]) : cod];
    return header ? [[...FORECLOSURE_TAX_HEADER], row] : [row];
  },
  HELP && {
    summary: "Gain or loss and cancellation-of-debt income of a foreclosure (spills).",
    details:
      "One row, per IRS Publication 4681: gain or loss (negative = a loss), cancellation-of-debt (COD) income, COD excluded (insolvency, then §108(c)), COD taxable. Proceeds paid to the borrower count in the amount realized; a deficiency paid after the sale is not cancelled, so COD is only the part of the debt neither the sale nor the payment covers. Mechanics, not tax advice.",
    params: {
      fairMarketValue: "Fair market value of the property (0 or more).",
      adjustedBasis: "Adjusted basis of the property (0 or more).",
      isRecourse: "TRUE for recourse debt (sale at FMV plus COD income), FALSE for non-recourse.",
      insolvency: "How far the borrower was insolvent just before (default 0).",
      proceedsToBorrower:
        "Sale proceeds paid to the borrower (omitted: FMV − debt when positive; 0: the amount realized is the debt, as before).",
      depreciableBasis:
        "Elects the §108(c) qualified real property business debt exclusion: the adjusted basis of depreciable real property, which caps it (omit for no election).",
      cCorporation: "TRUE for a C corporation, which may not elect §108(c) (default FALSE).",
      header: "TRUE to spill a header row above the figures (default FALSE).",
      deficiencyPaid:
        "What the borrower or its guarantor pays of the deficiency after the sale: not cancelled, so no COD income (default 0).",
    },
    returns: "One row of four figures (two with the header).",
    result: "matrix",
    examples: [
      "=LOAN.FORECLOSURE_TAX(180000, 170000, 175000, FALSE) → 1×4",
      "=LOAN.FORECLOSURE_TAX(180000, 170000, 175000, TRUE) → 1×4",
      "=LOAN.FORECLOSURE_TAX(100000, 80000, 90000, TRUE, 0, , 15000, , TRUE) → 2×4",
      "=LOAN.FORECLOSURE_TAX(180000, 170000, 175000, TRUE, , , , , , 6000) → 1×4",
    ],
  },
);

export type ForeclosureTaxInput = InputOf<typeof FORECLOSURE_TAX>;

/** The typed calls: named arguments in, checked and defaulted as Excel's are. */
export const { foreclosureTax } = namedAll({ FORECLOSURE_TAX });
