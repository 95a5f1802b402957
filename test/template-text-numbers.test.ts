/**
 * Issue 25 item 3: no number in a template's computed text appears unformatted. Every formula
 * whose value is text is scanned, on every template at its defaults and with the impossible deal
 * of issue 22 (its checks' messages quote figures): a run of four or more digits without
 * thousands separators (a year in an ISO date excepted), more than three decimals, or a number in
 * E notation, is a figure pasted raw. LOAN.QUALIFY's text keeps its shipped wording, as the
 * issue says. Source: the issue's "Done when"; the engine computes.
 */
import { ComputedDeal, closeDeals } from "./deal-sheet";
import { TEMPLATES } from "../src/plan/templates";
import { parseAddress } from "../src/plan/a1";
import { BOOLEAN_FORMAT } from "../src/plan/plan";

afterAll(closeDeals);

/** The raw figures in a text: what a reader would see unformatted. */
export function rawFigures(text: string): string[] {
  const out: string[] = [];
  // An ISO date's year, month and day are formatted as a date.
  const t = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, "");
  for (const m of t.matchAll(/\d[\d,]*(?:\.\d+)?(?:E[-+]?\d+)?/gi)) {
    const x = m[0];
    const [whole, decimals = ""] = x.split(".");
    if (/E/i.test(x)) out.push(x);
    else if (!whole.includes(",") && whole.length >= 4) out.push(x);
    else if (decimals.length > 3) out.push(x);
  }
  return out;
}

test("the scanner itself: raw figures found, formatted ones and dates passed", () => {
  expect(rawFigures("Put 529894 against premium 143,032")).toEqual(["529894"]);
  expect(rawFigures("Probability 0.1714285714")).toEqual(["0.1714285714"]);
  expect(rawFigures("Spread 3.7008E-3")).toEqual(["3.7008E-3"]);
  expect(rawFigures("dated 2025-11-30, 12 months; LTV 200 %; 1.25x; 1,034,118")).toEqual([]);
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, template) => {
  const cases = [
    ["defaults", {}],
    ["an impossible deal (200 % LTV, default past the hold)", { loanAmount: 12_900_000 }],
  ] as const;
  test.each(cases)("computed text quotes its figures formatted: %s", (_label, inputs) => {
    const deal = ComputedDeal.of(template, inputs, { asOf: "2026-12-07" });
    if (inputs !== cases[0][1]) deal.set("DefaultYear", 12);
    const raw: string[] = [];
    for (const cell of deal.plan.cells) {
      // LOAN.QUALIFY's messages keep their shipped wording (issue 25 item 3): ratios as decimals.
      if (cell.formula === undefined || /LOAN\.QUALIFY\(/.test(cell.formula)) continue;
      const { row, col } = parseAddress(cell.address);
      const v = deal.engine.value(deal.plan.sheetName, row, col);
      if (typeof v === "string" && rawFigures(v).length > 0) raw.push(`${cell.address}: ${v}`);
    }
    expect(raw).toEqual([]);
  });

  test.each(cases)(
    "computed TRUE / FALSE carries the boolean format (LibreOffice prints 1 / 0 without): %s",
    (_l, inputs) => {
      const deal = ComputedDeal.of(template, inputs, { asOf: "2026-12-07" });
      const bare: string[] = [];
      for (const cell of deal.plan.cells) {
        if (cell.formula === undefined) continue;
        const { row, col } = parseAddress(cell.address);
        const v = deal.engine.value(deal.plan.sheetName, row, col);
        if (typeof v === "boolean" && cell.numberFormat !== BOOLEAN_FORMAT)
          bare.push(`${cell.address} ${cell.formula}`);
      }
      expect(bare).toEqual([]);
    },
  );
});
