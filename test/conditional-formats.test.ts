/**
 * Color scales (heat maps) in every writer: the plan's `conditionalFormats` as an .xlsx
 * `<conditionalFormatting>` rule (read back from the file's own XML with JSZip, an
 * independent zip reader), and in the preview: its stand-in Excel API takes the calls the
 * Excel writer makes and shades each numeric cell from its computed value.
 *
 * Independent values: PERCENTILE.INC's documented example (Microsoft's help for
 * PERCENTILE.INC: {1, 3, 2, 4} at 0.3 → 1.9); colors interpolated channel by channel, worked
 * out by hand below.
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { loadAddin } from "../src/engine/load-node";
import { planToXlsx } from "../src/engine/plan-writers";
import { buildExamplePlan } from "../src/plan/example";
import { colorScale, type PlanColorScale, type SheetPlan } from "../src/plan/plan";

/** Excel's own green–yellow–red scale: scales are checked on its colors (the heat maps' own are HEAT). */
const EXCEL = { green: "#63BE7B", yellow: "#FFEB84", red: "#F8696B" } as const;
import { SheetBuilder } from "../src/plan/sheet";
import { PreviewBook } from "../src/preview/book";
import { excelFor, runnerFor } from "../src/preview/excel-api";
import { percentileInc, scaleColors } from "../src/preview/heat";
import { PREVIEW_MSG } from "../src/preview/messages";
import { writePlan } from "../src/taskpane/excel-writer";

const addin = loadAddin(path.resolve(__dirname, "..", "dist"));

/** A small sheet: B2:B6 hold 10, 20, 30, 40, 50 as formulas (=A*10), C2 text; the scale over B2:C6. */
function gridPlan(scales: readonly PlanColorScale[]): SheetPlan {
  const s = new SheetBuilder({ n: "0" });
  s.text("A", s.next(), "n");
  for (let i = 1; i <= 5; i++) {
    const r = s.next();
    s.input("A", r, i, "n");
    s.formula("B", r, `=A${r}*10`, "n");
  }
  s.text("C", 2, "not a number");
  for (const f of scales) s.conditionalFormat(f);
  return s.build({ sheetName: "Heat", columnWidths: [] });
}

const twoColor: PlanColorScale = {
  type: "colorScale",
  range: "B2:C6",
  minimum: { at: "lowest", color: "#FFFFFF" },
  maximum: { at: "highest", color: EXCEL.green },
};

describe("the plan", () => {
  test("the sheet builder keeps the scales in the order added; none: no conditionalFormats at all", () => {
    const three = colorScale("B2:B6", EXCEL.green, EXCEL.yellow, EXCEL.red);
    expect(gridPlan([twoColor, three]).conditionalFormats).toEqual([twoColor, three]);
    expect(gridPlan([]).conditionalFormats).toBeUndefined();
    expect(three).toEqual({
      type: "colorScale",
      range: "B2:B6",
      minimum: { at: "lowest", color: EXCEL.green },
      midpoint: { at: "percentile", value: 50, color: EXCEL.yellow },
      maximum: { at: "highest", color: EXCEL.red },
    });
  });
});

describe(".xlsx export", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-cf-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("each scale is a <conditionalFormatting> with a <colorScale>: its cfvo points and colors; the later on top", async () => {
    const plan = gridPlan([
      colorScale("B2:B6", EXCEL.green, EXCEL.yellow, EXCEL.red),
      { ...twoColor, range: "B3:B4", minimum: { at: "number", value: 15, color: "#FFFFFF" } },
    ]);
    const file = path.join(dir, "heat.xlsx");
    expect((await planToXlsx(addin, plan, file)).errors).toEqual([]);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const blocks = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g)];
    expect(blocks.map((b) => b[1])).toEqual(["B2:B6", "B3:B4"]);
    const [three, two] = blocks.map((b) => b[2]);
    // Where two overlap the later one shades (as Office.js adds each on top): priority 1 is the plan's last.
    expect(three).toMatch(/<cfRule type="colorScale" priority="2">\s*<colorScale>/);
    expect([...three.matchAll(/<cfvo type="(\w+)"(?: val="([^"]*)")?\/>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["min", undefined],
      ["percentile", "50"],
      ["max", undefined],
    ]);
    expect([...three.matchAll(/<color rgb="(\w+)"\/>/g)].map((m) => m[1])).toEqual([
      "FF63BE7B",
      "FFFFEB84",
      "FFF8696B",
    ]);
    expect(two).toMatch(/priority="1"/);
    expect([...two.matchAll(/<cfvo type="(\w+)"(?: val="([^"]*)")?\/>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["num", "15"],
      ["max", undefined],
    ]);
    expect([...two.matchAll(/<color rgb="(\w+)"\/>/g)].map((m) => m[1])).toEqual(["FFFFFFFF", "FF63BE7B"]);
    // The rule sits where the schema puts it: after the sheet's data, before its page setup.
    expect(xml.indexOf("<conditionalFormatting")).toBeGreaterThan(xml.indexOf("</sheetData>"));
  });
});

