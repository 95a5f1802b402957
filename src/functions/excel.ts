/**
 * The Excel boundary: the one place where a core Fault becomes a CustomFunctions.Error.
 * Only #VALUE! and #N/A carry a message in Excel; the others are raised with the code alone.
 *
 * `CustomFunctions` is looked up by name at call time, as Excel's runtime provides it: so
 * any host that provides it (Excel, the bundle test's stand-in, the headless engine, which
 * passes it to the bundle) receives the same errors, and plain Node (unit tests) gets an
 * ordinary Error.
 */
import { Fault, NOT_REPRESENTABLE } from "../core/fault";

/** Messages Excel shows are kept short: a long echo (a huge range's codes) is cut here. */
export const MAX_MESSAGE = 255;

function short(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

/** Whether a result holds only finite numbers (scalar, or a spilled 2-D array). */
function finite(result: unknown): boolean {
  return Array.isArray(result) ? result.every(finite) : typeof result !== "number" || Number.isFinite(result);
}

interface ErrorConstructorLike {
  new (code: CustomFunctions.ErrorCode, message?: string): CustomFunctions.Error;
}

function errorClass(): ErrorConstructorLike | undefined {
  return typeof CustomFunctions === "undefined" ? undefined : CustomFunctions.Error;
}

/** Builds the Excel error for a fault (exported for hosts and tests). */
export function toExcelError(fault: Fault): CustomFunctions.Error | Error {
  const ExcelError = errorClass();
  const code = fault.kind as CustomFunctions.ErrorCode;
  const withMessage = fault.kind === "#VALUE!" || fault.kind === "#N/A";
  const message = short(fault.message);
  if (ExcelError) return withMessage ? new ExcelError(code, message) : new ExcelError(code);
  return new Error(`${fault.kind} ${message}`);
}

/**
 * Returns the core's result, or raises it as an Excel error: a fault as its error, and a
 * result that is not a finite number (an overflow, 0/0) as #NUM!, so no function ever
 * returns NaN or ±Infinity to Excel.
 */
export function excel<T>(result: T | Fault): T {
  if (result instanceof Fault || !finite(result)) raise(result);
  return result as T;
}

/** Throws the Excel error for a fault or a non-finite result (apart, so excel() stays small where inlined). */
function raise(result: unknown): never {
  throw toExcelError(result instanceof Fault ? result : NOT_REPRESENTABLE);
}
