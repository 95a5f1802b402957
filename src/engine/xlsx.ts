/**
 * Recalculates an Excel workbook (.xlsx, .xlsm) outside Excel, writing only what it
 * computed: the output is the input package with the cached values (each <v> and the
 * cell's type) of the recomputed formula cells changed, and every other part, and every
 * other byte of each sheet, as it was (charts, pivot tables, VBA, styles, names, links).
 * See docs/recalc.md.
 *
 *   1. The package is opened (./zip.ts); its parts are read as they inflate, against a
 *      budget of real inflated bytes.
 *   2. Each worksheet streams through a byte tokenizer (./xml-scan.ts, ./sheet-xml.ts):
 *      values and formulas go to the engine's grid; nothing of the XML is kept.
 *   3. The engine (HyperFormula with the add-in, ./workbook.ts) computes; a formula it
 *      cannot compute as Excel does keeps Excel's cached value (listed, with why).
 *   4. Each sheet with a changed value streams again, its changed cells rewritten in place
 *      (./sheet-xml.ts), into a new zip written beside the output and renamed over it.
 *
 * Formula text in a file differs from what is typed: newer built-ins carry prefixes
 * (`_xlfn.`, `_xlws.`) and Office add-in functions are stored as `_xldudf_LOAN_PAYMENT`.
 * The engine computes a normalized copy; the file keeps its own text.
 */
import fs from "fs";
import v8 from "v8";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { address, sheetRef } from "../plan/a1";
import type { Addin } from "./addin";
import { cellIssue, type CellIssue } from "./cells";
import { EXCEL_CONFIG, NOT_COMPUTED } from "./excel-compat";
import {
  expandThreeD,
  formulaUses,
  shapeKey,
  hasExternalReference,
  modernizeLegacyCalls,
  renameNames,
  shiftFormula,
  tokenize,
  usesImplicitIntersection,
} from "./formula-text";
import { ENGINE_MSG as M } from "./messages";
import { computeGroups, FALLBACK, type GroupValue } from "./formula-groups";
import { FileProblem, writeAtomically } from "./safe-io";
import { TESTED_FUNCTIONS, VOLATILE_FUNCTIONS } from "./tested";
import { CellProblem, parseCellRef, readSharedStrings, walkSheet, type XmlCell } from "./sheet-xml";
import { EngineWorkbook, textCell, type CellResult, type NameInput } from "./workbook";
import { attr, attributes, decodeOoxmlEscapes, encodeText, scanAll, XmlProblem } from "./xml-scan";
import { deflatePart, PartDeflater, writeZip, ZipFile, ZipProblem, type NewPart } from "./zip";

export type { CellIssue } from "./cells";

export class RecalcError extends Error {}

export interface RecalcOptions {
  /** Write values only, replacing each formula by its result. */
  valuesOnly?: boolean;
  /** Limits other than the defaults (see defaultLimits). */
  limits?: Partial<RecalcLimits>;
  /** Writes the new package to a file (the temporary file beside the output); tests make it fail. */
  writePackage?: typeof writeZip;
  /** Called as the work advances: a phase and a fraction done (0 to 1). */
  onProgress?: (phase: "read" | "compute" | "write", fraction: number) => void;
  /**
   * Compute functions that are not on the conformance-tested list too (TESTED_FUNCTIONS).
   * For gathering conformance evidence (scripts/real-corpus.mjs), never for users' files.
   */
  computeUntested?: boolean;
  /** Compute formula groups apart (formula-groups.ts); false leaves every formula to HyperFormula. Default true. */
  formulaGroups?: boolean;
}

export interface RecalcSummary {
  sheets: { name: string; formulas: number }[];
  formulas: number;
  /** Formulas computed by the engine (the others kept Excel's cached value). */
  recomputed: number;
  errors: CellIssue[];
  /** Formulas the engine cannot compute faithfully: Excel's cached value is kept, with why. */
  kept: KeptCell[];
  /** Functions the engine does not know, with how many cells use them. */
  unsupported: { name: string; cells: number }[];
  /**
   * Recomputed cells whose value depends on a volatile function (NOW, TODAY, RAND,
   * RANDBETWEEN, RANDARRAY): recomputed like the others, but a value that changes with
   * each calculation, so they are listed apart (they cannot agree with an earlier one).
   */
  volatile: string[];
  /** Cells on circular references computed by iteration, as the workbook's settings say. */
  iterated: string[];
}

/**
 * Why a computed error is the engine's limitation rather than the workbook's, or undefined
 * for an error Excel would give too (#DIV/0!, #N/A from a lookup or a LOAN function…).
 */
export function keptReason(result: CellResult): string | undefined {
  if (result === null || typeof result !== "object") return undefined;
  const message = result.message ?? "";
  if (message.startsWith(NOT_COMPUTED)) return message.slice(NOT_COMPUTED.length).trim();
  const fn = /^Function name (.+) not recognized/i.exec(message);
  if (fn) return M.notImplemented(fn[1]);
  const name = /^Named expression (.+) not recognized/i.exec(message);
  if (name) return M.nameNotDefined(name[1]);
  if (result.error === "#ERROR!" || /^Parsing error/i.test(message)) return M.syntax();
  // A function given a number of arguments Excel does not take (a file another program wrote).
  if (/^Wrong number of arguments/i.test(message)) return M.syntax();
  return undefined;
}

/**
 * Rewrites a formula from a file into what the engine parses: without the `_xlfn.` /
 * `_xlws.` prefixes of newer built-ins, add-in functions under their typed names, and
 * quotes inside text ("say ""hi""", which HyperFormula cannot parse) as CHAR(34).
 */
export function normalizeFormula(text: string, namespace = "LOAN"): string {
  const formula = modernizeLegacyCalls(text);
  const udf = new RegExp(`_xldudf_${namespace}[._]`, "gi");
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    const code = quote < 0 ? formula.slice(i) : formula.slice(i, quote);
    out += code
      .replace(/_xlfn\.|_xlws\.|_xlpm\./gi, "")
      .replace(udf, `${namespace}.`)
      // A reference whose cells were deleted (Sheet1!#REF!) is the error #REF!.
      .replace(/(?:'(?:[^']|'')+'|[A-Za-z_\\\u00a1-\uffff][\w.\u00a1-\uffff]*)!#REF!/g, "#REF!");
    if (quote < 0) break;
    // A text literal: up to the closing quote that is not doubled.
    const parts: string[] = [];
    let j = quote + 1;
    let cur = "";
    for (; j < formula.length; j++) {
      if (formula[j] !== '"') cur += formula[j];
      else if (formula[j + 1] === '"') {
        parts.push(cur);
        cur = "";
        j++;
      } else break;
    }
    parts.push(cur);
    out += parts.length === 1 ? `"${cur}"` : `(${parts.map((p) => `"${p}"`).join("&CHAR(34)&")})`;
    i = j + 1;
  }
  return out;
}

