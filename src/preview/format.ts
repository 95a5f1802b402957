import { MONTH_NAMES, serialToParts } from "../engine/excel-format";

/**
 * Shows a value the way Excel shows it under a number format, for the formats the
 * templates use: thousands separators, fixed decimals, percentages, a quoted suffix
 * ("0.00\"x\""), a currency prefix, dates (d, m, y codes). Anything else falls back to
 * Excel's General format.
 */
export function formatValue(value: unknown, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (typeof value !== "number") return String(value);
  if (!numberFormat || numberFormat === "General") return general(value);
  if (isDateFormat(numberFormat)) return formatDate(value, numberFormat);
  // Sections: positive; negative; zero (a missing one is the first's).
  const sections = numberFormat.split(";");
  const section = (value < 0 ? sections[1] : value === 0 ? sections[2] : undefined) ?? sections[0];
  // A section without a digit placeholder shows only its text ('"TRUE";"TRUE";"FALSE"', a boolean's format).
  if (!/[0#?]/.test(section.replace(/"[^"]*"/g, "")))
    return section.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const suffix = /"([^"]*)"\s*$/.exec(section)?.[1] ?? "";
  const core = section.replace(/"[^"]*"/g, "");
  const percent = core.includes("%");
  const prefix = /^[^#0.]*/.exec(core)?.[0].replace(/[\\_*]./g, "") ?? "";
  const decimals = /\.([0#]+)/.exec(core)?.[1].length ?? 0;
  const grouping = core.includes(",");
  const n = percent ? value * 100 : value;
  const negative = n < 0 && sections[1] === undefined;
  const text = Math.abs(n).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  return `${negative ? "-" : ""}${prefix}${text}${percent ? "%" : ""}${suffix}`;
}

/** Excel's General format: up to 11 significant characters, no grouping. */
function general(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e11) return String(x);
  const s = String(Number(x.toPrecision(10)));
  return s.length > 12 ? x.toExponential(4).replace("e+", "E+").replace("e-", "E-") : s;
}

/** Does a format show a date (day, month or year codes outside quoted text)? */
function isDateFormat(format: string): boolean {
  return /[dy]|m{3}/i.test(format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, ""));
}

/** An Excel date serial under a date format (yyyy, yy, mmmm, mmm, mm, m, dd, d). */
function formatDate(serial: number, format: string): string {
  if (serial < 0 || serial >= 2958466) return "#".repeat(10);
  const { year: y, month, day: d } = serialToParts(Math.floor(serial));
  const m = month - 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  return format.replace(/"([^"]*)"|yyyy|yy|mmmm|mmm|mm|m|dd|d/gi, (token, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted;
    switch (token.toLowerCase()) {
      case "yyyy":
        return String(y);
      case "yy":
        return pad(y % 100);
      case "mmmm":
        return MONTH_NAMES[m];
      case "mmm":
        return MONTH_NAMES[m].slice(0, 3);
      case "mm":
        return pad(m + 1);
      case "m":
        return String(m + 1);
      case "dd":
        return pad(d);
      default:
        return String(d);
    }
  });
}
