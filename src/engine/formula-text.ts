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

/** Functions of single values that the engine would apply to a whole range instead (see usesImplicitIntersection). */
const SCALAR_JOIN_FUNCTIONS = new Set(["CONCATENATE"]);

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
  // A range as a whole argument of a function that takes single values, but that the engine
  // would join whole (CONCATENATE(A1:C1) is one cell's text in Excel, by intersection).
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== "func" || !SCALAR_JOIN_FUNCTIONS.has(bareName(tokens[i].text))) continue;
    if (tokens[i + 1]?.type !== "open") continue;
    for (const [from, to] of callArguments(tokens, i + 1).args) {
      if (to - from !== 1) continue;
      const t = tokens[from];
      if (isRange(t) || (t.type === "name" && rangeNames.has(t.text.toUpperCase()))) return true;
    }
  }
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

/**
 * Excel's legacy statistical functions whose names HyperFormula takes for the modern ones
 * with one argument more: each is rewritten as the modern call with that argument, as
 * Microsoft documents the legacy function (BETADIST is cumulative: BETA.DIST(…, TRUE, A, B);
 * HYPGEOMDIST and NEGBINOMDIST are the probability mass: …DIST(…, FALSE); LOGNORMDIST and
 * NORMSDIST are cumulative). Name → [modern name, arguments before the flag, flag].
 */
const LEGACY_CALLS: Record<string, [string, number, string]> = {
  BETADIST: ["BETA.DIST", 3, "TRUE"],
  HYPGEOMDIST: ["HYPGEOM.DIST", 4, "FALSE"],
  LOGNORMDIST: ["LOGNORM.DIST", 3, "TRUE"],
  NEGBINOMDIST: ["NEGBINOM.DIST", 3, "FALSE"],
  NORMSDIST: ["NORM.S.DIST", 1, "TRUE"],
};

/** A call's arguments: the token ranges [from, to) between its parentheses, at depth 0. */
function callArguments(tokens: FormulaToken[], open: number): { args: [number, number][]; close: number } {
  const args: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === "open") depth++;
    else if (t.type === "close") {
      depth--;
      if (depth === 0) {
        if (k > start || args.length > 0) args.push([start, k]);
        return { args, close: k };
      }
    } else if (t.type === "sep" && t.text === "," && depth === 1) {
      args.push([start, k]);
      start = k + 1;
    }
  }
  return { args, close: tokens.length };
}