/** Reads the first bytes to tell an .xlsx from the files people mistake for one. */
function checkContainer(path: string): void {
  if (fs.existsSync(path) && fs.statSync(path).isDirectory()) throw new RecalcError(M.inputIsFolder(path));
  let fd: number;
  try {
    fd = fs.openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new RecalcError(M.noSuchFile(path));
    if (code === "EISDIR") throw new RecalcError(M.inputIsFolder(path));
    throw new RecalcError(M.cannotRead(path, code ?? String(e)));
  }
  const head = Buffer.alloc(8);
  const read = fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  if (read >= 4 && head.readUInt32BE(0) === 0x504b0304) return; // a zip container, as .xlsx is
  if (read >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new RecalcError(M.encrypted(path));
  }
  throw new RecalcError(M.notXlsx(path, read === 0));
}

/** The limits checked before the engine is built (sensible defaults; flags override them). */
export interface RecalcLimits {
  /** What the package's parts may inflate to together, in bytes (counted while inflating). */
  maxUncompressedBytes: number;
  /** Non-empty cells in all sheets (also the most shared strings). */
  maxCells: number;
}

/**
 * Memory a workbook needs, measured (docs/benchmarks.md, "recalc at scale"): a 100,000-loan
 * portfolio (1.1 million cells, half of them formulas) peaks at 0.7 GB when its formulas are
 * computed as formula groups and at 1.55 GB when HyperFormula computes every one, about
 * 1.3 KB a non-empty cell over Node's own; the limit allows 2 KB a cell, a margin for
 * formulas heavier than those. The sheets' XML is read one part at a time and not kept.
 */
export const BYTES_PER_CELL = 2000;
/** Sheets are read in chunks: the inflated size bounds reading time, not memory. */
export const BYTES_PER_XML_BYTE = 4;
/** The cells the sheets may span (last row × last column, summed), per allowed cell. */
export const SPAN_PER_CELL = 16;

/** Limits that fit in 60 % of Node's heap (its limit is set with --max-old-space-size). */
export function defaultLimits(heapBytes = heapLimit()): RecalcLimits {
  const budget = heapBytes * 0.6;
  return {
    maxUncompressedBytes: Math.max(1, Math.floor(budget / BYTES_PER_XML_BYTE / 1024 / 1024)) * 1024 * 1024,
    maxCells: Math.max(100_000, Math.floor(budget / BYTES_PER_CELL / 100_000) * 100_000),
  };
}

/** Node's heap limit (set with --max-old-space-size). */
function heapLimit(): number {
  return v8.getHeapStatistics().heap_size_limit;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-US")} MB`;
const count = (n: number) => n.toLocaleString("en-US");

/** A cell Excel's value was kept for, and why. */
export interface KeptCell {
  address: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------
// The package: which parts are the workbook, its sheets, strings and calculation chain.

const MAIN_TYPES: Record<string, boolean> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": false,
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": false,
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": true,
  "application/vnd.ms-excel.template.macroEnabled.main+xml": true,
  "application/vnd.ms-excel.addin.macroEnabled.main+xml": true,
};

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** A part's path inside the package ("xl/worksheets/sheet1.xml") from a relationship's target. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function readRels(zip: ZipFile, part: string): Relationship[] {
  const e = zip.entry(relsPath(part));
  if (!e) return [];
  const out: Relationship[] = [];
  scanAll(zip.read(e), (t, b) => {
    if ((t.kind === "empty" || t.kind === "open") && t.name === "Relationship") {
      const a = attributes(b(t.start, t.end).toString("utf8"));
      if (a.get("TargetMode") === "External") return;
      out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: resolvePart(part, a.get("Target") ?? "") });
    }
  });
  return out;
}

interface SheetEntry {
  name: string;
  part: string;
  /** Its position among the workbook's <sheet>s (a name's localSheetId). */
  position: number;
}

interface DefinedName {
  name: string;
  text: string;
  localSheetId?: number;
}

interface PackageInfo {
  macroEnabled: boolean;
  workbookPart: string;
  sheets: SheetEntry[];
  names: DefinedName[];
  date1904: boolean;
  /** Excel's iterative calculation (File › Options › Formulas), from <calcPr>. */
  iteration: Iteration;
  sharedStrings?: string;
  calcChain?: string;
}

/** Whether circular references are iterated, how many times at most, and to what change. */
export interface Iteration {
  on: boolean;
  count: number;
  delta: number;
}

