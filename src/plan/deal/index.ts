/**
 * A deal template → a side-by-side recourse / non-recourse sheet, as a plan (plain data).
 * Pure: no Office, no engine. The writers (Excel, engine, .xlsx) apply the plan.
 *
 * The sheet is a sequence of sections, top to bottom under a frozen title and legend (rows 1–2,
 * also printed on every page), each a function that writes its rows with the sheet builder and
 * returns the cells later sections refer to; each section names its own columns:
 *   - summary.ts: the verdict and the figures it rests on, in rows reserved under the header
 *     (Recourse | Non-recourse | Non-recourse − recourse | Source / note)
 *     and filled last from the cells the other sections return;
 *   - inputs.ts: title and header; inputs, the LOAN.QUALIFY thresholds beside them (G:J)
 *     and under those the reading's criteria (the core's HEURISTICS, as named inputs), the
 *     carveouts stressed and the scenarios;
 *   - market.ts: the dated market table (rates over the Treasury or SOFR, points, LTV and DSCR
 *     by lender, each with its source), and the rate and points each structure uses: the
 *     analyst's override or the table's (RecourseRate, NonRecourseRate, their difference
 *     RatePremium);
 *   - side-by-side.ts: the terms under each structure, each sized on its own (LoanAmount,
 *     HoldLoanEqual), and the premium on the non-recourse loan; per scenario the
 *     deficiency, what the state's law lets the lender pursue and the personal exposure;
 *     a remedy the lender may choose instead (the template's alternativeRemedy, on the last
 *     scenario); the break-even default probability; LOAN.QUALIFY;
 *   - returns.ts: equity, the levered cash flow of each year and the sale, IRR and cash-on-cash
 *     per structure (Equity, LeveredIRR, CashOnCash), after the terms;
 *   - downside.ts: the time-aware downside (a default in DefaultYear, each structure's balance then), the put value;
 *   - recovery.ts: the foreclosure's tax (TaxEffect) and the lender's recovery (LenderRecovery) at that default;
 *   - maturity.ts: the balance at maturity against a refinance at a stressed rate and exit cap (RefiGap);
 *   - exit-cost.ts: the cost of repaying early in each year, step-down against yield maintenance or
 *     defeasance, and ExitCost at the early-sale year;
 *   - fair.ts: "Is the premium fair?": the put and the fair spread against the premium, the
 *     default probability at the hold, and the verdict over volatility 5 %–30 %;
 *   - reading.ts: the lenders' "when each fits" heuristics (methodology §17) as formulas with
 *     reasons, against the criteria's cells, and their lean;
 *   - verdict.ts: the Verdict from stated criteria beside it (put against premium, personal
 *     exposure to insure, the guarantor's capacity, the heuristics' lean);
 *   - sensitivity.ts: personal exposure against sale price, per state's law, feeding the chart;
 *   - grids.ts: sensitivity grids with heat-map shading: personal exposure against sale price ×
 *     default year, DSCR and proceeds against NOI change × rate change;
 *   - chart.ts: the chart of the sensitivity tables (per structure, per state's law), on rows kept for it;
 *   - the assumptions and the disclaimer (below).
 * A new section is a function of the same kind, called in its place in `buildDealPlan`.
 *
 * Every number outside the inputs is a formula over them, using LOAN.* and only built-ins
 * the headless engine computes too (IF, AND, MAX, MIN, ROUND, ROUNDDOWN, INDEX, IRR, &). Formulas avoid
 * the TRUE/FALSE literals (the engine reads them as names); flags are input cells.
 */
import { DEAL_NOTES } from "../messages";
import { modelPrint } from "../page";
import { type SheetPlan } from "../plan";
import type { DealInputs, DealTemplate } from "../templates/types";
import {
  carveoutsSection,
  criteriaSection,
  inputsSection,
  scenarioInputsSection,
  thresholdsSection,
  PRINT_TITLE_ROWS,
  titleSection,
} from "./inputs";
import { type Deal, type DealOptions, type DealSheet, dealSheet, resolveDeal } from "./layout";
import { downsideSection } from "./downside";
import { exitCostSection } from "./exit-cost";
import { lenderChoiceSection } from "./lender-choice";
import { remedySection } from "./remedy";
import { checksSection } from "./checks";
import { marketSection } from "./market";
import { fairSection } from "./fair";
import { springingSection } from "./springing";
import { gridsSection } from "./grids";
import { maturitySection } from "./maturity";
import { readingSection } from "./reading";
import { returnsSection } from "./returns";
import { recoverySection } from "./recovery";
import { reserveSummary, summarySection } from "./summary";
import { verdictSection } from "./verdict";
import { chartSection } from "./chart";
import { sensitivitySection } from "./sensitivity";
import {
  alternativeRemedySection,
  breakevenSection,
  qualifySection,
  scenariosSection,
  termsSection,
} from "./side-by-side";

