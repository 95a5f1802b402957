/**
 * (2) A stabilized asset financed by a CMBS conduit loan (non-recourse) against a bank
 * recourse loan. Rates, points and each structure's DSCR and LTV thresholds: the dated market
 * table's bank and CMBS rows (methodology §14); LOAN.MARKET_PREMIUM("CMBS", …) shows the
 * published premium range beside them for comparison.
 */
import { template } from "./base";

export const CMBS = template({
  id: "cmbs",
  title: "Stabilized CMBS conduit vs bank recourse",
  summary:
    "A stabilized, well-located asset: a 10-year CMBS conduit loan priced off the market table (methodology §14) against a bank recourse loan; the loan is sized with LOAN.MAX_LOAN.",
  sheetName: "CMBS vs bank",
  lenders: { recourse: "BANK", nonRecourse: "CMBS" },
  inputs: {
    loanType: "CMBS",
    propertyValue: 12_000_000,
    noi: 840_000,
    occupancy: 0.94,
    netWorth: 15_000_000,
    liquidity: 1_500_000,
    holdYears: 10,
    trackRecord: true,
    foreclosureCosts: 400_000,
  },
  sources: {
    loanType: "methodology §14: CMBS conduit",
    holdYears: "Assumption: a 10-year conduit term",
    businessPlan: "Assumption: stabilized",
    propertyValue: "Assumption",
    noi: "Assumption: a 7 % cap rate",
    occupancy: "Assumption",
    foreclosureCosts: "Assumption (about 3 % of the value)",
  },
  assumptions: [
    "Value, NOI, sponsor and costs are assumptions; both rates and points are the dated market table's (bank recourse against a CMBS conduit, methodology §14), the premium their difference; each structure's DSCR and LTV thresholds are its lender's row of the table.",
  ],
});
