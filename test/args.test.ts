/**
 * The argument reader: the same rules at every arity (the runner is unrolled up to nine
 * arguments, with a generic loop beyond), Excel's conventions for blanks, omitted values,
 * 1×1 ranges and booleans. Hand-written expectations.
 */
import { define, Fault, MSG } from "../src/core";
import { amount, flag, grid, namedAll } from "../src/core/args";

describe("define reads every arity the same way", () => {
  for (let n = 0; n <= 10; n++) {
    test(`${n} arguments: values in order, the first bad one reported`, () => {
      const params = Array.from({ length: n }, (_, i) => amount.required(`a${i}`));
      const f = define(`F${n}`, params, (...xs: number[]) => xs.reduce((s, x, i) => s + x * 10 ** i, 0));
      const args = Array.from({ length: n }, (_, i) => i + 1);
      expect(f(...args)).toBe(args.reduce((s, x, i) => s + x * 10 ** i, 0));
      expect(f.id).toBe(`F${n}`);
      expect(f.params).toHaveLength(n);
      if (n > 0) {
        const bad = [...args];
        bad[n - 1] = -1;
        if (n > 1) bad[n - 2] = "x" as unknown as number;
        const r = f(...bad);
        expect(r).toBeInstanceOf(Fault);
        expect((r as Fault).arg).toBe(n > 1 ? `a${n - 2}` : "a0");
      }
    });
  }
});

describe("Excel conventions", () => {
  const f = define(
    "T",
    [amount.required("x"), amount.withDefault("y", 7), amount.optional("z"), flag("b", true)],
    (x, y, z, b) => ({ x, y, z, b }),
  );
  test("omitted optional (null or undefined) → default; required blank → 0", () => {
    expect(f(null, null, null, null)).toEqual({ x: 0, y: 7, z: undefined, b: true });
    expect(f(undefined, undefined, undefined, undefined)).toEqual({ x: 0, y: 7, z: undefined, b: true });
  });
  test("an empty string (a blank cell in some hosts) is blank: 0 when required, the default when optional", () => {
    expect(f("", "", "", "")).toEqual({ x: 0, y: 7, z: undefined, b: true });
  });
  test("0 in an optional cell is a value, not an omission", () => {
    expect(f(1, 0, 0, 0)).toEqual({ x: 1, y: 0, z: 0, b: false });
  });
  test("booleans: TRUE/FALSE, numbers (non-zero is TRUE), the text TRUE/FALSE", () => {
    expect((f(1, null, null, "false") as { b: boolean }).b).toBe(false);
    expect((f(1, null, null, 2) as { b: boolean }).b).toBe(true);
    expect((f(1, null, null, [[false]]) as { b: boolean }).b).toBe(false);
  });
  test("grids: a scalar becomes 1×1; omitted optional grid is undefined; ragged is an error", () => {
    const g = define("G", [grid("r", false), grid("o", true)], (r, o) => ({ r, o }));
    expect(g("A", null)).toEqual({ r: [["A"]], o: undefined });
    expect(g([["A", "B"]], [])).toEqual({ r: [["A", "B"]], o: undefined });
    expect((g([[1], [2, 3]], null) as Fault).message).toBe(MSG.ragged("r").message);
  });
  test("a range cell a worksheet cannot hold (an object, text over 32,767 characters) is #VALUE! naming the cell", () => {
    // Source: Excel's specifications and limits, "Total number of characters that a cell can contain: 32,767".
    const g = define("G", [grid("overrides", true)], (o) => o);
    expect(g([["DEADLINE", "x".repeat(32767)]])).toEqual([["DEADLINE", "x".repeat(32767)]]);
    expect((g([["DEADLINE", "x".repeat(32768)]]) as Fault).message).toBe(
      MSG.textTooLong("overrides", 1, 2, 32768).message,
    );
    expect(
      (
        g([
          ["A", 1],
          [{ value: 1 }, 2],
        ]) as Fault
      ).message,
    ).toBe(MSG.notCellValue("overrides", 2, 1).message);
    expect((g([[["nested"]]]) as Fault).message).toBe(MSG.notCellValue("overrides", 1, 1).message);
    expect((g({ type: "Entity" }) as Fault).message).toBe(MSG.notCellValue("overrides", 1, 1).message);
    expect(g([[1, true, null, ""]])).toEqual([[1, true, null, ""]]);
  });
  test("an object that is not a cell value is #VALUE!", () => {
    expect((f({}, null, null, null) as Fault).message).toBe(MSG.notNumber("x", {}).message);
  });
});

describe("namedAll: a module's typed calls", () => {
  test("each is named after its declaration in camel case, and reads its input as Excel's arguments", () => {
    const F = define("F", [amount.required("x"), amount.withDefault("y", 2)], (x, y) => x + y);
    const G_TWO = define("G_TWO", [amount.required("a")], (a) => 2 * a);
    const calls = namedAll({ F, G_TWO });
    expect(Object.keys(calls).sort()).toEqual(["f", "gTwo"]);
    expect(calls.f({ x: 1 })).toBe(3);
    expect(calls.gTwo({ a: 4 })).toBe(8);
    expect(calls.f({ x: -1 })).toBeInstanceOf(Fault);
  });
});
