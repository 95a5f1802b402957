/**
 * The task pane's guide is built from the functions' metadata (functions.json, which
 * custom-functions-metadata writes from the generated adapters' JSDoc): the same functions, the
 * same parameters, every example. The independent checks here read the declarations themselves
 * (src/core's define(…, HELP && {…}), loaded by scripts/declarations.cjs), so a function the
 * generator, custom-functions-metadata or the guide dropped or changed would show.
 */
import { allEntries, buildGuide, firstSentence, GUIDE, signature, splitExample } from "../src/taskpane/guide";
import { DECLARATIONS } from "./declarations";
import { familyIds } from "./functions-metadata";

interface Documented {
  name: string;
  family: string;
  summary: string;
  params: string[];
  examples: string[];
}

/** Every declared function, with its parameter names (optional ones in brackets) and its examples. */
function documentedFunctions(): Documented[] {
  return DECLARATIONS.map((d) => ({
    name: d.id,
    family: d.help.family,
    summary: d.help.summary,
    params: d.fn.params.map((p) => (p.optional ? `[${p.name}]` : p.name)),
    examples: [...d.help.examples],
  }));
}

const documented = documentedFunctions();
const entries = allEntries();

test("the declarations are the LOAN functions, each with examples", () => {
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
  for (const group of GUIDE) {
    expect(group.entries.map((e) => e.name)).toEqual(familyIds(group.id));
    for (const e of group.entries) expect(documented.find((d) => d.name === e.name)?.family).toBe(group.id);
  }
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

  test("every guide example is a declared example, and all of them are shown", () => {
    expect(doc).toBeDefined();
    expect(entry.examples.length).toBeGreaterThan(0);
    expect([...entry.examples]).toEqual(doc?.examples);
  });

  test("the signature lists the declared parameters in order, optional ones in brackets", () => {
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

  test("its purpose is the declared summary: one sentence, one line, short enough for the pane", () => {
    expect(entry.purpose).toBe(doc?.summary);
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
