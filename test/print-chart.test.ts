/**
 * Printing the deal templates (issue 13: "prints with labels on every page"): each plan's
 * print setup (landscape Letter, every column on one page across, the title and column
 * headings repeated at the top of every page and the row labels of column A at the left,
 * over every cell and the chart), and the same setup in the exported .xlsx, read from the
 * file's own XML (ECMA-376 Part 1: §18.3.1.63 pageSetup, §18.3.1.65 pageSetUpPr, §18.2.5
 * definedName with the built-in names _xlnm.Print_Titles and _xlnm.Print_Area).
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan, planToXlsx } from "../src/engine/plan-writers";
import { buildDealPlan } from "../src/plan/deal";
import { parseAddress, parseRange } from "../src/plan/a1";
import { type SheetPlan } from "../src/plan/plan";
import { TEMPLATES } from "../src/plan/templates";
import { VALUE_ADD } from "../src/plan/templates/value-add";
import { PreviewBook } from "../src/preview/book";
import { excelFor, runnerFor } from "../src/preview/excel-api";
import { writePlan } from "../src/taskpane/excel-writer";

const addin = loadAddin(path.resolve(__dirname, "..", "dist"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-print-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cases = TEMPLATES.map((t) => [t.id, buildDealPlan(t)] as const);

/** The text of the plan's cell at `address`, if it is a text constant. */
function textAt(plan: SheetPlan, address: string): string | undefined {
  const v = plan.cells.find((c) => c.address === address)?.value;
  return typeof v === "string" ? v : undefined;
}

describe.each(cases)("%s: print setup", (_id, plan) => {
  const print = plan.print;
  // The summary's column headings: the row under the frozen title and legend (1-based).
  const header = (plan.freeze?.rows ?? 0) + 1;

  test("landscape Letter, fit to one page wide (the pages down are automatic)", () => {
    expect(print).toMatchObject({ orientation: "landscape", paper: "letter", fitToPagesWide: 1 });
  });

  test("the title and legend repeat on every page; the column headings head the summary, not every page", () => {
    // Issue 25 item 2: each section names its own columns (test/section-headings.test.ts), so the
    // pair headings do not print over a grid's years or volatilities.
    expect(header).toBe(3);
    expect(print?.titleRows).toBe("1:2");
    const headings = [1, 2, 3, 4].map((c) => textAt(plan, `${"ABCDE"[c]}${header}`));
    expect(headings).toEqual(["Recourse", "Non-recourse", "Non-recourse − recourse", "Source / note"]);
    expect(textAt(plan, "A1")).toBeTruthy();
  });

  test("column A, the row labels, repeats at the left of every page", () => {
    expect(print?.titleColumns).toBe("A:A");
    // Every label of the side-by-side table is in A: each row with a formula in B or C has text in A.
    const rows = new Set(
      plan.cells.filter((c) => c.formula && /^[BC]\d+$/.test(c.address)).map((c) => parseAddress(c.address).row),
    );
    const labelled = new Set(
      plan.cells.filter((c) => /^A\d+$/.test(c.address)).map((c) => parseAddress(c.address).row),
    );
    expect([...rows].filter((r) => !labelled.has(r))).toEqual([]);
  });

  test("a page break above the chart's heading, so the chart never prints across two pages", () => {
    const chartTop = parseRange(plan.chart?.from ?? "").top; // 0-based: the heading's row, 1-based
    expect(print?.breaksBefore).toEqual([chartTop]);
    expect(textAt(plan, `A${chartTop}`)).toMatch(/^Chart/);
  });

  test("the print area holds every cell and the chart", () => {
    const area = parseRange(print?.area ?? "");
    expect(area.top).toBe(0);
    expect(area.left).toBe(0);
    const corners = [...plan.cells.map((c) => c.address), plan.chart?.from, plan.chart?.to].filter(
      (a): a is string => a !== undefined,
    );
    for (const a of corners) {
      const { row, col } = parseAddress(a);
      expect([a, row <= area.bottom && col <= area.right]).toEqual([a, true]);
    }
  });
});

