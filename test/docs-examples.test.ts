/**
 * Docs that are tested: every `Example:` line in the JSDoc of src/functions (what Excel's
 * help and the README show) is evaluated through the adapters and must give the value it
 * states, to the digits it states (half a unit in the last shown place); TRUE/FALSE and
 * "text" results exactly. Spilled results state their shape, R×C. The README must show
 * every one of these examples.
 */
import fs from "fs";
import path from "path";
import { parseCall } from "./formula-args";
import { adapterFor, FUNCTION_IDS, FUNCTIONS } from "./functions-metadata";

const root = path.resolve(__dirname, "..");

interface Example {
  id: string;
  formula: string;
  expected: string;
}

/** The examples, each with the id of the function whose description (JSDoc) carries it. */
function examples(): Example[] {
  return FUNCTIONS.flatMap((f) =>
    [...(f.description ?? "").matchAll(/^Example:\s*(=LOAN\.[^\n]*?)\s+→\s+([^\n]+)$/gm)].map((m) => ({
      id: f.id,
      formula: m[1],
      expected: m[2].trim(),
    })),
  );
}

const all = examples();

test("every function documents at least one example", () => {
  const ids = new Set(all.map((e) => e.id));
  expect([...ids].sort()).toEqual([...FUNCTION_IDS].sort());
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
