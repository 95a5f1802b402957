/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes raw cell values; the core validates them. */
/**
 * LOAN.* state law and the lender's view: the state table, deficiency under state law,
 * guarantees, recovery, prepayment, tax on a foreclosure, market premiums and
 * qualification. Excel-facing adapters (see financing.ts). Every description says that
 * these are mechanics and published summaries, not legal or tax advice.
 */
import {
  DEFEASANCE_COST,
  DEFICIENCY_ALLOWED,
  FORECLOSURE_TAX,
  GUARANTEE_EXPOSURE,
  LENDER_RECOVERY,
  MARKET_PREMIUM,
  QUALIFY,
  STATE_DEFICIENCY,
  STATE_RULE,
  YIELD_MAINTENANCE,
} from "../core";
import { excel } from "./excel";

/**
 * One fact from the state table, with its citation and confidence. About a US state's deficiency law, from the
 * add-in's state table (version 2.2.0, reviewed 2026-12-07); confidence is HIGH, MEDIUM or UNKNOWN; fields named
 * GUARANTOR_ are about a guarantor, the others about the borrower; #N/A where the table does not know. Published
 * summaries, not legal advice. See docs/methodology.md §9.
 * Example: =LOAN.STATE_RULE("CA", "NONJUDICIAL_DEFICIENCY") → FALSE
 * Example: =LOAN.STATE_RULE("TX", "DEADLINE") → "2 years after the sale"
 * @customfunction STATE_RULE
 * @param state Two-letter state code (DC included).
 * @param field NONJUDICIAL_DEFICIENCY, JUDICIAL_DEFICIENCY, FAIR_VALUE_LIMIT, ONE_ACTION, RESIDENTIAL_BAR, DEADLINE,
 *   GUARANTOR_BAR, GUARANTOR_FAIR_VALUE, GUARANTOR_WAIVER, SOURCE, CONFIDENCE or REVIEWED; add .CITATION (or .SOURCE),
 *   .CONFIDENCE or .CAVEAT (its conditions and limits, or what is missing) to a field.
 * @param [overrides] Two columns, field and value, replacing the table's entry for this deal.
 * @returns The fact: TRUE/FALSE or text.
 */
export function stateRule(state: any, field: any, overrides?: any[][]): any {
  return excel(STATE_RULE(state, field, overrides));
}

/**
 * May the lender pursue the borrower (or a guarantor) for a deficiency here? TRUE or FALSE as the state table records
 * it, about the borrower unless party is GUARANTOR; #N/A naming the field the table does not know. Published
 * summaries, not legal advice. See docs/methodology.md §8.
 * Example: =LOAN.DEFICIENCY_ALLOWED("CA") → FALSE
 * Example: =LOAN.DEFICIENCY_ALLOWED("WA", , , , , , "GUARANTOR") → TRUE
 * @customfunction DEFICIENCY_ALLOWED
 * @param state Two-letter state code (DC included).
 * @param [foreclosure] NONJUDICIAL (trustee sale, default) or JUDICIAL.
 * @param [residential1to4] TRUE for residential property of 1 to 4 units (default FALSE).
 * @param [purchaseMoney] TRUE if the loan financed the purchase (default FALSE).
 * @param [ownerOccupied] TRUE if the borrower lives there (default FALSE).
 * @param [overrides] Two columns, field and value, replacing the table's entry for this deal.
 * @param [party] BORROWER (default) or GUARANTOR: whose liability the answer is about.
 * @param [waived] TRUE if the guarantor waived the state's protections in the guaranty (GUARANTOR only; default
 *   FALSE).
 * @returns TRUE if a deficiency may be pursued against the party.
 */
export function deficiencyAllowed(
  state: any,
  foreclosure?: any,
  residential1to4?: any,
  purchaseMoney?: any,
  ownerOccupied?: any,
  overrides?: any[][],
  party?: any,
  waived?: any,
): boolean {
  return excel(
    DEFICIENCY_ALLOWED(state, foreclosure, residential1to4, purchaseMoney, ownerOccupied, overrides, party, waived),
  );
}

