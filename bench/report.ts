/**
 * What both benchmarks (bench.ts, engine-bench.ts) share: reading their settings from the
 * environment, the median of samples, and the number formats and tables of their reports.
 */

/** A positive whole number from an environment variable, or the fallback. */
export function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A number with a fixed count of decimals and grouping commas (en-US). */
export const fmt = (x: number, digits: number): string =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A budget check as the reports show it; "—" where there is no budget. */
export const verdict = (pass: boolean | undefined): string => (pass === undefined ? "—" : pass ? "pass" : "FAIL");

/**
 * A plain-text table: the first column left-aligned, the others right-aligned; with
 * `lastLeft`, the last column left-aligned too (a note rather than a figure).
 */
export function textTable(header: string[], rows: string[][], lastLeft = false): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const last = header.length - 1;
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (lastLeft && j === last ? c : j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A Markdown table; `right` says which columns are right-aligned. */
export function mdTable(header: string[], rows: string[][], right: boolean[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    `| ${header.join(" | ")} |`,
    `|${right.map((r) => (r ? "---:" : ":---")).join("|")}|`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}
