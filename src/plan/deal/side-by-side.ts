/**
 * The side-by-side table: the loan's terms under each structure (rate, points, LOAN.MAX_LOAN
 * and each structure's loan, debt service, DSCR, debt yield, LTV, balance at the end of the hold, the
 * premium: interest-only, amortizing, present value), then per scenario NOI, sale price,
 * deficiency, what the state's law lets the lender pursue and the personal exposure under
 * each structure; the break-even default probability and LOAN.QUALIFY.
 */
import { call, quote } from "../formula";
import type { AlternativeRemedy, DealTemplate } from "../templates/types";
import type { CarveoutCells, InputCells } from "./inputs";
import { type DealContext, type DealSheet, NOTE, type Pair, pairHeadings, pairRow, notedHeading } from "./layout";

/** The cells of the terms: what the later sections read. */
export interface TermCells {
  readonly rate: Pair;
  readonly points: Pair;
  /** Each structure's loan (the pair named LoanAmount): sized on its own, held equal, or the analyst's. */
  readonly loan: Pair;
  readonly debtService: Pair;
  readonly dscr: Pair;
  readonly ltv: Pair;
  readonly balance: Pair;
  /** The premium of non-recourse on the non-recourse loan, interest-only view (D). */
  readonly premium: string;
}

/**
 * The terms of the loan under each structure, and the premium of non-recourse. Each structure
 * is sized on its own (LOAN.MAX_LOAN under its own DSCR, LTV and debt-yield floors, at its own
 * rate), unless HoldLoanEqual is set (both take the smaller) or LoanInput is above 0 (the
 * analyst's loan under both).
 */
