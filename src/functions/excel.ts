/**
 * The Excel boundary: the one place where a core Fault becomes a CustomFunctions.Error.
 * Only #VALUE! and #N/A carry a message in Excel; the others are raised with the code alone.
 *
 * `CustomFunctions` is looked up by name at call time, as Excel's runtime provides it: so
 * any host that provides it (Excel, the bundle test's stand-in, the headless engine, which
 * passes it to the bundle) receives the same errors, and plain Node (unit tests) gets an
 * ordinary Error.
 */
import { Fault } from "../core/fault";

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
  if (ExcelError) return withMessage ? new ExcelError(code, fault.message) : new ExcelError(code);
  return new Error(`${fault.kind} ${fault.message}`);
}

/** Returns the core's result, or raises it as an Excel error. */
export function excel<T>(result: T | Fault): T {
  if (result instanceof Fault) throw toExcelError(result);
  return result;
}
