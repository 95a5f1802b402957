/**
 * Exit cost (methodology §12, §17 "Maturity and exit cost"): what repaying the loan early, at
 * a sale in each year of the hold, costs under each structure. The recourse bank loan steps
 * down (a share of the balance prepaid, by year: the schedule is an input); the non-recourse
 * loan carries yield maintenance (LOAN.YIELD_MAINTENANCE, amortizing form, to maturity, with
 * its floor), defeasance (LOAN.DEFEASANCE_COST, semi-annual Treasury convention, with fees)
 * or the same step-down, as the template's lender type does. At or after maturity nothing is
 * owed. The ExitCost pair reads the table at the early-sale year.
 */
import { ASSUMPTIONS } from "./assumptions";
import { call, quote } from "../formula";
import type { ExitAssumptions, LoanType, Prepayment } from "../templates/types";
import type { InputCells } from "./inputs";
import { NOTE, type Pair, noteInput, type Deal, type DealContext, type DealSheet, notedHeading } from "./layout";
import { BASE_NAMES } from "./market";
import type { TermCells } from "./side-by-side";
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

/** Defaults of the section's inputs. */
export const EXIT_COST_DEFAULTS: Readonly<typeof ASSUMPTIONS.exitCost> = ASSUMPTIONS.exitCost;

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

export function exitCostSection(ctx: Pick<DealContext, "s" | "deal" | "inp" | "terms" | "maturity">): ExitCostCells {
  const {
    s,
    deal,
    inp,
    terms,
    maturity: { maturity },
  } = ctx;
  notedHeading(
    s,
    "Exit cost: repaying the loan at an early sale",
    "Prepayment under each structure in each year (methodology §12); 0 from maturity",
  );
  const exit = exitTerms(s, deal);
  const head = s.next();
  s.headings(head, [
    "Early sale in year",
    "Recourse (step-down)",
    "Non-recourse",
    "Non-recourse − recourse",
    "Step-down fee (share of the balance)",
  ]);
  const hold = Math.max(1, Math.ceil(deal.inputs.holdYears));
  const schedule: readonly number[] = hold <= STEP_DOWN_3.length ? STEP_DOWN_3 : STEP_DOWN_5;
  // A row per year of the returns table's span, so a longer HoldYears typed later still finds
  // its year; from maturity on a row's cost is 0.
  const years = Array.from({ length: tableYears(deal.inputs.holdYears) }, (_, k) =>
    exitCostRow(s, k + 1, schedule[k] ?? 0, { inp, terms, maturity, exit }),
  );
  s.text(
    "A",
    s.next(),
    "Step-down: assumption, a 5-4-3-2-1 % schedule (3-2-1 % on a hold of 3 years or less), open after; type the note's own",
  );
  const exitCost = exitCostAt(s, exit.earlySaleYear, head, years.length);
  return { earlySaleYear: exit.earlySaleYear, exitCost, years };
}

/** The exit's own inputs: the early sale year, the non-recourse prepayment method and its terms. */
interface ExitTerms {
  readonly earlySaleYear: string;
  readonly method: string;
  readonly treasury: string;
  readonly floor: string;
  readonly ymEnds: string;
  readonly fees: string;
}

/** Writes the exit's inputs (blue, named, each with its source) and returns their cells. */
function exitTerms(s: DealSheet, deal: Deal): ExitTerms {
  const exit: Partial<ExitAssumptions> = deal.template.exit ?? {};
  const d = EXIT_COST_DEFAULTS;
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
    exit.prepayment ?? PREPAYMENT_BY_LOAN_TYPE[deal.inputs.loanType],
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
  return { earlySaleYear, method, treasury, floor, ymEnds, fees };
}

/**
 * One year of the table: the cost of repaying at a sale that year under each structure (the
 * recourse loan's step-down; the non-recourse loan's method), 0 from maturity on.
 */
function exitCostRow(
  s: DealSheet,
  n: number,
  stepDownShare: number,
  { inp, terms, maturity, exit }: { inp: InputCells; terms: TermCells; maturity: string; exit: ExitTerms },
): ExitCostCells["years"][number] {
  const { amortYears: amort, interestOnly: io } = inp;
  const { method, treasury, floor, ymEnds, fees } = exit;
  const r = s.next();
  const year = s.input("A", r, n, "years");
  const stepDown = s.input(NOTE, r, stepDownShare, "rate");
  const ioYears = `IF(${io},${maturity},0)`;
  /** Each structure's balance at the year, on its own loan. */
  const balance = (loan: string, rate: string) => call("BALANCE", loan, rate, amort, year, ioYears);
  const left = `${maturity}-${year}`;
  const ym = (amortLeft?: string) =>
    call(
      "YIELD_MAINTENANCE",
      balance(terms.loan.n, terms.rate.n),
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
    `${balance(terms.loan.n, terms.rate.n)}*${stepDown}))`;
  const cost: Pair = {
    r: s.formula("B", r, `=IF(${year}>=${maturity},0,${balance(terms.loan.r, terms.rate.r)}*${stepDown})`, "money"),
    n: s.formula("C", r, `=IF(${year}>=${maturity},0,${nonRecourse})`, "money"),
  };
  s.formula("D", r, `=${cost.n}-${cost.r}`, "money");
  return { year, stepDown, cost };
}

/** The ExitCost pair: the table's row for the early sale year, or a message naming the years it has. */
function exitCostAt(s: DealSheet, earlySaleYear: string, head: number, rows: number): Pair {
  const column = (col: string) => `${col}${head + 1}:${col}${head + rows}`;
  const costRow = s.label("Exit cost at the early sale year");
  // A year the table has no row for (0, beyond its last, a fraction, text) says so instead of a bare #N/A.
  const match = `MATCH(${earlySaleYear},${column("A")},0)`;
  const at = (col: string) => `=IF(ISNA(${match}),${quote(exitCostMessage(rows))},INDEX(${column(col)},${match}))`;
  const exitCost: Pair = { r: s.formula("B", costRow, at("B"), "money"), n: s.formula("C", costRow, at("C"), "money") };
  s.formula(
    "D",
    costRow,
    `=IF(AND(ISNUMBER(${exitCost.r}),ISNUMBER(${exitCost.n})),${exitCost.n}-${exitCost.r},"")`,
    "money",
  );
  s.text(NOTE, costRow, "The table's row for the early sale year");
  s.name("ExitCost", `${exitCost.r}:${exitCost.n}`);
  return exitCost;
}
