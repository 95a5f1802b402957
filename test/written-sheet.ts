/**
 * What a writer produced for a sheet, read back in the plan's own terms, one field per plan
 * feature, from each of the two places a plan is written to:
 *
 * - the preview's workbook (src/preview/book.ts), where the Office.js writer's calls land
 *   through the emulation of Excel's API (with the calls it applied, for what Excel keeps
 *   nowhere visible: which rows were fitted to their text);
 * - an .xlsx file, read from its own XML with JSZip and fast-xml-parser (not ExcelJS, which
 *   wrote it and drops cached values such as 0 and FALSE), against ECMA-376 Part 1:
 *   §18.3.1 (worksheet: sheetData, cols, pane, pageSetup, pageMargins, rowBreaks,
 *   conditionalFormatting), §18.8 (styles: cellXfs, fonts, numFmts and the built-in formats
 *   of §18.8.30), §18.2.5 (definedName), §18.4 (shared strings), §20.5 and §21.2 (the chart).
 *
 * Each host's units and words are turned into the plan's: column widths in whole pixels (the
 * file's width × 7 pixels of Calibri 11's digit; Office.js's points × 4/3), inches for margins (Office.js takes
 * points, 72 an inch), "#RRGGBB" colors (the file's ARGB), the plan's color-scale points
 * ("lowest", "percentile"…) and page breaks as the rows that start a page. A host's default
 * (a margin not set, a tick mark) is read as that host documents it.
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import path from "path";
import { address, parseAddress, parseRange } from "../src/plan/a1";
import type { ColorScalePoint, PlanValue } from "../src/plan/plan";
import type { PreviewBook } from "../src/preview/book";
import type { ApiCall } from "../src/preview/excel-api";

export type WrittenValue = PlanValue | null | { error: string };

export interface WrittenCell {
  /** The value computed (the preview) or cached beside the formula (the file); null: blank. */
  value: WrittenValue;
  formula?: string;
  /** Absent: General. */
  numberFormat?: string;
  bold?: true;
  /** "#RRGGBB", upper case. */
  fontColor?: string;
  wrap?: true;
}

export interface WrittenScale {
  range: string;
  points: { at: ColorScalePoint["at"]; value?: number; color: string }[];
}

export interface WrittenChart {
  type: string;
  title: string;
  categories?: string;
  series: { name: string; values: string }[];
  from?: string;
  to?: string;
  xTitle?: string;
  yTitle?: string;
  xFormat?: string;
  yFormat?: string;
  fontSize?: number;
  /** Tick marks and tick-label positions of the category (x) and value (y) axes, in Office.js's words. */
  ticks: { x: { mark: string; labels: string }; y: { mark: string; labels: string } };
  /** Where the legend is ("Bottom"…), or undefined when it is hidden. */
  legend?: string;
  /** The numbers each series plots (null: a gap), as the chart shows them. */
  points: (number | null)[][];
}

export interface WrittenPrint {
  orientation: "portrait" | "landscape";
  paper?: string;
  fitToPagesWide?: number;
  fitToPagesTall?: number;
  area?: string;
  titleRows?: string;
  titleColumns?: string;
  /** Inches, to a thousandth. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** The rows (1-based) that start a page after a manual break. */
  breaksBefore: number[];
}

export interface WrittenSheet {
  cells: Record<string, WrittenCell>;
  /** Name → its scope and the range it refers to on this sheet ("$B$4"). */
  names: Record<string, { scope: "sheet" | "workbook"; ref: string }>;
  /** Column letters → width in whole pixels at 100 % zoom (4/3 of a point), as the grid shows it. */
  columnWidths: Record<string, number>;
  freeze?: { rows: number; columns: number };
  /** In precedence order: the scale that wins on a cell two cover comes first. */
  colorScales: WrittenScale[];
  chart?: WrittenChart;
  print: WrittenPrint;
  /** The rows (1-based) holding wrapped text whose height follows their text. */
  fittedRows: number[];
  /** Row heights (1-based row → points): Excel's fit (the emulation's estimate), the file's `ht`. */
  rowHeights: Record<number, number>;
}

/** Excel's "Normal" margins, its default (inches). */
const NORMAL_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

