/**
 * (3) Agency multifamily (Fannie/Freddie-style, non-recourse) against a bank recourse loan; market figures from
 * LOAN.MARKET_PREMIUM("AGENCY", …).
 */
import { COMMERCIAL_LAW, marketSetup, RESIDENTIAL_RECOVERY_YEARS, SRC, type DealTemplate } from "./types";

export const AGENCY: DealTemplate = {
  id: "agency",
  title: "Agency multifamily vs bank recourse",
  summary:
    "A stabilized apartment property: agency non-recourse (up to 80 % LTV in the market table, methodology §14) against a bank recourse loan, sized with LOAN.MAX_LOAN.",
  sheetName: "Agency multifamily",
  lenders: { recourse: "BANK", nonRecourse: "AGENCY" },
  inputs: {
    loanType: "AGENCY",
    businessPlan: "STABILIZED",
    propertyValue: 20_000_000,
    noi: 1_200_000,
    occupancy: 0.95,
    netWorth: 20_000_000,
    liquidity: 2_000_000,
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
    foreclosureCosts: 600_000,
    ...COMMERCIAL_LAW,
  },
  ...marketSetup(),
  exit: { recoveryYears: RESIDENTIAL_RECOVERY_YEARS },
  sources: {
    recourseRate: SRC.marketRate,
    nonRecourseRate: SRC.marketRate,
    recoursePoints: SRC.marketRate,
    nonRecoursePoints: SRC.marketRate,
    loanType: "methodology §14: agency multifamily",
    loanAmount: "Sized: the smaller LOAN.MAX_LOAN of the two structures",
    holdYears: "Assumption: a 10-year term",
    businessPlan: "Assumption: stabilized",
    propertyValue: "Assumption",
    noi: "Assumption: a 6 % cap rate",
    occupancy: "Assumption",
    netWorth: SRC.sponsor,
    liquidity: SRC.sponsor,
    foreclosureCosts: "Assumption (3 % of the value)",
    discountRate: "Assumption: 6.85 %, the worked example's recourse rate (methodology §6)",
    state: SRC.commercialState,
  },
  assumptions: [
    "Value, NOI, sponsor and costs are assumptions; both rates and points are the dated market table's (bank recourse against Fannie Mae 10-year, late 2025, methodology §14), the premium their difference; each structure's DSCR and LTV thresholds are its lender's row of the table.",
  ],
};
