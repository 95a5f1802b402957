/**
 * The function ids that have shipped: a compatibility promise, not a copy of the metadata.
 *
 * The list of functions is the JSDoc of src/functions (→ functions.json, src/functions/metadata.ts).
 * This list is kept apart on purpose, by hand: Excel stores a function's id in every workbook
 * that calls it, so an id that has shipped must never be removed or renamed. The tests check
 * that every id here is still declared (test/shipped-function-ids.test.ts and the bundle test).
 * Ids may be added (append a function here when it ships); none may ever be taken out.
 */
export const SHIPPED_IDS: readonly string[] = [
  // The foundation (financing, coverage, recourse).
  "PAYMENT",
  "DEBT_SERVICE",
  "BALANCE",
  "AMORTIZATION",
  "DSCR",
  "DEBT_YIELD",
  "LTV",
  "MAX_LOAN",
  "DEFICIENCY",
  "NONRECOURSE_PREMIUM",
  "BREAKEVEN_PROBABILITY",
  "CARVEOUT_EXPOSURE",
  "CARVEOUTS",
  // State law and the lender's view.
  "STATE_RULE",
  "DEFICIENCY_ALLOWED",
  "STATE_DEFICIENCY",
  "GUARANTEE_EXPOSURE",
  "LENDER_RECOVERY",
  "YIELD_MAINTENANCE",
  "DEFEASANCE_COST",
  "FORECLOSURE_TAX",
  "MARKET_PREMIUM",
  "QUALIFY",
  // Pricing the put (issue 12).
  "PUT_VALUE",
  "DEFAULT_PROBABILITY",
  "FAIR_SPREAD",
  "PUT_VALUE_PATH",
  // Recourse worth what can be collected (issue 21).
  "COLLECTIBLE_CAPACITY",
  "PROTECTION_VALUE",
  // The guarantor's book and springing recourse (issue 26).
  "GUARANTOR_COVENANTS",
  "SPRINGING_RECOURSE",
  "SPRINGING_PROBABILITY",
  "SPRINGING_EXPECTED_EXPOSURE",
];