const inches = (n: number) => Math.round(n * 1000) / 1000;
/** A range without its sheet and "$": "'Deal 1'!$A$40:$A$50" → "A40:A50". */
const bare = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");
const color = (c: string) => `#${c.replace(/^#/, "").slice(-6).toUpperCase()}`;

/** Where a color scale's point sits, from Office.js's criterion type. */
const OFFICE_POINT: Record<string, ColorScalePoint["at"]> = {
  LowestValue: "lowest",
  HighestValue: "highest",
  Percentile: "percentile",
  Number: "number",
};

/** The same, from the file's <cfvo type>. */
const FILE_POINT: Record<string, ColorScalePoint["at"]> = {
  min: "lowest",
  max: "highest",
  percentile: "percentile",
  num: "number",
};

/** The sheet a reference names: "='Deal 1'!$B$4" → "Deal 1" (quotes doubled inside), "=Deal!B4" → "Deal". */
function refSheet(ref: string): string | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'][^!]*))!/.exec(ref);
  return m ? (m[1]?.replace(/''/g, "'") ?? m[2]) : undefined;
}

/** The rows of the wrapped cells, sorted. */
function wrappedRows(cells: Record<string, WrittenCell>): number[] {
  const rows = Object.entries(cells)
    .filter(([, c]) => c.wrap)
    .map(([a]) => parseAddress(a).row + 1);
  return [...new Set(rows)].sort((a, b) => a - b);
}

// ---- the preview's workbook ------------------------------------------------------------

