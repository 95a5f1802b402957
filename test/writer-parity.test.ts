/**
 * Writer parity: a plan (src/plan) written by the Office.js writer
 * (src/taskpane/excel-writer.ts, over the preview's emulation of Excel: what lands in the
 * preview's workbook, src/preview/book.ts) and by the .xlsx writer
 * (src/engine/plan-writers.ts with src/engine/xlsx-chart.ts: the file read back from its own
 * XML) must come out the same, feature by feature: values, formulas, names, number formats,
 * bold, font colors, wrapped text and the rows fitted to it, column widths, frozen panes,
 * color scales, the chart (its ranges, titles, axis formats, text size, style and the numbers
 * it plots) and the page setup (orientation, paper, fit, area, titles, margins, breaks).
 *
 * Each feature is read from both results in the plan's terms (test/written-sheet.ts) and
 * compared; where the plan states the feature, both must also be what the plan says (worked
 * out here from the plan's fields, not from either writer). Every deal template, the worked
 * example and small synthetic plans (the edge of each feature: booleans, cached zeros and
 * FALSE, errors, a quoted sheet name, overlapping color scales, columns frozen alone, a
 * chart without titles, a portrait page without margins) are run through both.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { planToXlsx } from "../src/engine/plan-writers";
import { buildDealPlan } from "../src/plan/deal";
import { buildExamplePlan } from "../src/plan/example";
import { colorScale, HEAT, type SheetPlan } from "../src/plan/plan";
import { TEMPLATES } from "../src/plan/templates";
import { writePlan } from "../src/taskpane/excel-writer";
import { addin, emulatedExcel } from "./emulated-excel";
import { readPreview, readXlsx, type WrittenSheet } from "./written-sheet";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-parity-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** "B4:C9" → "$B$4:$C$9", worked out here. */
const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
const upper = (c: string) => c.toUpperCase();
const row = (a: string) => Number(/\d+/.exec(a)?.[0]);
const sorted = (rows: number[]) => [...new Set(rows)].sort((a, b) => a - b);
/** A map of the cells `pick` gives a value for (undefined: left out). */
function cellMap<T>(s: WrittenSheet, pick: (c: WrittenSheet["cells"][string]) => T | undefined): Record<string, T> {
  return Object.fromEntries(
    Object.entries(s.cells).flatMap(([a, c]) => (pick(c) === undefined ? [] : [[a, pick(c) as T]])),
  );
}
function planMap<T>(p: SheetPlan, pick: (c: SheetPlan["cells"][number]) => T | undefined): Record<string, T> {
  return Object.fromEntries(p.cells.flatMap((c) => (pick(c) === undefined ? [] : [[c.address, pick(c) as T]])));
}

/** Excel's "Normal" margins (inches): the default where a plan sets none. */
const NORMAL = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

interface Feature {
  /** What is compared, read from a written sheet. */
  read(s: WrittenSheet): unknown;
  /** What the plan says it must be, where the plan states it. */
  plan?(p: SheetPlan): unknown;
  /** Where the plan does not state it: how much of it there must be (so that agreeing on nothing fails). */
  count?(p: SheetPlan): number;
}

