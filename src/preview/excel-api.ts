/**
 * An emulation of the part of Excel's JavaScript API the task pane uses, over a
 * PreviewBook: `Excel.run`, a request context whose `sync()` applies the queued calls in
 * order, worksheets (load/items, add, getItem, getActiveWorksheet, delete, activate),
 * ranges (values, formulas, numberFormat, font, column width, load, color scales),
 * sheet-scoped names, frozen rows, charts and the print setup (pageLayout: kept, checked as
 * Excel checks it, not printed). Unknown calls fail loudly, so a pane change that needs more of
 * the API shows up in the preview's tests instead of silently doing nothing.
 */
import { absoluteRef, parseRange, sheetRef } from "../plan/a1";
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

type Op = () => void;

class Context {
  private ops: Op[] = [];
  private afterSync: Op[] = [];
  readonly workbook: { worksheets: Worksheets };

  constructor(readonly book: PreviewBook) {
    this.workbook = { worksheets: new Worksheets(this) };
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  /** Fills in loaded properties once the queued calls before it have run. */
  whenSynced(op: Op): void {
    this.ops.push(() => this.afterSync.push(op));
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.afterSync = [];
    try {
      for (const op of ops) op();
      for (const op of this.afterSync) op();
    } finally {
      this.book.notify();
    }
  }
}

class Worksheets {
  items: Worksheet[] = [];
  constructor(private readonly ctx: Context) {}

  load(): this {
    this.ctx.whenSynced(() => {
      this.items = this.ctx.book.sheetNames.map((n) => new Worksheet(this.ctx, n));
    });
    return this;
  }

  add(name: string): Worksheet {
    this.ctx.queue(() => this.ctx.book.addSheet(name));
    return new Worksheet(this.ctx, name);
  }

  getItem(name: string): Worksheet {
    this.ctx.queue(() => this.ctx.book.requireSheet(name));
    return new Worksheet(this.ctx, name);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, this.ctx.book.active);
  }
}

class Worksheet {
  readonly names: { add: (name: string, reference: Range | string, comment?: string) => void };
  readonly freezePanes: { freezeRows: (count: number) => void; freezeAt: (range: string) => void };
  readonly charts: { add: (type: string, source: Range, seriesBy?: string) => Chart };
  readonly pageLayout: PageLayout;
  readonly horizontalPageBreaks: { add: (range: string | Range) => void };

  constructor(
    private readonly ctx: Context,
    readonly name: string,
  ) {
    this.names = {
      add: (n, reference) => {
        const target =
          typeof reference === "string"
            ? reference.replace(/^=/, "")
            : `${sheetRef(this.name)}!${absoluteRef(reference.address)}`;
        this.ctx.queue(() => this.ctx.book.engine.addName(n, `=${target}`, this.name));
      },
    };
    this.freezePanes = {
      freezeRows: (count) => this.ctx.queue(() => this.ctx.book.frozen.set(this.name, { rows: count, cols: 0 })),
      freezeAt: (range) =>
        this.ctx.queue(() => {
          const r = parseRange(range);
          this.ctx.book.frozen.set(this.name, { rows: r.bottom + 1, cols: r.right + 1 });
        }),
    };
    this.charts = {
      add: (type, source) => {
        const chart = new Chart(this.name, type, source.address);
        this.ctx.queue(() => {
          this.ctx.book.requireSheet(this.name);
          this.ctx.book.charts.push(chart.spec);
        });
        return chart;
      },
    };
    this.pageLayout = new PageLayout(ctx, name);
    this.horizontalPageBreaks = {
      add: (range) =>
        this.pageLayout.set((now) => {
          const address = typeof range === "string" ? range : range.address;
          const row = parseRange(address.replace(/\$/g, "")).top + 1;
          return { breaksBefore: [...(now?.breaksBefore ?? []), row] };
        }),
    };
  }

  load(): this {
    return this;
  }

  getRange(address: string): Range {
    if (address.includes("!")) throw new PreviewApiError("InvalidArgument", M.addressOnSheet(address));
    return new Range(this.ctx, this.name, address);
  }

  getUsedRange(): Range {
    return new Range(this.ctx, this.name, () => this.ctx.book.usedRangeAddress(this.name));
  }

