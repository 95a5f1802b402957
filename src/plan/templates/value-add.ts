/**
 * (1) The worked example of methodology §6, with case C of §5: a value-add multifamily bank
 * loan of 4,500,000, 30-year amortization, 7-year hold; recourse at 6.85 % and 0.75 points
 * against non-recourse with carveouts at 7.35 % and 1.25 points; three rent scenarios, the
 * last a surrender (sale 3,600,000 against 4,400,000 unpaid plus 250,000 of costs).
 *
 * The worked example gives neither the NOI nor the value: they are assumptions chosen to match
 * its narrative (pro forma and rents −15 %: the debt is still covered and the sale repays
 * it; rents −35 %: the debt is not covered and the sponsor surrenders).
 */
import { template } from "./base";
import { RESIDENTIAL_RECOVERY_YEARS } from "./types";

const WORKED = "methodology §6, worked example";

export const VALUE_ADD = template({
  id: "value-add",
  title: "Value-add multifamily: bank recourse vs non-recourse",
  summary:
    "The worked example of methodology §6: 4.5 M at 6.85 % / 0.75 points recourse or 7.35 % / 1.25 points non-recourse, 7-year hold, three rent scenarios ending in a surrender.",
  sheetName: "Value-add deal",
  sameLender: true,
  inputs: {
    businessPlan: "VALUE_ADD",
    propertyValue: 6_450_000,
    noi: 500_000,
    netWorth: 6_000_000,
    liquidity: 600_000,
    loanAmount: 4_500_000,
    recourseRate: 0.0685,
    nonRecourseRate: 0.0735,
    recoursePoints: 0.0075,
    nonRecoursePoints: 0.0125,
    trackRecord: true,
    foreclosureCosts: 250_000,
  },
  scenarios: [
    {
      label: "Pro forma",
      noiFactor: 1,
      saleFactor: 1,
      source: `${WORKED}: no deficiency, premium unused (NOI and value: assumptions)`,
    },
    {
      label: "Rents −15 %",
      noiFactor: 0.85,
      saleFactor: 0.85,
      source: `${WORKED}: debt still covered, no deficiency (value at a constant cap rate: assumption)`,
    },
    {
      label: "Rents −35 %, surrender",
      noiFactor: 0.65,
      salePrice: 3_600_000,
      unpaidPrincipal: 4_400_000,
      source: "methodology §6 and §5 case C: sale 3,600,000 against 4,400,000 unpaid plus 250,000 costs",
    },
  ],
  carveouts: [],
  sensitivity: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  exit: { recoveryYears: RESIDENTIAL_RECOVERY_YEARS },
  sources: {
    recourseRate: `${WORKED}: 6.85 % (overrides the market table)`,
    nonRecourseRate: `${WORKED}: 7.35 % (overrides the market table)`,
    recoursePoints: `${WORKED}: 0.75 points`,
    nonRecoursePoints: `${WORKED}: 1.25 points`,
    loanType: "methodology §14: bank commercial real estate (market ranges shown for context)",
    businessPlan: WORKED,
    loanAmount: WORKED,
    amortYears: WORKED,
    holdYears: `${WORKED} (7-year term)`,
    recourseGuarantee: `${WORKED}: A, full guarantee`,
    nonRecourseGuarantee: `${WORKED}: B, carveouts only`,
    foreclosureCosts: "methodology §5 case C",
    propertyValue: "Assumption: LTV just under the bank non-recourse cap (70 %)",
    noi: "Assumption: covers both structures' debt service at pro forma and at rents −15 %, not at −35 %",
    occupancy: "Assumption",
    trackRecord: "Assumption",
    assetProtection: "Assumption",
    accruedInterest: "methodology §5 case C: included in the 4,400,000",
    state: "Assumption: a state that allows a deficiency after a trustee sale (the worked example names none)",
    foreclosure: "BEST: the foreclosure that recovers most (the lender's remedy, below)",
  },
  assumptions: [
    "NOI 500,000 and value 6,450,000 are assumptions (the worked example gives neither), chosen so that the pro forma and rents −15 % scenarios cover the debt and rents −35 % does not.",
    "Texas law is assumed for the deficiency (the worked example names no state); pick another state to see its rule.",
  ],
});