describe("the preview's color scales", () => {
  test("PERCENTILE.INC as Excel's help gives it", () => {
    expect(percentileInc([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
    expect(percentileInc([7], 0.5)).toBe(7);
    expect(percentileInc([10, 20, 30, 40, 50], 0.5)).toBe(30);
  });

  test("a two-color scale interpolates each channel; the ends take the end colors", () => {
    const color = scaleColors(
      { minimum: { type: "LowestValue", color: "#FFFFFF" }, maximum: { type: "HighestValue", color: "#63BE7B" } },
      [10, 30],
    )!;
    expect(color(10)).toBe("#FFFFFF");
    expect(color(30)).toBe("#63BE7B");
    // Halfway: (255 + 99) / 2 = 177 = B1, (255 + 190) / 2 = 222.5 → 223 = DF, (255 + 123) / 2 = 189 = BD.
    expect(color(20)).toBe("#B1DFBD");
    expect(color(-5)).toBe("#FFFFFF");
    expect(color(99)).toBe("#63BE7B");
    expect(scaleColors({ minimum: { type: "LowestValue" }, maximum: { type: "HighestValue" } }, [])).toBeUndefined();
  });

  test("a three-color scale: the midpoint's percentile splits the range; Number and Percent points", () => {
    const three = {
      minimum: { type: "LowestValue", color: EXCEL.green },
      midpoint: { type: "Percentile", formula: "50", color: EXCEL.yellow },
      maximum: { type: "HighestValue", color: EXCEL.red },
    };
    const color = scaleColors(three, [10, 20, 30, 40, 100])!;
    expect(color(30)).toBe(EXCEL.yellow); // the median of five
    // A quarter of the way from 30 to 100, yellow to red: FF→F8 is 255 − 7·0.25 = 253.25 → FD;
    // EB→69 is 235 − 130·0.25 = 202.5 → CB (half up); 84→6B is 132 − 25·0.25 = 125.75 → 7E.
    expect(color(47.5)).toBe("#FDCB7E");
    const fixed = scaleColors(
      {
        minimum: { type: "Number", formula: "0", color: "#000000" },
        maximum: { type: "Percent", formula: "50", color: "#FF0000" },
      },
      [0, 100],
    )!;
    expect(fixed(25)).toBe("#800000"); // 255 · 25 / 50 = 127.5 → 128
  });

  test("the Excel writer's calls shade the preview's numeric cells from their computed values", async () => {
    const book = new PreviewBook(addin);
    const plan = gridPlan([twoColor]);
    const written = await writePlan(plan, runnerFor(book));
    expect(written.ok).toBe(true);
    const shades = book.shades("Heat");
    // B2:B6 are 10…50; C2 is text and C3:C6 blank: not shaded.
    expect([...shades.keys()].sort()).toEqual(["1:1", "2:1", "3:1", "4:1", "5:1"]);
    expect(shades.get("1:1")).toBe("#FFFFFF");
    expect(shades.get("5:1")).toBe(EXCEL.green);
    expect(shades.get("3:1")).toBe("#B1DFBD"); // 30: halfway, as above
    // An edit recomputes: A6 = 9 makes B6 = 90, so 50 is no longer the top.
    book.engine.setCells("Heat", 5, 0, [[9]]);
    expect(book.shades("Heat").get("5:1")).toBe(EXCEL.green);
    expect(book.shades("Heat").get("4:1")).not.toBe(EXCEL.green);
    book.deleteSheet("Heat");
    expect(book.colorScales).toEqual([]);
  });

  test("other conditional formats and unknown points fail loudly, naming what was asked", async () => {
    const book = new PreviewBook(addin);
    const run = excelFor(book).run;
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").conditionalFormats.add("DataBar");
        await context.sync();
      }),
    ).rejects.toThrow(PREVIEW_MSG.conditionalFormatType("DataBar"));
    await expect(
      run(async (context) => {
        const f = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange("A1:A3")
          .conditionalFormats.add("ColorScale");
        f.colorScale.criteria = { minimum: { type: "Formula", formula: "=A1" }, maximum: { type: "HighestValue" } };
        await context.sync();
      }),
    ).rejects.toThrow(PREVIEW_MSG.colorScaleCriterion("Formula"));
    expect(book.colorScales).toEqual([]);
  });

  test("the example plan has no scale and the preview shades nothing", async () => {
    const book = new PreviewBook(addin);
    await writePlan(buildExamplePlan(), runnerFor(book));
    expect(book.shades(book.active).size).toBe(0);
  });
});