  activate(): void {
    this.ctx.queue(() => {
      this.ctx.book.requireSheet(this.name);
      this.ctx.book.active = this.name;
    });
  }

  delete(): void {
    this.ctx.queue(() => this.ctx.book.deleteSheet(this.name));
  }
}

class Range {
  private loadedValues: unknown[][] = [];
  private loadedFormulas: unknown[][] = [];
  private loadedFormats: unknown[][] = [];
  private resolved = "";
  readonly format: {
    columnWidth: number;
    wrapText: boolean;
    font: { bold: boolean; color: string };
    fill: { color: string };
    autofitRows(): void;
  };
  /** Color scales only: `add("ColorScale")`, then its `colorScale.criteria` set (applied at sync). */
  readonly conditionalFormats: { add: (type: string) => { colorScale: { criteria: ScaleCriteria } } };

  constructor(
    private readonly ctx: Context,
    private readonly sheet: string,
    private readonly where: string | (() => string),
  ) {
    const queueStyle = (patch: CellStyle) =>
      this.ctx.queue(() => this.ctx.book.writeStyle(this.sheet, this.at(), patch));
    const font = Object.defineProperties({} as { bold: boolean; color: string }, {
      bold: { set: (v: boolean) => queueStyle({ bold: v }), get: () => false },
      color: { set: (v: string) => queueStyle({ color: v }), get: () => "" },
    });
    // Row heights follow the text in the preview's grid (an HTML table), so autofitting has nothing to do but
    // check the range, as Excel does.
    const autofitRows = () => this.ctx.queue(() => this.ctx.book.checkRange(this.sheet, this.at()));
    const format = Object.defineProperties({ font, fill: { color: "" }, autofitRows } as Range["format"], {
      wrapText: { set: (v: boolean) => queueStyle({ wrap: v }), get: () => false },
      columnWidth: {
        set: (points: number) => this.ctx.queue(() => this.ctx.book.setColumnWidth(this.sheet, this.at(), points)),
        get: () => 0,
      },
    });
    this.format = format;
    this.conditionalFormats = {
      add: (type) => {
        if (type !== "ColorScale") throw new PreviewApiError("InvalidArgument", M.conditionalFormatType(type));
        let criteria: ScaleCriteria = { minimum: { type: "LowestValue" }, maximum: { type: "HighestValue" } };
        return {
          colorScale: Object.defineProperty({} as { criteria: ScaleCriteria }, "criteria", {
            set: (c: ScaleCriteria) => {
              criteria = c;
              this.ctx.queue(() => this.ctx.book.addColorScale(this.sheet, this.at(), criteria));
            },
            get: () => criteria,
            enumerable: true,
          }),
        };
      },
    };
  }

  private at(): string {
    return typeof this.where === "string" ? this.where : this.where();
  }

  /** As Office.js reports it once loaded: with the sheet ("Deal!A1:E20"). */
  get address(): string {
    return this.resolved ? `${sheetRef(this.sheet)}!${this.resolved}` : this.at();
  }

  set values(v: unknown[][]) {
    this.ctx.queue(() => this.ctx.book.writeCells(this.sheet, this.at(), v));
  }
  get values(): unknown[][] {
    return this.loadedValues;
  }

  set formulas(v: unknown[][]) {
    this.ctx.queue(() => this.ctx.book.writeCells(this.sheet, this.at(), v));
  }
  get formulas(): unknown[][] {
    return this.loadedFormulas;
  }

  set numberFormat(v: unknown[][]) {
    this.ctx.queue(() =>
      this.ctx.book.writeStyle(
        this.sheet,
        this.at(),
        v.map((row) => row.map((f) => ({ numberFormat: String(f) }))),
      ),
    );
  }
  get numberFormat(): unknown[][] {
    return this.loadedFormats;
  }

  get rowCount(): number {
    return this.loadedValues.length;
  }
  get columnCount(): number {
    return this.loadedValues[0]?.length ?? 0;
  }

  load(): this {
    this.ctx.whenSynced(() => {
      const at = this.at();
      this.resolved = at;
      this.loadedValues = this.ctx.book.readValues(this.sheet, at);
      this.loadedFormulas = this.ctx.book.readFormulas(this.sheet, at);
      this.loadedFormats = this.ctx.book.readFormats(this.sheet, at);
    });
    return this;
  }
}

