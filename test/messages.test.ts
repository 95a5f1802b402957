/**
 * The core's message catalogue, worded once. The family suites refer to the catalogue
 * (MSG.belowMin(...).message) instead of repeating its sentences; this suite is where each
 * sentence is written out, so a change of wording is one reviewed change here. Every entry
 * of MSG is covered (the last test checks that none is left out).
 */
import { Fault, HINT, MSG } from "../src/core";
import { cells } from "./helpers";

const CASES: Record<keyof typeof MSG, [Fault, Fault["kind"], string]> = {
  notNumber: [MSG.notNumber("noi", "n/a"), "#VALUE!", 'noi must be a number; got text "n/a".'],
  notFinite: [
    MSG.notFinite("saleCosts", -Infinity),
    "#VALUE!",
    "saleCosts must be a finite number; got minus infinity.",
  ],
  notSingle: [
    MSG.notSingle("loanAmount", cells(2, 1)),
    "#VALUE!",
    "loanAmount must be a single value, not a range of 2×1 cells.",
  ],
  ragged: [MSG.ragged("triggered"), "#VALUE!", "triggered must be a rectangular range (every row the same length)."],
  notCellValue: [
    MSG.notCellValue("overrides", 2, 1),
    "#VALUE!",
    "overrides holds something that is not a number, text or TRUE/FALSE at row 2, column 1.",
  ],
  textTooLong: [
    MSG.textTooLong("overrides", 1, 2, 40000),
    "#VALUE!",
    "overrides holds 40000 characters at row 1, column 2; a cell holds at most 32767.",
  ],
  notBoolean: [MSG.notBoolean("interestOnly", ""), "#VALUE!", "interestOnly must be TRUE or FALSE; got empty text."],
  notText: [MSG.notText("measure", true), "#VALUE!", "measure must be text; got TRUE."],
  required: [MSG.required("structure"), "#VALUE!", "structure is required."],
  belowMin: [MSG.belowMin("amortYears", 0, 0, false), "#VALUE!", "amortYears must be more than 0; got 0."],
  aboveMax: [
    MSG.aboveMax("annualRate", 6.85, 1, true, HINT.rateDecimal),
    "#VALUE!",
    "annualRate must be at most 1; got 6.85. Rates are decimals: 6.85% is 0.0685.",
  ],
  aboveMaxFor: [
    MSG.aboveMaxFor("trigger", 75, 1, "an LTV trigger", HINT.fractionDecimal),
    "#VALUE!",
    "trigger must be at most 1 for an LTV trigger; got 75. Percentages are decimals: 75% is 0.75.",
  ],
  notNumberAt: [
    MSG.notNumberAt("loanAmounts", "n/a", 3, 1),
    "#VALUE!",
    'loanAmounts must hold numbers; got text "n/a" at row 3, column 1.',
  ],
  negativeAt: [
    MSG.negativeAt("loanAmounts", -5, 2, 1),
    "#VALUE!",
    "loanAmounts must not hold a negative amount; got -5 at row 2, column 1.",
  ],
  notWhole: [MSG.notWhole("paymentsPerYear", 2.5), "#VALUE!", "paymentsPerYear must be a whole number; got 2.5."],
  notWholePeriods: [
    MSG.notWholePeriods("amortYears", 10.01, 12),
    "#VALUE!",
    "amortYears × paymentsPerYear must be a whole number of periods; 10.01 years × 12 = 120.12.",
  ],
  exceeds: [
    MSG.exceeds("yearsElapsed", "maturityYears", 11, 10),
    "#VALUE!",
    "yearsElapsed must not exceed maturityYears (10); got 11.",
  ],
  shapeMismatch: [
    MSG.shapeMismatch("losses", "triggered", cells(1, 2), "2×1"),
    "#VALUE!",
    "losses must have the same shape as triggered (2×1); got a range of 1×2 cells.",
  ],
  columns: [
    MSG.columns("schedule", 2, cells(1, 3)),
    "#VALUE!",
    "schedule must be a range of 2 columns; got a range of 1×3 cells.",
  ],
  negativeLoss: [
    MSG.negativeLoss("losses", "WASTE", -5),
    "#VALUE!",
    "losses must not be negative; the loss for WASTE is -5.",
  ],
  unknownCode: [
    MSG.unknownCode("triggered", "ARSON", ["FRAUD", "WASTE"]),
    "#N/A",
    'triggered: unknown code "ARSON". Valid codes: FRAUD, WASTE.',
  ],
  unknownChoice: [
    MSG.unknownChoice("bound", "TOP", ["LOW", "MID", "HIGH"]),
    "#VALUE!",
    'bound must be one of LOW, MID, HIGH; got "TOP".',
  ],
  divByZero: [MSG.divByZero("annualDebtService"), "#DIV/0!", "annualDebtService is zero, and it divides."],
  unknownName: [
    MSG.unknownName("loanType", "loan type", "HUD", ["CMBS", "BANK"]),
    "#N/A",
    'loanType: unknown loan type "HUD". Valid loan types: CMBS, BANK.',
  ],
  stateUnknown: [
    MSG.stateUnknown("AL", "FAIR_VALUE_LIMIT"),
    "#N/A",
    "AL FAIR_VALUE_LIMIT is UNKNOWN in the state table; pass it in overrides.",
  ],
  barUnsettled: [
    MSG.barUnsettled("NC", "Certain primary residences."),
    "#N/A",
    "NC RESIDENTIAL_BAR may apply, the table cannot tell: Certain primary residences. Pass it in overrides.",
  ],
  mayApply: [
    MSG.mayApply("PA", "FAIR_VALUE_LIMIT", "it applies only when the foreclosing lender bought the property."),
    "#N/A",
    "PA FAIR_VALUE_LIMIT may apply, the table cannot tell: it applies only when the foreclosing lender bought the property. Pass it in overrides.",
  ],
  noPowerOfSale: [
    MSG.noPowerOfSale("FL"),
    "#N/A",
    "FL forecloses mortgages in court only (NONJUDICIAL_DEFICIENCY is NO_POWER_OF_SALE); pass foreclosure JUDICIAL.",
  ],
  waiverParty: [MSG.waiverParty(), "#VALUE!", "waived applies to a guarantor's waiver only; pass party GUARANTOR."],
  noRecourseOption: [MSG.noRecourseOption("CMBS"), "#N/A", "CMBS has no recourse version to charge points over."],
  overrideValue: [
    MSG.overrideValue("overrides", "ONE_ACTION", "TRUE or FALSE", 3),
    "#VALUE!",
    "overrides ONE_ACTION must be TRUE or FALSE; got 3.",
  ],
  badRule: [
    MSG.badRule("overrides", "sometimes"),
    "#VALUE!",
    'overrides cannot read the rule "sometimes" (see docs/function-notes.md: NONE, R+P+O; N:R?...).',
  ],
  notAscending: [MSG.notAscending("burnDown", 1, 3), "#VALUE!", "burnDown from-years must increase; got 1 after 3."],
  needs: [MSG.needs("loanAmount", "net worth"), "#VALUE!", "loanAmount is required for the net worth test."],
  notForCCorporation: [
    MSG.notForCCorporation("depreciableBasis"),
    "#VALUE!",
    "depreciableBasis elects the §108(c) exclusion, which a C corporation may not; omit it or set cCorporation FALSE.",
  ],
  badCurve: [
    MSG.badCurve("curve", "years must increase; got 2 after 5"),
    "#VALUE!",
    "curve is not a usable Treasury curve: years must increase; got 2 after 5.",
  ],
  requiredWith: [
    MSG.requiredWith("defaultYear", "discountRate", "the year the loss falls in"),
    "#VALUE!",
    "defaultYear is required when discountRate is given (the year the loss falls in).",
  ],
  notEven: [
    MSG.notEven("paths", 1001, "paths are simulated in antithetic pairs"),
    "#VALUE!",
    "paths must be an even number (paths are simulated in antithetic pairs); got 1001.",
  ],
  tooLarge: [
    MSG.tooLarge("put value"),
    "#VALUE!",
    "The put value is too large for a number (above 1.8e308); check the amounts, years and rates.",
  ],
  noBreakeven: [
    MSG.noBreakeven(1200000, 1050000),
    "#N/A",
    "No break-even: the premium (1200000) exceeds the loss it insures (1050000), so non-recourse cannot pay for itself at any default probability.",
  ],
};

describe("the message catalogue", () => {
  test.each(Object.entries(CASES))("%s", (_name, [fault, kind, message]) => {
    expect(fault).toBeInstanceOf(Fault);
    expect(fault.kind).toBe(kind);
    expect(fault.message).toBe(message);
  });
  test("echoes: empty, text cut at 30 characters, non-finite numbers, other objects", () => {
    expect(MSG.notNumber("x", null).message).toBe("x must be a number; got an empty value.");
    expect(MSG.notNumber("x", "a".repeat(40)).message).toBe(`x must be a number; got text "${"a".repeat(27)}...".`);
    expect(MSG.notFinite("x", NaN).message).toBe("x must be a finite number; got NaN.");
    expect(MSG.notFinite("x", Infinity).message).toBe("x must be a finite number; got infinity.");
    expect(MSG.notNumber("x", {}).message).toBe("x must be a number; got a value of type object.");
  });
  test("every entry of MSG has a case here", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(MSG).sort());
  });
});
