/**
 * The compatibility promise: every shipped id is still declared by the JSDoc of src/functions,
 * under the same name (ids may be added, never removed or renamed).
 */
import { FUNCTION_IDS, FUNCTIONS } from "./functions-metadata";
import { SHIPPED_IDS } from "./shipped-function-ids";

test.each(SHIPPED_IDS.map((id) => [id]))("LOAN.%s is still declared", (id) => {
  expect(FUNCTION_IDS).toContain(id);
  expect(FUNCTIONS.find((f) => f.id === id)?.name).toBe(id);
});

test("the shipped list has no duplicates, and every declared id is unique", () => {
  expect(new Set(SHIPPED_IDS).size).toBe(SHIPPED_IDS.length);
  expect(new Set(FUNCTION_IDS).size).toBe(FUNCTION_IDS.length);
});

test("the metadata is read from the JSDoc: ids are upper-case names, each with a description and an example", () => {
  expect(FUNCTION_IDS.length).toBeGreaterThanOrEqual(SHIPPED_IDS.length);
  for (const f of FUNCTIONS) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(f.description).toMatch(/\nExample: =LOAN\./);
  }
});

test("wrapped JSDoc descriptions are joined: only Example: lines start a new line", () => {
  for (const f of FUNCTIONS) {
    const [first, ...rest] = (f.description ?? "").split("\n");
    expect(first).not.toMatch(/^Example:/);
    for (const line of rest) expect(line).toMatch(/^Example: /);
    for (const p of f.parameters) expect(p.description ?? "").not.toMatch(/\n/);
  }
});
