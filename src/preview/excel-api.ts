/**
 * An emulation of the part of Excel's JavaScript API the task pane uses, over a
 * PreviewBook: `Excel.run`, a request context whose `sync()` applies the queued calls in
 * order, worksheets (load/items, add, getItem, getActiveWorksheet, delete, activate),
 * ranges (values, formulas, numberFormat, font, wrap, column width, load, color scales),
 * sheet-scoped names, frozen panes, charts and the print setup (pageLayout and page breaks:
 * kept, checked as Excel checks them, not printed).
 *
 * As in Office.js, every call is queued and applied at the next sync, in order, stopping at
 * the first that fails without undoing the ones before it (a batch is not transactional);
 * a property can be read only once it has been loaded and synced (PropertyNotLoaded
 * otherwise), and a load reads the workbook where it stands in the batch. Unknown calls fail
 * loudly, so a pane change that needs more of the API shows up in the tests.
 *
 * The pane's writer (src/taskpane/excel-writer.ts) and the tests run on this emulation:
 * `runnerFor` gives the writer's ExcelRunner, which the compiler checks against the slice of
 * the API the writer declares. A hook (`ApiHook`) sees each call as it is made and as it is
 * applied, so a test can watch the calls or make one fail where Excel could.
 */
import { absoluteRef, parseRange, sheetRef } from "../plan/a1";
import { MARGIN_SIDES } from "../plan/page";
import type { ExcelRunner } from "../taskpane/excel-writer";
import {
  PreviewApiError,
  type CellStyle,
  type PreviewBook,
  type PreviewChart,
  type PreviewPrint,
  WHOLE_COLUMNS,
  WHOLE_ROWS,
} from "./book";
import type { ScaleCriteria } from "./heat";
import { PREVIEW_MSG as M } from "./messages";

/** A call the pane made on the emulated API, as an ApiHook sees it. */
export interface ApiCall {
  /**
   * What was called or set, named as in Office.js: "Excel.run", "context.sync",
   * "worksheets.add", "worksheet.getRange", "range.formulas", "range.format.font.bold",
   * "names.add", "chart.title.text", "pageLayout.orientation", "horizontalPageBreaks.add", …
   */
  readonly api: string;
  /** The sheet it acts on (known once the sheet is: at the latest when the call is applied). */
  readonly sheet?: string;
  /** The range or cell it acts on, as the pane gave it ("B4", "A:A", "1:3"). */
  readonly address?: string;
  /** The value set, or the argument given. */
  readonly value?: unknown;
}

/**
 * Sees each call when the pane makes it ("called": queued, or for Excel.run and
 * context.sync, begun) and when a sync applies it ("applied"). Throwing fails the call at
 * that moment, as Excel could: when called, in the pane's own code; when applied, the sync
 * rejects with that error and the calls applied before it stay.
 */
export type ApiHook = (call: ApiCall, moment: "called" | "applied") => void;

type Op = () => void;

/** A queued call: its description for the hook (read when it is reported) and what it does. */
interface Queued {
  describe(): ApiCall;
  apply: Op;
}

/** Office.js's error for a property read before it was loaded and synced. */
function notLoaded(property: string): never {
  throw new PreviewApiError("PropertyNotLoaded", M.notLoaded(property));
}

/** The properties a load names ("address,values", ["values"]); none named: every property. */
function loadedNames(properties: string | string[] | undefined, all: readonly string[]): Set<string> {
  if (properties === undefined) return new Set(all);
  const named = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim());
  return new Set(named.map((p) => p.split("/")[0]));
}

class Context {
  private queued: Queued[] = [];
  /** What the loads of the running sync hand to their objects once every call has succeeded. */
  private loads: Op[] = [];
  readonly workbook: { worksheets: Worksheets };

  constructor(
    readonly book: PreviewBook,
    readonly hook: ApiHook,
  ) {
    this.workbook = { worksheets: new Worksheets(this) };
  }

  /** Queues a call: the hook sees it now and again when the next sync applies it. */
  queue(describe: () => ApiCall, apply: Op = () => {}): void {
    this.hook(describe(), "called");
    this.queued.push({ describe, apply });
  }

  /** From a load, at its place in the batch: the values read there, handed over if the whole sync succeeds. */
  deliver(op: Op): void {
    this.loads.push(op);
  }

