/**
 * The Excel writer against a small hand-written fake of Excel.run: a workbook of sheets
 * and cells, a request context that queues operations until sync() and then applies them
 * in order (stopping at the first failure, as Office.js batches do: not transactional),
 * and proxies that throw when an unloaded property is read.
 */
import { buildDealPlan } from "../src/plan/deal";
import { parseRange } from "../src/plan/a1";
import { colorScale, HEAT, type SheetPlan } from "../src/plan/plan";
import { VALUE_ADD } from "../src/plan/templates/value-add";
import { buildExamplePlan } from "../src/plan/example";
import { WRITER_MESSAGES } from "../src/taskpane/messages";
import {
  type ChartAxisLike,
  type ChartLike,
  type ChartSeriesLike,
  type ColorScaleCriteriaLike,
  type ContextLike,
  copyAsValues,
  describeError,
  type ExcelRunner,
  type LoadableRangeLike,
  type RangeLike,
  type SourceSheetLike,
  type WorksheetCollectionLike,
  type WorksheetLike,
  writePlan,
} from "../src/taskpane/excel-writer";

type CellState = Record<string, unknown>;

interface SheetState {
  name: string;
  cells: Map<string, CellState>;
}

interface Write {
  sheet: string;
  address: string;
  property: string;
  value: unknown;
}

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

class FakeWorkbook {
  sheets: SheetState[];
  active: string;
  readonly writes: Write[] = [];
  readonly deleted: string[] = [];
  /** Sheets whose used range was read. */
  readonly reads: string[] = [];
  /** Operations applied by each sync, in order. */
  readonly syncs: number[] = [];
  runs = 0;
  /** Fail (at sync time) the write of this property to this address, e.g. "B19 formulas". */
  failWrite?: string;
  /** Throw at once when the writer asks for this range (a failure while queueing). */
  throwOnGetRange?: string;
  /** Fail this sync (1-based) before it applies anything. */
  failSync?: number;
  failDelete = false;

  constructor(sheets: Record<string, Record<string, unknown>>) {
    this.sheets = Object.entries(sheets).map(([name, cells]) => ({
      name,
      cells: new Map(Object.entries(cells).map(([address, values]) => [address, { values }])),
    }));
    this.active = this.sheets[0].name;
  }

  readonly run: ExcelRunner = <T>(batch: (context: ContextLike) => Promise<T>): Promise<T> => {
    this.runs++;
    return batch(new FakeContext(this));
  };

  find(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  snapshot(): unknown {
    return this.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()].map(([a, c]) => [a, { ...c }]) }));
  }
}

class FakeContext implements ContextLike {
  readonly queue: (() => void)[] = [];
  readonly workbook: { readonly worksheets: WorksheetCollectionLike };

  constructor(readonly book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }

  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    this.book.syncs.push(ops.length);
    if (this.book.failSync === this.book.syncs.length) throw officeError("GeneralException", "The sync failed.");
    for (const op of ops) op();
  }
}

class FakeWorksheets implements WorksheetCollectionLike {
  private loaded?: FakeSheet[];

  constructor(private readonly context: FakeContext) {}

  get items(): readonly WorksheetLike[] {
    if (!this.loaded) throw officeError("PropertyNotLoaded", "items is not loaded; call load() and sync().");
    return this.loaded;
  }

  load(propertyNames: string): unknown {
    expect(propertyNames).toBe("items/name");
    this.context.queue.push(() => {
      this.loaded = this.context.book.sheets.map((state) => new FakeSheet(this.context, state.name, state));
    });
    return this;
  }

  getActiveWorksheet(): SourceSheetLike {
    return new FakeSourceSheet(this.context);
  }

  add(name: string): WorksheetLike {
    const sheet = new FakeSheet(this.context, name);
    this.context.queue.push(() => {
      const book = this.context.book;
      if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw officeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
      }
      const state: SheetState = { name, cells: new Map() };
      book.sheets.push(state);
      sheet.state = state;
    });
    return sheet;
  }
}

class FakeSheet implements WorksheetLike {
  readonly names: WorksheetLike["names"];
  readonly freezePanes: WorksheetLike["freezePanes"];
  readonly charts: WorksheetLike["charts"];
  readonly pageLayout: WorksheetLike["pageLayout"];
  readonly horizontalPageBreaks: WorksheetLike["horizontalPageBreaks"];