export function termsSection(ctx: Pick<DealContext, "s" | "deal" | "inp" | "thresholds">): TermCells {
  const { s, deal, inp, thresholds: th } = ctx;
  const sizing: NonNullable<DealTemplate["sizing"]> = deal.template.sizing ?? {};
  const { noi, propertyValue: value, amortYears: amort, holdYears: hold, interestOnly: io } = inp;
  s.heading("Side by side", 1);
  const rate = pairRow(s, "Annual rate", `=${inp.recourseRate}`, `=${inp.nonRecourseRate}`, "rate", {
    note: "Each structure's own rate: the override or the market table's (market block)",
  });
  const points = pairRow(s, "Points", `=${inp.recoursePoints}`, `=${inp.nonRecoursePoints}`, "rate");
  /** LOAN.MAX_LOAN at a structure's rate and floors; a blank (or 0) debt-yield floor runs no debt-yield test. */
  const largest = (r: string, dscr: string, ltv: string, dy: string): string =>
    `=IF(${dy}>0,${call("MAX_LOAN", noi, value, r, amort, dscr, ltv, dy, io)},${call("MAX_LOAN", noi, value, r, amort, dscr, ltv, undefined, io)})`;
  const maxLoan = pairRow(
    s,
    "Largest loan (LOAN.MAX_LOAN)",
    largest(rate.r, th.rMinDscr, th.rMaxLtv, th.rMinDebtYield),
    largest(rate.n, th.nMinDscr, th.nMaxLtv, th.nMinDebtYield),
    "money",
    { note: "Each structure at its own rate, under its own DSCR, LTV and debt-yield floors (G:J; methodology §4)" },
  );
  const holdRow = s.label("Hold the loan equal (1: both take the smaller largest loan)");
  const holdEqual = s.input("B", holdRow, sizing.holdLoanEqual ?? false, undefined, "HoldLoanEqual");
  s.text(NOTE, holdRow, "Assumption: off, each structure sized on its own; on, the same loan under both");
  const sized = (own: string): string =>
    `=IF(${inp.loanAmount}>0,${inp.loanAmount},ROUNDDOWN(IF(${holdEqual},MIN(${maxLoan.r},${maxLoan.n}),${own}),-3))`;
  const loan = pairRow(s, "Loan amount", sized(maxLoan.r), sized(maxLoan.n), "money", {
    note: "LoanInput above 0: the analyst's loan under both; else each structure's largest loan (or the smaller, held equal), to the thousand",
  });
  s.name("LoanAmount", `${loan.r}:${loan.n}`);
  const proceedsRow = s.label("Proceeds difference (non-recourse − recourse)");
  s.formula("D", proceedsRow, `=${loan.n}-${loan.r}`, "money");
  s.text(NOTE, proceedsRow, "Negative: recourse raises more; the analyst's loan or HoldLoanEqual: 0");
  const debtService = pairRow(
    s,
    "Annual debt service",
    `=${call("DEBT_SERVICE", loan.r, rate.r, amort, io)}`,
    `=${call("DEBT_SERVICE", loan.n, rate.n, amort, io)}`,
    "money",
  );
  pairRow(s, "Monthly payment", `=${debtService.r}/12`, `=${debtService.n}/12`, "money");
  const dscr = pairRow(
    s,
    "DSCR, pro forma",
    `=${call("DSCR", noi, debtService.r)}`,
    `=${call("DSCR", noi, debtService.n)}`,
    "ratio",
  );
  pairRow(s, "Debt yield", `=${call("DEBT_YIELD", noi, loan.r)}`, `=${call("DEBT_YIELD", noi, loan.n)}`, "rate");
  const ltv = pairRow(s, "LTV", `=${call("LTV", loan.r, value)}`, `=${call("LTV", loan.n, value)}`, "rate");
  const ioYears = `IF(${io},${hold},0)`;
  const balance = pairRow(
    s,
    "Balance at the end of the hold",
    `=${call("BALANCE", loan.r, rate.r, amort, hold, ioYears)}`,
    `=${call("BALANCE", loan.n, rate.n, amort, hold, ioYears)}`,
    "money",
  );
  // The two quotes differ by more than the price of non-recourse when they come from two lenders:
  // what they cost is shown here, on one amount (the non-recourse loan); the like-for-like price
  // of non-recourse is below, and the rest, the choice of lender, in LenderChoiceCost.
  const cost = pairRow(
    s,
    "Interest and points over the hold, the two quotes (interest-only view)",
    `=${loan.n}*${rate.r}*${hold}+${loan.n}*${points.r}`,
    `=${loan.n}*${rate.n}*${hold}+${loan.n}*${points.n}`,
    "money",
    { diff: false },
  );
  const quoted = [loan.n, rate.r, rate.n, points.r, points.n, hold];
  const premium = s.formula("D", cost.row, `=${call("NONRECOURSE_PREMIUM", ...quoted)}`, "money");
  s.text(
    NOTE,
    cost.row,
    "On the non-recourse loan amount at each quote's rate and points; difference: LOAN.NONRECOURSE_PREMIUM of the quotes (methodology §6)",
  );
  const amortRow = s.label("The quotes' difference, amortizing view (payments, balance at exit, points)");
  s.formula("D", amortRow, `=${call("NONRECOURSE_PREMIUM", ...quoted, amort)}`, "money");

  const sameRow = s.label("The quotes are one lender's recourse and non-recourse (TRUE / FALSE)");
  const same = s.input("B", sameRow, deal.template.sameLender ?? false, undefined, "SameLenderQuotes");
  s.text(
    NOTE,
    sameRow,
    "TRUE: their difference is the price of non-recourse; FALSE: two lenders, the price is the premium table's estimate (methodology §6, §14)",
  );
  const likeRow = s.label("Price of non-recourse from the same lender: rate a year, points");
  const likeRate = s.formula(
    "B",
    likeRow,
    `=IF(${same},${rate.n}-${rate.r},${call("MARKET_PREMIUM", inp.loanType, quote("RATE"))})`,
    "rate",
    "LikeRatePremium",
  );
  const likePoints = s.formula(
    "C",
    likeRow,
    `=IF(${same},${points.n}-${points.r},IFERROR(${call("MARKET_PREMIUM", inp.loanType, quote("POINTS"))},0))`,
    "rate",
    "LikePointsPremium",
  );
  s.text(
    NOTE,
    likeRow,
    "Two lenders: the premium table's midpoint for the non-recourse lender's type, an estimate (CMBS, agency and life companies offer no recourse version; CMBS points: none)",
  );
  s.wrap(`${NOTE}${likeRow}`);
  // One basis with the put: the risk-free rate (RiskFreeRate, continuous) as the monthly rate
  // NONRECOURSE_PREMIUM discounts at, over the whole hold, as the European put assumes no
  // default before the hold's end.
  const riskFreeMonthly = "12*(EXP(RiskFreeRate/12)-1)";
  const like = [loan.n, rate.r, `${rate.r}+${likeRate}`, points.r, `${points.r}+${likePoints}`, hold];
  const pvRow = s.label("Premium of non-recourse, like for like, present value (PremiumPV)");
  s.formula(
    "D",
    pvRow,
    `=IF(${io},${call("NONRECOURSE_PREMIUM", ...like, undefined, riskFreeMonthly)},${call("NONRECOURSE_PREMIUM", ...like, amort, riskFreeMonthly)})`,
    "money",
    "PremiumPV",
  );
  s.text(
    NOTE,
    pvRow,
    "The same lender's price on the non-recourse loan amount, discounted at the risk-free rate, the put's basis (methodology §6, §16)",
  );
  return { rate, points, loan, debtService, dscr, ltv, balance, premium };
}

