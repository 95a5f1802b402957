/**
 * Formula groups: formulas that share a shape (the same text once each reference is read
 * relative to its cell, shapeKey: a column filled down) computed by one function compiled
 * for the shape, rather than each parsed into HyperFormula's dependency graph. LibreOffice
 * computes its "formula groups" the same way; on a portfolio of 100,000 loans it is what
 * makes `loan recalc` as fast as LibreOffice and several times smaller than HyperFormula.
 *
 * Only shapes whose every part has an exact counterpart here are compiled, each computed
 * as HyperFormula computes it (test/formula-groups.test.ts compares the two on random
 * formulas and on every workbook of the real-workbook corpus):
 *
 * - numbers, TRUE and FALSE, references to single cells (of this or another sheet);
 * - unary + and −, %, * and /, + and − (the last of a formula cancelling to 0 within 15
 *   digits, as hf-patches.ts makes HyperFormula do), comparisons of numbers;
 * - IF, MAX, MIN, SUM, ABS, ROUND over single values; PMT, FV, PV; the add-in's LOAN.*
 *   functions that return one value.
 *
 * Anything else (text or a logical value where a number is expected, an error the engine
 * does not have, a formula that is not in a group, a circular reference) makes the cell
 * fall back to HyperFormula, with the cells that read it. Values are numbers, text,
 * logical values, blanks (null) and errors.
 */
import type { RawCellContent } from "hyperformula";
import type { Addin, AddinFunction } from "./addin";
import { AddinError } from "./addin";
import { roundExcel } from "./excel-format";
import { tokenize, type FormulaToken } from "./formula-text";
import { CANCELLATION } from "./hf-patches";

/** A cell's value as a group computes it. */
export type GroupValue = number | string | boolean | null | { error: string; message?: string };

/** A cell a group cannot compute: HyperFormula does (and the cells that read it). */
export const FALLBACK = Symbol("fallback");
type Value = GroupValue | typeof FALLBACK;

/** Errors the engine has; a cell holding another (#NULL!…) falls back. */
const KNOWN_ERRORS = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#REF!", "#VALUE!"]);

interface Context {
  sheet: number;
  row: number;
  col: number;
  /** The value of a cell (0-based sheet, row, column). */
  get(sheet: number, row: number, col: number): Value;
}

type Node = (ctx: Context) => Value;

/** A cell reference as parsed: absolute parts fixed, relative ones offset from the formula's cell. */
interface Ref {
  sheet?: number;
  row: number;
  rowAbs: boolean;
  col: number;
  colAbs: boolean;
}

const isError = (v: Value): v is { error: string; message?: string } =>
  v !== null && typeof v === "object" && typeof v !== "symbol";
const err = (error: string, message?: string): GroupValue => (message ? { error, message } : { error });
const checked = (x: number): Value => (Number.isFinite(x) ? x : err("#NUM!", "NaN or infinite value encountered."));

/** A number for arithmetic: blanks are 0, TRUE 1; text falls back (HyperFormula's coercions are not copied). */
function num(v: Value): number | Value {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === FALLBACK || typeof v === "string") return FALLBACK;
  return v;
}

class Unsupported extends Error {}

/** Parses a formula (without "=", as the engine computes it) into a node tree, or throws Unsupported. */
class Parser {
  private readonly tokens: FormulaToken[];
  private i = 0;

  constructor(
    formula: string,
    private readonly at: { row: number; col: number },
    private readonly sheetIndex: (name: string) => number | undefined,
    private readonly functions: Map<string, (args: Node[]) => Node>,
  ) {
    this.tokens = tokenize(formula).filter((t) => t.type !== "space");
  }

  parse(): Node {
    const node = this.comparison();
    if (this.i < this.tokens.length) throw new Unsupported();
    // A formula whose last operation is + or − cancelling within 15 digits of its operands
    // gives 0 (hf-patches.ts, "Floating-point arithmetic may give inaccurate results in Excel").
    const sum = (node as Node & { operands?: [Node, Node, string] }).operands;
    if (!sum) return node;
    const [a, b, op] = sum;
    return arithmetic(a, b, (x, y) => {
      const r = op === "+" ? x + y : x - y;
      // Not finite: arithmetic's check makes it #NUM!.
      if (!Number.isFinite(r) || r === 0) return r;
      return Math.abs(r) <= CANCELLATION * Math.max(Math.abs(x), Math.abs(y)) ? 0 : r;
    });
  }