  constructor(
    private readonly context: FakeContext,
    readonly name: string,
    public state?: SheetState,
  ) {
    const op = (address: string, property: string, value: unknown) => this.queueWrite(address, property, value);
    this.names = {
      add: (n: string, reference: RangeLike | string) =>
        op(typeof reference === "string" ? reference : (reference as FakeRange).address, "name", n),
    };
    this.freezePanes = {
      freezeRows: (count: number) => op("", "freezeRows", count),
      freezeAt: (range: string) => op(range, "freezeAt", range),
    };
    this.charts = { add: (type, source) => new FakeChart(op, type, (source as FakeRange).address) };
    this.horizontalPageBreaks = { add: (range: string) => op(range, "print.breakBefore", range) };
    const unloaded = (property: string) => () => {
      throw officeError("PropertyNotLoaded", property);
    };
    this.pageLayout = Object.defineProperties(
      {
        setPrintArea: (area: string) => op(area, "print.area", area),
        setPrintTitleRows: (rows: string) => op(rows, "print.titleRows", rows),
        setPrintTitleColumns: (columns: string) => op(columns, "print.titleColumns", columns),
      } as WorksheetLike["pageLayout"],
      Object.fromEntries(
        [
          "orientation",
          "paperSize",
          "zoom",
          "leftMargin",
          "rightMargin",
          "topMargin",
          "bottomMargin",
          "headerMargin",
          "footerMargin",
        ].map((p) => [p, { set: (v: unknown) => op("", `print.${p}`, v), get: unloaded(p) }]),
      ),
    );
  }

  /** Queues a write that is not a cell property (a name, the frozen panes, the chart). */
  queueWrite(address: string, property: string, value: unknown): void {
    this.context.queue.push(() => {
      const state = this.resolve();
      if (this.context.book.failWrite === `${address} ${property}`)
        throw officeError("InvalidArgument", "The argument is invalid.");
      this.context.book.writes.push({ sheet: state.name, address, property, value });
    });
  }

  private resolve(): SheetState {
    if (!this.state || !this.context.book.sheets.includes(this.state))
      throw officeError("ItemNotFound", `No sheet ${this.name}.`);
    return this.state;
  }

  getRange(address: string): RangeLike {
    if (this.context.book.throwOnGetRange === address) throw new Error(`Bad range ${address}`);
    return new FakeRange(this.context, () => this.resolve(), address);
  }

  activate(): void {
    this.context.queue.push(() => {
      this.context.book.active = this.resolve().name;
    });
  }

  delete(): void {
    this.context.queue.push(() => {
      const state = this.resolve();
      if (this.context.book.failDelete) throw officeError("AccessDenied", "Cannot delete.");
      const book = this.context.book;
      book.sheets = book.sheets.filter((s) => s !== state);
      book.deleted.push(state.name);
      if (book.active === state.name) book.active = book.sheets[0].name;
    });
  }
}

type Op = (address: string, property: string, value: unknown) => void;

class FakeChart implements ChartLike {
  readonly title: { text: string };
  readonly series: ChartLike["series"];
  readonly axes: ChartLike["axes"];
  readonly legend: ChartLike["legend"];
  readonly format: ChartLike["format"];
  private count = 1;

  constructor(
    private readonly op: Op,
    type: string,
    source: string,
  ) {
    op(source, "chart", type);
    const setter = (property: string) => ({
      set text(v: string) {
        op("", property, v);
      },
      get text(): string {
        throw officeError("PropertyNotLoaded", "text");
      },
    });
    this.title = setter("chart.title");
    /** Write-only properties: each set is a write named `property`. */
    const writeOnly = <T extends object>(props: Record<string, string>, base: object = {}): T =>
      Object.defineProperties(
        base,
        Object.fromEntries(
          Object.entries(props).map(([key, property]) => [
            key,
            {
              set: (v: unknown) => op("", property, v),
              get: () => {
                throw officeError("PropertyNotLoaded", key);
              },
            },
          ]),
        ),
      ) as T;
    const axis = (x: "x" | "y", title: string): ChartAxisLike =>
      writeOnly(
        {
          numberFormat: `chart.${x}.numberFormat`,
          majorTickMark: `chart.${x}.majorTickMark`,
          tickLabelPosition: `chart.${x}.tickLabelPosition`,
        },
        { title: setter(title) },
      );
    this.axes = { categoryAxis: axis("x", "chart.xTitle"), valueAxis: axis("y", "chart.yTitle") };
    this.legend = writeOnly({ visible: "chart.legend.visible", position: "chart.legend.position" });
    this.format = { font: writeOnly({ size: "chart.fontSize" }) };
    const seriesAt = (index: number): ChartSeriesLike => ({
      set name(v: string) {
        op("", `chart.series${index}.name`, v);
      },
      get name(): string {
        throw officeError("PropertyNotLoaded", "name");
      },
      setValues: (r: RangeLike) =>
        op((r as FakeRange).address, `chart.series${index}.values`, (r as FakeRange).address),
      setXAxisValues: (r: RangeLike) =>
        op((r as FakeRange).address, `chart.series${index}.categories`, (r as FakeRange).address),
    });
    this.series = {
      getItemAt: (index: number) => seriesAt(index),
      add: (name?: string) => {
        const s = seriesAt(this.count++);
        if (name !== undefined) s.name = name;
        return s;
      },
    };
  }

