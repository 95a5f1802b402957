/**
 * Docs that are tested: every `Example:` line in the JSDoc of src/functions (what Excel's
 * help and the README show) is evaluated through the adapters and must give the value it
 * states, to the digits it states (half a unit in the last shown place); TRUE/FALSE and
 * "text" results exactly. Spilled results state their shape, R×C. The README must show
 * every one of these examples.
 */
import fs from "fs";
import path from "path";
import * as coverage from "../src/functions/coverage";
import * as financing from "../src/functions/financing";
import * as lender from "../src/functions/lender";
import * as recourse from "../src/functions/recourse";
import { parseCall } from "./formula-args";
import { ALL_IDS } from "./function-ids";

const root = path.resolve(__dirname, "..");
const files = ["financing", "coverage", "recourse", "lender"].map((f) =>
  path.join(root, "src", "functions", `${f}.ts`),
);

interface Example {
  id: string;
  formula: string;
  expected: string;
}

/** The examples, each with the id of the @customfunction block it sits in. */
function examples(): Example[] {
  const out: Example[] = [];
  for (const file of files) {
    const src = fs.readFileSync(file, "utf8");
    for (const block of src.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const id = /@customfunction\s+([A-Z_]+)/.exec(block)?.[1];
      if (!id) continue;
      for (const m of block.matchAll(/Example:\s*(=LOAN\.[^\n]*?)\s+→\s+([^\n]+)/g))
        out.push({ id, formula: m[1], expected: m[2].trim() });
    }
  }
  return out;
}

const adapters: Record<string, (...args: unknown[]) => unknown> = {};
for (const mod of [financing, coverage, recourse, lender]) {
  for (const fn of Object.values(mod)) adapters[fn.name] = fn as (...args: unknown[]) => unknown;
}

/** The adapter behind an id, found through the JSDoc: the function declared right after it. */
function adapterFor(id: string): (...args: unknown[]) => unknown {
  for (const file of files) {
    const m = new RegExp(`@customfunction ${id}\\b[\\s\\S]*?\\*/\\s*export function (\\w+)`).exec(
      fs.readFileSync(file, "utf8"),
    );
    if (m) return adapters[m[1]];
  }
  throw new Error(`no adapter for ${id}`);
}

const all = examples();

test("every function documents at least one example", () => {
  const ids = new Set(all.map((e) => e.id));
  expect([...ids].sort()).toEqual([...ALL_IDS].sort());
});

test.each(all.map((e) => [e.formula, e.expected, e] as const))("%s → %s", (_f, _e, example) => {
  const { name, args } = parseCall(example.formula);
  expect(name).toBe(example.id);
  const result = adapterFor(example.id)(...args);
  const shape = /^(\d+)×(\d+)$/.exec(example.expected);
  if (shape) {
    const grid = result as unknown[][];
    expect(grid).toHaveLength(Number(shape[1]));
    expect(grid[0]).toHaveLength(Number(shape[2]));
    return;
  }
  if (example.expected === "TRUE" || example.expected === "FALSE") {
    expect(result).toBe(example.expected === "TRUE");
    return;
  }
  if (example.expected.startsWith('"')) {
    expect(result).toBe(example.expected.slice(1, -1));
    return;
  }
  const decimals = (example.expected.split(".")[1] ?? "").length;
  expect(typeof result).toBe("number");
  expect(Math.abs((result as number) - Number(example.expected))).toBeLessThanOrEqual(0.5 * 10 ** -decimals);
});

test("the README shows every documented example", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const missing = all.filter((e) => !readme.includes(e.formula));
  expect(missing.map((e) => e.formula)).toEqual([]);
});