const FEATURES: Record<string, Feature> = {
  "constant values": {
    read: (s) => cellMap(s, (c) => (c.formula === undefined ? c.value : undefined)),
    // A constant "" is a blank cell (Office.js: setting "" clears it), not one holding text.
    plan: (p) => planMap(p, (c) => (c.formula !== undefined ? undefined : c.value === "" ? null : c.value)),
  },
  formulas: {
    read: (s) => cellMap(s, (c) => c.formula),
    plan: (p) => planMap(p, (c) => c.formula),
  },
  "computed values": {
    read: (s) => cellMap(s, (c) => (c.formula === undefined ? undefined : c.value)),
    count: (p) => p.cells.filter((c) => c.formula !== undefined).length,
  },
  names: {
    read: (s) => s.names,
    plan: (p) => Object.fromEntries((p.names ?? []).map((n) => [n.name, { scope: "sheet", ref: absolute(n.address) }])),
  },
  "number formats": {
    read: (s) => cellMap(s, (c) => c.numberFormat),
    // A boolean constant without one: TRUE or FALSE, LibreOffice's format for booleans.
    plan: (p) =>
      planMap(p, (c) =>
        c.numberFormat === "General"
          ? undefined
          : (c.numberFormat ?? (typeof c.value === "boolean" ? '"TRUE";"TRUE";"FALSE"' : undefined)),
      ),
  },
  bold: {
    read: (s) => cellMap(s, (c) => c.bold),
    plan: (p) => planMap(p, (c) => (c.bold ? true : undefined)),
  },
  "font colors": {
    read: (s) => cellMap(s, (c) => c.fontColor),
    plan: (p) => planMap(p, (c) => (c.fontColor ? upper(c.fontColor) : undefined)),
  },
  "wrapped text": {
    read: (s) => cellMap(s, (c) => c.wrap),
    plan: (p) => planMap(p, (c) => (c.wrap ? true : undefined)),
  },
  "rows fitted to their wrapped text": {
    read: (s) => s.fittedRows,
    plan: (p) => sorted(p.cells.filter((c) => c.wrap).map((c) => row(c.address))),
  },
  "row heights (wrapped rows fitted to their text)": {
    read: (s) => s.rowHeights,
    // Every row that holds wrapped text has a height, one line's (15 points) at least, in whole lines.
    count: (p) => (p.cells.some((c) => c.wrap && typeof c.value === "string") ? 1 : 0),
  },
  booleans: {
    // A boolean constant: a boolean in the workbook, shown TRUE or FALSE (its number format).
    read: (s) =>
      cellMap(s, (c) =>
        c.formula === undefined && typeof c.value === "boolean"
          ? { value: c.value, format: c.numberFormat }
          : undefined,
      ),
    plan: (p) =>
      planMap(p, (c) =>
        typeof c.value === "boolean"
          ? { value: c.value, format: c.numberFormat ?? '"TRUE";"TRUE";"FALSE"' }
          : undefined,
      ),
  },
  "column widths": {
    read: (s) => s.columnWidths,
    // Pixels at 100 % zoom: 4/3 of a point.
    plan: (p) => Object.fromEntries(p.columnWidths.map((w) => [w.column, Math.round((w.points * 4) / 3)])),
  },
  "frozen panes": {
    read: (s) => s.freeze,
    plan: (p) => (p.freeze && (p.freeze.rows > 0 || p.freeze.columns > 0) ? { ...p.freeze } : undefined),
  },
  "color scales": {
    read: (s) => s.colorScales,
    // The plan's later scale wins where two overlap: it comes first.
    plan: (p) =>
      [...(p.conditionalFormats ?? [])].reverse().map((f) => ({
        range: f.range,
        points: [f.minimum, ...(f.midpoint ? [f.midpoint] : []), f.maximum].map((pt) => ({
          at: pt.at,
          ...(pt.value !== undefined ? { value: pt.value } : {}),
          color: upper(pt.color),
        })),
      })),
  },
  chart: {
    read: (s) => s.chart && { ...s.chart, ticks: undefined, legend: undefined, points: undefined },
    plan: (p) =>
      p.chart && {
        type: "line",
        title: p.chart.title,
        categories: p.chart.categories,
        series: p.chart.series.map((x) => ({ name: x.name, values: x.values })),
        from: p.chart.from,
        to: p.chart.to,
        ...(p.chart.xTitle ? { xTitle: p.chart.xTitle } : {}),
        ...(p.chart.yTitle ? { yTitle: p.chart.yTitle } : {}),
        ...(p.chart.xFormat ? { xFormat: p.chart.xFormat } : {}),
        ...(p.chart.yFormat ? { yFormat: p.chart.yFormat } : {}),
        ...(p.chart.fontSize ? { fontSize: p.chart.fontSize } : {}),
        ticks: undefined,
        legend: undefined,
        points: undefined,
      },
  },
  "chart style (tick marks, tick labels, legend)": {
    read: (s) => s.chart && { ticks: s.chart.ticks, legend: s.chart.legend },
    count: (p) => (p.chart ? 2 : 0),
  },
  "chart data (the numbers plotted)": {
    read: (s) => s.chart?.points,
    count: (p) => p.chart?.series.length ?? 0,
  },
  "page setup (orientation, paper, fit, area, titles)": {
    read: (s) => ({ ...s.print, margins: undefined, breaksBefore: undefined }),
    plan: (p) => ({
      orientation: p.print?.orientation ?? "portrait",
      ...(p.print
        ? { paper: p.print.paper, fitToPagesWide: p.print.fitToPagesWide, fitToPagesTall: 0 } // 0: automatic
        : {}),
      ...(p.print?.area ? { area: p.print.area } : {}),
      ...(p.print?.titleRows ? { titleRows: p.print.titleRows } : {}),
      ...(p.print?.titleColumns ? { titleColumns: p.print.titleColumns } : {}),
      margins: undefined,
      breaksBefore: undefined,
    }),
  },
  "page margins": {
    read: (s) => s.print.margins,
    plan: (p) => ({ ...(p.print?.margins ?? NORMAL) }),
  },
  "page breaks": {
    read: (s) => s.print.breaksBefore,
    // A break above row 1 starts no new page.
    plan: (p) => sorted((p.print?.breaksBefore ?? []).filter((r) => r > 1)),
  },
};

