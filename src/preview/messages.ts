/**
 * The browser preview's catalogue: what the preview says itself (its start-up failure, the
 * playground's help and results, the errors its stand-in Excel API throws). Messages of
 * the functions come from the core's catalogue; tests refer to these entries rather than
 * repeating the words (test/preview-messages.test.ts writes each one out).
 */
/** Each error value's meaning, in plain words, for when nothing more specific is known about a cell's error. */
export const ERROR_MEANINGS: Readonly<Record<string, string>> = {
  "#DIV/0!": "A division by zero: the number divided by is 0 or blank.",
  "#VALUE!": "A value of the wrong kind: text where a number is needed, or a number the function does not take.",
  "#N/A": "No value is available: a lookup found nothing, or an input the formula needs is missing.",
  "#NAME?": "An unknown name: a function or a named cell that does not exist (check the spelling).",
  "#REF!": "A reference to a cell that does not exist (deleted, or off the sheet).",
  "#NUM!": "A number that cannot be computed: too large, or with no answer (such as the square root of a negative).",
  "#ERROR!": "The formula could not be read.",
  "#SPILL!": "The result needs more cells than are free: clear the cells below and to the right.",
  "#CYCLE!": "A circular reference: the formula depends on its own cell.",
};

/** What is wrong in a formula the engine could not read, by what its parser says. */
export const PARSE_DETAIL = {
  missingParen: 'a ")" is missing: each "(" needs its ")".',
  missing: (what: string) => `${what} is missing.`,
  endsEarly: "it ends where a number, a cell or a function is needed (after an operator or a comma?).",
  unexpected: (found: string) => `"${found}" stands where a number, a cell or a function is needed.`,
  openQuote: 'a text in quotes is not closed: each " needs its closing ".',
  character: (c: string, at: number) => `the character "${c}" (character ${at} after the "=") is not expected there.`,
  extra: (found: string) => `"${found}" follows a complete formula (an operator or a comma missing?).`,
  other: "check its brackets, commas and quotes.",
} as const;

export const PREVIEW_MSG = {
  cannotStart: (why: string) => `The preview could not start: ${why}. Run npm run build (or npm start) first.`,
  playgroundHint: () => "Type =LOAN. and a function name; press Enter to compute.",
  unreadableFormula: (why: string) => `#ERROR!  The formula could not be read: ${why}`,
  errorResult: (error: string, message?: string) => `${error}${message ? `  ${message}` : ""}`,
  spills: (rows: number, cols: number, shown: number) =>
    `Spills ${rows} × ${cols}${rows > shown ? ` (first ${shown} rows shown)` : ""}`,
  signature: (name: string, params: string) => `LOAN.${name}(${params})`,
  parameter: (name: string, optional: boolean, description: string) =>
    `${name}${optional ? " (optional)" : ""}: ${description}`,
  examples: (count: number) => (count === 1 ? "Example" : "Examples"),
  tryLabel: () => "Try",
  tryFormula: (formula: string) => `Try ${formula}`,
  invalidSheetName: (name: string) => `The sheet name "${name}" is not valid.`,
  sheetExists: (name: string) => `A sheet named "${name}" already exists.`,
  noSheet: (name: string) => `There is no sheet named "${name}".`,
  dataSize: (range: string, height: number, width: number) =>
    `The data for ${range} does not match its size (${height}×${width}).`,
  addressOnSheet: (address: string) => `getRange takes an address on the sheet, not ${address}`,
  notLoaded: (property: string) =>
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  invalidPrint: (what: string) => `The print setting is not valid: ${what}.`,
  invalidChart: (what: string) => `The chart setting is not valid: ${what}.`,
  conditionalFormatType: (type: string) =>
    `The preview draws color scales only (ColorScale); conditionalFormats.add got ${type}.`,
  colorScaleCriterion: (type: string) =>
    `A color scale's point must be LowestValue, HighestValue, Percentile, Percent or Number; got ${type}.`,
  metadataFailed: (status: number, statusText: string) => `functions.json: ${status} ${statusText}`,
  /** An error value's meaning (ERROR_MEANINGS), or a sentence naming it. */
  errorMeaning: (error: string) => ERROR_MEANINGS[error] ?? `The formula's result is the error ${error}.`,
  /** A formula the engine could not read, with what is wrong in it (`PARSE_DETAIL`). */
  unreadable: (detail: string) => `The formula could not be read: ${detail}`,
  unknownFunction: (name: string) =>
    `There is no function named ${name}: check its spelling (the add-in's functions start with LOAN.).`,
  /** The chart: why it draws nothing, or why a line lies on the axis. */
  chartNoData: (where: string, why: string) =>
    `Nothing to draw: the cells it plots hold no numbers (${where}${why ? `: ${why}` : ""}).`,
  chartZeroLine: (series: string, what: string, across: string) =>
    `${series}: no ${what} at any ${across} in this range.`,
  /** The empty sheet's note: what to do first. */
  emptySheet: () =>
    "This sheet is empty. Pick a template in the task pane (left), then Insert deal model; or type a value or a =LOAN. formula into a cell.",
  scriptFailed: () => "functions.js could not be loaded",
} as const;
