/**
 * The sheet builder every plan is written with: it places labelled rows top to bottom,
 * constants (inputs, blue) and formulas (black) with their number formats, and names; then
 * hands back the plan (plain data, see plan.ts). A template's sheet is a sequence of
 * section builders, each a function that writes its rows with one of these and returns the
 * cells (addresses or names) later sections refer to.
 */
import { column } from "./a1";
import { wrapLongText } from "./page";
import {
  FORMULA_COLOR,
  INPUT_COLOR,
  type PlanCell,
  type PlanConditionalFormat,
  type PlanName,
  type PlanValue,
  type SheetPlan,
} from "./plan";

/** Number formats a sheet uses, by name: `{ money: "#,##0" }`. */
export type Formats = Readonly<Record<string, string>>;

/** What a plan has besides its cells and names. */
export type SheetLayout = Omit<SheetPlan, "cells" | "names" | "conditionalFormats">;

/** A paragraph line's most characters: about 900 points of Calibri 11, within a deal sheet's width. */
export const PARAGRAPH_CHARS = 160;

/** A text broken between words into lines of at most `chars` characters (a longer word keeps its own line). */
export function lines(text: string, chars: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || out.length === 0) out.push(line);
  return out;
}

/** The sheet's grid as it is filled, row by row; `F` names its number formats. */
export class SheetBuilder<F extends Formats> {
  private readonly cells: PlanCell[] = [];
  private readonly names: PlanName[] = [];
  private readonly conditionalFormats: PlanConditionalFormat[] = [];
  /** The last row used, 1-based (0 before the first). */
  row = 0;
  /** How many section headings have been written: a section's own column headings are written once in it. */
  section = 0;
  /** Per kind of column headings, the section that last wrote them. */
  private readonly headed = new Map<string, number>();

  constructor(private readonly formats: F) {}

  /** Moves to a new row, after `gap` blank ones; returns its number. */
  next(gap = 0): number {
    this.row += 1 + gap;
    return this.row;
  }

  /** Text at a cell. */
  text(col: string, row: number, value: string, bold = false): void {
    this.cells.push(bold ? { address: `${col}${row}`, value, bold } : { address: `${col}${row}`, value });
  }

  /**
   * A paragraph down column A, one row per line of at most `chars` characters (broken
   * between words), each line running on over the empty columns to its right; returns the
   * rows. Long notes print at the sheet's width this way, where one wrapped cell would be a
   * column-wide tower of text.
   */
  paragraph(value: string, chars = PARAGRAPH_CHARS, gap = 0): number[] {
    return lines(value, chars).map((line, i) => {
      const r = this.next(i === 0 ? gap : 0);
      this.text("A", r, line);
      return r;
    });
  }

  /** Wraps the text of the cell at `address` within its column (a formula whose text may be long). */
  wrap(address: string): void {
    // From the end: the cell is usually the one just written (a row per guarantor of a long book).
    let i = this.cells.length - 1;
    while (i >= 0 && this.cells[i].address !== address) i--;
    if (i >= 0) this.cells[i] = { ...this.cells[i], wrap: true };
  }

  /** An input: a constant in blue; named when `name` is given. Returns the name, or the address. */
  input(col: string, row: number, value: PlanValue, fmt?: keyof F, name?: string): string {
    const address = `${col}${row}`;
    this.cells.push({ address, value, fontColor: INPUT_COLOR, ...this.format(fmt) });
    return name ? this.name(name, address) : address;
  }

  /** A formula in black; named when `name` is given. Returns the name, or the address. */
  formula(col: string, row: number, formula: string, fmt?: keyof F, name?: string, bold?: boolean): string {
    const address = `${col}${row}`;
    this.cells.push({ address, formula, fontColor: FORMULA_COLOR, ...this.format(fmt), ...(bold ? { bold } : {}) });
    return name ? this.name(name, address) : address;
  }

  /** Names a cell or range of the sheet (scoped to it); returns the name. */
  name(name: string, address: string): string {
    this.names.push({ name, address });
    return name;
  }

  /** Shades a range by its values (a color scale, see plan.ts); returns the range. */
  conditionalFormat(format: PlanConditionalFormat): string {
    this.conditionalFormats.push(format);
    return format.range;
  }

  /** A new row (after `gap` blank ones) with a bold title in A and bold column headings from B on; returns the row. */
  heading(title: string, gap = 0, headings: readonly string[] = []): number {
    this.section += 1;
    const r = this.next(gap);
    this.text("A", r, title, true);
    this.headings(r, headings, 1);
    return r;
  }

  /**
   * A row of column headings (from column index `from`) unless the current section already has
   * this kind (`key`): so every block of like rows has its columns named above it, in print and on
   * screen, whichever section it is in. Returns whether it wrote one.
   */
  sectionHeadings(key: string, headings: readonly string[], from = 1): boolean {
    if (this.headed.get(key) === this.section) return false;
    this.markHeaded(key);
    this.headings(this.next(), headings, from);
    return true;
  }

  /** Marks the current section as having its `key` headings already (a row written otherwise). */
  markHeaded(key: string): void {
    this.headed.set(key, this.section);
  }

  /** Bold headings along a row, from column index `from` (0 = A). */
  headings(row: number, headings: readonly string[], from = 0): void {
    headings.forEach((h, i) => this.text(column(from + i), row, h, true));
  }

  /** A new row with its label in A; returns the row. */
  label(label: string, gap = 0): number {
    const r = this.next(gap);
    this.text("A", r, label);
    return r;
  }

  /** A labelled row of inputs in B, C, …; returns their addresses. */
  inputRow(label: string, values: readonly PlanValue[], fmt?: keyof F): string[] {
    const r = this.label(label);
    return values.map((v, i) => this.input(column(i + 1), r, v, fmt));
  }

  /** A labelled row of formulas in B, C, …; returns their addresses. */
  formulaRow(label: string, formulas: readonly string[], fmt?: keyof F): string[] {
    const r = this.label(label);
    return formulas.map((f, i) => this.formula(column(i + 1), r, f, fmt));
  }

  /** The plan: the cells and names written, with the layout given. */
  build(layout: SheetLayout): SheetPlan {
    return wrapLongText({
      ...layout,
      cells: this.cells,
      ...(this.names.length ? { names: this.names } : {}),
      ...(this.conditionalFormats.length ? { conditionalFormats: this.conditionalFormats } : {}),
    });
  }

  private format(fmt: keyof F | undefined): { numberFormat?: string } {
    return fmt === undefined ? {} : { numberFormat: this.formats[fmt] };
  }
}