/** Every cell feature at its edges, on a sheet whose name needs quoting. */
const CELLS: SheetPlan = {
  sheetName: "Bob's deal (draft)",
  cells: [
    { address: "A1", value: 'Tom & Jerry <co> "quoted" — ünïcode', bold: true, fontColor: "#1f4e79" },
    { address: "A2", value: 0, numberFormat: "#,##0.00", fontColor: "#0000FF" },
    { address: "B2", value: -1234.5678, numberFormat: '0.00"x"' },
    { address: "C2", value: true },
    { address: "D2", value: false, bold: false },
    { address: "E2", value: 45672, numberFormat: "yyyy-mm-dd" },
    { address: "F2", value: "", numberFormat: "0.00%" },
    { address: "A3", formula: "=A2*B2", numberFormat: "0.00%" },
    { address: "B3", formula: "=C2=D2" },
    { address: "C3", formula: '=IF(C2,"yes","no")', bold: true },
    { address: "D3", formula: "=1/A2" },
    { address: "E3", formula: "=SUM(Inputs)", numberFormat: "#,##0" },
    { address: "F3", formula: "=Total*2" },
    { address: "A4", value: "A long text that will not fit in its narrow column at all, so it wraps", wrap: true },
    { address: "B4", value: 1 },
    { address: "A6", value: "Second wrapped row", wrap: true, bold: true },
  ],
  columnWidths: [
    { column: "A", points: 60 },
    { column: "B", points: 33.5 },
    { column: "D", points: 120.25 },
  ],
  names: [
    { name: "Inputs", address: "A2:B2" },
    { name: "Total", address: "E3" },
  ],
  freeze: { rows: 2, columns: 0 },
};

/** Columns frozen without rows; overlapping color scales of every kind of point; no print setup. */
const SCALES: SheetPlan = {
  sheetName: "Scales",
  cells: Array.from({ length: 5 }, (_, i) => [
    { address: `A${i + 1}`, value: (i + 1) * 10 },
    { address: `B${i + 1}`, formula: `=A${i + 1}*A${i + 1}` },
  ]).flat(),
  columnWidths: [],
  freeze: { rows: 0, columns: 2 },
  conditionalFormats: [
    colorScale("A1:B5", HEAT.green, HEAT.yellow, HEAT.red),
    {
      type: "colorScale",
      range: "B2:B4",
      minimum: { at: "number", value: 150, color: "#ffffff" },
      maximum: { at: "percentile", value: 90, color: "#0000FF" },
    },
  ],
};

