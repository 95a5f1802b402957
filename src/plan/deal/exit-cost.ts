/**
 * Exit cost (methodology §12, §17 "Maturity and exit cost"): what repaying the loan early, at
 * a sale in each year of the hold, costs under each structure. The recourse bank loan steps
 * down (a share of the balance prepaid, by year: the schedule is an input); the non-recourse
 * loan carries yield maintenance (LOAN.YIELD_MAINTENANCE, amortizing form, to maturity, with
 * its floor), defeasance (LOAN.DEFEASANCE_COST, semi-annual Treasury convention, with fees)
 * or the same step-down, as the template's lender type does. At or after maturity nothing is
 * owed. The ExitCost pair reads the table at the early-sale year.
 */
import { call, quote } from "../formula";
import type { ExitAssumptions, LoanType, Prepayment } from "../templates/types";
import { NOTE, type Pair, noteInput, type DealContext } from "./layout";
import { BASE_NAMES } from "./market";
import { tableYears } from "./returns";

/** The non-recourse prepayment each lender type usually carries (methodology §12, §14). */
export const PREPAYMENT_BY_LOAN_TYPE: Readonly<Record<LoanType, Prepayment>> = {
  CMBS: "DEFEASANCE",
  AGENCY: "YIELD_MAINTENANCE",
  LIFE: "YIELD_MAINTENANCE",
  BANK: "STEP_DOWN",
  BRIDGE: "STEP_DOWN",
};

/** Step-down schedules (share of the balance prepaid in years 1, 2, …; open after): assumptions. */
export const STEP_DOWN_5 = [0.05, 0.04, 0.03, 0.02, 0.01] as const;
export const STEP_DOWN_3 = [0.03, 0.02, 0.01] as const;

export type ExitCostKey = "ymFloor" | "ymEndsBeforeMaturity" | "defeasanceFees";

/** Defaults of the section's inputs. */
export const EXIT_COST_DEFAULTS: Readonly<Record<ExitCostKey, number>> = {
  /** The yield-maintenance floor, 1 % of the balance (methodology §12). */
  ymFloor: 0.01,
  /** Yield maintenance runs to maturity unless the template's lender ends it sooner. */
  ymEndsBeforeMaturity: 0,
  /** Defeasance fees, within the 40,000–100,000 typical (methodology §12). */
  defeasanceFees: 50_000,
};

/** The early-sale year a template's ExitCost is read at: year 3, or the year before the end of a shorter hold. */
export function defaultEarlySaleYear(holdYears: number): number {
  return Math.max(1, Math.min(3, Math.floor(holdYears) - 1));
}

/** ExitCost's text when EarlySaleYear is no year of its table (1 to `tableYears` of the hold). */
export function exitCostMessage(years: number): string {
  return `EarlySaleYear must be a whole year from 1 to ${years}`;
}

/** What the section writes that tests and later sections read. */
export interface ExitCostCells {
  readonly earlySaleYear: string;
  readonly exitCost: Pair;
  /** Per year of the table: the year's cell, the step-down share and the costs. */
  readonly years: readonly { readonly year: string; readonly stepDown: string; readonly cost: Pair }[];
}

