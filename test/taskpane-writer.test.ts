/**
 * The Excel writer (src/taskpane/excel-writer.ts) against the preview's emulation of
 * Office.js (src/preview/excel-api.ts over the preview's workbook): calls are queued and
 * applied at sync, in order, stopping at the first failure (Office.js batches are not
 * transactional), and a property read before it is loaded throws. The emulation's hook logs
 * each call and makes the one a test picks fail, where Excel could.
 *
 * Expected values are the plan's own and figures worked out by hand (the example's payment,
 * methodology §6: 29,486.66 a month; 72 points an inch), never what the writer printed.
 */
import { parseRange } from "../src/plan/a1";
import { buildDealPlan } from "../src/plan/deal";
import { buildExamplePlan } from "../src/plan/example";
import { colorScale, HEAT, type SheetPlan } from "../src/plan/plan";
import { VALUE_ADD } from "../src/plan/templates/value-add";
import { copyAsValues, describeError, writePlan } from "../src/taskpane/excel-writer";
import { WRITER_MESSAGES } from "../src/taskpane/messages";
import { emulatedExcel } from "./emulated-excel";
import { readPreview } from "./written-sheet";

const plan: SheetPlan = buildExamplePlan();

const EXISTING = ["Sheet1", "Loan example", "Summary"];

/** A workbook of three sheets, one of them with the name the example plan wants. */
function workbook() {
  return emulatedExcel({ Sheet1: { A1: "keep me", B2: 42 }, "Loan example": { A1: "an earlier copy" }, Summary: {} });
}

/** The calls that change the workbook (not the reads, the loads nor the syncs). */
const WRITE =
  /^(?!worksheets\.load|worksheet\.load|range\.load|worksheet\.get|worksheets\.get|context\.sync|Excel\.run)/;

