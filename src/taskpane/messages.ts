/**
 * The task pane's catalogue: every sentence the pane shows (status lines, button labels,
 * the deal form's messages, the Excel writer's results). Tests refer to these entries
 * rather than repeating the words. Messages about a LOAN function's arguments come from
 * the core's catalogue (src/core/messages.ts), as Excel shows them.
 */

/** The guide, the worked example and the pane's status lines. */
export const PANE_TEXT = {
  connecting: "Connecting to Excel…",
  outside: "Inserting needs Excel: open this add-in from Excel. The deal form and the function guide work anywhere.",
  otherHost: "Inserting needs Excel; this Office application is not Excel.",
  unsupported: (version: string) => `Inserting needs Excel API ${version} or later, which this version of Excel lacks.`,
  inserting: "Adding a new sheet with the worked example…",
  insertLabel: "Insert worked example",
  insertBusyLabel: "Inserting…",
  copyLabel: "Copy",
  copiedLabel: "Copied",
  selectedLabel: "Press Ctrl+C",
  copied: (formula: string) => `Copied ${formula} to the clipboard.`,
  selected: "Copying is blocked here. The formula is selected: press Ctrl+C (⌘C on a Mac).",
} as const;

/** The deal card's buttons and progress lines. */
export const DEAL_PANE_TEXT = {
  insert: "Insert deal model",
  inserting: "Inserting…",
  insertProgress: "Adding a new sheet with the deal model…",
  copy: "Copy model as values",
  copying: "Copying…",
  copyProgress: "Copying the active sheet as values to a new sheet…",
} as const;

/** The deal form's messages beside its fields and above the insert button. */
export const FORM_MESSAGES = {
  required: "Enter a number.",
  /** A percentage field's hint: `shown` % and `decimal` are the same; typed 1 or more, a plain number is percent. */
  percentHint: (shown: string, decimal: string, plainToo: boolean) =>
    `Percent, as Excel reads it: ${shown}%${plainToo ? `, ${shown}` : ""} or ${decimal}`,
  unknownTemplate: (id: string) => `No template named ${id}.`,
  invalid: (n: number) => `${n} field${n === 1 ? " needs" : "s need"} attention before inserting.`,
  wholeMonths: "Use whole months: years × 12 must be a whole number.",
  defaultYearAtLeastOne: "The default year must be at least 1 (a year after closing).",
} as const;

/** What the writer reports after inserting or copying a sheet. */
export const WRITER_MESSAGES = {
  inserted: (sheet: string) =>
    `Added the sheet "${sheet}". Blue cells are inputs: change one and the formulas recalculate.`,
  copied: (source: string, sheet: string) =>
    `Copied "${source}" as values to the new sheet "${sheet}"; "${source}" was not changed.`,
  printSkipped: (version: string) =>
    `Print setup skipped: this Excel lacks ExcelApi ${version}, so set landscape, fit to one page wide and the print titles in Page Layout yourself.`,
  emptySource: (source: string) => `"${source}" is empty: there is nothing to copy. No sheet was added.`,
  failedNothingAdded: (error: string) => `Could not add the sheet: ${error} No sheet was added.`,
  failedRemoved: (error: string, sheet: string) =>
    `Could not add the sheet: ${error} The partly written sheet "${sheet}" was removed; your other sheets were not touched.`,
  failedKept: (error: string, sheet: string) =>
    `Could not add the sheet: ${error} The partly written sheet "${sheet}" could not be removed; please delete it.`,
  notReliable: (reasons: readonly string[]) => `The verdict is not reliable: ${reasons.join("; ")}.`,
  warnings: (warnings: readonly string[]) => `To read before relying on it: ${warnings.join("; ")}.`,
  /** describeError: an Office error without a message, and a failure with nothing to say. */
  excelError: "Excel reported an error",
  unknownError: "Excel reported an unknown error.",
} as const;

/** The portfolio card: its button, progress line and the messages beside its fields. */
export const PORTFOLIO_PANE_TEXT = {
  insert: "Insert portfolio",
  inserting: "Inserting…",
  insertProgress: "Adding a new sheet with the guarantor portfolio…",
  notANumber: (label: string) => `${label}: enter a number, as Excel reads it (e.g. 200, -35%, 3).`,
  outOfRange: (label: string, low: string, high: string) => `${label} must be from ${low} to ${high}.`,
  wholeYear: (label: string) => `${label} must be a whole number of years.`,
} as const;