  private peek(): FormulaToken | undefined {
    return this.tokens[this.i];
  }

  private op(...ops: string[]): string | undefined {
    const t = this.peek();
    if (t && t.type === "op" && ops.includes(t.text)) {
      this.i++;
      return t.text;
    }
    return undefined;
  }

  private comparison(): Node {
    let left = this.additive();
    for (let op = this.op("=", "<>", "<", ">", "<=", ">="); op; op = this.op("=", "<>", "<", ">", "<=", ">=")) {
      left = compare(op, left, this.additive());
    }
    return left;
  }

  private additive(): Node {
    let left = this.multiplicative();
    for (let op = this.op("+", "-"); op; op = this.op("+", "-")) {
      const a = left;
      const b = this.multiplicative();
      left = op === "+" ? arithmetic(a, b, (x, y) => x + y) : arithmetic(a, b, (x, y) => x - y);
      (left as Node & { operands?: [Node, Node, string] }).operands = [a, b, op];
    }
    return left;
  }

  private multiplicative(): Node {
    let left = this.unary();
    for (let op = this.op("*", "/"); op; op = this.op("*", "/")) {
      const b = this.unary();
      left =
        op === "*"
          ? arithmetic(left, b, (x, y) => x * y)
          : arithmetic(left, b, (x, y) => (y === 0 ? err("#DIV/0!", "Division by zero.") : x / y));
    }
    return left;
  }

  private unary(): Node {
    const op = this.op("+", "-");
    if (op === "+") return this.unary();
    if (op === "-") {
      const a = this.unary();
      return (ctx) => {
        const x = num(a(ctx));
        return typeof x === "number" ? -x : x;
      };
    }
    return this.percent();
  }

  private percent(): Node {
    let node = this.primary();
    while (this.op("%")) {
      const a = node;
      node = (ctx) => {
        const x = num(a(ctx));
        return typeof x === "number" ? x / 100 : x;
      };
    }
    return node;
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) throw new Unsupported();
    this.i++;
    if (t.type === "number") {
      const x = Number(t.text);
      return () => x;
    }
    if (t.type === "name" && /^(TRUE|FALSE)$/i.test(t.text)) {
      const b = t.text.toUpperCase() === "TRUE";
      return () => b;
    }
    if (t.type === "string") {
      if (t.text.slice(1, -1).includes('"')) throw new Unsupported();
      const s = t.text.slice(1, -1);
      return () => s;
    }
    if (t.type === "ref") {
      const ref = this.ref(t.text);
      return (ctx) =>
        ctx.get(
          ref.sheet ?? ctx.sheet,
          ref.rowAbs ? ref.row : ctx.row + ref.row,
          ref.colAbs ? ref.col : ctx.col + ref.col,
        );
    }
    if (t.type === "open") {
      const node = this.comparison();
      if (this.peek()?.type !== "close") throw new Unsupported();
      this.i++;
      return node;
    }
    if (t.type === "func" && this.peek()?.type === "open") {
      this.i++;
      const args: Node[] = [];
      if (this.peek()?.type === "close") this.i++;
      else
        for (;;) {
          args.push(this.comparison());
          const next = this.peek();
          this.i++;
          if (next?.type === "close") break;
          if (next?.type !== "sep" || next.text !== ",") throw new Unsupported();
        }
      const make = this.functions.get(t.text.toUpperCase());
      if (!make) throw new Unsupported();
      return make(args);
    }
    throw new Unsupported();
  }

  /** A single cell's reference, relative to the formula's cell where it is relative. */
  private ref(text: string): Ref {
    const bang = text.lastIndexOf("!");
    let sheet: number | undefined;
    if (bang >= 0) {
      let name = text.slice(0, bang);
      if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
      if (name.includes(":") || name.startsWith("[")) throw new Unsupported();
      sheet = this.sheetIndex(name);
      if (sheet === undefined) throw new Unsupported();
    }
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/.exec(text.slice(bang + 1));
    if (!m) throw new Unsupported(); // ranges, whole columns and rows
    let col = 0;
    for (const ch of m[2].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    col -= 1;
    const row = Number(m[4]) - 1;
    if (col > 16383 || row > 1048575) throw new Unsupported();
    return {
      ...(sheet !== undefined ? { sheet } : {}),
      colAbs: m[1] === "$",
      rowAbs: m[3] === "$",
      col: m[1] === "$" ? col : col - this.at.col,
      row: m[3] === "$" ? row : row - this.at.row,
    };
  }

  /** The references of the formula, as parsed (for the order in which cells are computed). */
  static refs(formula: string, at: { row: number; col: number }, sheetIndex: (n: string) => number | undefined): Ref[] {
    const p = new Parser(formula, at, sheetIndex, new Map());
    return p.tokens.filter((t) => t.type === "ref").map((t) => p.ref(t.text));
  }
}

