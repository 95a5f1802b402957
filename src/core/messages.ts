/**
 * The message catalogue: every message the add-in shows for bad input is built here, so
 * that wording stays consistent and tests can refer to it. Messages name the argument and
 * the rule it breaks, and echo what was received.
 */
import { Fault } from "./fault";

/** How a received value is echoed back in a message ("text \"abc\"", "a range of 2×3 cells"). */
function echo(value: unknown): string {
  if (value === null || value === undefined) return "an empty value";
  if (typeof value === "string") return value.trim() === "" ? "empty text" : `text "${truncate(value)}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "infinity" : "minus infinity";
    return String(value);
  }
  if (Array.isArray(value)) {
    const rows = value.length;
    const cols = rows > 0 && Array.isArray(value[0]) ? (value[0] as unknown[]).length : 1;
    return `a range of ${rows}×${cols} cells`;
  }
  return `a value of type ${typeof value}`;
}

function truncate(s: string): string {
  return s.length > 30 ? `${s.slice(0, 27)}...` : s;
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;

function value(arg: string, text: string): Fault {
  return new Fault("#VALUE!", `${arg} ${text}`, arg);
}

/** The Excel boundary's #NUM! for a non-finite result (defined beside Fault: see fault.ts). */
export { NOT_REPRESENTABLE } from "./fault";

export const MSG = {
  notNumber: (arg: string, got: unknown) => value(arg, `must be a number; got ${echo(got)}.`),
  notFinite: (arg: string, got: unknown) => value(arg, `must be a finite number; got ${echo(got)}.`),
  notSingle: (arg: string, got: unknown) => value(arg, `must be a single value, not ${echo(got)}.`),
  ragged: (arg: string) => value(arg, "must be a rectangular range (every row the same length)."),
  notCellValue: (arg: string, row: number, col: number) =>
    value(arg, `holds something that is not a number, text or TRUE/FALSE at row ${row}, column ${col}.`),
  textTooLong: (arg: string, row: number, col: number, length: number) =>
    value(arg, `holds ${length} characters at row ${row}, column ${col}; a cell holds at most ${MAX_CELL_TEXT}.`),
  notBoolean: (arg: string, got: unknown) => value(arg, `must be TRUE or FALSE; got ${echo(got)}.`),
  notText: (arg: string, got: unknown) => value(arg, `must be text; got ${echo(got)}.`),
  required: (arg: string) => value(arg, "is required."),
  belowMin: (arg: string, got: number, min: number, inclusive: boolean) =>
    value(arg, `must be ${inclusive ? "at least" : "more than"} ${min}; got ${echo(got)}.`),
  aboveMax: (arg: string, got: number, max: number, inclusive: boolean, hint?: string) =>
    value(arg, `must be ${inclusive ? "at most" : "less than"} ${max}; got ${echo(got)}.${hint ? ` ${hint}` : ""}`),
  /** A number rule that holds for one kind of input only (an LTV trigger, not a DSCR one). */
  aboveMaxFor: (arg: string, got: number, max: number, what: string, hint: string) =>
    value(arg, `must be at most ${max} for ${what}; got ${echo(got)}. ${hint}`),
  /** A cell of a range of amounts that is not a number, by its place in the range. */
  notNumberAt: (arg: string, got: unknown, row: number, col: number) =>
    value(arg, `must hold numbers; got ${echo(got)} at row ${row}, column ${col}.`),
  /** A negative cell of a range of amounts, by its place in the range. */
  negativeAt: (arg: string, got: number, row: number, col: number) =>
    value(arg, `must not hold a negative amount; got ${echo(got)} at row ${row}, column ${col}.`),
  notWhole: (arg: string, got: number) => value(arg, `must be a whole number; got ${echo(got)}.`),
  notWholePeriods: (arg: string, got: number, perYear: number) =>
    value(
      arg,
      `× paymentsPerYear must be a whole number of periods; ${got} years × ${perYear} = ${roundForMessage(got * perYear)}.`,
    ),
  exceeds: (arg: string, other: string, got: number, limit: number) =>
    value(arg, `must not exceed ${other} (${limit}); got ${echo(got)}.`),
  shapeMismatch: (arg: string, other: string, got: unknown, want: string) =>
    value(arg, `must have the same shape as ${other} (${want}); got ${echo(got)}.`),
  columns: (arg: string, want: number, got: unknown) =>
    value(arg, `must be a range of ${want} columns; got ${echo(got)}.`),
  negativeLoss: (arg: string, code: string, got: number) =>
    value(arg, `must not be negative; the loss for ${code} is ${echo(got)}.`),
  unknownCode: (arg: string, got: string, valid: readonly string[]) =>
    new Fault("#N/A", `${arg}: unknown code "${truncate(got)}". Valid codes: ${valid.join(", ")}.`, arg),
  unknownChoice: (arg: string, got: string, valid: readonly string[]) =>
    value(arg, `must be one of ${valid.join(", ")}; got "${truncate(got)}".`),
  divByZero: (arg: string) => new Fault("#DIV/0!", `${arg} is zero, and it divides.`, arg),
  /** #N/A for a name a table does not have, listing the names it has (as Excel's lookups answer). */
  unknownName: (arg: string, kind: string, got: string, valid: readonly string[]) =>
    new Fault("#N/A", `${arg}: unknown ${kind} "${truncate(got)}". Valid ${kind}s: ${valid.join(", ")}.`, arg),
  stateUnknown: (state: string, field: string) =>
    new Fault("#N/A", `${state} ${field} is UNKNOWN in the state table; pass it in overrides.`, "state"),
  barUnsettled: (state: string, text: string) =>
    new Fault(
      "#N/A",
      `${state} RESIDENTIAL_BAR may apply, the table cannot tell: ${text} Pass it in overrides.`,
      "state",
    ),
  mayApply: (state: string, field: string, text: string) =>
    new Fault("#N/A", `${state} ${field} may apply, the table cannot tell: ${text} Pass it in overrides.`, "state"),
  noPowerOfSale: (state: string) =>
    new Fault(
      "#N/A",
      `${state} forecloses mortgages in court only (NONJUDICIAL_DEFICIENCY is NO_POWER_OF_SALE); pass foreclosure JUDICIAL.`,
      "foreclosure",
    ),
  waiverParty: () => value("waived", "applies to a guarantor's waiver only; pass party GUARANTOR."),
  noRecourseOption: (loanType: string) =>
    new Fault("#N/A", `${loanType} has no recourse version to charge points over.`, "measure"),
  overrideValue: (arg: string, field: string, want: string, got: unknown) =>
    value(arg, `${field} must be ${want}; got ${echo(got)}.`),
  badRule: (arg: string, got: string) =>
    value(arg, `cannot read the rule "${truncate(got)}" (see docs/function-notes.md: NONE, R+P+O; N:R?...).`),
  notAscending: (arg: string, got: number, previous: number) =>
    value(arg, `from-years must increase; got ${echo(got)} after ${echo(previous)}.`),
  needs: (arg: string, test: string) => value(arg, `is required for the ${test} test.`),
  notForCCorporation: (arg: string) =>
    value(arg, "elects the §108(c) exclusion, which a C corporation may not; omit it or set cCorporation FALSE."),
  badCurve: (arg: string, text: string) => value(arg, `is not a usable Treasury curve: ${text}.`),
  requiredWith: (arg: string, other: string, why: string) => value(arg, `is required when ${other} is given (${why}).`),
  notEven: (arg: string, got: number, why: string) => value(arg, `must be an even number (${why}); got ${echo(got)}.`),
  tooLarge: (what: string) =>
    new Fault("#VALUE!", `The ${what} is too large for a number (above 1.8e308); check the amounts, years and rates.`),
  noBreakeven: (premium: number, loss: number) =>
    new Fault(
      "#N/A",
      `No break-even: the premium (${roundForMessage(premium)}) exceeds the loss it insures (${roundForMessage(loss)}), so non-recourse cannot pay for itself at any default probability.`,
      "premium",
    ),
} as const;

function roundForMessage(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

export const HINT = {
  rateDecimal: "Rates are decimals: 6.85% is 0.0685.",
  pointsDecimal: "Points are decimals of the loan: 0.75 points is 0.0075.",
  fractionDecimal: "Percentages are decimals: 75% is 0.75.",
  volatilityDecimal: "Volatility is a decimal: 15% a year is 0.15.",
} as const;
