/**
 * The worked-example plan: its shape (inputs blue, everything else formulas referring to
 * cells that exist) and its figures, found by evaluating the LOAN.* formulas against the
 * core. Golden values: methodology §6 (worked example) and §5 (case C).
 */
import fc from "fast-check";
import * as core from "../src/core";
import { Fault } from "../src/core";
import { buildExamplePlan, EXAMPLE_NOTES, WORKED_EXAMPLE } from "../src/plan/example";
import { absoluteRef, column, isValidSheetName, MAX_SHEET_NAME, uniqueSheetName } from "../src/plan/a1";
import { FORMULA_COLOR, INPUT_COLOR, type PlanCell, type SheetPlan } from "../src/plan/plan";

/** Half a cent: "to the cent". */
const CENT = 0.005;

const plan = buildExamplePlan();
const byAddress = new Map(plan.cells.map((c) => [c.address, c]));

const REF = /(?<![A-Z0-9_.$])\$?([A-Z]{1,3})\$?([1-9][0-9]*)(?![0-9A-Z_(])/g;

function references(formula: string): string[] {
  return [...formula.matchAll(REF)].map((m) => `${m[1]}${m[2]}`);
}

/** The figure a cell computes. Supports exactly what the plan uses: =LOAN.NAME(ref, ref, , ref). */
function evaluate(p: SheetPlan, address: string, seen: readonly string[] = []): number {
  if (seen.includes(address)) throw new Error(`circular reference through ${address}`);
  const cell = p.cells.find((c) => c.address === address);
  if (!cell) throw new Error(`${address} is not in the plan`);
  if (cell.formula === undefined) {
    if (typeof cell.value !== "number") throw new Error(`${address} holds ${JSON.stringify(cell.value)}, not a number`);
    return cell.value;
  }
  const m = /^=LOAN\.([A-Z_]+)\((.*)\)$/.exec(cell.formula);
  if (!m) throw new Error(`${address}: the evaluator does not understand ${cell.formula}`);
  const fn = (core as unknown as Record<string, unknown>)[m[1]];
  if (typeof fn !== "function") throw new Error(`${address}: no core function ${m[1]}`);
  const args = m[2].split(",").map((a) => {
    const arg = a.trim();
    if (arg === "") return null; // an omitted argument, as Excel passes it
    if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(arg)) throw new Error(`${address}: argument ${arg} is not a cell reference`);
    return evaluate(p, arg, [...seen, address]);
  });
  const result: unknown = (fn as (...a: unknown[]) => unknown)(...args);
  if (result instanceof Fault) throw new Error(`${address}: ${result.toString()}`);
  if (typeof result !== "number") throw new Error(`${address}: not a number`);
  return result;
}

function labelled(p: SheetPlan, label: string): PlanCell[] {
  const row = p.cells.find((c) => c.address.startsWith("A") && c.value === label);
  if (!row) throw new Error(`no row labelled ${label}`);
  const r = row.address.slice(1);
  return p.cells.filter((c) => c.address !== row.address && c.address.replace(/^[A-Z]+/, "") === r);
}

function figure(p: SheetPlan, label: string, col = 0): number {
  return evaluate(p, labelled(p, label)[col].address);
}

