/**
 * Every error the preview shows comes with a message in plain words (src/preview/errors.ts):
 * the spreadsheet engine's parser messages and generic words, for real formulas typed into
 * the preview's workbook, are replaced by what is wrong or what the error means; the
 * add-in's own messages are kept as they are.
 */
import { PreviewBook } from "../src/preview/book";
import { parseDetail, plainWords } from "../src/preview/errors";
import { evaluate } from "../src/preview/playground";
import { addin } from "./emulated-excel";

/** The error and the message the preview gives a formula typed into A1 of a fresh workbook. */
function typed(formula: string): { error?: string; message?: string } {
  const book = new PreviewBook(addin);
  book.engine.setCells("Sheet1", 0, 0, [[formula]]);
  const v = book.engine.value("Sheet1", 0, 0);
  return { error: v !== null && typeof v === "object" ? v.error : undefined, message: book.explain("Sheet1", 0, 0) };
}

describe("errors in the sheet, in plain words", () => {
  test.each([
    ["=1/0", "#DIV/0!", "A division by zero: the number divided by is 0 or blank."],
    ["=LOAN.DSCR(1,0)", "#DIV/0!", "A division by zero: the number divided by is 0 or blank."],
    ["=SUM(1,2", "#ERROR!", 'The formula could not be read: a ")" is missing: each "(" needs its ")".'],
    ["=LOAN.PAYMENT(1,2", "#ERROR!", 'The formula could not be read: a ")" is missing: each "(" needs its ")".'],
    [
      "=1+",
      "#ERROR!",
      "The formula could not be read: it ends where a number, a cell or a function is needed (after an operator or a comma?).",
    ],
    ['="abc', "#ERROR!", 'The formula could not be read: a text in quotes is not closed: each " needs its closing ".'],
    [
      "=1 2",
      "#ERROR!",
      'The formula could not be read: "2" follows a complete formula (an operator or a comma missing?).',
    ],
    [
      "=FOO(1)",
      "#NAME?",
      "There is no function named FOO: check its spelling (the add-in's functions start with LOAN.).",
    ],
    ["=#REF!", "#REF!", "A reference to a cell that does not exist (deleted, or off the sheet)."],
    [
      "=SQRT(-1)",
      "#NUM!",
      "A number that cannot be computed: too large, or with no answer (such as the square root of a negative).",
    ],
  ])("%s: %s, %s", (formula, error, message) => {
    expect(typed(formula)).toEqual({ error, message });
  });

  test("the add-in's own messages are kept", () => {
    const shown = typed('=LOAN.CARVEOUT_EXPOSURE(1, "ARSON")');
    expect(shown.error).toBe("#N/A");
    expect(shown.message).toContain('unknown code "ARSON"');
  });

  test("no parser's words reach the analyst", () => {
    for (const formula of ["=SUM(1,2", "=1+", "=)", '="abc', "=1 2", "=SUM(1,,"]) {
      const { message } = typed(formula);
      expect({ formula, message }).toEqual({ formula, message: expect.not.stringMatching(/token|-->|EOF|offset/i) });
    }
  });

  test("the playground says the same", () => {
    const book = new PreviewBook(addin);
    const out = evaluate(book, "=LOAN.PAYMENT(1,2");
    expect(out).toEqual({
      kind: "error",
      text: expect.stringContaining('a ")" is missing'),
    });
    expect(JSON.stringify(out)).not.toMatch(/RParen|-->/);
    expect(evaluate(book, "=1/0")).toEqual({
      kind: "error",
      text: "#DIV/0!  A division by zero: the number divided by is 0 or blank.",
    });
  });

  test("parseDetail and plainWords on messages of each shape", () => {
    expect(parseDetail("Parsing error. Expecting token of type --> ArgSeparator <-- but found --> '' <--")).toBe(
      'a "," is missing.',
    );
    expect(parseDetail("Parsing error. something new")).toBe("check its brackets, commas and quotes.");
    expect(plainWords("#VALUE!", "Division by zero")).toMatch(/^A value of the wrong kind/);
    expect(plainWords("#XYZ!")).toBe("The formula's result is the error #XYZ!.");
  });
});
