/**
 * The task pane's "insert worked example" as a plan, written with the same sheet builder
 * as the deal templates. The example is the value-add multifamily deal of
 * docs/methodology.md (the worked example of §6 and case C of §5): inputs are constants in blue, every
 * other number is a LOAN.* formula in black that refers to the input cells, so the analyst
 * can change an input and watch it flow.
 */
import { call } from "./formula";
import { EXAMPLE_NOTES } from "./messages";
import { FORMATS, type SheetPlan } from "./plan";
import { SheetBuilder } from "./sheet";

export { EXAMPLE_NOTES } from "./messages";

export const EXAMPLE_SHEET_NAME = "Loan example";

/** The worked example's inputs. Rates and points as decimals. */
export interface ExampleInputs {
  readonly loanAmount: number;
  readonly amortYears: number;
  readonly holdYears: number;
  readonly recourseRate: number;
  readonly recoursePoints: number;
  readonly nonRecourseRate: number;
  readonly nonRecoursePoints: number;
  readonly unpaidPrincipal: number;
  readonly foreclosureCosts: number;
  readonly salePrice: number;
}

export const WORKED_EXAMPLE: ExampleInputs = {
  loanAmount: 4_500_000,
  amortYears: 30,
  holdYears: 7,
  recourseRate: 0.0685,
  recoursePoints: 0.0075,
  nonRecourseRate: 0.0735,
  nonRecoursePoints: 0.0125,
  unpaidPrincipal: 4_400_000,
  foreclosureCosts: 250_000,
  salePrice: 3_600_000,
};

/** Builds the worked-example sheet. Rows are laid out top to bottom; formulas name the input cells. */
export function buildExamplePlan(
  inputs: ExampleInputs = WORKED_EXAMPLE,
  sheetName: string = EXAMPLE_SHEET_NAME,
): SheetPlan {
  const s = new SheetBuilder(FORMATS);
  const f = (fn: string, ...args: (string | undefined)[]): string => `=${call(fn, ...args)}`;

  s.text("A", s.next(), EXAMPLE_NOTES.title, true);
  s.text("A", s.next(), EXAMPLE_NOTES.legend);

  s.heading("Inputs", 1);
  const [loan] = s.inputRow("Loan amount", [inputs.loanAmount], "money");
  const [amort] = s.inputRow("Amortization (years)", [inputs.amortYears], "years");
  const [hold] = s.inputRow("Hold (years)", [inputs.holdYears], "years");
  s.heading("Structure", 0, ["Recourse", "Non-recourse"]);
  const [rRate, nrRate] = s.inputRow("Annual rate", [inputs.recourseRate, inputs.nonRecourseRate], "rate");
  const [rPoints, nrPoints] = s.inputRow(
    "Points (% of loan)",
    [inputs.recoursePoints, inputs.nonRecoursePoints],
    "rate",
  );

  s.heading("Surrender scenario", 1);
  const [unpaid] = s.inputRow("Unpaid principal", [inputs.unpaidPrincipal], "money");
  const [foreclosure] = s.inputRow("Foreclosure costs", [inputs.foreclosureCosts], "money");
  const [sale] = s.inputRow("Sale price", [inputs.salePrice], "money");

  s.heading("Results", 1, ["Recourse", "Non-recourse"]);
  s.formulaRow("Monthly payment", [f("PAYMENT", loan, rRate, amort), f("PAYMENT", loan, nrRate, amort)], "money");
  s.formulaRow(
    "Balance at end of hold",
    [f("BALANCE", loan, rRate, amort, hold), f("BALANCE", loan, nrRate, amort, hold)],
    "money",
  );

  s.heading("Price of non-recourse", 1);
  const premiumArgs = [loan, rRate, nrRate, rPoints, nrPoints, hold];
  const [premium] = s.formulaRow("Premium, interest-only view", [f("NONRECOURSE_PREMIUM", ...premiumArgs)], "money");
  s.formulaRow("Premium, amortizing view", [f("NONRECOURSE_PREMIUM", ...premiumArgs, amort)], "money");
  const [deficiency] = s.formulaRow(
    "Deficiency after surrender",
    [f("DEFICIENCY", unpaid, sale, undefined, undefined, foreclosure)],
    "money",
  );
  s.formulaRow("Break-even surrender probability", [f("BREAKEVEN_PROBABILITY", premium, deficiency)], "probability");

  s.text("A", s.next(1), EXAMPLE_NOTES.downside);
  s.text("A", s.next(), EXAMPLE_NOTES.disclaimer);

  return s.build({
    sheetName,
    columnWidths: [
      { column: "A", points: 190 },
      { column: "B", points: 96 },
      { column: "C", points: 96 },
    ],
  });
}
