/**
 * Applies a SheetPlan to the open workbook with Office.js.
 *
 * Safety rules: the writer adds exactly one new sheet under a name no sheet has, writes
 * only through that sheet, and never renames, deletes or writes to an existing sheet. If
 * the batch fails midway (Office.js batches are not transactional), a second Excel.run
 * deletes the sheet it added, and the failure is reported as a value, not thrown.
 *
 * Round trips: one sync to read the sheet names, then every write is queued and sent in
 * one final sync (no sync inside a loop).
 *
 * Requirement sets: ExcelApi 1.1 for Excel.run, worksheets.load/add, Worksheet.getRange,
 * Range.values/formulas/numberFormat, RangeFont.bold/color, Worksheet.activate and
 * Worksheet.delete; ExcelApi 1.2 for RangeFormat.columnWidth. Nothing above 1.2.
 */
import { type SheetPlan, uniqueSheetName } from "./example-plan";

/** The requirement set the writer needs (see above). */
export const REQUIRED_EXCEL_API = "1.2";

/*
 * The slice of the Excel API the writer uses, written out as interfaces. Excel's own
 * RequestContext satisfies them (the compiler checks that in `officeRun` below), and a
 * test can hand in a small fake.
 */
export interface RangeLike {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: {
    columnWidth: number;
    readonly font: { bold: boolean; color: string };
  };
}

export interface WorksheetLike {
  readonly name: string;
  getRange(address: string): RangeLike;
  activate(): void;
  delete(): void;
}

export interface WorksheetCollectionLike {
  readonly items: readonly WorksheetLike[];
  load(propertyNames: string): unknown;
  add(name: string): WorksheetLike;
}

export interface ContextLike {
  readonly workbook: { readonly worksheets: WorksheetCollectionLike };
  sync(): Promise<unknown>;
}

/** Runs a batch against a workbook, as Excel.run does. */
export type ExcelRunner = <T>(batch: (context: ContextLike) => Promise<T>) => Promise<T>;

/** The real runner. `Excel` is looked up only when called, so this module loads outside Office. */
export const officeRun: ExcelRunner = (batch) => Excel.run((context: Excel.RequestContext) => batch(context));

export type WriteResult =
  | { readonly ok: true; readonly sheetName: string }
  | {
      readonly ok: false;
      /** Why the batch failed, in the host's words. */
      readonly error: string;
      /** The sheet the writer added and then removed, or could not remove. */
      readonly sheetName?: string;
      /** removed: the added sheet was deleted again; kept: deleting it failed; none: no sheet was added. */
      readonly cleanup: "none" | "removed" | "kept";
      readonly message: string;
    };

export const WRITER_MESSAGES = {
  inserted: (sheet: string) => `Added the sheet "${sheet}". Blue cells are inputs: change one and the formulas recalculate.`,
  failedNothingAdded: (error: string) => `Could not insert the example: ${error} No sheet was added.`,
  failedRemoved: (error: string, sheet: string) =>
    `Could not insert the example: ${error} The partly written sheet "${sheet}" was removed; your other sheets were not touched.`,
  failedKept: (error: string, sheet: string) =>
    `Could not insert the example: ${error} The partly written sheet "${sheet}" could not be removed; please delete it.`,
} as const;

/** Adds one sheet with a unique name, writes the plan into it and activates it. */
export async function writePlan(plan: SheetPlan, run: ExcelRunner = officeRun): Promise<WriteResult> {
  /** Set once `add` has been queued: the name only this writer can have created. */
  let added: string | undefined;
  try {
    const sheetName = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(
        sheets.items.map((s) => s.name),
        plan.sheetName,
      );
      added = name;
      const sheet = sheets.add(name);
      queuePlan(sheet, plan);
      sheet.activate();
      await context.sync();
      return name;
    });
    return { ok: true, sheetName };
  } catch (failure) {
    const error = describeError(failure);
    if (added === undefined) return { ok: false, error, cleanup: "none", message: WRITER_MESSAGES.failedNothingAdded(error) };
    const outcome = await removeSheet(added, run);
    if (outcome === "absent") return { ok: false, error, cleanup: "none", message: WRITER_MESSAGES.failedNothingAdded(error) };
    if (outcome === "removed") {
      return { ok: false, error, sheetName: added, cleanup: "removed", message: WRITER_MESSAGES.failedRemoved(error, added) };
    }
    return { ok: false, error, sheetName: added, cleanup: "kept", message: WRITER_MESSAGES.failedKept(error, added) };
  }
}

/** Queues every write of the plan on `sheet`; nothing is sent until the caller syncs. */
function queuePlan(sheet: WorksheetLike, plan: SheetPlan): void {
  for (const width of plan.columnWidths) {
    sheet.getRange(`${width.column}:${width.column}`).format.columnWidth = width.points;
  }
  for (const cell of plan.cells) {
    const range = sheet.getRange(cell.address);
    if (cell.numberFormat !== undefined) range.numberFormat = [[cell.numberFormat]];
    if (cell.formula !== undefined) range.formulas = [[cell.formula]];
    else if (cell.value !== undefined) range.values = [[cell.value]];
    if (cell.bold !== undefined) range.format.font.bold = cell.bold;
    if (cell.fontColor !== undefined) range.format.font.color = cell.fontColor;
  }
}

/**
 * Deletes the sheet named `name` in a fresh batch. The name was absent when the writer
 * started (uniqueSheetName saw every sheet), so a sheet with it now is the writer's own.
 */
async function removeSheet(name: string, run: ExcelRunner): Promise<"removed" | "absent" | "failed"> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const mine = sheets.items.find((s) => s.name === name);
      if (!mine) return "absent";
      mine.delete();
      await context.sync();
      return "removed";
    });
  } catch {
    return "failed";
  }
}

/** The host's message for a failure (OfficeExtension.Error carries a code and a message). */
export function describeError(failure: unknown): string {
  if (typeof failure === "object" && failure !== null) {
    const { message, code } = failure as { message?: unknown; code?: unknown };
    const text = typeof message === "string" && message.trim() ? message.trim() : "";
    const tag = typeof code === "string" && code && !text.includes(code) ? ` (${code})` : "";
    if (text || tag) return ensurePeriod(`${text || "Excel reported an error"}${tag}`);
  }
  if (typeof failure === "string" && failure.trim()) return ensurePeriod(failure.trim());
  return "Excel reported an unknown error.";
}

function ensurePeriod(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
