/**
 * The task pane's deal form as plain logic, no DOM: which inputs of a template the pane
 * shows, how the text typed into them is read (as Excel reads it typed into the input's cell
 * on the sheet: the preview's own reader, src/preview/entry.ts, with the cell's number
 * format, so "6.85%", "6.85" and "0.0685" are one rate, "$6,450,000" a number and "(300)"
 * −300) and checked (with the LOAN functions' own declared parameters, so the message beside
 * a field is the one Excel would show for the same value), how a value read is shown (the
 * cell's format, every decimal kept: "6,450,000", "6.85%"), and how the form becomes the
 * template, inputs and options buildDealPlan takes.
 */
import { CARVEOUT_CATALOGUE, type CarveoutEntry } from "../core/carveouts";
import { Fault } from "../core/fault";
import { BALANCE } from "../core/financing";
import { DEFICIENCY_ALLOWED, STATE_CODES, STATE_RULE } from "../core/statelaw";
import type { Param } from "../core/args";
import { FORM_MESSAGES } from "./messages";
import { dealChecks, type DealCheckResult } from "../plan/deal/checks";
import { DOWNSIDE_DEFAULTS } from "../plan/deal/downside";
import { DEAL_FORMATS } from "../plan/deal/layout";
import { parseEntry } from "../preview/entry";
import { findTemplate, TEMPLATES, type Carveout, type DealInputs, type DealTemplate } from "../plan/templates";
import { DEAL_INPUTS, INPUT_KEYS, type InputKey, type InputSpec } from "../plan/templates/inputs";

/** The numeric inputs the pane lets the analyst edit: those whose record has a hint (templates/inputs.ts). */
type PaneInput = {
  [K in InputKey]: (typeof DEAL_INPUTS)[K] extends { readonly hint: string } ? K : never;
}[InputKey];

/** The pane's fields: the deal inputs with a hint, then the downside's default year (an option of the plan). */
export type FieldKey = PaneInput | "defaultYear";

export interface Field {
  readonly key: FieldKey;
  readonly label: string;
  /** A hint under the label (units and conventions). */
  readonly hint: string;
  /** The number format of the input's cell on the sheet: how typed text is read (a percentage…) and shown. */
  readonly format: string;
  /** The LOAN function parameter whose rule the value must meet. */
  readonly param: Param<unknown>;
  /** Extra rule of the sheet beyond the parameter's (e.g. whole months). */
  readonly check?: (v: number) => string | undefined;
  /** Blank is allowed and means 0 (the rates and points: 0 takes the market table's figure). */
  readonly blankIsZero?: boolean;
}

const wholeMonths = (v: number): string | undefined =>
  Number.isInteger(v * 12) ? undefined : FORM_MESSAGES.wholeMonths;

/** An input's field, from its record. */
function inputField(key: PaneInput): Field {
  const spec: InputSpec<unknown> = DEAL_INPUTS[key];
  if (!spec.hint || !spec.rule) throw new Error(`the input ${key} has no hint or rule for the pane`);
  const format = spec.format ? DEAL_FORMATS[spec.format] : "General";
  return {
    key,
    label: spec.label,
    hint: format.includes("%") ? percentHint(spec.hint) : spec.hint,
    format,
    param: spec.rule,
    ...(spec.wholeMonths ? { check: wholeMonths } : {}),
    ...(spec.blankIsZero ? { blankIsZero: true } : {}),
  };
}

/**
 * A percentage field's hint, as the field reads it: the input's hint ("Decimal: 6.85 % is 0.0685; …") told as
 * Excel reads a percentage cell, where "6.85%", "0.0685" and (1 or more) "6.85" are the same.
 */
function percentHint(hint: string): string {
  const m = /^Decimal: ([\d.]+) (?:%|points) is ([\d.]+)(.*)$/.exec(hint);
  return m ? FORM_MESSAGES.percentHint(m[1], m[2], Number(m[1]) >= 1) + m[3] : hint;
}

export const FIELDS: readonly Field[] = [
  ...INPUT_KEYS.filter((k): k is PaneInput => DEAL_INPUTS[k].hint !== undefined).map(inputField),
  {
    key: "defaultYear",
    label: "Default year (the downside's DefaultYear)",
    hint: "Years from closing: 1 to the hold",
    format: DEAL_FORMATS.years,
    param: BALANCE.param.yearsElapsed,
    check: (v) => (v < 1 ? FORM_MESSAGES.defaultYearAtLeastOne : wholeMonths(v)),
  },
];

/** The default year a template's downside assumes. */
export function defaultYearOf(template: DealTemplate): number {
  return template.downside?.defaultYear ?? DOWNSIDE_DEFAULTS.defaultYear;
}

export { FORM_MESSAGES } from "./messages";

/** What the analyst has typed and chosen. */
export interface FormState {
  readonly templateId: string;
  readonly values: Readonly<Record<FieldKey, string>>;
  readonly carveouts: readonly string[];
  readonly state: string;
}

/** The form as a template shows it first. */
export function initialState(template: DealTemplate = TEMPLATES[0]): FormState {
  const initial = (key: FieldKey): number => (key === "defaultYear" ? defaultYearOf(template) : template.inputs[key]);
  const values = Object.fromEntries(FIELDS.map((f) => [f.key, showValue(f, initial(f.key))])) as Record<
    FieldKey,
    string
  >;
  return {
    templateId: template.id,
    values,
    carveouts: template.carveouts.map((c) => c.code),
    state: template.inputs.state,
  };
}

/**
 * Reads one field's text as Excel reads it typed into the input's cell (src/preview/entry.ts: percent, currency,
 * thousands separators, parentheses for negatives, the cell's percent format) and checks it with the function
 * parameter's rule; returns the number or the message.
 */