describe("writePlan", () => {
  test("adds exactly one sheet, under a unique name, and activates it", async () => {
    const excel = workbook();
    const result = await writePlan(plan, excel.run);
    expect(result).toEqual({ ok: true, sheetName: "Loan example (2)" });
    expect(excel.book.sheetNames).toEqual([...EXISTING, "Loan example (2)"]);
    expect(excel.book.active).toBe("Loan example (2)");
    expect(excel.log.filter((c) => c.api === "Excel.run")).toHaveLength(1);
  });

  test("writes only inside its own sheet and leaves existing sheets as they were", async () => {
    const excel = workbook();
    const before = excel.snapshot();
    await writePlan(plan, excel.run);
    const writes = excel.applied().filter((c) => WRITE.test(c.api));
    expect(writes.length).toBeGreaterThan(plan.cells.length);
    for (const w of writes) expect([w.api, w.sheet]).toEqual([w.api, "Loan example (2)"]);
    const after = excel.snapshot();
    for (const name of EXISTING) expect(after[name]).toEqual(before[name]);
    expect(excel.applied().filter((c) => c.api === "worksheet.delete")).toEqual([]);
  });

  test("writes every cell of the plan: formula or value, number format, font; and the column widths", async () => {
    const excel = workbook();
    await writePlan(plan, excel.run);
    const sheet = readPreview(excel.book, "Loan example (2)");
    for (const cell of plan.cells) {
      const got = sheet.cells[cell.address];
      expect([cell.address, got === undefined]).toEqual([cell.address, false]);
      if (cell.formula !== undefined) expect(got.formula).toBe(cell.formula);
      else expect([cell.address, got.value, got.formula]).toEqual([cell.address, cell.value, undefined]);
      expect(got.numberFormat).toBe(cell.numberFormat === "General" ? undefined : cell.numberFormat);
      expect(got.fontColor).toBe(cell.fontColor);
      expect(got.bold).toBe(cell.bold || undefined);
    }
    // The formulas computed: the recourse loan's monthly payment (methodology §6).
    const payment = plan.cells.find((c) => c.formula?.startsWith("=LOAN.PAYMENT("));
    expect(sheet.cells[payment?.address ?? ""].value).toBeCloseTo(29486.66, 2);
    // In pixels at 100 % zoom: 4/3 of a point.
    const pixels = plan.columnWidths.map((w) => [w.column, Math.round((w.points * 4) / 3)]);
    expect(sheet.columnWidths).toEqual(Object.fromEntries(pixels));
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
    const excel = workbook();
    expect((await writePlan(scales, excel.run)).ok).toBe(true);
    const calls = excel
      .applied()
      .filter((c) => /conditionalFormats|colorScale/.test(c.api))
      .map(({ api, address, value }) => ({ api, address, value }));
    expect(calls).toEqual([
      { api: "range.conditionalFormats.add", address: "B2:C4", value: "ColorScale" },
      {
        api: "colorScale.criteria",
        address: "B2:C4",
        value: {
          minimum: { type: "LowestValue", color: "#91BFDB" },
          midpoint: { type: "Percentile", formula: "50", color: "#FFFFBF" },
          maximum: { type: "HighestValue", color: "#FC8D59" },
        },
      },
      { api: "range.conditionalFormats.add", address: "D2:D4", value: "ColorScale" },
      {
        api: "colorScale.criteria",
        address: "D2:D4",
        value: {
          minimum: { type: "Number", formula: "1", color: "#FFFFFF" },
          maximum: { type: "Percentile", formula: "90", color: "#0000FF" },
        },
      },
    ]);
    // After every cell: a scale shades what is already written.
    const applied = excel.applied().map((c) => c.api);
    const lastCell = Math.max(applied.lastIndexOf("range.formulas"), applied.lastIndexOf("range.values"));
    expect(applied.indexOf("range.conditionalFormats.add")).toBeGreaterThan(lastCell);
  });

  test("one sync reads the names, one final sync sends every write", async () => {
    const excel = workbook();
    await writePlan(plan, excel.run);
    // The writer's two syncs, then the one Excel.run makes as the batch ends.
    const syncs = excel.log.map((c, i) => (c.api === "context.sync" ? i : -1)).filter((i) => i >= 0);
    expect(syncs).toHaveLength(3);
    const appliedAt = (from: number, to: number) =>
      excel.log
        .slice(from, to)
        .filter((c) => c.moment === "applied")
        .map((c) => c.api);
    expect(appliedAt(syncs[0], syncs[1])).toEqual(["worksheets.load"]);
    const last = appliedAt(syncs[1], syncs[2]);
    expect(last[0]).toBe("worksheets.add");
    expect(last[last.length - 1]).toBe("worksheet.activate");
    expect(last.filter((api) => /^range\.(values|formulas)$/.test(api))).toHaveLength(plan.cells.length);
    expect(appliedAt(syncs[2], excel.log.length)).toEqual([]);
  });

  test("on an empty-looking workbook the plain name is used", async () => {
    const excel = emulatedExcel({ Sheet1: {} });
    expect(await writePlan(plan, excel.run)).toEqual({ ok: true, sheetName: "Loan example" });
  });

  test("a write failing midway removes the sheet it added, in a second run, and reports the error", async () => {
    const excel = workbook();
    const before = excel.snapshot();
    const formulaCell = plan.cells.find((c) => c.formula !== undefined);
    excel.failWhen((c) => c.moment === "applied" && c.api === "range.formulas" && c.address === formulaCell?.address);
    const result = await writePlan(plan, excel.run);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.cleanup).toBe("removed");
    expect(result.sheetName).toBe("Loan example (2)");
    expect(result.error).toMatch(/^The argument is invalid .*\(InvalidArgument\)\.$/);
    expect(result.message).toBe(WRITER_MESSAGES.failedRemoved(result.error, "Loan example (2)"));
    expect(excel.log.filter((c) => c.api === "Excel.run")).toHaveLength(2);
    const deleted = excel.applied().filter((c) => c.api === "worksheet.delete");
    expect(deleted.map((c) => c.sheet)).toEqual(["Loan example (2)"]);
    expect(excel.snapshot()).toEqual(before);
    // It got partway: some cells had been written to the new sheet before the failure.
    const written = excel.applied().filter((c) => c.api === "range.values" && c.sheet === "Loan example (2)");
    expect(written.length).toBeGreaterThan(0);
    expect(excel.book.active).toBe("Sheet1");
  });

  test("a failure while queueing (before any sync) adds nothing and deletes nothing", async () => {
    const excel = workbook();
    const before = excel.snapshot();
    excel.failWhen(
      (c) => c.moment === "called" && c.api === "worksheet.getRange" && c.address === plan.cells[5].address,
      new Error(`Bad range ${plan.cells[5].address}`),
    );
    const result = await writePlan(plan, excel.run);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.cleanup).toBe("none");
    expect(result.error).toBe(`Bad range ${plan.cells[5].address}.`);
    expect(result.message).toBe(WRITER_MESSAGES.failedNothingAdded(result.error));
    expect(excel.applied().filter((c) => c.api === "worksheet.delete")).toEqual([]);
    expect(excel.snapshot()).toEqual(before);
  });

  test("a failure reading the sheet names adds nothing and does not try to clean up", async () => {
    const excel = workbook();
    excel.failWhen((c) => c.api === "context.sync");
    const result = await writePlan(plan, excel.run);
    expect(result).toMatchObject({ ok: false, cleanup: "none" });
    expect(excel.log.filter((c) => c.api === "Excel.run")).toHaveLength(1);
    expect(excel.book.sheetNames).toEqual(EXISTING);
  });

  test("when the final sync fails before applying anything, there is nothing to remove", async () => {
    const excel = workbook();
    let syncs = 0;
    excel.failWhen((c) => c.api === "context.sync" && ++syncs === 2);
    const result = await writePlan(plan, excel.run);
    expect(result).toMatchObject({ ok: false, cleanup: "none" });
    expect(excel.log.filter((c) => c.api === "Excel.run")).toHaveLength(2);
    expect(excel.applied().filter((c) => c.api === "worksheet.delete")).toEqual([]);
    expect(excel.book.sheetNames).toEqual(EXISTING);
  });

  test("when removing its sheet fails too, it says so and names the sheet", async () => {
    const excel = workbook();
    const last = plan.cells[plan.cells.length - 1];
    excel.failWhen(
      (c) =>
        c.moment === "applied" &&
        ((c.api === "range.values" && c.address === last.address) || c.api === "worksheet.delete"),
    );
    const result = await writePlan(plan, excel.run);
    expect(result).toMatchObject({ ok: false, cleanup: "kept", sheetName: "Loan example (2)" });
    if (result.ok) return;
    expect(result.message).toBe(WRITER_MESSAGES.failedKept(result.error, "Loan example (2)"));
    expect(excel.book.sheetNames).toEqual([...EXISTING, "Loan example (2)"]);
  });

  test("never deletes or writes to a pre-existing sheet, even one whose name it wanted", async () => {
    const excel = workbook();
    excel.failWhen((c) => c.moment === "applied" && c.api === "range.values" && c.address === plan.cells[0].address);
    await writePlan(plan, excel.run);
    expect(readPreview(excel.book, "Loan example").cells).toEqual({ A1: { value: "an earlier copy" } });
    const touched = excel.applied().filter((c) => WRITE.test(c.api) && c.sheet === "Loan example");
    expect(touched).toEqual([]);
  });
});

