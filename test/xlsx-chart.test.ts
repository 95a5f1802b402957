/**
 * The chart in the exported .xlsx (issue 13, item 9: "A chart that shows the decision:
 * personal exposure by sale price for both structures"; "the plan stays the single
 * description of a template; the Excel writer, the engine and the `.xlsx` export all produce
 * it"). Each template is exported with `planToXlsx` and the file is read back with JSZip and
 * fast-xml-parser (neither wrote it) against ECMA-376 Part 1: §20.5 (the SpreadsheetML
 * drawing: `twoCellAnchor`, `graphicFrame`), §21.2 (the chart: `lineChart`, `ser`, `numRef`
 * with its `numCache`, `catAx`, `valAx`, `legend`), §18.3.1.99 (CT_Worksheet's order of
 * elements) and Part 2 (relationships and content types). The cached points are compared
 * with a second, separate computation of the plan by the engine.
 *
 * Independent reader: LibreOffice Calc, where installed (not in CI), converts an exported
 * template to .ods; its chart object must hold the plan's series, ranges, titles and legend.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { main } from "../src/engine/cli";
import { loadAddin } from "../src/engine/load-node";
import { ENGINE_MSG as M } from "../src/engine/messages";
import { evaluatePlan, planToXlsx } from "../src/engine/plan-writers";
import { addChart, chartRef, chartXml, CONTENT_TYPES, withDrawing } from "../src/engine/xlsx-chart";
import { buildDealPlan } from "../src/plan/deal";
import { parseAddress, parseRange } from "../src/plan/a1";
import { type PlanChart } from "../src/plan/plan";
import { TEMPLATES } from "../src/plan/templates";
import { capture } from "./helpers";

const addin = loadAddin(path.resolve(__dirname, "..", "dist"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-xlsx-chart-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const REPEATED = new Set(["c:ser", "c:pt", "Relationship", "Override", "Default", "xdr:twoCellAnchor", "a:p", "a:r"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => REPEATED.has(name),
});
type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** CT_Worksheet's children in the order the schema requires (ECMA-376 Part 1 §18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** A range as a chart's formula gives it, worked out here: 'Sheet'!$A$1:$A$9, the name quoted, ' doubled. */
function expectedRef(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
}

/** The parts of an .xlsx as text. */
async function readParts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.file(name);
    if (entry) parts.set(name, await entry.async("string"));
  }
  return parts;
}

/** A part's relationships: id → the target part's name in the zip. */
function relationships(parts: Map<string, string>, part: string): Map<string, { target: string; type: string }> {
  const relsName = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  const xml = parts.get(relsName);
  const out = new Map<string, { target: string; type: string }>();
  if (xml === undefined) return out;
  for (const r of (parser.parse(xml) as Node).Relationships.Relationship as Node[]) {
    const t = r["@Target"] as string;
    const target = t.startsWith("/") ? t.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), t));
    out.set(r["@Id"], { target, type: r["@Type"] });
  }
  return out;
}

/** The text of a rich-text title (`c:title/c:tx/c:rich`). */
function titleText(title: Node | undefined): string {
  const paragraphs = (title?.["c:tx"]?.["c:rich"]?.["a:p"] ?? []) as Node[];
  return paragraphs.map((p) => ((p["a:r"] ?? []) as Node[]).map((r) => r["a:t"]).join("")).join("\n");
}

const cases = TEMPLATES.map((t) => [t.id, buildDealPlan(t)] as const);