/**
 * The deficiency the lender may pursue against the borrower or a guarantor. About the borrower unless party is
 * GUARANTOR: 0 where barred; claim − max(sale price, fair market value) under a fair-value limit; else claim − sale
 * price; never below 0. Published summaries, not legal advice. See docs/methodology.md §8.
 * Example: =LOAN.STATE_DEFICIENCY(4650000, 3600000, "NV", 3900000) → 750000
 * Example: =LOAN.STATE_DEFICIENCY(4650000, 3600000, "CA") → 0
 * @customfunction STATE_DEFICIENCY
 * @param claim The lender's claim: principal, interest, fees and foreclosure costs.
 * @param salePrice The price the property brought at the foreclosure sale (the winning bid credited against the claim;
 *   costs belong in claim).
 * @param state Two-letter state code (DC included).
 * @param [fairMarketValue] Fair market value at the sale (omitted: the sale price).
 * @param [foreclosure] NONJUDICIAL (trustee sale, default) or JUDICIAL.
 * @param [residential1to4] TRUE for residential property of 1 to 4 units (default FALSE).
 * @param [purchaseMoney] TRUE if the loan financed the purchase (default FALSE).
 * @param [ownerOccupied] TRUE if the borrower lives there (default FALSE).
 * @param [overrides] Two columns, field and value, replacing the table's entry for this deal.
 * @param [party] BORROWER (default) or GUARANTOR: whose liability the answer is about.
 * @param [waived] TRUE if the guarantor waived the state's protections in the guaranty (GUARANTOR only; default
 *   FALSE).
 * @returns The deficiency the lender may pursue against the party.
 */
export function stateDeficiency(
  claim: any,
  salePrice: any,
  state: any,
  fairMarketValue?: any,
  foreclosure?: any,
  residential1to4?: any,
  purchaseMoney?: any,
  ownerOccupied?: any,
  overrides?: any[][],
  party?: any,
  waived?: any,
): number {
  return excel(
    STATE_DEFICIENCY(
      claim,
      salePrice,
      state,
      fairMarketValue,
      foreclosure,
      residential1to4,
      purchaseMoney,
      ownerOccupied,
      overrides,
      party,
      waived,
    ),
  );
}

/**
 * What a partial, capped or burning-down guarantor owes. The deficiency, at most guaranteePct × loan, at most
 * capAmount, at most the burn-down cap in force. Mechanics, not legal advice. See docs/methodology.md §10.
 * Example: =LOAN.GUARANTEE_EXPOSURE(1050000, 4500000, 0.2) → 900000
 * Example: =LOAN.GUARANTEE_EXPOSURE(1050000, 4500000, 0.5, , {0,2250000;3,1125000;5,450000}, 5) → 450000
 * @customfunction GUARANTEE_EXPOSURE
 * @param deficiency The deficiency after the sale (0 or more).
 * @param loanAmount The loan amount (0 or more).
 * @param [guaranteePct] Share of the loan guaranteed, 0 to 1 (default 1).
 * @param [capAmount] A fixed cap on the guarantee (omit for none).
 * @param [burnDown] Two columns, from-year and cap, from-years increasing: the cap steps down.
 * @param [yearsElapsed] Years since closing, for the burn-down (default 0).
 * @returns What the guarantor owes.
 */
export function guaranteeExposure(
  deficiency: any,
  loanAmount: any,
  guaranteePct?: any,
  capAmount?: any,
  burnDown?: any[][],
  yearsElapsed?: any,
): number {
  return excel(GUARANTEE_EXPOSURE(deficiency, loanAmount, guaranteePct, capAmount, burnDown, yearsElapsed));
}

/**
 * What the lender recovers after weighing the cost of collecting. The sale proceeds (at most the claim), plus on
 * recourse min(deficiency, collectible assets) − collection cost when that is positive. Mechanics, not legal advice.
 * See docs/methodology.md §11.
 * Example: =LOAN.LENDER_RECOVERY(4650000, 3600000, TRUE, 200000, 50000) → 3750000
 * Example: =LOAN.LENDER_RECOVERY(4650000, 3600000, FALSE) → 3600000
 * @customfunction LENDER_RECOVERY
 * @param claim The lender's claim (0 or more).
 * @param netProceeds Net proceeds of the sale (0 or more).
 * @param isRecourse TRUE if the lender may pursue the borrower or a guarantor.
 * @param [collectibleAssets] What can actually be collected (omitted: the whole deficiency).
 * @param [collectionCost] Legal and collection cost of pursuing the deficiency (default 0).
 * @returns The lender's recovery.
 */
export function lenderRecovery(
  claim: any,
  netProceeds: any,
  isRecourse: any,
  collectibleAssets?: any,
  collectionCost?: any,
): number {
  return excel(LENDER_RECOVERY(claim, netProceeds, isRecourse, collectibleAssets, collectionCost));
}

