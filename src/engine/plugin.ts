/**
 * Registers the add-in's functions in HyperFormula as a function plugin, built from
 * functions.json at run time: one method per function, arguments passed the way Excel
 * passes them to a custom function, errors mapped to the same error types with their
 * messages, and spilled results sized from the actual result.
 *
 * Argument passing (Excel's conventions for custom functions): an omitted argument, a
 * skipped one (`f(a,,c)`) and a blank cell arrive as null; a range arrives as a 2-D array
 * (blanks null); an error in an argument is the result, as in Excel, without calling the
 * function. A range given to a scalar parameter is passed as it is and the function says
 * it wants a single value (Excel would instead lift the call over the range).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from "hyperformula";
import { AddinError, type Addin, type AddinFunction } from "./addin";

// The shapes of HyperFormula's internals the plugin touches (its package exports no deep types).
interface Ast {
  type: string;
}
interface ProcedureAst {
  args: Ast[];
}
interface InterpreterState {
  formulaAddress?: { sheet: number; row: number; col: number };
}
type InterpreterValue = number | string | boolean | CellError | SimpleRangeValue;

/** Excel's error text → HyperFormula's error type. */
const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};

type Cell = number | string | boolean | null;

/** A HyperFormula value as Excel would hand it to a custom function; a CellError stops the call. */
function toExcelArg(v: unknown): Cell | Cell[][] | CellError {
  if (v === undefined || v === EmptyValue) return null;
  if (v instanceof CellError) return v;
  if (v instanceof SimpleRangeValue) {
    const rows = v.data;
    const out: Cell[][] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const outRow: Cell[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) {
        const x = toExcelArg(row[c]);
        if (x instanceof CellError) return x;
        outRow[c] = x as Cell;
      }
      out[r] = outRow;
    }
    return out;
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // HyperFormula's typed numbers (dates, percentages, currency) carry the number in `val`.
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number")
    return (v as { val: number }).val;
  return new CellError(ErrorType.VALUE, "a value the add-in cannot read");
}

/** An add-in result as a HyperFormula value. */
function fromExcelResult(name: string, result: unknown): InterpreterValue {
  if (typeof result === "number") return Number.isFinite(result) ? result : new CellError(ErrorType.NUM);
  if (typeof result === "string" || typeof result === "boolean") return result;
  if (Array.isArray(result)) {
    const data = (result as unknown[][]).map((row) =>
      row.map((x) => (x === null || x === undefined ? EmptyValue : (x as number | string | boolean))),
    );
    return SimpleRangeValue.onlyValues(data);
  }
  return new CellError(ErrorType.VALUE, `${name} returned nothing`);
}

/** What a call needs to know about its function, worked out once per function. */
interface Call {
  name: string;
  fn: AddinFunction;
  declared: number;
  required: number;
}

export interface LoanPlugin {
  definition: FunctionPluginDefinition;
  /** The names the plugin implements, as typed in a formula (LOAN.PAYMENT, …). */
  names: string[];
  /** The names whose results spill (matrix results in functions.json). */
  spills: Set<string>;
  /** Spill sizes last predicted, by "sheet:row:col" of the formula: used to settle spills. */
  predictedSizes: Map<string, string>;
}

