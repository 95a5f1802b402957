/**
 * The task pane's portfolio form (src/taskpane/portfolio-form.ts), without a DOM: the stress read
 * as Excel reads it typed into the input's cell, each field's range, the message per error branch.
 */
import { DEFAULT_STRESS } from "../src/plan/portfolio";
import { PORTFOLIO_PANE_TEXT as M } from "../src/taskpane/messages";
import {
  checkPortfolioField,
  initialPortfolioValues,
  PORTFOLIO_FIELDS,
  readPortfolioForm,
} from "../src/taskpane/portfolio-form";

const field = (key: string) => {
  const f = PORTFOLIO_FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(key);
  return f;
};

test("the form starts from the worked example's stress, shown as its cells show it", () => {
  expect(initialPortfolioValues()).toEqual({
    rateShockBp: "200",
    valueShock: "-35.0%",
    noiShock: "-20.0%",
    stressYear: "3",
  });
  expect(readPortfolioForm(initialPortfolioValues())).toEqual({ ok: true, stress: DEFAULT_STRESS });
});

test("a share is read as Excel reads it in a percentage cell: -35%, -0.35 and -35.0% are one value", () => {
  for (const typed of ["-35%", "-0.35", " -35.0% "])
    expect(checkPortfolioField(field("valueShock"), typed)).toEqual({ value: -0.35 });
  expect(checkPortfolioField(field("rateShockBp"), "1,000")).toEqual({ value: 1000 });
});

test("each error branch has its message: not a number, out of range, not a whole year", () => {
  expect(checkPortfolioField(field("rateShockBp"), "lots")).toEqual({ error: M.notANumber("Rate shock (bp)") });
  expect(checkPortfolioField(field("rateShockBp"), "")).toEqual({ error: M.notANumber("Rate shock (bp)") });
  expect(checkPortfolioField(field("valueShock"), "-150%")).toEqual({
    error: M.outOfRange("Value shock", "-100.0%", "100.0%"),
  });
  expect(checkPortfolioField(field("stressYear"), "0")).toEqual({ error: M.outOfRange("Stress year", "1", "50") });
  expect(checkPortfolioField(field("stressYear"), "2.5")).toEqual({ error: M.wholeYear("Stress year") });
  const read = readPortfolioForm({ ...initialPortfolioValues(), stressYear: "2.5", noiShock: "x" });
  expect(read).toEqual({
    ok: false,
    errors: { stressYear: M.wholeYear("Stress year"), noiShock: M.notANumber("NOI shock") },
  });
});