describe.each(cases)("%s: the exported .xlsx carries the print setup", (id, plan) => {
  let sheetXml = "";
  let workbookXml = "";
  let stylesXml = "";

  beforeAll(async () => {
    const file = path.join(dir, `${id}.xlsx`);
    await planToXlsx(addin, plan, file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    sheetXml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    stylesXml = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
  });

  /** The attributes of the first `<tag …>` element. */
  function attributes(xml: string, tag: string): Record<string, string> {
    const m = new RegExp(`<${tag}\\b([^>]*?)/?>`).exec(xml);
    if (!m) return {};
    return Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
  }

  test("<pageSetup>: landscape, Letter (paperSize 1), fitToWidth 1, fitToHeight 0 (automatic)", () => {
    expect(attributes(sheetXml, "pageSetup")).toMatchObject({
      orientation: "landscape",
      paperSize: "1",
      fitToWidth: "1",
      fitToHeight: "0",
    });
  });

  test("<rowBreaks>: one manual break, after the row above the chart's heading (ECMA-376 §18.3.1.74)", () => {
    const breaks = [...sheetXml.matchAll(/<brk\b([^>]*)\/>/g)].map((m) => attributes(m[0], "brk"));
    const heading = plan.print?.breaksBefore?.[0] ?? 0;
    expect(breaks).toHaveLength(1);
    // brk id: the 1-based row the page break follows.
    expect(breaks[0]).toMatchObject({ id: String(heading - 1), man: "1" });
  });

  test("<pageMargins>: Excel's Narrow preset, in inches (ECMA-376 §18.3.1.62)", () => {
    expect(attributes(sheetXml, "pageMargins")).toEqual({
      left: "0.25",
      right: "0.25",
      top: "0.75",
      bottom: "0.75",
      header: "0.3",
      footer: "0.3",
    });
  });

  test("the cells the plan wraps, and only those, have a style with wrapText; their rows have no set height", () => {
    const xfs = [
      ...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(stylesXml)?.[1] ?? "").matchAll(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/gs),
    ];
    const wrapping = new Set(xfs.flatMap((m, i) => (/wrapText="1"/.test(m[0]) ? [String(i)] : [])));
    const styled = [...sheetXml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?\bs="(\d+)"/g)];
    const wrapped = styled.filter((m) => wrapping.has(m[2])).map((m) => m[1]);
    expect(wrapped.sort()).toEqual(
      plan.cells
        .filter((c) => c.wrap)
        .map((c) => c.address)
        .sort(),
    );
    expect(wrapped.length).toBeGreaterThan(0);
    expect(sheetXml).not.toMatch(/customHeight="1"/);
  });

  test("every styled cell names its font: Calibri 11 (no font left to the reader's default)", () => {
    const fonts = [...(/<fonts[^>]*>(.*?)<\/fonts>/s.exec(stylesXml)?.[1] ?? "").matchAll(/<font>(.*?)<\/font>/gs)];
    for (const f of fonts) {
      expect(f[1]).toMatch(/<sz val="11"\/>/);
      expect(f[1]).toMatch(/<name val="Calibri"\/>/);
    }
  });

  test('<sheetPr><pageSetUpPr fitToPage="1"/>: the fit-to settings are in force (not the scale)', () => {
    expect(sheetXml).toMatch(/<sheetPr\b[^>]*>(?:(?!<\/sheetPr>).)*<pageSetUpPr\b[^>]*fitToPage="1"/s);
  });

  /** A defined name's text, its XML entities decoded. */
  function definedName(name: string): string | undefined {
    const m = new RegExp(
      `<definedName name="${name.replace(/\./g, "\\.")}" localSheetId="0">([^<]*)</definedName>`,
    ).exec(workbookXml);
    const entities: Record<string, string> = { apos: "'", quot: '"', amp: "&", lt: "<", gt: ">" };
    return m?.[1].replace(/&(apos|quot|amp|lt|gt);/g, (_e, k: string) => entities[k]);
  }

  test("_xlnm.Print_Titles: column A and the title rows; _xlnm.Print_Area: the plan's area", () => {
    const quoted = `'${plan.sheetName.replace(/'/g, "''")}'`;
    // The title and legend rows (issue 25: each section names its own columns below them).
    const [, last] = (plan.print?.titleRows ?? "").split(":");
    expect(last).toBe("2");
    expect(definedName("_xlnm.Print_Titles")).toBe(`${quoted}!$A:$A,${quoted}!$1:$${last}`);
    const abs = (plan.print?.area ?? "").replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    expect(definedName("_xlnm.Print_Area")).toBe(`${quoted}!${abs}`);
  });
});