  async sync(): Promise<void> {
    this.hook({ api: "context.sync" }, "called");
    const queued = this.queued;
    this.queued = [];
    this.loads = [];
    try {
      for (const q of queued) {
        this.hook(q.describe(), "applied");
        q.apply();
      }
      for (const op of this.loads) op();
    } finally {
      this.book.notify();
    }
  }
}

class Worksheets {
  private loaded?: Worksheet[];

  constructor(private readonly ctx: Context) {}

  get items(): Worksheet[] {
    return this.loaded ?? notLoaded("items");
  }

  load(properties?: string | string[]): this {
    this.ctx.queue(
      () => ({ api: "worksheets.load", value: properties }),
      () => {
        const names = [...this.ctx.book.sheetNames];
        this.ctx.deliver(() => (this.loaded = names.map((n) => new Worksheet(this.ctx, n, true))));
      },
    );
    return this;
  }

  add(name: string): Worksheet {
    return this.named("add", name, () => this.ctx.book.addSheet(name));
  }

  getItem(name: string): Worksheet {
    return this.named("getItem", name, () => this.ctx.book.requireSheet(name));
  }

  /** A call that names its sheet (`add`, `getItem`): the proxy, bound to the name, and the call queued. */
  private named(call: "add" | "getItem", name: string, apply: () => void): Worksheet {
    const sheet = new Worksheet(this.ctx, name);
    this.ctx.queue(() => ({ api: `worksheets.${call}`, sheet: name, value: name }), apply);
    return sheet;
  }

  /** The sheet active where this call stands in the batch. */
  getActiveWorksheet(): Worksheet {
    const sheet = new Worksheet(this.ctx);
    this.ctx.queue(
      () => ({ api: "worksheets.getActiveWorksheet", sheet: sheet.bound }),
      () => (sheet.bound = this.ctx.book.active),
    );
    return sheet;
  }
}

class Worksheet {
  readonly names: { add: (name: string, reference: Range | string, comment?: string) => void };
  readonly freezePanes: {
    freezeRows: (count: number) => void;
    freezeColumns: (count: number) => void;
    freezeAt: (range: string) => void;
  };
  readonly charts: { add: (type: string, source: Range, seriesBy?: string) => Chart };
  readonly pageLayout: PageLayout;
  readonly horizontalPageBreaks: { add: (range: string | Range) => void };
  private loadedName?: string;

  /**
   * `bound`: the sheet's name, where the proxy knows it from the start (added, got by name,
   * listed); the active sheet's is known once its call is applied.
   */
  constructor(
    readonly ctx: Context,
    public bound?: string,
    nameLoaded = false,
  ) {
    if (nameLoaded) this.loadedName = bound;
    this.names = {
      add: (n, reference) =>
        this.queue("names.add", { value: n, address: typeof reference === "string" ? reference : undefined }, () => {
          const target =
            typeof reference === "string"
              ? reference.replace(/^=/, "")
              : `${sheetRef(this.target())}!${absoluteRef(reference.at())}`;
          this.ctx.book.engine.addName(n, `=${target}`, this.target());
        }),
    };
    const freeze = (rows: number, cols: number) => () => this.ctx.book.frozen.set(this.target(), { rows, cols });
    this.freezePanes = {
      freezeRows: (count) => this.queue("freezePanes.freezeRows", { value: count }, freeze(count, 0)),
      freezeColumns: (count) => this.queue("freezePanes.freezeColumns", { value: count }, freeze(0, count)),
      freezeAt: (range) =>
        this.queue("freezePanes.freezeAt", { address: range }, () => {
          const r = parseRange(range);
          freeze(r.bottom + 1, r.right + 1)();
        }),
    };
    this.charts = {
      add: (type, source) => {
        const chart = new Chart(this, type, source);
        this.queue("charts.add", { value: type, address: source.given }, () => {
          chart.spec.sheet = this.target();
          chart.spec.series[0].values = source.at();
          this.ctx.book.charts.push(chart.spec);
        });
        return chart;
      },
    };
    this.pageLayout = new PageLayout(this);
    this.horizontalPageBreaks = {
      add: (range) =>
        this.pageLayout.update("horizontalPageBreaks.add", typeof range === "string" ? range : range.given, (now) => {
          const row = parseRange((typeof range === "string" ? range : range.at()).replace(/\$/g, "")).top + 1;
          return { breaksBefore: [...(now?.breaksBefore ?? []), row] };
        }),
    };
  }