function arithmetic(a: Node, b: Node, f: (x: number, y: number) => number | GroupValue): Node {
  return (ctx) => {
    const x = num(a(ctx));
    const y = num(b(ctx));
    if (x === FALLBACK || y === FALLBACK) return FALLBACK;
    if (typeof x !== "number") return x;
    if (typeof y !== "number") return y;
    const r = f(x, y);
    return typeof r === "number" ? checked(r) : r;
  };
}

function compare(op: string, a: Node, b: Node): Node {
  return (ctx) => {
    const x = a(ctx);
    const y = b(ctx);
    if (x === FALLBACK || y === FALLBACK) return FALLBACK;
    if (isError(x)) return x;
    if (isError(y)) return y;
    // Numbers (and blanks, as 0) only: HyperFormula's orders of text and logical values are not copied.
    const p = x === null ? 0 : x;
    const q = y === null ? 0 : y;
    if (typeof p !== "number" || typeof q !== "number") return FALLBACK;
    switch (op) {
      case "=":
        return p === q;
      case "<>":
        return p !== q;
      case "<":
        return p < q;
      case ">":
        return p > q;
      case "<=":
        return p <= q;
      default:
        return p >= q;
    }
  };
}

/** A function of numbers (HyperFormula's NUMBER arguments): blanks are 0, omitted ones their default. */
function numeric(
  min: number,
  defaults: (number | undefined)[],
  f: (...xs: number[]) => number | GroupValue,
): (args: Node[]) => Node {
  return (args) => {
    if (args.length < min || args.length > defaults.length) throw new Unsupported();
    return (ctx) => {
      const xs: number[] = [];
      for (let k = 0; k < defaults.length; k++) {
        if (k >= args.length) {
          xs.push(defaults[k]!);
          continue;
        }
        const v = num(args[k](ctx));
        if (typeof v !== "number") return v;
        xs.push(v);
      }
      const r = f(...xs);
      return typeof r === "number" ? checked(r) : r;
    };
  };
}

/** MAX, MIN, SUM over single values: numbers count, blanks are skipped, anything else falls back. */
function aggregate(start: number, f: (acc: number, x: number) => number, empty: number): (args: Node[]) => Node {
  return (args) => {
    if (args.length === 0) throw new Unsupported();
    return (ctx) => {
      let acc = start;
      let any = false;
      for (const a of args) {
        const v = a(ctx);
        if (v === null) continue;
        if (typeof v === "number") {
          acc = f(acc, v);
          any = true;
        } else if (isError(v)) return v;
        else return FALLBACK;
      }
      return any ? acc : empty;
    };
  };
}

