/**
 * Argument rules as data. Each function declares its parameters with the builders below
 * (name, kind, bounds, default); one routine, `define`, reads raw spreadsheet values
 * against that declaration and hands clean, typed values to the implementation.
 *
 * Reading follows Excel's conventions for custom functions: an omitted optional argument
 * arrives as null (or undefined) and takes its default; a blank referenced cell arrives
 * as null, 0 or "" and counts as 0 where a number is required (an optional one cannot be
 * told from an omitted one, so it takes the default); a 1×1 range counts as its
 * single value; text or TRUE/FALSE where a number is required is an error, never coerced.
 */
import { Fault } from "./fault";
// The reading loop of define(), unrolled for speed: written by scripts/runner.cjs (not committed).
import { runner } from "./generated/runner";
import { HINT, MAX_CELL_TEXT, MSG } from "./messages";

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

/**
 * One declared parameter. `T` is the type the implementation receives, `N` its name (the
 * name Excel shows, the key of the typed API's input and of `Checked.param`).
 */
export interface Param<T, N extends string = string> {
  readonly name: N;
  readonly optional: boolean;
  /** The value an omitted argument takes, for parameters declared with a default. */
  readonly fallback?: T;
  /** The rule in words ("number ≥ 0, default 0"), for messages and docs/functions.md; Excel shows the help's. */
  readonly rule: string;
  /** A range parameter: Excel passes it as a 2-D array (the generated adapter declares it `any[][]`). */
  readonly range?: boolean;
  read(raw: unknown): T | Fault;
}

type Blank = null | undefined;

/** A blank cell inside a range: empty, null or whitespace. */
export function isBlankCell(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === "string" && x.trim() === "");
}

function isBlank(raw: unknown): raw is Blank | "" {
  return raw === null || raw === undefined || raw === "";
}

