/**
 * The task pane's deal form as plain logic, no DOM: which inputs of a template the pane
 * shows, how the text typed into them is checked (with the LOAN functions' own declared
 * parameters, so the message beside a field is the one Excel would show for the same value),
 * and how the form becomes the template, inputs and options buildDealPlan takes.
 */
import { CARVEOUT_CATALOGUE, type CarveoutEntry } from "../core/carveouts";
import { DSCR, LTV } from "../core/coverage";
import { Fault } from "../core/fault";
import { BALANCE, PAYMENT } from "../core/financing";
import { QUALIFY } from "../core/lender";
import { DEFICIENCY, NONRECOURSE_PREMIUM } from "../core/recourse";
import { DEFICIENCY_ALLOWED, STATE_CODES, STATE_RULE } from "../core/statelaw";
import type { Param } from "../core/args";
import { FORM_MESSAGES } from "./messages";
import { INPUT_LABELS } from "../plan/deal";
import { DOWNSIDE_DEFAULTS } from "../plan/deal/downside";
import { findTemplate, TEMPLATES, type Carveout, type DealInputs, type DealTemplate } from "../plan/templates";

/** The numeric inputs the pane lets the analyst edit. */
export type FieldKey =
  | "propertyValue"
  | "noi"
  | "loanAmount"
  | "recourseRate"
  | "nonRecourseRate"
  | "recoursePoints"
  | "nonRecoursePoints"
  | "amortYears"
  | "holdYears"
  | "occupancy"
  | "netWorth"
  | "liquidity"
  | "foreclosureCosts"
  | "defaultYear";

export interface Field {
  readonly key: FieldKey;
  readonly label: string;
  /** A hint under the label (units and conventions). */
  readonly hint: string;
  /** The LOAN function parameter whose rule the value must meet. */
  readonly param: Param<unknown>;
  /** Extra rule of the sheet beyond the parameter's (e.g. whole months). */
  readonly check?: (v: number) => string | undefined;
  /** Blank is allowed and means 0 (the rates and points: 0 takes the market table's figure). */
  readonly blankIsZero?: boolean;
}

/** The hints of the rate and points fields: units, and what 0 or blank means. */
const MARKET_HINT = {
  rate: "Decimal: 6.85 % is 0.0685; 0 or blank: the market table's rate",
  points: "Decimal: 0.75 points is 0.0075; 0 or blank: the market table's points",
} as const;

const wholeMonths = (v: number): string | undefined =>
  Number.isInteger(v * 12) ? undefined : FORM_MESSAGES.wholeMonths;

export const FIELDS: readonly Field[] = [
  { key: "propertyValue", label: INPUT_LABELS.propertyValue, hint: "Amount", param: LTV.param.propertyValue },
  { key: "noi", label: INPUT_LABELS.noi, hint: "Amount a year", param: DSCR.param.noi },
  {
    key: "loanAmount",
    label: INPUT_LABELS.loanAmount,
    hint: "Amount; 0 sizes the loan",
    param: PAYMENT.param.loanAmount,
  },
  {
    key: "recourseRate",
    label: INPUT_LABELS.recourseRate,
    hint: MARKET_HINT.rate,
    param: PAYMENT.param.annualRate,
    blankIsZero: true,
  },
  {
    key: "nonRecourseRate",
    label: INPUT_LABELS.nonRecourseRate,
    hint: MARKET_HINT.rate,
    param: PAYMENT.param.annualRate,
    blankIsZero: true,
  },
  {
    key: "recoursePoints",
    label: INPUT_LABELS.recoursePoints,
    hint: MARKET_HINT.points,
    param: NONRECOURSE_PREMIUM.param.recoursePoints,
    blankIsZero: true,
  },
  {
    key: "nonRecoursePoints",
    label: INPUT_LABELS.nonRecoursePoints,
    hint: MARKET_HINT.points,
    param: NONRECOURSE_PREMIUM.param.nonRecoursePoints,
    blankIsZero: true,
  },
  {
    key: "amortYears",
    label: INPUT_LABELS.amortYears,
    hint: "Years",
    param: PAYMENT.param.amortYears,
    check: wholeMonths,
  },
  {
    key: "holdYears",
    label: INPUT_LABELS.holdYears,
    hint: "Years",
    param: NONRECOURSE_PREMIUM.param.holdYears,
    check: wholeMonths,
  },
  { key: "occupancy", label: INPUT_LABELS.occupancy, hint: "Decimal: 90 % is 0.9", param: QUALIFY.param.occupancy },
  { key: "netWorth", label: INPUT_LABELS.netWorth, hint: "Amount", param: QUALIFY.param.netWorth },
  { key: "liquidity", label: INPUT_LABELS.liquidity, hint: "Amount", param: QUALIFY.param.liquidity },
  {
    key: "foreclosureCosts",
    label: INPUT_LABELS.foreclosureCosts,
    hint: "Amount",
    param: DEFICIENCY.param.foreclosureCosts,
  },
  {
    key: "defaultYear",
    label: "Default year (the downside's DefaultYear)",
    hint: "Years from closing: 1 to the hold",
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
  const values = Object.fromEntries(FIELDS.map((f) => [f.key, String(initial(f.key))])) as Record<FieldKey, string>;
  return {
    templateId: template.id,
    values,
    carveouts: template.carveouts.map((c) => c.code),
    state: template.inputs.state,
  };
}

/** Checks one field's text with the function parameter's rule; returns the number or the message. */
export function checkField(field: Field, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return field.blankIsZero ? { value: 0 } : { error: FORM_MESSAGES.required };
  // Grouping commas and spaces are allowed (4,500,000); anything else goes to the parameter as typed.
  const cleaned = trimmed.replace(/[,\s]/g, "");
  const raw: unknown = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned) ? Number(cleaned) : trimmed;
  const read = field.param.read(raw);
  if (read instanceof Fault) return { error: inWords(read, field.label) };
  const value = read as number;
  const extra = field.check?.(value);
  return extra ? { error: extra } : { value };
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
  const { defaultYear, ...inputs } = values;
  // The default falls within the hold (the balance then is the downside's unpaid principal).
  if (defaultYear !== undefined && inputs.holdYears !== undefined && defaultYear > inputs.holdYears)
    errors.defaultYear = FORM_MESSAGES.defaultYearAfterHold(inputs.holdYears);
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
