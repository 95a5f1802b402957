/**
 * Corrections to HyperFormula's internals, installed once on its classes' prototypes (the
 * classes are not exported, so each is reached through a throw-away instance). Each is
 * either Excel's documented behaviour where HyperFormula's differs and no configuration or
 * plugin can change it, or a performance fix; each is tested in test/hf-patches.test.ts
 * (and against its Excel source in test/recalc-excel.test.ts).
 *
 * - Dependency graph: adding an edge checked for a duplicate by scanning the node's whole
 *   list of dependents, so a cell read by n formulas (an assumption every row refers to)
 *   cost O(n²) to build: 81 s for a 100,000-loan workbook. A set per large list makes
 *   the check O(1); the list itself, which the rest of HyperFormula reads, is unchanged.
 * - Criteria (COUNTIF, SUMIF, …IFS, the database functions): a criterion that is an empty
 *   cell is 0, as Excel documents ("If the criteria argument is a reference to an empty
 *   cell, the COUNTIFS function treats the empty cell as a 0 value", COUNTIFS); HyperFormula
 *   refused it (#VALUE!). A date or percent from a formula (DATE(…)) is its number.
 * - Arithmetic on empty text: `""*1`, `=A1+1` with A1 holding "" (an IF(…,"") result) is
 *   #VALUE! in Excel; HyperFormula took "" as 0.
 * - A formula whose last operation is an addition or subtraction whose result is zero to
 *   within the operands' 15 significant digits gives 0, as Excel does ("Floating-point
 *   arithmetic may give inaccurate results in Excel": =(0.5-0.4-0.1) shows 0, while
 *   =1*(0.5-0.4-0.1) shows -2.78E-17): 1.8E-12 left over from subtracting two sums of
 *   thousands is 0 in Excel.
 */
import { EmptyValue, HyperFormula } from "hyperformula";
import { rawNumber } from "./hf-plugin";

/** A dependents list this long or longer gets a set for its duplicate check. */
const SET_FROM = 32;
/** Relative size under which Excel takes a final sum or difference for 0. */
export const CANCELLATION = 1e-15;

type NodeRef = number | { idInGraph?: number };
const idOf = (n: NodeRef): number | undefined => (typeof n === "number" ? n : n.idInGraph);

interface GraphProto {
  edgesSparseArray: (number | undefined)[][];
  addEdge(from: NodeRef, to: NodeRef): void;
  removeEdge(from: NodeRef, to: NodeRef): void;
  removeEdgeIfExists(from: NodeRef, to: NodeRef): void;
}

function patchGraph(proto: GraphProto): void {
  const sets = new WeakMap<(number | undefined)[], Set<number>>();
  const addEdge = proto.addEdge;
  proto.addEdge = function (this: GraphProto, from: NodeRef, to: NodeRef) {
    const fromId = idOf(from);
    const toId = idOf(to);
    const edges = fromId === undefined ? undefined : this.edgesSparseArray[fromId];
    if (toId === undefined || edges === undefined || edges.length < SET_FROM) {
      addEdge.call(this, from, to);
      return;
    }
    let set = sets.get(edges);
    if (!set) {
      set = new Set();
      for (const id of edges) if (id !== undefined) set.add(id);
      sets.set(edges, set);
    }
    if (set.has(toId)) return;
    set.add(toId);
    edges.push(toId);
  };
  // Edges are removed in place (a hole in the list): the set forgets them too. A list that
  // is replaced (compacted) is a new array, whose set is built again when needed.
  for (const method of ["removeEdge", "removeEdgeIfExists"] as const) {
    const original = proto[method];
    proto[method] = function (this: GraphProto, from: NodeRef, to: NodeRef) {
      const fromId = idOf(from);
      const edges = fromId === undefined ? undefined : this.edgesSparseArray[fromId];
      original.call(this, from, to);
      const toId = idOf(to);
      if (edges && toId !== undefined) sets.get(edges)?.delete(toId);
    };
  }
}