describe("writePlan with a deal plan: names, frozen header and chart in the same batch", () => {
  const deal = buildDealPlan(VALUE_ADD);

  test("adds exactly one sheet and writes every name, the freeze and the chart there, in the final sync", async () => {
    const excel = workbook();
    const before = excel.snapshot();
    const result = await writePlan(deal, excel.run, () => true);
    expect(result).toEqual({ ok: true, sheetName: "Value-add deal" });
    expect(excel.book.sheetNames).toEqual([...EXISTING, "Value-add deal"]);
    const after = excel.snapshot();
    for (const name of EXISTING) expect(after[name]).toEqual(before[name]);
    for (const w of excel.applied().filter((c) => WRITE.test(c.api))) expect(w.sheet).toBe("Value-add deal");
    const sheet = after["Value-add deal"];
    expect(sheet.names).toEqual(
      Object.fromEntries(
        (deal.names ?? []).map((n) => [
          n.name,
          { scope: "sheet", ref: n.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2") },
        ]),
      ),
    );
    // The header rows and the label column stay in view.
    expect(sheet.freeze).toEqual({ rows: deal.freeze?.rows, columns: 1 });
    expect(excel.applied().filter((c) => c.api.startsWith("freezePanes"))).toMatchObject([
      { api: "freezePanes.freezeAt", address: `A1:A${deal.freeze?.rows}` },
    ]);
    const chart = deal.chart;
    expect(sheet.chart).toMatchObject({
      type: "line",
      title: chart?.title,
      categories: chart?.categories,
      series: chart?.series.map((s) => ({ name: s.name, values: s.values })),
      from: chart?.from,
      to: chart?.to,
    });
  });

  test("the print setup (ExcelApi 1.9): landscape Letter, one page wide, the header rows and column A on every page", async () => {
    const excel = workbook();
    const asked: string[] = [];
    await writePlan(deal, excel.run, (v) => (asked.push(v), true));
    expect(asked).toEqual(["1.9", "1.8"]);
    expect(excel.book.print.get("Value-add deal")).toEqual({
      orientation: "Landscape",
      paperSize: "Letter",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      area: deal.print?.area,
      titleRows: "$1:$2",
      titleColumns: "$A:$A",
      // Excel's "Narrow" margins, 0.25 inch a side and 0.75 top and bottom, in points (72 an inch).
      margins: { left: 18, right: 18, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
      // A page break above the chart's heading (the row above the chart), so the chart prints whole.
      breaksBefore: [parseRange(deal.chart?.from ?? "").top],
    });
  });

  test("text the plan wraps is wrapped, and the rows that hold it are fitted to it", async () => {
    const excel = workbook();
    await writePlan(deal, excel.run, () => true);
    const wrapped = deal.cells.filter((c) => c.wrap).map((c) => c.address);
    expect(wrapped.length).toBeGreaterThan(0);
    const sheet = readPreview(excel.book, "Value-add deal", excel.applied());
    expect(new Set(Object.keys(sheet.cells).filter((a) => sheet.cells[a].wrap))).toEqual(new Set(wrapped));
    const rows = wrapped.map((a) => parseRange(a).top + 1);
    expect(excel.applied().filter((c) => c.api === "range.format.autofitRows")).toMatchObject([
      { address: `${Math.min(...rows)}:${Math.max(...rows)}` },
    ]);
    expect(sheet.fittedRows).toEqual([...new Set(rows)].sort((a, b) => a - b));
  });

  test("on an Excel without ExcelApi 1.9 the sheet is written without the print setup, and the result says so", async () => {
    const excel = workbook();
    const result = await writePlan(deal, excel.run, () => false);
    expect(result).toEqual({ ok: true, sheetName: "Value-add deal", message: WRITER_MESSAGES.printSkipped("1.9") });
    expect(excel.book.print.get("Value-add deal")).toBeUndefined();
    expect(excel.log.filter((c) => /^(pageLayout|horizontalPageBreaks)\./.test(c.api))).toEqual([]);
    expect(excel.applied().filter((c) => c.api === "range.formulas").length).toBeGreaterThan(0);
  });

  test("outside Office (no Office global) the print setup counts as unsupported", async () => {
    const excel = workbook();
    const result = await writePlan(deal, excel.run);
    expect(result).toMatchObject({ ok: true, message: WRITER_MESSAGES.printSkipped("1.9") });
  });

  test("a plan without a print setup never asks for ExcelApi 1.9", async () => {
    const excel = workbook();
    const asked: string[] = [];
    const result = await writePlan(plan, excel.run, (v) => (asked.push(v), true));
    expect(result).toEqual({ ok: true, sheetName: "Loan example (2)" });
    expect(asked).toEqual([]);
  });

  test("the chart's axes: titles, outside tick marks, labels at the low end in the plan's formats (ExcelApi 1.8); a legend below", async () => {
    const excel = workbook();
    await writePlan(deal, excel.run, () => true);
    const { sheet, type, title, series, categories, from, to, ...rest } = excel.book.charts[0];
    expect([sheet, type, title, series, categories, from, to]).toEqual([
      "Value-add deal",
      "Line",
      deal.chart?.title,
      deal.chart?.series,
      deal.chart?.categories,
      deal.chart?.from,
      deal.chart?.to,
    ]);
    expect(rest).toEqual({
      xTitle: deal.chart?.xTitle,
      yTitle: deal.chart?.yTitle,
      xFormat: "0%",
      yFormat: "#,##0",
      ticks: { x: { mark: "Outside", labels: "Low" }, y: { mark: "Outside", labels: "Low" } },
      legend: { visible: true, position: "Bottom" },
      // The plan's text size (12 points, against Excel's default 10), for the printed page.
      fontSize: 12,
    });
  });

  test("without ExcelApi 1.8 the axes keep their source cells' formats; ticks and legend are still set", async () => {
    const excel = workbook();
    const result = await writePlan(deal, excel.run, (v) => v !== "1.8");
    expect(result).toEqual({ ok: true, sheetName: "Value-add deal" });
    const chart = excel.book.charts[0];
    expect([chart.xFormat, chart.yFormat]).toEqual([undefined, undefined]);
    expect(excel.log.filter((c) => c.api.endsWith(".numberFormat") && c.api.startsWith("chart"))).toEqual([]);
    expect(chart.ticks?.y?.mark).toBe("Outside");
    expect(chart.legend?.position).toBe("Bottom");
  });

  test("each sensitivity grid's color scale is added on its range with the plan's criteria, after every cell", async () => {
    const excel = workbook();
    await writePlan(deal, excel.run);
    const scales = deal.conditionalFormats ?? [];
    expect(scales.length).toBeGreaterThanOrEqual(3);
    const mine = excel.book.colorScales.filter((s) => s.sheet === "Value-add deal");
    expect(mine.map((s) => s.range)).toEqual(scales.map((f) => f.range));
    mine.forEach((s, i) => {
      const f = scales[i];
      expect(s.criteria).toEqual({
        minimum: { type: "LowestValue", color: f.minimum.color },
        midpoint: { type: "Percentile", formula: "50", color: f.midpoint?.color },
        maximum: { type: "HighestValue", color: f.maximum.color },
      });
    });
    const applied = excel.applied().map((c) => c.api);
    expect(applied.indexOf("range.conditionalFormats.add")).toBeGreaterThan(applied.lastIndexOf("range.formulas"));
  });

  test("names are queued before the cells whose formulas use them", async () => {
    const excel = workbook();
    await writePlan(deal, excel.run);
    const applied = excel.applied().map((c) => c.api);
    expect(applied.lastIndexOf("names.add")).toBeLessThan(applied.indexOf("range.formulas"));
    // So no formula computes #NAME?.
    const sheet = readPreview(excel.book, "Value-add deal");
    const unnamed = Object.entries(sheet.cells).filter(([, c]) => (c.value as { error?: string })?.error === "#NAME?");
    expect(unnamed).toEqual([]);
  });

  test("a failure on the chart (after every cell) removes the sheet again", async () => {
    const excel = workbook();
    const before = excel.snapshot();
    excel.failWhen((c) => c.moment === "applied" && c.api === "chart.setPosition");
    const result = await writePlan(deal, excel.run);
    expect(result).toMatchObject({ ok: false, cleanup: "removed", sheetName: "Value-add deal" });
    expect(excel.snapshot()).toEqual(before);
    expect(excel.book.charts).toEqual([]);
  });

  test("an existing sheet of the same name is never overwritten", async () => {
    const excel = emulatedExcel({ "Value-add deal": { A1: "mine" } });
    const result = await writePlan(deal, excel.run);
    expect(result).toMatchObject({ ok: true, sheetName: "Value-add deal (2)" });
    expect(readPreview(excel.book, "Value-add deal").cells).toEqual({ A1: { value: "mine" } });
  });
});

describe("copyAsValues", () => {
  function model() {
    return emulatedExcel(
      {
        Model: { A1: "Loan", B1: 4500000, B2: "=LOAN.PAYMENT(B1,0.0685,30)", C3: "'=looks like a formula" },
        Other: { A1: "keep me" },
        Empty: {},
      },
      { Model: { B1: "#,##0", B2: "#,##0.00" } },
    );
  }

  test("copies the active sheet's used range, values and formats, to one new sheet; the source is untouched", async () => {
    const excel = model();
    const before = excel.snapshot();
    const result = await copyAsValues(excel.run);
    expect(result).toMatchObject({ ok: true, sheetName: "Model values" });
    if (!result.ok) return;
    expect(result.message).toBe(WRITER_MESSAGES.copied("Model", "Model values"));
    const after = excel.snapshot();
    for (const name of ["Model", "Other", "Empty"]) expect(after[name]).toEqual(before[name]);
    // Only the source's used range was read, and only the copy written.
    expect(excel.applied().filter((c) => c.api === "range.load")).toMatchObject([
      { sheet: "Model", value: "address,values,numberFormat" },
    ]);
    for (const w of excel.applied().filter((c) => WRITE.test(c.api))) expect(w.sheet).toBe("Model values");
    // The payment formula (4.5 million at 6.85 % over 30 years: 29,486.66 a month) is now its value; the
    // text that looks like a formula is still text; each cell keeps its format.
    const copy = after["Model values"].cells;
    expect(Object.keys(copy).sort()).toEqual(["A1", "B1", "B2", "C3"]);
    expect(copy.A1).toEqual({ value: "Loan" });
    expect(copy.B1).toEqual({ value: 4500000, numberFormat: "#,##0" });
    expect(copy.B2.formula).toBeUndefined();
    expect(copy.B2.value).toBeCloseTo(29486.66, 2);
    expect(copy.B2.numberFormat).toBe("#,##0.00");
    expect(copy.C3).toEqual({ value: "=looks like a formula" });
    expect(excel.book.active).toBe("Model values");
    // Its two syncs, and Excel.run's as the batch ends.
    expect(excel.log.filter((c) => c.api === "context.sync")).toHaveLength(3);
  });

  test("a second copy gets its own name", async () => {
    const excel = model();
    await copyAsValues(excel.run);
    excel.book.active = "Model";
    expect(await copyAsValues(excel.run)).toMatchObject({ ok: true, sheetName: "Model values (2)" });
  });

  test("an empty sheet adds nothing", async () => {
    const excel = model();
    excel.book.active = "Empty";
    const result = await copyAsValues(excel.run);
    expect(result).toMatchObject({ ok: false, cleanup: "none" });
    if (result.ok) return;
    expect(result.message).toBe(WRITER_MESSAGES.emptySource("Empty"));
    expect(excel.book.sheetNames).toEqual(["Model", "Other", "Empty"]);
  });

  test("a failure while writing removes the copy and leaves the source as it was", async () => {
    const excel = model();
    const before = excel.snapshot();
    excel.failWhen((c) => c.moment === "applied" && c.api === "range.values" && c.sheet === "Model values");
    const result = await copyAsValues(excel.run);
    expect(result).toMatchObject({ ok: false, cleanup: "removed", sheetName: "Model values" });
    expect(excel.snapshot()).toEqual(before);
  });
});

describe("describeError", () => {
  test("uses the host's message and code", () => {
    expect(describeError(Object.assign(new Error("Bad argument"), { code: "InvalidArgument" }))).toBe(
      "Bad argument (InvalidArgument).",
    );
    expect(describeError(new Error("Done."))).toBe("Done.");
    expect(describeError("plain text")).toBe("plain text.");
    expect(describeError({ code: "AccessDenied" })).toBe(`${WRITER_MESSAGES.excelError} (AccessDenied).`);
    expect(describeError(undefined)).toBe(WRITER_MESSAGES.unknownError);
  });
});