export function checkField(field: Field, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return field.blankIsZero ? { value: 0 } : { error: FORM_MESSAGES.required };
  const entry = parseEntry(trimmed, field.format);
  // Anything the sheet would not take for a number goes to the parameter as typed (its message names the text).
  const raw: unknown = typeof entry.content === "number" ? entry.content : trimmed;
  const read = field.param.read(raw);
  if (read instanceof Fault) return { error: inWords(read, field.label) };
  const value = read as number;
  const extra = field.check?.(value);
  return extra ? { error: extra } : { value };
}

/**
 * A value as the field shows it once read: as its cell's format shows it (thousands separators, a percentage),
 * with every decimal it has (to 12 significant digits), so that the text reads back as the same value.
 */
export function showValue(field: Pick<Field, "format">, value: number): string {
  const percent = field.format.includes("%");
  const n = Number((percent ? value * 100 : value).toPrecision(12));
  const places = /\.(0+)/.exec(field.format)?.[1].length ?? 0;
  const text = n.toLocaleString("en-US", {
    minimumFractionDigits: places,
    maximumFractionDigits: 10,
    useGrouping: field.format.includes(","),
  });
  return percent ? `${text}%` : text;
}

/**
 * A parameter's message as the form shows it: naming the field by its label (without the
 * label's parenthetical note), not by the parameter: "Loan amount must be at least 0; …".
 */
export function inWords(fault: Fault, label: string): string {
  const arg = fault.arg;
  if (arg === undefined || !fault.message.startsWith(`${arg} `)) return fault.message;
  return `${label.replace(/\s*\([^)]*\)$/, "")}${fault.message.slice(arg.length)}`;
}

export type FormResult =
  | {
      readonly ok: true;
      readonly template: DealTemplate;
      readonly inputs: Partial<DealInputs>;
      readonly carveouts: readonly Carveout[];
      readonly state: string;
      /** The year of the downside's default, 1 to the hold (buildDealPlan's defaultYear option). */
      readonly defaultYear: number;
    }
  | {
      readonly ok: false;
      readonly errors: Readonly<Partial<Record<FieldKey | "template", string>>>;
      readonly summary: string;
    };

/** The form → buildDealPlan's arguments, or every field's message. */
export function readForm(form: FormState): FormResult {
  const template = findTemplate(form.templateId);
  if (!template)
    return {
      ok: false,
      errors: { template: FORM_MESSAGES.unknownTemplate(form.templateId) },
      summary: FORM_MESSAGES.unknownTemplate(form.templateId),
    };
  const errors: Partial<Record<FieldKey, string>> = {};
  const values: Partial<Record<FieldKey, number>> = {};
  for (const field of FIELDS) {
    const checked = checkField(field, form.values[field.key] ?? "");
    if ("error" in checked) errors[field.key] = checked.error;
    else values[field.key] = checked.value;
  }
  // A default past the hold is a deal check (blocking: the sheet marks the verdict not reliable), not a field error.
  const { defaultYear, ...inputs } = values;
  const count = Object.keys(errors).length;
  if (count > 0) return { ok: false, errors, summary: FORM_MESSAGES.invalid(count) };
  const codes = new Set(form.carveouts.map((c) => c.toUpperCase()));
  const carveouts = CARVEOUT_CATALOGUE.filter((c) => codes.has(c.code)).map((c) => ({ code: c.code, loss: 0 }));
  return { ok: true, template, inputs, carveouts, state: form.state, defaultYear: defaultYear as number };
}

/** The carveouts the pane offers, as the catalogue lists them. */
export function carveoutChoices(): readonly (CarveoutEntry & { readonly label: string })[] {
  return CARVEOUT_CATALOGUE.map((c) => ({
    ...c,
    label: `${c.act} (${c.consequence === "FULL" ? "full recourse" : "loss only"})`,
  }));
}

/**
 * The states the pane offers: each with whether the state table knows if a deficiency may
 * follow a trustee sale or a judicial foreclosure (where it knows neither, the sheet shows
 * #N/A naming the field); states that foreclose in court only are marked so.
 */
export function stateChoices(): readonly { readonly code: string; readonly known: boolean; readonly label: string }[] {
  return STATE_CODES.map((code) => {
    const trusteeSale = !(DEFICIENCY_ALLOWED(code) instanceof Fault);
    const known = trusteeSale || !(DEFICIENCY_ALLOWED(code, "JUDICIAL") instanceof Fault);
    const courtOnly = STATE_RULE(code, "NONJUDICIAL_DEFICIENCY") === "NO_POWER_OF_SALE";
    const label = !known
      ? `${code} (not in the state table yet: #N/A)`
      : courtOnly
        ? `${code} (judicial foreclosure only)`
        : code;
    return { code, known, label };
  });
}

/**
 * The deal checks the sheet will compute, run on what the form holds (the fields that read as
 * numbers; the others keep the template's figure): what the pane shows before inserting.
 */
export function formChecks(form: FormState, asOf: string): DealCheckResult {
  const template = findTemplate(form.templateId) ?? TEMPLATES[0];
  const values: Partial<Record<FieldKey, number>> = {};
  for (const field of FIELDS) {
    const checked = checkField(field, form.values[field.key] ?? "");
    if ("value" in checked) values[field.key] = checked.value;
  }
  const { defaultYear, ...inputs } = values;
  const known = stateChoices().find((c) => c.code === form.state)?.known ?? false;
  return dealChecks(template, inputs, {
    state: form.state,
    asOf,
    stateKnown: known,
    ...(defaultYear !== undefined ? { defaultYear } : {}),
  });
}
