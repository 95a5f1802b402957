/** The domain core: pure TypeScript with no Office imports. Adapters and hosts import from here. */
export * from "./fault";
export { MSG, HINT, describe } from "./messages";
export { define, type Checked, type Param, type Cell, type Grid } from "./args";
export { Dec, SERVICER_ROUNDING } from "./money";
export { PAYMENT, DEBT_SERVICE, BALANCE, AMORTIZATION, AMORTIZATION_HEADER } from "./financing";
export { DSCR, DEBT_YIELD, LTV, MAX_LOAN } from "./coverage";
export { DEFICIENCY, NONRECOURSE_PREMIUM, BREAKEVEN_PROBABILITY } from "./recourse";
export {
  CARVEOUT_EXPOSURE,
  CARVEOUTS,
  CARVEOUT_CATALOGUE,
  CARVEOUTS_HEADER,
  type Carveout,
  type Consequence,
} from "./carveouts";
export {
  STATE_RULE,
  DEFICIENCY_ALLOWED,
  STATE_DEFICIENCY,
  STATE_CODES,
  FACT_FIELDS,
  parseBarRule,
  REVIEWED,
  STATE_TABLE_VERSION,
} from "./statelaw";
export {
  GUARANTEE_EXPOSURE,
  LENDER_RECOVERY,
  MARKET_PREMIUM,
  MARKET_TABLE,
  QUALIFY,
  DEFAULT_THRESHOLDS,
  figure,
} from "./lender";
export { YIELD_MAINTENANCE, DEFEASANCE_COST } from "./prepayment";
export { FORECLOSURE_TAX, FORECLOSURE_TAX_HEADER } from "./tax";