/** A chart without axis titles, formats or text size; a portrait page with no margins, titles or area. */
const BARE_CHART: SheetPlan = {
  sheetName: "Chart",
  cells: [
    { address: "A1", value: "Year", bold: true },
    { address: "B1", value: "Balance", bold: true },
    ...Array.from({ length: 6 }, (_, i) => [
      { address: `A${i + 2}`, value: i },
      { address: `B${i + 2}`, formula: i === 3 ? '="gap"' : `=1000-${i}*150` },
      { address: `C${i + 2}`, formula: `=B${i + 2}/2` },
    ]).flat(),
  ],
  columnWidths: [],
  chart: {
    title: "Balance by year",
    categories: "A2:A7",
    series: [
      { name: "Balance", values: "B2:B7" },
      { name: "Half", values: "C2:C7" },
    ],
    from: "E2",
    to: "K16",
  },
  print: { orientation: "portrait", paper: "letter", fitToPagesWide: 2, breaksBefore: [1, 5] },
};

const cases: [string, SheetPlan][] = [
  ["cells at their edges", CELLS],
  ["color scales, columns frozen", SCALES],
  ["a bare chart and page", BARE_CHART],
  ["the worked example", buildExamplePlan()],
  ...TEMPLATES.map((t) => [`template ${t.id}`, buildDealPlan(t)] as [string, SheetPlan]),
];

describe.each(cases)("%s", (id, plan) => {
  let office: WrittenSheet;
  let file: WrittenSheet;

  beforeAll(async () => {
    const excel = emulatedExcel({ Sheet1: {} });
    const written = await writePlan(plan, excel.run, () => true);
    expect(written).toEqual({ ok: true, sheetName: plan.sheetName });
    office = readPreview(excel.book, plan.sheetName, excel.applied());
    const xlsx = path.join(dir, `${id.replace(/\W+/g, "-")}.xlsx`);
    await planToXlsx(addin, plan, xlsx);
    file = await readXlsx(fs.readFileSync(xlsx), plan.sheetName);
  });

  test.each(Object.keys(FEATURES))(
    "%s: the Office.js writer and the .xlsx writer agree (and with the plan)",
    (name) => {
      const feature = FEATURES[name];
      expect(feature.read(office)).toEqual(feature.read(file));
      if (feature.plan) expect(feature.read(office)).toEqual(feature.plan(plan));
      if (feature.count) {
        const read = (feature.read(office) ?? {}) as object;
        // At least that many entries, none of them empty (a blank, a series with no number plotted).
        expect(Object.keys(read).length).toBeGreaterThanOrEqual(feature.count(plan));
        const empty = (v: unknown) => v === null || (Array.isArray(v) && v.every(empty));
        expect(Object.entries(read).filter(([, v]) => empty(v))).toEqual([]);
      }
    },
  );
});

test("the cases cover every feature: each is present in at least one plan", () => {
  const plans = cases.map(([, p]) => p);
  const some = (f: (p: SheetPlan) => boolean) => plans.some(f);
  expect(some((p) => p.cells.some((c) => typeof c.value === "boolean"))).toBe(true);
  expect(some((p) => p.cells.some((c) => c.wrap))).toBe(true);
  expect(some((p) => (p.names ?? []).some((n) => n.address.includes(":")))).toBe(true);
  expect(some((p) => (p.conditionalFormats ?? []).some((f) => f.midpoint === undefined))).toBe(true);
  expect(some((p) => !!p.chart?.fontSize) && some((p) => !!p.chart && !p.chart.fontSize)).toBe(true);
  expect(some((p) => !!p.print?.margins) && some((p) => !!p.print && !p.print.margins)).toBe(true);
  expect(some((p) => (p.print?.breaksBefore ?? []).length > 0)).toBe(true);
  expect(some((p) => p.freeze?.rows === 0) && some((p) => p.freeze?.columns === 0)).toBe(true);
  expect(some((p) => !p.print)).toBe(true);
});
