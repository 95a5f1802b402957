/**
 * The engine layer's catalogue: what `npx loan` prints (the help, the summaries, the usage
 * and file errors) and the reasons a recalculated cell keeps Excel's cached value. Worded
 * once here; the code and the tests refer to these entries rather than repeating the words
 * (test/engine-messages.test.ts writes each one out).
 */

/** "s" after a count other than one. */
const plural = (n: number): string => (n === 1 ? "" : "s");
const valuesOnly = (values: boolean): string => (values ? " (values only)" : "");
const NEED_MEMORY = "(give Node more with NODE_OPTIONS=--max-old-space-size=MB); nothing was computed";

export const ENGINE_MSG = {
  /** `loan --help`, with the default limits (already formatted) of this machine. */
  usage: (maxMegabytes: string, maxCells: string) => `Usage:
  loan recalc IN.xlsx [-o OUT.xlsx] [--force] [--values] [--strict] [--max-size MB] [--max-cells N]

  Computes every formula of IN.xlsx or IN.xlsm (Excel's built-ins and LOAN.*) and writes
  the results as cached values next to the formulas, so the workbook shows numbers without
  the add-in. Only those values change: every other part of the file (charts, pivot tables,
  macros, styles, names) stays byte for byte. A formula the engine cannot compute as Excel
  does keeps the value Excel cached; the summary lists it and why (docs/recalc.md).

  -o, --output OUT.xlsx  where to write (default: IN.recalc.xlsx beside IN; .xlsm for a
                         macro-enabled IN). The output is written to a temporary file and
                         renamed, so a failed write changes nothing; -o may name IN itself
  --force                replace an existing output that -o does not name
  --values               write values only, replacing formulas by their results
  --strict               exit with status 1 when any cell is in error
  --max-size MB          refuse a workbook whose parts inflate to more than MB (default:
                         what fits in Node's heap, ${maxMegabytes} MB here)
  --max-cells N          refuse a workbook of more than N non-empty cells or shared strings,
                         or whose sheets span more than 16 × N cells (default: what fits
                         in Node's heap, ${maxCells} here); more memory:
                         NODE_OPTIONS=--max-old-space-size=MB
  -h, --help             this help
  --version              the version

  Exit status: 0 every formula recomputed; 1 with --strict, some cell is in error; 2 bad
  usage, or a file that cannot be read, is over a limit or cannot be written (nothing is
  written); 3 some formulas kept Excel's cached value (listed in the summary).

  loan template NAME [-o OUT.xlsx] [--state XX] [--as-of YYYY-MM-DD] [--values]
  loan template --list

  Writes a deal template (the side-by-side recourse / non-recourse model), or the guarantor
  portfolio (portfolio: loans under a stress, rolled up per guarantor), as a workbook of
  formulas with their results cached. --list shows the templates.

  -o, --output OUT.xlsx  where to write (default: NAME.xlsx)
  --state XX             apply state XX's deficiency law instead of the template's
  --as-of YYYY-MM-DD     the analysis date the market table's age is judged against
                         (default: today); a table over six months old is a warning
  --values               write values only`,
  version: (version: string) => `loan ${version}`,

  // Usage errors (printed as "loan: … (see loan --help)", exit 2).
  usageLine: (message: string) => `loan: ${message} (see loan --help)\n`,
  errorLine: (message: string) => `loan: ${message}\n`,
  commandNeeded: () => "a command is needed: recalc or template",
  unknownCommand: (command: string) => `unknown command ${command}`,
  unknownOption: (option: string) => `unknown option ${option}`,
  needsPositive: (flag: string, raw: string | undefined) =>
    `${flag} needs a positive number; got ${raw === undefined ? "nothing" : JSON.stringify(raw)}`,
  needsFileName: (flag: string) => `${flag} needs a file name`,
  notXlsxName: (flag: string, name: string) => `${flag} ${name}: the output must be an .xlsx (or .xlsm) file name`,
  oneInput: (first: string, second: string) => `one input file at a time; got ${first} and ${second}`,
  recalcNeedsInput: () => "recalc needs an input .xlsx file",
  stateNeedsCode: () => "--state needs a two-letter state code",
  needsDate: (flag: string, raw: string | undefined) =>
    `${flag} needs a date as YYYY-MM-DD (for example 2026-12-07); got ${raw === undefined ? "nothing" : JSON.stringify(raw)}`,
  oneTemplate: (first: string, second: string) => `one template at a time; got ${first} and ${second}`,
  templateNeedsName: () => "template needs a template name (see loan template --list)",
  noTemplate: (name: string, ids: readonly string[]) => `no template named ${name}; one of: ${ids.join(", ")}`,
  badState: (state: string, why: string) => `--state ${state}: ${why}`,
  stateNotForPortfolio: () => "--state does not apply to the portfolio: each loan row has its own state",

  // Files that cannot be read, are over a limit or cannot be written (exit 2, nothing written).
  outputExists: (output: string) =>
    `${output} exists; name it with -o to replace it, or add --force (nothing was computed)`,
  noSuchFile: (file: string) => `${file}: no such file`,
  inputIsFolder: (file: string) => `${file}: is a folder, not an .xlsx file`,
  cannotRead: (file: string, code: string) => `${file}: cannot be read (${code})`,
  encrypted: (file: string) =>
    `${file}: is password-protected (encrypted) or an old .xls workbook; save it in Excel as an unprotected .xlsx and try again`,
  notXlsx: (file: string, empty: boolean) => `${file}: is not an .xlsx workbook${empty ? " (the file is empty)" : ""}`,
  corrupt: (file: string) => `${file}: cannot be read as an .xlsx workbook; the file may be corrupt`,
  corruptBecause: (file: string, why: string) =>
    `${file}: cannot be read as an .xlsx workbook (${why}); the file may be corrupt`,
  overMaxSize: (file: string, size: string, limit: string, memory: string) =>
    `${file}: expands to ${size} uncompressed, over the limit of ${limit} (--max-size MB); it needs about ${memory} of memory ${NEED_MEMORY}`,
  overMaxCells: (file: string, cells: string, formulas: string, limit: string, memory: string) =>
    `${file}: has ${cells} cells (${formulas} formulas), over the limit of ${limit} (--max-cells N); it needs about ${memory} of memory ${NEED_MEMORY}`,
  moreThan4GB: () => "more than 4 GB",
  inflatesPast: (file: string, limit: string) =>
    `${file}: its parts inflate to more than ${limit} (--max-size MB), more than its zip directory declares or allows; nothing was computed`,
  zip64: (file: string) => `${file}: is a ZIP64 package (over 4 GB), which recalc does not read; nothing was computed`,
  overMaxSpan: (file: string, sheet: string, extent: string, span: string, limit: string) =>
    `${file}: sheet ${sheet} spans ${extent}; the workbook's sheets span ${span} cells, over the limit of ${limit} (--max-cells N × 16); nothing was computed`,
  overSharedStrings: (file: string, limit: string) =>
    `${file}: has more than ${limit} shared strings, over the limit (--max-cells N); nothing was computed`,
  notExcel: (file: string, what: string) => `${file}: is not an Excel workbook (${what}); nothing was computed`,
  macroOutput: (file: string, output: string) =>
    `${file}: is a macro-enabled workbook; name the output ${output.replace(/\.xlsx$/i, ".xlsm")} (.xlsm), as Excel requires`,
  plainOutput: (file: string, output: string) =>
    `${file}: is not macro-enabled; name the output ${output.replace(/\.xlsm$/i, ".xlsx")} (.xlsx), as Excel requires`,
  abortAt: (file: string, where: string, why: string) => `${file}: ${where}: ${why}; nothing was written`,
  noFolder: (file: string, folder: string) => `${file}: cannot be written: the folder ${folder} does not exist`,
  outputIsFolder: (file: string) => `${file}: is a folder; give a file name ending in .xlsx`,
  cannotWrite: (file: string, why: string) => `${file}: cannot be written: ${why}; nothing was changed`,

  // The summary of `loan recalc` and `loan template`.
  recalculated: (input: string, output: string, values: boolean) =>
    `Recalculated ${input} → ${output}${valuesOnly(values)}`,
  sheets: (sheets: readonly { name: string; formulas: number }[]) =>
    `  Sheets: ${sheets.map((x) => `${x.name} (${x.formulas} formula${plural(x.formulas)})`).join(", ")}`,
  computed: (recomputed: number, formulas: number) => `  Formulas computed: ${recomputed} of ${formulas}`,
  cellsInError: (count: number) => `  Cells in error: ${count}`,
  errorCell: (address: string, error: string, message?: string) =>
    `    ${address}  ${error}${message ? `  ${message}` : ""}`,
  andMore: (count: number) => `    … and ${count} more`,
  keptCount: (count: number) => `  Kept as cached, not recomputed: ${count}${count ? " (Excel's value kept)" : ""}`,
  keptCell: (address: string, reason: string) => `    ${address}  ${reason}`,
  unsupported: (functions: readonly { name: string; cells: number }[]) =>
    `  Functions it could not compute: ${functions.length ? functions.map((u) => `${u.name} (${u.cells} cell${plural(u.cells)})`).join(", ") : "none"}`,
  iterated: (count: number) =>
    `  Circular references: ${count} cell${plural(count)} computed by iteration, as the workbook's settings say`,
  volatileCount: (count: number) =>
    `  Volatile: ${count} cell${plural(count)} ${count === 1 ? "depends" : "depend"} on NOW, TODAY, RAND or RANDBETWEEN (a new value each calculation)`,
  wrote: (title: string, output: string, values: boolean) => `Wrote ${title} → ${output}${valuesOnly(values)}`,
  dealWarnings: (warnings: string) => `  Warnings on the deal: ${warnings || "none"}`,
  dealNotReliable: (reasons: string) => `  The verdict is not reliable: ${reasons}`,
  templateSheet: (sheet: string, formulas: number, names: number, chart: string | undefined) =>
    `  Sheet: ${sheet} (${formulas} formulas, ${names} names${chart ? `; chart: ${chart}` : ""})`,

  // Why a cell keeps Excel's cached value.
  notImplemented: (name: string) => `function ${name} is not implemented by the engine`,
  nameNotDefined: (name: string) => `name ${name} is not defined as the engine reads names`,
  syntax: () => "formula syntax the engine does not parse",
  joinedNumber: () => "a number joined to text: the engine shows 17 significant digits where Excel shows 15",
  dataTable: () => "a data table (What-If Analysis), which the engine does not compute",
  externalReference: () => "a reference to another workbook",
  richValue: () => "a rich value (a data type or a picture in the cell)",
  implicitIntersection: () =>
    "a range where one value is expected outside an array formula: Excel reads it by implicit intersection, which the engine does not compute",
  tooComplex: (length: number) =>
    `a formula of ${length.toLocaleString("en-US")} characters nested too deeply for the engine`,
  arraySize: (ref: string, rows: number, cols: number) =>
    `an array formula over ${ref} whose result is ${rows}×${cols}: its range is not resized`,
  arrayCells: (ref: string) => `an array formula over ${ref} whose cells are not all in the file`,
  arrayBlocked: (ref: string) => `an array formula over ${ref} whose result the engine could not place`,
  circular: () =>
    "a circular reference, and the workbook's iterative calculation is off (Excel warns and keeps its values)",
  notConverged: (iterations: number, delta: number) =>
    `a circular reference that did not settle within the workbook's ${iterations} iterations (maximum change ${delta})`,
  notTested: (name: string) => `function ${name} is not on the conformance-tested list (docs/recalc.md)`,
  engineError: (error: string) => `the engine gives ${error} where Excel's cached value is not an error`,
  threeD: () => "a 3-D reference (Sheet1:Sheet3!A1) outside SUM, COUNTA and the other functions Excel takes one in",
  structuredReference: () => "a structured reference (Table1[Column]), which the engine does not compute",
  spillReference: () => "a spill reference (A1#), which the engine does not compute",
  nameNotRead: (name: string) => `name ${name} could not be read by the engine`,
  nameExternal: (name: string) => `name ${name} refers to another workbook`,
  binarySearch: (name: string) =>
    `${name} with a binary search (search_mode 2 or -2), which is not on the conformance-tested list`,
  nestedSubtotal: () => "a SUBTOTAL over cells that hold SUBTOTAL themselves (Excel skips them; the engine does not)",
  unknownError: (code: string) => `it reads the error ${code}, which the engine does not have`,
  sharedWithoutMaster: () => "a shared formula whose master cell is missing",
  emptyFormula: () => "an empty formula",
} as const;

/** The progress bar's label for each phase. */
export const PROGRESS_LABELS = { read: "reading", compute: "computing", write: "writing" } as const;
