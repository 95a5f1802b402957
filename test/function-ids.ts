/**
 * The LOAN function ids the issues define, written out by hand: the independent
 * expectation that the bundle, functions.json, the documented examples and the engine are
 * checked against (a function added or lost anywhere fails those tests).
 */
export const FOUNDATION_IDS = [
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
] as const;

export const LENDER_IDS = [
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
] as const;

export const ALL_IDS: readonly string[] = [...FOUNDATION_IDS, ...LENDER_IDS];
