/**
 * Excel for the tests: the preview's workbook behind the preview's emulation of Office.js
 * (src/preview/excel-api.ts), the one stand-in for Excel in the repository, with a log of
 * every call it sees and a way to make one fail where Excel could (its ApiHook).
 */
import path from "path";
import { loadAddin } from "../src/engine/load-node";
import type { PlanValue } from "../src/plan/plan";
import { PreviewApiError, PreviewBook } from "../src/preview/book";
import { type ApiCall, type ApiHook, excelFor, runnerFor } from "../src/preview/excel-api";
import type { ExcelRunner } from "../src/taskpane/excel-writer";
import { readPreview, type WrittenSheet } from "./written-sheet";

export const addin = loadAddin(path.resolve(__dirname, "..", "dist"));

export interface Seen extends ApiCall {
  readonly moment: "called" | "applied";
}

/** Office.js's error for a bad argument, as Excel words it. */
export function invalidArgument(): PreviewApiError {
  return new PreviewApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
}

export interface EmulatedExcel {
  readonly book: PreviewBook;
  /** What the pane's writer runs its batches with. */
  readonly run: ExcelRunner;
  /** The emulated `Excel` itself (its whole API, for tests of the emulation). */
  readonly excel: ReturnType<typeof excelFor>;
  /** Every call seen, in order, when made and when applied. */
  readonly log: Seen[];
  /** The calls applied (the ones that changed or read the workbook), in order. */
  applied(): Seen[];
  /** Makes the call that `when` picks fail (throw `error`) from now on. */
  failWhen(when: (call: Seen) => boolean, error?: Error): void;
  /** Everything each sheet holds (the writers' view: cells, names, formats, print, chart…), by sheet. */
  snapshot(): Record<string, WrittenSheet>;
}

/**
 * A workbook with these sheets (the first active), each given as cells: a value, "=…" for
 * a formula, "'…" for text that looks like one; `formats` gives cells a number format.
 */
export function emulatedExcel(
  sheets: Record<string, Record<string, PlanValue>>,
  formats: Record<string, Record<string, string>> = {},
): EmulatedExcel {
  const [first, ...rest] = Object.keys(sheets);
  const book = new PreviewBook(addin, first);
  for (const name of rest) book.addSheet(name);
  for (const [name, cells] of Object.entries(sheets)) {
    for (const [address, content] of Object.entries(cells)) book.writeCells(name, address, [[content]]);
    for (const [address, format] of Object.entries(formats[name] ?? {}))
      book.writeStyle(name, address, { numberFormat: format });
  }
  const log: Seen[] = [];
  let failure: { when: (call: Seen) => boolean; error: Error } | undefined;
  const hook: ApiHook = (call, moment) => {
    const seen = { ...call, moment };
    log.push(seen);
    if (failure?.when(seen)) throw failure.error;
  };
  return {
    book,
    run: runnerFor(book, hook),
    excel: excelFor(book, hook),
    log,
    applied: () => log.filter((c) => c.moment === "applied"),
    failWhen: (when, error = invalidArgument()) => (failure = { when, error }),
    snapshot: () => Object.fromEntries(book.sheetNames.map((n) => [n, readPreview(book, n)])),
  };
}
