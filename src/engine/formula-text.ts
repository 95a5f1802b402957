/**
 * Formula text as a file stores it, read without being changed: a tokenizer that finds
 * references, names, functions and operators, so that `loan recalc` can
 *   - give each cell of a shared formula its own text (the master's references moved by
 *     the cell's offset, as Excel does);
 *   - tell a legacy formula that Excel reads by implicit intersection (a range used where a
 *     single value is expected, outside an array formula) from one the engine computes
 *     as Excel does;
 *   - find external references and rename names the engine cannot take.
 * The file keeps its own text in every case: these are the engine's copies.
 */

export type FormulaTokenType =
  | "string"
  | "ref"
  | "func"
  | "name"
  | "number"
  | "error"
  | "open"
  | "close"
  | "sep"
  | "op"
  | "array"
  | "bracket"
  | "space"
  | "other";

export interface FormulaToken {
  type: FormulaTokenType;
  text: string;
}

const SHEET = String.raw`(?:\[\d+\])?(?:'(?:[^']|'')+'|[A-Za-z_\\\u00a1-\uffff][\w.\u00a1-\uffff]*(?::[A-Za-z_\\\u00a1-\uffff][\w.\u00a1-\uffff]*)?)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const REF = new RegExp(
  String.raw`(?:${SHEET})?(?:${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})(?![\w.(\[\u00a1-\uffff])`,
  "y",
);
const IDENT = /[A-Za-z_\\\u00a1-\uffff][\w.?\\\u00a1-\uffff]*/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const ERROR = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!)/iy;
const OPS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", ":", "@"];

/** The tokens of a formula (without its leading "="). Unknown characters become "other". */
export function tokenize(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  let i = 0;
  const n = formula.length;
  const at = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(formula);
    return m ? m[0] : undefined;
  };
  while (i < n) {
    const ch = formula[i];
    let text: string | undefined;
    let type: FormulaTokenType = "other";
    if (ch === '"') {
      let j = i + 1;
      for (; j < n; j++) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j++;
          else break;
        }
      }
      text = formula.slice(i, j + 1);
      type = "string";
    } else if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      let j = i;
      while (j < n && " \n\r\t".includes(formula[j])) j++;
      text = formula.slice(i, j);
      type = "space";
    } else if (ch === "{") {
      let j = i + 1;
      for (; j < n && formula[j] !== "}"; j++) {
        if (formula[j] === '"') {
          j++;
          while (j < n && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
        }
      }
      text = formula.slice(i, j + 1);
      type = "array";
    } else if (ch === "#" && (text = at(ERROR))) type = "error";
    else if ((text = at(REF))) type = "ref";
    else if (ch === "[") {
      // A structured reference (Table1[[#This Row],[Amount]]) or an external workbook's index.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "'" && j + 1 < n) j++;
        else if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      text = formula.slice(i, j + 1);
      type = "bracket";
    } else if ((text = at(NUMBER))) type = "number";
    else if ((text = at(IDENT))) {
      type = formula[i + text.length] === "(" ? "func" : "name";
    } else if (ch === "(") type = "open";
    else if (ch === ")") type = "close";
    else if (ch === "," || ch === ";") type = "sep";
    else {
      const op = OPS.find((o) => formula.startsWith(o, i));
      if (op) {
        text = op;
        type = "op";
      }
    }
    if (!text) text = ch;
    out.push({ type, text });
    i += text.length;
  }
  return out;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One end of a reference moved by (dr, dc), or undefined when it leaves the sheet. */
function shiftPart(part: string, dr: number, dc: number): string | undefined {
  const cell = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(part);
  if (cell) {
    const c = cell[1] ? colNumber(cell[2]) : colNumber(cell[2]) + dc;
    const r = cell[3] ? Number(cell[4]) : Number(cell[4]) + dr;
    if (c < 1 || c > MAX_COL || r < 1 || r > MAX_ROW) return undefined;
    return `${cell[1]}${colLetters(c)}${cell[3]}${r}`;
  }
  const col = /^(\$?)([A-Za-z]{1,3})$/.exec(part);
  if (col) {
    const c = col[1] ? colNumber(col[2]) : colNumber(col[2]) + dc;
    return c < 1 || c > MAX_COL ? undefined : `${col[1]}${colLetters(c)}`;
  }
  const row = /^(\$?)(\d+)$/.exec(part);
  if (row) {
    const r = row[1] ? Number(row[2]) : Number(row[2]) + dr;
    return r < 1 || r > MAX_ROW ? undefined : `${row[1]}${r}`;
  }
  return part;
}

/** The sheet prefix of a reference token ("'My sheet'!") and the rest. */
function splitRef(text: string): [string, string] {
  const bang = text.lastIndexOf("!");
  return bang < 0 ? ["", text] : [text.slice(0, bang + 1), text.slice(bang + 1)];
}

/**
 * A shared formula's text for a cell `dr` rows and `dc` columns from the master: its
 * relative references moved, as Excel reads the cell (a reference moved off the sheet
 * becomes #REF!).
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return tokenize(formula)
    .map((t) => {
      if (t.type !== "ref") return t.text;
      const [prefix, body] = splitRef(t.text);
      const parts = body.split(":").map((p) => shiftPart(p, dr, dc));
      return parts.some((p) => p === undefined) ? "#REF!" : prefix + parts.join(":");
    })
    .join("");
}

/** Whether a reference token is a range of more than one cell. */
function isRange(t: FormulaToken): boolean {
  if (t.type !== "ref") return false;
  const [, body] = splitRef(t.text);
  if (!body.includes(":")) return false;
  const [a, b] = body.split(":");
  return a.replace(/\$/g, "").toUpperCase() !== b.replace(/\$/g, "").toUpperCase();
}

/** Functions whose arguments Excel evaluates as arrays even outside an array formula. */
const ARRAY_ARGUMENT_FUNCTIONS = new Set(["SUMPRODUCT"]);

/**
 * Whether a formula stored outside an array formula uses a range where Excel reads one
 * value by implicit intersection (Excel 365 shows such a formula with "@"): a range that
 * is an operand of an operator (`A1:C1*2`, `(A1:A9="TX")`) outside SUMPRODUCT's arguments.
 * `rangeNames` are names that refer to ranges (used as such operands, they count too).
 * A whole range as a formula's result is found by the engine instead (it would spill).
 */
export function usesImplicitIntersection(formula: string, rangeNames: ReadonlySet<string> = new Set()): boolean {
  const tokens = tokenize(formula).filter((t) => t.type !== "space");
  // Each parenthesis: whether it is a function's, and its partner.
  const partner = new Map<number, number>();
  const funcOpen = new Set<number>();
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.type === "open") {
      if (tokens[i - 1]?.type === "func") funcOpen.add(i);
      stack.push(i);
    } else if (t.type === "close") {
      const o = stack.pop();
      if (o !== undefined) {
        partner.set(o, i);
        partner.set(i, o);
      }
    }
  });
  // Tokens inside an array-argument function's call.
  const exempt = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.type === "func" && ARRAY_ARGUMENT_FUNCTIONS.has(bareName(t.text))) {
      const end = partner.get(i + 1) ?? tokens.length;
      for (let k = i; k <= end; k++) exempt.add(k);
    }
  });
  const isOperator = (t: FormulaToken | undefined) => t !== undefined && t.type === "op" && t.text !== ":";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const range = isRange(t) || (t.type === "name" && rangeNames.has(t.text.toUpperCase()));
    if (!range || exempt.has(i)) continue;
    // Out through grouping parentheses on both sides.
    let l = i - 1;
    let r = i + 1;
    while (
      l >= 0 &&
      tokens[l].type === "open" &&
      !funcOpen.has(l) &&
      partner.get(l) === r &&
      tokens[r]?.type === "close"
    ) {
      l--;
      r++;
    }
    // A ":" next to it builds a bigger range (A1:INDEX(…)); leave such formulas to the engine.
    if (tokens[l]?.text === ":" || tokens[r]?.text === ":") continue;
    if (isOperator(tokens[l]) || isOperator(tokens[r])) return true;
    // A grouped operand on one side only: (A1:A3)*2 with the group around more.
    let ll = i - 1;
    while (ll >= 0 && tokens[ll].type === "open" && !funcOpen.has(ll)) ll--;
    let rr = i + 1;
    while (rr < tokens.length && tokens[rr].type === "close" && !funcOpen.has(partner.get(rr) ?? -1)) rr++;
    if (isOperator(tokens[ll]) || isOperator(tokens[rr])) return true;
  }
  return false;
}

/** A function token's name without its "(" and the `_xlfn.`-style prefixes, upper case. */
function bareName(func: string): string {
  return func
    .replace(/\($/, "")
    .replace(/^(?:_xlfn\.|_xlws\.)+/i, "")
    .toUpperCase();
}

/** Whether a formula refers to another workbook (`[1]Sheet1!A1`, `'[1]Sheet 1'!A1`, `[1]!Name`). */
export function hasExternalReference(formula: string): boolean {
  return tokenize(formula).some(
    (t) => (t.type === "ref" && /^'?\[\d+\]/.test(t.text)) || (t.type === "bracket" && /^\[\d+\]$/.test(t.text)),
  );
}

/** The formula with names renamed (case-insensitive keys, upper case), for the engine. */
export function renameNames(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  return tokenize(formula)
    .map((t) => (t.type === "name" ? (renames.get(t.text.toUpperCase()) ?? t.text) : t.text))
    .join("");
}

/** The names a formula uses (upper case). */
export function namesIn(formula: string): string[] {
  return tokenize(formula)
    .filter((t) => t.type === "name")
    .map((t) => t.text.toUpperCase());
}