interface CriterionBuilderProto {
  fromCellValue(raw: unknown, helper: unknown): unknown;
}

function patchCriteria(proto: CriterionBuilderProto): void {
  const fromCellValue = proto.fromCellValue;
  proto.fromCellValue = function (this: CriterionBuilderProto, raw: unknown, helper: unknown) {
    let value = raw;
    if (value === EmptyValue) value = 0;
    else if (typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "number")
      value = (value as { val: number }).val;
    return fromCellValue.call(this, value, helper);
  };
}

interface ArithmeticProto {
  coerceNonDateScalarToMaybeNumber(arg: unknown): unknown;
}

function patchEmptyText(proto: ArithmeticProto): void {
  const coerce = proto.coerceNonDateScalarToMaybeNumber;
  proto.coerceNonDateScalarToMaybeNumber = function (this: ArithmeticProto, arg: unknown) {
    return arg === "" ? undefined : coerce.call(this, arg);
  };
}

type Op = (a: unknown, b: unknown) => unknown;
interface InterpreterLike {
  plusOp: Op;
  minusOp: Op;
  evaluateAst(ast: unknown, state: unknown): unknown;
  /** The operands and result of the last addition or subtraction, for the formula's root. */
  lastSum?: { a: unknown; b: unknown; result: unknown };
  sumsWatched?: boolean;
}
interface EvaluatorProto {
  interpreter: InterpreterLike;
  evaluateAstToCellValue(ast: { type?: string }, state: unknown): unknown;
}

function patchCancellation(proto: EvaluatorProto): void {
  const evaluate = proto.evaluateAstToCellValue;
  proto.evaluateAstToCellValue = function (this: EvaluatorProto, ast: { type?: string }, state: unknown) {
    const interpreter = this.interpreter;
    if (!interpreter.sumsWatched) {
      // The operators are the interpreter's own properties: wrapped once per interpreter.
      interpreter.sumsWatched = true;
      for (const op of ["plusOp", "minusOp"] as const) {
        const original = interpreter[op];
        interpreter[op] = (a: unknown, b: unknown) => {
          const result = original(a, b);
          interpreter.lastSum = { a, b, result };
          return result;
        };
      }
    }
    // The formula's last operation: its top node, inside any parentheses (=(0.5-0.4-0.1) too).
    let top = ast as { type?: string; expression?: unknown };
    while (top.type === "PARENTHESES" && top.expression) top = top.expression as typeof top;
    const root = top.type === "PLUS_OP" || top.type === "MINUS_OP";
    if (root) interpreter.lastSum = undefined;
    const value = evaluate.call(this, ast, state);
    if (!root) return value;
    const last = interpreter.lastSum;
    interpreter.lastSum = undefined;
    const x = rawNumber(value);
    if (x === undefined || x === 0 || !last || last.result !== value) return value;
    const a = rawNumber(last.a);
    const b = rawNumber(last.b);
    if (a === undefined || b === undefined) return value;
    return Math.abs(x) <= CANCELLATION * Math.max(Math.abs(a), Math.abs(b)) ? 0 : value;
  };
}

let patched = false;

/** Installs the corrections above (once; HyperFormula's classes are shared). */
export function patchHyperFormula(): void {
  if (patched) return;
  patched = true;
  const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const internals = probe as unknown as {
    graph: object;
    evaluator: EvaluatorProto & { interpreter: { criterionBuilder: object; arithmeticHelper: object } };
  };
  patchGraph(Object.getPrototypeOf(internals.graph) as GraphProto);
  const interpreter = internals.evaluator.interpreter;
  patchCriteria(Object.getPrototypeOf(interpreter.criterionBuilder) as CriterionBuilderProto);
  patchEmptyText(Object.getPrototypeOf(interpreter.arithmeticHelper) as ArithmeticProto);
  patchCancellation(Object.getPrototypeOf(internals.evaluator) as EvaluatorProto);
  probe.destroy();
}
