/**
 * Shows a value the way Excel shows it under a number format, for the formats the
 * templates use: thousands separators, fixed decimals, percentages, a quoted suffix
 * ("0.00\"x\""), a currency prefix. Anything else falls back to Excel's General format.
 */
export function formatValue(value: unknown, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (typeof value !== "number") return String(value);
  if (!numberFormat || numberFormat === "General") return general(value);
  const section = numberFormat.split(";")[value < 0 && numberFormat.includes(";") ? 1 : 0] ?? numberFormat;
  const suffix = /"([^"]*)"\s*$/.exec(section)?.[1] ?? "";
  const core = section.replace(/"[^"]*"/g, "");
  const percent = core.includes("%");
  const prefix = /^[^#0.]*/.exec(core)?.[0].replace(/[\\_*]./g, "") ?? "";
  const decimals = /\.([0#]+)/.exec(core)?.[1].length ?? 0;
  const grouping = core.includes(",");
  const n = percent ? value * 100 : value;
  const negative = n < 0 && !numberFormat.includes(";");
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
