/** (7) A blank deal: round placeholder inputs to overwrite, bank market figures, Texas law. */
import { COMMERCIAL_LAW, marketSetup, SRC, type DealTemplate } from "./types";

const PLACEHOLDER = "Placeholder: replace with the deal's figure";

export const BLANK: DealTemplate = {
  id: "blank",
  title: "Blank deal",
  summary:
    "Round placeholder inputs to overwrite; rates and points from the dated market table (bank recourse against a CMBS conduit, methodology §14); the loan sized with LOAN.MAX_LOAN.",
  sheetName: "Deal",
  lenders: { recourse: "BANK", nonRecourse: "CMBS" },
  inputs: {
    loanType: "BANK",
    businessPlan: "STABILIZED",
    propertyValue: 1_000_000,
    noi: 80_000,
    occupancy: 0.9,
    netWorth: 1_000_000,
    liquidity: 100_000,
    loanAmount: 0,
    amortYears: 30,
    holdYears: 7,
    interestOnly: false,
    discountRate: 0.0685,
    recourseRate: 0,
    nonRecourseRate: 0,
    recoursePoints: 0,
    nonRecoursePoints: 0,
    recourseGuarantee: 1,
    nonRecourseGuarantee: 0,
    trackRecord: false,
    assetProtection: false,
    foreclosureCosts: 0,
    ...COMMERCIAL_LAW,
  },
  ...marketSetup(),
  sources: {
    recourseRate: SRC.marketRate,
    nonRecourseRate: SRC.marketRate,
    recoursePoints: SRC.marketRate,
    nonRecoursePoints: SRC.marketRate,
    propertyValue: PLACEHOLDER,
    noi: PLACEHOLDER,
    occupancy: PLACEHOLDER,
    netWorth: PLACEHOLDER,
    liquidity: PLACEHOLDER,
    loanAmount: "0: sized with LOAN.MAX_LOAN; type an amount to fix it",
    state: PLACEHOLDER,
  },
  assumptions: [
    "Every deal input is a placeholder; rates, points and the DSCR and LTV thresholds come from the dated market table (bank recourse against a CMBS conduit, methodology §14) until overridden.",
  ],
};