/** The functions groups compute, as HyperFormula computes them (FinancialPlugin's PMT, FV, PV…). */
function builtins(): Map<string, (args: Node[]) => Node> {
  const m = new Map<string, (args: Node[]) => Node>();
  m.set("IF", (args) => {
    if (args.length < 2 || args.length > 3) throw new Unsupported();
    const [c, a, b] = args;
    return (ctx) => {
      const x = c(ctx);
      if (x === FALLBACK || isError(x)) return x;
      if (typeof x === "string") return FALLBACK;
      const yes = x === null ? false : typeof x === "number" ? x !== 0 : x;
      return yes ? a(ctx) : b ? b(ctx) : false;
    };
  });
  m.set("MAX", aggregate(-Infinity, Math.max, 0));
  m.set("MIN", aggregate(Infinity, Math.min, 0));
  m.set(
    "SUM",
    aggregate(0, (a, x) => a + x, 0),
  );
  m.set("ABS", numeric(1, [undefined], Math.abs));
  m.set(
    "ROUND",
    numeric(1, [undefined, 0], (x, d) => roundExcel(x, d, "half")),
  );
  m.set(
    "PMT",
    numeric(3, [undefined, undefined, undefined, 0, 0], (rate, periods, present, future, type) => {
      if (rate === 0) return (-present - future) / periods;
      const term = Math.pow(1 + rate, periods);
      return ((future * rate + present * rate * term) * (type ? 1 / (1 + rate) : 1)) / (1 - term);
    }),
  );
  m.set(
    "FV",
    numeric(3, [undefined, undefined, undefined, 0, 0], (rate, periods, payment, value, type) => {
      if (rate === 0) return -value - payment * periods;
      const term = Math.pow(1 + rate, periods);
      return (payment * (type ? 1 + rate : 1) * (1 - term)) / rate - value * term;
    }),
  );
  m.set(
    "PV",
    numeric(3, [undefined, undefined, undefined, 0, 0], (rate, periods, payment, future, t) => {
      const type = t ? 1 : 0;
      if (rate === -1) return periods === 0 ? err("#NUM!") : err("#DIV/0!");
      if (rate === 0) return -payment * periods - future;
      return (
        (((1 - Math.pow(1 + rate, periods)) * payment * (1 + rate * type)) / rate - future) /
        Math.pow(1 + rate, periods)
      );
    }),
  );
  return m;
}

const ADDIN_ERRORS = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#REF!", "#NAME?"]);

