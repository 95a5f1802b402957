/**
 * LOAN.CARVEOUT_EXPOSURE and LOAN.CARVEOUTS.
 * Source: methodology §7 (the default classification table; full springing recourse =
 * the whole debt less what the collateral recovers; loss recourse = the losses caused, at most
 * the lender's actual shortfall, debt − collateral, floored at 0: issue 11's correction).
 * Hand derivations in each test; amounts are exact.
 */
import fc from "fast-check";
import { CARVEOUT_CATALOGUE, CARVEOUT_EXPOSURE, CARVEOUTS, MSG } from "../src/core";
import { cells, fault, num } from "./helpers";

describe("LOAN.CARVEOUTS", () => {
  test("spills the methodology's table (§7): header and 11 acts, 5 FULL and 6 LOSS", () => {
    const t = CARVEOUTS() as string[][];
    expect(t[0]).toEqual(["Code", "Act", "Consequence"]);
    expect(t).toHaveLength(12);
    const byCode = Object.fromEntries(t.slice(1).map((r) => [r[0], r[2]]));
    expect(byCode).toEqual({
      FRAUD: "FULL",
      BANKRUPTCY: "FULL",
      TRANSFER: "FULL",
      SUBORDINATE_DEBT: "FULL",
      SPE: "FULL",
      WASTE: "LOSS",
      ENVIRONMENTAL: "LOSS",
      INSURANCE: "LOSS",
      RENTS: "LOSS",
      TAXES: "LOSS",
      PROCEEDS: "LOSS",
    });
  });
});

