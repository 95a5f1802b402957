/**
 * The plan layer's catalogue: the notes the sheets carry (legend, disclaimer, the reading's
 * caveat, the state-law note) and the worked example's text. Tests refer to these rather
 * than repeating the words.
 */

export const DEAL_NOTES = {
  disclaimer:
    "Figures are market conventions and mechanics from published lender and consumer-finance explainers (docs/methodology.md), not legal, tax or investment advice.",
  /** The header's short form of the disclaimer (the whole one is in the notes at the end). */
  notAdvice: "Not legal, tax or investment advice: see the notes at the end.",
  legend: "Blue cells are inputs (each a named range); black cells are formulas (LOAN.* and Excel built-ins).",
  heuristics:
    'Reading: the "when each fits" lender heuristics (methodology §17) applied to this deal. Heuristics, not advice.',
  verdict:
    "Verdict (methodology §17, the verdict): non-recourse when the put (PutValue) is worth more than the premium in present value (PremiumPV) and there is personal exposure to insure: the recourse exposure above the non-recourse one, both at the default in DefaultYear (PersonalExposure) and in the last scenario (the break-even row's). Recourse when the premium is worth at least the put or there is nothing to insure. On a tie (equal to the unit) the heuristics' lean decides, then the guarantor's capacity (liquidity against the recourse exposure). A recourse verdict names its first reason: nothing to insure at the default, the price, nothing to insure in the last scenario. Not advice.",
  stateLaw:
    "State law: the add-in's state table (see LOAN.STATE_RULE for sources and confidence). Guarantors can stay liable where the borrower is protected (e.g. CA §580d(b)); not modelled.",
} as const;

export const EXAMPLE_NOTES = {
  title: "Recourse vs non-recourse: worked example",
  legend: "Value-add multifamily. Blue cells are inputs; black cells are LOAN.* formulas.",
  downside:
    "The deficiency is owed personally under recourse and is the lender's loss under non-recourse. " +
    "Non-recourse pays for itself if the surrender is likelier than the break-even (undiscounted).",
  disclaimer: "Figures are market conventions from published lender explainers, not law or advice.",
} as const;

/**
 * The checks on the whole deal (deal/checks.ts on the sheet, deal-checks.ts in the task pane): the
 * same words in both. A message that quotes a figure is written in two parts around it.
 */
export const CHECK_MESSAGES = {
  loanNegative: "The loan is below 0: a loan cannot be negative (0 sizes it with LOAN.MAX_LOAN)",
  ltvOverPrefix: "LTV",
  ltvOverSuffix: " is over 100 %: the loan exceeds the property's value",
  noIncome: "NOI is 0 or less: no income to cover the debt",
  defaultYearPrefix: "The default year",
  defaultYearMiddle: "falls outside the hold of",
  defaultYearSuffix: " years or the loan's term",
  stateUnknownPrefix: "The state table does not know",
  stateUnknownSuffix:
    "'s rule this deal needs (a deficiency after the lender's remedy, LOAN.STATE_RULE): the exposures cannot be computed",
  qualifyFails: "A structure fails qualification (LOAN.QUALIFY, beside the thresholds)",
  marketStalePrefix: "The market table is dated",
  marketStaleSuffix: " months before the analysis date: update its figures",
  rateCapMissing: "No rate cap is entered for the floating loans: type the cap's quote (the choice of lender)",
  placeholdersLeft: "Placeholder inputs are left at their round figures: type the deal's own",
  earlyDefaultPrefix: "Early default at the borrower's best timing adds",
  earlyDefaultSuffix:
    " to the put (simulated): enough for the protection to outweigh its premium, which the verdict, pricing default at the hold, does not count",
  notReliable: "Not reliable",
  cannotCheck: (label: string) => `Cannot check that ${label.toLowerCase()}: an input is in error`,
} as const;