/** Sheet `sheet` of the preview's workbook; `applied`: the calls the emulation applied (for the fitted rows). */
export function readPreview(book: PreviewBook, sheet: string, applied: readonly ApiCall[] = []): WrittenSheet {
  const engine = book.engine;
  const cells: Record<string, WrittenCell> = {};
  const { rows, cols } = book.usedSize(sheet);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const v = engine.value(sheet, row, col);
      const style = book.style(sheet, row, col);
      const formula = engine.formula(sheet, row, col);
      const cell: WrittenCell = { value: v !== null && typeof v === "object" ? { error: v.error } : v };
      if (formula !== undefined) cell.formula = formula;
      if (style?.numberFormat !== undefined && style.numberFormat !== "General") cell.numberFormat = style.numberFormat;
      if (style?.bold) cell.bold = true;
      if (style?.color) cell.fontColor = color(style.color);
      if (style?.wrap) cell.wrap = true;
      if (cell.value !== null || Object.keys(cell).length > 1) cells[address(row, col)] = cell;
    }
  }
  const names: WrittenSheet["names"] = {};
  const hf = engine.hf;
  const id = engine.sheetId(sheet);
  for (const n of hf.listNamedExpressions(id)) {
    names[n] = { scope: "sheet", ref: (hf.getNamedExpressionFormula(n, id) ?? "").replace(/^=.*!/, "") };
  }
  for (const n of hf.listNamedExpressions()) {
    const f = hf.getNamedExpressionFormula(n);
    if (f !== undefined && refSheet(f) === sheet) names[n] = { scope: "workbook", ref: f.replace(/^=.*!/, "") };
  }
  const columnWidths = Object.fromEntries(
    [...(book.widths.get(sheet) ?? new Map<number, number>())].map(([c, points]) => [
      address(0, c).replace(/\d+$/, ""),
      Math.round((points * 4) / 3),
    ]),
  );
  const frozen = book.frozen.get(sheet);
  // Office.js adds each conditional format at the top of the list: the last added wins.
  const colorScales = book.colorScales
    .filter((s) => s.sheet === sheet)
    .reverse()
    .map((s) => ({
      range: s.range,
      points: [s.criteria.minimum, s.criteria.midpoint, s.criteria.maximum]
        .filter((p) => p !== undefined)
        .map((p) => ({
          at: OFFICE_POINT[p.type] ?? p.type,
          ...(p.formula !== undefined ? { value: Number(p.formula) } : {}),
          color: color(p.color ?? ""),
        })),
    }));
  const spec = book.charts.find((c) => c.sheet === sheet);
  let chart: WrittenChart | undefined;
  if (spec) {
    const numbers = (range: string) => {
      const r = parseRange(bare(range));
      const out: (number | null)[] = [];
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const v = engine.value(sheet, row, col);
          out.push(typeof v === "number" ? v : null);
        }
      return out;
    };
    chart = {
      type: spec.type.toLowerCase(),
      title: spec.title,
      ...(spec.categories ? { categories: bare(spec.categories) } : {}),
      series: spec.series.map((s) => ({ name: s.name, values: bare(s.values) })),
      ...(spec.from ? { from: bare(spec.from) } : {}),
      ...(spec.to ? { to: bare(spec.to) } : {}),
      ...(spec.xTitle ? { xTitle: spec.xTitle } : {}),
      ...(spec.yTitle ? { yTitle: spec.yTitle } : {}),
      ...(spec.xFormat ? { xFormat: spec.xFormat } : {}),
      ...(spec.yFormat ? { yFormat: spec.yFormat } : {}),
      ...(spec.fontSize ? { fontSize: spec.fontSize } : {}),
      // Excel's defaults where the pane set nothing: outside tick marks, labels next to the axis.
      ticks: {
        x: { mark: spec.ticks?.x?.mark ?? "Outside", labels: spec.ticks?.x?.labels ?? "NextToAxis" },
        y: { mark: spec.ticks?.y?.mark ?? "Outside", labels: spec.ticks?.y?.labels ?? "NextToAxis" },
      },
      ...(spec.legend?.visible === false ? {} : { legend: spec.legend?.position ?? "Right" }),
      points: spec.series.map((s) => numbers(s.values)),
    };
  }
  const p = book.print.get(sheet);
  const zoom = p?.zoom;
  const print: WrittenPrint = {
    orientation: p?.orientation === "Landscape" ? "landscape" : "portrait",
    ...(p?.paperSize ? { paper: p.paperSize.toLowerCase() } : {}),
    ...(zoom?.horizontalFitToPages !== undefined ? { fitToPagesWide: zoom.horizontalFitToPages } : {}),
    ...(zoom?.verticalFitToPages !== undefined ? { fitToPagesTall: zoom.verticalFitToPages } : {}),
    ...(p?.area ? { area: bare(p.area) } : {}),
    ...(p?.titleRows ? { titleRows: bare(p.titleRows) } : {}),
    ...(p?.titleColumns ? { titleColumns: bare(p.titleColumns) } : {}),
    margins: Object.fromEntries(
      Object.entries(NORMAL_MARGINS).map(([side, normal]) => {
        const points = p?.margins?.[side as keyof typeof NORMAL_MARGINS];
        return [side, points === undefined ? normal : inches(points / 72)];
      }),
    ) as WrittenPrint["margins"],
    breaksBefore: [...(p?.breaksBefore ?? [])],
  };
  const fitted = applied
    .filter((c) => c.api === "range.format.autofitRows" && c.sheet === sheet && c.address)
    .map((c) => {
      const [a, b = a] = (c.address as string).replace(/\$/g, "").split(":");
      return [Number(/\d+/.exec(a)?.[0]), Number(/\d+/.exec(b)?.[0])];
    });
  const fittedRows = wrappedRows(cells).filter((r) => fitted.some(([top, bottom]) => r >= top && r <= bottom));
  return {
    cells,
    names,
    columnWidths,
    ...(frozen && (frozen.rows > 0 || frozen.cols > 0) ? { freeze: { rows: frozen.rows, columns: frozen.cols } } : {}),
    colorScales,
    ...(chart ? { chart } : {}),
    print,
    fittedRows,
    rowHeights: Object.fromEntries([...book.rowHeights(sheet)].map(([r, points]) => [r + 1, points])),
  };
}

// ---- an .xlsx file ---------------------------------------------------------------------

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REPEATED = new Set([
  "sheet",
  "definedName",
  "Relationship",
  "row",
  "c",
  "si",
  "r",
  "xf",
  "font",
  "numFmt",
  "col",
  "brk",
  "conditionalFormatting",
  "cfRule",
  "cfvo",
  "color",
  "c:ser",
  "c:pt",
  "xdr:twoCellAnchor",
  "a:p",
  "a:r",
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => REPEATED.has(name),
});

/** The built-in number formats (ECMA-376 Part 1 §18.8.30), by id. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Text content of an element that may carry attributes (xml:space) or be empty. */
function text(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "object") return String((node as Node)["#text"] ?? "");
  return String(node);
}

