/**
 * The market table: what each kind of lender charged and allowed in late 2025, as dated,
 * sourced data (docs/methodology.md §14). The deal sheet writes it as a block of blue inputs
 * with each figure's source beside it; a structure's rate is its lender's base rate plus the
 * spread unless the analyst overrides it (deal/market.ts).
 *
 * Plain data, read by the deal plan only: it is not in the custom functions' bundle
 * (dist/functions.js), and the tests compute from it rather than copy it.
 *
 * Every figure carries the date or period of the publication it comes from (`asOf`: an ISO
 * date, a month `YYYY-MM`, a quarter `YYYY-Qn` or a year) and its source. A figure no source
 * gives says "Assumption: …" and why; its `asOf` is the table's. Where the source gives a
 * range, `range` holds it and `value` is its midpoint.
 */

/** One figure of the table: a decimal (rates, spreads, points, LTV) or a ratio (DSCR). */
export interface MarketFigure {
  readonly value: number;
  /** The publication's date or period: `2025-11-17`, `2025-11`, `2025-Q3`, `2024`. */
  readonly asOf: string;
  /** The publication and what it says, or "Assumption: …". */
  readonly source: string;
  /** The published range, low to high, when there is one (`value` is its midpoint). */
  readonly range?: readonly [low: number, high: number];
}

/** The base rates the spreads are quoted over. */
export type MarketBase = "UST10" | "SOFR";

/** The kinds of lender the table has a row for. */
export const MARKET_LENDERS = ["BANK", "AGENCY", "LIFE", "CMBS", "BANK_BRIDGE", "BRIDGE"] as const;
export type MarketLender = (typeof MARKET_LENDERS)[number];

export interface MarketRow {
  readonly lender: MarketLender;
  /** How the sheet names the row. */
  readonly label: string;
  /** Whether the borrower (or its guarantor) is personally liable: a recourse loan. */
  readonly recourse: boolean;
  /** The base rate its spread is quoted over. */
  readonly base: MarketBase;
  /** Spread over the base rate (decimal: 1.40 % is 0.014). */
  readonly spread: MarketFigure;
  /** Points (origination fee), a share of the loan. */
  readonly points: MarketFigure;
  readonly maxLtv: MarketFigure;
  readonly minDscr: MarketFigure;
  /** A fee charged when the loan is repaid, a share of the balance (the debt fund's 1 % exit fee). */
  readonly exitFee: MarketFigure;
}

/** An agency pricing tier: lower leverage, higher coverage, a lower spread. */
export interface AgencyTier {
  readonly maxLtv: number;
  readonly minDscr: number;
  readonly spread: MarketFigure;
}

export interface MarketTable {
  /** The table's as-of date (ISO): the end of the period its figures were read for. */
  readonly asOf: string;
  readonly bases: Readonly<Record<MarketBase, MarketFigure>>;
  readonly rows: readonly MarketRow[];
  readonly agencyTiers: readonly AgencyTier[];
  /** Average spreads over the 10-year Treasury, for context: commercial and multifamily. */
  readonly averageSpreads: { readonly commercial: MarketFigure; readonly multifamily: MarketFigure };
}

const AS_OF = "2025-11-30";

const NORTHMARQ =
  "Northmarq, Current multifamily and commercial mortgage rates & spreads (rate sheet, undated; the issue dates it late 2025)";
const CBRE =
  "CBRE Lending Momentum Index, Q3 2025 (reported by MBA Newslink, November 2025): fixed-rate 7–10-year loans at 55–65 % LTV";
const GANTRY = "Gantry, CMBA 2024 key takeaways (early 2024; no late-2025 figure was read)";
const BASIS_CONDUIT = "Basis Investment Group, Conduit / CMBS loan program (undated page)";
const BASIS_BRIDGE = "Basis Investment Group, Bridge loan program, SOFR-based (undated page)";
const A10 = "A10 Capital, LifeCo loan program (undated page; a lender pricing against life companies)";
const RECOURSE_RANGE =
  "methodology §15's recourse underwriting range (LTV 70–80 %, DSCR 1.15–1.20x), the lenient end as LOAN.QUALIFY takes it";

/** A figure that is the midpoint of a published range. */
function mid(low: number, high: number, asOf: string, source: string): MarketFigure {
  return { value: (low + high) / 2, range: [low, high], asOf, source };
}