/** The formula with legacy statistical calls (LEGACY_CALLS) written as their modern equivalents. */
export function modernizeLegacyCalls(formula: string): string {
  if (!/DIST\s*\(/i.test(formula)) return formula;
  const tokens = tokenize(formula);
  const insert = new Map<number, string>();
  const rename = new Map<number, string>();
  tokens.forEach((t, i) => {
    if (t.type !== "func" || tokens[i + 1]?.type !== "open") return;
    const legacy = LEGACY_CALLS[bareName(t.text)];
    if (!legacy) return;
    const [modern, before, flag] = legacy;
    const { args, close } = callArguments(tokens, i + 1);
    if (args.length < before || close >= tokens.length) return;
    if (before === 1 && args.length > 1) return;
    rename.set(i, modern);
    const at = args.length > before ? args[before][0] - 1 : close; // the separator after, or ")"
    insert.set(at, `,${flag}`);
  });
  if (rename.size === 0) return formula;
  return tokens.map((t, i) => (insert.get(i) ?? "") + (rename.get(i) ?? t.text)).join("");
}

/**
 * Functions over which Excel takes a 3-D reference (Sheet1:Sheet3!A1), per Microsoft's
 * "Create a 3-D reference to the same cell range on multiple worksheets": each is an
 * aggregate of its arguments, so the reference is the same as one argument per sheet.
 */
const THREE_D_FUNCTIONS = new Set([
  "SUM",
  "AVERAGE",
  "AVERAGEA",
  "COUNT",
  "COUNTA",
  "MAX",
  "MAXA",
  "MIN",
  "MINA",
  "PRODUCT",
  "STDEV",
  "STDEVA",
  "STDEVP",
  "STDEVPA",
  "STDEV.S",
  "STDEV.P",
  "VAR",
  "VARA",
  "VARP",
  "VARPA",
  "VAR.S",
  "VAR.P",
]);

/** A reference's sheet span ("Sheet1:Sheet3!A1" → Sheet1, Sheet3, "A1"), or undefined for a one-sheet reference. */
function threeDParts(ref: string): { first: string; last: string; cells: string } | undefined {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return undefined;
  let prefix = ref.slice(0, bang);
  if (prefix.startsWith("'") && prefix.endsWith("'")) prefix = prefix.slice(1, -1).replace(/''/g, "'");
  else if (prefix.startsWith("'")) return undefined;
  if (/^\[\d+\]/.test(prefix)) return undefined;
  const colon = prefix.indexOf(":");
  if (colon < 0) return undefined;
  return { first: prefix.slice(0, colon), last: prefix.slice(colon + 1), cells: ref.slice(bang + 1) };
}

const quoteSheet = (name: string) => (/^[A-Za-z_][\w.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/**
 * A formula's 3-D references expanded into one reference per sheet, where Excel's meaning
 * is the same (a whole argument of a THREE_D_FUNCTIONS function): `COUNTA(Sheet1:Sheet3!C1)`
 * → `COUNTA(Sheet1!C1,Sheet2!C1,Sheet3!C1)`, the sheets in the workbook's order.
 * `expanded` is undefined when a 3-D reference is elsewhere or names a sheet not there.
 */
export function expandThreeD(formula: string, sheetNames: readonly string[]): string | undefined {
  if (!formula.includes(":") || !formula.includes("!")) return formula;
  const tokens = tokenize(formula);
  const replace = new Map<number, string>();
  let unexpanded = false;
  const lower = sheetNames.map((n) => n.toLowerCase());
  tokens.forEach((t, i) => {
    if (t.type !== "ref") return;
    const parts = threeDParts(t.text);
    if (!parts) return;
    // A whole argument: between "(" or "," and "," or ")".
    let l = i - 1;
    while (tokens[l]?.type === "space") l--;
    let r = i + 1;
    while (tokens[r]?.type === "space") r++;
    const comma = (t: FormulaToken | undefined) => t?.type === "sep" && t.text === ",";
    const whole = (tokens[l]?.type === "open" || comma(tokens[l])) && (tokens[r]?.type === "close" || comma(tokens[r]));
    // Its call: the nearest open parenthesis to the left at depth 0, after a function name.
    let depth = 0;
    let k = i - 1;
    for (; k >= 0; k--) {
      if (tokens[k].type === "close") depth++;
      else if (tokens[k].type === "open") {
        if (depth === 0) break;
        depth--;
      }
    }
    const fn = k > 0 ? tokens[k - 1] : undefined;
    const from = lower.indexOf(parts.first.toLowerCase());
    const to = lower.indexOf(parts.last.toLowerCase());
    if (!whole || !fn || fn.type !== "func" || !THREE_D_FUNCTIONS.has(bareName(fn.text)) || from < 0 || to < 0) {
      unexpanded = true;
      return;
    }
    const [a, b] = from <= to ? [from, to] : [to, from];
    replace.set(
      i,
      sheetNames
        .slice(a, b + 1)
        .map((n) => `${quoteSheet(n)}!${parts.cells}`)
        .join(","),
    );
  });
  if (unexpanded) return undefined;
  return tokens.map((t, i) => replace.get(i) ?? t.text).join("");
}

/** What a formula uses, for deciding whether the engine computes it as Excel does. */
export interface FormulaUses {
  /** Functions called, upper case, without `_xlfn.`-style prefixes. */
  functions: string[];
  /** Names referred to, upper case. */
  names: string[];
  /** Structured references (Table1[Amount]). */
  structured: boolean;
  /** A spill reference (A1#). */
  spill: boolean;
  /** The implicit-intersection operator (@). */
  at: boolean;
  /** A 3-D reference (Sheet1:Sheet3!A1). */
  threeD: boolean;
  /** Each call with its arguments' text, in order. */
  calls: { name: string; args: string[] }[];
  /** The references, as written (Sheet1!A1:B2, $A:$A). */
  refs: string[];
}

export function formulaUses(formula: string): FormulaUses {
  const tokens = tokenize(formula);
  const uses: FormulaUses = {
    functions: [],
    names: [],
    structured: false,
    spill: false,
    at: false,
    threeD: false,
    calls: [],
    refs: [],
  };
  tokens.forEach((t, i) => {
    if (t.type === "func") {
      const name = bareName(t.text);
      uses.functions.push(name);
      if (tokens[i + 1]?.type === "open") {
        const args = callArguments(tokens, i + 1).args.map(([a, b]) =>
          tokens
            .slice(a, b)
            .map((x) => x.text)
            .join("")
            .trim(),
        );
        uses.calls.push({ name, args });
      }
    } else if (t.type === "name") {
      if (tokens[i + 1]?.type === "bracket") uses.structured = true;
      else uses.names.push(t.text.toUpperCase());
    } else if (t.type === "bracket" && !/^\[\d+\]$/.test(t.text)) uses.structured = true;
    else if (t.type === "ref") {
      uses.refs.push(t.text);
      if (threeDParts(t.text)) uses.threeD = true;
      if (tokens[i + 1]?.text === "#") uses.spill = true;
    } else if (t.type === "op" && t.text === "@") uses.at = true;
  });
  return uses;
}

export function shapeKey(formula: string, row: number, col: number): string {
  let out = "";
  let copied = 0;
  let inText = false;
  let inSheet = false;
  const n = formula.length;
  for (let i = 0; i < n; i++) {
    const ch = formula.charCodeAt(i);
    // Text in double quotes, and sheet names in single quotes ('Q1 2024'!A1), are left alone.
    if (ch === 0x22 && !inSheet) {
      inText = !inText;
      continue;
    }
    if (ch === 0x27 && !inText) {
      inSheet = !inSheet;
      continue;
    }
    if (inText || inSheet || !(isLetter(ch) || ch === 0x24)) continue;
    // A reference starts here only after a character that cannot be part of a name.
    if (i > 0 && isNamePart(formula.charCodeAt(i - 1))) continue;
    let j = i;
    const colAbs = formula.charCodeAt(j) === 0x24;
    if (colAbs) j++;
    let c = 0;
    let letters = 0;
    while (j < n && isLetter(formula.charCodeAt(j)) && letters < 4) {
      c = c * 26 + ((formula.charCodeAt(j) | 0x20) - 0x60);
      j++;
      letters++;
    }
    const rowAbs = formula.charCodeAt(j) === 0x24;
    if (rowAbs) j++;
    let r = 0;
    let digits = 0;
    while (j < n && formula.charCodeAt(j) >= 0x30 && formula.charCodeAt(j) <= 0x39 && digits < 8) {
      r = r * 10 + formula.charCodeAt(j) - 0x30;
      j++;
      digits++;
    }
    // Letters then digits, not followed by what continues a name or a call.
    const after = j < n ? formula.charCodeAt(j) : 0;
    if (letters < 1 || letters > 3 || digits < 1 || digits > 7 || isNamePart(after) || after === 0x28) {
      i = j - 1;
      while (i + 1 < n && isNamePart(formula.charCodeAt(i + 1))) i++;
      continue;
    }
    out += formula.slice(copied, i);
    out += `${rowAbs ? `R${r}` : `R[${r - 1 - row}]`}${colAbs ? `C${c}` : `C[${c - 1 - col}]`}`;
    copied = j;
    i = j - 1;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

function isLetter(ch: number): boolean {
  return (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a);
}

/** Letters, digits, "_", "." and non-ASCII: what continues a name (or a number). */
function isNamePart(ch: number): boolean {
  return isLetter(ch) || (ch >= 0x30 && ch <= 0x39) || ch === 0x5f || ch === 0x2e || ch >= 0xa1 || ch === 0x24;
}