/**
 * Personal exposure under each structure: recourse, the guarantee of what the law lets the
 * lender pursue from a guarantor; non-recourse, the larger of the carveouts sprung and that
 * guarantee. The guarantor's answer is LOAN.STATE_DEFICIENCY's with party GUARANTOR (a
 * guarantor can be pursued where the borrower cannot, e.g. after a Washington trustee sale of
 * a commercial loan); no waiver is assumed (methodology §8).
 */
export function exposureFormulas(
  inp: InputCells,
  terms: TermCells,
  carve: CarveoutCells,
  claim: Pair,
  sale: Pair,
  state: string,
): Pair {
  const r = guarantorMay(inp, state, claim.r, sale.r);
  const n = guarantorMay(inp, state, claim.n, sale.n);
  return {
    r: `=${call("GUARANTEE_EXPOSURE", r, terms.loan.r, inp.recourseGuarantee)}`,
    n: `=MAX(${call("CARVEOUT_EXPOSURE", claim.n, carve.codes, carve.losses, sale.n)},${call("GUARANTEE_EXPOSURE", n, terms.loan.n, inp.nonRecourseGuarantee)})`,
  };
}

/**
 * LOAN.STATE_DEFICIENCY's arguments after the fair market value, under a state's law: the method the
 * lender uses there (LenderRemedy, or LenderRemedyCompared under the compared state's law), the deal's
 * flags, and the deal's overrides under its own law.
 */
export function lawArgs(inp: InputCells, state: string): (string | undefined)[] {
  const own = state === inp.state;
  return [own ? REMEDY_NAMES.deal : REMEDY_NAMES.compared, ...inp.flags, own ? inp.overrides : undefined];
}

/** The names of the foreclosure method the lender uses under each law (deal/remedy.ts). */
export const REMEDY_NAMES = { deal: "LenderRemedy", compared: "LenderRemedyCompared" } as const;

/** LOAN.STATE_DEFICIENCY of a claim at a sale price under a state's law, with the deal's flags. */
export function mayPursue(inp: InputCells, state: string, claim: string, sale: string): string {
  return call("STATE_DEFICIENCY", claim, sale, state, undefined, ...lawArgs(inp, state));
}

/**
 * What the lender may pursue from the borrower under a law, as a row: recourse, the deficiency the
 * law allows (LOAN.STATE_DEFICIENCY, 0 where it bars one); non-recourse, none: the note bars a
 * deficiency, and what a sprung carveout reaches is its own row (`springingRow`). `at` names the
 * moment (" at the default", or "").
 */
export function pursueRow(s: DealSheet, inp: InputCells, law: string, claim: Pair, sale: Pair, at: string): Pair {
  pairHeadings(s);
  const r = s.next();
  s.formula("A", r, `="Lender may pursue from the borrower${at} under "&${law}&" law"`);
  s.wrap(`A${r}`);
  const may: Pair = {
    r: s.formula("B", r, `=${mayPursue(inp, law, claim.r, sale.r)}`, "money"),
    // Non-recourse: the note itself bars a deficiency, whatever the state allows.
    n: s.formula("C", r, "=0", "money"),
  };
  s.formula("D", r, `=${may.n}-${may.r}`, "money");
  s.text(
    NOTE,
    r,
    "Recourse: LOAN.STATE_DEFICIENCY, 0 where the law bars it (methodology §8); non-recourse: 0, the note bars it unless a carveout springs (next row)",
  );
  return may;
}

/**
 * The carveout case apart: what the lender may pursue under non-recourse if the stressed carveouts
 * spring (LOAN.CARVEOUT_EXPOSURE of the carveouts listed, on the non-recourse claim and sale price);
 * recourse is already full. Returns the cell.
 */
export function springingRow(s: DealSheet, carve: CarveoutCells, claim: Pair, sale: Pair): string {
  pairHeadings(s);
  const r = s.label("… if the stressed carveouts spring (non-recourse, LOAN.CARVEOUT_EXPOSURE)");
  s.wrap(`A${r}`);
  const cell = s.formula("C", r, `=${call("CARVEOUT_EXPOSURE", claim.n, carve.codes, carve.losses, sale.n)}`, "money");
  s.text(NOTE, r, "The carveouts listed in their section, as if they happened (methodology §7); 0 with none listed");
  return cell;
}

/** Whether the deal's own law lets the lender pursue a guarantor (LOAN.DEFICIENCY_ALLOWED, party GUARANTOR). */
export function guarantorAllowed(inp: InputCells): string {
  return call("DEFICIENCY_ALLOWED", inp.state, ...lawArgs(inp, inp.state), quote("GUARANTOR"));
}