/** The text of a rich-text title (`c:title/c:tx/c:rich`). */
function richText(title: Node | undefined): string | undefined {
  if (!title) return undefined;
  const paragraphs = (title["c:tx"]?.["c:rich"]?.["a:p"] ?? []) as Node[];
  return paragraphs.map((p) => ((p["a:r"] ?? []) as Node[]).map((r) => text(r["a:t"])).join("")).join("\n");
}

/** A part's relationships: id → the target part's name in the zip. */
function relationships(parts: Map<string, string>, part: string): Map<string, string> {
  const rels = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  const out = new Map<string, string>();
  const xml = parts.get(rels);
  if (xml === undefined) return out;
  for (const r of ((parser.parse(xml) as Node).Relationships.Relationship ?? []) as Node[]) {
    const t = r["@Target"] as string;
    out.set(r["@Id"], t.startsWith("/") ? t.slice(1) : path.posix.join(path.posix.dirname(part), t));
  }
  return out;
}

/** The sheet named `sheet` of the .xlsx `bytes`. */
export async function readXlsx(bytes: Uint8Array, sheet: string): Promise<WrittenSheet> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.file(name);
    if (entry) parts.set(name, await entry.async("string"));
  }
  const parse = (part: string): Node => parser.parse(parts.get(part) ?? "") as Node;
  const workbook = parse("xl/workbook.xml").workbook;
  const sheets = (workbook.sheets.sheet ?? []) as Node[];
  const index = sheets.findIndex((s) => s["@name"] === sheet);
  if (index < 0) throw new Error(`the file has no sheet named ${sheet}`);
  const sheetPart = relationships(parts, "xl/workbook.xml").get(sheets[index]["@r:id"]) ?? "";
  const ws = parse(sheetPart).worksheet;

  // Styles and shared strings.
  const styles = parse("xl/styles.xml").styleSheet;
  const formats = new Map<number, string>(
    ((styles.numFmts?.numFmt ?? []) as Node[]).map((f) => [Number(f["@numFmtId"]), f["@formatCode"] as string]),
  );
  const fonts = (styles.fonts?.font ?? []) as Node[];
  const xfs = (styles.cellXfs?.xf ?? []) as Node[];
  const shared = ((parse("xl/sharedStrings.xml").sst?.si ?? []) as Node[]).map((si) =>
    si.t !== undefined ? text(si.t) : ((si.r ?? []) as Node[]).map((r) => text(r.t)).join(""),
  );

  const cells: Record<string, WrittenCell> = {};
  for (const row of (ws.sheetData?.row ?? []) as Node[]) {
    for (const c of (row.c ?? []) as Node[]) {
      const t = c["@t"] ?? "n";
      const v = c.v === undefined ? undefined : text(c.v);
      let value: WrittenValue = null;
      if (t === "s") value = shared[Number(v)];
      else if (t === "inlineStr") value = text(c.is?.t);
      else if (t === "str") value = v ?? "";
      else if (t === "b") value = v === "1";
      else if (t === "e") value = { error: v ?? "" };
      else if (v !== undefined) value = Number(v);
      const cell: WrittenCell = { value };
      if (c.f !== undefined) {
        const f = text(c.f);
        if (f) cell.formula = `=${f}`;
      }
      const xf = xfs[Number(c["@s"] ?? 0)] ?? {};
      const id = Number(xf["@numFmtId"] ?? 0);
      const format = formats.get(id) ?? BUILT_IN_FORMATS[id];
      if (format === undefined) throw new Error(`number format ${id} is neither built in nor defined`);
      if (format !== "General") cell.numberFormat = format;
      const font = fonts[Number(xf["@fontId"] ?? 0)] ?? {};
      if (font.b !== undefined && font.b["@val"] !== "0" && font.b["@val"] !== "false") cell.bold = true;
      if (font.color?.[0]?.["@rgb"]) cell.fontColor = color(font.color[0]["@rgb"]);
      if (xf.alignment?.["@wrapText"] === "1" || xf.alignment?.["@wrapText"] === "true") cell.wrap = true;
      if (cell.value !== null || Object.keys(cell).length > 1) cells[c["@r"]] = cell;
    }
  }
  const customHeight = new Set(
    ((ws.sheetData?.row ?? []) as Node[]).filter((r) => r["@customHeight"] === "1").map((r) => Number(r["@r"])),
  );

  // Names: the sheet's own (localSheetId) and the workbook's that refer to it; Excel's built-in _xlnm. apart.
  const names: WrittenSheet["names"] = {};
  const builtIn = new Map<string, string>();
  for (const d of (workbook.definedNames?.definedName ?? []) as Node[]) {
    const name = d["@name"] as string;
    const ref = text(d);
    const local = d["@localSheetId"] !== undefined;
    if (local && Number(d["@localSheetId"]) !== index) continue;
    if (name.startsWith("_xlnm.")) {
      builtIn.set(name, ref);
      continue;
    }
    if (!local && refSheet(ref) !== sheet) continue;
    names[name] = { scope: local ? "sheet" : "workbook", ref: ref.slice(ref.lastIndexOf("!") + 1) };
  }

  // Column widths: the file's unit is characters of the maximum digit width, 7 pixels in Calibri 11 (§18.3.1.13).
  const columnWidths: Record<string, number> = {};
  for (const col of (ws.cols?.col ?? []) as Node[]) {
    for (let c = Number(col["@min"]); c <= Number(col["@max"]); c++)
      columnWidths[address(0, c - 1).replace(/\d+$/, "")] = Math.round(Number(col["@width"]) * 7);
  }

  const pane = ws.sheetViews?.sheetView?.pane;
  const freeze =
    pane?.["@state"] === "frozen"
      ? { rows: Number(pane["@ySplit"] ?? 0), columns: Number(pane["@xSplit"] ?? 0) }
      : undefined;

  // Color scales, in priority order (1 first: it wins where two overlap).
  const rules = ((ws.conditionalFormatting ?? []) as Node[]).flatMap((f) =>
    ((f.cfRule ?? []) as Node[]).map((rule) => ({ range: f["@sqref"] as string, rule })),
  );
  const colorScales = rules
    .filter((r) => r.rule["@type"] === "colorScale")
    .sort((a, b) => Number(a.rule["@priority"]) - Number(b.rule["@priority"]))
    .map(({ range, rule }) => {
      const cfvo = rule.colorScale.cfvo as Node[];
      const colors = rule.colorScale.color as Node[];
      return {
        range,
        points: cfvo.map((p, i) => ({
          at: FILE_POINT[p["@type"]] ?? p["@type"],
          ...(p["@val"] !== undefined ? { value: Number(p["@val"]) } : {}),
          color: color(colors[i]["@rgb"]),
        })),
      };
    });

  // The print setup.
  const setup = ws.pageSetup ?? {};
  const fitToPage = ws.sheetPr?.pageSetUpPr?.["@fitToPage"] === "1";
  const margins = ws.pageMargins;
  const titles = (builtIn.get("_xlnm.Print_Titles") ?? "").split(",").filter(Boolean).map(bare);
  const PAPER: Record<string, string> = { "1": "letter" };
  const print: WrittenPrint = {
    orientation: setup["@orientation"] === "landscape" ? "landscape" : "portrait",
    ...(setup["@paperSize"] ? { paper: PAPER[setup["@paperSize"]] ?? `paper ${setup["@paperSize"]}` } : {}),
    // Fit to page: fitToWidth and fitToHeight default to 1 (§18.3.1.63).
    ...(fitToPage ? { fitToPagesWide: Number(setup["@fitToWidth"] ?? 1) } : {}),
    ...(fitToPage ? { fitToPagesTall: Number(setup["@fitToHeight"] ?? 1) } : {}),
    ...(builtIn.has("_xlnm.Print_Area") ? { area: bare(builtIn.get("_xlnm.Print_Area") ?? "") } : {}),
    ...(titles.find((t) => /^\d/.test(t)) ? { titleRows: titles.find((t) => /^\d/.test(t)) } : {}),
    ...(titles.find((t) => /^[A-Z]/i.test(t)) ? { titleColumns: titles.find((t) => /^[A-Z]/i.test(t)) } : {}),
    margins: Object.fromEntries(
      Object.entries(NORMAL_MARGINS).map(([side, normal]) => [
        side,
        margins?.[`@${side}`] === undefined ? normal : inches(Number(margins[`@${side}`])),
      ]),
    ) as WrittenPrint["margins"],
    // A <brk id="r"> breaks after row r: the next row starts a page.
    breaksBefore: ((ws.rowBreaks?.brk ?? []) as Node[])
      .filter((b) => b["@man"] === "1")
      .map((b) => Number(b["@id"]) + 1),
  };

  // The chart: the sheet's drawing, its anchor and the chart part.
  let chart: WrittenChart | undefined;
  const drawingPart = ws.drawing ? relationships(parts, sheetPart).get(ws.drawing["@r:id"]) : undefined;
  if (drawingPart) {
    const anchor = (parse(drawingPart)["xdr:wsDr"]["xdr:twoCellAnchor"] as Node[])[0];
    const frame = anchor["xdr:graphicFrame"]["a:graphic"]["a:graphicData"]["c:chart"];
    const space = parse(relationships(parts, drawingPart).get(frame["@r:id"]) ?? "")["c:chartSpace"];
    const plot = space["c:chart"]["c:plotArea"];
    const type = Object.keys(plot).find((k) => /^c:\w+Chart$/.test(k)) ?? "";
    const series = (plot[type]["c:ser"] ?? []) as Node[];
    const corner = (m: Node, end: boolean) =>
      address(Number(m["xdr:row"]) - (end ? 1 : 0), Number(m["xdr:col"]) - (end ? 1 : 0));
    const axis = (a: Node) => ({
      title: richText(a["c:title"]),
      format: a["c:numFmt"]?.["@sourceLinked"] === "0" ? (a["c:numFmt"]["@formatCode"] as string) : undefined,
      mark: { out: "Outside", in: "Inside", cross: "Cross", none: "None" }[a["c:majorTickMark"]?.["@val"] as string],
      labels: { nextTo: "NextToAxis", high: "High", low: "Low", none: "None" }[a["c:tickLblPos"]?.["@val"] as string],
    });
    const x = axis(plot["c:catAx"]);
    const y = axis(plot["c:valAx"]);
    const size = space["c:txPr"]?.["a:p"]?.[0]?.["a:pPr"]?.["a:defRPr"]?.["@sz"];
    const legend = space["c:chart"]["c:legend"];
    const cached = (ref: Node) => {
      const cache = ref["c:numRef"]["c:numCache"];
      const out: (number | null)[] = Array.from({ length: Number(cache["c:ptCount"]["@val"]) }, () => null);
      for (const pt of (cache["c:pt"] ?? []) as Node[]) out[Number(pt["@idx"])] = Number(text(pt["c:v"]));
      return out;
    };
    const categories = series[0]?.["c:cat"]?.["c:numRef"]?.["c:f"];
    chart = {
      type: type.replace(/^c:|Chart$/g, ""),
      title: richText(space["c:chart"]["c:title"]) ?? "",
      ...(categories ? { categories: bare(text(categories)) } : {}),
      series: series.map((s) => ({
        name: text(s["c:tx"]?.["c:v"]),
        values: bare(text(s["c:val"]["c:numRef"]["c:f"])),
      })),
      from: corner(anchor["xdr:from"], false),
      to: corner(anchor["xdr:to"], true),
      ...(x.title ? { xTitle: x.title } : {}),
      ...(y.title ? { yTitle: y.title } : {}),
      ...(x.format ? { xFormat: x.format } : {}),
      ...(y.format ? { yFormat: y.format } : {}),
      ...(size ? { fontSize: Number(size) / 100 } : {}),
      ticks: {
        x: { mark: x.mark ?? "Outside", labels: x.labels ?? "NextToAxis" },
        y: { mark: y.mark ?? "Outside", labels: y.labels ?? "NextToAxis" },
      },
      ...(legend
        ? {
            legend:
              { b: "Bottom", t: "Top", l: "Left", r: "Right", tr: "Corner" }[
                legend["c:legendPos"]?.["@val"] as string
              ] ?? "Right",
          }
        : {}),
      points: series.map((s) => cached(s["c:val"])),
    };
  }

  return {
    cells,
    names,
    columnWidths,
    ...(freeze && (freeze.rows > 0 || freeze.columns > 0) ? { freeze } : {}),
    colorScales,
    ...(chart ? { chart } : {}),
    print,
    fittedRows: wrappedRows(cells).filter((r) => !customHeight.has(r)),
    rowHeights: Object.fromEntries(
      ((ws.sheetData?.row ?? []) as Node[])
        .filter((r) => r["@ht"] !== undefined)
        .map((r) => [Number(r["@r"]), Number(r["@ht"])]),
    ),
  };
}
