/**
 * Docs that are tested: every example of every function (its declaration's help, what Excel's
 * help, the pane's guide and docs/functions.md show) is evaluated through the adapters and must
 * give the value it states, to the digits it states (half a unit in the last shown place);
 * TRUE/FALSE and "text" results exactly. Spilled results state their shape, R×C.
 * docs/functions.md must be what `npm run docs` writes now, and its own examples run too.
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

/** Checks one example through its function's adapter. */
function check(example: Example): void {
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
}

test.each(all.map((e) => [e.formula, e.expected, e] as const))("%s → %s", (_f, _e, example) => check(example));

const doc = fs.readFileSync(path.join(root, "docs", "functions.md"), "utf8");

test("docs/functions.md is what npm run docs writes from the functions as they are now", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is CommonJS
  const { render } = require(path.join(root, "scripts", "functions-doc.cjs")) as { render: () => string };
  expect(doc === render()).toBe(true);
});

/** docs/functions.md's examples as it shows them: "- `=LOAN.X(…)` → result" under each function's heading. */
const docExamples: Example[] = [...doc.matchAll(/^- `(=LOAN\.([A-Z_]+)\(.*\))` → (.+)$/gm)].map((m) => ({
  id: m[2],
  formula: m[1],
  expected: m[3].trim(),
}));

test("docs/functions.md lists every function, each under its heading, with every example", () => {
  const headings = [...doc.matchAll(/^### LOAN\.([A-Z_]+)$/gm)].map((m) => m[1]);
  expect([...headings].sort()).toEqual([...FUNCTION_IDS].sort());
  expect(docExamples.map((e) => e.formula).sort()).toEqual(all.map((e) => e.formula).sort());
});

test.each(docExamples.map((e) => [e.formula, e] as const))("docs/functions.md: %s", (_f, example) => check(example));
