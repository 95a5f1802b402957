/**
 * Issue 21 item 3: the templates value the borrower's default as an option with the optimal rule
 * (LOAN.PUT_VALUE_PATH, "OPTIMAL", least-squares Monte Carlo) beside the European put the verdict
 * uses, and a check warns when early default would flip the verdict.
 *
 * Independent values:
 * - the simulation that defaults only at the hold (trigger 0) is the European put on the balance
 *   at the hold: Black–Scholes–Merton with a continuous yield, computed by the tests (test/bsm-reference.ts), from the
 *   template's own inputs and the sheet's balance, volatility, rate and yield. Tolerance: 4
 *   standard errors of the simulation (the sheet's own figure), and 1.5 % of the value, which
 *   also bounds the monthly grid's effect (none at maturity: the increments are exact);
 * - the optimal rule is worth at least the European put less its low bias (methodology §16:
 *   0.4–0.9 % below the Bermudan lattice) and the noise of two estimates: 4 combined standard
 *   errors plus 1 % of the value;
 * - the warning's condition is re-applied here to the sheet's cells.
 */
import { CHECK_MESSAGES as M } from "../src/plan/messages";
import { findTemplate, TEMPLATES } from "../src/plan/templates";
import type { DealTemplate } from "../src/plan/templates/types";
import { bsPut, normCdf } from "./bsm-reference";
import { closeDeals, ComputedDeal } from "./deal-sheet";

afterAll(closeDeals);

/** Within six months of the market table: no staleness warning. */
const FRESH = "2025-12-15";

test("the normal distribution here: N(0) = 0.5, N(1.96) = 0.9750021048517795 (tables)", () => {
  expect(normCdf(0)).toBe(0.5);
  expect(normCdf(1.96)).toBeCloseTo(0.9750021048517795, 12);
  expect(normCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
});

describe.each(TEMPLATES.map((t) => [t.id, t] as [string, DealTemplate]))("%s", (_id, t) => {
  const c = ComputedDeal.of(t, {}, { asOf: FRESH });
  const rowOf = (label: string) => c.values()[c.rowIndex(label)];
  const [, best, atHold] = rowOf("Put on the non-recourse loan (LOAN.PUT_VALUE_PATH, 10,000 paths)") as number[];
  const [, seBest, seHold] = rowOf("Standard error of the simulation") as number[];

  test("defaulting only at the hold is the European put on the balance (Black–Scholes–Merton)", () => {
    const balance = (rowOf("Balance at the end of the hold") as number[])[2];
    const expected = bsPut(
      t.inputs.propertyValue,
      balance,
      t.inputs.holdYears,
      c.num("Volatility"),
      c.num("RiskFreeRate"),
      t.inputs.noi / t.inputs.propertyValue,
    );
    expect(c.num("PutValueAtHold")).toBe(atHold);
    expect(Math.abs(atHold - expected)).toBeLessThan(Math.max(4 * seHold, 0.015 * expected));
  });

  test("the optimal rule is worth at least the European put, within its low bias and noise", () => {
    expect(c.num("PutValueOptimal")).toBe(best);
    expect(best).toBeGreaterThan(atHold - 4 * Math.hypot(seBest, seHold) - 0.01 * atHold);
    // The premium shown is the ratio, floored at 0 (a negative estimate is the rule's low bias).
    expect(c.num("EarlyDefaultPremium")).toBeCloseTo(Math.max(0, best / atHold - 1), 12);
  });

  test("the warning holds exactly when adding early default would flip the verdict", () => {
    const protection = c.num("ProtectionValue");
    const premium = c.num("PremiumPV");
    const flips = protection <= premium && protection * (1 + c.num("EarlyDefaultPremium")) > premium;
    const warnings = String(c.named("DealWarnings")[0]);
    expect(warnings.includes(M.earlyDefaultPrefix)).toBe(flips);
  });
});

test("agency at 24 % volatility: early default would flip the verdict, so the sheet warns", () => {
  const c = ComputedDeal.of(findTemplate("agency") as DealTemplate, {}, { asOf: FRESH });
  expect(String(c.named("DealWarnings")[0])).not.toContain(M.earlyDefaultPrefix);
  c.set("Volatility", 0.24);
  const protection = c.num("ProtectionValue");
  const premium = c.num("PremiumPV");
  const share = c.num("EarlyDefaultPremium");
  // Recourse by the verdict's European figure, non-recourse once early default is counted.
  expect(protection).toBeLessThan(premium);
  expect(protection * (1 + share)).toBeGreaterThan(premium);
  const pct = (Math.round(share * 1000) / 10).toFixed(1);
  expect(String(c.named("DealWarnings")[0])).toContain(`${M.earlyDefaultPrefix} ${pct} %${M.earlyDefaultSuffix}`);
});