describe.each(cases)("%s: the chart of personal exposure against sale price (issue 13, item 9)", (_id, plan) => {
  const chart = plan.chart;
  const template = TEMPLATES.find((t) => buildDealPlan(t).sheetName === plan.sheetName);
  const states = [template?.inputs.state, ...(template?.compareState ? [template.compareState] : [])];

  test("a line per structure, per state's law when the template compares two", () => {
    const names = chart?.series.map((x) => x.name);
    if (states.length === 1) expect(names).toEqual(["Recourse", "Non-recourse"]);
    else expect(names).toEqual(states.flatMap((st) => [`Recourse (${st} law)`, `Non-recourse (${st} law)`]));
  });

  test("axis titles and tick-label formats: the share of value in %, the exposure in money", () => {
    expect(chart).toMatchObject({
      xTitle: "Sale price (share of the property's value)",
      yTitle: "Personal exposure",
      xFormat: "0%",
      yFormat: "#,##0",
    });
  });

  test("every series has one value per category; the categories are the sensitivity list's shares", () => {
    const span = (ref: string) => {
      const r = parseRange(ref);
      return r.bottom - r.top + 1;
    };
    const n = template?.sensitivity.length;
    expect(span(chart?.categories ?? "")).toBe(n);
    for (const x of chart?.series ?? []) expect([x.name, span(x.values)]).toEqual([x.name, n]);
    const first = parseRange(chart?.categories ?? "").top;
    const shares = template?.sensitivity.map(
      (_v, i) => plan.cells.find((c) => c.address === `A${first + i + 1}`)?.value,
    );
    expect(shares).toEqual(template?.sensitivity);
  });

  test("it sits on empty rows over A:E, inside the print area's width and below the tables it draws", () => {
    const at = parseRange(`${chart?.from}:${chart?.to}`);
    expect([at.left, at.right]).toEqual([0, 4]);
    const under = plan.cells.filter((c) => {
      const { row, col } = parseAddress(c.address);
      return row >= at.top && row <= at.bottom && col <= at.right;
    });
    expect(under).toEqual([]);
    for (const x of chart?.series ?? []) expect(parseRange(x.values).bottom).toBeLessThan(at.top);
  });

  test("computed: every point is a number ≥ 0, and no line rises as the sale price rises", () => {
    const engine = evaluatePlan(addin, plan);
    try {
      for (const x of chart?.series ?? []) {
        const r = parseRange(x.values);
        const ys: unknown[] = [];
        for (let row = r.top; row <= r.bottom; row++) ys.push(engine.value(plan.sheetName, row, r.left));
        for (const y of ys) expect([x.name, typeof y === "number" && y >= 0]).toEqual([x.name, true]);
        const n = ys as number[];
        for (let i = 1; i < n.length; i++) expect(n[i]).toBeLessThanOrEqual(n[i - 1] + 0.005);
      }
    } finally {
      engine.destroy();
    }
  });
});

describe("the preview keeps what the pane writes for print (its stand-in Excel API)", () => {
  test("margins in points, the page break above the chart, wrapped cells and the chart's text size", async () => {
    const plan = buildDealPlan(VALUE_ADD);
    const book = new PreviewBook(addin);
    const written = await writePlan(plan, runnerFor(book), () => true);
    expect(written).toMatchObject({ ok: true });
    const sheet = written.ok ? written.sheetName : "";
    const print = book.print.get(sheet);
    // Excel's Narrow preset: 0.25 inch a side, 0.75 top and bottom, 0.3 header and footer (72 points an inch).
    expect(print?.margins).toEqual({ left: 18, right: 18, top: 54, bottom: 54, header: 21.6, footer: 21.6 });
    expect(print?.breaksBefore).toEqual(plan.print?.breaksBefore);
    const wrapped = plan.cells.filter((c) => c.wrap);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const c of wrapped) {
      const { row, col } = parseAddress(c.address);
      expect([c.address, book.style(sheet, row, col)?.wrap]).toEqual([c.address, true]);
    }
    const unwrapped = plan.cells.find((c) => !c.wrap && typeof c.value === "string");
    const at = parseAddress(unwrapped?.address ?? "A1");
    expect(book.style(sheet, at.row, at.col)?.wrap).toBeUndefined();
    expect(book.charts.find((c) => c.sheet === sheet)?.fontSize).toBe(plan.chart?.fontSize);
  });

  test("a negative margin is refused, as Excel refuses it, and names the side", async () => {
    const book = new PreviewBook(addin);
    const run = excelFor(book).run;
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().pageLayout.leftMargin = -1;
        await context.sync();
      }),
    ).rejects.toThrow(/left margin -1/);
  });
});
