/**
 * The task pane's guide is built from the functions' own metadata (their JSDoc, as the build
 * generates functions.json): the same functions, the same parameters, every example. The
 * independent checks here read the JSDoc source directly, with a scan of their own, so a
 * function the generator or the guide dropped would show.
 */
import * as fs from "fs";
import * as path from "path";
import { allEntries, buildGuide, firstSentence, GUIDE, signature, splitExample } from "../src/taskpane/guide";
import { familyIds } from "./functions-metadata";

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

test("one group per family file, the four known families first under their titles", () => {
  expect(GUIDE.slice(0, 4).map((g) => [g.id, g.title])).toEqual([
    ["financing", "Financing"],
    ["coverage", "Coverage & sizing"],
    ["recourse", "Recourse"],
    ["lender", "State law & lender's view"],
  ]);
  for (const group of GUIDE) expect(group.entries.map((e) => e.name)).toEqual(familyIds(group.id));
  expect(GUIDE.find((g) => g.id === "financing")?.entries.map((e) => e.name)).toEqual([
    "PAYMENT",
    "DEBT_SERVICE",
    "BALANCE",
    "AMORTIZATION",
  ]);
});

test("a family file the guide has no title for is shown last, titled by its name", () => {
  const families = [
    { family: "zeta", file: "src/functions/zeta.ts", functions: [], adapters: {} },
    { family: "financing", file: "src/functions/financing.ts", functions: [], adapters: {} },
  ];
  expect(buildGuide(families).map((g) => [g.id, g.title])).toEqual([
    ["financing", "Financing"],
    ["zeta", "Zeta"],
  ]);
});

describe.each(entries.map((e) => [e.name, e] as const))("LOAN.%s", (name, entry) => {
  const doc = documented.find((d) => d.name === name);

  test("every guide example is an Example: line of its JSDoc, and all of them are shown", () => {
    expect(doc).toBeDefined();
    expect(entry.examples.length).toBeGreaterThan(0);
    expect([...entry.examples]).toEqual(doc?.examples);
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

  test("its purpose is the description's first sentence: one line, short enough for the pane", () => {
    expect(entry.purpose.length).toBeGreaterThan(10);
    expect(entry.purpose.length).toBeLessThanOrEqual(80);
    expect(entry.purpose).not.toMatch(/\n/);
    expect(entry.purpose).toMatch(/[.?!]$/);
  });
});

test("firstSentence stops at the first full stop followed by a space, not inside a number", () => {
  expect(firstSentence("Debt yield: NOI / loan amount. More.\nExample: x")).toBe("Debt yield: NOI / loan amount.");
  expect(firstSentence("Rate 0.0685 is 6.85%. Then")).toBe("Rate 0.0685 is 6.85%.");
  expect(firstSentence("May the lender sue? TRUE or FALSE.")).toBe("May the lender sue?");
  expect(firstSentence("No full stop")).toBe("No full stop");
});

test("splitExample keeps a formula without a result whole", () => {
  expect(splitExample("=LOAN.CARVEOUTS()")).toEqual({ formula: "=LOAN.CARVEOUTS()", result: "" });
});
