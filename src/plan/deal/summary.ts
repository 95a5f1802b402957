/**
 * The summary at the top of the deal sheet (after the title and the column headings, before
 * the inputs): the verdict and the figures it rests on, each a formula that is the cell it
 * summarizes further down. Its rows are reserved first (`reserveSummary`) and filled last
 * (`summarySection`), from the cells the other sections return; one landscape page, A:E.
 */
import { type DealSheet, type Fmt, NOTE, type Pair } from "./layout";

/** The figures the summary shows: cells (addresses or names) the sections returned. */
export interface SummaryFigures {
  readonly verdict: string;
  readonly conditions: string;
  /** The verdict under the compared state's law (VerdictCompared), when the template compares two. */
  readonly comparedVerdict?: string;
  /** Each structure's loan: its proceeds. */
  readonly loan: Pair;
  /** Each structure's equity, levered IRR and year-1 cash-on-cash (Equity, LeveredIRR, CashOnCash). */
  readonly equity: Pair;
  readonly irr: Pair;
  readonly cashOnCash: Pair;
  readonly premiumPV: string;
  /** The cost of the choice of lender, where the template compares two (LenderChoiceCost). */
  readonly lenderChoiceCost?: string;
  readonly putValue: string;
  /** The put spread up to what recourse could collect (ProtectionValue). */
  readonly protectionValue: string;
  /** What the guarantor could be made to pay (CollectibleCapacity). */
  readonly capacity: string;
  readonly fairSpread: string;
  /** The rate premium charged (non-recourse rate − recourse rate), beside the fair spread. */
  readonly rate: Pair;
  readonly defaultProbability: string;
  /** The foreclosure the lender takes at the default under the deal's law (LenderRemedy). */
  readonly remedy: string;
  /** What the lender may pursue from the borrower at the default. */
  readonly pursue: Pair;
  /** The guarantor's personal exposure at the default (PersonalExposure). */
  readonly exposure: Pair;
  /** The cash each structure needs at maturity to refinance (RefiGap). */
  readonly refiGap: Pair;
  /** Yield maintenance, defeasance or the step-down at the early sale year (ExitCost). */
  readonly exitCost: Pair;
}

/** The summary's labels, by the figure each row shows. */
export const SUMMARY = {
  verdict: "Verdict (its criteria: the Verdict section below)",
  conditions: "Conditions beside it",
  comparedVerdict: "Verdict under the compared state's law (VerdictCompared)",
  loan: "Loan under each structure (proceeds)",
  equity: "Equity at closing (Equity)",
  irr: "Levered IRR over the hold (LeveredIRR)",
  cashOnCash: "Cash-on-cash, year 1 (CashOnCash)",
  premiumPV: "Premium of non-recourse, like for like, present value (PremiumPV)",
  lenderChoiceCost: "Cost of the choice of lender, apart (LenderChoiceCost)",
  putValue: "Put value, were every deficiency collectible (PutValue)",
  capacity: "Guarantor's collectible capacity (CollectibleCapacity)",
  protectionValue: "Protection value of non-recourse (ProtectionValue)",
  fairSpread: "Fair spread a year (FairSpread)",
  defaultProbability: "Default probability at the hold, real-world",
  remedy: "The lender's remedy at the default (LenderRemedy)",
  pursue: "Lender may pursue from the borrower at the default",
  exposure: "Personal exposure of the guarantor at the default (PersonalExposure)",
  refiGap: "Refinance gap at maturity (RefiGap)",
  exitCost: "Exit cost of an early sale (ExitCost)",
} as const satisfies Partial<Record<keyof SummaryFigures, string>>;

type Line =
  | {
      readonly kind: "text";
      readonly cell: keyof typeof SUMMARY;
      readonly bold?: boolean;
      /** Shown only when the figure is given (the compared state's verdict). */
      readonly optional?: boolean;
    }
  | { readonly kind: "pair"; readonly cell: keyof typeof SUMMARY; readonly fmt: Fmt }
  | {
      readonly kind: "one";
      readonly cell: keyof typeof SUMMARY;
      readonly col: "C" | "D";
      readonly fmt: Fmt;
      /** Shown only when the figure is given (the choice of lender). */
      readonly optional?: boolean;
      /** Text, or a function of the figures giving a formula. */
      readonly note: string | ((f: SummaryFigures) => string);
    };

