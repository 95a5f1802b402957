/** The portfolio sheet's words: each input's source or assumption, and the notes under the block. */
export const PORTFOLIO_NOTES = {
  inputs: {
    rateShock:
      "Assumption: the rate every loan pays under the stress (a floating or reset rate); 0 for a fixed-rate book",
    valueShock: "Assumption: every property's value falls by this share (the deal templates' surrender: −45 %)",
    noiShock: "Assumption: every property's NOI changes by this share",
    stressYear: "Assumption: the year of the default; each loan's balance then, at most its term (methodology §3)",
    netWorth:
      "Market convention: net worth at least the loan amount (methodology §10, §15); varies by lender, type yours",
    liquidity:
      "Market convention: liquidity at least 10 % of the loan amount, 10–15 % quoted (methodology §10, §15); varies by lender",
    netWorthShare:
      "Assumption: 0, lenders count on liquid assets (methodology §10); raise it for assets a judgment could reach",
    volatility:
      "Downing, Stanton & Wallace (2008): 20–24 % a year implied by CMBS pricing; the low end (methodology §16)",
    treasury: "The market table's 10-year Treasury, 4.08 % (Northmarq, late 2025; methodology §14)",
    riskFree: "The Treasury yield (semi-annual) as a continuous rate: 2·ln(1 + y/2) (methodology §16)",
  },
  rollup:
    "Per guarantor, SUMIF over the loan block; the covenants are tested against the loans it guarantees (recourse and carve-out guaranties)",
  unlisted: "0 when every loan's guarantor has a row above: add a row for a new guarantor",
  block:
    "Insert a row inside the block (above its last row) and fill the formulas down: the named ranges and every total follow",
  paragraphs: [
    "Under the stress each loan defaults in the stress year: its balance then (at the stressed rate) against its stressed value gives the deficiency (LOAN.DEFICIENCY, no costs or accrued interest), and LOAN.STATE_DEFICIENCY with party GUARANTOR what the state's law lets the lender pursue from the guarantor (a trustee sale, no waiver assumed).",
    "Guaranteed exposure: on a recourse loan what the guarantee covers of that (LOAN.GUARANTEE_EXPOSURE: the share of the loan, at most the cap); on a non-recourse loan 0 unless a carveout is entered as sprung (LOAN.CARVEOUT_EXPOSURE of the balance against the stressed value). Kept simple: no burn-down, no loss-only carveouts' losses.",
    "Claims compete pro rata (methodology §10, the guarantor's book): when the guarantor's collectible capacity C is below its total exposure T, each loan's lender collects its share of C in proportion to its exposure, share = exposure ÷ T × min(C, T). A loan's 'other contingent liabilities' are T less its own exposure: what a deal model of that loan takes as its OtherContingentLiabilities, so nothing is counted twice and nothing is circular.",
    "Protection value: what non-recourse is worth on the loan (LOAN.PROTECTION_VALUE, the put spread at the term) up to what recourse under the row's guarantee could reach: the guarantor's capacity after the other loans' claims, nothing where the state bars pursuing a guarantor. Premium: the market table's price of non-recourse for the lender type (LOAN.MARKET_PREMIUM rate and points) over the term, discounted at the Treasury (LOAN.NONRECOURSE_PREMIUM).",
  ],
} as const;
