/**
 * The task pane's guide against the JSDoc in src/functions/*.ts: the same functions, the
 * same parameters, and examples copied verbatim, so the guide cannot drift from what
 * Excel shows while the analyst types.
 */
import * as fs from "fs";
import * as path from "path";
import { allEntries, GUIDE, signature, splitExample } from "../src/taskpane/guide";
import { LENDER_IDS } from "./function-ids";

interface Documented {
  name: string;
  file: string;
  params: string[];
  examples: string[];
}

const FUNCTIONS_DIR = path.resolve(__dirname, "../src/functions");

/** Every `@customfunction` block in src/functions/*.ts, with its @param names and Example: lines. */
function documentedFunctions(): Documented[] {
  const found: Documented[] = [];
  for (const file of fs.readdirSync(FUNCTIONS_DIR).filter((f) => f.endsWith(".ts"))) {
    const source = fs.readFileSync(path.join(FUNCTIONS_DIR, file), "utf8");
    for (const block of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const id = /@customfunction\s+([A-Za-z0-9_.]+)/.exec(block);
      if (!id) continue;
      const lines = block.split("\n").map((l) => l.replace(/^\s*\/?\*+\/?\s?/, "").trimEnd());
      found.push({
        name: id[1],
        file,
        params: lines.flatMap((l) => {
          const m = /^@param\s+(?:\{[^}]*\}\s+)?(\[[^\]]+\]|\S+)/.exec(l);
          return m ? [m[1]] : [];
        }),
        examples: lines.flatMap((l) => {
          const m = /^Example:\s*(.+)$/.exec(l);
          return m ? [m[1].trim()] : [];
        }),
      });
    }
  }
  return found;
}

const documented = documentedFunctions();
const entries = allEntries();

test("the JSDoc scan finds the LOAN functions", () => {
  expect(documented.length).toBeGreaterThanOrEqual(13);
  for (const d of documented) expect(d.examples.length).toBeGreaterThan(0);
});

test("every documented function has exactly one guide entry, and the guide has no others", () => {
  const guideNames = entries.map((e) => e.name).sort();
  expect(new Set(guideNames).size).toBe(guideNames.length);
  expect(guideNames).toEqual(documented.map((d) => d.name).sort());
});

test("the guide covers the functions named in the briefs, in four groups", () => {
  expect(GUIDE.map((g) => g.title)).toEqual([
    "Financing",
    "Coverage & sizing",
    "Recourse",
    "State law & lender's view",
  ]);
  expect(GUIDE.map((g) => g.entries.map((e) => e.name))).toEqual([
    ["PAYMENT", "DEBT_SERVICE", "BALANCE", "AMORTIZATION"],
    ["DSCR", "DEBT_YIELD", "LTV", "MAX_LOAN"],
    ["DEFICIENCY", "NONRECOURSE_PREMIUM", "BREAKEVEN_PROBABILITY", "CARVEOUT_EXPOSURE", "CARVEOUTS"],
    [...LENDER_IDS],
  ]);
});

describe.each(entries.map((e) => [e.name, e] as const))("LOAN.%s", (name, entry) => {
  const doc = documented.find((d) => d.name === name);

  test("every guide example is an Example: line of its JSDoc, and all of them are shown", () => {
    expect(doc).toBeDefined();
    expect(entry.examples.length).toBeGreaterThan(0);
    for (const example of entry.examples) expect(doc?.examples).toContain(example);
    expect([...entry.examples].sort()).toEqual([...(doc?.examples ?? [])].sort());
  });

  test("the signature lists the @param names in order, optional ones in brackets", () => {
    expect(entry.params).toEqual(doc?.params);
    expect(signature(entry)).toBe(`LOAN.${name}(${(doc?.params ?? []).join(", ")})`);
  });

  test("each example's formula calls this function and is what Copy puts on the clipboard", () => {
    for (const example of entry.examples) {
      const { formula, result } = splitExample(example);
      expect(formula.startsWith(`=LOAN.${name}(`)).toBe(true);
      expect(formula.endsWith(")")).toBe(true);
      expect(result.length).toBeGreaterThan(0);
      expect(`${formula} → ${result}`).toBe(example);
    }
  });

  test("has a one-line purpose", () => {
    expect(entry.purpose.length).toBeGreaterThan(10);
    expect(entry.purpose.length).toBeLessThanOrEqual(80);
    expect(entry.purpose).not.toMatch(/\n/);
  });
});

test("splitExample keeps a formula without a result whole", () => {
  expect(splitExample("=LOAN.CARVEOUTS()")).toEqual({ formula: "=LOAN.CARVEOUTS()", result: "" });
});
