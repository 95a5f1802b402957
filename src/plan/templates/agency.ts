/**
 * (3) Agency multifamily (Fannie/Freddie-style, non-recourse) against a bank recourse loan; market figures from
 * LOAN.MARKET_PREMIUM("AGENCY", …).
 */
import { template } from "./base";
import { RESIDENTIAL_RECOVERY_YEARS } from "./types";

export const AGENCY = template({
  id: "agency",
  title: "Agency multifamily vs bank recourse",
  summary:
    "A stabilized apartment property: agency non-recourse (up to 80 % LTV in the market table, methodology §14) against a bank recourse loan, sized with LOAN.MAX_LOAN.",
  sheetName: "Agency multifamily",
  lenders: { recourse: "BANK", nonRecourse: "AGENCY" },
  inputs: {
    loanType: "AGENCY",
    propertyValue: 20_000_000,
    noi: 1_200_000,
    occupancy: 0.95,
    netWorth: 20_000_000,
    liquidity: 2_000_000,
    holdYears: 10,
    trackRecord: true,
    foreclosureCosts: 600_000,
  },
  exit: { recoveryYears: RESIDENTIAL_RECOVERY_YEARS },
  sources: {
    loanType: "methodology §14: agency multifamily",
    holdYears: "Assumption: a 10-year term",
    businessPlan: "Assumption: stabilized",
    propertyValue: "Assumption",
    noi: "Assumption: a 6 % cap rate",
    occupancy: "Assumption",
    foreclosureCosts: "Assumption (3 % of the value)",
  },
  assumptions: [
    "Value, NOI, sponsor and costs are assumptions; both rates and points are the dated market table's (bank recourse against Fannie Mae 10-year, late 2025, methodology §14), the premium their difference; each structure's DSCR and LTV thresholds are its lender's row of the table.",
  ],
});
