/**
 * A guarantor's book of loans as plain data: the loans, their guarantors, the stress every row
 * follows and the covenant thresholds, with the worked example the portfolio template inserts
 * (three loans, two guarantors). The sheet is built from it by ./index.ts.
 */
import { DEFAULT_THRESHOLDS } from "../../core/domain";
import { MARKET_2025 } from "../market";
import { ASSUMPTIONS } from "../deal/assumptions";

/** The loan types of LOAN.MARKET_PREMIUM (the premium of non-recourse for the lender's kind, methodology §14). */
export const PORTFOLIO_LENDERS = ["BANK", "CMBS", "AGENCY", "LIFE", "BRIDGE"] as const;
export type PortfolioLender = (typeof PORTFOLIO_LENDERS)[number];

export const STRUCTURES = ["RECOURSE", "NON_RECOURSE"] as const;
export type Structure = (typeof STRUCTURES)[number];

/** One loan of the book: one row of the sheet's loan block. */
export interface PortfolioLoan {
  readonly name: string;
  /** The guarantor's name, as the roll-up lists it. */
  readonly guarantor: string;
  readonly lender: PortfolioLender;
  readonly structure: Structure;
  /** Two-letter state whose deficiency law applies. */
  readonly state: string;
  readonly amount: number;
  /** Note rate (decimal). */
  readonly rate: number;
  readonly amortYears: number;
  readonly termYears: number;
  readonly value: number;
  readonly noi: number;
  /**
   * The guarantee as a share of the loan (0 to 1): on a recourse loan the guaranty signed; on a
   * non-recourse loan the guarantee of the recourse alternative the protection is measured against.
   */
  readonly guarantee: number;
  /** A fixed cap on the guarantee (0: none). */
  readonly guaranteeCap: number;
  /** Non-recourse: a carveout code assumed to have sprung (LOAN.CARVEOUTS), "" for none (carveouts only). */
  readonly carveout: string;
}

/** A guarantor of the roll-up: its statement's net worth and liquidity. */
export interface Guarantor {
  readonly name: string;
  readonly netWorth: number;
  readonly liquidity: number;
}

/** The stress every row follows. */
export interface Stress {
  /** Added to every loan's rate, in basis points (a floating or reset rate; 0 for a fixed-rate book). */
  readonly rateShockBp: number;
  /** Change in every property's value (−0.35: a 35 % fall). */
  readonly valueShock: number;
  /** Change in every property's NOI. */
  readonly noiShock: number;
  /** The year the stress is read at: each loan's balance then (at most its term). */
  readonly stressYear: number;
}

/** The guarantor covenants tested in the roll-up. */
export interface Covenants {
  /** Net worth at least this multiple of the loans it guarantees. */
  readonly netWorthMultiple: number;
  /** Liquidity at least this share of the loans it guarantees. */
  readonly liquidityShare: number;
}

export interface Book {
  readonly loans: readonly PortfolioLoan[];
  readonly guarantors: readonly Guarantor[];
  readonly stress: Stress;
  readonly covenants: Covenants;
}

/** Options of the portfolio sheet. */
export interface PortfolioOptions {
  /** The sheet name wanted; default "Portfolio". */
  readonly sheetName?: string;
  /**
   * "loan" (default): the LOAN.* functions; "builtin": Excel built-ins wherever one computes the
   * same figure (PMT, FV, MAX, MIN…), LOAN.* only where none does. The benchmark compares the two.
   */
  readonly formulas?: "loan" | "builtin";
}

export const PORTFOLIO_SHEET = "Portfolio";

/** The stress of the worked example: +200 bp, values −35 %, NOI −20 %, read in year 3 (assumptions). */
export const DEFAULT_STRESS: Stress = { rateShockBp: 200, valueShock: -0.35, noiShock: -0.2, stressYear: 3 };

/** The usual guarantor covenants (methodology §10, §15): net worth ≥ 1 × the loans, liquidity ≥ 10 % of them. */
export const DEFAULT_COVENANTS: Covenants = {
  netWorthMultiple: DEFAULT_THRESHOLDS.NONRECOURSE.NET_WORTH ?? 1,
  liquidityShare: DEFAULT_THRESHOLDS.NONRECOURSE.LIQUIDITY ?? 0.1,
};

/** The sheet's other assumptions: the deal sheet's volatility and share of net worth, the market table's Treasury. */
export const PORTFOLIO_ASSUMPTIONS = {
  volatility: ASSUMPTIONS.downside.volatility,
  netWorthShare: ASSUMPTIONS.downside.netWorthShare,
  treasury: MARKET_2025.bases.UST10.value,
} as const;

/**
 * The worked example: guarantor A (Harbor Equity Partners) signs two recourse bank loans, one in
 * Texas (a full guarantee) and one in Nevada (a fair-value state; a 50 % guarantee), whose claims
 * under the stress exceed its liquidity, so they compete; guarantor B (Maple Street Holdings) is
 * the carve-out guarantor of a CMBS non-recourse loan in California (an anti-deficiency state: a
 * guarantor who has not waived is protected after a trustee sale, so non-recourse protects
 * nothing there). Elm Street is the methodology's worked example (§6); the other figures are
 * assumptions.
 */
export const EXAMPLE_BOOK: Book = {
  loans: [
    {
      name: "Elm Street Apartments",
      guarantor: "Harbor Equity Partners",
      lender: "BANK",
      structure: "RECOURSE",
      state: "TX",
      amount: 4_500_000,
      rate: 0.0685,
      amortYears: 30,
      termYears: 7,
      value: 6_450_000,
      noi: 500_000,
      guarantee: 1,
      guaranteeCap: 0,
      carveout: "",
    },
    {
      name: "Riverside Retail",
      guarantor: "Harbor Equity Partners",
      lender: "BANK",
      structure: "RECOURSE",
      state: "NV",
      amount: 3_600_000,
      rate: 0.066,
      amortYears: 25,
      termYears: 5,
      value: 4_600_000,
      noi: 360_000,
      guarantee: 0.5,
      guaranteeCap: 0,
      carveout: "",
    },
    {
      name: "Oak Industrial",
      guarantor: "Maple Street Holdings",
      lender: "CMBS",
      structure: "NON_RECOURSE",
      state: "CA",
      amount: 8_000_000,
      rate: 0.064,
      amortYears: 30,
      termYears: 10,
      value: 12_300_000,
      noi: 820_000,
      guarantee: 1,
      guaranteeCap: 0,
      carveout: "",
    },
  ],
  guarantors: [
    { name: "Harbor Equity Partners", netWorth: 8_000_000, liquidity: 600_000 },
    { name: "Maple Street Holdings", netWorth: 12_000_000, liquidity: 1_500_000 },
  ],
  stress: DEFAULT_STRESS,
  covenants: DEFAULT_COVENANTS,
};
