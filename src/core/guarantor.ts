/**
 * A guarantor's covenants across its whole book (methodology §10): a lender tests the guarantor's
 * net worth and liquidity against every loan it guarantees, not one deal at a time.
 *
 *   net worth    ≥ minNetWorthMultiple × total loans            (default 1 ×, market convention)
 *   liquidity    ≥ minLiquidityShare × total loans              (default 10 %, market convention)
 *   total loans + other contingent liabilities ≤ maxContingentMultiple × net worth   (no default)
 *
 * The result is "OK", or "Fails: " and every failed test, by how much, and its requirement, in
 * LOAN.QUALIFY's words ("net worth short by 1,300,000 (min 4,500,000)").
 */
import { amount, defineIn, grid, isBlankCell, numberParam, share, signed, HELP, type Grid, type InputOf } from "./args";
import { GUARANTOR_COVENANT_DEFAULTS } from "./domain";
import { Fault } from "./fault";
import { failedTest } from "./lender";
import { MSG } from "./messages";
import { sumMoney, timesMoney } from "./money";

const define = defineIn({ family: "lender", section: 10 });

/** A multiple of an amount (of the loans, of the net worth): 0 to 100. */
const multiple = numberParam({ min: 0, minInclusive: true, max: 100, maxInclusive: true });

/** GUARANTOR_COVENANTS' parameters, the range of loan amounts read into a list. */
export type CovenantInput = Omit<InputOf<typeof GUARANTOR_COVENANTS>, "loanAmounts"> & {
  /** The amounts of the loans the guarantor guarantees (0 or more each). */
  readonly loanAmounts: readonly number[];
};

/** The guarantor's covenant tests across its book: "OK", or each failed test and by how much. */
export function guarantorCovenants({
  netWorth,
  liquidity,
  loanAmounts,
  minNetWorthMultiple = GUARANTOR_COVENANTS.param.minNetWorthMultiple.fallback,
  minLiquidityShare = GUARANTOR_COVENANTS.param.minLiquidityShare.fallback,
  maxContingentMultiple,
  otherContingent = GUARANTOR_COVENANTS.param.otherContingent.fallback,
}: CovenantInput): string | Fault {
  for (let i = 0; i < loanAmounts.length; i++) {
    const x = loanAmounts[i];
    if (!Number.isFinite(x)) return MSG.notNumberAt("loanAmounts", x, i + 1, 1);
    if (x < 0) return MSG.negativeAt("loanAmounts", x, i + 1, 1);
  }
  return covenants(
    netWorth,
    liquidity,
    sumMoney(loanAmounts),
    minNetWorthMultiple,
    minLiquidityShare,
    maxContingentMultiple,
    otherContingent,
  );
}

/**
 * The tests on the total of the loans, with every argument in place: the sheet's call reaches it
 * without building the typed input (an object) or checking the amounts twice.
 */
function covenants(
  netWorth: number,
  liquidity: number,
  loans: number,
  minNetWorthMultiple: number,
  minLiquidityShare: number,
  maxContingentMultiple: number | undefined,
  otherContingent: number,
): string | Fault {
  const needWorth = timesMoney(loans, minNetWorthMultiple);
  const needCash = timesMoney(loans, minLiquidityShare);
  if (!Number.isFinite(needWorth)) return MSG.tooLarge("total of the loans");
  // Worded as LOAN.QUALIFY words its tests ("net worth short by 1,300,000 (min 4,500,000)"). Gaps
  // are shown rounded (cents from 1,000 up, never "0"), so float64 differences are exact enough; a
  // gap of two finite amounts may still overflow.
  let out = "";
  if (netWorth < needWorth) {
    const by = needWorth - netWorth;
    if (by === Infinity) return MSG.tooLarge("net worth's shortfall");
    out = "Fails: " + failedTest("net worth", by, needWorth);
  }
  if (liquidity < needCash) {
    out += (out ? "; " : "Fails: ") + failedTest("liquidity", needCash - liquidity, needCash);
  }
  if (maxContingentMultiple !== undefined) {
    const contingent = sumMoney([loans, otherContingent]);
    const limit = timesMoney(netWorth, maxContingentMultiple);
    if (!Number.isFinite(contingent)) return MSG.tooLarge("total of the loans");
    const by = contingent - limit;
    if (!Number.isFinite(limit) || by === Infinity) return MSG.tooLarge("contingent-liability limit");
    if (by > 0) out += (out ? "; " : "Fails: ") + failedTest("contingent liabilities", by, limit, true);
  }
  return out || "OK";
}

