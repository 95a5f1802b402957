/**
 * The browser preview's catalogue: what the preview says itself (its start-up failure, the
 * playground's help and results, the errors its stand-in Excel API throws). Messages of
 * the functions come from the core's catalogue; tests refer to these entries rather than
 * repeating the words (test/preview-messages.test.ts writes each one out).
 */
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
  scriptFailed: () => "functions.js could not be loaded",
} as const;
