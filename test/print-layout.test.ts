/**
 * The deal templates' text fits the printed page (issue 13: "prints with labels on every page",
 * readable): every text, constant or computed, fits its room on one line (its column and the
 * empty columns to its right, up to the sheet's last column) or wraps within its column, so
 * nothing runs past the print area to shrink the page or is cut off by a filled cell; and the
 * columns are narrow enough that fitting them to one landscape Letter page keeps 11-point text
 * at 7.5 points or more.
 *
 * Source of the widths: Calibri 11's average character is about 5.2 points (its digits are
 * 7 pixels, 5.25 points); the estimate used (textPoints, 5.6 a character) errs wide. Letter
 * landscape is 792 points wide; Excel's "Narrow" margins are 0.25 inch (18 points) a side.
 */
import path from "path";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan } from "../src/engine/plan-writers";
import { buildDealPlan } from "../src/plan/deal";
import { parseAddress, parseRange } from "../src/plan/a1";
import { columnPoints, PAPERS, textPoints, textRoom } from "../src/plan/page";
import { lines } from "../src/plan/sheet";
import { TEMPLATES } from "../src/plan/templates";

const addin = loadAddin(path.resolve(__dirname, "..", "dist"));

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: text and print scale", (_id, template) => {
  const plan = buildDealPlan(template);
  const area = parseRange(plan.print?.area ?? "");
  const widths = columnPoints(plan, area.right);
  const filled = new Set(plan.cells.map((c) => parseAddress(c.address)).map((a) => `${a.row}:${a.col}`));

  test("every text fits its room on one line or wraps in its column (computed texts too)", () => {
    const engine = evaluatePlan(addin, plan);
    try {
      const overflowing: string[] = [];
      for (const cell of plan.cells) {
        const { row, col } = parseAddress(cell.address);
        const v = cell.formula !== undefined ? engine.value(plan.sheetName, row, col) : cell.value;
        if (typeof v !== "string" || cell.wrap) continue;
        const need = textPoints(v, cell.bold);
        const room = textRoom(filled, widths, cell.address);
        if (need > room)
          overflowing.push(`${cell.address} (${Math.round(need)} > ${Math.round(room)} pt): ${v.slice(0, 60)}`);
      }
      expect(overflowing).toEqual([]);
    } finally {
      engine.destroy();
    }
  });

  test("a wrapped text is wrapped because it needed to be", () => {
    const needless = plan.cells.filter(
      (c) =>
        c.wrap && typeof c.value === "string" && textPoints(c.value, c.bold) <= textRoom(filled, widths, c.address),
    );
    expect(needless.map((c) => c.address)).toEqual([]);
  });

  test("fit to one page wide, 11-point text prints at 7.5 points or more", () => {
    const margins = plan.print?.margins;
    expect(margins).toBeDefined();
    const printable = PAPERS.letter.height - ((margins?.left ?? 0) + (margins?.right ?? 0)) * 72;
    const sheetWidth = widths.reduce((a, b) => a + b, 0);
    const scale = Math.min(1, printable / sheetWidth);
    expect(11 * scale).toBeGreaterThanOrEqual(7.5);
  });
});

describe("lines: a paragraph broken between words", () => {
  test("each line within the limit, the words in order, nothing lost", () => {
    const text = "The quick brown fox jumps over the lazy dog ".repeat(12).trim();
    const out = lines(text, 40);
    expect(out.every((l) => l.length <= 40)).toBe(true);
    expect(out.join(" ")).toBe(text);
    expect(out.length).toBe(Math.ceil(text.length / 40) + (out.length - Math.ceil(text.length / 40)));
  });
  test("a word longer than the limit keeps its own line; an empty text is one empty line", () => {
    expect(lines("a " + "x".repeat(12) + " b", 5)).toEqual(["a", "x".repeat(12), "b"]);
    expect(lines("", 10)).toEqual([""]);
  });
});