describe.each(cases)("%s: the exported .xlsx draws the plan's chart", (id, plan) => {
  const chart = plan.chart as PlanChart;
  let parts = new Map<string, string>();
  let sheetPart = "";
  let drawingPart = "";
  let chartPart = "";

  beforeAll(async () => {
    const file = path.join(dir, `${id}.xlsx`);
    await planToXlsx(addin, plan, file);
    parts = await readParts(file);
    const workbook = parser.parse(parts.get("xl/workbook.xml") ?? "") as Node;
    const sheets = workbook.workbook.sheets.sheet;
    const sheet = (Array.isArray(sheets) ? sheets : [sheets]).find((s: Node) => s["@name"] === plan.sheetName);
    sheetPart = relationships(parts, "xl/workbook.xml").get(sheet["@r:id"])?.target ?? "";
    const worksheet = (parser.parse(parts.get(sheetPart) ?? "") as Node).worksheet;
    drawingPart = relationships(parts, sheetPart).get(worksheet.drawing?.["@r:id"])?.target ?? "";
    const anchor = (parser.parse(parts.get(drawingPart) ?? "") as Node)["xdr:wsDr"]["xdr:twoCellAnchor"][0];
    const chartId = anchor["xdr:graphicFrame"]["a:graphic"]["a:graphicData"]["c:chart"]["@r:id"];
    chartPart = relationships(parts, drawingPart).get(chartId)?.target ?? "";
  });

  test("the plan has a chart to draw", () => {
    expect(chart?.series.length).toBeGreaterThan(0);
  });

  test("the sheet's <drawing> leads through the relationships to a drawing part and on to a chart part", () => {
    expect(sheetPart).toBe("xl/worksheets/sheet1.xml");
    expect(drawingPart).toBe("xl/drawings/drawing1.xml");
    expect(chartPart).toBe("xl/charts/chart1.xml");
    expect(relationships(parts, sheetPart).get("rId1")?.type).toBe(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
    );
    expect([...relationships(parts, drawingPart).values()]).toEqual([
      {
        target: "xl/charts/chart1.xml",
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
      },
    ]);
  });

  test("every part is well-formed XML, has its content type, and every relationship's target exists", () => {
    const types = (parser.parse(parts.get("[Content_Types].xml") ?? "") as Node).Types;
    const overrides = new Map((types.Override as Node[]).map((o) => [o["@PartName"], o["@ContentType"]]));
    const defaults = new Map((types.Default as Node[]).map((d) => [d["@Extension"], d["@ContentType"]]));
    expect(overrides.get("/xl/drawings/drawing1.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.drawing+xml",
    );
    expect(overrides.get("/xl/charts/chart1.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    );
    for (const [name, xml] of parts) {
      expect([name, XMLValidator.validate(xml)]).toEqual([name, true]);
      if (name === "[Content_Types].xml") continue;
      const type = overrides.get(`/${name}`) ?? defaults.get(name.split(".").pop() ?? "");
      expect([name, typeof type]).toEqual([name, "string"]);
      if (name.endsWith(".rels")) continue;
      for (const [rid, rel] of relationships(parts, name))
        expect([name, rid, parts.has(rel.target)]).toEqual([name, rid, true]);
    }
    for (const part of overrides.keys()) expect([part, parts.has(part.slice(1))]).toEqual([part, true]);
  });

  test("<drawing> sits where CT_Worksheet's sequence puts it (after the page setup, before any legacy drawing)", () => {
    const ordered = new XMLParser({ preserveOrder: true }).parse(parts.get(sheetPart) ?? "") as Node[];
    const root = ordered.find((n) => "worksheet" in n) as Node;
    const children = (root.worksheet as Node[]).map((n) => Object.keys(n)[0]);
    expect(children.filter((c) => c === "drawing")).toHaveLength(1);
    const positions = children.map((c) => WORKSHEET_ORDER.indexOf(c));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test("anchored from the top-left corner of the plan's `from` cell to the bottom-right corner of its `to` cell", () => {
    const anchors = (parser.parse(parts.get(drawingPart) ?? "") as Node)["xdr:wsDr"]["xdr:twoCellAnchor"] as Node[];
    expect(anchors).toHaveLength(1);
    const corner = (m: Node) => ({
      row: Number(m["xdr:row"]),
      col: Number(m["xdr:col"]),
      offsets: [Number(m["xdr:rowOff"]), Number(m["xdr:colOff"])],
    });
    const from = parseAddress(chart.from);
    const to = parseAddress(chart.to);
    expect(corner(anchors[0]["xdr:from"])).toEqual({ ...from, offsets: [0, 0] });
    // The cell after `to` at offset 0 is `to`'s bottom-right corner (Office.js setPosition(from, to) covers `to`).
    expect(corner(anchors[0]["xdr:to"])).toEqual({ row: to.row + 1, col: to.col + 1, offsets: [0, 0] });
    expect(anchors[0]["xdr:clientData"]).toBeDefined();
  });

  test("a line chart: a series per plan series, its literal name and its categories and values on the sheet", () => {
    const space = (parser.parse(parts.get(chartPart) ?? "") as Node)["c:chartSpace"];
    const line = space["c:chart"]["c:plotArea"]["c:lineChart"];
    const series = line["c:ser"] as Node[];
    expect(series.map((s) => s["c:tx"]["c:v"])).toEqual(chart.series.map((s) => s.name));
    expect(series.map((s) => s["c:idx"]["@val"])).toEqual(chart.series.map((_s, i) => String(i)));
    for (const [i, s] of series.entries()) {
      expect(s["c:cat"]["c:numRef"]["c:f"]).toBe(expectedRef(plan.sheetName, chart.categories));
      expect(s["c:val"]["c:numRef"]["c:f"]).toBe(expectedRef(plan.sheetName, chart.series[i].values));
      expect(s["c:marker"]["c:symbol"]["@val"]).toBe("circle");
    }
    expect(space["c:chart"]["c:title"] && titleText(space["c:chart"]["c:title"])).toBe(chart.title);
  });

  test("each series caches the values the engine computes for its cells (the chart shows before recalculation)", () => {
    const engine = evaluatePlan(addin, plan);
    try {
      const computed = (range: string) => {
        const r = parseRange(range);
        return Array.from({ length: r.bottom - r.top + 1 }, (_x, k) => engine.value(plan.sheetName, r.top + k, r.left));
      };
      const cached = (ref: Node) => {
        const cache = ref["c:numRef"]["c:numCache"];
        const values: unknown[] = Array.from({ length: Number(cache["c:ptCount"]["@val"]) }, () => null);
        for (const pt of (cache["c:pt"] ?? []) as Node[]) values[Number(pt["@idx"])] = Number(pt["c:v"]);
        return values;
      };
      const space = (parser.parse(parts.get(chartPart) ?? "") as Node)["c:chartSpace"];
      const series = space["c:chart"]["c:plotArea"]["c:lineChart"]["c:ser"] as Node[];
      for (const [i, s] of series.entries()) {
        const values = computed(chart.series[i].values);
        expect(values.every((v) => typeof v === "number")).toBe(true);
        expect([chart.series[i].name, cached(s["c:val"])]).toEqual([chart.series[i].name, values]);
        expect(cached(s["c:cat"])).toEqual(computed(chart.categories));
      }
    } finally {
      engine.destroy();
    }
  });

  test("axes: the plan's titles and number formats (not linked to the cells), outside ticks, labels low; legend below", () => {
    const c = (parser.parse(parts.get(chartPart) ?? "") as Node)["c:chartSpace"]["c:chart"];
    const area = c["c:plotArea"];
    const axes = [
      [area["c:catAx"], chart.xTitle, chart.xFormat],
      [area["c:valAx"], chart.yTitle, chart.yFormat],
    ] as const;
    for (const [axis, title, format] of axes) {
      expect(titleText(axis["c:title"])).toBe(title);
      expect(axis["c:numFmt"]).toEqual({ "@formatCode": format, "@sourceLinked": "0" });
      expect(axis["c:majorTickMark"]["@val"]).toBe("out");
      expect(axis["c:tickLblPos"]["@val"]).toBe("low");
      expect(axis["c:delete"]["@val"]).toBe("0");
    }
    // The two axes cross each other, and the line chart plots on both.
    const ids = area["c:lineChart"]["c:axId"].map((a: Node) => a["@val"]);
    expect(ids).toEqual([area["c:catAx"]["c:axId"]["@val"], area["c:valAx"]["c:axId"]["@val"]]);
    expect(area["c:catAx"]["c:crossAx"]["@val"]).toBe(ids[1]);
    expect(area["c:valAx"]["c:crossAx"]["@val"]).toBe(ids[0]);
    expect(c["c:legend"]["c:legendPos"]["@val"]).toBe("b");
  });

  test("the chart's text size: the plan's points, in hundredths, as every text's default (c:txPr)", () => {
    const space = (parser.parse(parts.get(chartPart) ?? "") as Node)["c:chartSpace"];
    expect(chart.fontSize).toBe(12);
    const paragraph = ([] as Node[]).concat(space["c:txPr"]["a:p"])[0];
    expect(paragraph["a:pPr"]["a:defRPr"]["@sz"]).toBe(String((chart.fontSize ?? 0) * 100));
  });

  test("everything else is as ExcelJS writes it: the same parts, byte for byte, but for the chart's additions", async () => {
    const bare = path.join(dir, `${id}-bare.xlsx`);
    await planToXlsx(addin, { ...plan, chart: undefined }, bare);
    const without = await readParts(bare);
    const added = [
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ];
    expect([...parts.keys()].filter((k) => !without.has(k)).sort()).toEqual(added);
    expect([...without.keys()].filter((k) => !parts.has(k))).toEqual([]);
    // docProps/core.xml records when the file was made.
    const undated = (xml: string) => xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, "$1");
    for (const [name, xml] of without) {
      let expected = xml;
      if (name === sheetPart) expected = xml.replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>');
      if (name === "[Content_Types].xml")
        expected = xml.replace(
          "</Types>",
          '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
            '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
        );
      expect([name, undated(parts.get(name) ?? "")]).toEqual([name, undated(expected)]);
    }
  });
});

describe("the chart's parts, piece by piece", () => {
  const chart: PlanChart = {
    title: "Exposure <by> price & law",
    categories: "A2:A4",
    series: [{ name: 'The "R&D" line', values: "B2:B4" }],
    from: "D2",
    to: "H12",
    xTitle: "Price",
    yTitle: "Exposure",
    xFormat: "0%",
    yFormat: "#,##0",
  };

  test("a chart's reference quotes the sheet name and doubles its apostrophes", () => {
    expect(chartRef("Bob's deal", "A2:A4")).toBe("'Bob''s deal'!$A$2:$A$4");
    expect(chartRef("Deal", "B7")).toBe("'Deal'!$B$7");
  });

  test("a cell that is not a number is a gap in the cache: no point, the count kept", () => {
    const values: Record<string, unknown> = {
      "1:0": 0.5,
      "2:0": 0.75,
      "3:0": 1,
      "1:1": 10,
      "2:1": { error: "#N/A" },
      "3:1": "text",
    };
    const xml = chartXml(
      chart,
      "Deal",
      (r, c) => values[`${r}:${c}`] ?? null,
      () => "General",
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const ser = (parser.parse(xml) as Node)["c:chartSpace"]["c:chart"]["c:plotArea"]["c:lineChart"]["c:ser"][0];
    const cache = ser["c:val"]["c:numRef"]["c:numCache"];
    expect(cache["c:ptCount"]["@val"]).toBe("3");
    expect(cache["c:pt"]).toEqual([{ "@idx": "0", "c:v": "10" }]);
    expect(ser["c:tx"]["c:v"]).toBe('The "R&D" line');
    expect(titleText((parser.parse(xml) as Node)["c:chartSpace"]["c:chart"]["c:title"])).toBe(chart.title);
  });

  test("an axis without a format keeps its cells' (sourceLinked 1); without a title it has none", () => {
    const plain = chartXml(
      { ...chart, xFormat: undefined, xTitle: undefined },
      "Deal",
      () => 1,
      () => "0.00",
    );
    const cat = (parser.parse(plain) as Node)["c:chartSpace"]["c:chart"]["c:plotArea"]["c:catAx"];
    expect(cat["c:numFmt"]).toEqual({ "@formatCode": "General", "@sourceLinked": "1" });
    expect(cat["c:title"]).toBeUndefined();
  });

  test("<drawing> goes before the elements that follow it in CT_Worksheet, else last", () => {
    const root = '<worksheet xmlns:r="x">';
    expect(withDrawing(`${root}<pageSetup/><legacyDrawing r:id="rId1"/><tableParts/></worksheet>`, "rId2")).toBe(
      `${root}<pageSetup/><drawing r:id="rId2"/><legacyDrawing r:id="rId1"/><tableParts/></worksheet>`,
    );
    expect(withDrawing(`${root}<pageSetup/><extLst/></worksheet>`, "rId1")).toBe(
      `${root}<pageSetup/><drawing r:id="rId1"/><extLst/></worksheet>`,
    );
    expect(withDrawing(`${root}<headerFooter/></worksheet>`, "rId1")).toBe(
      `${root}<headerFooter/><drawing r:id="rId1"/></worksheet>`,
    );
  });

  test("a worksheet without the r: prefix gets it declared; one without </worksheet> is refused", () => {
    const out = withDrawing('<worksheet xmlns="m"><sheetData/></worksheet>', "rId1");
    expect(out).toBe(
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="m"><sheetData/><drawing r:id="rId1"/></worksheet>',
    );
    expect(XMLValidator.validate(out)).toBe(true);
    expect(() => withDrawing("<worksheet>", "rId1")).toThrow(/no <\/worksheet>/);
  });

  /** A one-sheet workbook from ExcelJS, with a hyperlink (so the sheet already has a relationship). */
  async function workbook(sheetName: string): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(sheetName);
    [0.5, 0.75, 1].forEach((v, i) => {
      ws.getCell(`A${i + 2}`).value = v;
      ws.getCell(`B${i + 2}`).value = 100 * (3 - i);
    });
    ws.getCell("C1").value = { text: "link", hyperlink: "https://example.com/" };
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  test("a sheet name with & and ' survives; the sheet's existing relationship keeps rId1, the drawing takes the next", async () => {
    const name = "R&D's deal";
    const values = [
      [0.5, 300],
      [0.75, 200],
      [1, 100],
    ];
    const bytes = await addChart(
      await workbook(name),
      chart,
      name,
      (r, c) => values[r - 1]?.[c] ?? null,
      () => "0",
    );
    const zip = await JSZip.loadAsync(bytes);
    const text = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
    const rels = (parser.parse(await text("xl/worksheets/_rels/sheet1.xml.rels")) as Node).Relationships.Relationship;
    expect(rels.map((r: Node) => [r["@Id"], r["@TargetMode"] ?? r["@Target"]])).toEqual([
      ["rId1", "External"],
      ["rId2", "../drawings/drawing1.xml"],
    ]);
    expect((parser.parse(await text("xl/worksheets/sheet1.xml")) as Node).worksheet.drawing["@r:id"]).toBe("rId2");
    const chartPart = await text("xl/charts/chart1.xml");
    expect(XMLValidator.validate(chartPart)).toBe(true);
    const ser = (parser.parse(chartPart) as Node)["c:chartSpace"]["c:chart"]["c:plotArea"]["c:lineChart"]["c:ser"][0];
    expect(ser["c:cat"]["c:numRef"]["c:f"]).toBe("'R&D''s deal'!$A$2:$A$4");
    expect(ser["c:val"]["c:numRef"]["c:numCache"]["c:pt"].map((p: Node) => Number(p["c:v"]))).toEqual([300, 200, 100]);
    const types = await text("[Content_Types].xml");
    expect(types).toContain(`ContentType="${CONTENT_TYPES.chart}"`);
    expect(types).toContain(`ContentType="${CONTENT_TYPES.drawing}"`);
  });

  test("a sheet the workbook does not have, or a workbook that already has a chart, is refused", async () => {
    const bytes = await workbook("Deal");
    await expect(
      addChart(
        bytes,
        chart,
        "Other",
        () => 1,
        () => "0",
      ),
    ).rejects.toThrow(/no sheet named Other/);
    const once = await addChart(
      bytes,
      chart,
      "Deal",
      () => 1,
      () => "0",
    );
    await expect(
      addChart(
        once,
        chart,
        "Deal",
        () => 1,
        () => "0",
      ),
    ).rejects.toThrow(/already has a drawing or chart/);
  });
});

describe("planToXlsx writes to a temporary name, then renames", () => {
  const plan = cases[0][1];

  test("an existing file is replaced whole and no temporary file is left beside it", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "atomic-"));
    const file = path.join(folder, "deal.xlsx");
    fs.writeFileSync(file, "an older file");
    await planToXlsx(addin, plan, file);
    expect(fs.readdirSync(folder)).toEqual(["deal.xlsx"]);
    expect(Object.keys((await JSZip.loadAsync(fs.readFileSync(file))).files)).toContain("xl/charts/chart1.xml");
  });

  test("a folder that does not exist: a plain message, nothing written", async () => {
    const file = path.join(dir, "no-such-folder", "deal.xlsx");
    await expect(planToXlsx(addin, plan, file)).rejects.toThrow(/cannot be written: the folder .* does not exist/);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });
});

describe("loan template -o FILE.xlsx", () => {
  test("writes the chart and says so; --values keeps it (its cache holds the same numbers)", async () => {
    const plan = cases[0][1];
    for (const flags of [[], ["--values"]]) {
      const io = capture();
      const file = path.join(dir, `cli${flags.join("")}.xlsx`);
      expect(
        await main(["template", cases[0][0], "-o", file, ...flags], io, path.resolve(__dirname, "..", "dist")),
      ).toBe(0);
      const formulas = plan.cells.filter((c) => c.formula !== undefined).length;
      expect(io.stdout).toContain(
        M.templateSheet(plan.sheetName, formulas, plan.names?.length ?? 0, plan.chart?.title),
      );
      expect(io.stdout.join("\n")).toContain(`chart: ${plan.chart?.title}`);
      const parts = await readParts(file);
      const ser = (parser.parse(parts.get("xl/charts/chart1.xml") ?? "") as Node)["c:chartSpace"]["c:chart"][
        "c:plotArea"
      ]["c:lineChart"]["c:ser"] as Node[];
      expect(ser.map((x) => x["c:tx"]["c:v"])).toEqual(plan.chart?.series.map((x) => x.name));
    }
  });
});

/** Whether LibreOffice's soffice runs here (CI has none). */
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const why = soffice ? "" : " (skipped: LibreOffice's soffice is not installed; CI has none)";

describe("LibreOffice Calc reads the exported chart (an independent reader)", () => {
  (soffice ? test : test.skip)(
    `residential-ca-tx → .ods: a line chart with the plan's series, ranges, titles and legend${why}`,
    async () => {
      const plan = buildDealPlan(TEMPLATES.find((t) => t.id === "residential-ca-tx") as (typeof TEMPLATES)[number]);
      const chart = plan.chart as PlanChart;
      const folder = fs.mkdtempSync(path.join(dir, "lo-"));
      const xlsx = path.join(folder, "ca-tx.xlsx");
      await planToXlsx(addin, plan, xlsx);
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), "loan-lo-profile-"));
      try {
        const run = spawnSync(
          "soffice",
          [
            "--headless",
            "--norestore",
            `-env:UserInstallation=file://${profile}`,
            "--convert-to",
            "ods",
            "--outdir",
            folder,
            xlsx,
          ],
          { encoding: "utf8", timeout: 120000 },
        );
        expect(run.status).toBe(0);
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
      const ods = await JSZip.loadAsync(fs.readFileSync(path.join(folder, "ca-tx.ods")));
      const content = (await ods.file("content.xml")?.async("string")) ?? "";
      const frame = /<draw:frame\b[^>]*draw:name="Chart 1"[^>]*>\s*<draw:object\b[^>]*xlink:href="\.\/([^"]+)"/.exec(
        content,
      );
      expect(frame).not.toBeNull();
      const object = (await ods.file(`${frame?.[1]}/content.xml`)?.async("string")) ?? "";
      const decode = (s: string) =>
        s
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&");
      expect(object).toMatch(/<chart:chart\b[^>]*chart:class="chart:line"/);
      // LibreOffice writes a range as 'Sheet'.B284:'Sheet'.B290.
      const loRange = (range: string) => {
        const quoted = `'${plan.sheetName}'`;
        return range
          .split(":")
          .map((a) => `${quoted}.${a}`)
          .join(":");
      };
      const series = [...object.matchAll(/<chart:series\b[^>]*>/g)].map((m) => ({
        values: decode(/chart:values-cell-range-address="([^"]*)"/.exec(m[0])?.[1] ?? ""),
        label: decode(/loext:label-string="([^"]*)"/.exec(m[0])?.[1] ?? ""),
      }));
      expect(series).toEqual(chart.series.map((s) => ({ values: loRange(s.values), label: `"${s.name}"` })));
      expect(decode(/<chart:categories table:cell-range-address="([^"]*)"/.exec(object)?.[1] ?? "")).toBe(
        loRange(chart.categories),
      );
      const texts = [...object.matchAll(/<text:p>([^<]*)<\/text:p>/g)].map((m) => decode(m[1]));
      expect(texts.slice(0, 3)).toEqual([chart.title, chart.xTitle, chart.yTitle]);
      expect(object).toMatch(/<chart:legend\b[^>]*chart:legend-position="bottom"/);
      // The frame ends in the plan's `to` cell (LibreOffice anchors at the cell and an offset within it).
      expect(decode(/table:end-cell-address="([^"]*)"/.exec(content)?.[1] ?? "")).toBe(loRange(chart.to));
    },
  );
});