  setPosition(from: string, to?: string): void {
    this.op(from, "chart.position", `${from}:${to}`);
  }
}

/** The active sheet as the copy sees it: a name and a used range, loaded at the next sync. */
class FakeSourceSheet implements SourceSheetLike {
  private loadedName?: string;

  constructor(private readonly context: FakeContext) {}

  get name(): string {
    if (this.loadedName === undefined) throw officeError("PropertyNotLoaded", "name");
    return this.loadedName;
  }

  load(propertyNames: string): unknown {
    expect(propertyNames).toBe("name");
    this.context.queue.push(() => {
      this.loadedName = this.context.book.active;
    });
    return this;
  }

  getUsedRange(): LoadableRangeLike {
    const context = this.context;
    let loaded: { address: string; values: unknown[][]; numberFormat: unknown[][] } | undefined;
    const need = () => {
      if (!loaded) throw officeError("PropertyNotLoaded", "used range");
      return loaded;
    };
    return {
      load(propertyNames: string) {
        expect(propertyNames).toBe("address,values,numberFormat");
        context.queue.push(() => {
          const sheet = context.book.find(context.book.active) as SheetState;
          context.book.reads.push(sheet.name);
          loaded = usedRange(sheet);
        });
        return this;
      },
      get address() {
        return need().address;
      },
      get values() {
        return need().values;
      },
      get numberFormat() {
        return need().numberFormat;
      },
    };
  }
}

/** A sheet's used range, as Excel reports it: A1 with a blank value when the sheet is empty. */
function usedRange(sheet: SheetState): { address: string; values: unknown[][]; numberFormat: unknown[][] } {
  const cells = [...sheet.cells.entries()].filter(([a]) => !a.includes(":"));
  if (cells.length === 0) return { address: `${sheet.name}!A1`, values: [[""]], numberFormat: [["General"]] };
  const boxes = cells.map(([a]) => parseRange(a));
  const top = Math.min(...boxes.map((b) => b.top));
  const left = Math.min(...boxes.map((b) => b.left));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  const right = Math.max(...boxes.map((b) => b.right));
  const values = Array.from({ length: bottom - top + 1 }, () => Array<unknown>(right - left + 1).fill(""));
  const numberFormat = Array.from({ length: bottom - top + 1 }, () => Array<unknown>(right - left + 1).fill("General"));
  for (const [a, state] of cells) {
    const { top: r, left: c } = parseRange(a);
    if (state.values) values[r - top][c - left] = (state.values as unknown[][])[0][0];
    if (state.numberFormat) numberFormat[r - top][c - left] = (state.numberFormat as unknown[][])[0][0];
  }
  const a1 = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
  return { address: `${sheet.name}!${a1(top, left)}:${a1(bottom, right)}`, values, numberFormat };
}

