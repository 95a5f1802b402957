/**
 * What typing a text into a cell of a given number format enters, as Excel (English, United
 * States) reads it: the cases shared by the sheet's entry (src/preview/entry.ts, in
 * test/preview-entry.test.ts) and the task pane's fields, which read their text the same way
 * with their input's cell format (src/taskpane/deal-form.ts, in test/deal-form.test.ts).
 * Worked out from Excel's documented reading ("Enter data manually in worksheet cells",
 * "Format numbers as percentages": in a percentage cell a number of 1 or more typed without
 * "%" is that many percent), not from either reader.
 */
export interface EntryCase {
  readonly typed: string;
  /** The cell's number format (the pane's fields: money "#,##0", rate "0.00%", share "0.0%", years "0"). */
  readonly format: string;
  /** The number entered, or undefined: the text is kept as text (the pane: not a number). */
  readonly value: number | undefined;
}

export const ENTRY_CASES: readonly EntryCase[] = [
  { typed: "6,450,000", format: "#,##0", value: 6_450_000 },
  { typed: "6450000", format: "#,##0", value: 6_450_000 },
  { typed: "$6,450,000", format: "#,##0", value: 6_450_000 },
  { typed: "$1,250.50", format: "#,##0", value: 1250.5 },
  { typed: " 4,500,000 ", format: "#,##0", value: 4_500_000 },
  { typed: "(25,000)", format: "#,##0", value: -25_000 },
  { typed: "-25000", format: "#,##0", value: -25_000 },
  { typed: "1.5e6", format: "#,##0", value: 1_500_000 },
  { typed: "6.85%", format: "0.00%", value: 0.0685 },
  { typed: "6.85", format: "0.00%", value: 0.0685 },
  { typed: "0.0685", format: "0.00%", value: 0.0685 },
  { typed: "0.75%", format: "0.00%", value: 0.0075 },
  { typed: "90%", format: "0.0%", value: 0.9 },
  { typed: "90", format: "0.0%", value: 0.9 },
  { typed: "0.9", format: "0.0%", value: 0.9 },
  { typed: "7", format: "0", value: 7 },
  { typed: "7.5", format: "0", value: 7.5 },
  // Not numbers to Excel: misplaced separators, two signs, words.
  { typed: "4,00,000", format: "#,##0", value: undefined },
  { typed: "--5", format: "#,##0", value: undefined },
  { typed: "lots", format: "#,##0", value: undefined },
  { typed: "6.85 percent", format: "0.00%", value: undefined },
];
