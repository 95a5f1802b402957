/**
 * Issue 26 item 3: springing recourse compared like the other structures in every deal template:
 * what the sprung guarantee owes under each scenario, the probability that it springs and its
 * value as protection beside recourse's (methodology §7, "Springing on a financial trigger").
 *
 * Independent values:
 * - value-add's scenario 3 owes the deficiency of REFERENCE §5 case C, 1,050,000: below the 25 %
 *   guarantee's 1,125,000 on the 4,500,000 loan; scenarios 1–2 stay above the 1.10x trigger;
 * - the probability is N(z), z = (ln x* − (μ − σ²/2)T)/(σ√T), x* = trigger ÷ DSCR, computed here
 *   with the tests' own normal distribution (test/bsm-reference.ts); tolerance 1e-9;
 * - where the trigger springs before any loss, the guarantee's value is the put spread
 *   P(K) − P(K − G) (methodology §7), computed here by Black–Scholes–Merton (test/bsm-reference.ts) with G
 *   what the guarantee and the guarantor's capacity let the lender reach; tolerance 1e-6 relative;
 * - bridge's trigger is far (DSCR about 1.9), so its guarantee is worth less than recourse's.
 */
import { findTemplate, TEMPLATES } from "../src/plan/templates";
import type { DealTemplate } from "../src/plan/templates/types";
import { bsPut, normCdf } from "./bsm-reference";
import { closeDeals, ComputedDeal } from "./deal-sheet";

afterAll(closeDeals);

const FRESH = "2025-12-15";
const template = (id: string) => findTemplate(id) as DealTemplate;

/** The section's rows from its heading on, by label. */
function section(c: ComputedDeal): (label: string) => (string | number | boolean | null)[] {
  const values = c.values();
  const top = values.findIndex((l) => String(l[0]).startsWith("Springing recourse"));
  if (top < 0) throw new Error("no springing section");
  return (label) => {
    const r = values.findIndex((l, i) => i > top && String(l[0]).startsWith(label));
    if (r < 0) throw new Error(`no row ${label}`);
    return values[r] as (string | number | boolean | null)[];
  };
}

describe("value-add: a 25 % guarantee springing below DSCR 1.10x", () => {
  const c = ComputedDeal.of(template("value-add"), {}, { asOf: FRESH });
  const row = section(c);

  test("the scenarios: only the surrender (DSCR 0.87) springs, owing case C's 1,050,000", () => {
    expect(c.num("SpringingTrigger")).toBe(1.1);
    expect(c.num("SpringingGuarantee")).toBe(0.25);
    const [s1, s2, s3] = ["Scenario 1:", "Scenario 2:", "Scenario 3:"].map(row);
    expect([s1[2], s2[2], s3[2]]).toEqual([false, false, true]);
    expect([s1[3], s2[3]]).toEqual([0, 0]);
    expect(s3[3]).toBeCloseTo(1_050_000, 6);
    expect(s3[1] as number).toBeLessThan(1.1);
    expect(s2[1] as number).toBeGreaterThan(1.1);
  });

  test("the probability it has sprung at the hold: lognormal NOI, N(z)", () => {
    const dscr = (c.values()[c.rowIndex("DSCR")] as number[])[2];
    const sigma = c.num("Volatility");
    const t = template("value-add").inputs.holdYears;
    const mu = c.num("GrowthRate");
    const z = (Math.log(1.1 / dscr) - (mu - (sigma * sigma) / 2) * t) / (sigma * Math.sqrt(t));
    expect(c.num("SpringingProbability")).toBeCloseTo(normCdf(z), 9);
  });

  test("it springs before any loss, so it is worth the put spread up to what the lender can reach", () => {
    expect(row("The trigger springs before")[1]).toBe(true);
    const v = template("value-add").inputs.propertyValue;
    const k = c.num("HoldClaim");
    const t = template("value-add").inputs.holdYears;
    const [sigma, r, q] = [c.num("Volatility"), c.num("RiskFreeRate"), c.num("IncomeYield")];
    const reach = Math.min(c.num("CollectibleCapacity"), 0.25 * (c.named("LoanAmount")[1] as number));
    const spread = bsPut(v, k, t, sigma, r, q) - bsPut(v, k - reach, t, sigma, r, q);
    expect(c.num("SpringingProtectionValue") / spread - 1).toBeCloseTo(0, 6);
    // Recourse's protection reaches the same capacity (the guarantor's liquidity binds both).
    expect(c.num("SpringingProtectionValue") / c.num("ProtectionValue") - 1).toBeCloseTo(0, 9);
  });

  test("a trigger no scenario reaches leaves the scenarios owing nothing", () => {
    const d = ComputedDeal.of(template("value-add"), {}, { asOf: FRESH });
    d.set("SpringingTrigger", 0.5);
    const rows = section(d);
    expect(["Scenario 1:", "Scenario 2:", "Scenario 3:"].map((l) => rows(l)[3])).toEqual([0, 0, 0]);
    expect(d.num("SpringingProtectionValue")).toBeLessThan(d.num("ProtectionValue"));
  });
});

test("bridge: the DSCR (about 1.9x) is far from the trigger, so springing is worth less than recourse", () => {
  const c = ComputedDeal.of(template("bridge"), {}, { asOf: FRESH });
  expect(section(c)("The trigger springs before")[1]).toBe(false);
  expect(c.num("SpringingProtectionValue")).toBeLessThan(c.num("ProtectionValue"));
  expect(c.num("SpringingProbability")).toBeLessThan(0.1);
});

describe.each(TEMPLATES.map((t) => [t.id, t] as [string, DealTemplate]))("%s", (_id, t) => {
  test("every scenario owes 0 unless sprung, and at most the guarantee's share of the loan", () => {
    const c = ComputedDeal.of(t, {}, { asOf: FRESH });
    const row = section(c);
    const limit = 0.25 * (c.named("LoanAmount")[1] as number);
    t.scenarios.forEach((_s, i) => {
      const [, dscr, sprung, owes] = row(`Scenario ${i + 1}:`) as [string, number, boolean, number];
      expect(sprung).toBe(dscr < 1.1);
      if (!sprung) expect(owes).toBe(0);
      expect(owes).toBeGreaterThanOrEqual(0);
      expect(owes).toBeLessThanOrEqual(limit + 1e-6);
    });
    const p = c.num("SpringingProbability");
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    expect(c.num("SpringingProtectionValue")).toBeLessThanOrEqual(c.num("ProtectionValue") * (1 + 1e-9) + 1e-6);
  });
});