/** A figure no source gives. */
function assumption(value: number, why: string): MarketFigure {
  return { value, asOf: AS_OF, source: `Assumption: ${why}` };
}

export const MARKET_2025: MarketTable = {
  asOf: AS_OF,
  bases: {
    UST10: { value: 0.0408, asOf: "2025-Q4", source: `${NORTHMARQ}: 10-Year Treasury 4.08 %` },
    SOFR: {
      value: 0.04105,
      asOf: "2025-11-17",
      source:
        "Federal Reserve Bank of New York, 30-Day Average SOFR (FRED, SOFR30DAYAVG): 4.105 % on 17 November 2025, the nearest reading to the table's date (3.703 % on 15 January 2026; Northmarq's undated sheet showed 3.67 %)",
    },
  },
  rows: [
    {
      lender: "BANK",
      label: "Bank, recourse (fixed, 5–10 years)",
      recourse: true,
      base: "UST10",
      spread: {
        value: 0.0197,
        asOf: "2025-Q3",
        source: `${CBRE}: average commercial spread 197 bp, all lenders; taken for a bank recourse loan (assumption: no bank-only late-2025 spread was read; ${GANTRY} put bank permanent spreads from 225 bp)`,
      },
      points: assumption(0.0075, "0.75 points, the recourse points of the worked example (methodology §6)"),
      maxLtv: assumption(0.8, RECOURSE_RANGE),
      minDscr: assumption(1.15, RECOURSE_RANGE),
      exitFee: assumption(0, "no exit fee in the terms read; an early repayment pays the step-down (exit cost)"),
    },
    {
      lender: "AGENCY",
      label: "Agency multifamily (Fannie Mae 10-year), non-recourse",
      recourse: false,
      base: "UST10",
      spread: mid(
        0.0125,
        0.0155,
        "2025-Q4",
        `${NORTHMARQ}: Fannie Mae 10-year, 80 % LTV, 1.25x, 125–155 bp (5.33–5.63 %)`,
      ),
      points: assumption(0.01, "1 point of origination fee (no agency fee figure was read)"),
      maxLtv: { value: 0.8, asOf: "2025-Q4", source: `${NORTHMARQ}: Fannie Mae 10-year tier at 80 % LTV` },
      minDscr: { value: 1.25, asOf: "2025-Q4", source: `${NORTHMARQ}: Fannie Mae 10-year tier at 1.25x` },
      exitFee: assumption(0, "no exit fee in the terms read; an early repayment pays yield maintenance (exit cost)"),
    },
    {
      lender: "LIFE",
      label: "Life company, non-recourse (fixed, multifamily)",
      recourse: false,
      base: "UST10",
      spread: mid(
        0.012,
        0.018,
        "2024",
        `${GANTRY}: life-company permanent spreads, multifamily, 1.20–1.80 % over the Treasury`,
      ),
      points: mid(0.005, 0.01, "2025", `${A10}: origination fee 0.50–1.0 %`),
      maxLtv: assumption(0.65, "the life-company LTV cap of the premium table, 60–70 % (methodology §14)"),
      minDscr: { value: 1.3, asOf: "2024", source: `${GANTRY}: life-company LTV constrained by at least 1.30x DSCR` },
      exitFee: assumption(0, "no exit fee in the terms read; an early repayment pays yield maintenance (exit cost)"),
    },
    {
      lender: "CMBS",
      label: "CMBS conduit, non-recourse (fixed, 10 years)",
      recourse: false,
      base: "UST10",
      spread: assumption(
        0.0197,
        `CBRE's Q3 2025 average commercial spread, 197 bp (no late-2025 conduit spread was read)`,
      ),
      points: { value: 0, asOf: "2025", source: `${BASIS_CONDUIT}: fees generally at par` },
      maxLtv: { value: 0.75, asOf: "2025", source: `${BASIS_CONDUIT}: up to 75 % LTV` },
      minDscr: { value: 1.3, asOf: "2025", source: `${BASIS_CONDUIT}: minimum DSCR 1.30x` },
      exitFee: assumption(0, "no exit fee in the terms read; an early repayment pays for defeasance (exit cost)"),
    },
    {
      lender: "BANK_BRIDGE",
      label: "Bank bridge, recourse (floating)",
      recourse: true,
      base: "SOFR",
      spread: {
        value: 0.02,
        asOf: "2024",
        source: `${GANTRY}: banks' best floating bridge pricing from SOFR + 2.00 %`,
      },
      points: assumption(0.01, "1 point (no bank bridge fee figure was read)"),
      maxLtv: assumption(0.8, RECOURSE_RANGE),
      minDscr: assumption(1.15, RECOURSE_RANGE),
      exitFee: assumption(0, "no exit fee in the terms read"),
    },
    {
      lender: "BRIDGE",
      label: "Debt-fund bridge, non-recourse (floating)",
      recourse: false,
      base: "SOFR",
      spread: mid(0.0225, 0.0325, "2024", `${GANTRY}: debt-fund bridge spreads, multifamily, 2.25–3.25 %`),
      points: { value: 0.01, asOf: "2025", source: `${BASIS_BRIDGE}: generally 1 % origination (and 1 % exit)` },
      maxLtv: { value: 0.75, asOf: "2025", source: `${BASIS_BRIDGE}: up to 75 % LTV for stabilized multifamily` },
      minDscr: { value: 1.2, asOf: "2025", source: `${BASIS_BRIDGE}: minimum DSCR 1.20x` },
      exitFee: { value: 0.01, asOf: "2025", source: `${BASIS_BRIDGE}: generally 1 % origination and 1 % exit` },
    },
  ],
  agencyTiers: [
    {
      maxLtv: 0.8,
      minDscr: 1.25,
      spread: mid(0.0125, 0.0155, "2025-Q4", `${NORTHMARQ}: Fannie Mae 10-year, 80 %, 1.25x`),
    },
    {
      maxLtv: 0.65,
      minDscr: 1.35,
      spread: mid(0.0105, 0.0135, "2025-Q4", `${NORTHMARQ}: Fannie Mae 10-year, 65 %, 1.35x`),
    },
    {
      maxLtv: 0.55,
      minDscr: 1.55,
      spread: mid(0.0095, 0.0115, "2025-Q4", `${NORTHMARQ}: Fannie Mae 10-year, 55 %, 1.55x`),
    },
  ],
  averageSpreads: {
    commercial: { value: 0.0197, asOf: "2025-Q3", source: `${CBRE}: commercial 197 bp` },
    multifamily: { value: 0.0141, asOf: "2025-Q3", source: `${CBRE}: multifamily 141 bp` },
  },
};