/** Whole rows ("$1:$3") or whole columns ("$A:$A"), as setPrintTitleRows/Columns require. */
const ORIENTATIONS = ["Portrait", "Landscape"];

/**
 * Excel's default ("Normal") margins in points, by side: 0.7 inch left and right, 0.75 top and
 * bottom, 0.3 header and footer.
 */
const DEFAULT_MARGINS = { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 } as const;
type Side = keyof typeof DEFAULT_MARGINS;

/** Worksheet.pageLayout: what the pane sets is kept in `book.print`, refused where Excel refuses it. */
class PageLayout {
  // PageLayout.leftMargin … footerMargin (points): kept in book.print's margins, refused when negative.
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;

  constructor(
    private readonly ctx: Context,
    private readonly sheet: string,
  ) {
    for (const side of Object.keys(DEFAULT_MARGINS) as Side[]) {
      Object.defineProperty(this, `${side}Margin`, {
        // The other sides are read when the batch runs (at sync), not when the property is set.
        set: (points: number) =>
          this.set(
            (now) => ({ margins: { ...now?.margins, [side]: points } }),
            Number.isFinite(points) && points >= 0,
            `${side} margin ${points}`,
          ),
        get: () => this.ctx.book.print.get(this.sheet)?.margins?.[side] ?? DEFAULT_MARGINS[side],
      });
    }
  }

  /**
   * Queues a change of the print setup: a patch, or a function of the setup as it is when the
   * batch runs. Also the worksheet's page breaks (kept beside the page layout, as in a file).
   */
  set(patch: PreviewPrint | ((now: PreviewPrint | undefined) => PreviewPrint), valid = true, what = ""): void {
    this.ctx.queue(() => {
      this.ctx.book.requireSheet(this.sheet);
      if (!valid) throw new PreviewApiError("InvalidArgument", M.invalidPrint(what));
      const now = this.ctx.book.print.get(this.sheet);
      this.ctx.book.print.set(this.sheet, { ...now, ...(typeof patch === "function" ? patch(now) : patch) });
    });
  }

  set orientation(v: string) {
    this.set({ orientation: v }, ORIENTATIONS.includes(v), `orientation ${v}`);
  }
  get orientation(): string {
    return this.ctx.book.print.get(this.sheet)?.orientation ?? "Portrait";
  }
  set paperSize(v: string) {
    this.set({ paperSize: v });
  }
  get paperSize(): string {
    return this.ctx.book.print.get(this.sheet)?.paperSize ?? "Letter";
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    const pages = [v.horizontalFitToPages, v.verticalFitToPages].filter((p) => p !== undefined && p !== null);
    const ok =
      pages.every((p) => Number.isInteger(p) && (p as number) >= 0) &&
      (v.scale === undefined || v.scale === null || (v.scale >= 10 && v.scale <= 400));
    this.set({ zoom: { ...v } }, ok, `zoom ${JSON.stringify(v)}`);
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.ctx.book.print.get(this.sheet)?.zoom ?? { scale: 100 };
  }
  setPrintArea(area: string): void {
    let ok = true;
    try {
      parseRange(area.replace(/\$/g, ""));
    } catch {
      ok = false;
    }
    this.set({ area }, ok, `print area ${area}`);
  }
  setPrintTitleRows(rows: string): void {
    this.set({ titleRows: rows }, WHOLE_ROWS.test(rows), `print title rows ${rows}`);
  }
  setPrintTitleColumns(columns: string): void {
    this.set({ titleColumns: columns }, WHOLE_COLUMNS.test(columns), `print title columns ${columns}`);
  }
}

/** A chart: its spec is filled in as the pane sets it, and drawn by the preview from the sheet's values. */
class Chart {
  readonly spec: PreviewChart;
  readonly title: { text: string };
  readonly series: { getItemAt: (index: number) => Series; add: (name?: string) => Series };
  readonly axes: { categoryAxis: Axis; valueAxis: Axis };
  readonly legend: { visible: boolean; position: string };
  readonly format: { font: { size: number } };

