/**
 * The choice of lender, apart from the price of non-recourse (methodology §6, issue 21). Where a
 * template compares two lenders (a bank's recourse loan against an agency, CMBS, life-company or
 * debt-fund loan), the two quotes differ by more than the price of non-recourse: each lender's
 * spread, points, exit fee and rate cap, and what an early sale costs under each. All of it is
 * set out here on one amount (the non-recourse loan) and one basis (the risk-free rate, as the
 * put and PremiumPV): the all-in difference of the two quotes, less the like-for-like price of
 * non-recourse (PremiumPV), is the cost of the choice of lender (LenderChoiceCost).
 *
 * Not written where the quotes are one lender's (SameLenderQuotes: the difference is PremiumPV).
 */
import { call } from "../formula";
import { lenderName } from "./market";
import { type DealContext, NOTE, noteInput, pairRow, type Pair } from "./layout";
import type { ExitCostCells } from "./exit-cost";
import { ASSUMPTIONS } from "./assumptions";

/** What the section writes: the LenderChoiceCost cell (its address). */
export interface LenderChoiceCells {
  readonly lenderChoiceCost: string;
  readonly allIn: string;
}

/** The lender choice block, or undefined where the two quotes are one lender's. */
export function lenderChoiceSection(
  ctx: Pick<DealContext, "s" | "deal" | "inp" | "terms"> & { readonly exitCost: ExitCostCells },
): LenderChoiceCells | undefined {
  const { s, deal, inp, terms, exitCost } = ctx;
  if (deal.template.sameLender) return undefined;
  const d = ASSUMPTIONS.lenderChoice;
  const { holdYears: hold, amortYears: amort, interestOnly: io } = inp;
  const { recourse, nonRecourse } = deal.template.lenders;
  s.heading("The choice of lender, apart from the price of non-recourse", 1);
  s.text(
    NOTE,
    s.row,
    "The two quotes come from two lenders: all-in, on the non-recourse loan amount, at the risk-free rate (methodology §6)",
  );
  const df = (years: string): string => `EXP(-RiskFreeRate*${years})`;
  const riskFreeMonthly = "12*(EXP(RiskFreeRate/12)-1)";
  const quoted = [terms.loan.n, terms.rate.r, terms.rate.n, terms.points.r, terms.points.n, hold];
  const quotesRow = s.label("The quotes' rate and points, present value");
  const quotes = s.formula(
    "D",
    quotesRow,
    `=IF(${io},${call("NONRECOURSE_PREMIUM", ...quoted, undefined, riskFreeMonthly)},${call("NONRECOURSE_PREMIUM", ...quoted, amort, riskFreeMonthly)})`,
    "money",
  );
  s.text(NOTE, quotesRow, "LOAN.NONRECOURSE_PREMIUM of the two quotes (non-recourse − recourse)");
  const exitFee = pairRow(
    s,
    "Exit fee at the end of the hold",
    `=${lenderName(recourse)}ExitFee*${terms.balance.n}*${df(hold)}`,
    `=${lenderName(nonRecourse)}ExitFee*${terms.balance.n}*${df(hold)}`,
    "money",
    { note: "The market table's exit fee (a debt fund's 1 %) on the balance at the hold, discounted" },
  );
  const capRow = s.label("Rate cap cost (floating loans; share of the loan)");
  const cap: Pair = {
    r: s.input("B", capRow, d.rateCap, "rate", "RecourseRateCap"),
    n: s.input("C", capRow, d.rateCap, "rate", "NonRecourseRateCap"),
  };
  s.text(
    NOTE,
    capRow,
    "Assumption: 0 entered. Floating bridge lenders usually require an interest-rate cap, bought upfront: type its quote (no cap price was read)",
  );
  const caps = pairRow(
    s,
    "Rate cap, paid at closing",
    `=${cap.r}*${terms.loan.n}`,
    `=${cap.n}*${terms.loan.n}`,
    "money",
  );
  const chance = noteInput(
    s,
    "Chance of a sale in the early sale year",
    d.earlySaleChance,
    "share",
    "EarlySaleChance",
    "Assumption: one chance in four; the exit cost of that year (ExitCost) weighs in at this chance",
  );
  const weighted = (cost: string, scale: string): string =>
    `=IF(ISNUMBER(${cost}),${chance}*${cost}${scale}*${df("EarlySaleYear")},0)`;
  const early = pairRow(
    s,
    "Exit cost of an early sale, weighted by its chance",
    weighted(exitCost.exitCost.r, `*${terms.loan.n}/${terms.loan.r}`),
    weighted(exitCost.exitCost.n, ""),
    "money",
    {
      note: "ExitCost × the chance × the discount to EarlySaleYear; the recourse step-down scaled to the non-recourse loan",
    },
  );
  const allRow = s.label("All-in difference of the two quotes (non-recourse − recourse)");
  const allIn = s.formula(
    "D",
    allRow,
    `=${quotes}+${exitFee.n}-${exitFee.r}+${caps.n}-${caps.r}+${early.n}-${early.r}`,
    "money",
    "AllInDifference",
  );
  const choiceRow = s.label("Of which the choice of lender (LenderChoiceCost: all-in − PremiumPV)");
  const lenderChoiceCost = s.formula("D", choiceRow, `=${allIn}-PremiumPV`, "money", "LenderChoiceCost");
  s.text(
    NOTE,
    choiceRow,
    "What choosing the non-recourse lender costs beyond the price of non-recourse itself (negative: the cheaper lender)",
  );
  return { lenderChoiceCost, allIn };
}