/**
 * What a guarantee of `limit` lets the lender reach of the guarantor's `capacity`: the smaller,
 * or 0 where the deal's law bars pursuing a guarantor.
 */
export function reachable(inp: InputCells, capacity: string, limit: string): string {
  return `IF(${guarantorAllowed(inp)},MIN(${capacity},${limit}),0)`;
}

/** The same, from a guarantor (party GUARANTOR, no waiver). */
export function guarantorMay(inp: InputCells, state: string, claim: string, sale: string): string {
  return call("STATE_DEFICIENCY", claim, sale, state, undefined, ...lawArgs(inp, state), quote("GUARANTOR"));
}

/** What the scenarios produce: per scenario, per state's law, the exposures; the last scenario's claim. */
export interface OutcomeCells {
  /** The states whose law applies: the deal's, then the compared one. */
  readonly laws: readonly string[];
  /** exposures[scenario][law]. */
  readonly exposures: readonly (readonly Pair[])[];
  readonly lastClaim: Pair;
  readonly lastSale: Pair;
  /** Each scenario's label and cells: DSCR, claim and sale price under each structure. */
  readonly scenarios: readonly {
    readonly label: string;
    readonly dscr: Pair;
    readonly claim: Pair;
    readonly sale: Pair;
  }[];
}

/**
 * One block per scenario: NOI, DSCR, sale price, claim, deficiency, and per state's law what may be pursued and the
 * exposure.
 */
export function scenariosSection(
  ctx: Pick<DealContext, "s" | "inp" | "terms" | "scenarios" | "carveouts">,
): OutcomeCells {
  const { s, inp, terms, scenarios, carveouts: carve } = ctx;
  const laws = inp.compare ? [inp.state, inp.compare] : [inp.state];
  const exposures: Pair[][] = [];
  let lastClaim: Pair = { r: "", n: "" };
  let lastSale: Pair = { r: "", n: "" };
  const cells: OutcomeCells["scenarios"][number][] = [];
  scenarios.forEach((sc, i) => {
    notedHeading(s, `Scenario ${i + 1}: ${sc.scenario.label}`, sc.scenario.source);
    const noiF = `=${inp.noi}*${sc.noiFactor}`;
    const noi = pairRow(s, "NOI", noiF, noiF, "money", { diff: false });
    const dscr = pairRow(
      s,
      "DSCR",
      `=${call("DSCR", noi.r, terms.debtService.r)}`,
      `=${call("DSCR", noi.n, terms.debtService.n)}`,
      "ratio",
    );
    const saleF = sc.salePrice ? `=${sc.salePrice}` : `=${inp.propertyValue}*${sc.saleFactor}`;
    const sale = pairRow(s, "Sale price", saleF, saleF, "money", { diff: false });
    const unpaid = pairRow(
      s,
      "Unpaid principal",
      sc.unpaid ? `=${sc.unpaid}` : `=${terms.balance.r}`,
      sc.unpaid ? `=${sc.unpaid}` : `=${terms.balance.n}`,
      "money",
    );
    const costs = `${inp.accruedInterest}+${inp.foreclosureCosts}`;
    const claim = pairRow(
      s,
      "Claim (principal, interest, fees, costs)",
      `=${unpaid.r}+${costs}`,
      `=${unpaid.n}+${costs}`,
      "money",
    );
    lastClaim = claim;
    lastSale = sale;
    cells.push({ label: sc.scenario.label, dscr, claim, sale });
    const deficiency = (u: string, sp: string) =>
      `=${call("DEFICIENCY", u, sp, inp.accruedInterest, undefined, inp.foreclosureCosts)}`;
    pairRow(s, "Deficiency (LOAN.DEFICIENCY)", deficiency(unpaid.r, sale.r), deficiency(unpaid.n, sale.n), "money", {
      note: "Owed personally under recourse; the lender's loss under non-recourse, unless a carveout springs (methodology §5)",
    });
    springingRow(s, carve, claim, sale);
    exposures.push(
      laws.map((law) => {
        pursueRow(s, inp, law, claim, sale, "");
        const er = s.next();
        s.formula("A", er, `="Personal exposure under "&${law}&" law"`);
        const f = exposureFormulas(inp, terms, carve, claim, sale, law);
        const exp: Pair = { r: s.formula("B", er, f.r, "money"), n: s.formula("C", er, f.n, "money") };
        s.formula("D", er, `=${exp.n}-${exp.r}`, "money");
        s.text(
          NOTE,
          er,
          "Recourse: the guarantee of what the law lets the lender pursue from a guarantor; non-recourse: the larger of the carveouts sprung and that guarantee",
        );
        return exp;
      }),
    );
  });
  return { laws, exposures, lastClaim, lastSale, scenarios: cells };
}

