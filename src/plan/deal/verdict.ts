/**
 * The verdict: recourse or non-recourse, from criteria shown beside it as rows with their own
 * cells (methodology §17, the verdict):
 *   1. the protection's value against its price: the put spread up to what recourse could collect
 *      (ProtectionValue) against the like-for-like premium in present value (PremiumPV), to the unit;
 *   2. personal exposure to insure: what non-recourse removes, at the default in DefaultYear
 *      (the downside's PersonalExposure pair) and in the last scenario (the break-even row's);
 *   3. the guarantor's capacity: what it could be made to pay (CollectibleCapacity), and its net
 *      worth, against the recourse exposure;
 *   4. the lender heuristics' lean (the reading).
 * Non-recourse when 1 and 2 hold; recourse when the premium is worth at least the put or there
 * is nothing to insure; on a tie, 4 then 3 decide. The verdict names the first reason that
 * holds: nothing to insure at the default, then the price, then nothing in the last scenario.
 * The rule never contradicts a cell: no exposure in the last scenario (the break-even row's
 * "no personal exposure to insure") is never non-recourse, and the put-against-premium
 * comparison is the fair section's.
 */
import { quote } from "../formula";
import { CHECK_MESSAGES } from "../messages";
import { CHECK_NAMES } from "./checks";
import type { InputCells } from "./inputs";
import { type DealSheet, NOTE, type Pair, type DealContext, notedHeading } from "./layout";
import type { DownsideCells } from "./downside";
import type { OutcomeCells } from "./side-by-side";

/** The verdict's texts, by outcome; each starts with the structure it chooses. */
export const VERDICTS = {
  nothingToInsure: "Recourse: no personal exposure to insure at the default",
  nothingInLastScenario:
    "Recourse: the put is worth more than the premium, but the last scenario leaves no personal exposure to insure",
  premiumExceeds: "Recourse: the premium is worth at least what the protection is worth",
  protectionWorthMore: "Non-recourse: the protection is worth more than its premium",
  tieLeanRecourse: "Recourse: a tie on price; the heuristics lean recourse",
  tieLeanNonRecourse: "Non-recourse: a tie on price; the heuristics lean non-recourse",
  tieCovered: "Recourse: a tie on price; the guarantor's collectible capacity covers the exposure",
  tieUncovered: "Non-recourse: a tie on price; the guarantor's collectible capacity does not cover the exposure",
} as const;

/** What the verdict section writes that the summary reads. */
export interface VerdictCells {
  /** The Verdict cell (its name). */
  readonly verdict: string;
  /** The PersonalExposure pair (the downside's, under the deal's law). */
  readonly exposure: Pair;
  /** What the lender may pursue from the borrower at the default, under the deal's law. */
  readonly pursue: Pair;
  /** The conditions beside the verdict (the heuristics' lean, the guarantor's capacity), in words. */
  readonly conditions: string;
  /** The verdict under the compared state's law (VerdictCompared), when the template compares two. */
  readonly compared?: string;
}

