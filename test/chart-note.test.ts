/**
 * Issue 25 item 5, in the workbook: beside the chart's heading a note says why a line lies on the
 * axis (no personal exposure at any sale price in the table) or why nothing is drawn (an input in
 * error); empty when both lines have something to show. Expected: the sensitivity table's own
 * computed values, read back from the engine, against the rule in words.
 */
import { CHART_NOTES } from "../src/plan/deal/chart";
import { TEMPLATES } from "../src/plan/templates";
import { parseRange } from "../src/plan/a1";
import { closeDeals, ComputedDeal } from "./deal-sheet";

afterAll(closeDeals);

/** The chart's series values (B: recourse, C: non-recourse) and the note beside its heading. */
function read(d: ComputedDeal): { r: unknown[]; n: unknown[]; note: unknown } {
  const chart = d.plan.chart;
  if (!chart) throw new Error("no chart");
  const values = d.values();
  const cells = (ref: string): unknown[] => {
    const g = parseRange(ref);
    return values.slice(g.top, g.bottom + 1).map((row) => row[g.left]);
  };
  const r = chart.series.filter((x) => x.name.startsWith("Recourse")).flatMap((x) => cells(x.values));
  const n = chart.series.filter((x) => x.name.startsWith("Non-recourse")).flatMap((x) => cells(x.values));
  const heading = parseRange(chart.from).top - 1;
  return { r, n, note: values[heading][4] };
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, template) => {
  test("the note says why a line lies on the axis, and nothing when both lines show exposure", () => {
    const d = ComputedDeal.of(template, {}, { asOf: "2026-12-07" });
    const { r, n, note } = read(d);
    const flat = (xs: unknown[]) => xs.every((x) => x === 0);
    const expected = flat(n) ? CHART_NOTES.nonRecourseFlat : flat(r) ? CHART_NOTES.recourseFlat : "";
    expect(note).toBe(expected);
  });
});

test("a sprung full-recourse carveout gives the non-recourse line exposure: no note", () => {
  const value = TEMPLATES.find((t) => t.id === "value-add");
  if (!value) throw new Error("no value-add");
  const d = ComputedDeal.of(value, {}, { asOf: "2026-12-07", carveouts: [{ code: "FRAUD", loss: 0 }] });
  const { n, note } = read(d);
  expect(n.some((x) => typeof x === "number" && x > 0)).toBe(true);
  expect(note).toBe("");
});

test("an input in error: the note says nothing can be drawn", () => {
  const d = ComputedDeal.of(TEMPLATES[0], {}, { asOf: "2026-12-07" });
  d.set("PropertyValue", "six million");
  expect(read(d).note).toBe(CHART_NOTES.inError);
});

test("most templates' non-recourse line lies on the axis at their defaults, and the note says so", () => {
  // The issue saw it in 6 of 7 templates: the note must appear, not only the empty case.
  const notes = TEMPLATES.map((t) => read(ComputedDeal.of(t, {}, { asOf: "2026-12-07" })).note);
  expect(notes.filter((x) => x === CHART_NOTES.nonRecourseFlat).length).toBeGreaterThanOrEqual(4);
});