  /** The sheet's name, where a call on it is applied. */
  target(): string {
    if (this.bound === undefined) throw new PreviewApiError("ItemNotFound", M.noSheet("(not yet resolved)"));
    return this.bound;
  }

  /** Queues a call on this sheet (`api`, with its address and value for the hook). */
  queue(api: string, detail: { address?: string; value?: unknown }, apply: Op): void {
    this.ctx.queue(
      () => ({ api, sheet: this.bound, ...detail }),
      () => {
        this.ctx.book.requireSheet(this.target());
        apply();
      },
    );
  }

  get name(): string {
    return this.loadedName ?? notLoaded("name");
  }

  load(properties?: string | string[]): this {
    this.queue("worksheet.load", { value: properties }, () => {
      const name = this.target();
      if (loadedNames(properties, ["name"]).has("name")) this.ctx.deliver(() => (this.loadedName = name));
    });
    return this;
  }

  getRange(address: string): Range {
    if (address.includes("!")) throw new PreviewApiError("InvalidArgument", M.addressOnSheet(address));
    const range = new Range(this, address);
    this.queue("worksheet.getRange", { address }, () => this.ctx.book.checkRange(this.target(), address));
    return range;
  }

  getUsedRange(valuesOnly?: boolean): Range {
    const range = new Range(this, () => this.ctx.book.usedRangeAddress(this.target()));
    this.queue("worksheet.getUsedRange", { value: valuesOnly }, () => {});
    return range;
  }

  activate(): void {
    this.queue("worksheet.activate", {}, () => (this.ctx.book.active = this.target()));
  }

  delete(): void {
    this.queue("worksheet.delete", {}, () => this.ctx.book.deleteSheet(this.target()));
  }
}

/** The properties a Range loads. */
const RANGE_PROPERTIES = ["address", "values", "formulas", "numberFormat", "rowCount", "columnCount"] as const;
type RangeProperty = (typeof RANGE_PROPERTIES)[number];

/** Defines `name` on `target` as a property the pane sets (queued) and cannot read unless loaded. */
function settable<T>(target: object, name: string, set: (value: T) => void): void {
  Object.defineProperty(target, name, { set, get: () => notLoaded(name), enumerable: true });
}

class Range {
  private loaded: Partial<Record<RangeProperty, unknown>> = {};
  readonly format: {
    columnWidth: number;
    wrapText: boolean;
    font: { bold: boolean; color: string };
    autofitRows(): void;
  };
  /** Color scales only: `add("ColorScale")`, then its `colorScale.criteria` set (applied at sync). */
  readonly conditionalFormats: { add: (type: string) => { colorScale: { criteria: ScaleCriteria } } };

  /** `where`: the address given, or (a used range) the address as the workbook stands when a call is applied. */
  constructor(
    private readonly sheet: Worksheet,
    private readonly where: string | (() => string),
  ) {
    const book = () => this.sheet.ctx.book;
    const style =
      <K extends keyof CellStyle>(api: string, key: K) =>
      (value: CellStyle[K]) =>
        this.queue(api, value, () => book().writeStyle(this.sheet.target(), this.at(), { [key]: value }));
    const font = {} as Range["format"]["font"];
    settable(font, "bold", style("range.format.font.bold", "bold"));
    settable(font, "color", style("range.format.font.color", "color"));
    // The rows' heights follow their wrapped text from then on (PreviewBook.rowHeights).
    const autofitRows = () =>
      this.queue("range.format.autofitRows", undefined, () => book().autofitRows(this.sheet.target(), this.at()));
    const format = { font, autofitRows } as Range["format"];
    settable(format, "wrapText", style("range.format.wrapText", "wrap"));
    settable(format, "columnWidth", (points: number) =>
      this.queue("range.format.columnWidth", points, () =>
        book().setColumnWidth(this.sheet.target(), this.at(), points),
      ),
    );
    this.format = format;
    this.conditionalFormats = {
      add: (type) => {
        this.queue("range.conditionalFormats.add", type, () => {
          if (type !== "ColorScale") throw new PreviewApiError("InvalidArgument", M.conditionalFormatType(type));
        });
        const colorScale = {} as { criteria: ScaleCriteria };
        settable(colorScale, "criteria", (criteria: ScaleCriteria) =>
          this.queue("colorScale.criteria", criteria, () =>
            book().addColorScale(this.sheet.target(), this.at(), criteria),
          ),
        );
        return { colorScale };
      },
    };
  }

