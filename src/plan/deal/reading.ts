/**
 * The reading block: the "when each fits" lender heuristics (methodology §17) as formulas, each
 * condition with whether it holds and why, the counts, and a one-line reading.
 */
import { DEAL_NOTES } from "../messages";
import type { InputCells } from "./inputs";
import { type DealSheet, NOTE } from "./layout";
import type { OutcomeCells, TermCells } from "./side-by-side";

export function readingSection(s: DealSheet, inp: InputCells, terms: TermCells, out: OutcomeCells): void {
  const { businessPlan: plan, netWorth, liquidity, holdYears: hold } = inp;
  const { loan, premium, ltv } = terms;
  const top = s.heading("Reading (heuristics, not advice)", 1, ["Holds?", "Why"]);
  s.text(NOTE, top, DEAL_NOTES.heuristics);
  /** A condition: its label, whether it holds (B) and why (C); returns the B cell. */
  const cond = (label: string, test: string, why: string): string => {
    const r = s.label(label);
    const cell = s.formula("B", r, `=${test}`);
    s.formula("C", r, `=${why}`);
    return cell;
  };
  const sub = (label: string): void => s.text("A", s.next(), label, true);
  const pct = (x: string): string => `ROUND(${x}*100,1)&" %"`;
  /** How many of the conditions hold (B), "of N" (C). */
  const count = (cells: string[], label: string): string => {
    const r = s.label(label);
    const c = s.formula("B", r, `=${cells.map((x) => `IF(${x},1,0)`).join("+")}`, "years");
    s.text("C", r, `of ${cells.length}`);
    return c;
  };

  sub("Recourse by default when…");
  const recConds = [
    cond("the asset is stabilized and well located", `${plan}="STABILIZED"`, `"Business plan: "&${plan}`),
    cond("LTV ≤ 65 %", `${ltv.r}<=0.65`, `"LTV "&${pct(ltv.r)}`),
    cond(
      "the borrower has substantial liquid net worth (net worth ≥ loan, liquidity ≥ 10 %)",
      `AND(${netWorth}>=${loan},${liquidity}>=0.1*${loan})`,
      `"Net worth "&ROUND(${netWorth}/${loan},2)&"x the loan, liquidity "&${pct(`${liquidity}/${loan}`)}`,
    ),
    cond("the borrower has a long record", inp.trackRecord, `"Input: long track record"`),
    cond(
      "non-recourse costs more than 75 bps + 1 point",
      `${premium}>${loan}*(0.0075*${hold}+0.01)`,
      `"Premium "&ROUND(${premium},0)&" against "&ROUND(${loan}*(0.0075*${hold}+0.01),0)&" for 75 bps a year + 1 point"`,
    ),
  ];
  const recCount = count(recConds, "Conditions that hold");

  sub("Non-recourse is worth its premium with…");
  const lastExp = out.exposures[out.exposures.length - 1][0];
  const nrConds = [
    cond("execution risk (value-add, lease-up, repositioning)", `${plan}<>"STABILIZED"`, `"Business plan: "&${plan}`),
    cond(
      "a personal balance sheet sensitive to a deficiency (recourse exposure in the last scenario above liquidity)",
      `${lastExp.r}>${liquidity}`,
      `"Exposure "&ROUND(${lastExp.r},0)&" against liquidity "&ROUND(${liquidity},0)`,
    ),
    cond("LTV ≥ 70 %", `${ltv.r}>=0.7`, `"LTV "&${pct(ltv.r)}`),
    cond("asset-protection priorities", inp.assetProtection, `"Input: asset protection a priority"`),
  ];
  const nrCount = count(nrConds, "Signs present");

  const r = s.next();
  s.text("A", r, "Reading", true);
  s.formula(
    "B",
    r,
    `=IF(AND(${nrCount}>0,${recCount}<${recConds.length}),"Non-recourse is worth pricing: "&${nrCount}&" of ${nrConds.length} signs; weigh the break-even probability against your own default estimate",` +
      `IF(${recCount}>=3,"Recourse by default: "&${recCount}&" of ${recConds.length} conditions hold","Neither heuristic decides: weigh the break-even probability against your own default estimate"))`,
    undefined,
    undefined,
    true,
  );
}
