/**
 * LOAN.FORECLOSURE_TAX.
 * Source: methodology §13 (IRS Publication 4681): debt 180,000, FMV 170,000, basis 175,000
 * → non-recourse gain 5,000 and no COD; recourse loss 5,000 plus COD 10,000. Recourse debt
 * 100,000, FMV 80,000, basis 90,000 → loss 10,000 plus COD 20,000. Insolvent by 70 with COD
 * of 80 → 70 excluded, 10 taxable. Amounts are exact.
 */
import fc from "fast-check";
import { FORECLOSURE_TAX, FORECLOSURE_TAX_HEADER, MSG } from "../src/core";
import { fault } from "./helpers";

describe("LOAN.FORECLOSURE_TAX", () => {
  test("spills one row: gain or loss, COD income, COD excluded, COD taxable", () => {
    expect(FORECLOSURE_TAX_HEADER).toEqual(["Gain or loss", "COD income", "COD excluded", "COD taxable"]);
  });
  test("Pub. 4681 (methodology §13): non-recourse 180,000/170,000/175,000 → gain 5,000, no COD", () => {
    expect(FORECLOSURE_TAX(180000, 170000, 175000, false)).toEqual([[5000, 0, 0, 0]]);
  });
  test("recourse 180,000/170,000/175,000 → loss −5,000 and COD 10,000", () => {
    expect(FORECLOSURE_TAX(180000, 170000, 175000, true)).toEqual([[-5000, 10000, 0, 10000]]);
  });
  test("recourse 100,000/80,000/90,000 → loss −10,000 and COD 20,000", () => {
    expect(FORECLOSURE_TAX(100000, 80000, 90000, true)).toEqual([[-10000, 20000, 0, 20000]]);
  });
  test("insolvent by 70 with COD of 80 → 70 excluded, 10 taxable", () => {
    expect(FORECLOSURE_TAX(180, 100, 100, true, 70)).toEqual([[0, 80, 70, 10]]);
  });
  test("insolvency beyond the COD excludes all of it; non-recourse has none to exclude", () => {
    expect(FORECLOSURE_TAX(180, 100, 100, true, 500)).toEqual([[0, 80, 80, 0]]);
    expect(FORECLOSURE_TAX(180, 100, 100, false, 500)).toEqual([[80, 0, 0, 0]]);
  });
  test("recourse with value above the debt: amount realized is the debt, no COD", () => {
    expect(FORECLOSURE_TAX(100, 150, 60, true)).toEqual([[40, 0, 0, 0]]);
  });
  test("cents are exact", () => {
    expect(FORECLOSURE_TAX(1000.3, 0.1, 0.2, true)).toEqual([[-0.1, 1000.2, 0, 1000.2]]);
  });
  test("property: recourse gain + COD = non-recourse gain (the same total, split differently)", () => {
    const cents = fc.integer({ min: 0, max: 1e11 }).map((c) => c / 100);
    fc.assert(
      fc.property(cents, cents, cents, (debt, fmv, basis) => {
        const [[g, cod]] = FORECLOSURE_TAX(debt, fmv, basis, true) as number[][];
        const [[nr]] = FORECLOSURE_TAX(debt, fmv, basis, false) as number[][];
        return Math.abs(g + cod - nr) < 1e-6 * Math.max(1, Math.abs(nr));
      }),
    );
  });
  test.each([
    [[-1, 1, 1, true], MSG.belowMin("debt", -1, 0, true).message],
    [[1, "x", 1, true], MSG.notNumber("fairMarketValue", "x").message],
    [[1, 1, -1, true], MSG.belowMin("adjustedBasis", -1, 0, true).message],
    [[1, 1, 1, "recourse"], MSG.notBoolean("isRecourse", "recourse").message],
    [[1, 1, 1, true, -70], MSG.belowMin("insolvency", -70, 0, true).message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(FORECLOSURE_TAX(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});