describe("worked-example plan: shape", () => {
  test("addresses are single A1 cells and unique", () => {
    for (const c of plan.cells) expect(c.address).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
    expect(byAddress.size).toBe(plan.cells.length);
  });

  test("each cell holds a value or a formula, never both", () => {
    for (const c of plan.cells)
      expect([c.value !== undefined, c.formula !== undefined].filter(Boolean)).toHaveLength(1);
  });

  test("formulas refer only to plan cells that hold numbers or formulas", () => {
    const formulas = plan.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThanOrEqual(8);
    for (const c of formulas) {
      const refs = references(c.formula as string);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        const target = byAddress.get(ref);
        expect(target).toBeDefined();
        expect(typeof target?.value === "number" || target?.formula !== undefined).toBe(true);
      }
    }
  });

  test("every formula is a LOAN.* call, black, with a number format", () => {
    for (const c of plan.cells.filter((x) => x.formula !== undefined)) {
      expect(c.formula).toMatch(/^=LOAN\.[A-Z_]+\(/);
      expect(c.fontColor).toBe(FORMULA_COLOR);
      expect(c.numberFormat).toBeDefined();
    }
  });

  test("every constant number is an input: blue, formatted, one of the worked example's inputs", () => {
    const numbers = plan.cells.filter((c) => typeof c.value === "number");
    expect(numbers.map((c) => c.value).sort()).toEqual(Object.values(WORKED_EXAMPLE).sort());
    for (const c of numbers) {
      expect(c.fontColor).toBe(INPUT_COLOR);
      expect(c.numberFormat).toBeDefined();
    }
    expect(INPUT_COLOR.toUpperCase()).toBe("#0000FF");
  });

  test("text cells hold no number disguised as text and no formula", () => {
    for (const c of plan.cells.filter((x) => typeof x.value === "string")) {
      expect(c.value as string).not.toMatch(/^\s*[=+\-@]/);
      expect(Number.isNaN(Number(c.value))).toBe(true);
    }
  });

  test("says the figures are market conventions, not advice", () => {
    const texts = plan.cells.map((c) => c.value);
    expect(texts).toContain(EXAMPLE_NOTES.disclaimer);
    expect(EXAMPLE_NOTES.disclaimer).toMatch(/market conventions/);
    expect(EXAMPLE_NOTES.disclaimer).toMatch(/not law or advice/);
  });

  test("uses the requested number formats", () => {
    const formats = new Set(plan.cells.map((c) => c.numberFormat));
    expect(formats).toContain("#,##0.00");
    expect(formats).toContain("0.0%");
    expect(labelled(plan, "Break-even surrender probability")[0].numberFormat).toBe("0.0%");
  });

  test("column widths name real columns", () => {
    for (const w of plan.columnWidths) {
      expect(w.column).toMatch(/^[A-Z]{1,3}$/);
      expect(w.points).toBeGreaterThan(0);
    }
  });

  test("column letters", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(column)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});

describe("worked-example plan: figures (methodology §6, §5 case C)", () => {
  test("monthly payments 29,486.66 and 31,003.75", () => {
    expect(Math.abs(figure(plan, "Monthly payment", 0) - 29486.66)).toBeLessThan(CENT);
    expect(Math.abs(figure(plan, "Monthly payment", 1) - 31003.75)).toBeLessThan(CENT);
  });

  test("balances after 84 payments 4,091,975.82 and 4,123,469.40", () => {
    expect(Math.abs(figure(plan, "Balance at end of hold", 0) - 4091975.82)).toBeLessThan(CENT);
    expect(Math.abs(figure(plan, "Balance at end of hold", 1) - 4123469.4)).toBeLessThan(CENT);
  });

  test("premium 180,000 interest-only, 181,428.35 amortizing", () => {
    expect(figure(plan, "Premium, interest-only view")).toBe(180000);
    expect(Math.abs(figure(plan, "Premium, amortizing view") - 181428.35)).toBeLessThan(CENT);
  });

  test("deficiency 1,050,000", () => {
    expect(figure(plan, "Deficiency after surrender")).toBe(1050000);
  });

  test("break-even probability 180,000 / 1,050,000 ≈ 17.1 %", () => {
    const p = figure(plan, "Break-even surrender probability");
    expect(p).toBeCloseTo(180000 / 1050000, 12);
    expect(p).toBeCloseTo(0.1714, 4);
  });

  test("formulas follow the inputs: a different deal gives its own figures", () => {
    const other = buildExamplePlan({ ...WORKED_EXAMPLE, salePrice: 4_000_000, nonRecourseRate: 0.0785 });
    expect(figure(other, "Deficiency after surrender")).toBe(650000);
    expect(figure(other, "Premium, interest-only view")).toBeCloseTo(4_500_000 * 0.01 * 7 + 22_500, 6);
  });
});

describe("uniqueSheetName", () => {
  test("free name is kept", () => {
    expect(uniqueSheetName(["Sheet1"], "Loan example")).toBe("Loan example");
    expect(uniqueSheetName([], "Loan example")).toBe("Loan example");
  });

  test("collisions count up, case-insensitively as Excel compares", () => {
    expect(uniqueSheetName(["Loan example"], "Loan example")).toBe("Loan example (2)");
    expect(uniqueSheetName(["LOAN EXAMPLE", "loan example (2)"], "Loan example")).toBe("Loan example (3)");
    expect(uniqueSheetName(["Loan example", "Loan example (3)"], "Loan example")).toBe("Loan example (2)");
  });

  test("never more than 31 characters, also with a suffix", () => {
    const long = "A very long sheet name that goes on and on";
    const first = uniqueSheetName([], long);
    expect(first).toBe(long.slice(0, MAX_SHEET_NAME));
    expect(first).toHaveLength(31);
    const second = uniqueSheetName([first], long);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(" (2)")).toBe(true);
    const names = [first, second];
    for (let i = 0; i < 12; i++) names.push(uniqueSheetName(names, long));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(names[names.length - 1].endsWith(" (14)")).toBe(true);
  });

  test("Excel's forbidden characters are removed", () => {
    expect(uniqueSheetName([], "Loan: A/B \\ [x] ? *")).toBe("Loan AB  x");
    const cleaned = uniqueSheetName([], "a\\b/c?d*e[f]g:h");
    expect(cleaned).toBe("abcdefgh");
    expect(cleaned).not.toMatch(/[\\/?*[\]:]/);
  });

  test("no leading or trailing apostrophe, no empty or reserved name", () => {
    expect(uniqueSheetName([], "'Quoted'")).toBe("Quoted");
    expect(uniqueSheetName([], "[]:*?")).toBe("Sheet");
    expect(uniqueSheetName(["Sheet"], "///")).toBe("Sheet (2)");
    expect(uniqueSheetName([], "History")).toBe("History (2)");
  });

  test("cutting to fit never splits a surrogate pair", () => {
    const name = uniqueSheetName([], `${"x".repeat(30)}😀`);
    expect(name).toBe("x".repeat(30));
  });

  test("what it returns is a name Excel accepts, whatever it was given", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }),
        fc.string({ maxLength: 40 }),
        (taken, base) => {
          expect(isValidSheetName(uniqueSheetName(taken, base))).toBe(true);
        },
      ),
    );
  });
});

describe("isValidSheetName: Excel's rules for a sheet name", () => {
  test.each(["Deal", "Value-add deal (2)", "x".repeat(31), "It's mine", "Historyx"])("%s is accepted", (name) =>
    expect(isValidSheetName(name)).toBe(true),
  );
  test.each(["", "x".repeat(32), "a/b", "a:b", "a[1]", "'quoted", "quoted'", "History", "HISTORY", "tab\tname"])(
    "%j is refused",
    (name) => expect(isValidSheetName(name)).toBe(false),
  );
});

describe("absoluteRef", () => {
  test("a cell and a range, columns of one to three letters", () => {
    expect(absoluteRef("B4")).toBe("$B$4");
    expect(absoluteRef("b4:b9")).toBe("$B$4:$B$9");
    expect(absoluteRef("$AA10:XFD1048576")).toBe("$AA$10:$XFD$1048576");
  });
});
