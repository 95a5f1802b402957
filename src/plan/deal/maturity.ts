/**
 * The maturity test (methodology §17, "Maturity and exit cost"): where commercial defaults
 * cluster. Each structure's balance at the loan's maturity against what a new loan would
 * raise then: LOAN.MAX_LOAN on the NOI at maturity and the value at an expanded exit cap
 * rate, at the structure's rate plus a stress, under the structure's own DSCR and LTV
 * thresholds (G:J). The refinance gap is what the sponsor must bring, 0 when the proceeds
 * cover the balance (methodology §3, §4).
 */
import { ASSUMPTIONS } from "./assumptions";
import { call } from "../formula";
import { NOTE, type Pair, pairRow, noteInput, type DealContext, notedHeading } from "./layout";

/** Defaults of the section's inputs (assumptions, stated beside them). */
export const MATURITY_DEFAULTS: Readonly<typeof ASSUMPTIONS.maturity> = ASSUMPTIONS.maturity;

/** What the section writes that later sections read. */
export interface MaturityCells {
  /** The loan's term in years (the input, or the hold). */
  readonly maturity: string;
  readonly balance: Pair;
  readonly proceeds: Pair;
  readonly gap: Pair;
}

export function maturitySection(ctx: Pick<DealContext, "s" | "inp" | "terms" | "thresholds">): MaturityCells {
  const { s, inp, terms, thresholds: th } = ctx;
  const d = MATURITY_DEFAULTS;
  const { noi, propertyValue: value, amortYears: amort, interestOnly: io, holdYears: hold } = inp;
  notedHeading(
    s,
    "Maturity test: refinance at a stressed rate and exit cap",
    "Defaults cluster at the balloon: can each structure's balance be refinanced then?",
  );
  const termInput = noteInput(
    s,
    "Loan term, years (0: the hold)",
    d.term,
    "years",
    "LoanTerm",
    "The loan matures at the end of its term; 0 takes the hold",
  );
  const mRow = s.label("Maturity (years from closing)");
  const maturity = s.formula("B", mRow, `=IF(${termInput}>0,${termInput},${hold})`, "years", "MaturityYears");
  const stress = noteInput(
    s,
    "Refinance rate over each structure's rate",
    d.rateStress,
    "rate",
    "RefiRateStress",
    "Assumption: rates 2 points higher at maturity (a stress, not a forecast)",
  );
  const growth = noteInput(
    s,
    "NOI growth a year to maturity",
    d.noiGrowth,
    "rate",
    "NOIGrowth",
    "Assumption: flat NOI (a conservative test)",
  );
  const expansion = noteInput(
    s,
    "Exit cap rate at maturity over the going-in cap rate",
    d.capExpansion,
    "rate",
    "MaturityCapExpansion",
    "Assumption: cap-rate expansion at maturity",
  );
  const balance = pairRow(
    s,
    "Balance at maturity (LOAN.BALANCE)",
    `=${call("BALANCE", terms.loan.r, terms.rate.r, amort, maturity, `IF(${io},${maturity},0)`)}`,
    `=${call("BALANCE", terms.loan.n, terms.rate.n, amort, maturity, `IF(${io},${maturity},0)`)}`,
    "money",
    { note: "The balloon each structure owes (methodology §3)" },
  );
  const noiRow = s.label("NOI at maturity");
  const noiM = s.formula("B", noiRow, `=${noi}*(1+${growth})^${maturity}`, "money", "MaturityNOI");
  const capRow = s.label("Exit cap rate at maturity");
  const cap = s.formula("B", capRow, `=${noi}/${value}+${expansion}`, "rate", "MaturityCap");
  s.text(NOTE, capRow, "Going-in cap rate (NOI ÷ value) plus the expansion");
  const valueRow = s.label("Value at maturity");
  const valueM = s.formula("B", valueRow, `=${noiM}/${cap}`, "money", "MaturityValue");
  s.text(NOTE, valueRow, "NOI at maturity ÷ the exit cap rate");
  const rate = pairRow(s, "Refinance rate", `=${terms.rate.r}+${stress}`, `=${terms.rate.n}+${stress}`, "rate", {
    note: "Each structure's rate plus the stress",
  });
  const proceeds = pairRow(
    s,
    "Refinance proceeds (LOAN.MAX_LOAN)",
    `=${call("MAX_LOAN", noiM, valueM, rate.r, amort, th.rMinDscr, th.rMaxLtv)}`,
    `=${call("MAX_LOAN", noiM, valueM, rate.n, amort, th.nMinDscr, th.nMaxLtv)}`,
    "money",
    { note: "An amortizing loan under the structure's DSCR and LTV thresholds (G:J), methodology §4" },
  );
  const gap = pairRow(
    s,
    "Refinance gap (balance − proceeds; 0: covered)",
    `=MAX(0,${balance.r}-${proceeds.r})`,
    `=MAX(0,${balance.n}-${proceeds.n})`,
    "money",
    { note: "Cash the sponsor must bring at maturity, or the loan defaults at its balloon" },
  );
  s.name("RefiGap", `${gap.r}:${gap.n}`);
  pairRow(
    s,
    "DSCR of the balance at the refinance rate",
    `=IF(${balance.r}>0,${call("DSCR", noiM, call("DEBT_SERVICE", balance.r, rate.r, amort))},"repaid")`,
    `=IF(${balance.n}>0,${call("DSCR", noiM, call("DEBT_SERVICE", balance.n, rate.n, amort))},"repaid")`,
    "ratio",
    { diff: false },
  );
  return { maturity, balance, proceeds, gap };
}