export function exitCostSection({
  s,
  deal,
  inp,
  terms,
  maturity: { maturity },
}: Pick<DealContext, "s" | "deal" | "inp" | "terms" | "maturity">): ExitCostCells {
  const exit: Partial<ExitAssumptions> = deal.template.exit ?? {};
  const d = EXIT_COST_DEFAULTS;
  const hold = Math.max(1, Math.ceil(deal.inputs.holdYears));
  const prepayment = exit.prepayment ?? PREPAYMENT_BY_LOAN_TYPE[deal.inputs.loanType];
  const schedule: readonly number[] = hold <= STEP_DOWN_3.length ? STEP_DOWN_3 : STEP_DOWN_5;
  const { amortYears: amort, interestOnly: io } = inp;

  const top = s.heading("Exit cost: repaying the loan at an early sale", 1);
  s.text(NOTE, top, "Prepayment under each structure in each year (methodology §12); 0 from maturity");
  const earlySaleYear = noteInput(
    s,
    "Early sale year",
    exit.earlySaleYear ?? defaultEarlySaleYear(deal.inputs.holdYears),
    "years",
    "EarlySaleYear",
    "Assumption: the year the property is sold and the loan repaid (a year of the table below)",
  );
  const method = noteInput(
    s,
    "Non-recourse prepayment: YIELD_MAINTENANCE, DEFEASANCE or STEP_DOWN",
    prepayment,
    undefined,
    "NonRecoursePrepayment",
    "As the lender type usually charges (methodology §12): CMBS defeasance; agency and life-company yield maintenance; bank and bridge a step-down",
  );
  const treasuryRow = s.label("Treasury yield (10-year)");
  s.text(NOTE, treasuryRow, "The market table's 10-year Treasury (MarketTreasury10Y); type the day's yield there");
  const treasury = s.formula("B", treasuryRow, `=${BASE_NAMES.UST10}`, "rate", "PrepayTreasury");
  const floor = noteInput(
    s,
    "Yield-maintenance floor (share of the balance)",
    d.ymFloor,
    "rate",
    "YMFloor",
    "The usual 1 % minimum (methodology §12)",
  );
  const ymEnds = noteInput(
    s,
    "Yield maintenance ends, years before maturity",
    exit.ymEndsBeforeMaturity ?? d.ymEndsBeforeMaturity,
    "decimal",
    "YMEndsBeforeMaturity",
    "0: to maturity. Fannie Mae DUS ends it before maturity (e.g. after year 7 of 10), then the floor (methodology §12)",
  );
  const fees = noteInput(
    s,
    "Defeasance fees",
    d.defeasanceFees,
    "money",
    "DefeasanceFees",
    "Typically 40,000–100,000 (methodology §12)",
  );

  const head = s.next();
  s.headings(head, [
    "Early sale in year",
    "Recourse (step-down)",
    "Non-recourse",
    "Difference",
    "Step-down fee (share of the balance)",
  ]);
  const ioYears = `IF(${io},${maturity},0)`;
  /** Each structure's balance at a year, on its own loan. */
  const balance = (loan: string, rate: string, year: string) => call("BALANCE", loan, rate, amort, year, ioYears);
  // A row per year of the returns table's span, so a longer HoldYears typed later still finds
  // its year; from maturity on a row's cost is 0.
  const years = Array.from({ length: tableYears(deal.inputs.holdYears) }, (_, k) => {
    const r = s.next();
    const year = s.input("A", r, k + 1, "years");
    const stepDown = s.input(NOTE, r, schedule[k] ?? 0, "rate");
    const left = `${maturity}-${year}`;
    const ym = (amortLeft?: string) =>
      call(
        "YIELD_MAINTENANCE",
        balance(terms.loan.n, terms.rate.n, year),
        terms.rate.n,
        treasury,
        left,
        floor,
        undefined,
        undefined,
        `MAX(0,${left}-${ymEnds})`,
        amortLeft,
      );
    const defeasance = call(
      "DEFEASANCE_COST",
      terms.loan.n,
      terms.rate.n,
      amort,
      year,
      maturity,
      treasury,
      fees,
      quote("SEMIANNUAL"),
    );
    const nonRecourse =
      `IF(${method}=${quote("DEFEASANCE")},${defeasance},` +
      `IF(${method}=${quote("YIELD_MAINTENANCE")},IF(${io},${ym()},${ym(`${amort}-${year}`)}),` +
      `${balance(terms.loan.n, terms.rate.n, year)}*${stepDown}))`;
    const cost: Pair = {
      r: s.formula(
        "B",
        r,
        `=IF(${year}>=${maturity},0,${balance(terms.loan.r, terms.rate.r, year)}*${stepDown})`,
        "money",
      ),
      n: s.formula("C", r, `=IF(${year}>=${maturity},0,${nonRecourse})`, "money"),
    };
    s.formula("D", r, `=${cost.n}-${cost.r}`, "money");
    return { year, stepDown, cost };
  });
  const column = (col: string) => `${col}${head + 1}:${col}${head + years.length}`;
  s.text(
    "A",
    s.next(),
    "Step-down: assumption, a 5-4-3-2-1 % schedule (3-2-1 % on a hold of 3 years or less), open after; type the note's own",
  );
  const costRow = s.label("Exit cost at the early sale year");
  // A year the table has no row for (0, beyond its last, a fraction, text) says so instead of a bare #N/A.
  const match = `MATCH(${earlySaleYear},${column("A")},0)`;
  const at = (col: string) =>
    `=IF(ISNA(${match}),${quote(exitCostMessage(years.length))},INDEX(${column(col)},${match}))`;
  const exitCost: Pair = { r: s.formula("B", costRow, at("B"), "money"), n: s.formula("C", costRow, at("C"), "money") };
  s.formula(
    "D",
    costRow,
    `=IF(AND(ISNUMBER(${exitCost.r}),ISNUMBER(${exitCost.n})),${exitCost.n}-${exitCost.r},"")`,
    "money",
  );
  s.text(NOTE, costRow, "The table's row for the early sale year");
  s.name("ExitCost", `${exitCost.r}:${exitCost.n}`);
  return { earlySaleYear, exitCost, years };
}
