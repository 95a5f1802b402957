/**
 * Argument rules as data. Each function declares its parameters with the builders below
 * (name, kind, bounds, default); one routine, `define`, reads raw spreadsheet values
 * against that declaration and hands clean, typed values to the implementation.
 *
 * Reading follows Excel's conventions for custom functions: an omitted optional argument
 * arrives as null (or undefined) and takes its default; a blank referenced cell arrives
 * as null, 0 or "" and counts as 0 where a number is required; a 1×1 range counts as its
 * single value; text or TRUE/FALSE where a number is required is an error, never coerced.
 */
import { Fault } from "./fault";
import { HINT, MSG } from "./messages";

export type Cell = number | string | boolean | null;
export type Grid = Cell[][];

interface NumberRule {
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
  whole?: boolean;
  hint?: string;
}

/** One declared parameter. `T` is the type the implementation receives. */
export interface Param<T> {
  readonly name: string;
  readonly optional: boolean;
  /** The description shown in the README and tests; the JSDoc in src/functions is what Excel shows. */
  readonly rule: string;
  read(raw: unknown): T | Fault;
}

type Blank = null | undefined;

function isBlank(raw: unknown): raw is Blank | "" {
  return raw === null || raw === undefined || raw === "";
}

/** Unwraps a 1×1 range; anything larger is not a single value. */
function single(name: string, raw: unknown): unknown {
  if (!Array.isArray(raw)) return raw;
  if (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return raw[0][0];
  return MSG.notSingle(name, raw);
}

function readNumber(name: string, raw: unknown, rule: NumberRule): number | Fault {
  let x: unknown = raw;
  if (typeof x !== "number") {
    x = single(name, x);
    if (x instanceof Fault) return x;
    if (isBlank(x)) x = 0;
    else if (typeof x !== "number") return MSG.notNumber(name, x);
  }
  const v = x as number;
  if (v !== v || v === Infinity || v === -Infinity) return MSG.notFinite(name, v);
  if (rule.min !== undefined && (rule.minInclusive ? v < rule.min : v <= rule.min)) {
    return MSG.belowMin(name, v, rule.min, rule.minInclusive === true);
  }
  if (rule.max !== undefined && (rule.maxInclusive ? v > rule.max : v >= rule.max)) {
    return MSG.aboveMax(name, v, rule.max, rule.maxInclusive === true, rule.hint);
  }
  if (rule.whole && Math.floor(v) !== v) return MSG.notWhole(name, v);
  return v;
}

function describeRule(rule: NumberRule): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${rule.minInclusive ? "≥" : ">"} ${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.maxInclusive ? "≤" : "<"} ${rule.max}`);
  if (rule.whole) parts.push("whole");
  return parts.length ? `number ${parts.join(", ")}` : "number";
}

function numberParam(rule: NumberRule) {
  function required(name: string): Param<number> {
    return { name, optional: false, rule: describeRule(rule), read: (raw) => readNumber(name, raw, rule) };
  }
  function withDefault(name: string, fallback: number): Param<number> {
    return {
      name,
      optional: true,
      rule: `${describeRule(rule)}, default ${fallback}`,
      read: (raw) => (raw === null || raw === undefined ? fallback : readNumber(name, raw, rule)),
    };
  }
  function optional(name: string): Param<number | undefined> {
    return {
      name,
      optional: true,
      rule: `${describeRule(rule)}, optional`,
      read: (raw) => (isBlank(raw) ? undefined : readNumber(name, raw, rule)),
    };
  }
  return { required, withDefault, optional };
}

/** Any finite number (NOI, for instance, may be negative). */
export const signed = numberParam({});
/** A money amount: finite and not negative. */
export const amount = numberParam({ min: 0, minInclusive: true });
/** An annual rate as a decimal: above −100 % and at most 100 %. */
export const rate = numberParam({ min: -1, minInclusive: false, max: 1, maxInclusive: true, hint: HINT.rateDecimal });
/** Points as a decimal of the loan: 0 to 0.1 (ten points). */
export const points = numberParam({ min: 0, minInclusive: true, max: 0.1, maxInclusive: true, hint: HINT.pointsDecimal });
/** A term in years: more than 0 and at most 100. */
export const years = numberParam({ min: 0, minInclusive: false, max: 100, maxInclusive: true });
/** A time in years that may be 0: from 0 to 100. */
export const yearsFromZero = numberParam({ min: 0, minInclusive: true, max: 100, maxInclusive: true });
/** Payments a year: a whole number from 1 to 365. */
export const frequency = numberParam({ min: 1, minInclusive: true, max: 365, maxInclusive: true, whole: true });
/** A ratio that must be positive (a DSCR floor, a debt-yield floor). */
export const positive = numberParam({ min: 0, minInclusive: false, max: 100, maxInclusive: true });
/** A fraction above 0 and at most 1 (an LTV cap), as a decimal. */
export const fraction = numberParam({ min: 0, minInclusive: false, max: 1, maxInclusive: true, hint: HINT.fractionDecimal });

function readBoolean(name: string, raw: unknown): boolean | Fault {
  const x = single(name, raw);
  if (x instanceof Fault) return x;
  if (typeof x === "boolean") return x;
  if (typeof x === "number" && Number.isFinite(x)) return x !== 0;
  if (typeof x === "string") {
    const t = x.trim().toUpperCase();
    if (t === "TRUE") return true;
    if (t === "FALSE") return false;
  }
  return MSG.notBoolean(name, x);
}

/** TRUE/FALSE (or 1/0, or the text TRUE/FALSE); blank or omitted takes the default. */
export function flag(name: string, fallback: boolean): Param<boolean> {
  return {
    name,
    optional: true,
    rule: `TRUE or FALSE, default ${fallback ? "TRUE" : "FALSE"}`,
    read: (raw) => (isBlank(raw) ? fallback : readBoolean(name, raw)),
  };
}

/** A rectangular range, or a single value seen as a 1×1 range; optional ranges may be omitted. */
export function grid(name: string, optional: boolean): Param<Grid | undefined> {
  return {
    name,
    optional,
    rule: optional ? "range, optional" : "value or range",
    read: (raw) => {
      if (raw === null || raw === undefined) return optional ? undefined : [[null]];
      if (!Array.isArray(raw)) return [[raw as Cell]];
      const rows = raw as unknown[];
      if (rows.length === 0) return optional ? undefined : [[null]];
      const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : -1;
      for (const row of rows) {
        if (!Array.isArray(row) || row.length !== width) return MSG.ragged(name);
      }
      return rows as Grid;
    },
  };
}

/** Values the implementation receives, one per declared parameter. */
type Values<P extends readonly Param<unknown>[]> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** A checked function: raw spreadsheet values in, a result or a Fault out. */
export type Checked<R> = ((...raw: unknown[]) => R | Fault) & {
  readonly id: string;
  readonly params: readonly Param<unknown>[];
};

/**
 * Declares a function: its id (as in `functions.json`), its parameters as data, and the
 * implementation, which receives validated values. Extra arguments are ignored, as Excel
 * never passes more than the declared ones.
 */
export function define<P extends readonly Param<unknown>[], R>(
  id: string,
  params: readonly [...P],
  impl: (...args: Values<P>) => R | Fault,
): Checked<R> {
  const n = params.length;
  const run = (...raw: unknown[]): R | Fault => {
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = params[i].read(raw[i]);
      if (v instanceof Fault) return v;
      values[i] = v;
    }
    return (impl as (...a: unknown[]) => R | Fault)(...values);
  };
  return Object.assign(run, { id, params });
}