/**
 * Yield-maintenance prepayment premium, with its floor. max(PV at the Treasury rate (+ spread) of the note's excess
 * over the Treasury to the end of the yield-maintenance period, floor × balance); MONTHLY discounts at the Treasury
 * yield compounded semi-annually. Mechanics, not legal advice. See docs/methodology.md §12.
 * Example: =LOAN.YIELD_MAINTENANCE(6161329, 0.0875, 0.0418, 3.2521) → 839913.58
 * Example: =LOAN.YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5) → 690572.86
 * Example: =LOAN.YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5, , "MONTHLY") → 703674.08
 * Example: =LOAN.YIELD_MAINTENANCE(9305435.68, 0.06, 0.0443, 5, , "MONTHLY_NOMINAL", , , 25) → 624619
 * @customfunction YIELD_MAINTENANCE
 * @param balance The balance prepaid (0 or more).
 * @param noteRate The note rate as a decimal.
 * @param treasuryRate The matching Treasury yield as a decimal.
 * @param remainingYears Years to maturity.
 * @param [floorPct] Minimum premium as a share of the balance (default 0.01); the fee once the period is over.
 * @param [method] ANNUAL (default); MONTHLY (monthly rate equal to the Treasury yield compounded semi-annually);
 *   MONTHLY_NOMINAL (Treasury/12, MONTHLY before version 11's correction).
 * @param [spread] Added to the discount rate only (default 0).
 * @param [ymYears] Years left in the yield-maintenance period, at most remainingYears (default: to maturity; 0: the
 *   period is over, the floor applies).
 * @param [amortYearsLeft] Years of amortization left: PV of the scheduled monthly payments and the balance at the end
 *   of the period, minus the balance (omit for a constant balance).
 * @returns The premium.
 */
export function yieldMaintenance(
  balance: any,
  noteRate: any,
  treasuryRate: any,
  remainingYears: any,
  floorPct?: any,
  method?: any,
  spread?: any,
  ymYears?: any,
  amortYearsLeft?: any,
): number {
  return excel(
    YIELD_MAINTENANCE(
      balance,
      noteRate,
      treasuryRate,
      remainingYears,
      floorPct,
      method,
      spread,
      ymYears,
      amortYearsLeft,
    ),
  );
}

/**
 * Cost of defeasance over the balance. PV at Treasury yields of the remaining monthly payments and balloon, minus the
 * balance, plus fees: one flat yield (monthly r/12 by default, or SEMIANNUAL), or a Treasury par curve bootstrapped
 * to price each payment. Mechanics, not legal advice. See docs/methodology.md §12.
 * Example: =LOAN.DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045, 50000) → 497954.59
 * Example: =LOAN.DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045, 50000, "SEMIANNUAL") → 506344.88
 * @customfunction DEFEASANCE_COST
 * @param loanAmount The original loan amount (0 or more).
 * @param noteRate The note rate as a decimal.
 * @param amortYears Amortization in years (monthly payments).
 * @param yearsElapsed Years since closing (the defeasance date).
 * @param maturityYears Years from closing to maturity (the balloon).
 * @param treasuryRate Treasury yield as a decimal, one rate for every date (ignored with a curve).
 * @param [fees] Defeasance fees (default 0).
 * @param [convention] MONTHLY (the flat yield at r/12 a month, default) or SEMIANNUAL (compounded semi-annually).
 * @param [curve] Two columns, years from the defeasance date and Treasury par yield (semi-annual), years increasing.
 * @returns The cost over the balance.
 */
export function defeasanceCost(
  loanAmount: any,
  noteRate: any,
  amortYears: any,
  yearsElapsed: any,
  maturityYears: any,
  treasuryRate: any,
  fees?: any,
  convention?: any,
  curve?: any[][],
): number {
  return excel(
    DEFEASANCE_COST(
      loanAmount,
      noteRate,
      amortYears,
      yearsElapsed,
      maturityYears,
      treasuryRate,
      fees,
      convention,
      curve,
    ),
  );
}

