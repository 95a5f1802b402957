/**
 * The engine configured as Excel computes, and Excel's own versions of the built-ins where
 * HyperFormula's differ for functions loan models use.
 *
 * Configuration follows HyperFormula's guide "Compatibility with Microsoft Excel": TRUE and
 * FALSE as named expressions, blanks as 0, array arithmetic (Excel's dynamic arrays), the
 * 1900 leap-year bug and date system, whole-cell matching with wildcards and no regular
 * expressions in criteria, case-insensitive comparisons, US-English dates and separators,
 * no display rounding.
 *
 * Functions replaced (each checked in test/conformance.test.ts against LibreOffice Calc
 * and, where the two differ, Microsoft's documentation):
 * - INT rounds down (INT(-3.5) = -4); HyperFormula truncates toward zero.
 * - ROUND, ROUNDUP, ROUNDDOWN round the 15 significant digits Excel keeps (ROUND(1.005,2)
 *   = 1.01; ROUNDUP(0.1+0.2,1) = 0.3).
 * - DATEDIF takes its unit in any case ("y" as "Y").
 * - SUMPRODUCT treats non-numeric entries (TRUE/FALSE, text) as zero, as Excel documents.
 * - EDATE keeps the month's last day (EDATE(31 Jan 2024, 1) = 29 Feb 2024); ISOWEEKNUM
 *   follows ISO 8601 (30 Dec 2024 is week 1 of 2025).
 * - VLOOKUP, HLOOKUP, MATCH, XLOOKUP: the first wildcard match (see lookupPlugin).
 * - TEXT implements Excel's format codes (thousands, percent, literals, sections, dates);
 *   a code it does not implement is reported as not computed (see NOT_COMPUTED).
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from "hyperformula";
import { formatNumber, formatText, partsToSerial, roundExcel, serialToParts, type RoundMode } from "./excel-format";

/**
 * The start of the message of an error that is the engine's limitation, not the
 * workbook's: `loan recalc` keeps Excel's cached value for such a cell.
 */
export const NOT_COMPUTED = "Not computed by the engine:";

/** HyperFormula's configuration for Excel (its guide "Compatibility with Microsoft Excel"). */
export const EXCEL_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  maxRows: 1048576,
  maxColumns: 16384,
  // Excel's dates: serial 1 is 1 January 1900, and 1900 is (wrongly) a leap year.
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  // A blank cell read by a formula is 0 (=A1 with A1 blank gives 0, not a blank).
  evaluateNullToZero: true,
  // Array arithmetic everywhere, as Excel's dynamic arrays: SUMPRODUCT((A1:A9="TX")*B1:B9).
  useArrayArithmetic: true,
  // Criteria (COUNTIF, SUMIF, MATCH, VLOOKUP…): whole cell, case-insensitive, accents
  // significant, wildcards * ? ~ and no regular expressions.
  matchWholeCell: true,
  caseSensitive: false,
  accentSensitive: true,
  ignorePunctuation: false,
  useWildcards: true,
  useRegularExpressions: false,
  // US English formula syntax and text-to-number/date parsing.
  functionArgSeparator: ",",
  decimalSeparator: ".",
  thousandSeparator: "",
  arrayColumnSeparator: ",",
  arrayRowSeparator: ";",
  localeLang: "en-US",
  language: "enGB",
  dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD", "YYYY/MM/DD"],
  timeFormats: ["hh:mm", "hh:mm:ss.sss"],
  currencySymbol: ["$", "USD"],
  // Report what was computed, as Excel stores it: no display rounding.
  smartRounding: false,
};

/** Excel's TRUE and FALSE, which HyperFormula knows only as functions. */
export const EXCEL_NAMES = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

/** A number HyperFormula hands a plugin (plain, or a typed date/percent/currency number). */
function rawNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof CellError) &&
    typeof (v as { val?: unknown }).val === "number"
  )
    return (v as { val: number }).val;
  return undefined;
}

type Fn = (...args: never[]) => unknown;

class ExcelCompatPlugin extends FunctionPlugin {
  private run(ast: { args: unknown[] }, state: unknown, name: string, fn: Fn): unknown {
    const self = this as unknown as {
      runFunction(a: unknown[], s: unknown, m: unknown, f: Fn): unknown;
      metadata(n: string): unknown;
    };
    return self.runFunction(ast.args, state, self.metadata(name), fn);
  }

