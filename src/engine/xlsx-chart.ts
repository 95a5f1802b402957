/**
 * A plan's chart in an .xlsx file. ExcelJS writes no charts, so the chart is added to the
 * workbook ExcelJS has written, as the DrawingML parts Excel writes for one (ECMA-376 Part 1:
 * §20.5 SpreadsheetML drawing, §21.2 charts):
 *
 * - `xl/charts/chart1.xml`: a line chart as the Excel writer draws it (src/taskpane/excel-writer.ts):
 *   a series per plan series, its name a literal, its categories and values formulas on the
 *   plan's sheet with the engine's computed values cached beside them (so the chart shows before
 *   any recalculation), markers, both axes titled with outside tick marks, tick labels at the
 *   low end and the plan's number formats, the legend at the bottom;
 * - `xl/drawings/drawing1.xml`: the chart's frame, anchored from the top-left corner of the plan's
 *   `from` cell to the bottom-right corner of its `to` cell (as Office.js `setPosition(from, to)`);
 * - the relationships from the sheet to the drawing and from the drawing to the chart, the
 *   sheet's `<drawing>` element and the parts' content types.
 *
 * Every other part of the workbook is left as ExcelJS wrote it.
 */
import JSZip from "jszip";
import { absoluteRef, parseAddress, parseRange } from "../plan/a1";
import { type PlanChart } from "../plan/plan";

/** A cell's computed value (a number, text, a boolean, an error or nothing), 0-based. */
export type ValueAt = (row: number, col: number) => unknown;

const NS = {
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

const REL_TYPE = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
} as const;

export const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The category and value axes' ids (any two distinct numbers that the axes cross-reference). */
const AXIS_IDS = [500000001, 500000002] as const;

/** The elements that may follow `<drawing>` in a worksheet (CT_Worksheet's sequence, §18.3.1.99). */
const AFTER_DRAWING = [
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

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text escaped for XML content and attribute values. */
export function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An attribute's text with its entities decoded (the five named ones and numeric ones). */
function unescapeXml(s: string): string {
  return s.replace(
    /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g,
    (_m, name?: string, dec?: string, hex?: string) =>
      name ? ENTITIES[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex ?? "0", 16)),
  );
}

/** A range of a sheet as a chart's formula refers to it: 'Deal 1'!$A$10:$A$20 (the name always quoted). */
export function chartRef(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${absoluteRef(range)}`;
}

/** The cells of a one-column (or one-row) range, 0-based, in order. */
function rangeCells(range: string): { row: number; col: number }[] {
  const r = parseRange(range);
  const cells = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push({ row, col });
  return cells;
}

/** A number reference with its cache: the numbers of the range (other values are left out: gaps). */
function numRef(sheetName: string, range: string, valueAt: ValueAt, formatCode: string): string {
  const cells = rangeCells(range);
  const points = cells.flatMap(({ row, col }, i) => {
    const v = valueAt(row, col);
    return typeof v === "number" && Number.isFinite(v) ? [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`] : [];
  });
  return (
    `<c:numRef><c:f>${xmlText(chartRef(sheetName, range))}</c:f><c:numCache>` +
    `<c:formatCode>${xmlText(formatCode)}</c:formatCode><c:ptCount val="${cells.length}"/>${points.join("")}` +
    `</c:numCache></c:numRef>`
  );
}

/** A title of the chart or an axis, as rich text. */
function title(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

/** An axis's shared elements (EG_AxShared): its title, number format, outside ticks and labels at the low end. */
function axis(id: number, cross: number, position: "b" | "l", name?: string, format?: string, gridlines = false) {
  return (
    `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${position}"/>${gridlines ? "<c:majorGridlines/>" : ""}${name ? title(name) : ""}` +
    `<c:numFmt formatCode="${xmlText(format ?? "General")}" sourceLinked="${format ? 0 : 1}"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/>`
  );
}

/**
 * The chart part: a line chart of the plan's series over its categories. `formatAt` gives the
 * number format of a range's first cell (the cache's format code).
 */
export function chartXml(chart: PlanChart, sheetName: string, valueAt: ValueAt, formatAt: (range: string) => string) {
  const [x, y] = AXIS_IDS;
  const series = chart.series.map(
    (s, i) =>
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>` +
      `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` +
      `<c:cat>${numRef(sheetName, chart.categories, valueAt, formatAt(chart.categories))}</c:cat>` +
      `<c:val>${numRef(sheetName, s.values, valueAt, formatAt(s.values))}</c:val><c:smooth val="0"/></c:ser>`,
  );
  return (
    `${DECLARATION}<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}<c:marker val="1"/>` +
    `<c:axId val="${x}"/><c:axId val="${y}"/></c:lineChart>` +
    `<c:catAx>${axis(x, y, "b", chart.xTitle, chart.xFormat)}<c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx>${axis(y, x, "l", chart.yTitle, chart.yFormat, true)}<c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>${textSize(chart.fontSize)}</c:chartSpace>`
  );
}

/**
 * The chart's text properties (c:txPr, after c:chart in CT_ChartSpace): the default run size
 * in hundredths of a point, which every title, tick label and legend entry inherits.
 */
function textSize(points: number | undefined): string {
  if (!points) return "";
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${Math.round(points * 100)}"/></a:pPr>` +
    `<a:endParaRPr lang="en-US"/></a:p></c:txPr>`
  );
}

