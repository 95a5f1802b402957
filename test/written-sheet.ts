/**
 * What a writer produced for a sheet, read back in the plan's own terms, one field per plan
 * feature: here from the preview's workbook (src/preview/book.ts), where the Office.js
 * writer's calls land through the emulation of Excel's API (with the calls it applied, for
 * what Excel keeps nowhere visible: which rows were fitted to their text).
 *
 * The host's units and words are turned into the plan's: points for column widths, inches
 * for margins (Office.js takes points, 72 an inch), "#RRGGBB" colors, the plan's color-scale
 * points ("lowest", "percentile"…) and page breaks as the rows that start a page. A host's
 * default (a margin not set, a tick mark) is read as that host documents it.
 */
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
  /** Column letters → width in points, to a tenth. */
  columnWidths: Record<string, number>;
  freeze?: { rows: number; columns: number };
  /** In precedence order: the scale that wins on a cell two cover comes first. */
  colorScales: WrittenScale[];
  chart?: WrittenChart;
  print: WrittenPrint;
  /** The rows (1-based) holding wrapped text whose height follows their text. */
  fittedRows: number[];
}

/** Excel's "Normal" margins, its default (inches). */
const NORMAL_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

const inches = (n: number) => Math.round(n * 1000) / 1000;
const tenth = (n: number) => Math.round(n * 10) / 10;
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
      tenth(points),
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
  };
}