describe("LOAN.CARVEOUT_EXPOSURE", () => {
  test("a full-recourse act springs the whole debt less the collateral: 4,400,000 − 3,600,000 = 800,000", () => {
    expect(CARVEOUT_EXPOSURE(4400000, "FRAUD", null, 3600000)).toBe(800000);
    expect(CARVEOUT_EXPOSURE(4400000, [["bankruptcy"]], null, 3600000)).toBe(800000);
  });
  test("no collateral value given: the whole debt", () => {
    expect(CARVEOUT_EXPOSURE(4400000, "TRANSFER")).toBe(4400000);
  });
  test("loss-only acts: the sum of their losses (120,000 + 80,000)", () => {
    expect(CARVEOUT_EXPOSURE(4400000, [["WASTE", "RENTS"]], [[120000, 80000]])).toBe(200000);
  });
  test("a full act among loss acts: full recourse wins", () => {
    expect(CARVEOUT_EXPOSURE(4400000, [["WASTE"], ["SPE"]], [[120000], [0]], 3600000)).toBe(800000);
  });
  test("losses at most the debt, then at most the cap", () => {
    expect(CARVEOUT_EXPOSURE(100000, [["WASTE"], ["TAXES"]], [[90000], [50000]])).toBe(100000);
    expect(CARVEOUT_EXPOSURE(4400000, "FRAUD", null, 0, 1000000)).toBe(1000000);
  });
  test("blanks are ignored; codes are case-insensitive and trimmed; nothing triggered is 0", () => {
    expect(CARVEOUT_EXPOSURE(4400000, [[" waste "], [null], [""]], [[5], [999], [999]])).toBe(5);
    expect(CARVEOUT_EXPOSURE(4400000, [[null], [""]])).toBe(0);
    expect(CARVEOUT_EXPOSURE(4400000, null)).toBe(0);
  });
  test("issue 11: a loss-only exposure is at most the lender's shortfall, max(0, debt − collateral)", () => {
    // 4,400,000 − 4,500,000 < 0: the collateral makes the lender whole, so the 120,000 waste costs it nothing.
    expect(CARVEOUT_EXPOSURE(4400000, "WASTE", 120000, 4500000)).toBe(0);
    // 4,400,000 − 4,200,000 = 200,000 shortfall < the 500,000 loss.
    expect(CARVEOUT_EXPOSURE(4400000, "WASTE", 500000, 4200000)).toBe(200000);
    // A loss below the shortfall is owed in full: min(80,000, 200,000).
    expect(CARVEOUT_EXPOSURE(4400000, "RENTS", 80000, 4200000)).toBe(80000);
  });
  test("capAtShortfall FALSE keeps the earlier reading: the losses, at most the debt, whatever the collateral", () => {
    expect(CARVEOUT_EXPOSURE(4400000, "WASTE", 120000, 4500000, null, null, false)).toBe(120000);
    expect(CARVEOUT_EXPOSURE(4400000, "WASTE", 500000, 4200000, null, null, false)).toBe(500000);
    expect(CARVEOUT_EXPOSURE(100000, [["WASTE"], ["TAXES"]], [[90000], [50000]], 0, null, null, false)).toBe(100000);
  });
  test("property: a loss-only exposure is min(shortfall, the losses), so never more than the shortfall", () => {
    const lossCodes = CARVEOUT_CATALOGUE.filter((c) => c.consequence === "LOSS").map((c) => c.code);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.tuple(fc.constantFrom(...lossCodes), fc.integer({ min: 0, max: 1e8 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 1e9 }),
        (debt, acts, collateral) => {
          const x = num(
            CARVEOUT_EXPOSURE(
              debt,
              acts.map(([c]) => [c]),
              acts.map(([, l]) => [l]),
              collateral,
            ),
          );
          const losses = acts.reduce((t, [, l]) => t + l, 0);
          return x === Math.min(Math.max(0, debt - collateral), losses);
        },
      ),
    );
  });
  test("a loss-only act with no loss given owes nothing", () => {
    expect(CARVEOUT_EXPOSURE(4400000, "INSURANCE")).toBe(0);
  });
  test("a deal schedule overrides the default (fraud loss-only, as many CMBS forms make it)", () => {
    const schedule = [["FRAUD", "LOSS"]];
    expect(CARVEOUT_EXPOSURE(4400000, "FRAUD", [[250000]], 3600000, null, schedule)).toBe(250000);
  });
  test("a deal schedule extends the default (a receiver consent as full recourse)", () => {
    const schedule = [
      ["RECEIVER", "full"],
      [null, null],
    ];
    expect(CARVEOUT_EXPOSURE(4400000, "RECEIVER", null, 3600000, null, schedule)).toBe(800000);
  });
  test("property: exposure is between 0 and the debt, and a cap never raises it", () => {
    const codes = CARVEOUT_CATALOGUE.map((c) => c.code);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.tuple(fc.constantFrom(...codes), fc.integer({ min: 0, max: 1e8 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        (debt, acts, collateral, cap) => {
          const triggered = acts.map(([c]) => [c]);
          const losses = acts.map(([, l]) => [l]);
          const x = num(CARVEOUT_EXPOSURE(debt, triggered, losses, collateral));
          const capped = num(CARVEOUT_EXPOSURE(debt, triggered, losses, collateral, cap));
          return x >= 0 && x <= debt && capped <= x && capped <= cap;
        },
      ),
    );
  });
  test("an unknown code is #N/A listing the valid codes", () => {
    const f = fault(CARVEOUT_EXPOSURE(1, "ARSON"));
    expect(f.kind).toBe("#N/A");
    expect(f.message).toBe(
      MSG.unknownCode("triggered", "ARSON", [
        "FRAUD",
        "BANKRUPTCY",
        "TRANSFER",
        "SUBORDINATE_DEBT",
        "SPE",
        "WASTE",
        "ENVIRONMENTAL",
        "INSURANCE",
        "RENTS",
        "TAXES",
        "PROCEEDS",
      ]).message,
    );
  });
  test.each([
    [[1, [["WASTE"], ["RENTS"]], [[1, 2]]], MSG.shapeMismatch("losses", "triggered", cells(1, 2), "2×1").message],
    [[1, "WASTE", [[-5]]], MSG.negativeLoss("losses", "WASTE", -5).message],
    [[1, "WASTE", [["lots"]]], MSG.notNumber("losses", "lots").message],
    [[1, "FRAUD", [["lots"]]], MSG.notNumber("losses", "lots").message],
    [[1, [[42]]], MSG.notText("triggered", 42).message],
    [[1, "FRAUD", null, 0, null, [["FRAUD", "LOSS", "x"]]], MSG.columns("schedule", 2, cells(1, 3)).message],
    [[1, "FRAUD", null, 0, null, [["FRAUD", "SOME"]]], MSG.unknownChoice("schedule", "SOME", ["FULL", "LOSS"]).message],
    [[1, "FRAUD", null, 0, null, [[7, "FULL"]]], MSG.notText("schedule", 7).message],
    [[-1, "FRAUD"], MSG.belowMin("debt", -1, 0, true).message],
    [[1, "FRAUD", null, 0, -1], MSG.belowMin("cap", -1, 0, true).message],
    [[1, [[1, 2], [3]]], MSG.ragged("triggered").message],
    [[1, "WASTE", 1, 0, null, null, "yes"], MSG.notBoolean("capAtShortfall", "yes").message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(CARVEOUT_EXPOSURE(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});
