/**
 * The deal sheet's own assumptions, by section: the defaults of the blue inputs the sections write
 * beyond the deal's inputs, each stated beside its input on the sheet with its source or
 * "Assumption". One table, so a figure is changed in one place.
 */
export const ASSUMPTIONS = {
  /** A default in year 3, six months accrued, 1 point of cap-rate expansion; volatility 20 %: the low end of the
   * 20–24 % a year Downing, Stanton and Wallace (2008) find implied by CMBS loans' pricing (methodology §16). */
  downside: {
    defaultYear: 3,
    accruedMonths: 6,
    capExpansion: 0.01,
    volatility: 0.2,
    /** The guarantor (issue 21): lenders count on liquid assets; no other guaranties until the book is entered;
     * a year to collect. */
    netWorthShare: 0,
    otherLiabilities: 0,
    collectionYears: 1,
  },
  /** Refinance at maturity (0: the hold's end) at the rate + 2 points and the going-in cap + 1 point. */
  maturity: { term: 0, rateStress: 0.02, noiGrowth: 0, capExpansion: 0.01 },
  /** Basis at the value, 80 % of it the building, a blended tax rate of 30 %, 50,000 to collect a deficiency. */
  recovery: { basisShare: 1, buildingShare: 0.8, taxRate: 0.3, collectionCost: 50_000 },
  /** Closing costs 1 %, flat NOI, sale cap 50 bp over the going-in one, sale costs 2 %. */
  returns: { closingCosts: 0.01, noiGrowth: 0, saleCapExpansion: 0.005, saleCosts: 0.02 },
  /** The 1 % yield-maintenance floor, yield maintenance to maturity, defeasance fees within the 40,000–100,000
   * typical (methodology §12). */
  exitCost: { ymFloor: 0.01, ymEndsBeforeMaturity: 0, defeasanceFees: 50_000 },
  /** A judicial foreclosure costs 25,000 more and takes a year longer than a trustee sale: assumptions. */
  remedy: { judicialExtraCost: 25_000, judicialExtraMonths: 12 },
  /** The choice of lender: no rate cap entered (type the quote); one chance in four of the early sale. */
  lenderChoice: { rateCap: 0, earlySaleChance: 0.25 },
} satisfies Readonly<Record<string, Readonly<Record<string, number>>>>;