  /** The address where a call is applied (the sheet's own, without its name). */
  at(): string {
    return typeof this.where === "string" ? this.where : this.where();
  }

  /** The address as the pane gave it (undefined for a used range, known only when applied). */
  get given(): string | undefined {
    return typeof this.where === "string" ? this.where : undefined;
  }

  /** Queues a call on this range: the range is checked where it is applied, then `apply` runs. */
  private queue(api: string, value: unknown, apply: Op): void {
    this.sheet.queue(api, { address: this.given, value }, () => {
      this.sheet.ctx.book.checkRange(this.sheet.target(), this.at());
      apply();
    });
  }

  private read(property: RangeProperty): unknown {
    return property in this.loaded ? this.loaded[property] : notLoaded(property);
  }

  /** As Office.js reports it once loaded: with the sheet ("Deal!A1:E20"). */
  get address(): string {
    return this.read("address") as string;
  }

  set values(v: unknown[][]) {
    this.queue("range.values", v, () => this.sheet.ctx.book.writeCells(this.sheet.target(), this.at(), v));
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }

  set formulas(v: unknown[][]) {
    this.queue("range.formulas", v, () => this.sheet.ctx.book.writeCells(this.sheet.target(), this.at(), v));
  }
  get formulas(): unknown[][] {
    return this.read("formulas") as unknown[][];
  }

  set numberFormat(v: unknown[][]) {
    this.queue("range.numberFormat", v, () =>
      this.sheet.ctx.book.writeStyle(
        this.sheet.target(),
        this.at(),
        v.map((row) => row.map((f) => ({ numberFormat: String(f) }))),
      ),
    );
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }

  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }

  load(properties?: string | string[]): this {
    this.queue("range.load", properties, () => {
      const book = this.sheet.ctx.book;
      const sheet = this.sheet.target();
      const at = this.at();
      const values = book.readValues(sheet, at);
      const read: Record<RangeProperty, () => unknown> = {
        address: () => `${sheetRef(sheet)}!${at}`,
        values: () => values,
        formulas: () => book.readFormulas(sheet, at),
        numberFormat: () => book.readFormats(sheet, at),
        rowCount: () => values.length,
        columnCount: () => values[0]?.length ?? 0,
      };
      const wanted = [...loadedNames(properties, RANGE_PROPERTIES)].filter((p): p is RangeProperty => p in read);
      const got = Object.fromEntries(wanted.map((p) => [p, read[p]()]));
      this.sheet.ctx.deliver(() => Object.assign(this.loaded, got));
    });
    return this;
  }
}

const ORIENTATIONS = ["Portrait", "Landscape"];

