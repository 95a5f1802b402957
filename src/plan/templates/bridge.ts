/**
 * (5) A private non-recourse bridge loan against a recourse bridge loan (interest-only, lease-up); market figures from
 * LOAN.MARKET_PREMIUM("BRIDGE", …).
 */
import { COMMERCIAL_LAW, marketSetup, SRC, type DealTemplate } from "./types";

export const BRIDGE: DealTemplate = {
  id: "bridge",
  title: "Private non-recourse bridge vs recourse bridge",
  summary:
    "A lease-up asset on a 3-year interest-only bridge loan: the private non-recourse bridge's premium (100–200 bps, 0.5–1.5 points in the market table, methodology §14) against a recourse bridge.",
  sheetName: "Bridge loan",
  inputs: {
    loanType: "BRIDGE",
    businessPlan: "LEASE_UP",
    propertyValue: 8_000_000,
    noi: 650_000,
    occupancy: 0.86,
    netWorth: 6_000_000,
    liquidity: 700_000,
    loanAmount: 5_000_000,
    amortYears: 30,
    holdYears: 3,
    interestOnly: true,
    discountRate: 0.09,
    recourseRate: 0.09,
    recoursePoints: 0.01,
    rateSpread: "MARKET",
    pointsSpread: "MARKET",
    recourseGuarantee: 1,
    nonRecourseGuarantee: 0,
    trackRecord: false,
    assetProtection: false,
    foreclosureCosts: 250_000,
    ...COMMERCIAL_LAW,
  },
  ...marketSetup(),
  sources: {
    loanType: "methodology §14: private non-recourse bridge",
    rateSpread: SRC.market,
    pointsSpread: SRC.market,
    recourseRate: "Assumption: a recourse bridge rate (the methodology gives none)",
    recoursePoints: "Assumption: 1 point",
    loanAmount: "Assumption: 62.5 % of the value, under the bridge LTV cap",
    interestOnly: "Assumption: interest-only, as bridge loans usually are",
    holdYears: "Assumption: a 3-year bridge",
    businessPlan: "Assumption: lease-up",
    propertyValue: "Assumption",
    noi: "Assumption: in-place NOI during lease-up",
    occupancy: "Assumption",
    netWorth: SRC.sponsor,
    liquidity: SRC.sponsor,
    foreclosureCosts: "Assumption",
    discountRate: "Assumption: the recourse rate",
    state: SRC.commercialState,
  },
  assumptions: [
    "The recourse bridge's rate and points, the deal and the sponsor are assumptions; the non-recourse premium and LTV cap are the market table's (methodology §14).",
  ],
};
