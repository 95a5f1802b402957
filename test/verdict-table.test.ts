/**
 * Issue 21's table (docs/methodology.md §17, "The verdict, template by template"), reproduced here
 * from independent calculations, not the product's code, and checked three ways: this file's
 * figures against the sheet's named cells (1e-9 relative, or half a cent), and against the table
 * in the methodology (to the unit; the flip volatility to 0.1 point).
 *
 * What is independent: the premium by explicit monthly cash flows in 60 digits (test/reference.ts);
 * the balance month by month; the put by the Black–Scholes–Merton formula with a normal CDF written
 * in the tests (test/bsm-reference.ts); the premium table's published ranges typed here from
 * methodology §14 (not read from src/core); the flip volatility by bisection. Read from the sheet,
 * because they are checked against hand values elsewhere: each structure's loan and rate
 * (test/deal-sizing.test.ts, test/market.test.ts) and ExitCost (test/deal-exit.test.ts).
 */
import fs from "fs";
import path from "path";
import { MARKET_2025 } from "../src/plan/market";
import { TEMPLATES } from "../src/plan/templates";
import type { DealTemplate } from "../src/plan/templates/types";
import { bsPut } from "./bsm-reference";
import { closeDeals, ComputedDeal } from "./deal-sheet";
import { agrees, balanceRef, premiumRef } from "./reference";

afterAll(closeDeals);

/** Methodology §14: the published price of non-recourse over recourse, rate and points, in basis points. */
const PUBLISHED: Record<string, { rate: [number, number]; points: [number, number] | null }> = {
  CMBS: { rate: [25, 50], points: null },
  AGENCY: { rate: [50, 75], points: [25, 75] },
  LIFE: { rate: [50, 100], points: [50, 100] },
  BANK: { rate: [50, 125], points: [25, 50] },
  BRIDGE: { rate: [100, 200], points: [50, 150] },
};
const mid = (r: [number, number] | null): number => (r ? (r[0] + r[1]) / 2 / 10_000 : 0);

/** The volatility of the downside (methodology §16), the interest months to the sale, the guarantor's share. */
const SIGMA = 0.2;
const ACCRUED_MONTHS = 6;

interface Row {
  premiumPV: number;
  lenderChoiceCost?: number;
  putValue: number;
  protectionValue: number;
  verdict: "Non-recourse" | "Recourse";
  /** The volatility at which the protection equals the premium; undefined where it never does. */
  flip?: number;
}

/** The row for a template, computed here from the template's inputs and the sheet's loans and rates. */
function independent(t: DealTemplate, c: ComputedDeal): Row {
  const i = t.inputs;
  const r = 2 * Math.log(1 + MARKET_2025.bases.UST10.value / 2);
  const monthly = 12 * Math.expm1(r / 12);
  const [, loan] = c.named("LoanAmount") as number[];
  const rateR = c.num("RecourseRate");
  const rateN = c.num("NonRecourseRate");
  const ptsR = c.num("RecoursePoints");
  const ptsN = c.num("NonRecoursePoints");
  const amort = i.interestOnly ? undefined : i.amortYears;
  // Like for like: one lender's two quotes, or the published midpoint for the non-recourse lender's type.
  const likeRate = t.sameLender ? rateN - rateR : mid(PUBLISHED[i.loanType].rate);
  const likePts = t.sameLender ? ptsN - ptsR : mid(PUBLISHED[i.loanType].points);
  const premiumPV = premiumRef(
    loan,
    rateR,
    rateR + likeRate,
    ptsR,
    ptsR + likePts,
    i.holdYears,
    amort,
    monthly,
  ).toNumber();
  // The claim at the hold: the non-recourse balance, six months' interest, the foreclosure costs.
  const balance = i.interestOnly ? loan : balanceRef(loan, rateN, i.amortYears, i.holdYears).toNumber();
  const k = balance * (1 + (rateN * ACCRUED_MONTHS) / 12) + i.foreclosureCosts;
  const q = i.noi / i.propertyValue;
  // What recourse could collect: the guarantor's liquidity (lenders count on liquid assets), within the
  // guarantee; the law allows it under every template's state, by a judicial foreclosure in California.
  const capacity = Math.min(i.liquidity, i.recourseGuarantee * loan);
  const protection = (sigma: number) =>
    bsPut(i.propertyValue, k, i.holdYears, sigma, r, q) -
    (capacity >= k ? 0 : bsPut(i.propertyValue, k - capacity, i.holdYears, sigma, r, q));
  const putValue = bsPut(i.propertyValue, k, i.holdYears, SIGMA, r, q);
  const protectionValue = protection(SIGMA);
  let flip: number | undefined;
  if (protection(3) > premiumPV && protection(0.001) < premiumPV) {
    let [lo, hi] = [0.001, 3];
    for (let n = 0; n < 80; n++) {
      const m = (lo + hi) / 2;
      if (protection(m) > premiumPV) hi = m;
      else lo = m;
    }
    flip = (lo + hi) / 2;
  }
  const row: Row = {
    premiumPV,
    putValue,
    protectionValue,
    verdict: Math.round(protectionValue) > Math.round(premiumPV) ? "Non-recourse" : "Recourse",
    ...(flip === undefined ? {} : { flip }),
  };
  if (t.sameLender) return row;
  // The choice of lender: the two quotes all-in at the risk-free rate, less the like-for-like premium.
  const quotes = premiumRef(loan, rateR, rateN, ptsR, ptsN, i.holdYears, amort, monthly).toNumber();
  const fee = (lender: string) =>
    MARKET_2025.rows.find((x) => x.lender === lender)!.exitFee.value * balance * Math.exp(-r * i.holdYears);
  const [xr, xn] = c.named("ExitCost") as number[];
  const [rLoan] = c.named("LoanAmount") as number[];
  const year = c.num("EarlySaleYear");
  const early = 0.25 * (xn - (xr * loan) / rLoan) * Math.exp(-r * year);
  const allIn = quotes + fee(t.lenders.nonRecourse) - fee(t.lenders.recourse) + early;
  return { ...row, lenderChoiceCost: allIn - premiumPV };
}

