/**
 * The deal sheet's verdict (issue 13, item 1; methodology §17, the verdict), computed by the
 * headless engine (the built add-in in dist/) for every template, and checked against the
 * rule re-applied here to the sheet's own cells: the protection (ProtectionValue: the put spread
 * up to what recourse could collect, issue 21) against the like-for-like premium's present value
 * (PremiumPV) to the unit; personal exposure removed at the default
 * (PersonalExposure) and in the last scenario; on a tie the heuristics' lean, then the
 * guarantor's liquidity. Then the inputs that must flip it: a volatility high enough, no
 * exposure at all, a premium raised above the put. Then the summary at the top (issue 13,
 * item 2): each figure equals the cell it summarizes, read from its own section.
 */
import type { CellResult } from "../src/engine/workbook";
import { buildDealPlan } from "../src/plan/deal";
import { SUMMARY, SUMMARY_LINES, summaryLines } from "../src/plan/deal/summary";
import { VERDICTS } from "../src/plan/deal/verdict";
import { parseAddress, parseRange } from "../src/plan/a1";
import { TEMPLATES } from "../src/plan/templates";
import { RESIDENTIAL_CA_TX } from "../src/plan/templates/residential";
import { VALUE_ADD } from "../src/plan/templates/value-add";
import type { DealTemplate } from "../src/plan/templates/types";
import { closeDeals, ComputedDeal } from "./deal-sheet";

afterAll(closeDeals);

/** A template's sheet in the engine, with reads by name and by row label and writes by name. */
class Sheet extends ComputedDeal {
  constructor(template: DealTemplate, inputs = {}, options = {}) {
    super(buildDealPlan(template, inputs, options));
  }
  /** Columns A.. of the first row labelled `label` at or after the row starting with `after`. */
  row(label: string, after?: string): CellResult[] {
    const values = this.values();
    const from = after ? values.findIndex((l) => typeof l[0] === "string" && l[0].startsWith(after)) : 0;
    if (from < 0) throw new Error(`no row starting ${after}`);
    return values[this.rowIndex(label, from)];
  }
}

/**
 * The rule (methodology §17, the verdict), re-applied to the sheet's cells: under the deal's
 * law, or under the compared state's (`compared`), whose exposures are the downside's and the
 * last scenario's rows under that state's law.
 */
function expected(s: Sheet, template: DealTemplate, compared = false): { verdict: string; insure: boolean } {
  const put = Math.round(s.num("ProtectionValue"));
  const pv = Math.round(s.num("PremiumPV"));
  const state = s.named(compared ? "CompareState" : "DealState")[0] as string;
  const atDefault = s.row(`Personal exposure at the default under ${state} law`);
  const [er, en] = compared
    ? [atDefault[1] as number, atDefault[2] as number]
    : (s.named("PersonalExposure") as number[]);
  const last = `Scenario ${template.scenarios.length}:`;
  const lastRow = s.row(`Personal exposure under ${state} law`, last);
  const inLast = (lastRow[1] as number) - (lastRow[2] as number);
  const insure = er - en > 0 && inLast > 0;
  const recourseCount = s.row("Conditions that hold")[1] as number;
  const signs = s.row("Signs present")[1] as number;
  const lean =
    recourseCount >= s.num("ReadingRecourseMinConditions") ? "recourse" : signs > 0 ? "non-recourse" : "neither";
  const verdict =
    er - en <= 0
      ? VERDICTS.nothingToInsure
      : insure && put > pv
        ? VERDICTS.protectionWorthMore
        : insure && put === pv
          ? lean === "recourse"
            ? VERDICTS.tieLeanRecourse
            : lean === "non-recourse"
              ? VERDICTS.tieLeanNonRecourse
              : s.num("CollectibleCapacity") >= er
                ? VERDICTS.tieCovered
                : VERDICTS.tieUncovered
          : put > pv
            ? VERDICTS.nothingInLastScenario
            : VERDICTS.premiumExceeds;
  return { verdict, insure };
}

