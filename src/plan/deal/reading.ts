/**
 * The reading block: the "when each fits" lender heuristics (methodology §17) as formulas, each
 * condition with whether it holds and why, the counts, and a one-line reading.
 */
import { HEURISTICS } from "../../core/domain";
import { quote } from "../formula";
import { DEAL_NOTES } from "../messages";
import { NOTE, type DealContext, notedHeading } from "./layout";

/** What the reading writes that the verdict reads: the counts and the heuristics' lean. */
export interface ReadingCells {
  /** How many of the recourse conditions hold. */
  readonly recourseCount: string;
  /** How many of the non-recourse signs are present. */
  readonly signCount: string;
  /** "recourse", "non-recourse" or "neither". */
  readonly lean: string;
  /** How many recourse conditions and non-recourse signs there are. */
  readonly conditions: number;
  readonly signs: number;
}

/**
 * Conditions and counts against the criteria's cells (G:J beside the inputs), so that a
 * changed criterion changes the reading; labels that quote a figure are formulas over it.
 */
export function readingSection(ctx: Pick<DealContext, "s" | "inp" | "terms" | "outcomes" | "criteria">): ReadingCells {
  const { s, inp, terms, outcomes: out, criteria: c } = ctx;
  const { businessPlan: plan, netWorth, liquidity, holdYears: hold } = inp;
  const { premium, ltv } = terms;
  // The premium is priced on the non-recourse loan; the sponsor's capacity is tested against the recourse loan.
  const loan = terms.loan.r;
  notedHeading(s, "Reading (heuristics, not advice)", DEAL_NOTES.heuristics, ["Holds?", "Why"]);
  /**
   * A condition: its label (text, or a formula when it starts with "="), whether it holds (B)
   * and why (C); returns the B cell.
   */
  const cond = (label: string, test: string, why: string): string => {
    const r = s.next();
    if (label.startsWith("=")) {
      s.formula("A", r, label);
      s.wrap(`A${r}`);
    } else s.text("A", r, label);
    const cell = s.formula("B", r, `=${test}`, "bool");
    s.formula("C", r, `=${why}`);
    return cell;
  };
  const sub = (label: string): void => s.text("A", s.next(), label, true);
  const pct = (x: string): string => `ROUND(${x}*100,1)&" %"`;
  /** A deal's share quoted in text, formatted as its cell is (thousands grouped: an LTV of 1,843 %). */
  const share = (x: string): string => `TEXT(${x},"#,##0.0 %")`;
  const stabilized = quote(HEURISTICS.stabilizedPlan);
  /** The premium limit in words: "75 bps a year + 1 point". */
  const limit = `ROUND(${c.premiumRateSpread}*10000,0)&" bps a year + "&ROUND(${c.premiumPoints}*100,2)&IF(ROUND(${c.premiumPoints}*100,2)=1," point"," points")`;
  const costlyPremium = `${terms.loan.n}*(${c.premiumRateSpread}*${hold}+${c.premiumPoints})`;
  /** How many of the conditions hold (B), "of N" (C). */
  const count = (cells: string[], label: string): string => {
    const r = s.label(label);
    const c = s.formula("B", r, `=${cells.map((x) => `IF(${x},1,0)`).join("+")}`, "years");
    s.text("C", r, `of ${cells.length}`);
    return c;
  };

  sub("Recourse by default when…");
  const recConds = [
    cond("the asset is stabilized and well located", `${plan}=${stabilized}`, `"Business plan: "&${plan}`),
    cond(`="LTV ≤ "&${pct(c.recourseMaxLtv)}`, `${ltv.r}<=${c.recourseMaxLtv}`, `"LTV "&${share(ltv.r)}`),
    cond(
      `="the borrower has substantial liquid net worth (net worth ≥ "&${c.minNetWorthMultiple}&" × loan, liquidity ≥ "&${pct(c.minLiquidityShare)}&")"`,
      `AND(${netWorth}>=${c.minNetWorthMultiple}*${loan},${liquidity}>=${c.minLiquidityShare}*${loan})`,
      `"Net worth "&ROUND(${netWorth}/${loan},2)&"x the loan, liquidity "&${share(`${liquidity}/${loan}`)}`,
    ),
    cond("the borrower has a long record", inp.trackRecord, `"Input: long track record"`),
    cond(
      `="non-recourse costs more than "&${limit}`,
      `${premium}>${costlyPremium}`,
      `"Premium "&TEXT(${premium},"#,##0")&" against "&TEXT(${costlyPremium},"#,##0")&" for "&${limit}`,
    ),
  ];
  const recCount = count(recConds, "Conditions that hold");

  sub("Non-recourse is worth its premium with…");
  const lastExp = out.exposures[out.exposures.length - 1][0];
  const nrConds = [
    cond("execution risk (value-add, lease-up, repositioning)", `${plan}<>${stabilized}`, `"Business plan: "&${plan}`),
    cond(
      "a personal balance sheet sensitive to a deficiency (recourse exposure in the last scenario above liquidity)",
      `${lastExp.r}>${liquidity}`,
      `"Exposure "&TEXT(${lastExp.r},"#,##0")&" against liquidity "&TEXT(${liquidity},"#,##0")`,
    ),
    cond(`="LTV ≥ "&${pct(c.nonRecourseMinLtv)}`, `${ltv.r}>=${c.nonRecourseMinLtv}`, `"LTV "&${share(ltv.r)}`),
    cond("asset-protection priorities", inp.assetProtection, `"Input: asset protection a priority"`),
  ];
  const nrCount = count(nrConds, "Signs present");

  // Recourse by default when enough of its conditions hold, whatever the signs; a lean, not
  // a decision: the verdict below decides from the figures (methodology §17).
  const r = s.next();
  s.text("A", r, "Reading", true);
  const recourse = `${recCount}>=${c.recourseMinConditions}`;
  const leaning = `${nrCount}>0`;
  s.formula(
    "B",
    r,
    `=IF(${recourse},"Recourse by default: "&${recCount}&" of ${recConds.length} conditions hold ("&${nrCount}&" of ${nrConds.length} non-recourse signs)",` +
      `IF(${leaning},"Leans non-recourse: "&${nrCount}&" of ${nrConds.length} signs, "&${recCount}&" of ${recConds.length} recourse conditions; the verdict weighs the put against the premium",` +
      `"Neither heuristic decides: the verdict weighs the put against the premium"))`,
    undefined,
    undefined,
    true,
  );
  const leanRow = s.label("Heuristics lean");
  const lean = s.formula("B", leanRow, `=IF(${recourse},"recourse",IF(${leaning},"non-recourse","neither"))`);
  s.text(NOTE, leanRow, "A tie-breaker and a condition of the verdict, not a decision");
  return { recourseCount: recCount, signCount: nrCount, lean, conditions: recConds.length, signs: nrConds.length };
}