/**
 * A remedy the lender may choose instead of the deal's foreclosure, on the last scenario's claim and sale price:
 * its state, method, fair market value and table overrides as blue inputs (the reasons beside them), then
 * LOAN.STATE_DEFICIENCY under each structure with the deal's residential, purchase-money and owner-occupied flags.
 */
export function alternativeRemedySection(ctx: Pick<DealContext, "s" | "deal" | "inp" | "outcomes">): void {
  const { s, deal, inp, outcomes: out } = ctx;
  const remedy: AlternativeRemedy | undefined = deal.template.alternativeRemedy;
  if (!remedy) return;
  notedHeading(
    s,
    "Alternative remedy, last scenario",
    "A remedy the lender may choose instead of the deal's foreclosure (methodology §8)",
    ["Field", "Value"],
  );
  const line = (label: string, value: string | number, note: string, fmt?: "money"): string => {
    const r = s.label(label);
    s.text(NOTE, r, note);
    return s.input("B", r, value, fmt);
  };
  const state = line("Remedy: state", remedy.state, "The state whose law the remedy is under");
  const method = line("Remedy: foreclosure", remedy.foreclosure, "LOAN.STATE_DEFICIENCY's foreclosure method");
  const fmv = line(
    "Remedy: fair market value at the sale",
    remedy.fairMarketValue,
    remedy.fairMarketValueSource,
    "money",
  );
  const first = s.row + 1;
  for (const o of remedy.overrides) {
    const r = s.label(`Remedy: override ${o.field}`);
    s.input("B", r, o.field);
    s.input("C", r, o.value);
    s.text(NOTE, r, o.reason);
  }
  const overrides = remedy.overrides.length ? s.name("RemedyOverrides", `B${first}:C${s.row}`) : undefined;
  const f = (claim: string, sale: string) =>
    `=${call("STATE_DEFICIENCY", claim, sale, state, fmv, method, ...inp.flags, overrides)}`;
  pairRow(s, remedy.label, f(out.lastClaim.r, out.lastSale.r), f(out.lastClaim.n, out.lastSale.n), "money", {
    note: remedy.note,
  });
}

/** The break-even default probability under each state's law, on the last scenario's exposure avoided. */
export function breakevenSection({ s, terms, outcomes: out }: Pick<DealContext, "s" | "terms" | "outcomes">): void {
  const last = out.exposures[out.exposures.length - 1];
  out.laws.forEach((law, li) => {
    const r = s.next(li === 0 ? 1 : 0);
    s.formula("A", r, `="Break-even default probability ("&${law}&" law)"`);
    const avoided = `(${last[li].r}-${last[li].n})`;
    s.formula(
      "D",
      r,
      `=IF(${avoided}<=0,"no personal exposure to insure",IF(${terms.premium}>${avoided},"none: the premium exceeds the exposure avoided",${call("BREAKEVEN_PROBABILITY", terms.premium, avoided)}))`,
      "probability",
    );
    s.wrap(`D${r}`);
    s.text(
      NOTE,
      r,
      "Premium (interest-only view) ÷ personal exposure avoided in the last scenario; undiscounted (methodology §6)",
    );
  });
}

/** LOAN.QUALIFY under each structure, against its thresholds. */
export function qualifySection(ctx: Pick<DealContext, "s" | "inp" | "terms" | "thresholds">): Pair {
  const { s, inp, terms, thresholds: th } = ctx;
  const r = s.label("Qualification (LOAN.QUALIFY)");
  const sponsor = [inp.occupancy, inp.netWorth, inp.liquidity];
  const qualify: Pair = {
    r: s.formula(
      "B",
      r,
      `=${call("QUALIFY", quote("RECOURSE"), terms.dscr.r, terms.ltv.r, ...sponsor, terms.loan.r, th.recourse)}`,
    ),
    n: s.formula(
      "C",
      r,
      `=${call("QUALIFY", quote("NONRECOURSE"), terms.dscr.n, terms.ltv.n, ...sponsor, terms.loan.n, th.nonRecourse)}`,
    ),
  };
  s.name("Qualification", `${qualify.r}:${qualify.n}`);
  // A failed test's reason ("Fails: LTV over by …") may be longer than the column.
  s.wrap(`B${r}`);
  s.wrap(`C${r}`);
  s.text(NOTE, r, "Against the thresholds in G:J");
  return qualify;
}
