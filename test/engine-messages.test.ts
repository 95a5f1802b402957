/**
 * The engine's message catalogue (src/engine/messages.ts), written out: the CLI suites
 * (recalc, cli-template) refer to ENGINE_MSG instead of repeating its sentences, so this
 * is where each one is spelled out once. Every entry is covered (the last test checks that
 * none is left out), and none renders "undefined", "NaN" or "[object".
 */
import { ENGINE_MSG as M, PROGRESS_LABELS } from "../src/engine/messages";

const CASES: Record<Exclude<keyof typeof M, "usage">, [string, string]> = {
  version: [M.version("1.2.3"), "loan 1.2.3"],
  usageLine: [M.usageLine("unknown option --x"), "loan: unknown option --x (see loan --help)\n"],
  errorLine: [M.errorLine("a.xlsx: no such file"), "loan: a.xlsx: no such file\n"],
  commandNeeded: [M.commandNeeded(), "a command is needed: recalc or template"],
  unknownCommand: [M.unknownCommand("frob"), "unknown command frob"],
  unknownOption: [M.unknownOption("--bogus"), "unknown option --bogus"],
  needsPositive: [M.needsPositive("--max-cells", "many"), '--max-cells needs a positive number; got "many"'],
  needsFileName: [M.needsFileName("-o"), "-o needs a file name"],
  notXlsxName: [M.notXlsxName("-o", "out.csv"), "-o out.csv: the output must be an .xlsx (or .xlsm) file name"],
  oneInput: [M.oneInput("a.xlsx", "b.xlsx"), "one input file at a time; got a.xlsx and b.xlsx"],
  recalcNeedsInput: [M.recalcNeedsInput(), "recalc needs an input .xlsx file"],
  stateNeedsCode: [M.stateNeedsCode(), "--state needs a two-letter state code"],
  needsDate: [
    M.needsDate("--as-of", "12/07/2026"),
    '--as-of needs a date as YYYY-MM-DD (for example 2026-12-07); got "12/07/2026"',
  ],
  dealWarnings: [M.dealWarnings(""), "  Warnings on the deal: none"],
  dealNotReliable: [M.dealNotReliable("the loan is negative"), "  The verdict is not reliable: the loan is negative"],
  oneTemplate: [M.oneTemplate("blank", "value-add"), "one template at a time; got blank and value-add"],
  templateNeedsName: [M.templateNeedsName(), "template needs a template name (see loan template --list)"],
  noTemplate: [M.noTemplate("nope", ["blank", "value-add"]), "no template named nope; one of: blank, value-add"],
  badState: [M.badState("ZZ", "unknown state ZZ"), "--state ZZ: unknown state ZZ"],
  stateNotForPortfolio: [
    M.stateNotForPortfolio(),
    "--state does not apply to the portfolio: each loan row has its own state",
  ],
  outputExists: [
    M.outputExists("a.recalc.xlsx"),
    "a.recalc.xlsx exists; name it with -o to replace it, or add --force (nothing was computed)",
  ],
  noSuchFile: [M.noSuchFile("a.xlsx"), "a.xlsx: no such file"],
  inputIsFolder: [M.inputIsFolder("book"), "book: is a folder, not an .xlsx file"],
  cannotRead: [M.cannotRead("a.xlsx", "EACCES"), "a.xlsx: cannot be read (EACCES)"],
  encrypted: [
    M.encrypted("a.xlsx"),
    "a.xlsx: is password-protected (encrypted) or an old .xls workbook; save it in Excel as an unprotected .xlsx and try again",
  ],
  notXlsx: [M.notXlsx("a.xlsx", true), "a.xlsx: is not an .xlsx workbook (the file is empty)"],
  corrupt: [M.corrupt("a.xlsx"), "a.xlsx: cannot be read as an .xlsx workbook; the file may be corrupt"],
  corruptBecause: [
    M.corruptBecause("a.xlsx", "bad header"),
    "a.xlsx: cannot be read as an .xlsx workbook (bad header); the file may be corrupt",
  ],
  overMaxSize: [
    M.overMaxSize("a.xlsx", "12 MB", "10 MB", "600 MB"),
    "a.xlsx: expands to 12 MB uncompressed, over the limit of 10 MB (--max-size MB); it needs about 600 MB of memory (give Node more with NODE_OPTIONS=--max-old-space-size=MB); nothing was computed",
  ],
  overMaxCells: [
    M.overMaxCells("a.xlsx", "1,200", "9", "10", "1 MB"),
    "a.xlsx: has 1,200 cells (9 formulas), over the limit of 10 (--max-cells N); it needs about 1 MB of memory (give Node more with NODE_OPTIONS=--max-old-space-size=MB); nothing was computed",
  ],
  moreThan4GB: [M.moreThan4GB(), "more than 4 GB"],
  inflatesPast: [
    M.inflatesPast("a.xlsx", "1 MB"),
    "a.xlsx: its parts inflate to more than 1 MB (--max-size MB), more than its zip directory declares or allows; nothing was computed",
  ],
  zip64: [
    M.zip64("a.xlsx"),
    "a.xlsx: is a ZIP64 package (over 4 GB), which recalc does not read; nothing was computed",
  ],
  overMaxSpan: [
    M.overMaxSpan("a.xlsx", "S1", "A1:XFD1048576", "17,179,869,184", "16,000,000"),
    "a.xlsx: sheet S1 spans A1:XFD1048576; the workbook's sheets span 17,179,869,184 cells, over the limit of 16,000,000 (--max-cells N × 16); nothing was computed",
  ],
  overSharedStrings: [
    M.overSharedStrings("a.xlsx", "1,000,000"),
    "a.xlsx: has more than 1,000,000 shared strings, over the limit (--max-cells N); nothing was computed",
  ],
  notExcel: [
    M.notExcel("a.xlsx", "no workbook part"),
    "a.xlsx: is not an Excel workbook (no workbook part); nothing was computed",
  ],
  macroOutput: [
    M.macroOutput("a.xlsm", "b.xlsx"),
    "a.xlsm: is a macro-enabled workbook; name the output b.xlsm (.xlsm), as Excel requires",
  ],
  plainOutput: [
    M.plainOutput("a.xlsx", "b.xlsm"),
    "a.xlsx: is not macro-enabled; name the output b.xlsx (.xlsx), as Excel requires",
  ],
  abortAt: [
    M.abortAt("a.xlsx", "'Sheet 2'!C3", "<v> is not closed"),
    "a.xlsx: 'Sheet 2'!C3: <v> is not closed; nothing was written",
  ],
  noFolder: [M.noFolder("out/a.xlsx", "/x/out"), "out/a.xlsx: cannot be written: the folder /x/out does not exist"],
  outputIsFolder: [M.outputIsFolder("out"), "out: is a folder; give a file name ending in .xlsx"],
  cannotWrite: [
    M.cannotWrite("a.xlsx", "the disk is full (ENOSPC)"),
    "a.xlsx: cannot be written: the disk is full (ENOSPC); nothing was changed",
  ],
  recalculated: [M.recalculated("a.xlsx", "b.xlsx", true), "Recalculated a.xlsx → b.xlsx (values only)"],
  sheets: [
    M.sheets([
      { name: "S", formulas: 1 },
      { name: "T", formulas: 0 },
    ]),
    "  Sheets: S (1 formula), T (0 formulas)",
  ],
  computed: [M.computed(4, 8), "  Formulas computed: 4 of 8"],
  cellsInError: [M.cellsInError(1), "  Cells in error: 1"],
  errorCell: [M.errorCell("S!B8", "#VALUE!", "noi must be a number."), "    S!B8  #VALUE!  noi must be a number."],
  andMore: [M.andMore(3), "    … and 3 more"],
  keptCount: [M.keptCount(4), "  Kept as cached, not recomputed: 4 (Excel's value kept)"],
  keptCell: [M.keptCell("S!A7", "why"), "    S!A7  why"],
  unsupported: [
    M.unsupported([
      { name: "FOOBAR", cells: 1 },
      { name: "RANK", cells: 2 },
    ]),
    "  Functions it could not compute: FOOBAR (1 cell), RANK (2 cells)",
  ],
  wrote: [M.wrote("Blank deal", "blank.xlsx", false), "Wrote Blank deal → blank.xlsx"],
  templateSheet: [
    M.templateSheet("Deal", 120, 40, "Personal exposure against sale price"),
    "  Sheet: Deal (120 formulas, 40 names; chart: Personal exposure against sale price)",
  ],
  notImplemented: [M.notImplemented("RANK"), "function RANK is not implemented by the engine"],
  nameNotDefined: [M.nameNotDefined("Rate"), "name Rate is not defined as the engine reads names"],
  syntax: [M.syntax(), "formula syntax the engine does not parse"],
  joinedNumber: [
    M.joinedNumber(),
    "a number joined to text: the engine shows 17 significant digits where Excel shows 15",
  ],
  dataTable: [M.dataTable(), "a data table (What-If Analysis), which the engine does not compute"],
  externalReference: [M.externalReference(), "a reference to another workbook"],
  richValue: [M.richValue(), "a rich value (a data type or a picture in the cell)"],
  implicitIntersection: [
    M.implicitIntersection(),
    "a range where one value is expected outside an array formula: Excel reads it by implicit intersection, which the engine does not compute",
  ],
  tooComplex: [M.tooComplex(8191), "a formula of 8,191 characters nested too deeply for the engine"],
  arraySize: [M.arraySize("J1:J3", 2, 1), "an array formula over J1:J3 whose result is 2×1: its range is not resized"],
  arrayCells: [M.arrayCells("A1:B2"), "an array formula over A1:B2 whose cells are not all in the file"],
  arrayBlocked: [M.arrayBlocked("A1:B2"), "an array formula over A1:B2 whose result the engine could not place"],
  circular: [
    M.circular(),
    "a circular reference, and the workbook's iterative calculation is off (Excel warns and keeps its values)",
  ],
  notConverged: [
    M.notConverged(100, 0.001),
    "a circular reference that did not settle within the workbook's 100 iterations (maximum change 0.001)",
  ],
  notTested: [M.notTested("AVEDEV"), "function AVEDEV is not on the conformance-tested list (docs/recalc.md)"],
  engineError: [M.engineError("#VALUE!"), "the engine gives #VALUE! where Excel's cached value is not an error"],
  threeD: [
    M.threeD(),
    "a 3-D reference (Sheet1:Sheet3!A1) outside SUM, COUNTA and the other functions Excel takes one in",
  ],
  structuredReference: [
    M.structuredReference(),
    "a structured reference (Table1[Column]), which the engine does not compute",
  ],
  spillReference: [M.spillReference(), "a spill reference (A1#), which the engine does not compute"],
  nameNotRead: [M.nameNotRead("Total"), "name Total could not be read by the engine"],
  nameExternal: [M.nameExternal("Rate"), "name Rate refers to another workbook"],
  binarySearch: [
    M.binarySearch("XLOOKUP"),
    "XLOOKUP with a binary search (search_mode 2 or -2), which is not on the conformance-tested list",
  ],
  nestedSubtotal: [
    M.nestedSubtotal(),
    "a SUBTOTAL over cells that hold SUBTOTAL themselves (Excel skips them; the engine does not)",
  ],
  unknownError: [M.unknownError("#NULL!"), "it reads the error #NULL!, which the engine does not have"],
  iterated: [M.iterated(2), "  Circular references: 2 cells computed by iteration, as the workbook's settings say"],
  volatileCount: [
    M.volatileCount(1),
    "  Volatile: 1 cell depends on NOW, TODAY, RAND or RANDBETWEEN (a new value each calculation)",
  ],
  sharedWithoutMaster: [M.sharedWithoutMaster(), "a shared formula whose master cell is missing"],
  emptyFormula: [M.emptyFormula(), "an empty formula"],
};