/** Unwraps a 1×1 range; anything larger is not a single value. */
function single(name: string, raw: unknown): unknown {
  if (!Array.isArray(raw)) return raw;
  if (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return raw[0][0];
  return MSG.notSingle(name, raw);
}

/** A number rule with every field present, so that reading stays monomorphic. */
interface Bounds {
  lo: number;
  loInclusive: boolean;
  hi: number;
  hiInclusive: boolean;
  whole: boolean;
  hint: string | undefined;
  rule: NumberRule;
}

function bounds(rule: NumberRule): Bounds {
  return {
    lo: rule.min ?? -Infinity,
    loInclusive: rule.minInclusive === true,
    hi: rule.max ?? Infinity,
    hiInclusive: rule.maxInclusive === true,
    whole: rule.whole === true,
    hint: rule.hint,
    rule,
  };
}

function readNumber(name: string, raw: unknown, b: Bounds): number | Fault {
  let v: number;
  if (typeof raw === "number") v = raw;
  else {
    const x = single(name, raw);
    if (x instanceof Fault) return x;
    if (isBlank(x)) v = 0;
    else if (typeof x === "number") v = x;
    else return MSG.notNumber(name, x);
  }
  if (v !== v || v === Infinity || v === -Infinity) return MSG.notFinite(name, v);
  if (v < b.lo || (v === b.lo && !b.loInclusive)) return MSG.belowMin(name, v, b.lo, b.loInclusive);
  if (v > b.hi || (v === b.hi && !b.hiInclusive)) return MSG.aboveMax(name, v, b.hi, b.hiInclusive, b.hint);
  if (b.whole && Math.floor(v) !== v) return MSG.notWhole(name, v);
  return v;
}

function describeRule(rule: NumberRule): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${rule.minInclusive ? "≥" : ">"} ${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.maxInclusive ? "≤" : "<"} ${rule.max}`);
  if (rule.whole) parts.push("whole");
  return parts.length ? `number ${parts.join(", ")}` : "number";
}

/** Builds a number parameter kind from its rule (exported for families with rules of their own). */
export function numberParam(rule: NumberRule) {
  const b = bounds(rule);
  function required<N extends string>(name: N): Param<number, N> {
    return { name, optional: false, rule: describeRule(rule), read: (raw) => readNumber(name, raw, b) };
  }
  function withDefault<N extends string>(name: N, fallback: number): Defaulted<number, N> {
    return {
      name,
      optional: true,
      fallback,
      rule: `${describeRule(rule)}, default ${fallback}`,
      read: (raw) => (isBlank(raw) ? fallback : readNumber(name, raw, b)),
    };
  }
  function optional<N extends string>(name: N): Param<number | undefined, N> {
    return {
      name,
      optional: true,
      rule: `${describeRule(rule)}, optional`,
      read: (raw) => (isBlank(raw) ? undefined : readNumber(name, raw, b)),
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
export const points = numberParam({
  min: 0,
  minInclusive: true,
  max: 0.1,
  maxInclusive: true,
  hint: HINT.pointsDecimal,
});
/** A term in years: more than 0 and at most 100. */
export const years = numberParam({ min: 0, minInclusive: false, max: 100, maxInclusive: true });
/** A time in years that may be 0: from 0 to 100. */
export const yearsFromZero = numberParam({ min: 0, minInclusive: true, max: 100, maxInclusive: true });
/** Payments a year: a whole number from 1 to 365. */
export const frequency = numberParam({ min: 1, minInclusive: true, max: 365, maxInclusive: true, whole: true });
/**
 * A positive ratio (a DSCR floor, a debt-yield floor): above 0 and at most 100, a sanity
 * bound that catches a percentage typed for a decimal without limiting any real floor.
 */
export const positiveRatio = numberParam({ min: 0, minInclusive: false, max: 100, maxInclusive: true });
/** A fraction above 0 and at most 1 (an LTV cap), as a decimal. */
export const fraction = numberParam({
  min: 0,
  minInclusive: false,
  max: 1,
  maxInclusive: true,
  hint: HINT.fractionDecimal,
});
/** A share from 0 to 1 inclusive (a guarantee percentage, an occupancy), as a decimal. */
export const share = numberParam({
  min: 0,
  minInclusive: true,
  max: 1,
  maxInclusive: true,
  hint: HINT.fractionDecimal,
});

/** An annual volatility (of a property's value, of its NOI) as a decimal: 0 to 5 (500 %). */
export const volatility = numberParam({
  min: 0,
  minInclusive: true,
  max: 5,
  maxInclusive: true,
  hint: HINT.volatilityDecimal,
});

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
export function flag<N extends string>(name: N, fallback: boolean): Defaulted<boolean, N> {
  return {
    name,
    optional: true,
    fallback,
    rule: `TRUE or FALSE, default ${fallback ? "TRUE" : "FALSE"}`,
    read: (raw) => (isBlank(raw) ? fallback : readBoolean(name, raw)),
  };
}

/**
 * A required TRUE/FALSE. A blank cell counts as FALSE, as a blank counts as 0 where a
 * number is required (Excel cannot tell an omitted argument from a blank cell).
 */
export function requiredFlag<N extends string>(name: N): Param<boolean, N> {
  const { read } = flag(name, false);
  return { name, optional: false, rule: "TRUE or FALSE", read };
}

/** Text, trimmed and upper-cased; blank is undefined (the caller decides what that means). */
function readText(name: string, raw: unknown): string | undefined | Fault {
  const x = single(name, raw);
  if (x instanceof Fault) return x;
  if (isBlank(x)) return undefined;
  if (typeof x !== "string") return MSG.notText(name, x);
  const t = x.trim().toUpperCase();
  return t === "" ? undefined : t;
}

/**
 * A name looked up in a table (a state code, a field, a loan type): required text, trimmed
 * and upper-cased. Whether the name exists is the implementation's check, which answers
 * #N/A listing the valid names, as Excel's lookups do.
 */
export function code<N extends string>(name: N): Param<string, N> {
  return {
    name,
    optional: false,
    rule: "text",
    read: (raw) => {
      const t = readText(name, raw);
      return t === undefined ? MSG.required(name) : t;
    },
  };
}

/**
 * An option that chooses how to compute (a foreclosure method, a bound): one of a fixed
 * list, case-insensitive and trimmed; blank or omitted takes the default; anything else is
 * #VALUE! listing the options.
 */
export function choice<T extends string, N extends string>(
  name: N,
  options: readonly T[],
  fallback: T,
): Defaulted<T, N>;
export function choice<T extends string, N extends string>(
  name: N,
  options: readonly T[],
  fallback: undefined,
): Param<T, N>;
export function choice<T extends string, N extends string>(
  name: N,
  options: readonly T[],
  fallback: T | undefined,
): Param<T, N> {
  return {
    name,
    optional: fallback !== undefined,
    ...(fallback === undefined ? {} : { fallback }),
    rule: options.join(", "),
    read: (raw) => {
      // Typed as listed (the usual case): no trimming or case folding to do.
      if (typeof raw === "string" && options.includes(raw as T)) return raw as T;
      const t = readText(name, raw);
      if (t instanceof Fault) return t;
      if (t === undefined) return fallback === undefined ? MSG.required(name) : fallback;
      return options.includes(t as T) ? (t as T) : MSG.unknownChoice(name, String(single(name, raw)).trim(), options);
    },
  };
}

/** The rows of a two-column range (name, value) that are not wholly blank; #VALUE! unless two columns. */
export function pairs(name: string, range: Grid): Grid | Fault {
  if (range[0].length !== 2) return MSG.columns(name, 2, range);
  return range.filter((r) => !isBlankCell(r[0]) || !isBlankCell(r[1]));
}

/** The name in a pair's first cell, trimmed and upper-cased; #VALUE! unless it is text. */
export function pairName(name: string, cell: Cell): string | Fault {
  return typeof cell === "string" && cell.trim() !== "" ? cell.trim().toUpperCase() : MSG.notText(name, cell);
}

/** The rectangular range itself, or #VALUE! naming the first cell a worksheet cell cannot hold. */
function cellCheck(name: string, rows: unknown[][]): Grid | Fault {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (typeof cell === "string") {
        if (cell.length > MAX_CELL_TEXT) return MSG.textTooLong(name, i + 1, j + 1, cell.length);
      } else if (cell !== null && cell !== undefined && typeof cell !== "number" && typeof cell !== "boolean") {
        return MSG.notCellValue(name, i + 1, j + 1);
      }
    }
  }
  return rows as Grid;
}

/**
 * A rectangular range, or a single value seen as a 1×1 range; optional ranges may be omitted.
 * Every cell must be what a worksheet cell can hold: a number, text of at most 32,767
 * characters (Excel's limit), TRUE/FALSE or blank; anything else is #VALUE! naming the cell.
 */
export function grid<N extends string>(name: N, optional: false): Param<Grid, N>;
export function grid<N extends string>(name: N, optional: true): Param<Grid | undefined, N>;
export function grid<N extends string>(name: N, optional: boolean): Param<Grid | undefined, N> {
  return {
    name,
    optional,
    range: true,
    rule: optional ? "range, optional" : "value or range",
    read: (raw) => {
      if (raw === null || raw === undefined) return optional ? undefined : [[null]];
      if (!Array.isArray(raw)) return cellCheck(name, [[raw]]);
      const rows = raw as unknown[];
      if (rows.length === 0) return optional ? undefined : [[null]];
      const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : -1;
      for (const row of rows) {
        if (!Array.isArray(row) || row.length !== width) return MSG.ragged(name);
      }
      return cellCheck(name, rows as unknown[][]);
    },
  };
}

/** A parameter declared with a default: `fallback` is always there. */
export type Defaulted<T, N extends string = string> = Param<T, N> & { readonly fallback: T };

/** The name of a parameter the typed input must give: required, with no default. */
type RequiredName<Q> =
  Q extends Param<infer T, infer N>
    ? Q extends { readonly fallback: unknown }
      ? never
      : undefined extends T
        ? never
        : N
    : never;

/** The name of a parameter the typed input may leave out: it has a default, or is optional. */
type OptionalName<Q> = Q extends Param<unknown, infer N> ? ([RequiredName<Q>] extends [never] ? N : never) : never;

/**
 * The typed input of a function, inferred from its declared parameters (as zod infers a type
 * from a schema): one key per parameter, required where Excel requires the argument, optional
 * where it has a default or may be omitted. `deficiency(input: InputOf<typeof DEFICIENCY>)`.
 */
export type InputOf<C extends { readonly params: readonly Param<unknown>[] }> = {
  readonly [Q in C["params"][number] as RequiredName<Q>]: Q extends Param<infer T> ? T : never;
} & {
  readonly [Q in C["params"][number] as OptionalName<Q>]?: Q extends Param<infer T> ? Exclude<T, undefined> : never;
};

/**
 * The families functions are listed under, in the order shown, with their titles: the task pane
 * guide's groups and docs/functions.md's sections.
 */
export const FAMILIES = {
  financing: "Financing",
  coverage: "Coverage & sizing",
  recourse: "Recourse",
  lender: "State law & lender's view",
  option: "Pricing the put",
} as const;
export type Family = keyof typeof FAMILIES;

/**
 * What a function's declaration says to people: Excel's help while the analyst types, the task
 * pane's guide and docs/functions.md are generated from it (scripts/functions-metadata.cjs
 * writes the adapters of src/functions/generated with this as their JSDoc). Every example is
 * run by the tests.
 */
export interface Help<N extends string> {
  readonly family: Family;
  /** One sentence: what the function returns (the guide's purpose line). */
  readonly summary: string;
  /** The rest of the description: the rule and its conventions ("" when the summary says it all). */
  readonly details: string;
  /** The section of docs/methodology.md that sets out how it computes, and its sources. */
  readonly section: number;
  /** Each parameter's description, by name: what Excel shows for the argument being typed. */
  readonly params: { readonly [K in N]: string };
  readonly returns: string;
  /** What the function gives Excel: a number, text, TRUE/FALSE, any of those, or a spilled range. */
  readonly result: "number" | "string" | "boolean" | "any" | "matrix";
  /** "=LOAN.X(…) → result": a number to the digits shown, TRUE/FALSE, "text", or R×C for a spill. */
  readonly examples: readonly string[];
  /**
   * How `npm run bench` budgets a call (docs/benchmarks.md): simple (at most 4× a float payment),
   * composite (10×), or timed apart: a schedule, a simulation, a constant table.
   */
  readonly cost: "simple" | "composite" | "apart";
}

declare const __LOAN_HELP__: boolean | undefined;

/**
 * Whether declarations carry their help. The add-in's bundles are built with it false (webpack's
 * DefinePlugin), so the minifier drops every `HELP && {…}`: Excel reads the help from
 * functions.json, never from the script. Node (the generator, the tests) keeps it.
 */
export const HELP: boolean = typeof __LOAN_HELP__ === "undefined" || __LOAN_HELP__;

/**
 * The words for parameters that functions of several modules take and describe alike (what Excel
 * shows for the argument being typed), where neither the function nor its module (defineIn) says
 * its own. Absent from the add-in's bundles, as all help is.
 */
const USUAL_WORDS = HELP && {
  loanAmount: "Loan amount (0 or more).",
  annualRate: "Annual interest rate as a decimal (6.85% is 0.0685).",
  amortYears: "Amortization period in years.",
  noi: "Net operating income for a year (may be negative).",
  propertyValue: "The property's value today (0 or more).",
  liquidity: "The guarantor's liquid assets: cash and marketable securities (0 or more).",
  debt: "The debt outstanding (0 or more).",
};
type Usual = keyof Exclude<typeof USUAL_WORDS, false>;

/** Values the implementation receives, one per declared parameter. */
type Values<P extends readonly Param<unknown>[]> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** A function's parameters by name: `LTV.param.propertyValue`. */
export type ParamsByName<P extends readonly Param<unknown>[]> = { readonly [Q in P[number] as Q["name"]]: Q };

/** A checked function: raw spreadsheet values in, a result or a Fault out. */
export type Checked<R, P extends readonly Param<unknown>[] = readonly Param<unknown>[]> = ((
  ...raw: unknown[]
) => R | Fault) & {
  readonly id: string;
  /** The parameters in Excel's order. */
  readonly params: Readonly<P>;
  /** The same parameters by name, for callers that check one value against one rule. */
  readonly param: ParamsByName<P>;
  /** What the declaration says to people; absent in the add-in's bundles (see HELP). */
  readonly help?: Help<P[number]["name"]>;
};

/**
 * Declares a function, once: its id (as in `functions.json`, never changed once shipped), its
 * parameters as data, the adapter, which receives validated values (in the declared order) and
 * hands them to the typed core function, and its help (`HELP && {…}`). Everything else follows
 * from this: the typed input (InputOf), Excel's adapter and its JSDoc (generated), the guide and
 * docs/functions.md. Extra arguments are ignored, as Excel never passes more than the declared ones.
 */
export function define<const P extends readonly Param<unknown>[], R>(
  id: string,
  params: P,
  impl: (...args: Values<P>) => R | Fault,
  help: Help<P[number]["name"]> | false = false,
): Checked<R, P> {
  const run = runner(
    params.map((p) => p.read),
    impl as (...a: unknown[]) => R | Fault,
  );
  const param = Object.fromEntries(params.map((p) => [p.name, p])) as ParamsByName<P>;
  return Object.assign(run, { id, params, param }, help ? { help } : {});
}

/** What a module's functions have in common in their help, said once a module (see defineIn). */
export type ModuleHelp = Pick<Help<string>, "family" | "section"> & Partial<Pick<Help<string>, "result" | "cost">>;

/**
 * A function's own help: what its module's (ModuleHelp, and the module's wording of parameters
 * named `S`) and the usual defaults do not say. A parameter the module words needs no words here.
 */
export type OwnHelp<N extends string, S extends string = never> = Omit<
  Help<N>,
  keyof ModuleHelp | "details" | "params"
> &
  Partial<Pick<Help<N>, keyof ModuleHelp | "details">> &
  ([Exclude<N, S>] extends [never]
    ? { readonly params?: { readonly [K in N]?: string } }
    : { readonly params: { readonly [K in Exclude<N, S>]: string } & { readonly [K in N & S]?: string } });

/**
 * `define` for the functions of one module, `const define = defineIn({ family, section })`: each
 * declaration's help then says only what is its own; the rest is the module's (its family, its
 * section of docs/methodology.md, and the result and cost most of its functions have) or else the
 * usual: no details beyond the summary, a number, a simple cost. A function may still say any of
 * them (a section or a cost of its own). `words` (`HELP && { ioYears: "…" }`) are the module's
 * descriptions of the parameters several of its functions take, where a function's own are not;
 * failing both, a parameter takes its usual words (USUAL_WORDS).
 */
export function defineIn<const S extends string = never>(
  shared: ModuleHelp,
  words: { readonly [K in S]: string } | false = false,
) {
  return <const P extends readonly Param<unknown>[], R>(
    id: string,
    params: P,
    impl: (...args: Values<P>) => R | Fault,
    help: OwnHelp<P[number]["name"], S | Usual> | false = false,
  ): Checked<R, P> =>
    define(
      id,
      params,
      impl,
      // HELP first: the add-in's bundles drop the merge, as they drop every declaration's help.
      HELP &&
        help && {
          details: "",
          result: "number",
          cost: "simple",
          ...shared,
          ...help,
          params: paramWords<P[number]["name"]>(params, help.params, words),
        },
    );
}

/** Each parameter's description, in their order: the function's own, else the module's, else the usual. */
function paramWords<N extends string>(
  params: readonly Param<unknown, N>[],
  own: { readonly [K in N]?: string } | undefined,
  words: { readonly [name: string]: string } | false,
): { readonly [K in N]: string } {
  const out: Partial<Record<N, string>> = {};
  for (const { name } of params) {
    const text = own?.[name] ?? (words ? words[name] : undefined) ?? (USUAL_WORDS as Record<string, string>)[name];
    if (text !== undefined) out[name] = text;
  }
  return out as { readonly [K in N]: string };
}

/**
 * A declaration's typed API: named arguments in (InputOf), read, checked and defaulted exactly as
 * Excel's are, the result or a Fault out. HyperFormula keeps its sheet-facing method one line over
 * a plain core; here the core is the declaration's implementation and this is the one line the
 * other way, for TypeScript callers: `export const deficiency = named(DEFICIENCY)`.
 */
export function named<R, P extends readonly Param<unknown>[]>(
  fn: Checked<R, P>,
): (input: InputOf<Checked<R, P>>) => R | Fault {
  const names = fn.params.map((p) => p.name);
  return (input) => fn(...names.map((n) => (input as Record<string, unknown>)[n]));
}

/** DEBT_YIELD → debtYield: the name of a declaration's typed call. */
type CamelCase<S extends string> = S extends `${infer H}_${infer T}`
  ? `${Lowercase<H>}${Capitalize<CamelCase<T>>}`
  : Lowercase<S>;

/** The typed call of a declaration (see named). */
type NamedCall<F> = F extends Checked<infer R, infer P> ? (input: InputOf<Checked<R, P>>) => R | Fault : never;

/**
 * The typed calls of a module's declarations, each named after its declaration in camel case:
 * `export const { dscr, debtYield } = namedAll({ DSCR, DEBT_YIELD })`.
 */
export function namedAll<const D extends { readonly [id: string]: Checked<unknown, readonly Param<unknown>[]> }>(
  declarations: D,
): { readonly [K in keyof D & string as CamelCase<K>]: NamedCall<D[K]> } {
  const calls: Record<string, unknown> = {};
  for (const [id, fn] of Object.entries(declarations)) {
    calls[id.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())] = named(fn);
  }
  return calls as { readonly [K in keyof D & string as CamelCase<K>]: NamedCall<D[K]> };
}