/** The summary's rows, top to bottom: the label, the figure and where it goes. */
export const SUMMARY_LINES: readonly Line[] = [
  { kind: "text", cell: "verdict", bold: true },
  { kind: "text", cell: "conditions" },
  { kind: "text", cell: "comparedVerdict", optional: true },
  { kind: "pair", cell: "loan", fmt: "money" },
  { kind: "pair", cell: "equity", fmt: "money" },
  { kind: "pair", cell: "irr", fmt: "rate" },
  { kind: "pair", cell: "cashOnCash", fmt: "rate" },
  {
    kind: "one",
    cell: "premiumPV",
    col: "D",
    fmt: "money",
    note: "The same lender's price of non-recourse, at the risk-free rate (methodology §6)",
  },
  {
    kind: "one",
    cell: "lenderChoiceCost",
    col: "D",
    fmt: "money",
    optional: true,
    note: "The two quotes all-in, less PremiumPV: the lender, not recourse (methodology §6)",
  },
  {
    kind: "one",
    cell: "putValue",
    col: "D",
    fmt: "money",
    note: "The whole put: an upper bound (methodology §16)",
  },
  {
    kind: "one",
    cell: "capacity",
    col: "D",
    fmt: "money",
    note: "Liquidity and what else a lender could reach, less other claims (methodology §10)",
  },
  {
    kind: "one",
    cell: "protectionValue",
    col: "D",
    fmt: "money",
    note: "What recourse could collect, valued as a put spread: the verdict's measure (methodology §16)",
  },
  {
    kind: "one",
    cell: "fairSpread",
    col: "D",
    fmt: "rate",
    note: () =>
      `="The rate premium the protection is worth; the same lender charges "&ROUND(LikeRatePremium*10000,0)&" bp a year"`,
  },
  {
    kind: "one",
    cell: "defaultProbability",
    col: "C",
    fmt: "share",
    note: "The non-recourse claim at the hold against the value (LOAN.DEFAULT_PROBABILITY)",
  },
  { kind: "text", cell: "remedy" },
  { kind: "pair", cell: "pursue", fmt: "money" },
  {
    kind: "pair",
    cell: "exposure",
    fmt: "money",
  },
  { kind: "pair", cell: "refiGap", fmt: "money" },
  { kind: "pair", cell: "exitCost", fmt: "money" },
];

/** Which optional lines a sheet has: the compared state's verdict, the choice of lender. */
export interface SummaryOptions {
  readonly compared: boolean;
  readonly lenderChoice: boolean;
}

/** The summary's lines for a sheet: every line, less the optional ones it has no figure for. */
export function summaryLines(o: SummaryOptions): readonly Line[] {
  return SUMMARY_LINES.filter((l) => {
    if (l.kind === "text" && l.optional) return o.compared;
    if (l.kind === "one" && l.optional) return o.lenderChoice;
    return true;
  });
}

/**
 * Reserves the summary's rows (its heading and lines) below the header, with the optional lines
 * the sheet will have; returns the heading's row.
 */
export function reserveSummary(s: DealSheet, o: SummaryOptions): number {
  const top = s.next();
  s.row += summaryLines(o).length;
  return top;
}

/** Fills the reserved rows from `top` with the figures. */
export function summarySection(s: DealSheet, top: number, f: SummaryFigures): void {
  s.text("A", top, "Summary", true);
  s.text(NOTE, top, "Each figure is the cell it summarizes, further down the sheet");
  summaryLines({ compared: f.comparedVerdict !== undefined, lenderChoice: f.lenderChoiceCost !== undefined }).forEach(
    (line, i) => {
      const r = top + 1 + i;
      s.text("A", r, SUMMARY[line.cell], line.kind === "text" && line.bold);
      const cell = f[line.cell];
      if (line.kind === "pair") {
        const p = cell as Pair;
        s.formula("B", r, `=${p.r}`, line.fmt);
        s.formula("C", r, `=${p.n}`, line.fmt);
        // A figure that is a message (a year outside a table) leaves the difference blank, not #VALUE!.
        s.formula("D", r, `=IF(AND(ISNUMBER(${p.r}),ISNUMBER(${p.n})),${p.n}-${p.r},"")`, line.fmt);
      } else if (line.kind === "one") {
        s.formula(line.col, r, `=${cell as string}`, line.fmt);
        if (typeof line.note === "string") s.text(NOTE, r, line.note);
        else s.formula(NOTE, r, line.note(f));
      } else s.formula("B", r, `=${cell as string}`, undefined, undefined, line.bold);
    },
  );
}