  int(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "INT", (x: number) => Math.floor(x));
  }

  private rounding(ast: { args: unknown[] }, state: unknown, name: string, mode: RoundMode) {
    return this.run(ast, state, name, (x: number, digits: number) => roundExcel(x, digits, mode));
  }

  round(ast: { args: unknown[] }, state: unknown) {
    return this.rounding(ast, state, "ROUND", "half");
  }

  roundup(ast: { args: unknown[] }, state: unknown) {
    return this.rounding(ast, state, "ROUNDUP", "up");
  }

  rounddown(ast: { args: unknown[] }, state: unknown) {
    return this.rounding(ast, state, "ROUNDDOWN", "down");
  }

  edate(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "EDATE", (start: number, months: number) => {
      const p = serialToParts(Math.floor(start));
      const m = p.month + Math.trunc(months);
      const last = serialToParts(partsToSerial(p.year, m + 1, 0)).day;
      const serial = partsToSerial(p.year, m, Math.min(p.day, last));
      return serial < 0 ? new CellError(ErrorType.NUM, "EDATE: the date is before 1900.") : serial;
    });
  }

  isoweeknum(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "ISOWEEKNUM", (date: number) => {
      const d = Math.floor(date);
      const p = serialToParts(d);
      const weekday = (p.weekday + 6) % 7; // Monday 0
      const thursday = d - weekday + 3; // the Thursday of this ISO week decides its year
      const year = serialToParts(thursday).year;
      return Math.floor((thursday - partsToSerial(year, 1, 1)) / 7) + 1;
    });
  }

  datedif(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "DATEDIF", (start: number, end: number, unit: string) => datedif(start, end, unit));
  }

  sumproduct(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "SUMPRODUCT", (...ranges: SimpleRangeValue[]) => {
      const width = ranges[0].width();
      const height = ranges[0].height();
      if (ranges.some((r) => r.width() !== width || r.height() !== height))
        return new CellError(ErrorType.VALUE, "SUMPRODUCT: the arrays must have the same size.");
      const data = ranges.map((r) => r.data);
      let sum = 0;
      for (let i = 0; i < height; i++) {
        for (let j = 0; j < width; j++) {
          let product = 1;
          for (const d of data) {
            const v = d[i][j];
            if (v instanceof CellError) return v;
            // Excel: "non-numeric array entries are treated as if they were zeros".
            product *= rawNumber(v) ?? 0;
          }
          sum += product;
        }
      }
      return sum;
    });
  }

  text(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "TEXT", (value: unknown, code: string) => {
      // An error in the value is Excel's answer: TEXT(#VALUE!, …) is that #VALUE!, with its message.
      if (value instanceof CellError) return value;
      if (value === EmptyValue) value = 0;
      if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
      let x = rawNumber(value);
      if (x === undefined && typeof value === "string") {
        const trimmed = value.trim();
        if (trimmed !== "" && Number.isFinite(Number(trimmed))) x = Number(trimmed);
        else return formatText(value, code);
      }
      if (x === undefined) return new CellError(ErrorType.VALUE, "TEXT: a value it cannot format.");
      const out = formatNumber(x, code);
      return out ?? new CellError(ErrorType.VALUE, `${NOT_COMPUTED} TEXT format "${code}" is not implemented.`);
    });
  }
}

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
(ExcelCompatPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = {
  INT: { method: "int", parameters: [NUMBER] },
  ROUND: { method: "round", parameters: [NUMBER, { ...NUMBER, defaultValue: 0 }] },
  ROUNDUP: { method: "roundup", parameters: [NUMBER, { ...NUMBER, defaultValue: 0 }] },
  ROUNDDOWN: { method: "rounddown", parameters: [NUMBER, { ...NUMBER, defaultValue: 0 }] },
  EDATE: { method: "edate", parameters: [{ ...NUMBER, minValue: 0 }, NUMBER] },
  ISOWEEKNUM: { method: "isoweeknum", parameters: [{ ...NUMBER, minValue: 0 }] },
  DATEDIF: {
    method: "datedif",
    parameters: [{ ...NUMBER, minValue: 0 }, { ...NUMBER, minValue: 0 }, { argumentType: FunctionArgumentType.STRING }],
  },
  SUMPRODUCT: {
    method: "sumproduct",
    parameters: [{ argumentType: FunctionArgumentType.RANGE }],
    repeatLastArgs: 1,
  },
  TEXT: {
    method: "text",
    parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }],
  },
};

