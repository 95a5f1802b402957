/**
 * The preview's message catalogue (src/preview/messages.ts), written out: the e2e suite
 * refers to PREVIEW_MSG instead of repeating its sentences. Every entry is covered (the
 * last test checks that none is left out), and none renders "undefined" or "NaN".
 */
import { PREVIEW_MSG as M } from "../src/preview/messages";

const CASES: Record<keyof typeof M, [string, string]> = {
  cannotStart: [
    M.cannotStart("functions.json: 404 Not Found"),
    "The preview could not start: functions.json: 404 Not Found. Run npm run build (or npm start) first.",
  ],
  playgroundHint: [M.playgroundHint(), "Type =LOAN. and a function name; press Enter to compute."],
  unreadableFormula: [M.unreadableFormula("unexpected )"), "#ERROR!  The formula could not be read: unexpected )"],
  errorResult: [M.errorResult("#N/A", "no such code."), "#N/A  no such code."],
  spills: [M.spills(400, 5, 200), "Spills 400 × 5 (first 200 rows shown)"],
  signature: [M.signature("DSCR", "noi, debtService"), "LOAN.DSCR(noi, debtService)"],
  parameter: [M.parameter("paymentsPerYear", true, "12 by default"), "paymentsPerYear (optional): 12 by default"],
  examples: [M.examples(2), "Examples"],
  tryLabel: [M.tryLabel(), "Try"],
  tryFormula: [M.tryFormula("=LOAN.DSCR(1,2)"), "Try =LOAN.DSCR(1,2)"],
  errorMeaning: [M.errorMeaning("#DIV/0!"), "A division by zero: the number divided by is 0 or blank."],
  unreadable: [
    M.unreadable('a ")" is missing: each "(" needs its ")".'),
    'The formula could not be read: a ")" is missing: each "(" needs its ")".',
  ],
  unknownFunction: [
    M.unknownFunction("LOAN.PAYMNT"),
    "There is no function named LOAN.PAYMNT: check its spelling (the add-in's functions start with LOAN.).",
  ],
  chartNoData: [M.chartNoData("B40", "#VALUE!"), "Nothing to draw: the cells it plots hold no numbers (B40: #VALUE!)."],
  chartZeroLine: [
    M.chartZeroLine("Non-recourse", "personal exposure", "sale price"),
    "Non-recourse: no personal exposure at any sale price in this range.",
  ],
  emptySheet: [
    M.emptySheet(),
    "This sheet is empty. Pick a template in the task pane (left), then Insert deal model; or type a value or a =LOAN. formula into a cell.",
  ],
  invalidSheetName: [M.invalidSheetName("a/b"), 'The sheet name "a/b" is not valid.'],
  sheetExists: [M.sheetExists("Deal"), 'A sheet named "Deal" already exists.'],
  noSheet: [M.noSheet("Deal"), 'There is no sheet named "Deal".'],
  dataSize: [M.dataSize("A1:B2", 2, 2), "The data for A1:B2 does not match its size (2×2)."],
  addressOnSheet: [M.addressOnSheet("Other!A1"), "getRange takes an address on the sheet, not Other!A1"],
  notLoaded: [
    M.notLoaded("values"),
    "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ],
  invalidPrint: [M.invalidPrint("print title rows A1:B3"), "The print setting is not valid: print title rows A1:B3."],
  invalidChart: [M.invalidChart("majorTickMark Outer"), "The chart setting is not valid: majorTickMark Outer."],
  conditionalFormatType: [
    M.conditionalFormatType("DataBar"),
    "The preview draws color scales only (ColorScale); conditionalFormats.add got DataBar.",
  ],
  colorScaleCriterion: [
    M.colorScaleCriterion("Formula"),
    "A color scale's point must be LowestValue, HighestValue, Percentile, Percent or Number; got Formula.",
  ],
  metadataFailed: [M.metadataFailed(404, "Not Found"), "functions.json: 404 Not Found"],
  scriptFailed: [M.scriptFailed(), "functions.js could not be loaded"],
};

test.each(Object.entries(CASES))("%s renders its sentence", (_name, [got, want]) => {
  expect(got).toBe(want);
  expect(got).not.toMatch(/undefined|NaN|\[object/);
});

test("the variants of the entries that take a choice", () => {
  expect(M.errorResult("#DIV/0!")).toBe("#DIV/0!");
  expect(M.spills(13, 5, 200)).toBe("Spills 13 × 5");
  expect(M.parameter("noi", false, "net operating income")).toBe("noi: net operating income");
  expect(M.examples(1)).toBe("Example");
});

test("every entry of the catalogue is written out here", () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(M).sort());
});
