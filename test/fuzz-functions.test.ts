/**
 * Fuzz: every LOAN.* function of the shipped bundle (dist/functions.js, as Excel and the
 * engine load it) called with Excel-shaped junk (blanks, extremes of float64, tiny and
 * rounding-to-zero values, text, booleans, 2-D ranges, huge ranges) must return a finite
 * number, a boolean, text Excel can hold, or a 2-D array of those; or raise an Excel error
 * with a short message. Never NaN, ±Infinity, "NaN"/"Infinity" in text, or an exception
 * that is not an Excel error.
 */
import fs from "fs";
import path from "path";
import fc from "fast-check";
import { AddinError, type Addin } from "../src/engine/addin";
import { loadAddin } from "../src/engine/load-node";

const dist = path.resolve(__dirname, "..", "dist");
let addin: Addin;
beforeAll(() => {
  addin = loadAddin(dist);
});

/** Excel's limits: 32,767 characters in a cell; error messages kept short. */
const MAX_TEXT = 32767;
const MAX_MESSAGE = 255;

const extremes = [
  0,
  -0,
  1,
  -1,
  1e308,
  -1e308,
  1e-307,
  -1e-307,
  5e-324,
  1e-37,
  1e-30,
  0.5,
  1e15,
  2 ** 53,
  -0.999999999,
  1e-9,
  100,
  12,
  30,
  360,
];
const scalar = fc.oneof(
  fc.constantFrom(...extremes),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(
    "",
    " ",
    "abc",
    "TX",
    "CA",
    "FRAUD",
    "WASTE",
    "FULL",
    "LOSS",
    "CMBS",
    "RATE",
    "DSCR",
    "LTV",
    "NONRECOURSE",
    "RECOURSE",
    "JUDICIAL",
    "MONTHLY",
    "1e308",
    "#N/A",
    "∞",
  ),
  fc.string({ maxLength: 40 }),
);
const range = fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((rows) => {
  const w = Math.min(...rows.map((r) => r.length));
  return rows.map((r) => r.slice(0, w));
});
const arg = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: range });

function check(name: string, args: unknown[], out: unknown): void {
  const fail = (why: string) => {
    throw new Error(`${name}(${args.map((a) => JSON.stringify(a)?.slice(0, 60)).join(", ")}): ${why}`);
  };
  const cell = (v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) fail(`non-finite ${v}`);
    if (typeof v === "string") {
      if (v.length > MAX_TEXT) fail(`text of ${v.length} characters`);
      if (/NaN|Infinity|In,fin|e\+,/.test(v)) fail(`text ${JSON.stringify(v.slice(0, 200))}`);
    }
    if (v !== null && typeof v === "object") fail(`object ${JSON.stringify(v).slice(0, 100)}`);
  };
  if (Array.isArray(out)) {
    for (const row of out) {
      if (!Array.isArray(row)) fail("a 1-D array");
      for (const v of row as unknown[]) cell(v);
    }
  } else cell(out);
}

function call(name: string, fn: (...a: unknown[]) => unknown, args: unknown[]): void {
  let out: unknown;
  try {
    out = fn(...args);
  } catch (e) {
    if (!(e instanceof AddinError))
      throw new Error(`${name}(${args.map((a) => JSON.stringify(a)?.slice(0, 60)).join(", ")}) threw ${String(e)}`);
    if (e.message.length > MAX_MESSAGE)
      throw new Error(`${name}: a message of ${e.message.length} characters: ${e.message.slice(0, 120)}…`);
    return;
  }
  check(name, args, out);
}

describe("every function, Excel-shaped junk: finite results or Excel errors with short messages", () => {
  test("the bundle is loaded", () => expect(addin.metadata.functions.length).toBeGreaterThan(20));

  test.each(
    (
      JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as {
        functions: { id: string; parameters: unknown[] }[];
      }
    ).functions.map((f) => [f.id, f.parameters.length] as const),
  )("%s", (id, arity) => {
    const fn = addin.functions.get(id)!;
    fc.assert(
      fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => {
        call(id, fn, args);
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });

  test("huge ranges: 100,000 rows of codes or amounts give a result or a short message", () => {
    const codes = Array.from({ length: 100000 }, (_, i) => [i % 2 ? "UNKNOWN_ACT" : "WASTE"]);
    const amounts = Array.from({ length: 100000 }, () => [1e308]);
    for (const f of addin.metadata.functions) {
      const fn = addin.functions.get(f.id)!;
      for (const big of [codes, amounts]) {
        const args = f.parameters.map((_, i) => (i === 1 ? big : i === 0 ? 4400000 : null));
        call(f.id, fn, args);
      }
    }
  });
});

describe("the extremes issue 10 names", () => {
  const run = (id: string, ...args: unknown[]) => {
    const fn = addin.functions.get(id)!;
    call(id, fn, args);
    try {
      return fn(...args);
    } catch (e) {
      return e;
    }
  };

  test.each([
    ["BALANCE", 1e308, 0.05, 30, 7],
    ["DSCR", 405000, 1e-307],
    ["DEFICIENCY", 1e308, 0, 1e308],
    ["YIELD_MAINTENANCE", 0, 0.05, -0.999999999, 50],
    ["PAYMENT", 150000, 0.05, 1e-300],
    ["DEBT_SERVICE", 150000, 0.05, 1e-300],
    ["BALANCE", 150000, 0.05, 1e-300, 1e-300],
    ["NONRECOURSE_PREMIUM", 1e308, 0.05, 0.06, 0.01, 0.02, 7],
    ["MAX_LOAN", 1e308, 1e308, 0.05, 30, 1e-300, 1],
  ])("%s(…) is a finite number or an Excel error", (id, ...args) => {
    const out = run(id as string, ...args);
    if (out instanceof AddinError) expect(["#NUM!", "#VALUE!", "#DIV/0!", "#N/A"]).toContain(out.code);
    else expect(Number.isFinite(out)).toBe(true);
  });

  test("QUALIFY words large and tiny numbers as numbers (no 'In,fin,ity', no '1e+,300')", () => {
    for (const args of [
      ["NONRECOURSE", 1e-300, 1e300],
      ["RECOURSE", 0.5, 1e20, 0.1, 1, 1, 1e308],
    ]) {
      const out = run("QUALIFY", ...args);
      if (typeof out === "string") expect(out).not.toMatch(/In,fin|e\+,|NaN/);
    }
  });

  test("AMORTIZATION at a rate of 1e-37: the straight-line payment, 12,500 on 150,000 over a year", () => {
    const out = run("AMORTIZATION", 150000, 1e-37, 1) as (string | number)[][];
    expect(Array.isArray(out)).toBe(true);
    expect(Math.abs((out[1][1] as number) - 12500)).toBeLessThanOrEqual(0.005);
  });
});