/** An anchor's cell marker (0-based column and row, no offset). */
function marker(tag: "from" | "to", col: number, row: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/**
 * The drawing part: the chart's frame over the cells `from` to `to` (from the top-left corner of
 * one to the bottom-right corner of the other), moving and sizing with the cells.
 */
export function drawingXml(chart: PlanChart, chartRelId: string): string {
  const from = parseAddress(chart.from);
  const to = parseAddress(chart.to);
  return (
    `${DECLARATION}<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.main}">` +
    `<xdr:twoCellAnchor>${marker("from", from.col, from.row)}${marker("to", to.col + 1, to.row + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1" descr="${xmlText(chart.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.r}" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** A relationships part with one relationship. */
function relsXml(id: string, type: string, target: string): string {
  return `${DECLARATION}<Relationships xmlns="${NS.rels}"><Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`;
}

/** Adds a relationship to a relationships part (or starts one); returns the part and the new id. */
function addRelationship(rels: string | undefined, type: string, target: string): { xml: string; id: string } {
  if (rels === undefined) return { xml: relsXml("rId1", type, target), id: "rId1" };
  const taken = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  return {
    xml: rels.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
    ),
    id,
  };
}

/** The sheet with its `<drawing r:id>` in the place CT_Worksheet's sequence gives it. */
export function withDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  const follower = new RegExp(`<(?:${AFTER_DRAWING.join("|")})[\\s/>]`).exec(sheetXml);
  const at = follower ? follower.index : sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("the worksheet part has no </worksheet>");
  const xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  // The r: prefix must be declared on the root (ExcelJS declares it).
  return /<worksheet\b[^>]*\sxmlns:r="/.test(xml) ? xml : xml.replace("<worksheet", `<worksheet xmlns:r="${NS.r}"`);
}

/** The part a sheet's name designates, from the workbook and its relationships: "xl/worksheets/sheet1.xml". */
async function sheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].find(
    (m) => unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? "") === sheetName,
  );
  const id = sheet && /\br:id="([^"]*)"/.exec(sheet[0])?.[1];
  const rel = id && [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((m) => m[0].includes(`Id="${id}"`));
  const target = rel && /\bTarget="([^"]*)"/.exec(rel[0])?.[1];
  if (!target) throw new Error(`the workbook has no sheet named ${sheetName}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * Adds the chart to the workbook `xlsx` (the bytes ExcelJS wrote) on the sheet named `sheetName`;
 * returns the new bytes. The workbook must not have a drawing or chart part yet.
 */
export async function addChart(
  xlsx: Uint8Array,
  chart: PlanChart,
  sheetName: string,
  valueAt: ValueAt,
  formatAt: (range: string) => string,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  if (zip.file(/^xl\/(drawings|charts)\//).length > 0) throw new Error("the workbook already has a drawing or chart");
  const sheet = await sheetPart(zip, sheetName);
  const sheetRels = sheet.replace(/([^/]+)$/, "_rels/$1.rels");
  const toDrawing = addRelationship(
    await zip.file(sheetRels)?.async("string"),
    REL_TYPE.drawing,
    "../drawings/drawing1.xml",
  );
  zip.file(sheetRels, toDrawing.xml);
  zip.file(sheet, withDrawing((await zip.file(sheet)?.async("string")) ?? "", toDrawing.id));
  zip.file("xl/drawings/drawing1.xml", drawingXml(chart, "rId1"));
  zip.file("xl/drawings/_rels/drawing1.xml.rels", relsXml("rId1", REL_TYPE.chart, "../charts/chart1.xml"));
  zip.file("xl/charts/chart1.xml", chartXml(chart, sheetName, valueAt, formatAt));
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const overrides =
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CONTENT_TYPES.drawing}"/>` +
    `<Override PartName="/xl/charts/chart1.xml" ContentType="${CONTENT_TYPES.chart}"/>`;
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides}</Types>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
