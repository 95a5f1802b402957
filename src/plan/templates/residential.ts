/**
 * (6) The state overlay (methodology §8): a purchase-money loan on a 2-unit residential
 * investment building in California, with the same loan in Texas beside it. California bars
 * the deficiency (after a trustee sale, CCP §580d; purchase-money 1–4 unit, §580b); Texas
 * allows it. The downside is case A of methodology §5: 485,000 principal, 32,000 interest
 * and fees, 18,000 foreclosure costs, a 420,000 trustee sale: a 115,000 deficiency.
 * California's lender may instead foreclose judicially: a bank's loan on a building the buyer
 * does not live in is outside §580b, so a deficiency survives, limited by fair value (§580a, §726).
 */
import { template } from "./base";
import { DEFAULT_SENSITIVITY, RESIDENTIAL_RECOVERY_YEARS, SRC } from "./types";

/** California's purchase-money bar as it reads for a bank's loan on a building the borrower does not occupy. */
const BANK_LOAN_BAR = {
  field: "RESIDENTIAL_BAR",
  value: "R+P+O",
  reason:
    "A bank's loan, not a seller carryback: §580b bars a third party's purchase-money deficiency only on a 1–4 unit dwelling the buyer occupies (methodology §8–9)",
} as const;

export const RESIDENTIAL_CA_TX = template({
  id: "residential-ca-tx",
  title: "1–4 unit residential investment: California vs Texas",
  summary:
    "A purchase-money loan on a 2-unit investment building: in California the lender may not pursue the deficiency, in Texas it may (the methodology §8 overlay, with case A's figures).",
  sheetName: "Residential CA vs TX",
  sameLender: true,
  inputs: {
    propertyValue: 700_000,
    noi: 45_000,
    occupancy: 1,
    netWorth: 900_000,
    liquidity: 120_000,
    loanAmount: 500_000,
    recourseRate: 0.0685,
    nonRecourseRate: 0.0735,
    recoursePoints: 0.0075,
    nonRecoursePoints: 0.0125,
    assetProtection: true,
    accruedInterest: 32_000,
    foreclosureCosts: 18_000,
    state: "CA",
    residential1to4: true,
    purchaseMoney: true,
  },
  thresholds: {
    recourse: { DSCR: 1, LTV: 0.8 },
    nonRecourse: { DSCR: 1, LTV: "MARKET", NET_WORTH: 1, LIQUIDITY: 0.1 },
  },
  scenarios: [
    { label: "Rents as planned", noiFactor: 1, saleFactor: 1, source: "Assumption: value holds" },
    { label: "Rents −15 %", noiFactor: 0.85, saleFactor: 0.85, source: "Assumption: value moves with rents" },
    {
      label: "Default, trustee sale",
      noiFactor: 0.65,
      salePrice: 420_000,
      unpaidPrincipal: 485_000,
      source: "methodology §5 case A: 485,000 + 32,000 + 18,000 − 420,000 = 115,000",
    },
  ],
  carveouts: [],
  compareState: "TX",
  stateOverrides: [BANK_LOAN_BAR],
  alternativeRemedy: {
    label:
      "California lender, judicial foreclosure instead (bank loan: §580b does not reach a non-owner-occupied building)",
    state: "CA",
    foreclosure: "JUDICIAL",
    fairMarketValue: 455_000,
    fairMarketValueSource: "Assumption: the value moves with rents in the default (700,000 × 0.65)",
    overrides: [BANK_LOAN_BAR],
    note: "LOAN.STATE_DEFICIENCY, judicial: claim − max(sale price, fair value), the §580a/§726 fair-value limit (methodology §8–9)",
  },
  sensitivity: DEFAULT_SENSITIVITY,
  exit: { recoveryYears: RESIDENTIAL_RECOVERY_YEARS },
  sources: {
    recourseRate: SRC.workedRate,
    nonRecourseRate:
      "Assumption: the non-recourse rate of the worked example (methodology §6); no quote for a non-recourse 1–4 unit loan was read",
    recoursePoints: SRC.workedRate,
    nonRecoursePoints: "Assumption: the non-recourse points of the worked example (methodology §6)",
    loanType: "Assumption: bank pricing (the market table, methodology §14, has no residential row)",
    state: "methodology §8: California bars it (CCP §580d, §580b); Texas, compared, allows it",
    foreclosure:
      "BEST: the lender's best remedy (the judicial foreclosure below); methodology §5 case A was a trustee sale",
    residential1to4: "methodology §8: a 2-unit investment building",
    purchaseMoney: "methodology §8: purchase-money",
    ownerOccupied: "methodology §8: investment property",
    accruedInterest: "methodology §5 case A",
    foreclosureCosts: "methodology §5 case A",
    loanAmount: "Assumption",
    propertyValue: "Assumption",
    noi: "Assumption: two units' rents less expenses",
    occupancy: "Assumption",
    netWorth: "Assumption",
    liquidity: "Assumption",
    assetProtection: "Assumption",
  },
  assumptions: [
    "The deal (value, rents, loan, sponsor) is an assumption; the downside is case A of methodology §5.",
    "Thresholds: DSCR 1.00 for a small residential loan (assumption); the worked example's rates and points for both structures (methodology §6: the market table, §14, has no residential row).",
  ],
});