class FakeRange implements RangeLike {
  readonly format: RangeLike["format"];
  /** A color scale: the add and its criteria are writes on the range, in order. */
  readonly conditionalFormats: RangeLike["conditionalFormats"] = {
    add: (type: "ColorScale") => {
      this.set("conditionalFormats.add", type);
      const set = (property: string, value: unknown) => this.set(property, value);
      return {
        colorScale: {
          get criteria(): ColorScaleCriteriaLike {
            throw officeError("PropertyNotLoaded", "criteria");
          },
          set criteria(v: ColorScaleCriteriaLike) {
            set("colorScale.criteria", v);
          },
        },
      };
    },
  };

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetState,
    readonly address: string,
  ) {
    const set = (property: string, value: unknown) => this.set(property, value);
    const unread = () => {
      throw officeError("PropertyNotLoaded", "not loaded");
    };
    this.format = {
      get columnWidth(): number {
        return unread();
      },
      set columnWidth(v: number) {
        set("columnWidth", v);
      },
      get wrapText(): boolean {
        return unread();
      },
      set wrapText(v: boolean) {
        set("wrapText", v);
      },
      autofitRows() {
        set("autofitRows", true);
      },
      font: {
        get bold(): boolean {
          return unread();
        },
        set bold(v: boolean) {
          set("bold", v);
        },
        get color(): string {
          return unread();
        },
        set color(v: string) {
          set("color", v);
        },
      },
    };
  }

  private set(property: string, value: unknown): void {
    this.context.queue.push(() => {
      const sheet = this.sheet();
      if (this.context.book.failWrite === `${this.address} ${property}`) {
        throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      }
      const cell = sheet.cells.get(this.address) ?? {};
      cell[property] = value;
      sheet.cells.set(this.address, cell);
      this.context.book.writes.push({ sheet: sheet.name, address: this.address, property, value });
    });
  }

  get values(): unknown[][] {
    throw officeError("PropertyNotLoaded", "values");
  }
  set values(v: unknown[][]) {
    this.set("values", v);
  }
  get formulas(): unknown[][] {
    throw officeError("PropertyNotLoaded", "formulas");
  }
  set formulas(v: unknown[][]) {
    this.set("formulas", v);
  }
  get numberFormat(): unknown[][] {
    throw officeError("PropertyNotLoaded", "numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.set("numberFormat", v);
  }
}

const plan: SheetPlan = buildExamplePlan();

function workbook(): FakeWorkbook {
  return new FakeWorkbook({
    Sheet1: { A1: [["keep me"]], B2: [[42]] },
    "Loan example": { A1: [["an earlier copy"]] },
    Summary: {},
  });
}

const EXISTING = ["Sheet1", "Loan example", "Summary"];