/** Volatilities tried, low to high, for the flip. */
const VOLATILITIES = [0.01, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0];

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("verdict: %s", (_id, template) => {
  test("the verdict is the rule applied to the sheet's cells; the break-even row is never contradicted", () => {
    const s = new Sheet(template);
    const { verdict, insure } = expected(s, template);
    expect(s.named("Verdict")[0]).toBe(verdict);
    const state = s.named("DealState")[0] as string;
    const breakeven = s.row(`Break-even default probability (${state} law)`)[3];
    if (breakeven === "no personal exposure to insure") expect(verdict).toMatch(/^Recourse/);
    if (!insure) expect(verdict).toMatch(/^Recourse/);
    // The summary's exposure row shows none removed exactly when the verdict says so.
    const [er, en] = s.named("PersonalExposure") as number[];
    expect(verdict === VERDICTS.nothingToInsure).toBe(er - en <= 0);
    // The criteria rows hold the cells they quote.
    expect(s.row("Protection value of non-recourse (ProtectionValue: what recourse could collect)")[1]).toBe(
      s.num("ProtectionValue"),
    );
    expect(s.row("Premium of non-recourse, like for like (PremiumPV)")[1]).toBe(s.num("PremiumPV"));
    expect(s.row("2. There is personal exposure to insure (both above 0)")[1]).toBe(insure);
  });

  test("over volatility: recourse while the protection is worth less than the premium, non-recourse above, where there is exposure", () => {
    const s = new Sheet(template);
    const free = s.num("PremiumPV") <= 0;
    // The protection is worth at most the reachable capacity at the hold's end, discounted: a premium above that
    // can never be worth paying.
    const most = s.num("ReachableCapacity") * Math.exp(-s.num("RiskFreeRate") * s.num("HoldYears"));
    const unreachable = s.num("PremiumPV") >= most;
    const seen: string[] = [];
    for (const v of VOLATILITIES) {
      s.set("Volatility", v);
      const { verdict, insure } = expected(s, template);
      expect([v, s.named("Verdict")[0]]).toEqual([v, verdict]);
      if (!insure) expect(verdict).toMatch(/^Recourse/);
      seen.push(verdict);
    }
    if (expected(s, template).insure && free) {
      // Protection that costs nothing extra is worth its price at any volatility.
      expect(seen.every((x) => x === VERDICTS.protectionWorthMore)).toBe(true);
    } else if (expected(s, template).insure && unreachable) {
      expect(seen.every((x) => x.startsWith("Recourse"))).toBe(true);
    } else if (expected(s, template).insure) {
      // The protection rises with volatility: at 1 % it is worth less than the premium, at 100 % more.
      expect(seen[0]).toBe(VERDICTS.premiumExceeds);
      expect(seen[seen.length - 1]).toBe(VERDICTS.protectionWorthMore);
      const flip = seen.indexOf(VERDICTS.protectionWorthMore);
      expect(seen.slice(flip).every((x) => x === VERDICTS.protectionWorthMore)).toBe(true);
    } else expect(seen.every((x) => x.startsWith("Recourse"))).toBe(true);
  });

  test("non-recourse priced 50 bp over recourse by the same lender: a volatility high enough flips the verdict", () => {
    const s = new Sheet(template);
    // The analyst's quotes, one lender's: the flip must exist for any price of non-recourse the capacity can cover.
    s.set("SameLenderQuotes", true);
    s.set("NonRecourseRateOverride", s.num("RecourseRate") + 0.005);
    s.set("NonRecoursePointsOverride", s.num("RecoursePoints"));
    expect(s.num("PremiumPV")).toBeGreaterThan(0);
    const seen = VOLATILITIES.map((v) => {
      s.set("Volatility", v);
      const { verdict } = expected(s, template);
      expect([v, s.named("Verdict")[0]]).toEqual([v, verdict]);
      return { verdict, insure: expected(s, template).insure };
    });
    if (seen.every((x) => !x.insure)) {
      expect(seen.every((x) => x.verdict.startsWith("Recourse"))).toBe(true);
      return;
    }
    // Low volatility: the put (near its intrinsic value) is worth less than 50 bp a year; high: more.
    expect(seen[0].verdict).toBe(VERDICTS.premiumExceeds);
    expect(seen[seen.length - 1].verdict).toBe(VERDICTS.protectionWorthMore);
  });

  test("no recourse guarantee (no personal exposure to remove): never non-recourse, whatever the volatility", () => {
    const s = new Sheet(template);
    s.set("RecourseGuarantee", 0);
    for (const v of VOLATILITIES) {
      s.set("Volatility", v);
      expect(s.named("PersonalExposure")[0]).toBe(0);
      expect([v, s.named("Verdict")[0]]).toEqual([v, VERDICTS.nothingToInsure]);
    }
  });

  test("a premium raised above the protection flips a non-recourse verdict to recourse", () => {
    const s = new Sheet(template);
    // One lender's quotes, so that the points typed are the price of non-recourse (PremiumPV).
    s.set("SameLenderQuotes", true);
    // The lowest volatility of the list at which the protection is worth more than the premium.
    const v = VOLATILITIES.find((x) => {
      s.set("Volatility", x);
      return s.num("ProtectionValue") > s.num("PremiumPV");
    });
    expect(v).toBeDefined();
    if (expected(s, template).insure) expect(s.named("Verdict")[0]).toBe(VERDICTS.protectionWorthMore);
    const put = s.num("ProtectionValue");
    const pv = s.num("PremiumPV");
    // The premium is priced on the non-recourse loan (methodology §4, sizing each structure).
    const loan = s.named("LoanAmount")[1] as number;
    // Points are paid at closing: PremiumPV rises by the loan × the added points (typed as the override).
    s.set("NonRecoursePointsOverride", s.num("NonRecoursePoints") + (put - pv) / loan + 0.001);
    expect(s.num("PremiumPV")).toBeGreaterThan(s.num("ProtectionValue"));
    const { verdict, insure } = expected(s, template);
    expect(s.named("Verdict")[0]).toBe(verdict);
    expect(verdict).toMatch(/^Recourse/);
    if (insure) expect(verdict).toBe(VERDICTS.premiumExceeds);
  });
});

