/**
 * Corrections to HyperFormula's internals, installed once on its classes' prototypes (the
 * classes are not exported, so each is reached through a throw-away instance). Each is
 * either Excel's documented behaviour where HyperFormula's differs and no configuration or
 * plugin can change it, or a performance fix; each is tested in test/hf-patches.test.ts
 * (and against its Excel source in test/recalc-excel.test.ts).
 *
 * - Dependency graph: adding an edge checked for a duplicate by scanning the node's whole
 *   list of dependents, so a cell read by n formulas (an assumption every row refers to)
 *   cost O(n²) to build: 81 s for a 100,000-loan workbook; removing an edge scanned it
 *   too (a sheet-scoped name read by n formulas moves n edges at build: 2.4 s at 10,000
 *   loans). An index of positions per large list makes both O(1); the list itself, which
 *   the rest of HyperFormula reads, is unchanged.
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
 * - Conditional aggregation (SUMIF, COUNTIF, AVERAGEIF, and the …IFS): HyperFormula scans
 *   the whole range for each distinct criterion, so a roll-up of g rows, each
 *   =SUMIF(names, A5, amounts) over n rows, reads n × g cells (a book of 10,000 loans and
 *   2,500 guarantors: 25 million, minutes). A criterion that is a plain equality (a number,
 *   TRUE/FALSE, or text without a comparison operator or a wildcard) is answered from a
 *   grouped index of the ranges (each distinct value → its aggregate, accumulated in the
 *   range's order with HyperFormula's own functions), built once per range and kept where
 *   HyperFormula keeps its criterion cache (the values range's vertex), so it is dropped
 *   exactly when HyperFormula drops its own: when a cell of either range changes. Every
 *   other criterion takes HyperFormula's path. See patchAggregation below.
 * - MATCH(x, range, 0): HyperFormula (without its column index,
 *   useColumnIndex, which the engine leaves off: it indexes every column of the workbook and
 *   keeps the index up to date on every change) copies and normalizes the whole range for
 *   each lookup, so n lookups into a range of g cells cost n × g. The first (or last) position
 *   of each normalized value is indexed once per range, kept and dropped like the criteria
 *   index above.
 * - INDEX(range, r, c) read every cell of the range to return one (n × g for n lookups); it
 *   now reads the one cell.
 */
import { CellError, EmptyValue, ErrorType, HyperFormula } from "hyperformula";
import { rawNumber } from "./hf-plugin";

