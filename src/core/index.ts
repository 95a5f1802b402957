/**
 * The domain core: pure TypeScript with no Office imports. Adapters and hosts import from here.
 *
 * Two layers per function: a typed function with named parameters (`deficiency({
 * unpaidPrincipal, salePrice })`), for TypeScript callers (the plan, the task pane, tests);
 * and the checked, Excel-facing declaration (`DEFICIENCY`), which reads raw spreadsheet
 * values against its parameter rules and hands them to the typed function. The rules are
 * data, by name: `DEFICIENCY.param.foreclosureCosts`.
 */
export * from "./fault";
export { MSG, HINT } from "./messages";
export { define, type Checked, type Param, type Defaulted, type ParamsByName, type Cell, type Grid } from "./args";
export { Dec, SERVICER_ROUNDING } from "./money";
export * from "./domain";
export {
  PAYMENT,
  DEBT_SERVICE,
  BALANCE,
  AMORTIZATION,
  AMORTIZATION_HEADER,
  payment,
  debtService,
  balance,
  amortization,
  type LoanTerms,
  type BalanceInput,
  type AmortizationInput,
} from "./financing";
export { DSCR, DEBT_YIELD, LTV, MAX_LOAN, dscr, debtYield, ltv, maxLoan, type MaxLoanInput } from "./coverage";
export {
  DEFICIENCY,
  NONRECOURSE_PREMIUM,
  BREAKEVEN_PROBABILITY,
  deficiency,
  nonrecoursePremium,
  breakevenProbability,
  type DeficiencyInput,
  type PremiumInput,
} from "./recourse";
export {
  PUT_VALUE,
  DEFAULT_PROBABILITY,
  FAIR_SPREAD,
  PUT_VALUE_PATH,
  PATH_OUTPUTS,
  PATH_DEFAULTS,
  putValue,
  defaultProbability,
  fairSpread,
  simulatePut,
  putValuePath,
  type PutInputs,
  type PathInputs,
  type PathResult,
  type PathOutput,
} from "./option";
export { normalCdf } from "./normal";
export {
  CARVEOUT_EXPOSURE,
  CARVEOUTS,
  CARVEOUT_CATALOGUE,
  CARVEOUTS_HEADER,
  CONSEQUENCES,
  carveoutExposure,
  carveouts,
  type CarveoutEntry,
  type CarveoutExposureInput,
  type Consequence,
  type TriggeredCarveout,
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
  QUALIFY,
  guaranteeExposure,
  lenderRecovery,
  marketPremium,
  qualify,
  thresholdsFor,
  figure,
  gapFigure,
  type BurnDownStep,
  type GuaranteeInput,
  type RecoveryInput,
  type MarketInput,
  type QualifyInput,
  type ThresholdOverrides,
} from "./lender";
export {
  YIELD_MAINTENANCE,
  DEFEASANCE_COST,
  YM_METHODS,
  DEFEASANCE_CONVENTIONS,
  type DefeasanceConvention,
  type CurvePoint,
  yieldMaintenance,
  defeasanceCost,
  type YieldMaintenanceInput,
  type YieldMaintenanceMethod,
  type DefeasanceInput,
} from "./prepayment";
export { GUARANTOR_COVENANTS, guarantorCovenants, type CovenantInput } from "./guarantor";
export {
  SPRINGING_RECOURSE,
  SPRINGING_PROBABILITY,
  SPRINGING_EXPECTED_EXPOSURE,
  TRIGGER_TYPES,
  springingRecourse,
  springingProbability,
  springingExpectedExposure,
  type SpringingInput,
  type TriggerType,
} from "./springing";
export { FORECLOSURE_TAX, FORECLOSURE_TAX_HEADER, foreclosureTax, type ForeclosureTaxInput } from "./tax";
