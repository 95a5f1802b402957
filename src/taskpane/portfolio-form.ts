/**
 * The task pane's portfolio form as plain logic, no DOM: the stress the portfolio sheet's rows
 * follow (its four named inputs), each field read as Excel reads what is typed into the input's
 * cell (src/preview/entry.ts, with the cell's number format: "-35%" and "-0.35" are one share),
 * checked against its range, and shown as its cell shows it. The loans are the worked example's;
 * the analyst edits them on the sheet.
 */
import { parseEntry } from "../preview/entry";
import { DEFAULT_STRESS, type Stress } from "../plan/portfolio/book";
import { PORTFOLIO_FORMATS } from "../plan/portfolio";
import { showValue } from "./deal-form";
import { PORTFOLIO_PANE_TEXT as M } from "./messages";

export interface PortfolioField {
  readonly key: keyof Stress;
  readonly label: string;
  readonly hint: string;
  /** The number format of the input's cell: how typed text is read and shown. */
  readonly format: string;
  readonly low: number;
  readonly high: number;
  readonly whole?: boolean;
}

export const PORTFOLIO_FIELDS: readonly PortfolioField[] = [
  {
    key: "rateShockBp",
    label: "Rate shock (bp)",
    hint: "Added to every loan's rate: 200 is 2 points; 0 for a fixed-rate book",
    format: "0",
    low: -1000,
    high: 2000,
  },
  {
    key: "valueShock",
    label: "Value shock",
    hint: "Change in every property's value: -35% (or -0.35) is a 35 % fall",
    format: PORTFOLIO_FORMATS.share,
    low: -1,
    high: 1,
  },
  {
    key: "noiShock",
    label: "NOI shock",
    hint: "Change in every property's NOI: -20% is a 20 % fall",
    format: PORTFOLIO_FORMATS.share,
    low: -1,
    high: 1,
  },
  {
    key: "stressYear",
    label: "Stress year",
    hint: "Years from closing: each loan's balance then (at most its term)",
    format: "0",
    low: 1,
    high: 50,
    whole: true,
  },
];

export type PortfolioValues = Readonly<Record<keyof Stress, string>>;

/** The form's fields as the worked example's stress shows them. */
export function initialPortfolioValues(stress: Stress = DEFAULT_STRESS): PortfolioValues {
  const out = {} as Record<keyof Stress, string>;
  for (const f of PORTFOLIO_FIELDS) out[f.key] = showValue(f, stress[f.key]);
  return out;
}

/** One field read and checked: its value, or the message to show beside it. */
export function checkPortfolioField(field: PortfolioField, text: string): { value: number } | { error: string } {
  const entry = parseEntry(text, field.format);
  if (typeof entry.content !== "number" || !Number.isFinite(entry.content)) return { error: M.notANumber(field.label) };
  const value = entry.content;
  if (value < field.low || value > field.high)
    return { error: M.outOfRange(field.label, showValue(field, field.low), showValue(field, field.high)) };
  if (field.whole && !Number.isInteger(value)) return { error: M.wholeYear(field.label) };
  return { value };
}

/** The whole form: the stress, or a message per field in error. */
export function readPortfolioForm(
  values: PortfolioValues,
): { ok: true; stress: Stress } | { ok: false; errors: Partial<Record<keyof Stress, string>> } {
  const stress = {} as Record<keyof Stress, number>;
  const errors: Partial<Record<keyof Stress, string>> = {};
  for (const f of PORTFOLIO_FIELDS) {
    const checked = checkPortfolioField(f, values[f.key]);
    if ("error" in checked) errors[f.key] = checked.error;
    else stress[f.key] = checked.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, stress };
}