describe("writePlan", () => {
  test("adds exactly one sheet, under a unique name, and activates it", async () => {
    const book = workbook();
    const result = await writePlan(plan, book.run);
    expect(result).toEqual({ ok: true, sheetName: "Loan example (2)" });
    expect(book.sheets.map((s) => s.name)).toEqual([...EXISTING, "Loan example (2)"]);
    expect(book.active).toBe("Loan example (2)");
    expect(book.runs).toBe(1);
  });

  test("writes only inside its own sheet and leaves existing sheets as they were", async () => {
    const book = workbook();
    const before = book.snapshot();
    await writePlan(plan, book.run);
    expect(book.writes.length).toBeGreaterThan(plan.cells.length);
    for (const w of book.writes) expect(w.sheet).toBe("Loan example (2)");
    expect((book.snapshot() as unknown[]).slice(0, EXISTING.length)).toEqual(before);
    expect(book.deleted).toEqual([]);
  });

  test("writes every cell of the plan: formula or value, number format, font", async () => {
    const book = workbook();
    await writePlan(plan, book.run);
    const sheet = book.find("Loan example (2)");
    for (const cell of plan.cells) {
      const state = sheet?.cells.get(cell.address);
      expect(state).toBeDefined();
      if (cell.formula !== undefined) {
        expect(state?.formulas).toEqual([[cell.formula]]);
        expect(state?.values).toBeUndefined();
      } else {
        expect(state?.values).toEqual([[cell.value]]);
      }
      if (cell.numberFormat !== undefined) expect(state?.numberFormat).toEqual([[cell.numberFormat]]);
      if (cell.fontColor !== undefined) expect(state?.color).toBe(cell.fontColor);
      if (cell.bold !== undefined) expect(state?.bold).toBe(cell.bold);
    }
    for (const width of plan.columnWidths) {
      expect(sheet?.cells.get(`${width.column}:${width.column}`)?.columnWidth).toBe(width.points);
    }
  });

  test("a color scale: conditionalFormats.add(ColorScale) on its range, then its criteria as Office.js takes them", async () => {
    const scales: SheetPlan = {
      ...plan,
      conditionalFormats: [
        colorScale("B2:C4", HEAT.green, HEAT.yellow, HEAT.red),
        {
          type: "colorScale",
          range: "D2:D4",
          minimum: { at: "number", value: 1, color: "#FFFFFF" },
          maximum: { at: "percentile", value: 90, color: "#0000FF" },
        },
      ],
    };
    const book = workbook();
    expect((await writePlan(scales, book.run)).ok).toBe(true);
    const writes = book.writes.filter(
      (w) => w.property.startsWith("conditionalFormats") || w.property.startsWith("colorScale"),
    );
    expect(writes).toEqual([
      { sheet: "Loan example (2)", address: "B2:C4", property: "conditionalFormats.add", value: "ColorScale" },
      {
        sheet: "Loan example (2)",
        address: "B2:C4",
        property: "colorScale.criteria",
        value: {
          minimum: { type: "LowestValue", color: "#63BE7B" },
          midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
          maximum: { type: "HighestValue", color: "#F8696B" },
        },
      },
      { sheet: "Loan example (2)", address: "D2:D4", property: "conditionalFormats.add", value: "ColorScale" },
      {
        sheet: "Loan example (2)",
        address: "D2:D4",
        property: "colorScale.criteria",
        value: {
          minimum: { type: "Number", formula: "1", color: "#FFFFFF" },
          maximum: { type: "Percentile", formula: "90", color: "#0000FF" },
        },
      },
    ]);
    // After every cell: a scale shades what is already written.
    const lastCell = Math.max(
      ...book.writes.map((w, i) => (w.property === "formulas" || w.property === "values" ? i : -1)),
    );
    expect(book.writes.findIndex((w) => w.property === "conditionalFormats.add")).toBeGreaterThan(lastCell);
  });

  test("one sync reads the names, one final sync sends every write", async () => {
    const book = workbook();
    await writePlan(plan, book.run);
    expect(book.syncs).toHaveLength(2);
    expect(book.syncs[0]).toBe(1);
    // add + every write + activate, all in the last sync
    expect(book.syncs[1]).toBe(1 + book.writes.length + 1);
  });

  test("on an empty-looking workbook the plain name is used", async () => {
    const book = new FakeWorkbook({ Sheet1: {} });
    expect(await writePlan(plan, book.run)).toEqual({ ok: true, sheetName: "Loan example" });
  });

  test("a write failing midway removes the sheet it added, in a second run, and reports the error", async () => {
    const book = workbook();
    const before = book.snapshot();
    const formulaCell = plan.cells.find((c) => c.formula !== undefined);
    book.failWrite = `${formulaCell?.address} formulas`;
    const result = await writePlan(plan, book.run);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.cleanup).toBe("removed");
    expect(result.sheetName).toBe("Loan example (2)");
    expect(result.error).toMatch(/invalid/);
    expect(result.message).toBe(WRITER_MESSAGES.failedRemoved(result.error, "Loan example (2)"));
    expect(book.runs).toBe(2);
    expect(book.deleted).toEqual(["Loan example (2)"]);
    expect(book.snapshot()).toEqual(before);
    // it got partway: some cells had been written before the failure
    expect(book.writes.length).toBeGreaterThan(0);
    expect(book.active).toBe("Sheet1");
  });

  test("a failure while queueing (before any sync) adds nothing and deletes nothing", async () => {
    const book = workbook();
    const before = book.snapshot();
    book.throwOnGetRange = plan.cells[5].address;
    const result = await writePlan(plan, book.run);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.cleanup).toBe("none");
    expect(result.message).toBe(WRITER_MESSAGES.failedNothingAdded(result.error));
    expect(book.deleted).toEqual([]);
    expect(book.snapshot()).toEqual(before);
  });

  test("a failure reading the sheet names adds nothing and does not try to clean up", async () => {
    const book = workbook();
    book.failSync = 1;
    const result = await writePlan(plan, book.run);
    expect(result).toMatchObject({ ok: false, cleanup: "none" });
    expect(book.runs).toBe(1);
    expect(book.sheets.map((s) => s.name)).toEqual(EXISTING);
  });

  test("when the final sync fails before applying anything, there is nothing to remove", async () => {
    const book = workbook();
    book.failSync = 2;
    const result = await writePlan(plan, book.run);
    expect(result).toMatchObject({ ok: false, cleanup: "none" });
    expect(book.runs).toBe(2);
    expect(book.deleted).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(EXISTING);
  });

  test("when removing its sheet fails too, it says so and names the sheet", async () => {
    const book = workbook();
    book.failWrite = `${plan.cells[plan.cells.length - 1].address} values`;
    book.failDelete = true;
    const result = await writePlan(plan, book.run);
    expect(result).toMatchObject({ ok: false, cleanup: "kept", sheetName: "Loan example (2)" });
    if (result.ok) return;
    expect(result.message).toBe(WRITER_MESSAGES.failedKept(result.error, "Loan example (2)"));
    expect(book.sheets.map((s) => s.name)).toEqual([...EXISTING, "Loan example (2)"]);
    expect(book.deleted).toEqual([]);
  });

  test("never deletes or writes to a pre-existing sheet, even one whose name it wanted", async () => {
    const book = workbook();
    book.failWrite = `${plan.cells[0].address} values`;
    await writePlan(plan, book.run);
    expect(book.find("Loan example")?.cells.get("A1")).toEqual({ values: [["an earlier copy"]] });
    expect(book.deleted).not.toContain("Loan example");
  });
});