test.each(Object.entries(CASES))("%s renders its sentence", (_name, [got, want]) => {
  expect(got).toBe(want);
  expect(got).not.toMatch(/undefined|NaN|\[object/);
});

test("the variants of the entries that take a choice", () => {
  expect(M.needsPositive("--max-size", undefined)).toBe("--max-size needs a positive number; got nothing");
  expect(M.notXlsx("a.xlsx", false)).toBe("a.xlsx: is not an .xlsx workbook");
  expect(M.errorCell("S!A1", "#DIV/0!")).toBe("    S!A1  #DIV/0!");
  expect(M.keptCount(0)).toBe("  Kept as cached, not recomputed: 0");
  expect(M.unsupported([])).toBe("  Functions it could not compute: none");
  expect(M.recalculated("a.xlsx", "b.xlsx", false)).toBe("Recalculated a.xlsx → b.xlsx");
  expect(M.wrote("Blank deal", "blank.xlsx", true)).toBe("Wrote Blank deal → blank.xlsx (values only)");
});

test("the help names both commands, the limits it is given and the exit statuses", () => {
  const usage = M.usage("1,234", "5,678,000");
  expect(usage.startsWith("Usage:\n  loan recalc IN.xlsx [-o OUT.xlsx]")).toBe(true);
  expect(usage).toContain("in Node's heap, 1,234 MB here)");
  expect(usage).toContain("in Node's heap, 5,678,000 here); more memory:");
  expect(usage).toContain(
    "  loan template NAME [-o OUT.xlsx] [--state XX] [--as-of YYYY-MM-DD] [--values]\n  loan template --list",
  );
  expect(usage).toContain("Exit status: 0 every formula recomputed; 1 with --strict, some cell is in error; 2 bad");
  expect(usage).not.toMatch(/undefined|NaN|\[object/);
  expect(Object.values(PROGRESS_LABELS)).toEqual(["reading", "computing", "writing"]);
});

test("every entry of the catalogue is written out here", () => {
  expect(Object.keys(CASES).sort()).toEqual(
    Object.keys(M)
      .filter((k) => k !== "usage")
      .sort(),
  );
});