describe("verdict under the compared state's law (the CA vs TX template)", () => {
  const t = RESIDENTIAL_CA_TX;

  test("VerdictCompared is the rule applied to the compared state's exposures; the summary shows it", () => {
    const s = new Sheet(t);
    expect(s.named("CompareState")[0]).toBe(t.compareState);
    expect(s.named("VerdictCompared")[0]).toBe(expected(s, t, true).verdict);
    expect(s.named("Verdict")[0]).toBe(expected(s, t).verdict);
    for (const v of [0.05, 0.6]) {
      s.set("Volatility", v);
      expect(s.named("VerdictCompared")[0]).toBe(expected(s, t, true).verdict);
      expect(summaryRow(s, SUMMARY.comparedVerdict)[1]).toBe(s.named("VerdictCompared")[0]);
    }
  });

  test("compared with its own state (and no deal overrides), the compared verdict is the deal's", () => {
    // The deal's overrides of the state table apply under its own law only; without them both laws read alike.
    const s = new Sheet({ ...t, stateOverrides: [] });
    s.engine.setCells(s.plan.sheetName, ...at(s, "CompareState"), [[s.named("DealState")[0] as string]]);
    expect(s.named("VerdictCompared")[0]).toBe(s.named("Verdict")[0]);
  });

  test("a template that compares no state has no compared verdict, nor its summary line", () => {
    const s = new Sheet(VALUE_ADD);
    expect(s.plan.names?.some((n) => n.name === "VerdictCompared")).toBe(false);
    expect(s.plan.cells.some((c) => c.value === SUMMARY.comparedVerdict)).toBe(false);
  });
});