function readPackage(zip: ZipFile): PackageInfo {
  const types = zip.entry("[Content_Types].xml");
  if (!types) throw new RecalcError("no [Content_Types].xml, so not an Office package");
  const overrides = new Map<string, string>();
  scanAll(zip.read(types), (t, b) => {
    if ((t.kind === "empty" || t.kind === "open") && t.name === "Override") {
      const a = attributes(b(t.start, t.end).toString("utf8"));
      overrides.set((a.get("PartName") ?? "").replace(/^\//, "").toLowerCase(), a.get("ContentType") ?? "");
    }
  });
  const office = readRels(zip, "").find((r) => r.type.endsWith("/officeDocument"));
  if (!office) throw new RecalcError("its package names no main document");
  const mainType = overrides.get(office.target.toLowerCase()) ?? "";
  if (!(mainType in MAIN_TYPES))
    throw new RecalcError(mainType ? `its main document is ${mainType}` : "no workbook part");
  const workbookPart = office.target;
  const wbEntry = zip.entry(workbookPart);
  if (!wbEntry) throw new RecalcError(`its workbook part ${workbookPart} is missing`);
  const rels = readRels(zip, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const names: DefinedName[] = [];
  let date1904 = false;
  const iteration: Iteration = { on: false, count: 100, delta: 0.001 };
  let position = 0;
  let name: { attrs: Map<string, string>; text: string } | undefined;
  scanAll(zip.read(wbEntry), (t, b) => {
    if (t.kind === "open" || t.kind === "empty") {
      const a = () => attributes(b(t.start, t.end).toString("utf8"));
      if (t.name === "sheet") {
        const at = a();
        const rel = byId.get(attr(at, "id") ?? "");
        if (rel && rel.type.endsWith("/worksheet"))
          sheets.push({ name: at.get("name") ?? `Sheet${position + 1}`, part: rel.target, position });
        position++;
      } else if (t.name === "workbookPr") {
        const v = a().get("date1904");
        date1904 = v === "1" || v === "true";
      } else if (t.name === "calcPr") {
        // ECMA-376 defaults: no iteration; 100 iterations; a maximum change of 0.001.
        const at = a();
        const on = at.get("iterate");
        iteration.on = on === "1" || on === "true";
        const n = Number(at.get("iterateCount"));
        if (Number.isInteger(n) && n > 0) iteration.count = Math.min(n, 32767);
        const d = Number(at.get("iterateDelta"));
        if (Number.isFinite(d) && d >= 0) iteration.delta = d;
      } else if (t.name === "definedName" && t.kind === "open") name = { attrs: a(), text: "" };
    } else if (t.kind === "close" && t.name === "definedName" && name) {
      const local = name.attrs.get("localSheetId");
      names.push({
        name: name.attrs.get("name") ?? "",
        text: name.text,
        ...(local !== undefined && /^\d+$/.test(local) ? { localSheetId: Number(local) } : {}),
      });
      name = undefined;
    } else if ((t.kind === "text" || t.kind === "cdata") && name) {
      const raw = b(t.start, t.end);
      name.text += t.kind === "cdata" ? raw.toString("utf8", 9, raw.length - 3) : decodeXml(raw.toString("utf8"));
    }
  });
  const sharedStrings = rels.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const calcChain = rels.find((r) => r.type.endsWith("/calcChain"))?.target;
  return {
    macroEnabled: MAIN_TYPES[mainType],
    workbookPart,
    sheets,
    names,
    date1904,
    iteration,
    ...(sharedStrings ? { sharedStrings } : {}),
    ...(calcChain ? { calcChain } : {}),
  };
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (m, e: string) => {
    const map: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (map[e]) return map[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

/** A part with the elements `drop` picks cut out (each element's bytes, nothing else). */
function withoutElements(
  part: Buffer,
  drop: (name: string, attrs: Map<string, string>) => boolean,
): Buffer | undefined {
  const cuts: [number, number][] = [];
  scanAll(part, (t, b) => {
    if (t.kind === "empty" && drop(t.name, attributes(b(t.start, t.end).toString("utf8")))) cuts.push([t.start, t.end]);
  });
  if (cuts.length === 0) return undefined;
  const pieces: Buffer[] = [];
  let at = 0;
  for (const [s, e] of cuts) {
    pieces.push(part.subarray(at, s));
    at = e;
  }
  pieces.push(part.subarray(at));
  return Buffer.concat(pieces);
}

// ---------------------------------------------------------------------------------------
// Cells.

/** A cell's 0-based place in the workbook, as one number. */
const keyOf = (sheet: number, row: number, col: number) => sheet * 17179869184 + row * 16384 + col;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRect(ref: string | undefined): Rect | undefined {
  if (!ref) return undefined;
  const [a, b] = ref.split(":");
  const p = parseCellRef(a);
  const q = b ? parseCellRef(b) : p;
  if (!p || !q) return undefined;
  return { top: p[0], left: p[1], bottom: q[0], right: q[1] };
}

const rectRef = (r: Rect) => `${address(r.top, r.left)}:${address(r.bottom, r.right)}`;

/** A formula cell as read from the file. */
interface FormulaRec {
  sheet: number;
  row: number;
  col: number;
  /** The formula as the file has it (a shared formula's cell: the master's, moved). */
  text: string;
  /** Excel's cached value, as the engine takes it. */
  cached: RawCellContent;
  /** The range of an array formula (t="array"). */
  array?: Rect;
  /** Why the engine does not compute it, when known before it runs. */
  kept?: string;
  /** The formula as the engine computes it ("=…"). */
  engineText?: string;
  /** What its text alone decides (shared by the formulas of its shape). */
  shape?: Shape;
  /** Its value, where its formula group computed it (formula-groups.ts). */
  group?: GroupValue;
}

/** What recalc decides from a formula's text alone, once per shape (shapeKey). */
interface Shape {
  /** The shape (shapeKey). */
  key: string;
  /** Why a formula of this shape is kept, or undefined. */
  reason?: string;
  /** It has a 3-D reference to expand (per formula: the references differ). */
  threeD: boolean;
  /** It calls a volatile function. */
  volatile: boolean;
}

function vetShape(
  key: string,
  rec: FormulaRec,
  vetting: FormulaVetting,
  rangeNames: Set<string>,
  sheetNames: string[],
): Shape {
  const text = rec.text;
  const shape: Shape = { key, threeD: false, volatile: false };
  if (hasExternalReference(text)) shape.reason = M.externalReference();
  else if (text.trim() === "") shape.reason = M.emptyFormula();
  else if (!rec.array && usesImplicitIntersection(text, rangeNames)) shape.reason = M.implicitIntersection();
  else {
    const expanded = expandThreeD(text, sheetNames);
    if (expanded === undefined) shape.reason = M.threeD();
    else {
      shape.threeD = expanded !== text;
      shape.reason = vetting.reason(expanded);
      shape.volatile = formulaUses(expanded).functions.some((f) => VOLATILE_FUNCTIONS.has(f));
    }
  }
  return shape;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell's value as the engine takes it (Excel's cached value for a formula cell). */
function cellContent(c: XmlCell, strings: readonly string[], date1904: boolean): RawCellContent {
  const t = attr(c.attrs, "t") ?? "n";
  if (t === "inlineStr") return c.is ? textCell(c.is.text) : null;
  const v = c.v?.text;
  if (v === undefined) return null;
  switch (t) {
    case "s": {
      const s = strings[Number(v)];
      return s === undefined ? null : textCell(s);
    }
    case "str":
      return textCell(decodeOoxmlEscapes(v));
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return v.trim();
    case "d": {
      const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);
      if (!Number.isFinite(ms)) return null;
      return (ms - (date1904 ? Date.UTC(1904, 0, 1) : EXCEL_EPOCH)) / 86400000;
    }
    default: {
      if (v.trim() === "") return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** Significant digits of each number inside a text: more than 15 is a float Excel would have shown to 15. */
function joinedNumberReason(formula: string, result: CellResult): string | undefined {
  if (typeof result !== "string" || !/&|CONCAT/i.test(formula)) return undefined;
  for (const m of result.matchAll(/\d+(?:\.\d+)?/g)) {
    const digits = m[0].replace(".", "").replace(/^0+/, "");
    if (digits.length > 15) return M.joinedNumber();
  }
  return undefined;
}

/** Whether a cached value is a value (not nothing, not an error such as "#N/A"). */
function holdsValue(cached: RawCellContent): boolean {
  return cached !== null && cached !== undefined && !(typeof cached === "string" && cached.startsWith("#"));
}

/**
 * Which formulas the engine computes as Excel does: every function on the tested list
 * (TESTED_FUNCTIONS) or the add-in's, every name read, no construct it does not compute.
 * `reason` says why not, or undefined.
 */
class FormulaVetting {
  /** Why a formula using a name is kept, by the name (upper case). */
  readonly nameReasons = new Map<string, string>();
  /** The definitions of the names read (upper case), checked as formulas when used. */
  readonly nameTexts = new Map<string, string[]>();
  private readonly registered = new Set(HyperFormula.getRegisteredFunctionNames("enGB").map((n) => n.toUpperCase()));
  private readonly addin: RegExp;
  private readonly checking = new Set<string>();

  constructor(
    namespace: string,
    private readonly computeUntested: boolean,
  ) {
    const ns = namespace.toUpperCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    this.addin = new RegExp(`^(?:_XLDUDF_${ns}[._]|${ns}\\.)`);
  }

  reason(text: string): string | undefined {
    const uses = formulaUses(text);
    if (uses.structured) return M.structuredReference();
    if (uses.spill) return M.spillReference();
    if (uses.at) return M.implicitIntersection();
    if (uses.threeD) return M.threeD();
    for (const call of uses.calls) {
      // XLOOKUP's and XMATCH's binary searches (search_mode 2, -2) are not among what was tested.
      const mode = call.name === "XLOOKUP" ? call.args[5] : call.name === "XMATCH" ? call.args[3] : undefined;
      if (mode !== undefined && mode !== "" && mode !== "1" && mode !== "-1") return M.binarySearch(call.name);
    }
    for (const fn of uses.functions) {
      if (this.addin.test(fn)) continue;
      if (!this.registered.has(fn)) return M.notImplemented(fn);
      if (!this.computeUntested && !TESTED_FUNCTIONS.has(fn)) return M.notTested(fn);
    }
    for (const name of uses.names) {
      if (name === "TRUE" || name === "FALSE") continue;
      const known = this.nameReasons.get(name);
      if (known !== undefined) return known;
      const texts = this.nameTexts.get(name);
      if (!texts || this.checking.has(name)) continue;
      this.checking.add(name);
      for (const t of texts) {
        const why = this.reason(t);
        if (why !== undefined) {
          this.nameReasons.set(name, why);
          break;
        }
      }
      this.checking.delete(name);
      if (this.nameReasons.has(name)) return this.nameReasons.get(name);
    }
    return undefined;
  }
}

/** A computed value as a cell's content (text stays text; an error is its code). */
function asContent(v: CellResult): RawCellContent {
  if (v === null || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return textCell(v);
  return v.error;
}

/**
 * Iterates the formulas on circular references as Excel does with iterative calculation
 * on: from the values Excel cached, each formula in turn (sheet by sheet, row by row)
 * computed from the others' latest values, until no value changes by more than the
 * workbook's maximum change, for at most its number of iterations. Returns why not, when
 * the values did not settle; the engine then holds the last values as constants.
 */
function iterate(
  engine: EngineWorkbook,
  cycle: FormulaRec[],
  sheets: SheetEntry[],
  iteration: Iteration,
): string | undefined {
  const order = [...cycle].sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col);
  const cell = (rec: FormulaRec, content: RawCellContent) => ({
    sheet: sheets[rec.sheet].name,
    row: rec.row,
    col: rec.col,
    content,
  });
  // A formula whose value depends on where it is (ROW(), COLUMN()) cannot be computed apart.
  if (order.some((rec) => /\b(?:ROW|COLUMN)\s*\(\s*\)/i.test(rec.engineText ?? "")))
    return M.notConverged(0, iteration.delta);
  engine.setConstants(order.map((rec) => cell(rec, rec.cached ?? 0)));
  for (let n = 0; n < iteration.count; n++) {
    let change = 0;
    for (const rec of order) {
      const name = sheets[rec.sheet].name;
      const before = engine.value(name, rec.row, rec.col);
      const after = engine.calculate(rec.engineText ?? "=0", name);
      if (Array.isArray(after)) return M.notConverged(n, iteration.delta);
      if (typeof before === "number" && typeof after === "number") change = Math.max(change, Math.abs(after - before));
      else if (JSON.stringify(before) !== JSON.stringify(after)) change = Infinity;
      engine.setConstants([cell(rec, asContent(after))]);
    }
    if (change <= iteration.delta) return undefined;
  }
  return M.notConverged(iteration.count, iteration.delta);
}

/** A reference's sheet (0-based, or `own` without one) and rectangle; undefined for another workbook's. */
function refRect(ref: string, own: number, sheets: SheetEntry[]): { sheet: number; rect: Rect } | undefined {
  const bang = ref.lastIndexOf("!");
  let sheet = own;
  if (bang >= 0) {
    const name = ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
    sheet = sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (sheet < 0) return undefined;
  }
  const body = ref.slice(bang + 1).replace(/\$/g, "");
  const [a, b = a] = body.split(":");
  const end = (part: string, last: boolean): [number, number] | undefined => {
    if (/^[A-Za-z]{1,3}$/.test(part)) return [last ? 1048575 : 0, parseCellRef(`${part}1`)![1]];
    if (/^\d+$/.test(part)) return [Number(part) - 1, last ? 16383 : 0];
    return parseCellRef(part);
  };
  const p = end(a, false);
  const q = end(b, true);
  if (!p || !q) return undefined;
  return {
    sheet,
    rect: {
      top: Math.min(p[0], q[0]),
      left: Math.min(p[1], q[1]),
      bottom: Math.max(p[0], q[0]),
      right: Math.max(p[1], q[1]),
    },
  };
}

/** Marks as kept each SUBTOTAL (or AGGREGATE) whose ranges hold another: Excel skips those cells. */
function nestedSubtotals(formulas: FormulaRec[], sheets: SheetEntry[]): void {
  const isSubtotal = (rec: FormulaRec) => /\b(?:SUBTOTAL|AGGREGATE)\s*\(/i.test(rec.text);
  const subtotals = formulas.filter(isSubtotal);
  if (subtotals.length < 2) return;
  for (const rec of subtotals) {
    if (rec.kept) continue;
    const rects = formulaUses(rec.text)
      .refs.map((r) => refRect(r, rec.sheet, sheets))
      .filter((r) => r !== undefined);
    const nested = subtotals.some(
      (other) =>
        other !== rec &&
        rects.some(
          ({ sheet, rect }) =>
            sheet === other.sheet &&
            other.row >= rect.top &&
            other.row <= rect.bottom &&
            other.col >= rect.left &&
            other.col <= rect.right,
        ),
    );
    if (nested) rec.kept = M.nestedSubtotal();
  }
}

/** Errors the engine has (other codes in a file, such as #NULL!, it would take for text). */
const ENGINE_ERRORS = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#REF!", "#VALUE!", "#SPILL!"]);

/**
 * The cells that depend, directly or through others, on the given cells (0-based sheet
 * positions), each with the tag of the cell it was first reached from, by key (keyOf).
 */
function dependents<T extends { sheet: number; row: number; col: number }>(
  engine: EngineWorkbook,
  sheets: SheetEntry[],
  seeds: T[],
  tag: (seed: T) => string = (seed) => (seed as unknown as { code: string }).code,
): Map<number, string> {
  const ids = sheets.map((s) => engine.sheetId(s.name));
  const sheetOf = new Map(ids.map((id, i) => [id, i]));
  const seen = new Map<number, string>();
  const queue: { sheet: number; row: number; col: number; tag: string }[] = [];
  for (const s of seeds) {
    queue.push({ sheet: ids[s.sheet], row: s.row, col: s.col, tag: tag(s) });
    seen.set(keyOf(s.sheet, s.row, s.col), tag(s));
  }
  while (queue.length > 0) {
    const at = queue.pop()!;
    const found = engine.hf.getCellDependents({ sheet: at.sheet, row: at.row, col: at.col });
    const cells: { sheet: number; row: number; col: number }[] = [];
    for (const d of found) {
      // A range that contains the cell: its readers are the range's dependents.
      if ("start" in d) {
        for (const r of engine.hf.getCellDependents(d)) if (!("start" in r)) cells.push(r);
      } else cells.push(d);
    }
    for (const c of cells) {
      const k = keyOf(sheetOf.get(c.sheet) ?? 0, c.row, c.col);
      if (seen.has(k)) continue;
      seen.set(k, at.tag);
      queue.push({ ...c, tag: at.tag });
    }
  }
  return seen;
}

/** The formulas among `cells` that are on a circular reference (they depend on themselves). */
function onCycle(engine: EngineWorkbook, cells: FormulaRec[], sheets: SheetEntry[]): FormulaRec[] {
  const ids = sheets.map((s) => engine.sheetId(s.name));
  const sheetOf = new Map(ids.map((id, i) => [id, i]));
  return cells.filter((rec) => {
    // The cell and all that depends on it: on a cycle when one of them is read by the cell.
    const reached = dependents(engine, sheets, [rec], () => "");
    const self = keyOf(rec.sheet, rec.row, rec.col);
    for (const k of reached.keys()) {
      const sheet = Math.floor(k / 17179869184);
      const rest = k - sheet * 17179869184;
      const at = { sheet: ids[sheet], row: Math.floor(rest / 16384), col: rest % 16384 };
      for (const d of engine.hf.getCellDependents(at)) {
        const cellsOf = "start" in d ? engine.hf.getCellDependents(d).filter((r) => !("start" in r)) : [d];
        for (const c of cellsOf)
          if (!("start" in c) && keyOf(sheetOf.get(c.sheet) ?? 0, c.row, c.col) === self) return true;
      }
    }
    return false;
  });
}

/** Recomputed formula cells whose value depends on a volatile function, directly or through others. */
function volatileCells(
  engine: EngineWorkbook,
  formulas: FormulaRec[],
  kept: ReadonlyMap<FormulaRec, string>,
  sheets: SheetEntry[],
): FormulaRec[] {
  const seeds = formulas.filter((rec) => !kept.has(rec) && rec.shape?.volatile === true);
  if (seeds.length === 0) return [];
  const reached = dependents(engine, sheets, seeds, () => "");
  return formulas.filter((rec) => !kept.has(rec) && reached.has(keyOf(rec.sheet, rec.row, rec.col)));
}

/** What a cell's rewrite writes: a computed value, and whether its formula goes. */
interface Edit {
  /** The computed value; absent to keep the cached one. */
  result?: CellResult;
  dropFormula: boolean;
}

/** A number as a cell's <v> holds it (the shortest text that reads back the same). */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** The new bytes of a cell, or undefined when they would be the same as before. */
function rewriteCell(c: XmlCell, edit: Edit): Buffer | undefined {
  const prefix = c.qname.includes(":") ? c.qname.slice(0, c.qname.indexOf(":") + 1) : "";
  const el = (name: string) => `${prefix}${name}`;
  let type: string | undefined;
  let value: string | undefined;
  if (edit.result !== undefined) {
    const r = edit.result;
    if (r === null) value = `<${el("v")}>0</${el("v")}>`;
    else if (typeof r === "number") value = `<${el("v")}>${numberText(r)}</${el("v")}>`;
    else if (typeof r === "boolean") {
      type = "b";
      value = `<${el("v")}>${r ? 1 : 0}</${el("v")}>`;
    } else if (typeof r === "string") {
      if (edit.dropFormula || !c.f) {
        type = "inlineStr";
        value = `<${el("is")}><${el("t")} xml:space="preserve">${encodeText(r)}</${el("t")}></${el("is")}>`;
      } else {
        type = "str";
        value = `<${el("v")}>${encodeText(r)}</${el("v")}>`;
      }
    } else {
      type = "e";
      value = `<${el("v")}>${encodeText(r.error)}</${el("v")}>`;
    }
  } else {
    // The cached value stays; only a text result changes form when its formula goes.
    const t = attr(c.attrs, "t");
    type = t;
    if (edit.dropFormula && t === "str") {
      type = "inlineStr";
      value = `<${el("is")}><${el("t")} xml:space="preserve">${encodeText(decodeOoxmlEscapes(c.v?.text ?? ""))}</${el("t")}></${el("is")}>`;
    }
  }
  const bytes = c.bytes;
  let tag = bytes.toString("utf8", 0, c.startTagEnd);
  const selfClosing = c.endTagStart === bytes.length && /\/\s*>$/.test(tag);
  // The type attribute changed where it is, or added last (where Excel writes it).
  const typed = type !== undefined && type !== "n";
  const existing = /(\s)t\s*=\s*("[^"]*"|'[^']*')/;
  if (existing.test(tag)) tag = tag.replace(existing, typed ? `$1t="${type}"` : "");
  else if (typed) tag = tag.replace(/\s*(\/?)\s*>$/, ` t="${type}"$1>`);
  if (edit.dropFormula) tag = tag.replace(/\scm\s*=\s*("[^"]*"|'[^']*')/, "");
  if (selfClosing) tag = tag.replace(/\s*\/\s*>$/, ">");
  // The body without the parts replaced, the new value where the old one was.
  const cuts: { start: number; end: number }[] = [];
  let insertAt: number;
  if (value !== undefined) {
    if (c.v) cuts.push(c.v);
    if (c.is) cuts.push(c.is);
    insertAt = c.v?.start ?? c.is?.start ?? c.f?.end ?? c.startTagEnd;
  } else insertAt = -1;
  if (edit.dropFormula && c.f) {
    cuts.push(c.f);
    if (insertAt === c.f.end) insertAt = c.f.start;
  }
  cuts.sort((a, b) => a.start - b.start);
  const pieces: Buffer[] = [Buffer.from(tag, "utf8")];
  const bodyEnd = selfClosing ? bytes.length : c.endTagStart;
  let at = c.startTagEnd;
  const insert = (pos: number) => {
    if (value !== undefined && pos === insertAt) {
      pieces.push(Buffer.from(value, "utf8"));
      insertAt = -2;
    }
  };
  for (const cut of cuts) {
    if (insertAt >= at && insertAt < cut.start) {
      pieces.push(bytes.subarray(at, insertAt));
      at = insertAt;
      insert(insertAt);
    }
    pieces.push(bytes.subarray(at, cut.start));
    insert(cut.start);
    at = cut.end;
  }
  if (insertAt >= at && insertAt <= bodyEnd) {
    pieces.push(bytes.subarray(at, insertAt));
    at = insertAt;
    insert(insertAt);
  }
  pieces.push(bytes.subarray(at, bodyEnd));
  pieces.push(selfClosing ? Buffer.from(`</${c.qname}>`, "utf8") : bytes.subarray(bodyEnd));
  const out = Buffer.concat(pieces);
  return out.equals(bytes) ? undefined : out;
}

// ---------------------------------------------------------------------------------------
// Recalculation.

/** Recalculates `input` and writes the result to `output` (which may equal input only if asked). */
export async function recalcXlsx(
  addin: Addin,
  input: string,
  output: string,
  options: RecalcOptions = {},
): Promise<RecalcSummary> {
  checkContainer(input);
  const limits = { ...defaultLimits(), ...options.limits };
  let zip: ZipFile;
  try {
    zip = ZipFile.open(input, limits.maxUncompressedBytes);
  } catch (e) {
    if (e instanceof ZipProblem && e.kind === "zip64") throw new RecalcError(M.zip64(input));
    if (e instanceof ZipProblem) throw new RecalcError(M.corrupt(input));
    throw new RecalcError(M.cannotRead(input, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  try {
    return await recalcPackage(addin, zip, input, output, limits, options);
  } catch (e) {
    if (e instanceof RecalcError || e instanceof FileProblem) throw e;
    if (e instanceof ZipProblem) {
      if (e.kind === "over") throw new RecalcError(M.inflatesPast(input, mb(limits.maxUncompressedBytes)));
      throw new RecalcError(M.corruptBecause(input, e.message));
    }
    if (e instanceof XmlProblem) throw new RecalcError(M.corruptBecause(input, e.message));
    throw e;
  } finally {
    zip.close();
  }
}

async function recalcPackage(
  addin: Addin,
  zip: ZipFile,
  input: string,
  output: string,
  limits: RecalcLimits,
  options: RecalcOptions,
): Promise<RecalcSummary> {
  const declared = zip.declaredTotal;
  if (declared > limits.maxUncompressedBytes) {
    throw new RecalcError(
      M.overMaxSize(input, mb(declared), mb(limits.maxUncompressedBytes), mb(declared * BYTES_PER_XML_BYTE)),
    );
  }
  let pkg: PackageInfo;
  try {
    pkg = readPackage(zip);
  } catch (e) {
    if (e instanceof RecalcError) throw new RecalcError(M.notExcel(input, e.message));
    throw e;
  }
  if (pkg.macroEnabled && !/\.xlsm$/i.test(output)) throw new RecalcError(M.macroOutput(input, output));
  if (!pkg.macroEnabled && /\.xlsm$/i.test(output)) throw new RecalcError(M.plainOutput(input, output));
  const valuesOnly = options.valuesOnly === true;
  const namespace = addin.namespace;

  // Shared strings.
  let strings: string[] = [];
  const sstEntry = pkg.sharedStrings ? zip.entry(pkg.sharedStrings) : undefined;
  if (sstEntry)
    strings = await readSharedStrings(
      zip,
      sstEntry,
      limits.maxCells,
      () => new RecalcError(M.overSharedStrings(input, count(limits.maxCells))),
    );

  // Pass 1: every sheet's values and formulas.
  const grids: RawCellContent[][][] = [];
  const formulas: FormulaRec[] = [];
  /** Excel's cached values inside array formulas' ranges (results, not inputs). */
  const arrayCached = new Map<number, RawCellContent>();
  /** Cells holding an error the engine does not have (#NULL!, #GETTING_DATA…). */
  const unknownErrors: { sheet: number; row: number; col: number; code: string }[] = [];
  let cells = 0;
  let span = 0;
  const sheets = pkg.sheets;
  for (let s = 0; s < sheets.length; s++) {
    const sheet = sheets[s];
    const entry = zip.entry(sheet.part);
    const grid: RawCellContent[][] = [];
    grids.push(grid);
    if (!entry) continue;
    const masters = new Map<string, { text: string; row: number; col: number }>();
    const children: { rec: FormulaRec; si: string }[] = [];
    const arrays: FormulaRec[] = [];
    let lastRow = -1;
    let lastCol = -1;
    try {
      await walkSheet(zip, entry, (c) => {
        const content = cellContent(c, strings, pkg.date1904);
        if (c.f === undefined && content === null) return undefined;
        if (typeof content === "string" && !ENGINE_ERRORS.has(content) && attr(c.attrs, "t") === "e")
          unknownErrors.push({ sheet: s, row: c.row, col: c.col, code: content });
        if (++cells > limits.maxCells) {
          throw new RecalcError(
            M.overMaxCells(
              input,
              `more than ${count(limits.maxCells)}`,
              count(formulas.length),
              count(limits.maxCells),
              mb(cells * BYTES_PER_CELL),
            ),
          );
        }
        lastRow = Math.max(lastRow, c.row);
        lastCol = Math.max(lastCol, c.col);
        (grid[c.row] ??= [])[c.col] = content;
        if (c.f === undefined) return undefined;
        const ft = attr(c.f.attrs, "t") ?? "normal";
        const rec: FormulaRec = { sheet: s, row: c.row, col: c.col, text: c.f.text, cached: content };
        formulas.push(rec);
        if (attr(c.attrs, "vm") !== undefined) rec.kept = M.richValue();
        if (ft === "dataTable") {
          rec.kept = M.dataTable();
        } else if (ft === "shared") {
          const si = attr(c.f.attrs, "si") ?? "";
          if (c.f.text.trim() !== "") masters.set(si, { text: c.f.text, row: c.row, col: c.col });
          else children.push({ rec, si });
        } else if (ft === "array") {
          const rect = parseRect(attr(c.f.attrs, "ref")) ?? { top: c.row, left: c.col, bottom: c.row, right: c.col };
          rec.array = rect;
          arrays.push(rec);
        }
        return undefined;
      });
    } catch (e) {
      if (e instanceof CellProblem)
        throw new RecalcError(M.abortAt(input, `${sheetRef(sheet.name)}!${address(e.row, e.col)}`, e.message));
      throw e;
    }
    for (const { rec, si } of children) {
      const m = masters.get(si);
      if (!m) rec.kept ??= M.sharedWithoutMaster();
      else rec.text = shiftFormula(m.text, rec.row - m.row, rec.col - m.col);
    }
    if (lastRow >= 0) {
      span += (lastRow + 1) * (lastCol + 1);
      if (span > limits.maxCells * SPAN_PER_CELL)
        throw new RecalcError(
          M.overMaxSpan(
            input,
            sheetRef(sheet.name),
            `A1:${address(lastRow, lastCol)}`,
            count(span),
            count(limits.maxCells * SPAN_PER_CELL),
          ),
        );
    }
    // An array formula's other cells hold Excel's results: blank for the engine to fill.
    for (const rec of arrays) {
      const r = rec.array!;
      let missing = false;
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          if (row === rec.row && col === rec.col) continue;
          const v = grid[row]?.[col];
          if (v === undefined) missing = true;
          arrayCached.set(keyOf(s, row, col), v ?? null);
          if (grid[row]) grid[row][col] = null;
        }
      }
      if (missing && !rec.kept) rec.kept = M.arrayCells(rectRef(r));
    }
    options.onProgress?.("read", (s + 1) / Math.max(1, sheets.length));
  }

  // SUBTOTAL skips the cells of its ranges that hold a SUBTOTAL themselves; the engine
  // does not, so a SUBTOTAL over such cells keeps Excel's value.
  nestedSubtotals(formulas, sheets);

  // Names, as the engine can take them: a name it refuses is renamed for it.
  const probe = HyperFormula.buildFromSheets(Object.fromEntries(sheets.map((s) => [s.name, []])), { ...EXCEL_CONFIG });
  const names: NameInput[] = [];
  const renames = new Map<string, string>();
  const rangeNames = new Set<string>();
  pkg.names.forEach((n, i) => {
    if (/^_xlnm\./i.test(n.name) || n.text.trim() === "" || hasExternalReference(n.text)) return;
    const sheet =
      n.localSheetId !== undefined ? pkg.sheets.find((s) => s.position === n.localSheetId)?.name : undefined;
    if (n.localSheetId !== undefined && sheet === undefined) return;
    const expression = `=${normalizeFormula(n.text, namespace)}`;
    const refs = tokenize(n.text).filter((t) => t.type !== "space");
    if (refs.length === 1 && refs[0].type === "ref" && refs[0].text.includes(":")) rangeNames.add(n.name.toUpperCase());
    const scope = sheet !== undefined ? probe.getSheetId(sheet) : undefined;
    let name = n.name;
    try {
      if (!probe.isItPossibleToAddNamedExpression(name, expression, scope)) {
        name = `LOANRECALC_NAME_${i}_`;
        if (!probe.isItPossibleToAddNamedExpression(name, expression, scope)) return;
        if (sheet === undefined || !renames.has(n.name.toUpperCase())) renames.set(n.name.toUpperCase(), name);
      }
    } catch {
      return;
    }
    names.push({ name, expression, ...(sheet !== undefined ? { sheet } : {}) });
  });

  // What the engine computes as Excel does: functions on the tested list, names it read.
  const vetting = new FormulaVetting(namespace, options.computeUntested === true);
  const loaded = new Set(names.map((n) => n.name.toUpperCase()));
  for (const [from, to] of renames) if (loaded.has(to.toUpperCase())) loaded.add(from);
  for (const n of pkg.names) {
    const key = n.name.toUpperCase();
    if (hasExternalReference(n.text)) vetting.nameReasons.set(key, M.nameExternal(n.name));
    else if (!loaded.has(key) && !vetting.nameReasons.has(key)) vetting.nameReasons.set(key, M.nameNotRead(n.name));
    else vetting.nameTexts.set(key, [...(vetting.nameTexts.get(key) ?? []), n.text]);
  }
  const sheetNames = sheets.map((s) => s.name);

  // Formulas into the grids: the engine's copy of each, or Excel's value where it is kept.
  // What is decided from a formula's text alone is decided once per shape (shapeKey).
  const shapes = new Map<string, Shape>();
  for (const rec of formulas) {
    let text = rec.text;
    if (!rec.kept) {
      const key = `${rec.array ? "{" : ""}${shapeKey(rec.text, rec.row, rec.col)}`;
      let shape = shapes.get(key);
      if (!shape) {
        shape = vetShape(key, rec, vetting, rangeNames, sheetNames);
        shapes.set(key, shape);
      }
      rec.shape = shape;
      if (shape.reason !== undefined) rec.kept = shape.reason;
      else if (shape.threeD) text = expandThreeD(text, sheetNames) ?? text;
    }
    let engineText = "";
    if (!rec.kept) {
      engineText = `=${normalizeFormula(renameNames(text, renames), namespace)}`;
      rec.engineText = engineText;
      if (engineText.length > 1000) {
        try {
          // Parsed and evaluated once on its own: a formula nested too deeply for the
          // engine's recursion fails here, not in the whole workbook's build.
          if (probe.validateFormula(engineText)) probe.calculateFormula(engineText, 0);
        } catch {
          rec.kept = M.tooComplex(rec.text.length);
        }
      }
    }
    const row = grids[rec.sheet][rec.row] ?? (grids[rec.sheet][rec.row] = []);
    row[rec.col] = rec.kept ? rec.cached : engineText;
  }
  probe.destroy();
  // A kept array formula's range keeps Excel's values.
  for (const rec of formulas) {
    if (!rec.kept || !rec.array) continue;
    forRect(rec.array, (r, c) => {
      const k = keyOf(rec.sheet, r, c);
      if (arrayCached.has(k) && grids[rec.sheet][r]) grids[rec.sheet][r][c] = arrayCached.get(k) ?? null;
    });
  }

  options.onProgress?.("compute", 0);
  // Formula groups first: the formulas of a shape the engine compiles are computed here,
  // and HyperFormula gets their values as constants (formula-groups.ts).
  const groupRecs =
    options.formulaGroups === false
      ? []
      : formulas.filter((rec) => !rec.kept && !rec.array && rec.shape && !rec.shape.threeD);
  if (groupRecs.length > 0) {
    const groups = computeGroups(
      addin,
      groupRecs.map((rec) => ({
        sheet: rec.sheet,
        row: rec.row,
        col: rec.col,
        shape: rec.shape!.key,
        engineText: rec.engineText!,
        cached: rec.cached,
      })),
      grids,
      sheetNames,
      holdsValue,
    );
    groupRecs.forEach((rec, i) => {
      const v = groups.values[i];
      if (v === FALLBACK) return;
      const error = groups.engineErrors.get(i);
      const row = grids[rec.sheet][rec.row];
      if (error !== undefined) {
        rec.kept = M.engineError(error);
        row[rec.col] = rec.cached;
      } else {
        rec.group = v;
        row[rec.col] = asContent(v);
      }
      rec.engineText = undefined;
    });
  }
  groupRecs.length = 0;
  // HyperFormula for the rest (none, often).
  const engineFormulas = formulas.filter((rec) => !rec.kept && rec.group === undefined);
  let engine: EngineWorkbook | undefined;
  if (engineFormulas.length > 0) {
    const engineSheets = sheets.map((s, i) => {
      const grid = grids[i];
      for (let r = 0; r < grid.length; r++) {
        const row = grid[r];
        if (row === undefined) grid[r] = [];
        else for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      }
      return { name: s.name, cells: grid };
    });
    grids.length = 0;
    try {
      engine = new EngineWorkbook(addin, engineSheets, names, {
        config: pkg.date1904 ? { nullDate: { year: 1904, month: 1, day: 1 }, leapYear1900: false } : {},
      });
    } catch (e) {
      throw new RecalcError(
        M.corruptBecause(input, `the engine could not take it: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
    engineSheets.length = 0;
  }
  grids.length = 0;
  options.onProgress?.("compute", 0.8);

  const where = (rec: { sheet: number; row: number; col: number }) =>
    `${sheetRef(sheets[rec.sheet].name)}!${address(rec.row, rec.col)}`;
  const kept = new Map<FormulaRec, string>();
  for (const rec of formulas) if (rec.kept) kept.set(rec, rec.kept);
  // A formula reading an error the engine does not have (it takes #NULL! for text) keeps Excel's value.
  if (engine && unknownErrors.length > 0) {
    const byKey = new Map(formulas.map((rec) => [keyOf(rec.sheet, rec.row, rec.col), rec]));
    const reached = dependents(
      engine,
      sheets,
      unknownErrors.map((e) => e),
    );
    for (const [k, code] of reached) {
      const rec = byKey.get(k);
      if (rec && !kept.has(rec)) {
        kept.set(rec, M.unknownError(code));
        engine.setConstants([{ sheet: sheets[rec.sheet].name, row: rec.row, col: rec.col, content: rec.cached }]);
      }
    }
  }

  // Cells the engine cannot compute faithfully keep Excel's cached value, in the engine
  // too, so the cells that read them are computed from Excel's value (a few rounds: a
  // kept cell can reveal another once the error it propagated is gone).
  // Circular references: the cells on one are iterated as Excel does when the workbook
  // allows it (once), or keep Excel's values; the cells that only read them are then
  // computed from those values like any other.
  let iterated: FormulaRec[] = [];
  let cyclesDone = false;
  for (let round = 0; engine && round < 6; round++) {
    const found: { rec: FormulaRec; reason: string }[] = [];
    const cyclic: FormulaRec[] = [];
    for (const rec of engineFormulas) {
      if (kept.has(rec)) continue;
      const name = sheets[rec.sheet].name;
      const result = engine.value(name, rec.row, rec.col);
      const spill = engine.spillSize(name, rec.row, rec.col);
      const limitation = keptReason(result);
      let reason: string | undefined;
      if (limitation !== undefined) reason = engine.errorArisesAt(name, rec.row, rec.col) ? limitation : undefined;
      else if (result !== null && typeof result === "object" && result.error === "#CYCLE!") {
        cyclic.push(rec);
        continue;
      } else if (result !== null && typeof result === "object" && holdsValue(rec.cached)) {
        // Excel's cache holds a value where the engine gives an error: the engine is wrong.
        reason = M.engineError(result.error);
      } else if (!rec.array) {
        if (spill || (result !== null && typeof result === "object" && result.error === "#SPILL!"))
          reason = M.implicitIntersection();
      } else {
        const r = rec.array;
        const rows = r.bottom - r.top + 1;
        const cols = r.right - r.left + 1;
        if (result !== null && typeof result === "object" && result.error === "#SPILL!")
          reason = M.arrayBlocked(rectRef(r));
        else if (spill ? spill.height !== rows || spill.width !== cols : rows !== 1 || cols !== 1)
          reason = M.arraySize(rectRef(r), spill?.height ?? 1, spill?.width ?? 1);
      }
      if (reason === undefined && limitation === undefined) reason = joinedNumberReason(rec.text, result);
      if (reason !== undefined) found.push({ rec, reason });
    }
    if (cyclic.length > 0 && !cyclesDone) {
      cyclesDone = true;
      const members = onCycle(engine, cyclic, sheets);
      const reason = pkg.iteration.on ? iterate(engine, members, sheets, pkg.iteration) : M.circular();
      if (reason === undefined) iterated = members;
      else for (const rec of members) found.push({ rec, reason });
    }
    if (found.length === 0) {
      if (cyclic.length > 0 && round === 0) continue;
      break;
    }
    const constants: { sheet: string; row: number; col: number; content: RawCellContent }[] = [];
    for (const { rec, reason } of found) {
      kept.set(rec, reason);
      const sheet = sheets[rec.sheet].name;
      constants.push({ sheet, row: rec.row, col: rec.col, content: rec.cached });
      if (rec.array)
        forRect(rec.array, (r, c) => {
          const k = keyOf(rec.sheet, r, c);
          if (arrayCached.has(k)) constants.push({ sheet, row: r, col: c, content: arrayCached.get(k) ?? null });
        });
    }
    engine.setConstants(constants);
  }
  options.onProgress?.("compute", 1);

  // What changes, cell by cell.
  const summary: RecalcSummary = {
    sheets: sheets.map((s, i) => ({ name: s.name, formulas: formulas.filter((f) => f.sheet === i).length })),
    formulas: formulas.length,
    recomputed: formulas.length - kept.size,
    errors: [],
    kept: [],
    unsupported: [],
    volatile: [],
    iterated: iterated.map(where),
  };
  const unsupported = new Map<string, number>();
  const edits: Map<number, Edit>[] = sheets.map(() => new Map());
  for (const rec of formulas) {
    const name = sheets[rec.sheet].name;
    const reason = kept.get(rec);
    if (reason !== undefined) {
      summary.kept.push({ address: where(rec), reason });
      const fn = /^function (\S+) is not implemented/.exec(reason);
      if (fn) unsupported.set(fn[1], (unsupported.get(fn[1]) ?? 0) + 1);
      if (valuesOnly) edits[rec.sheet].set(keyOf(rec.sheet, rec.row, rec.col), { dropFormula: true });
      continue;
    }
    const result = rec.group !== undefined ? rec.group : engine!.value(name, rec.row, rec.col);
    const issue = cellIssue(where(rec), result);
    if (issue) summary.errors.push(issue);
    edits[rec.sheet].set(keyOf(rec.sheet, rec.row, rec.col), { result, dropFormula: valuesOnly });
    if (rec.array && engine)
      forRect(rec.array, (r, c) => {
        if (r === rec.row && c === rec.col) return;
        edits[rec.sheet].set(keyOf(rec.sheet, r, c), { result: engine.value(name, r, c), dropFormula: false });
      });
  }
  summary.unsupported = [...unsupported].map(([n, cells]) => ({ name: n, cells }));
  if (engine) {
    summary.volatile = volatileCells(engine, engineFormulas, kept, sheets).map(where);
    engine.destroy();
  }

  // Pass 2: the sheets whose cells change, rewritten in place.
  const changed = new Map<string, NewPart>();
  for (let s = 0; s < sheets.length; s++) {
    if (edits[s].size === 0) continue;
    const entry = zip.entry(sheets[s].part);
    if (!entry) continue;
    const out = new PartDeflater();
    let replaced = 0;
    try {
      await walkSheet(
        zip,
        entry,
        (c) => {
          const edit = edits[s].get(keyOf(s, c.row, c.col));
          if (!edit) return undefined;
          const bytes = rewriteCell(c, edit);
          if (bytes) replaced++;
          return bytes;
        },
        out,
        (row, col) => edits[s].has(keyOf(s, row, col)),
      );
    } catch (e) {
      if (e instanceof CellProblem)
        throw new RecalcError(M.abortAt(input, `${sheetRef(sheets[s].name)}!${address(e.row, e.col)}`, e.message));
      throw e;
    }
    const part = await out.finish();
    if (replaced > 0) changed.set(entry.name, part);
    options.onProgress?.("write", (s + 1) / sheets.length);
  }
  // Values only: no formula is left, so the calculation chain goes (Excel rebuilds it).
  const removed = new Set<string>();
  if (valuesOnly && pkg.calcChain) {
    const chain = zip.entry(pkg.calcChain);
    if (chain) {
      removed.add(chain.name);
      const rels = zip.entry(relsPath(pkg.workbookPart));
      const types = zip.entry("[Content_Types].xml")!;
      const target = pkg.calcChain.toLowerCase();
      if (rels) {
        const bytes = withoutElements(
          zip.read(rels),
          (n, a) => n === "Relationship" && (a.get("Type") ?? "").endsWith("/calcChain"),
        );
        if (bytes) changed.set(rels.name, newPart(bytes));
      }
      const bytes = withoutElements(
        zip.read(types),
        (n, a) => n === "Override" && (a.get("PartName") ?? "").replace(/^\//, "").toLowerCase() === target,
      );
      if (bytes) changed.set(types.name, newPart(bytes));
    }
  }

  const write = options.writePackage ?? writeZip;
  try {
    await writeAtomically(output, async (temp) => write(zip, temp, changed, removed));
  } catch (e) {
    if (e instanceof FileProblem) throw new RecalcError(e.message);
    throw e;
  }
  options.onProgress?.("write", 1);
  return summary;
}

function newPart(bytes: Buffer): NewPart {
  return deflatePart([bytes]);
}

function forRect(r: Rect, visit: (row: number, col: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) visit(row, col);
}