/**
 * Gain or loss and cancellation-of-debt income of a foreclosure (spills). One row, per IRS Publication 4681: gain or
 * loss (negative = a loss), cancellation-of-debt (COD) income, COD excluded (insolvency, then §108(c)), COD taxable.
 * Proceeds paid to the borrower count in the amount realized. Mechanics, not tax advice. See docs/methodology.md §13.
 * Example: =LOAN.FORECLOSURE_TAX(180000, 170000, 175000, FALSE) → 1×4
 * Example: =LOAN.FORECLOSURE_TAX(180000, 170000, 175000, TRUE) → 1×4
 * Example: =LOAN.FORECLOSURE_TAX(100000, 80000, 90000, TRUE, 0, , 15000, , TRUE) → 2×4
 * @customfunction FORECLOSURE_TAX
 * @param debt The debt outstanding (0 or more).
 * @param fairMarketValue Fair market value of the property (0 or more).
 * @param adjustedBasis Adjusted basis of the property (0 or more).
 * @param isRecourse TRUE for recourse debt (sale at FMV plus COD income), FALSE for non-recourse.
 * @param [insolvency] How far the borrower was insolvent just before (default 0).
 * @param [proceedsToBorrower] Sale proceeds paid to the borrower (omitted: FMV − debt when positive; 0: the amount
 *   realized is the debt, as before).
 * @param [depreciableBasis] Elects the §108(c) qualified real property business debt exclusion: the adjusted basis of
 *   depreciable real property, which caps it (omit for no election).
 * @param [cCorporation] TRUE for a C corporation, which may not elect §108(c) (default FALSE).
 * @param [header] TRUE to spill a header row above the figures (default FALSE).
 * @returns One row of four figures (two with the header).
 */
export function foreclosureTax(
  debt: any,
  fairMarketValue: any,
  adjustedBasis: any,
  isRecourse: any,
  insolvency?: any,
  proceedsToBorrower?: any,
  depreciableBasis?: any,
  cCorporation?: any,
  header?: any,
): any[][] {
  return excel(
    FORECLOSURE_TAX(
      debt,
      fairMarketValue,
      adjustedBasis,
      isRecourse,
      insolvency,
      proceedsToBorrower,
      depreciableBasis,
      cCorporation,
      header,
    ),
  );
}

/**
 * Typical market price of non-recourse: rate, points, LTV cap. Over recourse, from published explainers: RATE and
 * POINTS premiums (decimals), LTV_CAP. Market conventions, not advice. See docs/methodology.md §14.
 * Example: =LOAN.MARKET_PREMIUM("BANK", "RATE") → 0.00875
 * Example: =LOAN.MARKET_PREMIUM("AGENCY", "LTV_CAP", "HIGH") → 0.8
 * @customfunction MARKET_PREMIUM
 * @param loanType CMBS, AGENCY, LIFE, BANK or BRIDGE.
 * @param measure RATE, POINTS or LTV_CAP.
 * @param [bound] LOW, MID (default) or HIGH.
 * @returns The figure as a decimal.
 */
export function marketPremium(loanType: any, measure: any, bound?: any): number {
  return excel(MARKET_PREMIUM(loanType, measure, bound));
}

/**
 * "OK", or the tests a deal fails for recourse or non-recourse. One line naming every failed test and by how much,
 * against typical RECOURSE or NONRECOURSE thresholds (or your own). Market conventions, not advice. See
 * docs/methodology.md §15.
 * Example: =LOAN.QUALIFY("NONRECOURSE", 1.25, 0.6, 0.9, 6000000, 600000, 5000000) → "OK"
 * Example: =LOAN.QUALIFY("NONRECOURSE", 1.1, 0.7) → "Fails: DSCR short by 0.1 (min 1.2); LTV over by 0.05 (max 0.65)"
 * @customfunction QUALIFY
 * @param structure RECOURSE or NONRECOURSE.
 * @param dscr The deal's DSCR.
 * @param ltv The deal's LTV as a decimal.
 * @param [occupancy] Occupancy as a decimal (omit to skip the test).
 * @param [netWorth] Sponsor net worth (omit to skip the test).
 * @param [liquidity] Sponsor liquidity (omit to skip the test).
 * @param [loanAmount] Loan amount, for the net-worth and liquidity tests.
 * @param [thresholds] Two columns, test (DSCR, LTV, OCCUPANCY, NET_WORTH, LIQUIDITY) and threshold; blank removes a
 *   test.
 * @returns "OK" or the failed tests.
 */
export function qualify(
  structure: any,
  dscr: any,
  ltv: any,
  occupancy?: any,
  netWorth?: any,
  liquidity?: any,
  loanAmount?: any,
  thresholds?: any[][],
): string {
  return excel(QUALIFY(structure, dscr, ltv, occupancy, netWorth, liquidity, loanAmount, thresholds));
}
