/**
 * The domain's constants, declared once: the premium table (the published price of non-recourse
 * by loan type), the loan types and structures, the qualification tests and their default
 * thresholds, the guarantor covenants, and the lender heuristics the deal sheet's reading applies.
 * The functions (`lender.ts`, `guarantor.ts`), the deal plan (`src/plan`) and the task pane read
 * them from here; a figure changes in this file and nowhere else.
 *
 * Every figure is a market convention from published lender and consumer-finance
 * explainers (docs/methodology.md gives each source): conventions and mechanics, not
 * legal, tax or investment advice.
 */

/** The rows of the premium table: the kinds of lender a borrower may choose between. */
export const LOAN_TYPES = ["CMBS", "AGENCY", "LIFE", "BANK", "BRIDGE"] as const;
/**
 * A loan type: `CMBS` conduit, `AGENCY` multifamily (Fannie Mae / Freddie Mac),
 * `LIFE` life-company permanent, `BANK` commercial real estate, private `BRIDGE`.
 */
export type LoanType = (typeof LOAN_TYPES)[number];

/** The columns of the premium table: the rate premium, the points premium, the LTV cap. */
export const MARKET_MEASURES = ["RATE", "POINTS", "LTV_CAP"] as const;
export type MarketMeasure = (typeof MARKET_MEASURES)[number];

/** Which figure of a range: its low end, its midpoint, its high end. */
export const MARKET_BOUNDS = ["LOW", "MID", "HIGH"] as const;
export type MarketBound = (typeof MARKET_BOUNDS)[number];

/** A published range, low to high. */
export type Range = readonly [low: number, high: number];

/**
 * The price of non-recourse by loan type, as lender explainers publish it (docs/methodology.md
 * §14): per row, the rate premium over a recourse equivalent in basis
 * points, the points premium in basis points of the loan (0.25 points = 25), and the typical
 * LTV cap in percent. CMBS has no points figure: the table says "none (no recourse option)",
 * there being no recourse version to charge points over, which is not the same as 0.
 */
export const PREMIUM_TABLE: Readonly<Record<LoanType, readonly [rate: Range, points: Range | null, ltvCap: Range]>> = {
  CMBS: [[25, 50], null, [65, 75]],
  AGENCY: [
    [50, 75],
    [25, 75],
    [70, 80],
  ],
  LIFE: [
    [50, 100],
    [50, 100],
    [60, 70],
  ],
  BANK: [
    [50, 125],
    [25, 50],
    [60, 70],
  ],
  BRIDGE: [
    [100, 200],
    [50, 150],
    [55, 65],
  ],
};

/** The two structures a deal is compared under. */
export const STRUCTURES = ["RECOURSE", "NONRECOURSE"] as const;
export type Structure = (typeof STRUCTURES)[number];

/**
 * The qualification tests of LOAN.QUALIFY, in the order the verdict lists them. DSCR and
 * OCCUPANCY are minimums, LTV a maximum; NET_WORTH and LIQUIDITY are minimum multiples of
 * the loan.
 */
export const TESTS = ["DSCR", "LTV", "OCCUPANCY", "NET_WORTH", "LIQUIDITY"] as const;
export type Test = (typeof TESTS)[number];

/** A structure's thresholds: test → threshold; a test absent is not run. */
export type TestThresholds = Readonly<Partial<Record<Test, number>>>;

/**
 * The guarantor covenants lenders typically set, stated once: net worth at least 1 × the loan
 * amount (of every loan the guarantor guarantees, in LOAN.GUARANTOR_COVENANTS), liquidity at least
 * 10 % of it (the low end of the published 10–15 %). Market convention from lender explainers and
 * an expert review (docs/methodology.md §10, §15); both vary by lender. LOAN.QUALIFY's sponsor
 * tests, the deal reading's "substantial liquid net worth" and LOAN.GUARANTOR_COVENANTS' defaults.
 */
export const GUARANTOR_COVENANT_DEFAULTS = { netWorthMultiple: 1, liquidityShare: 0.1 } as const;

/**
 * LOAN.QUALIFY's default thresholds: the lenient end of the underwriting contrasts lender
 * explainers publish (docs/methodology.md §15). Recourse: DSCR ≥ 1.15
 * (published 1.15–1.20), LTV ≤ 0.80 (70–80 %). Non-recourse: DSCR ≥ 1.20 (1.20–1.35), LTV
 * ≤ 0.65 (the general 55–65 %; agency lends up to 80 %: pass LTV 0.8), occupancy ≥ 0.85,
 * net worth ≥ 1 × the loan, liquidity ≥ 0.10 × the loan (10–15 %).
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<Structure, TestThresholds>> = {
  RECOURSE: { DSCR: 1.15, LTV: 0.8 },
  NONRECOURSE: {
    DSCR: 1.2,
    LTV: 0.65,
    OCCUPANCY: 0.85,
    NET_WORTH: GUARANTOR_COVENANT_DEFAULTS.netWorthMultiple,
    LIQUIDITY: GUARANTOR_COVENANT_DEFAULTS.liquidityShare,
  },
};

/** What the sponsor plans for the asset; anything but STABILIZED is execution risk. */
export const BUSINESS_PLANS = ["STABILIZED", "VALUE_ADD", "LEASE_UP", "REPOSITIONING"] as const;
export type BusinessPlan = (typeof BUSINESS_PLANS)[number];

/**
 * The lender heuristics of "when each fits" (docs/methodology.md §17), as
 * the deal sheet's reading applies them. Published in words; the figures below are those
 * words made testable, and each says what it stands for.
 */
export const HEURISTICS = {
  /** Recourse by default when the asset is stabilized (the business plan that carries no execution risk). */
  stabilizedPlan: "STABILIZED",
  /** Recourse by default when LTV ≤ 65 % ("LTV ≤ 65 %"). */
  recourseMaxLtv: 0.65,
  /**
   * "Substantial liquid net worth", read as the non-recourse sponsor tests: net worth of at
   * least 1 × the loan…
   */
  minNetWorthMultiple: GUARANTOR_COVENANT_DEFAULTS.netWorthMultiple,
  /** …and liquidity of at least 10 % of the loan (the low end of the published 10–15 %). */
  minLiquidityShare: GUARANTOR_COVENANT_DEFAULTS.liquidityShare,
  /** Recourse by default when non-recourse costs more than 75 bps a year of rate… */
  premiumRateSpread: 0.0075,
  /** …plus 1 point (0.01 of the loan, paid once): "more than 75 bps + 1 point". */
  premiumPoints: 0.01,
  /** Non-recourse is worth its premium when LTV ≥ 70 % ("LTV ≥ 70 %"). */
  nonRecourseMinLtv: 0.7,
  /**
   * The reading says "recourse by default" when at least this many of the five recourse
   * conditions hold (a majority; the sheet's choice, not a published figure).
   */
  recourseMinConditions: 3,
} as const;