/** Builds the plugin for an add-in (not yet registered). */
export function buildPlugin(addin: Addin): LoanPlugin {
  const implemented: ImplementedFunctions = {};
  const predictedSizes = new Map<string, string>();
  const names: string[] = [];
  const spillNames = new Set<string>();

  class AddinPlugin extends FunctionPlugin {}
  const proto = AddinPlugin.prototype as unknown as Record<string, unknown>;

  for (const entry of addin.metadata.functions) {
    const fn = addin.functions.get(entry.id) as AddinFunction;
    const name = `${addin.namespace}.${entry.name}`.toUpperCase();
    const method = `call_${entry.id}`;
    names.push(name);
    const call: Call = {
      name,
      fn,
      declared: entry.parameters.length,
      required: entry.parameters.filter((p) => !p.optional).length,
    };
    const evaluate = (plugin: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) =>
      callWith(plugin, call, ast.args, state);
    const spills = entry.result.dimensionality === "matrix";
    proto[method] = function (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) {
      const value = evaluate(this, ast, state);
      if (!spills || !(value instanceof SimpleRangeValue) || !state.formulaAddress) return value;
      // HyperFormula cannot resize a spill during a recalculation: until the workbook
      // settles the new size, report the change instead of a wrongly sized array.
      const at = state.formulaAddress;
      const predicted = predictedSizes.get(`${at.sheet}:${at.row}:${at.col}`);
      if (predicted !== undefined && predicted !== `${value.width()}x${value.height()}`) {
        return new CellError(ErrorType.SPILL, `${name}: the result changed size; recalculate to spill it again.`);
      }
      return value;
    };
    if (spills) {
      spillNames.add(name);
      proto[`${method}_size`] = function (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState): ArraySize {
        let value: InterpreterValue;
        try {
          value = evaluate(this, ast, state);
        } catch {
          // An argument reads a formula HyperFormula has not computed yet (the workbook is
          // being built): no size to predict; the workbook enters the formula again once its
          // inputs have values (settleSpills), and sizes it then.
          return ArraySize.scalar();
        }
        const size =
          value instanceof SimpleRangeValue ? new ArraySize(value.width(), value.height()) : ArraySize.scalar();
        const at = state.formulaAddress;
        if (at) predictedSizes.set(`${at.sheet}:${at.row}:${at.col}`, `${size.width}x${size.height}`);
        return size;
      };
    }
    implemented[name] = {
      method,
      // Arguments are evaluated by the method itself, in Excel's way; HyperFormula only
      // needs to know the function takes any number of them and must not be vectorized.
      parameters: [],
      repeatLastArgs: 0,
      vectorizationForbidden: true,
      ...(spills ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
    };
  }
  (AddinPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  return { definition: AddinPlugin as unknown as FunctionPluginDefinition, names, spills: spillNames, predictedSizes };
}

/** Calls an add-in function on a formula's arguments, the way Excel passes them. */
function callWith(plugin: FunctionPlugin, call: Call, args: Ast[], state: InterpreterState): InterpreterValue {
  const { declared, required, name, fn } = call;
  if (args.length > declared)
    return new CellError(ErrorType.NA, `${name} takes at most ${declared} arguments; got ${args.length}.`);
  if (args.length < required)
    return new CellError(ErrorType.NA, `${name} needs at least ${required} arguments; got ${args.length}.`);
  const values: unknown[] = [];
  for (let i = 0; i < declared; i++) {
    const ast = args[i];
    if (ast === undefined || ast.type === "EMPTY") {
      values.push(null);
      continue;
    }
    const v = toExcelArg(
      (plugin as unknown as { evaluateAst(a: Ast, s: InterpreterState): unknown }).evaluateAst(ast, state),
    );
    if (v instanceof CellError) return v;
    values.push(v);
  }
  let result: unknown;
  try {
    result = fn(...values);
  } catch (e) {
    if (e instanceof AddinError) return new CellError(ERROR_TYPES[e.code] ?? ErrorType.VALUE, e.message || undefined);
    return new CellError(ErrorType.VALUE, `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return fromExcelResult(name, result);
}

let registered: FunctionPluginDefinition | undefined;

/**
 * Registers the plugin globally in HyperFormula (its function registry is static), replacing
 * one registered before. Returns the plugin for the engine to use.
 */
export function registerPlugin(addin: Addin): LoanPlugin {
  const plugin = buildPlugin(addin);
  if (registered) HyperFormula.unregisterFunctionPlugin(registered);
  const translations = Object.fromEntries(plugin.names.map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(plugin.definition, { enGB: translations, enUS: translations });
  registered = plugin.definition;
  return plugin;
}
