/**
 * The preview's emulation of Office.js (src/preview/excel-api.ts) keeps Excel's rules for a
 * batch, as Microsoft documents them ("Call Excel JavaScript APIs": load and sync; "Error
 * handling with the application-specific JavaScript APIs"): a property is read only after
 * it was loaded and synced (PropertyNotLoaded otherwise); calls are applied in order at the
 * sync, the first failure rejects it and the calls before it stay; a load reads the workbook
 * where it stands in the batch. Text entered with a leading apostrophe stays text.
 */
import { PreviewApiError } from "../src/preview/book";
import { excelFor } from "../src/preview/excel-api";
import { PREVIEW_MSG } from "../src/preview/messages";
import { emulatedExcel, invalidArgument } from "./emulated-excel";
import { readPreview } from "./written-sheet";

function book() {
  return emulatedExcel({ Sheet1: { A1: 1, A2: "=A1*2" }, Other: {} });
}

test("a property read before it is loaded and synced is PropertyNotLoaded; after, it holds the workbook's values", async () => {
  const excel = book();
  await excelFor(excel.book).run(async (context) => {
    const sheets = context.workbook.worksheets;
    const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:A2");
    expect(() => sheets.items).toThrow(PREVIEW_MSG.notLoaded("items"));
    range.load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    sheets.load("items/name");
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Other"]);
    expect(range.values).toEqual([[1], [2]]);
    // Only what was named is loaded.
    expect(() => range.formulas).toThrow(PREVIEW_MSG.notLoaded("formulas"));
    expect(() => range.address).toThrow(PREVIEW_MSG.notLoaded("address"));
    // A property set is not thereby readable.
    range.format.font.bold = true;
    expect(() => range.format.font.bold).toThrow(PREVIEW_MSG.notLoaded("bold"));
  });
});

test("a load reads the workbook where it stands in the batch, not as the batch leaves it", async () => {
  const excel = book();
  await excelFor(excel.book).run(async (context) => {
    const a1 = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    a1.load("values");
    a1.values = [[5]];
    const again = context.workbook.worksheets.getItem("Sheet1").getRange("A2");
    again.load("values,formulas,address");
    await context.sync();
    expect(a1.values).toEqual([[1]]);
    expect(again.values).toEqual([[10]]);
    expect(again.formulas).toEqual([["=A1*2"]]);
    expect(again.address).toBe("Sheet1!A2");
  });
});

test("the first call that fails rejects the sync: the calls before it stay, the ones after are not applied", async () => {
  const excel = book();
  const run = excelFor(excel.book).run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Other");
    sheet.getRange("B1").values = [["before"]];
    const loaded = sheet.getRange("B1");
    loaded.load("values");
    sheet.getRange("B2").values = [["two", "cells"]]; // one cell's range, two values: Excel refuses it
    sheet.getRange("B3").values = [["after"]];
    await context.sync().catch((e: unknown) => {
      expect(() => loaded.values).toThrow(PREVIEW_MSG.notLoaded("values"));
      throw e;
    });
  });
  await expect(run).rejects.toThrow(PREVIEW_MSG.dataSize("B2", 1, 1));
  expect(readPreview(excel.book, "Other").cells).toEqual({ B1: { value: "before" } });
});

test("the hook sees each call when made and when applied; throwing fails it there", async () => {
  const excel = book();
  excel.failWhen((c) => c.moment === "called" && c.api === "range.numberFormat");
  await expect(
    excel.excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      range.values = [[7]];
      // The pane's own code throws, at the call.
      expect(() => (range.numberFormat = [["0.0"]])).toThrow(invalidArgument().message);
      await context.sync();
    }),
  ).resolves.toBeUndefined();
  expect(excel.log.map((c) => [c.api, c.moment, c.sheet, c.address])).toEqual([
    ["Excel.run", "called", undefined, undefined],
    ["worksheets.getActiveWorksheet", "called", undefined, undefined],
    ["worksheet.getRange", "called", undefined, "A1"],
    ["range.values", "called", undefined, "A1"],
    ["range.numberFormat", "called", undefined, "A1"],
    ["context.sync", "called", undefined, undefined],
    // Applied, the call that finds the active sheet makes it known to the ones after it.
    ["worksheets.getActiveWorksheet", "applied", undefined, undefined],
    ["worksheet.getRange", "applied", "Sheet1", "A1"],
    ["range.values", "applied", "Sheet1", "A1"],
    ["context.sync", "called", undefined, undefined],
  ]);
  expect(readPreview(excel.book, "Sheet1").cells.A1).toEqual({ value: 7 });
});

test("frozen panes: rows, columns, or both at a range's bottom-right corner", async () => {
  const excel = book();
  await excel.excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.add("Rows").freezePanes.freezeRows(3);
    sheets.add("Columns").freezePanes.freezeColumns(2);
    sheets.add("Both").freezePanes.freezeAt("A1:B4");
    await context.sync();
  });
  expect(["Rows", "Columns", "Both"].map((s) => readPreview(excel.book, s).freeze)).toEqual([
    { rows: 3, columns: 0 },
    { rows: 0, columns: 2 },
    { rows: 4, columns: 2 },
  ]);
});

test("text with a leading apostrophe stays text, whatever it looks like; an empty string clears the cell", async () => {
  const excel = book();
  await excel.excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Text");
    sheet.getRange("A1:C1").values = [["'=1+1", "'123", ""]];
    await context.sync();
  });
  expect(readPreview(excel.book, "Text").cells).toEqual({ A1: { value: "=1+1" }, B1: { value: "123" } });
});

test("an error is Office.js's: a code and a message", () => {
  const e = new PreviewApiError("ItemNotFound", "gone");
  expect([e.code, e.message, e.name]).toEqual(["ItemNotFound", "gone", "RichApi.Error"]);
});
