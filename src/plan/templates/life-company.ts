/**
 * (4) A life-company permanent loan (non-recourse, low leverage) against a bank recourse loan; market figures from
 * LOAN.MARKET_PREMIUM("LIFE", …).
 */
import { template } from "./base";

export const LIFE_COMPANY = template({
  id: "life-company",
  title: "Life-company permanent vs bank recourse",
  summary:
    "A stabilized, low-leverage asset: a life-company permanent loan (60–70 % LTV in the market table, methodology §14) against a bank recourse loan, 25-year amortization.",
  sheetName: "Life-company loan",
  lenders: { recourse: "BANK", nonRecourse: "LIFE" },
  inputs: {
    loanType: "LIFE",
    propertyValue: 30_000_000,
    noi: 1_950_000,
    occupancy: 0.96,
    netWorth: 40_000_000,
    liquidity: 4_000_000,
    amortYears: 25,
    holdYears: 10,
    trackRecord: true,
    assetProtection: true,
    foreclosureCosts: 900_000,
  },
  sources: {
    loanType: "methodology §14: life-company permanent",
    amortYears: "Assumption: 25-year amortization",
    holdYears: "Assumption: a 10-year term",
    businessPlan: "Assumption: stabilized",
    propertyValue: "Assumption",
    noi: "Assumption: a 6.5 % cap rate",
    occupancy: "Assumption",
    assetProtection: "Assumption: the sponsor puts asset protection first",
    foreclosureCosts: "Assumption (3 % of the value)",
  },
  assumptions: [
    "Value, NOI, sponsor and costs are assumptions; both rates and points are the dated market table's (bank recourse against a life company, methodology §14), the premium their difference; each structure's DSCR and LTV thresholds are its lender's row of the table.",
  ],
});