/** The table's row for a lender. */
export function marketRow(lender: MarketLender, table: MarketTable = MARKET_2025): MarketRow {
  const row = table.rows.find((r) => r.lender === lender);
  if (!row) throw new Error(`market table: no row for ${lender}`);
  return row;
}

/** A lender's rate in the table: its base rate plus its spread. */
export function marketRate(lender: MarketLender, table: MarketTable = MARKET_2025): number {
  const row = marketRow(lender, table);
  return table.bases[row.base].value + row.spread.value;
}

/** The last day of a figure's period (`2024` → 2024-12-31, `2025-Q3` → 2025-09-30, `2025-11` → 2025-11-30), ISO. */
export function periodEnd(asOf: string): string {
  const day = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(asOf))) return `${m[1]}-12-31`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(asOf))) return day(Number(m[1]), Number(m[2]) * 3);
  if ((m = /^(\d{4})-(\d{2})$/.exec(asOf))) return day(Number(m[1]), Number(m[2]));
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return asOf;
  throw new Error(`market table: cannot read the date ${asOf}`);
}

/** Days a figure trails the table it is in (0 when as recent or later); the sheet flags those beyond STALE_DAYS. */
export function daysOlder(figure: MarketFigure, table: MarketTable = MARKET_2025): number {
  return Math.max(0, excelDate(table.asOf) - excelDate(periodEnd(figure.asOf)));
}

/** A figure, or the table at the analysis date, older than six months is flagged (issue 22). */
export const STALE_DAYS = 183;

/**
 * Today in the analyst's own calendar (the machine's time zone), as YYYY-MM-DD: the analysis
 * date the pane writes (a value, not TODAY()) and the CLI's default `--as-of`. Local, not UTC:
 * in the evening west of Greenwich, UTC is already tomorrow.
 */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An ISO date (`2025-11-30`) as an Excel date serial (days since 30 December 1899). */
export function excelDate(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
