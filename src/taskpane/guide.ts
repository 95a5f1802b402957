/**
 * The task pane's guide to the LOAN.* functions: plain data, no DOM and no Office.
 *
 * Parameter lists and `Example:` strings are copied from the JSDoc in src/functions/*.ts;
 * test/taskpane-guide.test.ts compares them with that JSDoc, so the guide cannot drift
 * from what Excel shows. An example reads "=FORMULA → result", exactly as in the JSDoc.
 */

export interface GuideEntry {
  /** The function id without the namespace, as in functions.json (PAYMENT). */
  readonly name: string;
  /** One line: what the function returns. */
  readonly purpose: string;
  /** Parameter names in order; optional ones in brackets, as Excel shows them. */
  readonly params: readonly string[];
  /** `Example:` strings from the JSDoc, each "=LOAN.X(...) → result". */
  readonly examples: readonly string[];
}

export interface GuideGroup {
  readonly id: string;
  readonly title: string;
  readonly entries: readonly GuideEntry[];
}

export const NAMESPACE = "LOAN";

/** Separates an example's formula from the result it documents. */
const RESULT_ARROW = " → ";

export const GUIDE: readonly GuideGroup[] = [
  {
    id: "financing",
    title: "Financing",
    entries: [
      {
        name: "PAYMENT",
        purpose: "Level payment per period of an amortizing loan.",
        params: ["loanAmount", "annualRate", "amortYears", "[paymentsPerYear]"],
        examples: ["=LOAN.PAYMENT(4500000, 0.0685, 30) → 29486.6646"],
      },
      {
        name: "DEBT_SERVICE",
        purpose: "Annual debt service, amortizing or interest-only.",
        params: ["loanAmount", "annualRate", "amortYears", "[interestOnly]", "[paymentsPerYear]"],
        examples: [
          "=LOAN.DEBT_SERVICE(4500000, 0.0685, 30) → 353839.9752",
          "=LOAN.DEBT_SERVICE(4500000, 0.0685, 30, TRUE) → 308250",
        ],
      },
      {
        name: "BALANCE",
        purpose: "Unpaid balance after a number of years (the balloon at exit).",
        params: ["loanAmount", "annualRate", "amortYears", "yearsElapsed", "[ioYears]", "[paymentsPerYear]"],
        examples: ["=LOAN.BALANCE(4500000, 0.0685, 30, 7) → 4091975.8222"],
      },
      {
        name: "AMORTIZATION",
        purpose: "Amortization schedule, one row per period (spills).",
        params: ["loanAmount", "annualRate", "amortYears", "[termYears]", "[ioYears]", "[paymentsPerYear]"],
        examples: ["=LOAN.AMORTIZATION(1000, 0.12, 1) → 13×5"],
      },
    ],
  },
  {
    id: "coverage",
    title: "Coverage & sizing",
    entries: [
      {
        name: "DSCR",
        purpose: "Debt service coverage ratio: NOI / annual debt service.",
        params: ["noi", "annualDebtService"],
        examples: ["=LOAN.DSCR(405000, 300000) → 1.35"],
      },
      {
        name: "DEBT_YIELD",
        purpose: "Debt yield: NOI / loan amount.",
        params: ["noi", "loanAmount"],
        examples: ["=LOAN.DEBT_YIELD(450000, 4500000) → 0.1"],
      },
      {
        name: "LTV",
        purpose: "Loan-to-value ratio: loan amount / property value.",
        params: ["loanAmount", "propertyValue"],
        examples: ["=LOAN.LTV(4500000, 6000000) → 0.75"],
      },
      {
        name: "MAX_LOAN",
        purpose: "Largest loan meeting the LTV, DSCR and debt-yield limits.",
        params: [
          "noi",
          "propertyValue",
          "annualRate",
          "amortYears",
          "minDSCR",
          "maxLTV",
          "[minDebtYield]",
          "[interestOnly]",
        ],
        examples: [
          "=LOAN.MAX_LOAN(500000, 10000000, 0.06, 30, 1.25, 0.75, , TRUE) → 6666666.6667",
          "=LOAN.MAX_LOAN(500000, 8000000, 0.06, 30, 1.25, 0.75, 0.09) → 5555555.5556",
        ],
      },
    ],
  },
  {
    id: "recourse",
    title: "Recourse",
    entries: [
      {
        name: "DEFICIENCY",
        purpose: "What a recourse lender can still claim after the foreclosure sale.",
        params: ["unpaidPrincipal", "salePrice", "[accruedInterest]", "[fees]", "[foreclosureCosts]", "[saleCosts]"],
        examples: [
          "=LOAN.DEFICIENCY(485000, 420000, 32000, 0, 18000) → 115000",
          "=LOAN.DEFICIENCY(4400000, 3600000, , , 250000) → 1050000",
        ],
      },
      {
        name: "NONRECOURSE_PREMIUM",
        purpose: "Extra cost of non-recourse over the hold: rate spread plus points.",
        params: [
          "loanAmount",
          "recourseRate",
          "nonRecourseRate",
          "recoursePoints",
          "nonRecoursePoints",
          "holdYears",
          "[amortYears]",
          "[discountRate]",
        ],
        examples: [
          "=LOAN.NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7) → 180000",
          "=LOAN.NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7, 30) → 181428.3476",
        ],
      },
      {
        name: "BREAKEVEN_PROBABILITY",
        purpose: "Default probability above which the premium pays for itself.",
        params: ["premium", "deficiency"],
        examples: ["=LOAN.BREAKEVEN_PROBABILITY(180000, 1050000) → 0.1714"],
      },
      {
        name: "CARVEOUT_EXPOSURE",
        purpose: "Guarantor's personal exposure after carveout (bad-boy) acts.",
        params: ["debt", "triggered", "[losses]", "[collateralValue]", "[cap]", "[schedule]"],
        examples: [
          '=LOAN.CARVEOUT_EXPOSURE(4400000, "FRAUD", , 3600000) → 800000',
          '=LOAN.CARVEOUT_EXPOSURE(4400000, {"WASTE","RENTS"}, {120000,80000}) → 200000',
        ],
      },
      {
        name: "CARVEOUTS",
        purpose: "The carveout catalogue with default consequences (spills).",
        params: [],
        examples: ["=LOAN.CARVEOUTS() → 12×3"],
      },
    ],
  },
  {
    id: "lender",
    title: "State law & lender's view",
    entries: [
      {
        name: "STATE_RULE",
        purpose: "One fact from the state table, with its source and confidence.",
        params: ["state", "field", "[overrides]"],
        examples: [
          '=LOAN.STATE_RULE("CA", "NONJUDICIAL_DEFICIENCY") → FALSE',
          '=LOAN.STATE_RULE("TX", "DEADLINE") → "2 years after the sale"',
        ],
      },
      {
        name: "DEFICIENCY_ALLOWED",
        purpose: "May the lender pursue a deficiency in this state (as recorded)?",
        params: ["state", "[foreclosure]", "[residential1to4]", "[purchaseMoney]", "[ownerOccupied]", "[overrides]"],
        examples: [
          '=LOAN.DEFICIENCY_ALLOWED("CA") → FALSE',
          '=LOAN.DEFICIENCY_ALLOWED("TX", "NONJUDICIAL", TRUE) → TRUE',
        ],
      },
      {
        name: "STATE_DEFICIENCY",
        purpose: "The deficiency the lender may pursue under the state's rules.",
        params: [
          "claim",
          "salePrice",
          "state",
          "[fairMarketValue]",
          "[foreclosure]",
          "[residential1to4]",
          "[purchaseMoney]",
          "[ownerOccupied]",
          "[overrides]",
        ],
        examples: [
          '=LOAN.STATE_DEFICIENCY(4650000, 3600000, "NV", 3900000) → 750000',
          '=LOAN.STATE_DEFICIENCY(4650000, 3600000, "CA") → 0',
        ],
      },
      {
        name: "GUARANTEE_EXPOSURE",
        purpose: "What a partial, capped or burning-down guarantor owes.",
        params: ["deficiency", "loanAmount", "[guaranteePct]", "[capAmount]", "[burnDown]", "[yearsElapsed]"],
        examples: [
          "=LOAN.GUARANTEE_EXPOSURE(1050000, 4500000, 0.2) → 900000",
          "=LOAN.GUARANTEE_EXPOSURE(1050000, 4500000, 0.5, , {0,2250000;3,1125000;5,450000}, 5) → 450000",
        ],
      },
      {
        name: "LENDER_RECOVERY",
        purpose: "What the lender recovers after weighing the cost of collecting.",
        params: ["claim", "netProceeds", "isRecourse", "[collectibleAssets]", "[collectionCost]"],
        examples: [
          "=LOAN.LENDER_RECOVERY(4650000, 3600000, TRUE, 200000, 50000) → 3750000",
          "=LOAN.LENDER_RECOVERY(4650000, 3600000, FALSE) → 3600000",
        ],
      },
      {
        name: "YIELD_MAINTENANCE",
        purpose: "Yield-maintenance prepayment premium, with its floor.",
        params: ["balance", "noteRate", "treasuryRate", "remainingYears", "[floorPct]", "[method]"],
        examples: [
          "=LOAN.YIELD_MAINTENANCE(6161329, 0.0875, 0.0418, 3.2521) → 839913.58",
          "=LOAN.YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5) → 690572.86",
        ],
      },
      {
        name: "DEFEASANCE_COST",
        purpose: "Cost of defeasance over the balance (flat-yield approximation).",
        params: ["loanAmount", "noteRate", "amortYears", "yearsElapsed", "maturityYears", "treasuryRate", "[fees]"],
        examples: ["=LOAN.DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045, 50000) → 497954.59"],
      },
      {
        name: "FORECLOSURE_TAX",
        purpose: "Gain or loss and cancellation-of-debt income of a foreclosure (spills).",
        params: ["debt", "fairMarketValue", "adjustedBasis", "isRecourse", "[insolvency]"],
        examples: [
          "=LOAN.FORECLOSURE_TAX(180000, 170000, 175000, FALSE) → 1×4",
          "=LOAN.FORECLOSURE_TAX(180000, 170000, 175000, TRUE) → 1×4",
        ],
      },
      {
        name: "MARKET_PREMIUM",
        purpose: "Typical market price of non-recourse: rate, points, LTV cap.",
        params: ["loanType", "measure", "[bound]"],
        examples: [
          '=LOAN.MARKET_PREMIUM("BANK", "RATE") → 0.00875',
          '=LOAN.MARKET_PREMIUM("AGENCY", "LTV_CAP", "HIGH") → 0.8',
        ],
      },
      {
        name: "QUALIFY",
        purpose: '"OK", or the tests a deal fails for recourse or non-recourse.',
        params: [
          "structure",
          "dscr",
          "ltv",
          "[occupancy]",
          "[netWorth]",
          "[liquidity]",
          "[loanAmount]",
          "[thresholds]",
        ],
        examples: [
          '=LOAN.QUALIFY("NONRECOURSE", 1.25, 0.6, 0.9, 6000000, 600000, 5000000) → "OK"',
          '=LOAN.QUALIFY("NONRECOURSE", 1.1, 0.7) → "Fails: DSCR short by 0.1 (min 1.2); LTV over by 0.05 (max 0.65)"',
        ],
      },
    ],
  },
];

/** "LOAN.PAYMENT(loanAmount, annualRate, amortYears, [paymentsPerYear])". */
export function signature(entry: GuideEntry): string {
  return `${NAMESPACE}.${entry.name}(${entry.params.join(", ")})`;
}

/** Splits "=LOAN.X(...) → result" into the formula to type and the documented result. */
export function splitExample(example: string): { formula: string; result: string } {
  const at = example.lastIndexOf(RESULT_ARROW);
  if (at < 0) return { formula: example.trim(), result: "" };
  return { formula: example.slice(0, at).trim(), result: example.slice(at + RESULT_ARROW.length).trim() };
}

/** Every entry, in guide order. */
export function allEntries(groups: readonly GuideGroup[] = GUIDE): GuideEntry[] {
  return groups.flatMap((g) => [...g.entries]);
}