  constructor(sheet: string, type: string, source: string) {
    const spec: PreviewChart = { sheet, type, title: "", series: [{ name: "Series 1", values: source }] };
    this.spec = spec;
    this.title = textProperty(
      (t) => (spec.title = t),
      () => spec.title,
    );
    this.series = {
      getItemAt: (index) => new Series(spec, index),
      add: (name) => {
        spec.series.push({ name: name ?? `Series ${spec.series.length + 1}`, values: "" });
        return new Series(spec, spec.series.length - 1);
      },
    };
    this.axes = { categoryAxis: new Axis(spec, "x"), valueAxis: new Axis(spec, "y") };
    this.format = {
      font: Object.defineProperty({} as { size: number }, "size", {
        set: (v: number) => {
          if (!(v >= 1 && v <= 409)) throw new PreviewApiError("InvalidArgument", M.invalidChart(`font size ${v}`));
          spec.fontSize = v;
        },
        get: () => spec.fontSize ?? 10,
        enumerable: true,
      }),
    };
    const legend: { visible: boolean; position: string } = { visible: true, position: "Right" };
    spec.legend = legend;
    this.legend = Object.defineProperties({} as { visible: boolean; position: string }, {
      visible: { set: (v: boolean) => (legend.visible = v), get: () => legend.visible, enumerable: true },
      position: {
        set: (v: string) => {
          if (!LEGEND_POSITIONS.includes(v))
            throw new PreviewApiError("InvalidArgument", M.invalidChart(`legend ${v}`));
          legend.position = v;
        },
        get: () => legend.position,
        enumerable: true,
      },
    });
  }

  setPosition(from: string | Range, to?: string | Range): void {
    this.spec.from = typeof from === "string" ? from : from.address;
    this.spec.to = to === undefined ? undefined : typeof to === "string" ? to : to.address;
  }
}

const TICK_MARKS = ["None", "Cross", "Inside", "Outside"];
const TICK_LABEL_POSITIONS = ["NextToAxis", "High", "Low", "None"];
const LEGEND_POSITIONS = ["Top", "Bottom", "Left", "Right", "Corner", "Custom"];

/** A chart axis: its title, tick marks, tick-label position and the labels' number format. */
class Axis {
  readonly title: { text: string };

  constructor(
    private readonly spec: PreviewChart,
    private readonly which: "x" | "y",
  ) {
    const key = which === "x" ? "xTitle" : "yTitle";
    this.title = textProperty(
      (t) => (spec[key] = t),
      () => spec[key] ?? "",
    );
  }

  private tick(): { mark?: string; labels?: string } {
    this.spec.ticks ??= {};
    return (this.spec.ticks[this.which] ??= {});
  }

  set numberFormat(f: string) {
    if (this.which === "x") this.spec.xFormat = f;
    else this.spec.yFormat = f;
  }
  get numberFormat(): string {
    return (this.which === "x" ? this.spec.xFormat : this.spec.yFormat) ?? "General";
  }
  set majorTickMark(v: string) {
    if (!TICK_MARKS.includes(v)) throw new PreviewApiError("InvalidArgument", M.invalidChart(`majorTickMark ${v}`));
    this.tick().mark = v;
  }
  get majorTickMark(): string {
    return this.tick().mark ?? "Outside";
  }
  set tickLabelPosition(v: string) {
    if (!TICK_LABEL_POSITIONS.includes(v))
      throw new PreviewApiError("InvalidArgument", M.invalidChart(`tickLabelPosition ${v}`));
    this.tick().labels = v;
  }
  get tickLabelPosition(): string {
    return this.tick().labels ?? "NextToAxis";
  }
}

class Series {
  constructor(
    private readonly spec: PreviewChart,
    private readonly index: number,
  ) {}
  set name(n: string) {
    this.spec.series[this.index].name = n;
  }
  get name(): string {
    return this.spec.series[this.index].name;
  }
  setValues(range: Range): void {
    this.spec.series[this.index].values = range.address;
  }
  setXAxisValues(range: Range): void {
    this.spec.categories = range.address;
  }
}

function textProperty(set: (t: string) => void, get: () => string): { text: string } {
  return Object.defineProperty({} as { text: string }, "text", { set, get, enumerable: true });
}

/** `Excel` for the pane: run a batch, then sync what it left queued, as Excel.run does. */
export function excelFor(book: PreviewBook) {
  return {
    async run<T>(batch: (context: Context) => Promise<T>): Promise<T> {
      const context = new Context(book);
      const result = await batch(context);
      await context.sync();
      return result;
    },
  };
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
