/**
 * (2) A stabilized asset financed by a CMBS conduit loan (non-recourse) against a bank
 * recourse loan. Rates, points and each structure's DSCR and LTV thresholds: the dated market
 * table's bank and CMBS rows (methodology §14); LOAN.MARKET_PREMIUM("CMBS", …) shows the
 * published premium range beside them for comparison.
 */
import { COMMERCIAL_LAW, marketSetup, SRC, type DealTemplate } from "./types";

export const CMBS: DealTemplate = {
  id: "cmbs",
  title: "Stabilized CMBS conduit vs bank recourse",
  summary:
    "A stabilized, well-located asset: a 10-year CMBS conduit loan priced off the market table (methodology §14) against a bank recourse loan; the loan is sized with LOAN.MAX_LOAN.",
  sheetName: "CMBS vs bank",
  lenders: { recourse: "BANK", nonRecourse: "CMBS" },
  inputs: {
    loanType: "CMBS",
    businessPlan: "STABILIZED",
    propertyValue: 12_000_000,
    noi: 840_000,
    occupancy: 0.94,
    netWorth: 15_000_000,
    liquidity: 1_500_000,
    loanAmount: 0,
    amortYears: 30,
    holdYears: 10,
    interestOnly: false,
    discountRate: 0.0685,
    recourseRate: 0,
    nonRecourseRate: 0,
    recoursePoints: 0,
    nonRecoursePoints: 0,
    recourseGuarantee: 1,
    nonRecourseGuarantee: 0,
    trackRecord: true,
    assetProtection: false,
    foreclosureCosts: 400_000,
    ...COMMERCIAL_LAW,
  },
  ...marketSetup(),
  sources: {
    recourseRate: SRC.marketRate,
    nonRecourseRate: SRC.marketRate,
    recoursePoints: SRC.marketRate,
    nonRecoursePoints: SRC.marketRate,
    loanType: "methodology §14: CMBS conduit",
    loanAmount: "Sized: the smaller LOAN.MAX_LOAN of the two structures",
    holdYears: "Assumption: a 10-year conduit term",
    businessPlan: "Assumption: stabilized",
    propertyValue: "Assumption",
    noi: "Assumption: a 7 % cap rate",
    occupancy: "Assumption",
    netWorth: SRC.sponsor,
    liquidity: SRC.sponsor,
    foreclosureCosts: "Assumption (about 3 % of the value)",
    discountRate: "Assumption: 6.85 %, the worked example's recourse rate (methodology §6)",
    state: SRC.commercialState,
  },
  assumptions: [
    "Value, NOI, sponsor and costs are assumptions; both rates and points are the dated market table's (bank recourse against a CMBS conduit, methodology §14), the premium their difference; each structure's DSCR and LTV thresholds are its lender's row of the table.",
  ],
};