describe("verdict: the worked example and the state overlay", () => {
  test("value-add in Texas: the put (≈360,000) exceeds the premium (≈143,000) and 1,050,000 is insured: non-recourse", () => {
    const s = new Sheet(VALUE_ADD);
    expect(s.row("Personal exposure under TX law", "Scenario 3:")[1]).toBe(1_050_000);
    expect(s.named("Verdict")[0]).toBe(VERDICTS.protectionWorthMore);
  });

  test("value-add in California after a trustee sale: nothing to insure, recourse, whatever the volatility", () => {
    const s = new Sheet(VALUE_ADD, { foreclosure: "NONJUDICIAL" }, { state: "CA" });
    s.set("Volatility", 1);
    expect(s.named("PersonalExposure")).toEqual([0, 0]);
    expect(s.named("Verdict")[0]).toBe(VERDICTS.nothingToInsure);
  });

  test("a sprung full-recourse carveout leaves nothing to insure: recourse", () => {
    const s = new Sheet(VALUE_ADD, {}, { carveouts: [{ code: "FRAUD", loss: 0 }] });
    expect(s.row("Break-even default probability (TX law)")[3]).toBe("no personal exposure to insure");
    expect(s.named("Verdict")[0]).toBe(VERDICTS.nothingToInsure);
  });

  test("a tie on price (to the unit): the heuristics' lean decides, then the guarantor's liquidity", () => {
    const s = new Sheet(VALUE_ADD);
    const tie = (): void => {
      const loan = s.row("Loan amount")[1] as number;
      const points = s.num("NonRecoursePoints");
      s.set("NonRecoursePointsOverride", points + (s.num("ProtectionValue") - s.num("PremiumPV")) / loan);
      expect(Math.round(s.num("PremiumPV"))).toBe(Math.round(s.num("ProtectionValue")));
    };
    tie();
    // With the criterion's points lowered to 0, the raised points make non-recourse "cost more than 75 bps a
    // year": 3 of 5 conditions.
    s.set("ReadingPremiumPoints", 0);
    expect(s.row("Conditions that hold")[1]).toBe(3);
    expect(s.row("Heuristics lean")[1]).toBe("recourse");
    expect(s.named("Verdict")[0]).toBe(VERDICTS.tieLeanRecourse);
    s.set("ReadingRecourseMinConditions", 6);
    expect(s.row("Heuristics lean")[1]).toBe("non-recourse");
    expect(s.named("Verdict")[0]).toBe(VERDICTS.tieLeanNonRecourse);
    // No heuristic leans: a stabilized plan, no asset-protection priority, LTV below the
    // criterion, the last scenario's exposure within liquidity, too many conditions needed.
    s.engine.setCells(s.plan.sheetName, ...at(s, "BusinessPlan"), [["STABILIZED"]]);
    s.set("AssetProtection", 0);
    s.set("ReadingNonRecourseMinLTV", 0.99);
    // More liquidity is more to collect: the protection rises, so the tie is set again.
    s.set("Liquidity", 2_000_000);
    tie();
    expect(s.row("Heuristics lean")[1]).toBe("neither");
    expect(s.named("Verdict")[0]).toBe(VERDICTS.tieCovered);
    // Liquidity at the last scenario's exposure (no sign) but below the exposure at a year-1
    // default (a larger balance): the guarantor cannot cover it.
    s.set("DefaultYear", 1);
    const last = s.row("Personal exposure under TX law", "Scenario 3:")[1] as number;
    const atDefault = s.named("PersonalExposure")[0] as number;
    expect(atDefault).toBeGreaterThan(last);
    s.set("Liquidity", last);
    tie();
    expect(s.row("Heuristics lean")[1]).toBe("neither");
    expect(s.named("Verdict")[0]).toBe(VERDICTS.tieUncovered);
  });
});

/** The sheet row and column of a name's first cell. */
function at(s: Sheet, name: string): [number, number] {
  const n = (s.plan.names ?? []).find((x) => x.name === name);
  const r = parseRange(n!.address);
  return [r.top, r.left];
}

/** The summary's row labelled `label` (the first on the sheet), columns A.. */
function summaryRow(s: Sheet, label: string): CellResult[] {
  const values = s.engine.sheetValues(s.plan.sheetName);
  const r = values.findIndex((l) => l[0] === label);
  if (r < 0) throw new Error(`no row labelled ${label}`);
  return values[r];
}