/** Worksheet.pageLayout: what the pane sets is kept in `book.print`, refused where Excel refuses it. */
class PageLayout {
  // PageLayout.leftMargin … footerMargin (points): kept in book.print's margins, refused when negative.
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare orientation: string;
  declare paperSize: string;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };

  constructor(private readonly sheet: Worksheet) {
    // A margin, in points: the other sides are read when the batch runs (at sync), not when it is set.
    for (const side of MARGIN_SIDES)
      settable(this, `${side}Margin`, (points: number) =>
        this.update(
          `pageLayout.${side}Margin`,
          points,
          (now) => ({ margins: { ...now?.margins, [side]: points } }),
          Number.isFinite(points) && points >= 0 ? undefined : `${side} margin ${points}`,
        ),
      );
    settable(this, "orientation", (v: string) =>
      this.update("pageLayout.orientation", v, { orientation: v }, oneOf(ORIENTATIONS, v, "orientation")),
    );
    settable(this, "paperSize", (v: string) => this.update("pageLayout.paperSize", v, { paperSize: v }));
    settable(this, "zoom", (v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) => {
      const pages = [v.horizontalFitToPages, v.verticalFitToPages].filter((p) => p !== undefined && p !== null);
      const ok =
        pages.every((p) => Number.isInteger(p) && (p as number) >= 0) &&
        (v.scale === undefined || v.scale === null || (v.scale >= 10 && v.scale <= 400));
      this.update("pageLayout.zoom", v, { zoom: { ...v } }, ok ? undefined : `zoom ${JSON.stringify(v)}`);
    });
  }

  /**
   * Queues a change of the print setup (`api` and `value` for the hook): a patch, or a
   * function of the setup as it is when the batch runs; refused there when `invalid` says
   * what is wrong. Also the worksheet's page breaks (kept beside the page layout, as in a file).
   */
  update(
    api: string,
    value: unknown,
    patch: PreviewPrint | ((now: PreviewPrint | undefined) => PreviewPrint),
    invalid?: string,
  ): void {
    this.sheet.queue(api, { value }, () => {
      if (invalid !== undefined) throw new PreviewApiError("InvalidArgument", M.invalidPrint(invalid));
      const print = this.sheet.ctx.book.print;
      const now = print.get(this.sheet.target());
      print.set(this.sheet.target(), { ...now, ...(typeof patch === "function" ? patch(now) : patch) });
    });
  }

  setPrintArea(area: string): void {
    let ok = true;
    try {
      parseRange(area.replace(/\$/g, ""));
    } catch {
      ok = false;
    }
    this.update("pageLayout.setPrintArea", area, { area }, ok ? undefined : `print area ${area}`);
  }
  setPrintTitleRows(rows: string): void {
    const invalid = WHOLE_ROWS.test(rows) ? undefined : `print title rows ${rows}`;
    this.update("pageLayout.setPrintTitleRows", rows, { titleRows: rows }, invalid);
  }
  setPrintTitleColumns(columns: string): void {
    const invalid = WHOLE_COLUMNS.test(columns) ? undefined : `print title columns ${columns}`;
    this.update("pageLayout.setPrintTitleColumns", columns, { titleColumns: columns }, invalid);
  }
}

/** Undefined when `v` is one of `allowed`; otherwise what is wrong ("orientation Sideways"). */
function oneOf(allowed: readonly string[], v: string, what: string): string | undefined {
  return allowed.includes(v) ? undefined : `${what} ${v}`;
}

const TICK_MARKS = ["None", "Cross", "Inside", "Outside"];
const TICK_LABEL_POSITIONS = ["NextToAxis", "High", "Low", "None"];
const LEGEND_POSITIONS = ["Top", "Bottom", "Left", "Right", "Corner", "Custom"];

/**
 * A chart: its spec (pushed to the book when `charts.add` is applied) is filled in by the
 * calls the pane queues on it, each applied at the sync, and drawn by the preview from the
 * sheet's values.
 */
class Chart {
  readonly spec: PreviewChart;
  readonly title: { text: string };
  readonly series: { getItemAt: (index: number) => Series; add: (name?: string) => Series };
  readonly axes: { categoryAxis: Axis; valueAxis: Axis };
  readonly legend: { visible: boolean; position: string };
  readonly format: { font: { size: number } };

  constructor(
    private readonly sheet: Worksheet,
    type: string,
    source: Range,
  ) {
    const spec: PreviewChart = {
      sheet: "",
      type,
      title: "",
      series: [{ name: "Series 1", values: source.given ?? "" }],
    };
    const legend = { visible: true, position: "Right" };
    spec.legend = legend;
    this.spec = spec;
    this.title = {} as { text: string };
    settable(this.title, "text", (t: string) => this.set("chart.title.text", t, () => (spec.title = t)));
    this.series = {
      getItemAt: (index) => new Series(this, index),
      add: (name) => {
        const index = spec.series.length;
        // Its place is taken now, so that calls on it queued before the sync find it.
        spec.series.push({ name: name ?? `Series ${index + 1}`, values: "" });
        this.set("chart.series.add", name, () => {});
        return new Series(this, index);
      },
    };
    this.axes = { categoryAxis: new Axis(this, "x"), valueAxis: new Axis(this, "y") };
    this.format = { font: {} as { size: number } };
    settable(this.format.font, "size", (v: number) =>
      this.set(
        "chart.format.font.size",
        v,
        () => (spec.fontSize = v),
        v >= 1 && v <= 409 ? undefined : `font size ${v}`,
      ),
    );
    this.legend = {} as { visible: boolean; position: string };
    settable(this.legend, "visible", (v: boolean) => this.set("chart.legend.visible", v, () => (legend.visible = v)));
    settable(this.legend, "position", (v: string) =>
      this.set("chart.legend.position", v, () => (legend.position = v), oneOf(LEGEND_POSITIONS, v, "legend")),
    );
  }