/**
 * The range of loan amounts → a list, row by row; blank cells (empty, "", or 0, as Excel passes
 * an empty cell) are skipped. #VALUE! naming the first cell that is not a number or is negative.
 */
function readLoanAmounts(range: Grid): number[] | Fault {
  const out: number[] = [];
  for (let i = 0; i < range.length; i++) {
    const row = range[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell === 0 || isBlankCell(cell)) continue;
      if (typeof cell !== "number" || !Number.isFinite(cell)) return MSG.notNumberAt("loanAmounts", cell, i + 1, j + 1);
      if (cell < 0) return MSG.negativeAt("loanAmounts", cell, i + 1, j + 1);
      out.push(cell);
    }
  }
  return out;
}

export const GUARANTOR_COVENANTS = define(
  "GUARANTOR_COVENANTS",
  [
    signed.required("netWorth"),
    amount.required("liquidity"),
    grid("loanAmounts", false),
    multiple.withDefault("minNetWorthMultiple", GUARANTOR_COVENANT_DEFAULTS.netWorthMultiple),
    share.withDefault("minLiquidityShare", GUARANTOR_COVENANT_DEFAULTS.liquidityShare),
    multiple.optional("maxContingentMultiple"),
    amount.withDefault("otherContingent", 0),
  ],
  (
    netWorth,
    liquidity,
    range,
    minNetWorthMultiple,
    minLiquidityShare,
    maxContingentMultiple,
    otherContingent,
  ): string | Fault => {
    const loanAmounts = readLoanAmounts(range);
    if (loanAmounts instanceof Fault) return loanAmounts;
    const loans = sumMoney(loanAmounts);
    return covenants(
      netWorth,
      liquidity,
      loans,
      minNetWorthMultiple,
      minLiquidityShare,
      maxContingentMultiple,
      otherContingent,
    );
  },
  HELP && {
    summary: '"OK", or the covenants a guarantor fails across all the loans it guarantees.',
    details:
      "Net worth at least minNetWorthMultiple × the total of the loans, liquidity at least minLiquidityShare of it (defaults 1 × and 10 %: market convention, they vary by lender); with maxContingentMultiple, the loans plus other contingent liabilities at most that multiple of net worth. Each failed test by how much, with the amount required, worded as LOAN.QUALIFY words its tests. Not advice.",
    params: {
      netWorth: "The guarantor's net worth (may be negative).",
      loanAmounts: "The amounts of every loan the guarantor guarantees: a range; blank and 0 cells are skipped.",
      minNetWorthMultiple: "Net worth required, as a multiple of the loans (default 1).",
      minLiquidityShare: "Liquidity required, as a share of the loans, 0 to 1 (default 0.1).",
      maxContingentMultiple: "Most contingent liabilities allowed, as a multiple of net worth (omit: no limit).",
      otherContingent: "Contingent liabilities besides the loans listed, for that limit only (default 0).",
    },
    returns: '"OK" or the failed tests.',
    result: "string",
    examples: [
      '=LOAN.GUARANTOR_COVENANTS(6000000, 600000, {4500000;1000000}) → "OK"',
      '=LOAN.GUARANTOR_COVENANTS(3200000, 300000, {4500000}) → "Fails: net worth short by 1,300,000 (min 4,500,000); liquidity short by 150,000 (min 450,000)"',
      '=LOAN.GUARANTOR_COVENANTS(12000000, 1500000, {4500000;3000000;2000000}, 1, 0.1, 1, 4000000) → "Fails: contingent liabilities over by 1,500,000 (max 12,000,000)"',
    ],
    cost: "composite",
  },
);
