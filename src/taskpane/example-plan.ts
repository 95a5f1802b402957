/**
 * The "insert worked example" as plain data: which cells get which value, formula and
 * format. No Office here: a writer per host applies the plan (excel-writer.ts for Excel),
 * and the tests check the plan itself.
 *
 * The example is the reference's value-add multifamily deal (domain REFERENCE §2 and §5):
 * inputs are constants in blue, every other number is a LOAN.* formula in black that
 * refers to the input cells, so the analyst can change an input and watch it flow.
 */

import { column, FORMATS, FORMULA_COLOR, INPUT_COLOR, type PlanCell, type SheetPlan } from "../plan/plan";

export * from "../plan/plan";

export const EXAMPLE_SHEET_NAME = "Loan example";

/** The worked example's inputs (REFERENCE §5 and case C of §2). Rates and points as decimals. */
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

export const EXAMPLE_NOTES = {
  title: "Recourse vs non-recourse: worked example",
  legend: "Value-add multifamily. Blue cells are inputs; black cells are LOAN.* formulas.",
  downside:
    "The deficiency is owed personally under recourse and is the lender's loss under non-recourse. " +
    "Non-recourse pays for itself if the surrender is likelier than the break-even (undiscounted).",
  disclaimer: "Figures are market conventions from published lender explainers, not law or advice.",
} as const;

/** Builds the worked-example sheet. Rows are laid out top to bottom; formulas name the input cells. */
export function buildExamplePlan(
  inputs: ExampleInputs = WORKED_EXAMPLE,
  sheetName: string = EXAMPLE_SHEET_NAME,
): SheetPlan {
  const cells: PlanCell[] = [];
  let row = 0;
  const nextRow = (gap = 0): number => (row += 1 + gap);

  const text = (address: string, value: string, bold = false): void => {
    cells.push(bold ? { address, value, bold } : { address, value });
  };
  const heading = (gap: number, title: string, columns: readonly string[] = []): void => {
    const r = nextRow(gap);
    text(`A${r}`, title, true);
    columns.forEach((c, i) => text(`${column(i + 1)}${r}`, c, true));
  };
  /** One labelled row of inputs (B, C, …); returns their addresses. */
  const inputRow = (label: string, values: readonly number[], numberFormat: string): string[] => {
    const r = nextRow();
    text(`A${r}`, label);
    return values.map((value, i) => {
      const address = `${column(i + 1)}${r}`;
      cells.push({ address, value, numberFormat, fontColor: INPUT_COLOR });
      return address;
    });
  };
  /** One labelled row of formulas (B, C, …); returns their addresses. */
  const formulaRow = (label: string, formulas: readonly string[], numberFormat: string): string[] => {
    const r = nextRow();
    text(`A${r}`, label);
    return formulas.map((formula, i) => {
      const address = `${column(i + 1)}${r}`;
      cells.push({ address, formula, numberFormat, fontColor: FORMULA_COLOR });
      return address;
    });
  };
  const call = (fn: string, args: readonly (string | undefined)[]): string =>
    `=LOAN.${fn}(${args.map((a) => a ?? "").join(",")})`;

  text(`A${nextRow()}`, EXAMPLE_NOTES.title, true);
  text(`A${nextRow()}`, EXAMPLE_NOTES.legend);

  heading(1, "Inputs");
  const [loan] = inputRow("Loan amount", [inputs.loanAmount], FORMATS.money);
  const [amort] = inputRow("Amortization (years)", [inputs.amortYears], FORMATS.years);
  const [hold] = inputRow("Hold (years)", [inputs.holdYears], FORMATS.years);
  heading(0, "Structure", ["Recourse", "Non-recourse"]);
  const [rRate, nrRate] = inputRow("Annual rate", [inputs.recourseRate, inputs.nonRecourseRate], FORMATS.rate);
  const [rPoints, nrPoints] = inputRow(
    "Points (% of loan)",
    [inputs.recoursePoints, inputs.nonRecoursePoints],
    FORMATS.rate,
  );

  heading(1, "Surrender scenario");
  const [unpaid] = inputRow("Unpaid principal", [inputs.unpaidPrincipal], FORMATS.money);
  const [foreclosure] = inputRow("Foreclosure costs", [inputs.foreclosureCosts], FORMATS.money);
  const [sale] = inputRow("Sale price", [inputs.salePrice], FORMATS.money);

  heading(1, "Results", ["Recourse", "Non-recourse"]);
  formulaRow(
    "Monthly payment",
    [call("PAYMENT", [loan, rRate, amort]), call("PAYMENT", [loan, nrRate, amort])],
    FORMATS.money,
  );
  formulaRow(
    "Balance at end of hold",
    [call("BALANCE", [loan, rRate, amort, hold]), call("BALANCE", [loan, nrRate, amort, hold])],
    FORMATS.money,
  );

  heading(1, "Price of non-recourse");
  const premiumArgs = [loan, rRate, nrRate, rPoints, nrPoints, hold];
  const [premium] = formulaRow(
    "Premium, interest-only view",
    [call("NONRECOURSE_PREMIUM", premiumArgs)],
    FORMATS.money,
  );
  formulaRow("Premium, amortizing view", [call("NONRECOURSE_PREMIUM", [...premiumArgs, amort])], FORMATS.money);
  const [deficiency] = formulaRow(
    "Deficiency after surrender",
    [call("DEFICIENCY", [unpaid, sale, undefined, undefined, foreclosure])],
    FORMATS.money,
  );
  formulaRow(
    "Break-even surrender probability",
    [call("BREAKEVEN_PROBABILITY", [premium, deficiency])],
    FORMATS.probability,
  );

  text(`A${nextRow(1)}`, EXAMPLE_NOTES.downside);
  text(`A${nextRow()}`, EXAMPLE_NOTES.disclaimer);

  return {
    sheetName,
    cells,
    columnWidths: [
      { column: "A", points: 190 },
      { column: "B", points: 96 },
      { column: "C", points: 96 },
    ],
  };
}
