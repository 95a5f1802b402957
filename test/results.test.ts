/**
 * Results shown by what they are (src/taskpane/results.ts), in the pane's guide and the
 * preview's playground: the documented examples' figures, each formatted as written out here
 * by hand from what the function returns (its declared `returns`).
 */
import { FUNCTION_FAMILIES } from "../src/functions/metadata";
import { PreviewBook } from "../src/preview/book";
import { evaluate } from "../src/preview/playground";
import { formatResult, resultKind, RESULT_KINDS, shownExampleResult } from "../src/taskpane/results";
import { addin } from "./emulated-excel";

describe("a documented example's result, as the guide shows it", () => {
  test.each([
    ["=LOAN.PAYMENT(4500000, 0.0685, 30)", "29486.6646", "29,486.66"],
    ["=LOAN.DEBT_SERVICE(4500000, 0.0685, 30, TRUE)", "308250", "308,250"],
    ["=LOAN.MAX_LOAN(500000, 0.0685, 30, 1.25, 0.75, 6450000)", "6666666.6667", "6,666,666.67"],
    ["=LOAN.DSCR(405000, 300000)", "1.35", "1.35x"],
    ["=LOAN.DEBT_YIELD(450000, 4500000)", "0.1", "10%"],
    ["=LOAN.LTV(4500000, 6000000)", "0.75", "75%"],
    ['=LOAN.MARKET_PREMIUM("BANK", "RATE")', "0.00875", "0.875%"],
    ['=LOAN.MARKET_PREMIUM("AGENCY", "LTV_CAP", "HIGH")', "0.8", "80%"],
    ["=LOAN.DEFAULT_PROBABILITY(6450000, 4091976, 7, 0.15, 0.045, 0.0775)", "0.3539", "35.39%"],
    ["=LOAN.BREAKEVEN_PROBABILITY(180000, 1050000)", "0.1714285714", "17.14%"],
    ["=LOAN.FAIR_SPREAD(100000, 4500000, 7, 0.045)", "0.0037008", "37.0 bp"],
    ['=LOAN.PUT_VALUE_PATH(1, 1, 0, 30, 7, 0.15, 0, 0, , , , , , , "PROBABILITY")', "0.25", "25.00%"],
    ["=LOAN.DEFICIENCY(485000, 420000, 32000, 0, 18000)", "115000", "115,000"],
    ['=LOAN.DEFICIENCY_ALLOWED("CA")', "FALSE", "FALSE"],
    [
      '=LOAN.QUALIFY(1.1, 0.7, "RECOURSE")',
      '"Fails: DSCR short by 0.1 (min 1.2)"',
      '"Fails: DSCR short by 0.1 (min 1.2)"',
    ],
    ["=LOAN.AMORTIZATION(1000, 0.12, 1)", "13×5", "13×5"],
  ])("%s → %s: %s", (formula, documented, shown) => {
    expect(shownExampleResult(formula, documented)).toBe(shown);
  });

  test("a formula that does more than call one function has no kind; its number is shown plainly", () => {
    expect(resultKind("=LOAN.DSCR(1, 2)*2")).toBeUndefined();
    expect(resultKind("=SUM(1, 2)")).toBeUndefined();
    expect(resultKind('=LOAN.DSCR(LEN("a)"), 2)')).toBe("ratio");
    expect(formatResult(1234.5678, undefined)).toBe("1,234.57");
    expect(formatResult(0.1714285714, undefined)).toBe("0.1714285714");
  });

  test("a spilled schedule's figures are money: the playground shows them so", () => {
    const book = new PreviewBook(addin);
    const out = evaluate(book, "=LOAN.AMORTIZATION(1000, 0.12, 1)");
    expect(out).toMatchObject({ kind: "spill", of: "money" });
    // 1,000 at 1 % a month over 12 months: the payment is 88.85 (1000 × 0.01 / (1 − 1.01^−12) = 88.8488…)
    expect(formatResult(88.84878867834166, "money")).toBe("88.85");
  });

  test("every LOAN function that returns a number has a kind", () => {
    const numeric = FUNCTION_FAMILIES.flatMap((f) => f.functions)
      .filter((f) => f.result?.type === "number")
      .map((f) => f.name)
      .sort();
    expect(numeric.filter((n) => RESULT_KINDS[n] === undefined)).toEqual([]);
  });
});
