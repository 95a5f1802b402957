import { partsToSerial } from "../engine/excel-format";

/**
 * What typing into a cell enters, read the way Excel (English, United States) reads it:
 * "=…" a formula; a leading apostrophe keeps text; TRUE and FALSE; numbers with thousands
 * separators ("4,000,000"), a currency sign ("$1,250.50"), accounting negatives ("(300)"),
 * an exponent, a percent sign ("90%" is 0.9); dates ("1/15/2025", "2025-01-15",
 * "15-Jan-2025") as Excel's date serials. Anything else is text, kept as typed.
 *
 * When the cell's number format is General, a number typed with separators, a currency
 * sign, a percent sign or as a date also gets the format Excel gives it; a cell with a
 * format keeps it. In a cell formatted as a percentage, a plain number of 1 or more is read
 * as percent (Excel's "automatic percent entry": 90 is 90 %, 0.9 stays 0.9).
 */
export interface Entry {
  /** What goes into the cell: a formula ("=…"), a number, a boolean, text, or nothing. */
  readonly content: string | number | boolean | null;
  /** The number format Excel applies along with it, when the cell's is General. */
  readonly format?: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's date serial (1900 system) of a calendar date, or undefined for a date that does not exist. */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return partsToSerial(year, month, day);
}

/** A two-digit year as Excel reads it: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function parseDate(t: string): Entry | undefined {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const serial = dateSerial(fullYear(m[3]), Number(m[1]), Number(m[2]));
    return serial === undefined ? undefined : { content: serial, format: "m/d/yyyy" };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    return serial === undefined ? undefined : { content: serial, format: "yyyy-mm-dd" };
  }
  m = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*[-\s,]+(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    const serial = month === 0 ? undefined : dateSerial(fullYear(m[3]), month, Number(m[1]));
    return serial === undefined ? undefined : { content: serial, format: "d-mmm-yy" };
  }
  return undefined;
}

/** A number as typed: sign, currency, grouped digits, decimals, exponent, percent; undefined if it is not one. */
function parseNumber(
  t: string,
): { value: number; grouped: boolean; currency: boolean; percent: boolean; decimals: number } | undefined {
  let s = t;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1].trim();
  }
  const m = /^([+-]?)(\$?)([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))(?:e([+-]?\d+))?(%?)$/i.exec(s);
  if (!m) return undefined;
  const [, sign1, currency, sign2, digits, decimals1, decimals2, exponent, percent] = m;
  if (sign1 && sign2) return undefined;
  if ((sign1 || sign2) && negative) return undefined;
  if (exponent !== undefined && (currency || percent)) return undefined;
  const grouped = digits.includes(",");
  let value = Number(`${digits.replace(/,/g, "")}${exponent !== undefined ? `e${exponent}` : ""}`);
  if (!Number.isFinite(value)) return undefined;
  if (sign1 === "-" || sign2 === "-" || negative) value = -value;
  if (percent) value = value / 100;
  // Percent of a decimal: 6.85% is 0.0685, not 0.06850000000000001.
  if (percent) value = Number(value.toPrecision(15));
  const decimals = (decimals1 ?? decimals2 ?? "").length;
  return { value, grouped, currency: currency === "$", percent: percent === "%", decimals };
}

/** Reads what was typed into a cell whose number format is `cellFormat` (General when unset). */
export function parseEntry(typed: string, cellFormat?: string): Entry {
  const t = typed.trim();
  if (t === "") return { content: null };
  if (typed.startsWith("'")) return { content: typed.slice(1) };
  if (t.startsWith("=") && t.length > 1) return { content: t };
  if (/^(true|false)$/i.test(t)) return { content: t.toUpperCase() === "TRUE" };
  const general = cellFormat === undefined || cellFormat === "General";
  const n = parseNumber(t);
  if (n) {
    // Excel gives two decimals to any entry typed with some.
    const places = n.decimals > 0 ? ".00" : "";
    let { value } = n;
    // Automatic percent entry: a plain 1 or more typed into a percentage cell is that many percent.
    if (!general && !n.percent && cellFormat.includes("%") && Math.abs(value) >= 1)
      value = Number((value / 100).toPrecision(15));
    if (!general) return { content: value };
    if (n.percent) return { content: value, format: `0${places}%` };
    if (n.currency) return { content: value, format: `$#,##0${places}` };
    if (n.grouped) return { content: value, format: `#,##0${places}` };
    return { content: value };
  }
  const date = parseDate(t);
  if (date) return general ? date : { content: date.content };
  return { content: typed };
}
