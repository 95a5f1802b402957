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
 * From the real-workbook corpus (issue 24; test/recalc-excel.test.ts, docs/recalc.md):
 * - XNPV takes dates made by formulas; DATEVALUE and text dates read month names.
 * - CHOOSE truncates its index; PRODUCT of no numbers is 0; YEAR/MONTH/DAY of 0 are
 *   Excel's "January 0, 1900"; AND/OR/XOR ignore text and blanks in references; ISREF;
 *   REPLACE and SUBSTITUTE truncate positions; CHAR and CODE beyond 127 are not computed
 *   (they depend on the platform's character set).
 * - Approximate VLOOKUP, HLOOKUP and MATCH use Excel's binary search.
 * - Complex numbers: see excel-complex.ts. HyperFormula's internals: see hf-patches.ts.
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
import { complexPlugin } from "./excel-complex";
import { overridePlugin, rawNumber, type Ast, type Override } from "./hf-plugin";
import { formatNumber, formatText, partsToSerial, roundExcel, serialToParts, type RoundMode } from "./excel-format";
import { patchHyperFormula } from "./hf-patches";

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
  // Text dates with month names too ("June 9, 1969", "22-MAY-2011"), as Excel reads them.
  parseDateTime: parseExcelDateTime,
};

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})[-\s/]+${MONTH}\.?[-\s/,]+(\d{2}|\d{4})$`, "i");
const MONTH_DAY_YEAR = new RegExp(String.raw`^${MONTH}\.?[-\s/]+(\d{1,2})(?:,\s*|[-\s/]+)(\d{2}|\d{4})$`, "i");
const MONTH_YEAR = new RegExp(String.raw`^${MONTH}\.?[-\s/]+(\d{4}|3[2-9]|[4-9]\d)$`, "i");
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Text to a date or time as Excel (US English) reads it: HyperFormula's parser for the
 * numeric formats (EXCEL_CONFIG's dateFormats and timeFormats), and the forms with a
 * month's name that Excel's DATEVALUE documents ("22-MAY-2011") or accepts ("June 9,
 * 1969", "9 Jun 69", "Jun 2011" for its first day). A month and day without a year
 * ("5-JUL") is the current year in Excel: not read, so such a cell is not recomputed.
 * Two-digit years are read as Excel does (00–29 → 2000s, 30–99 → 1900s).
 */
export function parseExcelDateTime(
  text: string,
  dateFormat?: string,
  timeFormat?: string,
): { year: number; month: number; day: number } | ReturnType<ConfigParams["parseDateTime"]> {
  const t = text.trim().replace(/\s+/g, " ");
  if (/[a-z]{3}/i.test(t) && !/^\d{1,2}:\d/.test(t)) {
    let m = DAY_MONTH_YEAR.exec(t);
    if (m) return dayOf(Number(m[3]), m[2], Number(m[1]));
    m = MONTH_DAY_YEAR.exec(t);
    if (m) return dayOf(Number(m[3]), m[1], Number(m[2]));
    m = MONTH_YEAR.exec(t);
    if (m) return dayOf(Number(m[2]), m[1], 1);
  }
  return defaultParseDateTime(text, dateFormat, timeFormat);
}

function dayOf(year: number, month: string, day: number): { year: number; month: number; day: number } | undefined {
  const index = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  if (index < 0 || day < 1) return undefined;
  return { year, month: index + 1, day };
}

/**
 * HyperFormula's own parser, taken once: its defaultConfig getter builds the whole default
 * configuration on each read (2.6 s of a 2,000-loan portfolio's build, one read per text cell).
 */
let hfParseDateTime: ConfigParams["parseDateTime"] | undefined;
const defaultParseDateTime: ConfigParams["parseDateTime"] = (text, dateFormat, timeFormat) => {
  hfParseDateTime ??= (HyperFormula.defaultConfig as ConfigParams).parseDateTime;
  return hfParseDateTime(text, dateFormat, timeFormat);
};

/** Excel's TRUE and FALSE, which HyperFormula knows only as functions. */
export const EXCEL_NAMES = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

type Fn = (...args: never[]) => unknown;

class ExcelCompatPlugin extends FunctionPlugin {
  private run(ast: { args: unknown[] }, state: unknown, name: string, fn: Fn): unknown {
    const self = this as unknown as {
      runFunction(a: unknown[], s: unknown, m: unknown, f: Fn): unknown;
      metadata(n: string): unknown;
    };
    return self.runFunction(ast.args, state, self.metadata(name), fn);
  }

  /** Whether the workbook counts its dates from 1904 (its null date is 1 January 1904). */
  private date1904(): boolean {
    const config = (this as unknown as { config: { nullDate: { year: number } } }).config;
    return config.nullDate.year === 1904;
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
      // One cell each: a text in one of them is #VALUE!, as in Excel (not an array entry).
      if (width === 1 && height === 1 && data.some((d) => typeof d[0][0] === "string"))
        return new CellError(ErrorType.VALUE, "SUMPRODUCT: a text value.");
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

  replace(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "REPLACE", (text: string, start: number, count: number, insert: string) => {
      // Excel truncates the start and the count (REPLACE("ABCDEFG", 2.3, 3.9, "xx") = "AxxEFG").
      const from = Math.trunc(start);
      const n = Math.trunc(count);
      if (from < 1 || n < 0) return new CellError(ErrorType.VALUE, "REPLACE: start below 1 or a negative count.");
      return text.slice(0, from - 1) + insert + text.slice(from - 1 + n);
    });
  }

  substitute(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "SUBSTITUTE", (text: string, old: string, insert: string, instance?: number) => {
      // An empty old text changes nothing; the instance is truncated (1.9 is the first).
      if (old === "") return text;
      if (instance === undefined) return text.split(old).join(insert);
      const n = Math.trunc(instance);
      if (n < 1) return new CellError(ErrorType.VALUE, "SUBSTITUTE: instance_num below 1.");
      let at = -1;
      for (let k = 0; k < n; k++) {
        at = text.indexOf(old, at + (k === 0 ? 1 : old.length));
        if (at < 0) return text;
      }
      return text.slice(0, at) + insert + text.slice(at + old.length);
    });
  }

  char(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "CHAR", (code: number) => {
      const n = Math.trunc(code);
      if (n < 1 || n > 255) return new CellError(ErrorType.VALUE, "CHAR: the number is not between 1 and 255.");
      // Beyond ASCII the character depends on the computer's character set (Windows-1252, Mac Roman).
      if (n > 127) return new CellError(ErrorType.VALUE, `${NOT_COMPUTED} CHAR beyond 127 depends on the platform.`);
      return String.fromCharCode(n);
    });
  }

  code(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "CODE", (text: string) => {
      if (text === "") return new CellError(ErrorType.VALUE, "CODE: empty text.");
      const n = text.charCodeAt(0);
      if (n > 127) return new CellError(ErrorType.VALUE, `${NOT_COMPUTED} CODE beyond 127 depends on the platform.`);
      return n;
    });
  }

  xnpv(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "XNPV", (rate: number, values: SimpleRangeValue, dates: SimpleRangeValue) =>
      xnpv(rate, values.valuesFromTopLeftCorner(), dates.valuesFromTopLeftCorner()),
    );
  }

  text(ast: { args: unknown[] }, state: unknown) {
    return this.run(ast, state, "TEXT", (value: unknown, code: string) => {
      // An error in the value is Excel's answer: TEXT(#VALUE!, …) is that #VALUE!, with its message.
      if (value instanceof CellError) return value;
      if (value === EmptyValue) value = 0;
      // TRUE and FALSE are formatted as text: the fourth section, if any, applies to them.
      if (typeof value === "boolean") return formatText(value ? "TRUE" : "FALSE", code);
      let x = rawNumber(value);
      if (x === undefined && typeof value === "string") {
        const trimmed = value.trim();
        if (trimmed !== "" && Number.isFinite(Number(trimmed))) x = Number(trimmed);
        else return formatText(value, code);
      }
      if (x === undefined) return new CellError(ErrorType.VALUE, "TEXT: a value it cannot format.");
      const out = formatNumber(x, code, this.date1904());
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
  REPLACE: {
    method: "replace",
    parameters: [
      { argumentType: FunctionArgumentType.STRING },
      NUMBER,
      NUMBER,
      { argumentType: FunctionArgumentType.STRING },
    ],
  },
  SUBSTITUTE: {
    method: "substitute",
    parameters: [
      { argumentType: FunctionArgumentType.STRING },
      { argumentType: FunctionArgumentType.STRING },
      { argumentType: FunctionArgumentType.STRING },
      { ...NUMBER, optionalArg: true },
    ],
  },
  CHAR: { method: "char", parameters: [NUMBER] },
  CODE: { method: "code", parameters: [{ argumentType: FunctionArgumentType.STRING }] },
  XNPV: {
    method: "xnpv",
    parameters: [NUMBER, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }],
  },
  TEXT: {
    method: "text",
    parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }],
  },
};

/**
 * XNPV(rate, values, dates) as Excel computes it: Σ value / (1 + rate)^((date − first date) / 365),
 * dates truncated to days. Dates made by formulas (DATE(2008,1,1)) are numbers like any
 * other; HyperFormula refused them (#VALUE!). An error among the values or dates is
 * returned; text or a blank is #VALUE!; a date before the first, or ranges of different
 * sizes, #NUM! (Microsoft's XNPV page).
 */
export function xnpv(rate: number, values: unknown[], dates: unknown[]): number | CellError {
  if (values.length !== dates.length) return new CellError(ErrorType.NUM, "XNPV: values and dates differ in number.");
  const v: number[] = [];
  const d: number[] = [];
  for (const [list, out] of [
    [values, v],
    [dates, d],
  ] as const) {
    for (const x of list) {
      if (x instanceof CellError) return x;
      const n = rawNumber(x);
      if (n === undefined) return new CellError(ErrorType.VALUE, "XNPV: values and dates must be numbers.");
      out.push(n);
    }
  }
  const first = Math.floor(d[0]);
  if (first < 0) return new CellError(ErrorType.NUM, "XNPV: a date before 1900.");
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const day = Math.floor(d[i]);
    if (day < first) return new CellError(ErrorType.NUM, "XNPV: a date precedes the first date.");
    sum += v[i] / Math.pow(1 + rate, (day - first) / 365);
  }
  return sum;
}

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

interface RangeInGraph extends RangeLike {
  range?: { start: { sheet: number; row: number; col: number }; width(): number; height(): number };
  width(): number;
  height(): number;
}

type Order = "lt" | "eq" | "gt" | "mismatch";

/** How a lookup value compares with an entry: numbers, text (any case) and logicals each among their kind. */
function compareLookup(key: unknown, item: unknown): Order {
  const a = rawNumber(key);
  if (a !== undefined) {
    const b = typeof item === "boolean" ? undefined : rawNumber(item);
    if (b === undefined) return "mismatch";
    return a < b ? "lt" : a > b ? "gt" : "eq";
  }
  if (typeof key === "string") {
    if (typeof item !== "string") return "mismatch";
    const x = key.toLowerCase();
    const y = item.toLowerCase();
    return x < y ? "lt" : x > y ? "gt" : "eq";
  }
  if (typeof key === "boolean") {
    if (typeof item !== "boolean") return "mismatch";
    return key === item ? "eq" : key ? "gt" : "lt";
  }
  return "mismatch";
}

/**
 * The approximate match of VLOOKUP, HLOOKUP (range_lookup TRUE) and MATCH (type 1) as
 * Excel finds it: a binary search, which on data that is not sorted (or mixes kinds of
 * values) finds what Excel finds rather than the last entry not above the value. Entries
 * of another kind than the value (blanks, errors) are stepped over to the right. Returns
 * the 0-based index of the last entry not above the value, or -1. (The algorithm is the
 * one Apache POI documents as Excel's, checked against Excel's cached results in the
 * real-workbook corpus: sheetjs/formula_stress_test.xlsx, poi/FormulaEvalTestData_Copy.xlsx.)
 */
export function excelApproximateMatch(key: unknown, size: number, at: (i: number) => unknown): number {
  let low = -1;
  let high = size;
  for (;;) {
    if (high - low < 2) return low;
    let mid = low + Math.floor((high - low) / 2);
    let order = compareLookup(key, at(mid));
    if (order === "mismatch") {
      let next = mid;
      let found = false;
      for (;;) {
        next++;
        if (next === high) break;
        order = compareLookup(key, at(next));
        if (order === "lt" && next === high - 1) break;
        if (order !== "mismatch") {
          found = true;
          break;
        }
      }
      if (!found) {
        high = mid;
        continue;
      }
      mid = next;
    }
    if (order === "eq") {
      let k = mid + 1;
      while (k < high && compareLookup(key, at(k)) === "eq") k++;
      return k - 1;
    }
    if (order === "lt") high = mid;
    else low = mid;
  }
}

/** A one-row or one-column range's entries by index, read from the graph rather than copied. */
function entries(self: unknown, range: RangeInGraph): { size: number; at: (i: number) => unknown } | undefined {
  const graph = (self as { dependencyGraph?: { getCellValue(a: unknown): unknown } }).dependencyGraph;
  const r = range.range;
  if (r && graph && (r.width() === 1 || r.height() === 1)) {
    const vertical = r.width() === 1;
    const { sheet, row, col } = r.start;
    return {
      size: vertical ? r.height() : r.width(),
      at: (i) => graph.getCellValue(vertical ? { sheet, row: row + i, col } : { sheet, row, col: col + i }),
    };
  }
  if (range.width() !== 1 && range.height() !== 1) return undefined;
  const values = range.valuesFromTopLeftCorner();
  return { size: values.length, at: (i) => values[i] };
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
    if (found === undefined && (options as { ordering?: string }).ordering === "asc") {
      const list = entries(this, range as RangeInGraph);
      if (list) return excelApproximateMatch(key, list.size, list.at);
    }
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
    if (type === 1) {
      const list = entries(this, range as RangeInGraph);
      if (list) {
        const found = excelApproximateMatch(key, list.size, list.at);
        return found < 0 ? new CellError(ErrorType.NA, "MATCH: value not found.") : found + 1;
      }
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

/**
 * CHOOSE with a fractional index: Excel truncates it (CHOOSE(1.9,5,6) = 5, "If index_num is a
 * fraction, it is truncated to the lowest integer before being used"); HyperFormula refused it.
 */
const choosePlugin = () =>
  overridePlugin({
    CHOOSE(base, ast, state) {
      const out = base(ast, state);
      if (!(out instanceof CellError) || out.type !== ErrorType.NUM || !ast.args[0]) return out;
      const index = rawNumber(this.evaluateAst(ast.args[0], state));
      if (index === undefined || Number.isInteger(index) || index < 1) return out;
      return base(
        { ...ast, args: [{ type: "NUMBER", value: Math.trunc(index), args: [] }, ...ast.args.slice(1)] },
        state,
      );
    },
  });

/**
 * PRODUCT of no numbers is 0 in Excel (PRODUCT over blanks or text); HyperFormula gave 1.
 * Whether any number was multiplied is what COUNT of the same arguments says.
 */
const productPlugin = () =>
  overridePlugin({
    PRODUCT(base, ast, state) {
      const product = base(ast, state);
      if (product !== 1) return product;
      const counted = (this as unknown as { count(a: Ast, s: unknown): unknown }).count(ast, state);
      return counted === 0 ? 0 : product;
    },
  });

/**
 * YEAR, MONTH and DAY of a serial between 0 and 1: Excel's day 0 is "January 0, 1900"
 * (YEAR(0) = 1900, MONTH(0) = 1, DAY(0) = 0); HyperFormula's is 31 December 1899.
 */
const dayZeroPlugin = () => {
  // What HyperFormula gives for day 0 (31 December 1899), and what Excel gives.
  const dayZero = (hyperFormula: number, excel: number): Override =>
    function (base, ast, state) {
      const out = base(ast, state);
      if (out !== hyperFormula || !ast.args[0]) return out;
      const config = (this as unknown as { config: { nullDate: { year: number } } }).config;
      if (config.nullDate.year === 1904) return out;
      const serial = rawNumber(this.evaluateAst(ast.args[0], state));
      return serial !== undefined && serial >= 0 && serial < 1 ? excel : out;
    };
  return overridePlugin({ YEAR: dayZero(1899, 1900), MONTH: dayZero(12, 1), DAY: dayZero(31, 0) });
};

const REFERENCE_NODES = new Set(["CELL_REFERENCE", "CELL_RANGE", "COLUMN_RANGE", "ROW_RANGE"]);

/**
 * AND, OR and XOR as Excel documents them: in a reference (a cell or a range), only
 * logical values and numbers count, text and blanks are ignored; a value given directly
 * counts, the text "TRUE" or "FALSE" too, other text is #VALUE!; and with no logical
 * value at all the result is #VALUE! ("If the specified range contains no logical values,
 * AND returns the #VALUE! error value"). HyperFormula counted blanks and text as FALSE.
 */
const logicalPlugin = () => {
  const logical = (combine: (values: boolean[]) => boolean): Override =>
    function (_base, ast, state) {
      const values: boolean[] = [];
      for (const arg of ast.args) {
        const v = this.evaluateAst(arg, state);
        const reference = REFERENCE_NODES.has(arg.type ?? "");
        const items = v instanceof SimpleRangeValue ? v.valuesFromTopLeftCorner() : [v];
        for (const item of items) {
          if (item instanceof CellError) return item;
          if (typeof item === "boolean") values.push(item);
          else if (rawNumber(item) !== undefined) values.push(rawNumber(item) !== 0);
          else if (reference || v instanceof SimpleRangeValue || item === EmptyValue) continue;
          else if (typeof item === "string" && /^(true|false)$/i.test(item.trim()))
            values.push(item.trim().toUpperCase() === "TRUE");
          else return new CellError(ErrorType.VALUE, "a text that is not a logical value");
        }
      }
      if (values.length === 0) return new CellError(ErrorType.VALUE, "no logical values");
      return combine(values);
    };
  return overridePlugin({
    AND: logical((v) => v.every((x) => x)),
    OR: logical((v) => v.some((x) => x)),
    XOR: logical((v) => v.filter((x) => x).length % 2 === 1),
  });
};

/** ISREF is TRUE for a reference (a cell, a range); HyperFormula's was TRUE only for #REF!. */
const isrefPlugin = () =>
  overridePlugin({
    ISREF(base, ast, state) {
      const arg = ast.args[0];
      if (arg && REFERENCE_NODES.has(arg.type ?? "")) return true;
      return arg && arg.type === "NAMED_EXPRESSION" ? base(ast, state) : false;
    },
  });

let registered = false;

/** Registers Excel's versions of the functions above in HyperFormula (once; the registry is global). */
export function registerExcelCompat(): void {
  if (registered) return;
  patchHyperFormula();
  HyperFormula.registerFunctionPlugin(lookupPlugin());
  HyperFormula.registerFunctionPlugin(choosePlugin());
  HyperFormula.registerFunctionPlugin(productPlugin());
  HyperFormula.registerFunctionPlugin(dayZeroPlugin());
  HyperFormula.registerFunctionPlugin(complexPlugin());
  HyperFormula.registerFunctionPlugin(logicalPlugin());
  HyperFormula.registerFunctionPlugin(isrefPlugin());
  HyperFormula.registerFunctionPlugin(ExcelCompatPlugin as unknown as FunctionPluginDefinition);
  registered = true;
}