export { DEAL_NOTES } from "../messages";
export { DEAL_FORMATS, INPUT_LABELS, INPUT_NAMES, type DealOptions } from "./layout";

/** The reading's criteria start this many rows below the inputs' heading (thresholds, debt-yield floors, a gap). */
const CRITERIA_OFFSET = 9;

/** Builds the deal sheet for a template with the analyst's inputs and options. */
export function buildDealPlan(
  template: DealTemplate,
  inputs: Partial<DealInputs> = {},
  options: DealOptions = {},
): SheetPlan {
  const deal = resolveDeal(template, inputs, options);
  const s = dealSheet();
  titleSection(s, deal);
  const summaryTop = reserveSummary(s, {
    compared: deal.compareState !== undefined,
    lenderChoice: !template.sameLender,
  });
  const inp = inputsSection(s, deal);
  const thresholds = thresholdsSection(s, inp.top, template.thresholds, inp.loanType, template.lenders);
  const criteria = criteriaSection(s, inp.top + CRITERIA_OFFSET);
  marketSection(s, deal);
  // The context the sections read (DealContext), growing as they return their cells; a section's
  // rows follow the rows of the sections called before it.
  const carveouts = carveoutsSection(s, deal);
  const c1 = { s, deal, inp, thresholds, criteria, carveouts, scenarios: scenarioInputsSection(s, deal) };
  const terms = termsSection(c1);
  const c2 = { ...c1, terms };
  const returns = returnsSection(c2);
  const outcomes = scenariosSection(c2);
  const c3 = { ...c2, returns, outcomes };
  alternativeRemedySection(c3);
  const downside = downsideSection(c3);
  const c4 = { ...c3, downside };
  remedySection(c4);
  recoverySection(c4);
  const maturity = maturitySection(c4);
  const c5 = { ...c4, maturity };
  const exitCost = exitCostSection(c5);
  const lenderChoice = lenderChoiceSection({ ...c5, exitCost });
  const fair = fairSection(c5);
  springingSection(c5, fair.incomeYield);
  breakevenSection(c5);
  const qualify = qualifySection(c5);
  checksSection({ ...c5, qualify });
  const reading = readingSection(c5);
  const c6 = { ...c5, reading };
  const verdict = verdictSection(c6);
  const sensitivity = sensitivitySection(c6);
  gridsSection(c6);
  const chart = chartSection(s, sensitivity);
  notesSection(s, deal);
  summarySection(s, summaryTop, {
    verdict: verdict.verdict,
    conditions: verdict.conditions,
    warnings: "DealWarnings",
    ...(verdict.compared ? { comparedVerdict: verdict.compared } : {}),
    loan: terms.loan,
    equity: returns.equity,
    irr: returns.irr,
    cashOnCash: returns.cashOnCash,
    premiumPV: "PremiumPV",
    ...(lenderChoice ? { lenderChoiceCost: lenderChoice.lenderChoiceCost } : {}),
    putValue: downside.putValue,
    capacity: downside.capacity,
    protectionValue: downside.protectionValue,
    fairSpread: fair.fairSpread,
    rate: terms.rate,
    defaultProbability: "DefaultProbabilityReal",
    remedy: "LenderRemedy",
    pursue: verdict.pursue,
    springing: downside.springing,
    exposure: verdict.exposure,
    refiGap: maturity.gap,
    exitCost: exitCost.exitCost,
  });
  const plan = s.build({
    sheetName: options.sheetName ?? template.sheetName,
    columnWidths: [
      // A:J about 1,065 points: with narrow margins, printed at about 71 % (11-point text at 7.8 points).
      { column: "A", points: 220 },
      { column: "B", points: 90 },
      { column: "C", points: 90 },
      { column: "D", points: 85 },
      { column: "E", points: 220 },
      { column: "F", points: 75 },
      { column: "G", points: 75 },
      { column: "H", points: 65 },
      { column: "I", points: 75 },
      { column: "J", points: 70 },
    ],
    // Frozen on screen as printed on every page: the title and the legend, and the labels in A. The
    // column headings (row 3) head the summary only; every section below names its own columns.
    freeze: { rows: PRINT_TITLE_ROWS, columns: 1 },
    chart,
  });
  return { ...plan, print: modelPrint(plan, PRINT_TITLE_ROWS) };
}

/** The template's assumptions in words, the state-law note and the disclaimer. */
function notesSection(s: DealSheet, deal: Deal): void {
  s.heading("Assumptions and notes", 1);
  for (const a of deal.template.assumptions) s.paragraph(a);
  s.paragraph(DEAL_NOTES.verdict);
  s.paragraph(DEAL_NOTES.stateLaw);
  s.paragraph(DEAL_NOTES.disclaimer);
}
