/**
 * Checks on the whole deal (issue 22), beside the verdict: each a row with its condition and,
 * when it holds, the message in plain words with its figures formatted. Blocking checks make the
 * deal impossible or the verdict unfounded: the verdict then says it is not reliable and why
 * (`DealBlocking`). Warnings are for the analyst to read (`DealWarnings`: every message, blocking
 * ones first; empty when the deal raises none).
 *
 * The same checks, where they need no formula, run in the task pane before it inserts the model
 * (deal-checks.ts reads the same messages): the pane and the sheet say the same thing.
 */
import { quote } from "../formula";
import { CHECK_MESSAGES as M } from "../messages";
import { excelDate, MARKET_2025, marketRow, STALE_DAYS, type MarketTable } from "../market";
import type { DealInputs, DealTemplate } from "../templates/types";
import { type DealContext, type DealOptions, type Pair, notedHeading } from "./layout";
import { MARKET_NAMES } from "./market";
import { guarantorAllowed } from "./side-by-side";

/** The names the section defines. */
export const CHECK_NAMES = { blocking: "DealBlocking", warnings: "DealWarnings" } as const;

/** A check: its label, whether it blocks, the condition (a formula) and its message (a formula giving text). */
interface Check {
  readonly label: string;
  readonly blocking: boolean;
  readonly when: string;
  readonly message: string;
}

/** Text for a formula: a quoted literal. */
const q = (text: string): string => quote(text);

export function checksSection(
  ctx: Pick<DealContext, "s" | "deal" | "inp" | "terms" | "downside" | "maturity"> & { readonly qualify: Pair },
): typeof CHECK_NAMES {
  const { s, deal, inp, terms, downside, maturity, qualify } = ctx;
  const { noi, propertyValue: value, holdYears: hold } = inp;
  const ltv = `MAX(${terms.loan.r},${terms.loan.n})/${value}`;
  const allowed = guarantorAllowed(inp);
  const floating = (["recourse", "nonRecourse"] as const).some(
    (k) => marketRow(deal.template.lenders[k]).base === "SOFR",
  );
  const placeholders = deal.template.placeholders ?? [];
  // Each placeholder still at the template's round figure.
  const unchanged = placeholders.map((k) => `${inp[k]}=${deal.template.inputs[k]}`);
  const checks: Check[] = [
    {
      label: "The loan is not negative",
      blocking: true,
      when: `${inp.loanAmount}<0`,
      message: q(M.loanNegative),
    },
    {
      label: "The loan is at most the property's value",
      blocking: true,
      when: `${ltv}>1`,
      message: `"${M.ltvOverPrefix} "&TEXT(${ltv},"#,##0 %")&"${M.ltvOverSuffix}"`,
    },
    {
      label: "The property has income",
      blocking: true,
      when: `${noi}<=0`,
      message: q(M.noIncome),
    },
    {
      label: "The default falls within the hold and the term",
      blocking: true,
      when: `OR(DefaultYear>${hold},DefaultYear>${maturity.maturity},DefaultYear<1)`,
      message: `"${M.defaultYearPrefix} "&DefaultYear&" ${M.defaultYearMiddle} "&${hold}&"${M.defaultYearSuffix}"`,
    },
    {
      label: "The state table knows the law the verdict needs",
      blocking: true,
      when: `OR(ISNA(${allowed}),ISERROR(${downside.exposures[0].r}),ISERROR(${downside.protectionValue}))`,
      message: `"${M.stateUnknownPrefix} "&${inp.state}&"${M.stateUnknownSuffix}"`,
    },
    {
      label: "Both structures qualify",
      blocking: false,
      when: `OR(${qualify.r}<>"OK",${qualify.n}<>"OK")`,
      message: q(M.qualifyFails),
    },
    {
      label: "The market table is recent at the analysis date",
      blocking: false,
      when: `AsOfDate-${MARKET_NAMES.asOf}>${STALE_DAYS}`,
      message: `"${M.marketStalePrefix} "&TEXT(${MARKET_NAMES.asOf},"yyyy-mm-dd")&", "&ROUND((AsOfDate-${MARKET_NAMES.asOf})/30.4,0)&"${M.marketStaleSuffix}"`,
    },
    {
      label: "Early default does not change the verdict",
      blocking: false,
      // The verdict prices default at the hold (ProtectionValue, a European put spread); the
      // simulated optimal default (the fair section's EarlyDefaultPremium) would raise it.
      when: `AND(ProtectionValue<=PremiumPV,ProtectionValue*(1+EarlyDefaultPremium)>PremiumPV)`,
      message: `"${M.earlyDefaultPrefix} "&TEXT(EarlyDefaultPremium,"0.0 %")&"${M.earlyDefaultSuffix}"`,
    },
    ...(floating
      ? [
          {
            label: "A rate cap is entered for the floating loans",
            blocking: false,
            when: "AND(RecourseRateCap=0,NonRecourseRateCap=0)",
            message: q(M.rateCapMissing),
          },
        ]
      : []),
    ...(placeholders.length
      ? [
          {
            label: "The placeholders are replaced",
            blocking: false,
            when: `OR(${unchanged.join(",")})`,
            message: q(M.placeholdersLeft),
          },
        ]
      : []),
  ];
  notedHeading(
    s,
    "Checks on the whole deal",
    "Blocking: the verdict is not reliable until fixed; warnings: to read before relying on it",
    ["Holds?", "What it means"],
  );
  const rows = checks.map((c) => {
    const r = s.label(`${c.blocking ? "Blocking" : "Warning"}: ${c.label.toLowerCase()}`);
    // A condition that cannot be computed (an input in error) counts as failed, and says so.
    const failed = s.formula("B", r, `=IFERROR(${c.when},TRUE())`, "bool");
    const text = s.formula("C", r, `=IF(${failed},IFERROR(${c.message},${q(M.cannotCheck(c.label))}),"")`);
    s.wrap(`C${r}`);
    return { ...c, text };
  });
  /** The messages of some checks joined by "; " (a cell D of the row), then without the trailing "; " (B). */
  const list = (label: string, of: typeof rows, name: string): void => {
    const r = s.label(label);
    const joined = s.formula("D", r, `=${of.map((c) => `IF(${c.text}<>"",${c.text}&"; ","")`).join("&") || '""'}`);
    s.formula("B", r, `=IF(${joined}="","",LEFT(${joined},LEN(${joined})-2))`, undefined, name);
    s.wrap(`B${r}`);
  };
  list(
    "Blocking reasons (DealBlocking)",
    rows.filter((c) => c.blocking),
    CHECK_NAMES.blocking,
  );
  list("Warnings on the deal (DealWarnings; empty: none)", rows, CHECK_NAMES.warnings);
  return CHECK_NAMES;
}

