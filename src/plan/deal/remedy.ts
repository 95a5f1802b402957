/**
 * The lender's remedy (methodology §8, issue 21): where a state allows both a trustee sale and a
 * judicial foreclosure, the lender takes the one that recovers most at the default: the sale, plus
 * what the law then lets it pursue from the guarantor up to what it could collect (CollectibleNet),
 * a judicial foreclosure later and dearer (assumptions beside them). A method the state's law or
 * table cannot answer for (a state without power of sale, a field the table does not know) is not
 * chosen. Under each state's law the chosen method is named (LenderRemedy, and
 * LenderRemedyCompared under the compared state's), and every LOAN.STATE_DEFICIENCY of the sheet
 * uses it; ForeclosureMethod (BEST by default) fixes it instead when set to NONJUDICIAL or JUDICIAL.
 * Redemption periods are not modelled.
 */
import { call, quote } from "../formula";
import { ASSUMPTIONS } from "./assumptions";
import { type DealContext, NOTE, noteInput } from "./layout";
import { REMEDY_NAMES } from "./side-by-side";

/** The remedy section: per state's law, the recovery by each method and the one the lender takes. */
export function remedySection(ctx: Pick<DealContext, "s" | "inp" | "downside" | "outcomes">): void {
  const { s, inp, downside, outcomes } = ctx;
  const d = ASSUMPTIONS.remedy;
  const top = s.heading("The lender's remedy: the foreclosure that recovers most", 1, ["Trustee sale", "Judicial"]);
  s.text(
    NOTE,
    top,
    "At the default, under each state's law: sale proceeds plus what it may collect from the guarantor",
  );
  const cost = noteInput(
    s,
    "Judicial foreclosure's extra cost",
    d.judicialExtraCost,
    "money",
    "JudicialExtraCost",
    "Assumption: court costs and fees a trustee sale does not incur",
  );
  const months = noteInput(
    s,
    "Judicial foreclosure's extra months",
    d.judicialExtraMonths,
    "years",
    "JudicialExtraMonths",
    "Assumption: a judicial foreclosure takes about a year longer; its recovery is discounted at the risk-free rate",
  );
  const { claim, sale } = downside;
  const [residential, purchaseMoney, ownerOccupied] = inp.flags;
  outcomes.laws.forEach((law, i) => {
    const own = i === 0;
    const overrides = own ? inp.overrides : undefined;
    const pursue = (method: string) =>
      call(
        "STATE_DEFICIENCY",
        claim.r,
        sale.r,
        law,
        undefined,
        quote(method),
        residential,
        purchaseMoney,
        ownerOccupied,
        overrides,
        quote("GUARANTOR"),
      );
    const recovered = (method: string) => `${sale.r}+MIN(${pursue(method)},CollectibleNet)`;
    const r = s.next();
    s.formula("A", r, `="Recovery at the default under "&${law}&" law"`);
    const trustee = s.formula("B", r, `=IFERROR(${recovered("NONJUDICIAL")},-1)`, "money");
    const judicial = s.formula(
      "C",
      r,
      `=IFERROR((${recovered("JUDICIAL")})*EXP(-RiskFreeRate*${months}/12)-${cost},-1)`,
      "money",
    );
    s.text(
      NOTE,
      r,
      "−1: the method is not open there, or the state table does not know (LOAN.STATE_DEFICIENCY, GUARANTOR)",
    );
    const c = s.next();
    s.formula("A", c, `="The lender's remedy under "&${law}&" law"`);
    const best = `IF(${judicial}>${trustee},"JUDICIAL","NONJUDICIAL")`;
    s.formula(
      "B",
      c,
      `=IF(${inp.foreclosure}="BEST",${best},${inp.foreclosure})`,
      undefined,
      own ? REMEDY_NAMES.deal : REMEDY_NAMES.compared,
      own,
    );
    s.text(NOTE, c, "ForeclosureMethod BEST: the method that recovers most; NONJUDICIAL or JUDICIAL: that one");
  });
}