/** DATEDIF(start, end, unit) as Excel computes it (unit in any case; dates truncated to days). */
export function datedif(start: number, end: number, unit: string): number | CellError {
  const s = Math.floor(start);
  const e = Math.floor(end);
  if (s > e) return new CellError(ErrorType.NUM, "DATEDIF: the start date is after the end date.");
  const a = serialToParts(s);
  const b = serialToParts(e);
  const beforeAnniversary = b.month < a.month || (b.month === a.month && b.day < a.day);
  switch (unit.trim().toUpperCase()) {
    case "D":
      return e - s;
    case "M":
      return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
    case "Y":
      return b.year - a.year - (beforeAnniversary ? 1 : 0);
    case "YM":
      return (12 + (b.month - a.month) - (b.day < a.day ? 1 : 0)) % 12;
    case "MD": {
      if (b.day >= a.day) return b.day - a.day;
      const days = serialToParts(partsToSerial(b.year, b.month, 0)).day; // days in the previous month
      return days + b.day - a.day;
    }
    case "YD":
      return e - partsToSerial(beforeAnniversary ? b.year - 1 : b.year, a.month, a.day);
    default:
      return new CellError(ErrorType.NUM, `DATEDIF: unit "${unit}" is not one of Y, M, D, YM, YD, MD.`);
  }
}

/** Excel's wildcards (* any run, ? one character, ~ escapes) as a whole-cell, case-insensitive test. */
export function wildcardMatcher(pattern: string): ((v: unknown) => boolean) | undefined {
  if (!/[*?]/.test(pattern)) return undefined;
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  const regexp = new RegExp(`^${re}$`, "i");
  return (v) => typeof v === "string" && regexp.test(v);
}

interface RangeLike {
  valuesFromTopLeftCorner(): unknown[];
}

/**
 * VLOOKUP, HLOOKUP, MATCH and XLOOKUP with Excel's wildcards: HyperFormula returns the last
 * wildcard match instead of the first and ignores wildcards in MATCH. VLOOKUP and HLOOKUP
 * over an array constant (not a range) are reported as not computed.
 */
function lookupPlugin(): FunctionPluginDefinition {
  const Base = HyperFormula.getFunctionPlugin("VLOOKUP") as unknown as new (...args: never[]) => object;
  const base = Base.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const firstMatch = (key: unknown, range: RangeLike, last = false): number | undefined => {
    const test = typeof key === "string" ? wildcardMatcher(key) : undefined;
    if (!test) return undefined;
    const values = range.valuesFromTopLeftCorner();
    if (last) {
      for (let i = values.length - 1; i >= 0; i--) if (test(values[i])) return i;
    } else for (let i = 0; i < values.length; i++) if (test(values[i])) return i;
    return -1;
  };
  class ExcelLookupPlugin extends Base {}
  const proto = ExcelLookupPlugin.prototype as unknown as Record<string, unknown>;
  proto.searchInRange = function (
    this: unknown,
    key: unknown,
    range: RangeLike,
    wildcards: boolean,
    options: { returnOccurrence?: string },
    ...rest: unknown[]
  ) {
    const found = wildcards ? firstMatch(key, range, options.returnOccurrence === "last") : undefined;
    return found ?? base.searchInRange.call(this, key, range, wildcards, options, ...rest);
  };
  proto.doMatch = function (
    this: unknown,
    key: unknown,
    range: RangeLike & { width(): number; height(): number },
    type: number,
  ) {
    if (type === 0 && (range.width() === 1 || range.height() === 1)) {
      const found = firstMatch(key, range);
      if (found !== undefined) return found < 0 ? new CellError(ErrorType.NA, "MATCH: value not found.") : found + 1;
    }
    return base.doMatch.call(this, key, range, type);
  };
  for (const [method, name] of [
    ["vlookup", "VLOOKUP"],
    ["hlookup", "HLOOKUP"],
  ] as const) {
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const out = base[method].apply(this, args);
      if (out instanceof CellError && out.type === ErrorType.VALUE && /wrong type of argument/i.test(out.message ?? ""))
        return new CellError(ErrorType.VALUE, `${NOT_COMPUTED} ${name} over an array constant is not implemented.`);
      return out;
    };
  }
  const own = (Base as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions;
  const names = ["VLOOKUP", "HLOOKUP", "MATCH", "XLOOKUP"].filter((n) => own[n]);
  // HyperFormula looks for each function's method on the plugin's own prototype.
  for (const n of names) {
    const method = own[n].method;
    if (!Object.prototype.hasOwnProperty.call(proto, method))
      proto[method] = function (this: unknown, ...args: unknown[]) {
        return base[method].apply(this, args);
      };
  }
  (ExcelLookupPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions =
    Object.fromEntries(names.map((n) => [n, own[n]]));
  return ExcelLookupPlugin as unknown as FunctionPluginDefinition;
}

let registered = false;

/** Registers Excel's versions of the functions above in HyperFormula (once; the registry is global). */
export function registerExcelCompat(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(lookupPlugin());
  HyperFormula.registerFunctionPlugin(ExcelCompatPlugin as unknown as FunctionPluginDefinition);
  registered = true;
}