/** What a check finds before the model is built (the task pane): messages, blocking ones apart. */
export interface DealCheckResult {
  readonly blocking: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * The checks that need no formula, in TypeScript, for the task pane to show before it inserts:
 * the same words as the sheet's (which computes every check, qualification included). `known`
 * says whether the state table knows the state's deficiency rule (the pane's state list knows).
 */
export function dealChecks(
  template: DealTemplate,
  inputs: Partial<DealInputs>,
  options: DealOptions & { readonly stateKnown?: boolean },
  table: MarketTable = MARKET_2025,
): DealCheckResult {
  const d = { ...template.inputs, ...inputs };
  const blocking: string[] = [];
  const warnings: string[] = [];
  if (d.loanAmount < 0) blocking.push(M.loanNegative);
  if (d.loanAmount > 0 && d.propertyValue > 0 && d.loanAmount / d.propertyValue > 1)
    blocking.push(
      `${M.ltvOverPrefix} ${Math.round((d.loanAmount / d.propertyValue) * 100).toLocaleString("en-US")} %${M.ltvOverSuffix}`,
    );
  if (d.noi <= 0) blocking.push(M.noIncome);
  const year = options.defaultYear ?? template.downside?.defaultYear;
  if (year !== undefined && (year > d.holdYears || year < 1))
    blocking.push(`${M.defaultYearPrefix} ${year} ${M.defaultYearMiddle} ${d.holdYears}${M.defaultYearSuffix}`);
  if (options.stateKnown === false)
    blocking.push(`${M.stateUnknownPrefix} ${options.state ?? d.state}${M.stateUnknownSuffix}`);
  const asOf = options.asOf ?? table.asOf;
  const age = excelDate(asOf) - excelDate(table.asOf);
  if (age > STALE_DAYS)
    warnings.push(`${M.marketStalePrefix} ${table.asOf}, ${Math.round(age / 30.4)}${M.marketStaleSuffix}`);
  if ((["recourse", "nonRecourse"] as const).some((k) => marketRow(template.lenders[k], table).base === "SOFR"))
    warnings.push(M.rateCapMissing);
  if ((template.placeholders ?? []).some((k) => d[k] === template.inputs[k])) warnings.push(M.placeholdersLeft);
  return { blocking, warnings };
}
