/**
 * (5) A private non-recourse bridge loan against a recourse bridge loan (interest-only, lease-up); market figures from
 * LOAN.MARKET_PREMIUM("BRIDGE", …).
 */
import { template } from "./base";

export const BRIDGE = template({
  id: "bridge",
  title: "Private non-recourse bridge vs recourse bridge",
  summary:
    "A lease-up asset on a 3-year interest-only bridge loan: a debt fund's non-recourse bridge against a bank's recourse bridge, both priced over SOFR from the dated market table (methodology §14).",
  sheetName: "Bridge loan",
  lenders: { recourse: "BANK_BRIDGE", nonRecourse: "BRIDGE" },
  inputs: {
    loanType: "BRIDGE",
    businessPlan: "LEASE_UP",
    propertyValue: 8_000_000,
    noi: 650_000,
    occupancy: 0.86,
    netWorth: 6_000_000,
    liquidity: 700_000,
    loanAmount: 5_000_000,
    holdYears: 3,
    interestOnly: true,
    foreclosureCosts: 250_000,
  },
  sources: {
    loanType: "methodology §14: private non-recourse bridge",
    loanAmount: "Assumption: 62.5 % of the value, under the bridge LTV cap",
    interestOnly: "Assumption: interest-only, as bridge loans usually are",
    holdYears: "Assumption: a 3-year bridge",
    businessPlan: "Assumption: lease-up",
    propertyValue: "Assumption",
    noi: "Assumption: in-place NOI during lease-up",
    occupancy: "Assumption",
    foreclosureCosts: "Assumption",
  },
  assumptions: [
    "The deal and the sponsor are assumptions; both rates are SOFR plus the dated market table's spreads (a bank bridge against a debt fund, methodology §14), the premium their difference; each structure's DSCR and LTV thresholds are its lender's row of the table.",
  ],
});