/** A dependents list this long or longer gets an index of its ids' positions (for duplicates and removals). */
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
  // Each long list's position of each id in it (lists hold no duplicates: addEdge refuses them).
  const positions = new WeakMap<(number | undefined)[], Map<number, number>>();
  const positionsOf = (edges: (number | undefined)[]) => {
    let map = positions.get(edges);
    if (!map) {
      map = new Map();
      edges.forEach((id, i) => {
        if (id !== undefined && !map?.has(id)) map?.set(id, i);
      });
      positions.set(edges, map);
    }
    return map;
  };
  const addEdge = proto.addEdge;
  proto.addEdge = function (this: GraphProto, from: NodeRef, to: NodeRef) {
    const fromId = idOf(from);
    const toId = idOf(to);
    const edges = fromId === undefined ? undefined : this.edgesSparseArray[fromId];
    if (toId === undefined || edges === undefined || edges.length < SET_FROM) {
      addEdge.call(this, from, to);
      return;
    }
    const map = positionsOf(edges);
    if (map.has(toId)) return;
    map.set(toId, edges.length);
    edges.push(toId);
  };
  // Edges are removed in place (a hole in the list): found by their position, not a scan of
  // the list (a name read by n formulas and moved to its sheet's scope removed n edges, each
  // a scan: n²). A list that is replaced (compacted) is a new array, indexed again when needed.
  for (const method of ["removeEdge", "removeEdgeIfExists"] as const) {
    const original = proto[method];
    proto[method] = function (this: GraphProto, from: NodeRef, to: NodeRef) {
      const fromId = idOf(from);
      const toId = idOf(to);
      const edges = fromId === undefined ? undefined : this.edgesSparseArray[fromId];
      if (toId === undefined || edges === undefined || edges.length < SET_FROM) {
        original.call(this, from, to);
        if (edges && toId !== undefined) positions.get(edges)?.delete(toId);
        return;
      }
      const map = positionsOf(edges);
      const at = map.get(toId);
      // Not there: removeEdgeIfExists does nothing, removeEdge throws (HyperFormula's own error).
      if (at === undefined) return original.call(this, from, to);
      delete edges[at];
      map.delete(toId);
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

/** A cell value as HyperFormula's criteria read it (a typed number is its number). */
const raw = (v: unknown): unknown => rawNumber(v) ?? v;

/** What an equality criterion compares: a number, a boolean, or text (normalized as HyperFormula does). */
type Kind = "n" | "b" | "t";
type Key = number | boolean | string;

interface RangeVertexLike {
  criterionFunctionCache: Map<string, unknown>;
  addDependentCacheRange(dependent: RangeVertexLike): void;
}
interface AbsoluteRangeLike {
  start: { sheet: number; col: number; row: number };
  end: { sheet: number; col: number; row: number };
}
interface RangeValueLike {
  range?: AbsoluteRangeLike;
  sameDimensionsAs(other: RangeValueLike): boolean;
  valuesFromTopLeftCorner(): unknown[];
}
interface HelperLike {
  coerceToMaybeNumber(v: unknown): unknown;
  normalizeString(s: string): string;
}
interface AggregationProto {
  interpreter: {
    dependencyGraph: { getRange(start: unknown, end: unknown): RangeVertexLike | undefined };
    criterionBuilder: { trueString?: string; falseString?: string };
  };
  arithmeticHelper: HelperLike;
  computeConditionalAggregationFunction(
    valuesRange: RangeValueLike,
    conditionArgs: unknown[],
    functionName: string,
    reduceInitialValue: unknown,
    composeFunction: (acc: unknown, value: unknown) => unknown,
    mapFunction: (value: unknown) => unknown,
  ): unknown;
}

/** In a criterion: text HyperFormula reads as an operator or a pattern (and "|", which its patterns do not escape). */
const NOT_PLAIN = /[<>=*?~|]/;

/**
 * The equality a criterion stands for, as HyperFormula's CriterionBuilder parses it (after
 * patchCriteria's reading of an empty cell or a typed number), or undefined for any other
 * criterion: an operator, a wildcard, empty text.
 */
export function equalityCriterion(
  criterion: unknown,
  helper: HelperLike,
  trueString = "true",
  falseString = "false",
): [Kind, Key] | undefined {
  let v = criterion === EmptyValue ? 0 : raw(criterion);
  if (typeof v === "number") return Number.isFinite(v) ? ["n", v] : undefined;
  if (typeof v === "boolean") return ["b", v];
  if (typeof v !== "string" || v === "" || NOT_PLAIN.test(v)) return undefined;
  const n = rawNumber(helper.coerceToMaybeNumber(v));
  if (n !== undefined) return ["n", n];
  const lower = v.toLowerCase();
  if (lower === trueString) return ["b", true];
  if (lower === falseString) return ["b", false];
  v = helper.normalizeString(v);
  return ["t", v as string];
}

/** The key under which a cell matches an equality criterion of that kind (as HyperFormula's lambdas), if any. */
function cellKey(kind: Kind, cell: unknown, helper: HelperLike): Key | undefined {
  const v = raw(cell);
  if (kind === "n") {
    if (typeof v === "number") return v;
    // Text that reads as a number ("5", a date) matches it; empty text does not.
    if (typeof v === "string" && v !== "") return rawNumber(helper.coerceToMaybeNumber(v));
    return undefined;
  }
  if (kind === "b") return typeof v === "boolean" ? v : undefined;
  return typeof v === "string" ? helper.normalizeString(v) : undefined;
}

/** How often the grouped path built an index and answered from one (for the tests: that it is taken). */
export const groupedAggregation = { indexes: 0, answers: 0 };

const rangeKey = (r: AbsoluteRangeLike) => `${r.start.sheet}:${r.start.col},${r.start.row}:${r.end.col},${r.end.row}`;

function patchAggregation(proto: AggregationProto): void {
  const compute = proto.computeConditionalAggregationFunction;
  proto.computeConditionalAggregationFunction = function (
    this: AggregationProto,
    valuesRange,
    conditionArgs,
    functionName,
    reduceInitialValue,
    composeFunction,
    mapFunction,
  ) {
    const fallback = () =>
      compute.call(this, valuesRange, conditionArgs, functionName, reduceInitialValue, composeFunction, mapFunction);
    const helper = this.arithmeticHelper;
    const builder = this.interpreter.criterionBuilder;
    const graph = this.interpreter.dependencyGraph;
    const ranges: RangeValueLike[] = [];
    const keys: [Kind, Key][] = [];
    for (let i = 0; i + 1 < conditionArgs.length; i += 2) {
      const range = conditionArgs[i] as RangeValueLike;
      const key = equalityCriterion(conditionArgs[i + 1], helper, builder.trueString, builder.falseString);
      if (!key || !range.range || !range.sameDimensionsAs(valuesRange)) return fallback();
      ranges.push(range);
      keys.push(key);
    }
    if (!valuesRange.range || ranges.length === 0) return fallback();
    // The ranges' vertices: where HyperFormula keeps (and clears) its criterion cache.
    const valuesVertex = graph.getRange(valuesRange.range.start, valuesRange.range.end);
    const vertices = ranges.map((r) => graph.getRange(r.range?.start, r.range?.end));
    if (!valuesVertex || vertices.some((v) => !v)) return fallback();
    const kinds = keys.map((k) => k[0]);
    const cacheKey = `grouped|${functionName}|${ranges.map((r) => rangeKey(r.range as AbsoluteRangeLike)).join("|")}|${kinds.join("")}`;
    let index = valuesVertex.criterionFunctionCache.get(cacheKey) as Map<Key, unknown> | undefined;
    if (!index) {
      index = new Map();
      const values = valuesRange.valuesFromTopLeftCorner().map(mapFunction);
      const columns = ranges.map((r) => r.valuesFromTopLeftCorner());
      rows: for (let i = 0; i < values.length; i++) {
        let key: Key;
        if (kinds.length === 1) {
          const k = cellKey(kinds[0], columns[0][i], helper);
          if (k === undefined) continue;
          key = k;
        } else {
          const parts: Key[] = [];
          for (let j = 0; j < kinds.length; j++) {
            const k = cellKey(kinds[j], columns[j][i], helper);
            if (k === undefined) continue rows;
            parts.push(k);
          }
          key = JSON.stringify(parts);
        }
        // In the range's order, with HyperFormula's functions: the same result as its scan.
        index.set(key, composeFunction(index.has(key) ? index.get(key) : reduceInitialValue, values[i]));
      }
      valuesVertex.criterionFunctionCache.set(cacheKey, index);
      groupedAggregation.indexes++;
      for (const v of vertices) (v as RangeVertexLike).addDependentCacheRange(valuesVertex);
    }
    groupedAggregation.answers++;
    const key = kinds.length === 1 ? keys[0][1] : JSON.stringify(keys.map((k) => k[1]));
    return index.has(key) ? index.get(key) : reduceInitialValue;
  };
}

interface LookupProto {
  dependencyGraph: {
    getRange(start: unknown, end: unknown): RangeVertexLike | undefined;
    computeListOfValuesInRange(range: unknown): unknown[];
  };
  doMatch(key: unknown, rangeValue: RangeValueLike & { width(): number; height(): number }, type: number): unknown;
}

/** How HyperFormula's lookups compare text: lower case, accents removed (its forceNormalizeString). */
const lookupNormalize = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");

/**
 * MATCH(x, range, 0) from an index of the range's values to their first position, as
 * HyperFormula's search (an indexOf over the range's normalized values). Only for the range
 * MATCH was given, whose vertex the formula depends on (so it is cleared before the formula
 * is computed again); a wildcard key never reaches here (excel-compat.ts's lookupPlugin).
 */
function patchExactMatch(proto: LookupProto): void {
  const doMatch = proto.doMatch;
  proto.doMatch = function (this: LookupProto, key, rangeValue, type) {
    const range = rangeValue.range;
    const vertex =
      type === 0 && range && (rangeValue.width() === 1 || rangeValue.height() === 1)
        ? this.dependencyGraph.getRange(range.start, range.end)
        : undefined;
    if (!vertex) return doMatch.call(this, key, rangeValue, type);
    let index = vertex.criterionFunctionCache.get("exact-match") as Map<unknown, number> | undefined;
    if (!index) {
      index = new Map();
      const values = this.dependencyGraph.computeListOfValuesInRange(range);
      for (let i = 0; i < values.length; i++) {
        const v = raw(values[i]);
        const k = typeof v === "string" ? lookupNormalize(v) : v;
        if (!index.has(k)) index.set(k, i);
      }
      vertex.criterionFunctionCache.set("exact-match", index);
    }
    const found = index.get(typeof key === "string" ? lookupNormalize(key) : key);
    return found === undefined ? new CellError(ErrorType.NA, "Value not found.") : found + 1;
  };
}

interface IndexPluginProto {
  dependencyGraph: { getScalarValue(address: { sheet: number; row: number; col: number }): unknown };
  runFunction(args: unknown, state: unknown, metadata: unknown, fn: (...args: never[]) => unknown): unknown;
  metadata(name: string): unknown;
  index(ast: { args: unknown }, state: unknown): unknown;
}

/** INDEX over a range of the sheet: the one cell, as HyperFormula's (which reads the whole range first). */
function patchIndex(proto: IndexPluginProto): void {
  const index = proto.index;
  proto.index = function (this: IndexPluginProto, ast, state) {
    let fast = true;
    const out = this.runFunction(
      ast.args,
      state,
      this.metadata("INDEX"),
      (rangeValue: RangeValueLike & { width(): number; height(): number }, row: number, col: number) => {
        const r = rangeValue.range;
        if (!r || row < 1 || col < 1 || row > rangeValue.height() || col > rangeValue.width()) {
          fast = false;
          return undefined;
        }
        // What the range's data would hold there (a cell holding an array is #VALUE!, as there).
        return this.dependencyGraph.getScalarValue({
          sheet: r.start.sheet,
          row: r.start.row + row - 1,
          col: r.start.col + col - 1,
        });
      },
    );
    return fast ? out : index.call(this, ast, state);
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
  const aggregation = HyperFormula.getFunctionPlugin("SUMIF") as unknown as { prototype: AggregationProto };
  patchAggregation(aggregation.prototype);
  // HyperFormula's own doMatch: the last prototype up the chain that has one (the engine's
  // lookup plugin, a subclass, calls it for what it does not handle itself).
  let lookup = (HyperFormula.getFunctionPlugin("MATCH") as unknown as { prototype: object }).prototype;
  for (let p = Object.getPrototypeOf(lookup) as object | null; p; p = Object.getPrototypeOf(p) as object | null)
    if (Object.prototype.hasOwnProperty.call(p, "doMatch")) lookup = p;
  patchExactMatch(lookup as LookupProto);
  patchIndex((HyperFormula.getFunctionPlugin("INDEX") as unknown as { prototype: IndexPluginProto }).prototype);
  probe.destroy();
}