export function verdictSection(
  ctx: Pick<DealContext, "s" | "inp" | "downside" | "outcomes" | "reading">,
): VerdictCells {
  const { s, inp, downside, outcomes: out, reading } = ctx;
  const { netWorth } = inp;
  const exposure = downside.exposures[0];
  const capacity = capacityCovers(downside.capacity, exposure.r);
  s.name("PersonalExposure", `${exposure.r}:${exposure.n}`);
  const last = out.exposures[out.exposures.length - 1][0];
  notedHeading(
    s,
    "Verdict (from the figures above; not advice)",
    "The criteria, then the verdict; the rule is in the notes below (methodology §17)",
    ["Value", "Why"],
  );
  const row = (label: string, value: string, why?: string, fmt?: "money" | "bool"): string =>
    criterionRow(s, label, value, why, fmt);
  const money = (x: string): string => `ROUND(${x},0)`;

  const put = row(
    "Protection value of non-recourse (ProtectionValue: what recourse could collect)",
    downside.protectionValue,
    undefined,
    "money",
  );
  const pv = row("Premium of non-recourse, like for like (PremiumPV)", "PremiumPV", undefined, "money");
  const worth = row(
    "1. The protection is worth more than its premium (to the unit)",
    `${money(put)}>${money(pv)}`,
    `"Protection "&TEXT(${put},"#,##0")&" against premium "&TEXT(${pv},"#,##0")`,
    "bool",
  );
  const tie = `${money(put)}=${money(pv)}`;
  // Differences are non-recourse − recourse, as everywhere on the sheet: negative is exposure non-recourse removes.
  const atDefault = row(
    "Change in personal exposure at the default (non-recourse − recourse; negative: removed)",
    `${exposure.n}-${exposure.r}`,
    `"Default in year "&DefaultYear&", under "&${inp.state}&" law"`,
    "money",
  );
  const inLast = row(
    "… in the last scenario (the break-even row's)",
    `${last.n}-${last.r}`,
    `"Under "&${inp.state}&" law"`,
    "money",
  );
  const insure = row(
    "2. There is personal exposure to insure (both changes below 0)",
    `AND(${atDefault}<0,${inLast}<0)`,
    `IF(AND(${atDefault}<0,${inLast}<0),"Non-recourse removes a personal exposure","Nothing for non-recourse to remove in one downside or both")`,
    "bool",
  );
  const covers = row(
    "3. Guarantor capacity: what it could be made to pay covers the recourse exposure at the default",
    capacity.test,
    capacity.why,
    "bool",
  );
  const netCovers = row(
    "… net worth covers it",
    `${netWorth}>=${exposure.r}`,
    `"Net worth "&TEXT(${netWorth},"#,##0")&" against "&TEXT(${exposure.r},"#,##0")`,
    "bool",
  );
  row(
    "4. Lender heuristics lean (the reading)",
    reading.lean,
    `${reading.recourseCount}&" of ${reading.conditions} recourse conditions, "&${reading.signCount}&" of ${reading.signs} non-recourse signs"`,
  );
  const q = (t: string): string => `"${t}"`;
  /** The rule (methodology §17) over a law's change in exposure at the default, its "insure" and "covers" tests. */
  const rule = (changeAtDefault: string, insured: string, covered: string): string =>
    `=IF(${changeAtDefault}>=0,${q(VERDICTS.nothingToInsure)},IF(AND(${insured},${worth}),${q(VERDICTS.protectionWorthMore)},` +
    `IF(AND(${insured},${tie}),IF(${reading.lean}="recourse",${q(VERDICTS.tieLeanRecourse)},IF(${reading.lean}="non-recourse",${q(VERDICTS.tieLeanNonRecourse)},` +
    `IF(${covered},${q(VERDICTS.tieCovered)},${q(VERDICTS.tieUncovered)}))),` +
    `IF(${worth},${q(VERDICTS.nothingInLastScenario)},${q(VERDICTS.premiumExceeds)}))))`;
  const vr = s.next();
  s.text("A", vr, "Verdict", true);
  const verdict = s.formula("B", vr, notReliable(rule(atDefault, insure, covers)), undefined, "Verdict", true);
  const cr = s.label("Conditions beside the verdict");
  const conditions = s.formula(
    "B",
    cr,
    `="Heuristics lean "&${reading.lean}&"; guarantor: "&IF(${covers},"its collectible capacity covers the recourse exposure",IF(${netCovers},"net worth, not what could be collected, covers the recourse exposure","the recourse exposure exceeds net worth"))`,
  );
  const compared = inp.compare ? comparedVerdict(s, inp, downside, out, rule) : undefined;
  return { verdict, exposure, pursue: downside.pursue[0], conditions, ...(compared ? { compared } : {}) };
}

/** The rule's formula, unless a blocking check fails: then "Not reliable: " and the reasons (DealBlocking). */
function notReliable(rule: string): string {
  return `=IF(${CHECK_NAMES.blocking}<>"",${quote(`${CHECK_MESSAGES.notReliable}: `)}&${CHECK_NAMES.blocking},${rule.slice(1)})`;
}

/** A criterion row of the verdict: its label, its value in B (a formula), why in C; returns the B cell. */
function criterionRow(s: DealSheet, label: string, value: string, why?: string, fmt?: "money" | "bool"): string {
  const r = s.label(label);
  const cell = s.formula("B", r, `=${value}`, fmt);
  if (why) s.formula("C", r, `=${why}`);
  return cell;
}

/** Criterion 3's test and its words: the collectible capacity against a recourse exposure. */
function capacityCovers(capacity: string, exposure: string): { test: string; why: string } {
  return {
    test: `${capacity}>=${exposure}`,
    why: `"Collectible capacity "&TEXT(${capacity},"#,##0")&" against "&TEXT(${exposure},"#,##0")`,
  };
}

/**
 * The same rule under the compared state's law (the second law of the downside and the
 * scenarios): its own change in exposure at the default and in the last scenario, and the
 * guarantor's liquidity against its recourse exposure; the price and the lean are the deal's.
 */
function comparedVerdict(
  s: DealSheet,
  inp: InputCells,
  downside: DownsideCells,
  out: OutcomeCells,
  rule: (changeAtDefault: string, insured: string, covered: string) => string,
): string {
  const law = inp.compare ?? "";
  const exposure = downside.exposures[1];
  const capacity = capacityCovers(downside.capacity, exposure.r);
  const last = out.exposures[out.exposures.length - 1][1];
  const row = (label: string, value: string, why?: string, fmt?: "money" | "bool"): string =>
    criterionRow(s, label, value, why, fmt);
  const under = `"Under "&${law}&" law"`;
  const atDefault = row(
    "Compared state: change in personal exposure at the default (non-recourse − recourse)",
    `${exposure.n}-${exposure.r}`,
    under,
    "money",
  );
  s.text(
    NOTE,
    s.row,
    "The verdict's rule under the compared state's law; the put, the premium and the heuristics' lean are the deal's",
  );
  const inLast = row("… in the last scenario", `${last.n}-${last.r}`, under, "money");
  const insure = row(
    "… there is personal exposure to insure (both changes below 0)",
    `AND(${atDefault}<0,${inLast}<0)`,
    under,
    "bool",
  );
  const covers = row(
    "… the collectible capacity covers the recourse exposure at the default",
    capacity.test,
    capacity.why,
    "bool",
  );
  const r = s.next();
  s.formula("A", r, `="Verdict under "&${law}&" law (the compared state)"`, undefined, undefined, true);
  s.wrap(`A${r}`);
  return s.formula("B", r, notReliable(rule(atDefault, insure, covers)), undefined, "VerdictCompared", true);
}