  /** Queues a change of the chart (`api`, `value`: for the hook), applied at the sync; refused if `invalid`. */
  set(api: string, value: unknown, apply: Op, invalid?: string): void {
    this.sheet.queue(api, { value }, () => {
      if (invalid !== undefined) throw new PreviewApiError("InvalidArgument", M.invalidChart(invalid));
      apply();
    });
  }

  setPosition(from: string | Range, to?: string | Range): void {
    const at = (r: string | Range | undefined) => (r === undefined || typeof r === "string" ? r : r.at());
    this.set("chart.setPosition", [at(from), at(to)], () => {
      this.spec.from = at(from);
      this.spec.to = at(to);
    });
  }
}

/** A chart axis: its title, tick marks, tick-label position and the labels' number format. */
class Axis {
  declare numberFormat: string;
  declare majorTickMark: string;
  declare tickLabelPosition: string;
  readonly title: { text: string };

  constructor(chart: Chart, which: "x" | "y") {
    const spec = chart.spec;
    const name = which === "x" ? "categoryAxis" : "valueAxis";
    const tick = () => ((spec.ticks ??= {})[which] ??= {});
    this.title = {} as { text: string };
    settable(this.title, "text", (t: string) =>
      chart.set(`chart.axes.${name}.title.text`, t, () => (spec[which === "x" ? "xTitle" : "yTitle"] = t)),
    );
    settable(this, "numberFormat", (f: string) =>
      chart.set(`chart.axes.${name}.numberFormat`, f, () => (spec[which === "x" ? "xFormat" : "yFormat"] = f)),
    );
    settable(this, "majorTickMark", (v: string) =>
      chart.set(`chart.axes.${name}.majorTickMark`, v, () => (tick().mark = v), oneOf(TICK_MARKS, v, "majorTickMark")),
    );
    settable(this, "tickLabelPosition", (v: string) =>
      chart.set(
        `chart.axes.${name}.tickLabelPosition`,
        v,
        () => (tick().labels = v),
        oneOf(TICK_LABEL_POSITIONS, v, "tickLabelPosition"),
      ),
    );
  }
}

class Series {
  declare name: string;

  constructor(
    private readonly chart: Chart,
    private readonly index: number,
  ) {
    const line = () => this.chart.spec.series[this.index];
    settable(this, "name", (n: string) => this.chart.set("chart.series.name", n, () => (line().name = n)));
  }

  setValues(range: Range): void {
    this.chart.set(
      "chart.series.setValues",
      range.given,
      () => (this.chart.spec.series[this.index].values = range.at()),
    );
  }

  setXAxisValues(range: Range): void {
    this.chart.set("chart.series.setXAxisValues", range.given, () => (this.chart.spec.categories = range.at()));
  }
}

/** Reports nothing and fails nothing: the preview page's hook. */
const NO_HOOK: ApiHook = () => {};

/** `Excel` for the pane: run a batch, then sync what it left queued, as Excel.run does. */
export function excelFor(book: PreviewBook, hook: ApiHook = NO_HOOK) {
  return {
    async run<T>(batch: (context: Context) => Promise<T>): Promise<T> {
      hook({ api: "Excel.run" }, "called");
      const context = new Context(book, hook);
      const result = await batch(context);
      await context.sync();
      return result;
    },
  };
}

/**
 * The pane's writer's runner over the emulation. Typed as the writer's ExcelRunner: the
 * compiler checks that the emulation has every call the writer declares it makes.
 */
export function runnerFor(book: PreviewBook, hook?: ApiHook): ExcelRunner {
  return excelFor(book, hook).run;
}

/** `Office` for the pane: Excel, every requirement set the preview emulates. */
export function officeFor() {
  const info = { host: "Excel", platform: "OfficeOnline" };
  return {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: { requirements: { isSetSupported: () => true } },
  };
}
