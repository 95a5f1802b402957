/** (7) A blank deal: round placeholder inputs to overwrite, bank market figures, Texas law. */
import { COMMERCIAL_LAW, marketSetup, SRC, type DealTemplate } from "./types";

const PLACEHOLDER = "Placeholder: replace with the deal's figure";

export const BLANK: DealTemplate = {
  id: "blank",
  title: "Blank deal",
  summary:
    "Round placeholder inputs to overwrite; market figures from the market table's bank row (methodology §14); the loan sized with LOAN.MAX_LOAN.",
  sheetName: "Deal",
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
    recourseRate: 0.0685,
    recoursePoints: 0.0075,
    rateSpread: "MARKET",
    pointsSpread: "MARKET",
    recourseGuarantee: 1,
    nonRecourseGuarantee: 0,
    trackRecord: false,
    assetProtection: false,
    foreclosureCosts: 0,
    ...COMMERCIAL_LAW,
  },
  ...marketSetup(),
  sources: {
    propertyValue: PLACEHOLDER,
    noi: PLACEHOLDER,
    occupancy: PLACEHOLDER,
    netWorth: PLACEHOLDER,
    liquidity: PLACEHOLDER,
    loanAmount: "0: sized with LOAN.MAX_LOAN; type an amount to fix it",
    recourseRate: SRC.workedRate,
    recoursePoints: SRC.workedRate,
    rateSpread: SRC.market,
    pointsSpread: SRC.market,
    state: PLACEHOLDER,
  },
  assumptions: ["Every deal input is a placeholder; market figures come from LOAN.MARKET_PREMIUM."],
};
