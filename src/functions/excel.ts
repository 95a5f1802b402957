/**
 * The Excel boundary: the one place where a core Fault becomes a CustomFunctions.Error.
 * Only #VALUE! and #N/A carry a message in Excel; the others are raised with the code alone.
 *
 * The constructor is looked up on the global object at call time, so that any host that
 * provides `CustomFunctions` (Excel's runtime, the integration test's stand-in, a headless
 * engine) receives the same errors.
 */
import { Fault } from "../core/fault";

interface ErrorConstructorLike {
  new (code: CustomFunctions.ErrorCode, message?: string): CustomFunctions.Error;
}

function errorClass(): ErrorConstructorLike | undefined {
  const cf = (globalThis as { CustomFunctions?: { Error?: ErrorConstructorLike } }).CustomFunctions;
  return cf?.Error;
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