/** The add-in's functions that return one value, called as the engine's plugin calls them (plugin.ts). */
function addinFunctions(addin: Addin, into: Map<string, (args: Node[]) => Node>): void {
  for (const entry of addin.metadata.functions) {
    if (entry.result.dimensionality === "matrix") continue;
    const name = `${addin.namespace}.${entry.name}`.toUpperCase();
    const fn = addin.functions.get(entry.id) as AddinFunction;
    const declared = entry.parameters.length;
    const required = entry.parameters.filter((p) => !p.optional).length;
    into.set(name, (args) => {
      // Argument counts it refuses, and ranges, stay with the plugin.
      if (args.length > declared || args.length < required) throw new Unsupported();
      return (ctx) => {
        const values: unknown[] = [];
        for (let k = 0; k < declared; k++) {
          if (k >= args.length) {
            values.push(null);
            continue;
          }
          const v = args[k](ctx);
          if (v === FALLBACK || isError(v)) return v;
          values.push(v);
        }
        let result: unknown;
        try {
          result = fn(...values);
        } catch (e) {
          if (e instanceof AddinError)
            return err(ADDIN_ERRORS.has(e.code) ? e.code : "#VALUE!", e.message || undefined);
          return err("#VALUE!", `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        if (typeof result === "number") return Number.isFinite(result) ? result : err("#NUM!");
        if (typeof result === "string" || typeof result === "boolean") return result;
        return err("#VALUE!", `${name} returned nothing`);
      };
    });
  }
}

/** A formula of a group: where it is and its text as the engine computes it ("=…"). */
export interface GroupCell {
  sheet: number;
  row: number;
  col: number;
  /** Its shape (shapeKey): formulas of one shape share a compiled function. */
  shape: string;
  engineText: string;
  /** Excel's cached value, as the engine takes it. */
  cached: RawCellContent;
}

export interface GroupResult {
  /** Each cell's value, by its index in `cells`; FALLBACK for the cells HyperFormula computes. */
  values: (GroupValue | typeof FALLBACK)[];
  /** Cells whose value is an error where Excel cached a value: they keep Excel's value. */
  engineErrors: Map<number, string>;
  /** Shapes compiled. */
  shapes: number;
}

/** A grid cell's content as a value: text ('…), errors (#…), numbers, logicals, blanks; formulas fall back. */
function contentValue(c: RawCellContent | undefined): Value {
  if (c === null || c === undefined) return null;
  if (typeof c === "number" || typeof c === "boolean") return c;
  if (typeof c === "string") {
    if (c.startsWith("'")) return c.slice(1);
    if (c.startsWith("#")) return KNOWN_ERRORS.has(c) ? { error: c } : FALLBACK;
    if (c.startsWith("=")) return FALLBACK;
    return c;
  }
  return FALLBACK;
}

const KEY = (sheet: number, row: number, col: number) => sheet * 17179869184 + row * 16384 + col;

/**
 * Computes the formulas of `cells` that belong to a group the engine compiles, over the
 * workbook's `grids` (values, and Excel's cached values where a formula is kept). Cells it
 * cannot compute are FALLBACK. `holdsValue` says whether Excel's cached value is a value
 * (a cell whose computed error meets one keeps it, and the cells that read it are
 * computed from it).
 */
export function computeGroups(
  addin: Addin,
  cells: GroupCell[],
  grids: RawCellContent[][][],
  sheetNames: string[],
  holdsValue: (cached: RawCellContent) => boolean,
): GroupResult {
  const functions = builtins();
  addinFunctions(addin, functions);
  const lower = sheetNames.map((n) => n.toLowerCase());
  const sheetIndex = (name: string) => {
    const i = lower.indexOf(name.toLowerCase());
    return i < 0 ? undefined : i;
  };
  // One compiled function and one list of references per shape; a shape that does not
  // compile leaves its cells to HyperFormula.
  const compiled = new Map<string, { node: Node; refs: Ref[] } | null>();
  const index = new Map<number, number>();
  const nodes: ({ node: Node; refs: Ref[] } | null)[] = cells.map((c, i) => {
    let entry = compiled.get(c.shape);
    if (entry === undefined) {
      try {
        const formula = c.engineText.slice(1);
        const node = new Parser(formula, c, sheetIndex, functions).parse();
        entry = { node, refs: Parser.refs(formula, c, sheetIndex) };
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        entry = null;
      }
      compiled.set(c.shape, entry);
    }
    if (entry) index.set(KEY(c.sheet, c.row, c.col), i);
    return entry;
  });
  const values: Value[] = cells.map(() => FALLBACK);
  const overrides = new Map<number, Value>();
  const engineErrors = new Map<number, string>();
  const at = (ref: Ref, c: GroupCell) => ({
    sheet: ref.sheet ?? c.sheet,
    row: ref.rowAbs ? ref.row : c.row + ref.row,
    col: ref.colAbs ? ref.col : c.col + ref.col,
  });
  const get = (sheet: number, row: number, col: number): Value => {
    const i = index.get(KEY(sheet, row, col));
    if (i !== undefined) return values[i];
    return contentValue(grids[sheet]?.[row]?.[col]);
  };

  for (let round = 0; round < 4; round++) {
    // Each cell after the cells it reads (an explicit stack: a chain of 100,000 rows is no
    // deeper than one), a cycle falling back whole.
    const state = new Uint8Array(cells.length);
    const stack: number[] = [];
    for (let start = 0; start < cells.length; start++) {
      if (state[start] !== 0 || !nodes[start]) continue;
      stack.push(start);
      while (stack.length > 0) {
        const i = stack[stack.length - 1];
        const c = cells[i];
        const entry = nodes[i]!;
        if (state[i] === 0) {
          state[i] = 1;
          for (const ref of entry.refs) {
            const p = at(ref, c);
            const j = index.get(KEY(p.sheet, p.row, p.col));
            if (j === undefined || state[j] === 2) continue;
            if (state[j] === 1) {
              // A cycle: every cell on it, from j up, falls back.
              for (let k = stack.indexOf(j); k < stack.length; k++) {
                values[stack[k]] = FALLBACK;
                state[stack[k]] = 3;
              }
              continue;
            }
            stack.push(j);
          }
          continue;
        }
        stack.pop();
        if (state[i] === 2) continue;
        if (state[i] !== 3) {
          const override = overrides.get(i);
          if (override !== undefined) values[i] = override;
          else {
            let v = entry.node({ sheet: c.sheet, row: c.row, col: c.col, get });
            // The formula's result: a blank is 0 (evaluateNullToZero), a final sum cancelling to
            // Excel's 15 digits is 0.
            if (v === null) v = 0;
            values[i] = v;
          }
        }
        state[i] = 2;
      }
    }
    // The last operation's cancellation, where it applies, and errors Excel did not have.
    let more = false;
    for (let i = 0; i < cells.length; i++) {
      const v = values[i];
      if (!nodes[i] || overrides.has(i) || !isError(v) || !holdsValue(cells[i].cached)) continue;
      engineErrors.set(i, v.error);
      overrides.set(i, contentValue(cells[i].cached));
      more = true;
    }
    if (!more) break;
  }
  return { values: values as (GroupValue | typeof FALLBACK)[], engineErrors, shapes: compiled.size };
}
