/**
 * What the deal sheet's sections share: its number formats, the name and label of each
 * input, the resolved deal (template, inputs, options) and the sheet builder they write with.
 *
 * Columns: A labels; B recourse; C non-recourse; D the difference; E the source or a note;
 * G:J the LOAN.QUALIFY thresholds beside the inputs, and the chart beside the sensitivity table.
 */
import { BOOLEAN_FORMAT, FORMATS, type PlanValue } from "../plan";
import { SheetBuilder } from "../sheet";
import type { InputFormat } from "../templates/inputs";
import type { DownsideCells } from "./downside";
import type { CarveoutCells, CriteriaCells, InputCells, ScenarioCells, ThresholdCells } from "./inputs";
import type { MaturityCells } from "./maturity";
import type { ReadingCells } from "./reading";
import type { ReturnsCells } from "./returns";
import type { OutcomeCells, TermCells } from "./side-by-side";
import type { Carveout, DealInputs, DealTemplate } from "../templates/types";

export const DEAL_FORMATS = {
  ...FORMATS,
  money: "#,##0",
  ratio: '0.00"x"',
  share: "0.0%",
  decimal: "0.0",
  date: "yyyy-mm-dd",
  /** A formula's TRUE or FALSE: shown so by LibreOffice too (under a style's General it shows 1 or 0). */
  bool: BOOLEAN_FORMAT,
} as const satisfies Record<InputFormat, string> & Record<string, string>;

export type Fmt = keyof typeof DEAL_FORMATS;

/** The deal sheet's builder. */
export type DealSheet = SheetBuilder<typeof DEAL_FORMATS>;

export function dealSheet(): DealSheet {
  return new SheetBuilder(DEAL_FORMATS);
}

/** The column of sources and notes. */
export const NOTE = "E";

/** The sheet-scoped name and the label of each input: views of the input records (templates/inputs.ts). */
export { INPUT_LABELS, INPUT_NAMES } from "../templates/inputs";

export interface DealOptions {
  /** Carveouts to stress under non-recourse; default: the template's. */
  readonly carveouts?: readonly Carveout[];
  /** The state whose law applies; default: the template's. */
  readonly state?: string;
  /** A second state to compare; default: the template's (null: none). */
  readonly compareState?: string | null;
  /** The sheet name wanted; default: the template's. */
  readonly sheetName?: string;
  /** The year of the downside's default (1 to the hold); default: the template's downside. */
  readonly defaultYear?: number;
  /**
   * The analysis date (ISO, `2026-12-07`): the pane passes the day of insertion, the CLI --as-of
   * or today; default: the market table's date.
   */
  readonly asOf?: string;
  /**
   * Where the guarantor's other contingent liabilities come from: a reference to a cell of another
   * sheet, such as a portfolio's "other contingent liabilities of its guarantor" for this loan's row
   * (`'Portfolio'!$Z$29`, see src/plan/portfolio). The input `OtherContingentLiabilities` is then
   * written as a formula of that reference; default: a constant (0, the template's assumption).
   */
  readonly otherLiabilitiesFrom?: string;
}

/** A template with the analyst's inputs and options applied: what the sections write. */
export interface Deal {
  readonly template: DealTemplate;
  readonly inputs: DealInputs;
  readonly carveouts: readonly Carveout[];
  readonly compareState?: string;
  /** The downside's assumptions: the template's, with the analyst's default year. */
  readonly downside: NonNullable<DealTemplate["downside"]>;
  /** The analysis date (ISO), when given. */
  readonly asOf?: string;
  /** The reference the guarantor's other contingent liabilities are read from, when given (DealOptions). */
  readonly otherLiabilitiesFrom?: string;
}

/**
 * What a section reads: the sheet, the deal, and the cells earlier sections returned. A section
 * takes the part it needs (`Pick<DealContext, "s" | "inp" | "terms">`); buildDealPlan passes the
 * context as it stands when the section runs.
 */
export interface DealContext {
  readonly s: DealSheet;
  readonly deal: Deal;
  readonly inp: InputCells;
  readonly thresholds: ThresholdCells;
  readonly criteria: CriteriaCells;
  readonly carveouts: CarveoutCells;
  readonly scenarios: readonly ScenarioCells[];
  readonly terms: TermCells;
  readonly returns: ReturnsCells;
  readonly outcomes: OutcomeCells;
  readonly downside: DownsideCells;
  readonly maturity: MaturityCells;
  readonly reading: ReadingCells;
}

export function resolveDeal(template: DealTemplate, inputs: Partial<DealInputs>, options: DealOptions): Deal {
  const compareState = options.compareState === null ? undefined : (options.compareState ?? template.compareState);
  return {
    template,
    inputs: { ...template.inputs, ...inputs, ...(options.state ? { state: options.state } : {}) },
    carveouts: options.carveouts ?? template.carveouts,
    ...(compareState ? { compareState } : {}),
    downside: {
      ...template.downside,
      ...(options.defaultYear !== undefined ? { defaultYear: options.defaultYear } : {}),
    },
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.otherLiabilitiesFrom ? { otherLiabilitiesFrom: options.otherLiabilitiesFrom } : {}),
  };
}

/** Two cells of one row of the side-by-side table: recourse (B) and non-recourse (C). */
export interface Pair {
  readonly r: string;
  readonly n: string;
}

/** A section's heading (after a blank row) with its note in the note column; returns its row. */
export function notedHeading(s: DealSheet, title: string, note: string, headings: readonly string[] = []): number {
  const top = s.heading(title, 1, headings);
  s.text(NOTE, top, note);
  return top;
}

/** A labelled input row: the value in B (blue, named `name`), its source or assumption in the note column. */
export function noteInput(
  s: DealSheet,
  label: string,
  value: PlanValue,
  fmt: Fmt | undefined,
  name: string,
  note: string,
): string {
  const r = s.label(label);
  s.text(NOTE, r, note);
  return s.input("B", r, value, fmt, name);
}

/**
 * A row of the side-by-side table: the label, the recourse and non-recourse formulas, their
 * difference in D (unless `diff` is false) and a note in E. Returns the cells and the row.
 */
/** The columns of a block of recourse / non-recourse rows (B:D), the one sign convention stated. */
export const PAIR_HEADINGS = ["Recourse", "Non-recourse", "Non-recourse − recourse"] as const;

/** The pair columns' headings, once per section, above its first row of recourse / non-recourse figures. */
export function pairHeadings(s: DealSheet): void {
  s.sectionHeadings("pair", PAIR_HEADINGS);
}

export function pairRow(
  s: DealSheet,
  label: string,
  recourse: string,
  nonRecourse: string,
  fmt: Fmt,
  opts: { diff?: boolean; note?: string } = {},
): Pair & { row: number } {
  pairHeadings(s);
  const r = s.label(label);
  const cr = s.formula("B", r, recourse, fmt);
  const cn = s.formula("C", r, nonRecourse, fmt);
  if (opts.diff !== false) s.formula("D", r, `=${cn}-${cr}`, fmt);
  if (opts.note) s.text(NOTE, r, opts.note);
  return { r: cr, n: cn, row: r };
}