describe("writePlan with a deal plan: names, frozen header and chart in the same batch", () => {
  const deal = buildDealPlan(VALUE_ADD);

  test("adds exactly one sheet and writes every name, the freeze and the chart only there, in the final sync", async () => {
    const book = workbook();
    const before = book.snapshot();
    const result = await writePlan(deal, book.run, () => true);
    expect(result).toEqual({ ok: true, sheetName: "Value-add deal" });
    expect(book.sheets.map((s) => s.name)).toEqual([...EXISTING, "Value-add deal"]);
    expect((book.snapshot() as unknown[]).slice(0, EXISTING.length)).toEqual(before);
    for (const w of book.writes) expect(w.sheet).toBe("Value-add deal");
    expect(book.syncs).toEqual([1, 1 + book.writes.length + 1]);
    const names = book.writes.filter((w) => w.property === "name");
    expect(names.map((w) => [w.value, w.address])).toEqual((deal.names ?? []).map((n) => [n.name, n.address]));
    expect(book.writes.filter((w) => w.property.startsWith("freeze"))).toEqual([
      {
        sheet: "Value-add deal",
        address: `A1:A${deal.freeze?.rows}`,
        property: "freezeAt",
        value: `A1:A${deal.freeze?.rows}`,
      },
    ]);
    const chart = book.writes.filter((w) => w.property.startsWith("chart"));
    expect(chart[0]).toMatchObject({ property: "chart", value: "Line", address: deal.chart?.series[0].values });
    expect(chart.find((w) => w.property === "chart.series1.values")?.value).toBe(deal.chart?.series[1].values);
    expect(chart.filter((w) => w.property.endsWith(".categories")).map((w) => w.value)).toEqual([
      deal.chart?.categories,
      deal.chart?.categories,
    ]);
    expect(chart.find((w) => w.property === "chart.position")?.value).toBe(`${deal.chart?.from}:${deal.chart?.to}`);
  });

  test("the print setup (ExcelApi 1.9): landscape Letter, one page wide, the header rows and column A on every page", async () => {
    const book = workbook();
    const asked: string[] = [];
    await writePlan(deal, book.run, (v) => (asked.push(v), true));
    expect(asked).toEqual(["1.9", "1.8"]);
    const print = Object.fromEntries(
      book.writes.filter((w) => w.property.startsWith("print.")).map((w) => [w.property.slice(6), w.value]),
    );
    expect(print).toEqual({
      orientation: "Landscape",
      paperSize: "Letter",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      area: deal.print?.area,
      titleRows: `$1:$${deal.freeze?.rows}`,
      titleColumns: "$A:$A",
      // Excel's "Narrow" margins, 0.25 inch a side and 0.75 top and bottom, in points (72 an inch).
      leftMargin: 18,
      rightMargin: 18,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
      // A page break above the chart's heading (the row above the chart), so the chart prints whole.
      breakBefore: `A${parseRange(deal.chart?.from ?? "").top}`,
    });
  });

  test("text the plan wraps is wrapped, and the rows that hold it are fitted to it", async () => {
    const book = workbook();
    await writePlan(deal, book.run, () => true);
    const wrapped = deal.cells.filter((c) => c.wrap).map((c) => c.address);
    expect(wrapped.length).toBeGreaterThan(0);
    expect(book.writes.filter((w) => w.property === "wrapText").map((w) => w.address)).toEqual(wrapped);
    const rows = wrapped.map((a) => parseRange(a).top + 1);
    expect(book.writes.filter((w) => w.property === "autofitRows").map((w) => w.address)).toEqual([
      `${Math.min(...rows)}:${Math.max(...rows)}`,
    ]);
  });

  test("on an Excel without ExcelApi 1.9 the sheet is written without the print setup, and the result says so", async () => {
    const book = workbook();
    const result = await writePlan(deal, book.run, () => false);
    expect(result).toEqual({ ok: true, sheetName: "Value-add deal", message: WRITER_MESSAGES.printSkipped("1.9") });
    expect(book.writes.filter((w) => w.property.startsWith("print."))).toEqual([]);
    expect(book.writes.filter((w) => w.property === "formulas").length).toBeGreaterThan(0);
  });

  test("outside Office (no Office global) the print setup counts as unsupported", async () => {
    const book = workbook();
    const result = await writePlan(deal, book.run);
    expect(result).toMatchObject({ ok: true, message: WRITER_MESSAGES.printSkipped("1.9") });
  });

  test("a plan without a print setup never asks for ExcelApi 1.9", async () => {
    const book = workbook();
    const asked: string[] = [];
    const result = await writePlan(plan, book.run, (v) => (asked.push(v), true));
    expect(result).toEqual({ ok: true, sheetName: "Loan example (2)" });
    expect(asked).toEqual([]);
  });

  test("the chart's axes: titles, outside tick marks, labels at the low end in the plan's formats (ExcelApi 1.8); a legend below", async () => {
    const book = workbook();
    await writePlan(deal, book.run, () => true);
    const chart = Object.fromEntries(
      book.writes
        .filter((w) => /^chart\.(x|y|legend|xTitle|yTitle|fontSize)/.test(w.property))
        .map((w) => [w.property, w.value]),
    );
    expect(chart).toEqual({
      "chart.xTitle": deal.chart?.xTitle,
      "chart.x.majorTickMark": "Outside",
      "chart.x.tickLabelPosition": "Low",
      "chart.x.numberFormat": "0%",
      "chart.yTitle": deal.chart?.yTitle,
      "chart.y.majorTickMark": "Outside",
      "chart.y.tickLabelPosition": "Low",
      "chart.y.numberFormat": "#,##0",
      "chart.legend.visible": true,
      "chart.legend.position": "Bottom",
      // The plan's text size (12 points, against Excel's default 10), for the printed page.
      "chart.fontSize": 12,
    });
  });

  test("without ExcelApi 1.8 the axes keep their source cells' formats; ticks and legend are still set", async () => {
    const book = workbook();
    const result = await writePlan(deal, book.run, (v) => v !== "1.8");
    expect(result).toEqual({ ok: true, sheetName: "Value-add deal" });
    const set = book.writes.map((w) => w.property);
    expect(set.filter((p) => p.endsWith(".numberFormat"))).toEqual([]);
    expect(set).toContain("chart.y.majorTickMark");
    expect(set).toContain("chart.legend.position");
  });

  test("each sensitivity grid's color scale is added on its range with the plan's criteria, after every cell", async () => {
    const book = workbook();
    await writePlan(deal, book.run);
    const scales = deal.conditionalFormats ?? [];
    expect(scales.length).toBeGreaterThanOrEqual(3);
    const adds = book.writes.filter((w) => w.property === "conditionalFormats.add");
    expect(adds.map((w) => [w.address, w.value])).toEqual(scales.map((f) => [f.range, "ColorScale"]));
    const criteria = book.writes.filter((w) => w.property === "colorScale.criteria");
    expect(criteria.map((w) => w.address)).toEqual(scales.map((f) => f.range));
    criteria.forEach((w, i) => {
      const f = scales[i];
      expect(w.value).toEqual({
        minimum: { type: "LowestValue", color: f.minimum.color },
        midpoint: { type: "Percentile", formula: "50", color: f.midpoint?.color },
        maximum: { type: "HighestValue", color: f.maximum.color },
      });
    });
    const lastCell = book.writes.map((w) => w.property).lastIndexOf("formulas");
    expect(book.writes.indexOf(adds[0])).toBeGreaterThan(lastCell);
  });

  test("names are queued before the cells whose formulas use them", async () => {
    const book = workbook();
    await writePlan(deal, book.run);
    const lastName = book.writes.map((w) => w.property).lastIndexOf("name");
    const firstFormula = book.writes.findIndex((w) => w.property === "formulas");
    expect(lastName).toBeLessThan(firstFormula);
  });

  test("a failure on the chart (after every cell) removes the sheet again", async () => {
    const book = workbook();
    const before = book.snapshot();
    book.failWrite = `${deal.chart?.from} chart.position`;
    const result = await writePlan(deal, book.run);
    expect(result).toMatchObject({ ok: false, cleanup: "removed", sheetName: "Value-add deal" });
    expect(book.snapshot()).toEqual(before);
  });

  test("an existing sheet of the same name is never overwritten", async () => {
    const book = new FakeWorkbook({ "Value-add deal": { A1: [["mine"]] } });
    const result = await writePlan(deal, book.run);
    expect(result).toMatchObject({ ok: true, sheetName: "Value-add deal (2)" });
    expect(book.find("Value-add deal")?.cells.get("A1")).toEqual({ values: [["mine"]] });
  });
});

