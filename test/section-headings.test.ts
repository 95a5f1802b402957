/**
 * Issue 25 item 2: every block of figures has its own column headings in its own section, and the
 * rows printed on every page (and frozen on screen) are only the title and legend, so no heading
 * stands over columns it does not describe (a grid's years or volatilities). Source: the issue's
 * "Done when"; the plan itself, no engine needed.
 */
import { buildDealPlan } from "../src/plan/deal";
import { parseAddress } from "../src/plan/a1";
import { TEMPLATES } from "../src/plan/templates";
import type { PlanCell } from "../src/plan/plan";

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, template) => {
  const plan = buildDealPlan(template, {}, { asOf: "2026-12-07" });
  const rows = new Map<number, Map<number, PlanCell>>();
  for (const c of plan.cells) {
    const { row, col } = parseAddress(c.address);
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)?.set(col, c);
  }
  const at = (row: number, col: number): PlanCell | undefined => rows.get(row)?.get(col);
  const bold = (c: PlanCell | undefined): boolean => c?.bold === true && typeof c.value === "string";

  test("only the title and the legend print on every page and stay frozen on screen; row 3 heads the summary", () => {
    expect(plan.print?.titleRows).toBe("1:2");
    // 0-based rows 0 and 1: the title and the legend, no column headings among them.
    for (const row of [0, 1]) for (const col of [1, 2, 3]) expect(at(row, col)).toBeUndefined();
    // Frozen rows hold no column headings either: scrolled down, none stands over a grid's years.
    expect(plan.freeze).toEqual({ rows: 2, columns: 1 });
    expect([1, 2, 3].map((col) => at(2, col)?.value)).toEqual(["Recourse", "Non-recourse", "Non-recourse − recourse"]);
  });

  test("every row of recourse and non-recourse figures (B and C) has its columns named above it in its section", () => {
    const last = Math.max(...rows.keys());
    const unheaded: string[] = [];
    for (let r = 2; r <= last; r++) {
      const b = at(r, 1);
      const c = at(r, 2);
      if (b?.formula === undefined || c?.formula === undefined || bold(at(r, 0))) continue;
      // Walk up to the nearest row naming the columns (bold headings in B and C, or a grid's axis: a
      // label with "→" over its values), stopping at a section's title (bold A alone, after a blank row).
      let named = false;
      for (let up = r - 1; up >= 0; up--) {
        const axis = String(at(up, 0)?.value ?? "").includes("→") && at(up, 1) !== undefined && at(up, 2) !== undefined;
        if ((bold(at(up, 1)) && bold(at(up, 2))) || axis) {
          named = true;
          break;
        }
        const alone = [1, 2, 3].every((col) => at(up, col) === undefined);
        if (bold(at(up, 0)) && alone && !rows.has(up - 1)) break;
      }
      if (!named) unheaded.push(`${r + 1}: ${String(at(r, 0)?.value ?? at(r, 0)?.formula ?? "")}`);
    }
    expect(unheaded).toEqual([]);
  });
});