/** The methodology's table, parsed: template id → its row's cells. */
function documented(): Map<string, string[]> {
  const doc = fs.readFileSync(path.join(__dirname, "..", "docs", "methodology.md"), "utf8");
  const start = doc.indexOf(
    "| Template | PremiumPV | LenderChoiceCost | PutValue | ProtectionValue | Verdict | Flips at |",
  );
  if (start < 0) throw new Error("methodology.md has no verdict table");
  const lines = doc.slice(start).split("\n").slice(2);
  const out = new Map<string, string[]>();
  for (const line of lines) {
    if (!line.startsWith("|")) break;
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((x) => x.trim());
    out.set(cells[0].replace(/`/g, ""), cells.slice(1));
  }
  return out;
}

const money = (x: number | undefined): string => (x === undefined ? "—" : Math.round(x).toLocaleString("en-US"));

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("the verdict of %s, like for like and collectible", (id, t) => {
  const c = ComputedDeal.of(t);
  const row = independent(t, c);

  test("the sheet's figures are the independent ones", () => {
    expect(agrees(c.num("PremiumPV"), row.premiumPV)).toBe(true);
    expect(agrees(c.num("PutValue"), row.putValue)).toBe(true);
    expect(agrees(c.num("ProtectionValue"), row.protectionValue)).toBe(true);
    if (row.lenderChoiceCost === undefined)
      expect(c.plan.names?.some((n) => n.name === "LenderChoiceCost")).toBe(false);
    else expect(agrees(c.num("LenderChoiceCost"), row.lenderChoiceCost)).toBe(true);
    // The protection is a put spread: never more than the whole put.
    expect(row.protectionValue).toBeLessThanOrEqual(row.putValue);
  });

  test("the verdict follows from the like-for-like premium and the collectible claim", () => {
    const verdict = c.named("Verdict")[0] as string;
    const insured = c.values().find((l) => l[0] === "2. There is personal exposure to insure (both above 0)")?.[1];
    if (insured === true) expect(verdict.split(":")[0]).toBe(row.verdict);
    else expect(verdict).toMatch(/^Recourse/);
  });

  test("the methodology's table shows these figures", () => {
    const cells = documented().get(id);
    expect(cells).toBeDefined();
    const [premium, choice, put, protection, verdict, flips] = cells!;
    expect([premium, choice, put, protection]).toEqual([
      money(row.premiumPV),
      money(row.lenderChoiceCost),
      money(row.putValue),
      money(row.protectionValue),
    ]);
    expect(verdict).toBe(c.named("Verdict")[0]);
    expect(flips).toBe(row.flip === undefined ? "never" : `${(row.flip * 100).toFixed(1)} %`);
  });
});
