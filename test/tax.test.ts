/**
 * LOAN.FORECLOSURE_TAX.
 * Source: methodology §13 (IRS Publication 4681): debt 180,000, FMV 170,000, basis 175,000
 * → non-recourse gain 5,000 and no COD; recourse loss 5,000 plus COD 10,000. Recourse debt
 * 100,000, FMV 80,000, basis 90,000 → loss 10,000 plus COD 20,000. Insolvent by 70 with COD
 * of 80 → 70 excluded, 10 taxable. Amounts are exact.
 * Proceeds paid to the borrower: Publication 4681, Table 1-1 (worksheet for foreclosures), line 5
 * ("any proceeds you received from the foreclosure sale") is added to line 4 (the smaller of the
 * debt and FMV, or the debt if not personally liable) to give the amount realized (line 6); issue 11:
 * 100,000 debt, 120,000 value, 90,000 basis, recourse → gain 30,000.
 * §108(c) (qualified real property business indebtedness; Publication 4681, chapter 1): elective,
 * not for C corporations, at most the principal over the property's FMV (§108(c)(2)(A)) and the
 * adjusted bases of depreciable real property (§108(c)(2)(B)); the insolvency exclusion applies
 * first (§108(a)(2)(B)).
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
  test("issue 11 / Pub. 4681 Table 1-1: recourse 100,000 debt, 120,000 value, 90,000 basis → gain 30,000", () => {
    // Line 4: min(100,000, 120,000) = 100,000; line 5: proceeds 120,000 − 100,000 = 20,000;
    // line 6: 120,000; line 8: 120,000 − 90,000 = 30,000. No COD (line 3: 100,000 − 120,000 < 0).
    expect(FORECLOSURE_TAX(100000, 120000, 90000, true)).toEqual([[30000, 0, 0, 0]]);
  });
  test("non-recourse with value above the debt: the surplus paid over counts too (line 4 the debt + line 5)", () => {
    // 100,000 + 20,000 − 90,000 = 30,000: the same total, as with recourse.
    expect(FORECLOSURE_TAX(100000, 120000, 90000, false)).toEqual([[30000, 0, 0, 0]]);
  });
  test("proceedsToBorrower: the actual surplus of a sale below FMV; 0 gives the earlier reading (amount realized = the debt)", () => {
    // Sold for 110,000: 10,000 paid over → 100,000 + 10,000 − 90,000 = 20,000.
    expect(FORECLOSURE_TAX(100000, 120000, 90000, true, 0, 10000)).toEqual([[20000, 0, 0, 0]]);
    expect(FORECLOSURE_TAX(100, 150, 60, true, 0, 0)).toEqual([[40, 0, 0, 0]]);
    expect(FORECLOSURE_TAX(100, 150, 60, true)).toEqual([[90, 0, 0, 0]]);
  });
  test("§108(c): the debt over FMV is excluded up to the depreciable basis", () => {
    // Recourse 100,000 / FMV 80,000 / basis 90,000: COD 20,000 = principal − FMV (cap A);
    // depreciable basis 15,000 (cap B) → 15,000 excluded, 5,000 taxable.
    expect(FORECLOSURE_TAX(100000, 80000, 90000, true, 0, null, 15000)).toEqual([[-10000, 20000, 15000, 5000]]);
    // Depreciable basis 50,000: cap A binds, all 20,000 excluded.
    expect(FORECLOSURE_TAX(100000, 80000, 90000, true, 0, null, 50000)).toEqual([[-10000, 20000, 20000, 0]]);
  });
  test("§108(c) after insolvency (§108(a)(2)(B)): insolvency first, §108(c) on what is left", () => {
    // COD 20,000; insolvent by 12,000 → 12,000; §108(c) on the remaining 8,000, basis 5,000 → 5,000;
    // excluded 17,000, taxable 3,000.
    expect(FORECLOSURE_TAX(100000, 80000, 90000, true, 12000, null, 5000)).toEqual([[-10000, 20000, 17000, 3000]]);
  });
  test("§108(c) on non-recourse debt: no COD, nothing to exclude", () => {
    expect(FORECLOSURE_TAX(100000, 80000, 90000, false, 0, null, 50000)).toEqual([[10000, 0, 0, 0]]);
  });
  test("a C corporation without the election is computed as anyone else", () => {
    expect(FORECLOSURE_TAX(100000, 80000, 90000, true, 0, null, null, true)).toEqual([[-10000, 20000, 0, 20000]]);
  });
  test("header TRUE: the labels above the figures", () => {
    expect(FORECLOSURE_TAX(180000, 170000, 175000, true, null, null, null, null, true)).toEqual([
      [...FORECLOSURE_TAX_HEADER],
      [-5000, 10000, 0, 10000],
    ]);
  });
  test("property: excluded never exceeds the COD, and taxable + excluded = COD", () => {
    const cents = fc.integer({ min: 0, max: 1e11 }).map((c) => c / 100);
    fc.assert(
      fc.property(cents, cents, cents, cents, cents, (debt, fmv, basis, insolvency, depreciable) => {
        const [[, cod, excluded, taxable]] = FORECLOSURE_TAX(
          debt,
          fmv,
          basis,
          true,
          insolvency,
          null,
          depreciable,
        ) as number[][];
        return excluded >= 0 && excluded <= cod && Math.abs(taxable + excluded - cod) < 1e-6 * Math.max(1, cod);
      }),
    );
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
    [[1, 1, 1, true, 0, -5], MSG.belowMin("proceedsToBorrower", -5, 0, true).message],
    [[1, 1, 1, true, 0, null, -5], MSG.belowMin("depreciableBasis", -5, 0, true).message],
    [[1, 1, 1, true, 0, null, 5, true], MSG.notForCCorporation("depreciableBasis").message],
    [[1, 1, 1, true, 0, null, null, "C"], MSG.notBoolean("cCorporation", "C").message],
    [[1, 1, 1, true, 0, null, null, null, "yes"], MSG.notBoolean("header", "yes").message],
  ])("#VALUE! %#: %s", (args, message) => {
    const f = fault(FORECLOSURE_TAX(...(args as unknown[])));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toBe(message);
  });
});