describe("copyAsValues", () => {
  function model(): FakeWorkbook {
    const book = new FakeWorkbook({
      Model: {
        A1: [["Loan"]],
        B1: [[4500000]],
        B2: [["=LOAN.PAYMENT(B1,0.0685,30)"]],
        C3: [["=looks like a formula"]],
      },
      Other: { A1: [["keep me"]] },
      Empty: {},
    });
    book.find("Model")?.cells.set("B1", { values: [[4500000]], numberFormat: [["#,##0"]] });
    return book;
  }

  test("copies the active sheet's used range, values and formats, to one new sheet; the source is untouched", async () => {
    const book = model();
    const before = book.snapshot();
    const result = await copyAsValues(book.run);
    expect(result).toMatchObject({ ok: true, sheetName: "Model values" });
    if (!result.ok) return;
    expect(result.message).toBe(WRITER_MESSAGES.copied("Model", "Model values"));
    expect((book.snapshot() as unknown[]).slice(0, 3)).toEqual(before);
    expect(book.reads).toEqual(["Model"]);
    for (const w of book.writes) expect(w.sheet).toBe("Model values");
    const copy = book.find("Model values")?.cells.get("A1:C3");
    expect(copy?.numberFormat).toEqual([
      ["General", "#,##0", "General"],
      ["General", "General", "General"],
      ["General", "General", "General"],
    ]);
    // The fake's "values" are what the source cell holds; text that looks like a formula stays text.
    expect((copy?.values as unknown[][])[0]).toEqual(["Loan", 4500000, ""]);
    expect((copy?.values as unknown[][])[1][1]).toBe("'=LOAN.PAYMENT(B1,0.0685,30)");
    expect((copy?.values as unknown[][])[2][2]).toBe("'=looks like a formula");
    expect(book.active).toBe("Model values");
    expect(book.syncs).toHaveLength(2);
  });

  test("a second copy gets its own name", async () => {
    const book = model();
    await copyAsValues(book.run);
    book.active = "Model";
    expect(await copyAsValues(book.run)).toMatchObject({ ok: true, sheetName: "Model values (2)" });
  });

  test("an empty sheet adds nothing", async () => {
    const book = model();
    book.active = "Empty";
    const result = await copyAsValues(book.run);
    expect(result).toMatchObject({ ok: false, cleanup: "none" });
    if (result.ok) return;
    expect(result.message).toBe(WRITER_MESSAGES.emptySource("Empty"));
    expect(book.sheets.map((s) => s.name)).toEqual(["Model", "Other", "Empty"]);
  });

  test("a failure while writing removes the copy and leaves the source as it was", async () => {
    const book = model();
    const before = book.snapshot();
    book.failWrite = "A1:C3 values";
    const result = await copyAsValues(book.run);
    expect(result).toMatchObject({ ok: false, cleanup: "removed", sheetName: "Model values" });
    expect(book.snapshot()).toEqual(before);
  });
});

describe("describeError", () => {
  test("uses the host's message and code", () => {
    expect(describeError(officeError("InvalidArgument", "Bad argument"))).toBe("Bad argument (InvalidArgument).");
    expect(describeError(new Error("Done."))).toBe("Done.");
    expect(describeError("plain text")).toBe("plain text.");
    expect(describeError({ code: "AccessDenied" })).toBe(`${WRITER_MESSAGES.excelError} (AccessDenied).`);
    expect(describeError(undefined)).toBe(WRITER_MESSAGES.unknownError);
  });
});