/** Each summary figure against the cell it summarizes, read from its own section. */
function expectSummaryEqualsCells(s: Sheet): void {
  const state = s.named("DealState")[0] as string;
  const pair = (label: string, r: CellResult, n: CellResult): void => {
    const row = summaryRow(s, label);
    expect([label, row[1], row[2]]).toEqual([label, r, n]);
    expect(row[3]).toBeCloseTo((n as number) - (r as number), 6);
  };
  expect(summaryRow(s, SUMMARY.verdict)[1]).toBe(s.named("Verdict")[0]);
  expect(summaryRow(s, SUMMARY.conditions)[1]).toBe(s.row("Conditions beside the verdict")[1]);
  if (s.plan.names?.some((n) => n.name === "VerdictCompared"))
    expect(summaryRow(s, SUMMARY.comparedVerdict)[1]).toBe(s.named("VerdictCompared")[0]);
  const loan = s.row("Loan amount");
  pair(SUMMARY.loan, loan[1], loan[2]);
  expect(summaryRow(s, SUMMARY.premiumPV)[3]).toBe(s.num("PremiumPV"));
  expect(summaryRow(s, SUMMARY.putValue)[3]).toBe(s.num("PutValue"));
  expect(summaryRow(s, SUMMARY.protectionValue)[3]).toBe(s.num("ProtectionValue"));
  expect(summaryRow(s, SUMMARY.capacity)[3]).toBe(s.num("CollectibleCapacity"));
  if (s.plan.names?.some((n) => n.name === "LenderChoiceCost"))
    expect(summaryRow(s, SUMMARY.lenderChoiceCost)[3]).toBe(s.num("LenderChoiceCost"));
  expect(summaryRow(s, SUMMARY.remedy)[1]).toBe(s.named("LenderRemedy")[0]);
  expect(summaryRow(s, SUMMARY.fairSpread)[3]).toBe(s.num("FairSpread"));
  const bps = Math.round(s.num("LikeRatePremium") * 10000);
  expect(summaryRow(s, SUMMARY.fairSpread)[4]).toBe(
    `The rate premium the protection is worth; the same lender charges ${bps} bp a year`,
  );
  expect(summaryRow(s, SUMMARY.defaultProbability)[2]).toBe(s.num("DefaultProbabilityReal"));
  const pursue = s.row(`Lender may pursue at the default under ${state} law`);
  pair(SUMMARY.pursue, pursue[1], pursue[2]);
  const [er, en] = s.named("PersonalExposure");
  pair(SUMMARY.exposure, er, en);
  for (const [key, name] of [
    ["equity", "Equity"],
    ["irr", "LeveredIRR"],
    ["cashOnCash", "CashOnCash"],
  ] as const) {
    const [r, n] = s.named(name);
    pair(SUMMARY[key], r, n);
  }
  const [gr, gn] = s.named("RefiGap");
  pair(SUMMARY.refiGap, gr, gn);
  const [xr, xn] = s.named("ExitCost");
  pair(SUMMARY.exitCost, xr, xn);
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("summary: %s", (_id, template) => {
  test("at the top: after the title and the column headings, before the inputs; one landscape page, A:E", () => {
    const s = new Sheet(template);
    const values = s.engine.sheetValues(s.plan.sheetName);
    const top = values.findIndex((l) => l[0] === "Summary");
    const inputs = values.findIndex((l) => l[0] === "Inputs");
    expect(top).toBeGreaterThanOrEqual(s.plan.freeze?.rows ?? Infinity);
    const lines = summaryLines({ compared: template.compareState !== undefined, lenderChoice: !template.sameLender });
    expect(lines.length).toBe(SUMMARY_LINES.length - (template.compareState ? 0 : 1) - (template.sameLender ? 1 : 0));
    expect(inputs).toBeGreaterThan(top + lines.length);
    expect(top + 1 + lines.length).toBeLessThanOrEqual(30);
    const used = s.plan.cells.filter((c) => {
      const { row } = parseAddress(c.address);
      return row >= top && row <= top + lines.length;
    });
    expect(used.every((c) => parseAddress(c.address).col <= 4)).toBe(true);
    expect(used.filter((c) => parseAddress(c.address).col === 0).map((c) => c.value)).toEqual([
      "Summary",
      ...lines.map((l) => SUMMARY[l.cell]),
    ]);
  });

  test("each figure equals the cell it summarizes, at the template's inputs and after they change", () => {
    const s = new Sheet(template);
    expectSummaryEqualsCells(s);
    s.set("Volatility", 0.6);
    s.set("DefaultYear", 1);
    expectSummaryEqualsCells(s);
    const loan = s.row("Loan amount")[1] as number;
    s.set("LoanInput", loan * 0.9);
    expectSummaryEqualsCells(s);
    expect(summaryRow(s, SUMMARY.loan)[1]).toBeCloseTo(loan * 0.9, 6);
  });
});
