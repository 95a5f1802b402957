/**
 * A worksheet part, walked cell by cell as it streams out of the zip: each <c> element is
 * handed over whole (its bytes, attributes, formula, value), with its row and column, and
 * when the walk writes a new part every byte outside the cells that change is copied as
 * it was. Also the shared-strings part, read string by string.
 */
import {
  attr,
  attributes,
  decodeEntities,
  decodeOoxmlEscapes,
  scanAll,
  tokenText,
  XmlProblem,
  XmlScanner,
  type Token,
} from "./xml-scan";
import type { PartDeflater, ZipEntry, ZipFile } from "./zip";

/** A child element of a cell: its attributes, text and byte range within the cell. */
export interface CellChild {
  attrs: Map<string, string>;
  text: string;
  start: number;
  end: number;
}

export interface XmlCell {
  /** 0-based. */
  row: number;
  col: number;
  /** The element's bytes. */
  bytes: Buffer;
  /** The element's qualified name ("c", or "x:c" with a prefix). */
  qname: string;
  attrs: Map<string, string>;
  /** Where the start tag ends, and the end tag starts (the length when it is self-closing). */
  startTagEnd: number;
  endTagStart: number;
  f?: CellChild;
  v?: CellChild;
  is?: CellChild;
}

/** "B12" → [11, 1] (0-based row, column), or undefined. */
export function parseCellRef(ref: string): [number, number] | undefined {
  return cellRefAt(ref, 0, ref.length);
}

/** The cell reference in s[from, to) ("B12", "$B$12"), as parseCellRef reads it. */
function cellRefAt(s: string, from: number, to: number): [number, number] | undefined {
  let i = from;
  if (s.charCodeAt(i) === 0x24) i++;
  let col = 0;
  let letters = 0;
  for (; i < to; i++) {
    let ch = s.charCodeAt(i);
    if (ch >= 0x61 && ch <= 0x7a) ch -= 0x20;
    if (ch < 0x41 || ch > 0x5a) break;
    col = col * 26 + ch - 64;
    letters++;
  }
  if (letters < 1 || letters > 3) return undefined;
  if (s.charCodeAt(i) === 0x24) i++;
  let row = 0;
  let digits = 0;
  for (; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39) return undefined;
    row = row * 10 + ch - 0x30;
    digits++;
  }
  if (digits < 1 || digits > 7) return undefined;
  return [row - 1, col - 1];
}

/** Parses one <c> element's bytes. */
export function parseCell(bytes: Buffer, row: number, col: number): XmlCell {
  let depth = 0;
  let startTagEnd = -1;
  let endTagStart = bytes.length;
  let qname = "c";
  let attrs = new Map<string, string>();
  let current: { name: string; child: CellChild } | undefined;
  let inIs: CellChild | undefined;
  let rph = 0;
  let tDepth = 0;
  const cell: Partial<XmlCell> = {};
  const open: string[] = [];
  scanAll(bytes, (t: Token, b) => {
    if (t.kind === "open") open.push(t.name);
    else if (t.kind === "close" && open.pop() !== t.name)
      throw new XmlProblem(`</${t.name}> closes no open <${t.name}>`);
    if (t.kind === "open" || t.kind === "empty") {
      if (depth === 0) {
        const tag = b(t.start, t.end).toString("utf8");
        qname = /^<([^\s/>]+)/.exec(tag)![1];
        attrs = attributes(tag);
        startTagEnd = t.end;
        if (t.kind === "open") depth++;
        return;
      }
      if (depth === 1 && (t.name === "f" || t.name === "v" || t.name === "is")) {
        const child: CellChild = {
          attrs: attributes(b(t.start, t.end).toString("utf8")),
          text: "",
          start: t.start,
          end: t.end,
        };
        if (t.name === "is") inIs = child;
        else if (t.kind === "open") current = { name: t.name, child };
        (cell as Record<string, CellChild>)[t.name] = child;
      } else if (inIs && t.name === "rPh" && t.kind === "open") rph++;
      else if (inIs && t.name === "t" && t.kind === "open" && rph === 0) tDepth = depth + 1;
      if (t.kind === "open") depth++;
      return;
    }
    if (t.kind === "close") {
      depth--;
      if (depth === 0) {
        endTagStart = t.start;
        return;
      }
      if (current && depth === 1) {
        current.child.end = t.end;
        current = undefined;
      } else if (inIs && depth === 1 && t.name === "is") {
        inIs.end = t.end;
        inIs = undefined;
      } else if (inIs && t.name === "rPh") rph--;
      else if (inIs && t.name === "t" && depth + 1 === tDepth) tDepth = 0;
      return;
    }
    // Text or CDATA.
    if (current && depth === 2) current.child.text += tokenText(t, b(t.start, t.end));
    else if (inIs && tDepth && depth === tDepth) inIs.text += tokenText(t, b(t.start, t.end));
  });
  if (open.length > 0) throw new XmlProblem(`<${open[open.length - 1]}> is not closed`);
  if (cell.is) cell.is.text = decodeOoxmlEscapes(cell.is.text);
  return {
    row,
    col,
    bytes,
    qname,
    attrs,
    startTagEnd,
    endTagStart: startTagEnd === bytes.length || endTagStart < startTagEnd ? bytes.length : endTagStart,
    ...(cell.f ? { f: cell.f } : {}),
    ...(cell.v ? { v: cell.v } : {}),
    ...(cell.is ? { is: cell.is } : {}),
  };
}

/** Where a cell problem happened, for the message that names it. */
export class CellProblem extends Error {
  constructor(
    readonly row: number,
    readonly col: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Walks a worksheet part: `onCell` gets each cell in order; with `out`, the part is written
 * to it, each cell for which `onCell` returns bytes replaced by them, all else as it was.
 * With `want`, only the cells it wants are parsed and handed to `onCell` (the others are
 * copied as they are).
 */
export async function walkSheet(
  zip: ZipFile,
  entry: ZipEntry,
  onCell: (cell: XmlCell) => Buffer | undefined,
  out?: PartDeflater,
  want?: (row: number, col: number) => boolean,
): Promise<void> {
  // A part of moderate size is read whole, and walked by the quick reader when it is of
  // the plain form Excel writes; otherwise by the tokenizer, whole or streamed.
  const whole = zip.readModerate(entry);
  if (whole && quickWalk(entry, whole, onCell, out, want)) return;
  let inSheetData = false;
  let row = -1;
  let col = -1;
  let capture = -1;
  let done = 0;
  const scanner: XmlScanner = new XmlScanner((t) => {
    if (capture >= 0) {
      if (t.kind === "close" && t.name === "c") {
        const bytes = scanner.bytes(capture, t.end);
        const start = capture;
        capture = -1;
        cell(bytes, start, t.end);
      }
      return;
    }
    if (t.name === "sheetData") {
      inSheetData = t.kind === "open";
      return;
    }
    if (!inSheetData) return;
    if (t.name === "row" && (t.kind === "open" || t.kind === "empty")) {
      const r = attr(attributes(scanner.bytes(t.start, t.end).toString("latin1")), "r");
      row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
      col = -1;
    } else if (t.name === "c") {
      if (t.kind === "open") capture = t.start;
      else if (t.kind === "empty") cell(scanner.bytes(t.start, t.end), t.start, t.end);
    }
  });
  const cell = (bytes: Buffer, start: number, end: number) => {
    const head = /^<[^\s/>]+[^>]*?\sr\s*=\s*["']([^"']*)["']/.exec(
      bytes.toString("latin1", 0, Math.min(bytes.length, 200)),
    );
    const ref = head ? parseCellRef(head[1]) : undefined;
    if (ref) [row, col] = ref;
    else col++;
    if (row < 0) row = 0;
    if (want && !want(row, col)) return;
    let parsed: XmlCell;
    try {
      parsed = parseCell(Buffer.from(bytes), row, col);
    } catch (e) {
      throw new CellProblem(row, col, e instanceof Error ? e.message : String(e));
    }
    const replacement = onCell(parsed);
    if (out && replacement) {
      out.write(Buffer.from(scanner.bytes(done, start)));
      out.write(replacement);
      done = end;
    }
  };
  const release = () => {
    const safe = capture >= 0 ? capture : scanner.scanned;
    if (out && safe > done) {
      out.write(Buffer.from(scanner.bytes(done, safe)));
      done = safe;
    }
    scanner.held = out ? done : safe;
  };
  if (whole) {
    for (let i = 0; i < whole.length; i += 1024 * 1024) {
      scanner.push(whole.subarray(i, i + 1024 * 1024));
      release();
    }
  } else
    await zip.stream(entry, (chunk) => {
      scanner.push(chunk);
      release();
    });
  scanner.finish();
  release();
}

/** An attribute in double quotes. */
const QUICK_ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g;

/**
 * Walks a whole sheet part in its plain form, the one Excel and most programs write: no
 * namespace prefixes, comments, CDATA or processing instructions in <sheetData>, each
 * <c> with its `r`, attributes in double quotes, children <f>, <v>, <is> without nested
 * markup but for <is>'s runs. The markup is ASCII, so the part is read as Latin-1 (one
 * character a byte): offsets are byte offsets, and the text of <f>, <v> is decoded from
 * UTF-8 where it is read. Returns false, having done nothing, for a part of another form.
 */
/** Parts a quick walk has found plain. */
const plainParts = new WeakSet<ZipEntry>();

function quickWalk(
  entry: ZipEntry,
  part: Buffer,
  onCell: (cell: XmlCell) => Buffer | undefined,
  out: PartDeflater | undefined,
  want: ((row: number, col: number) => boolean) | undefined,
): boolean {
  const s = part.toString("latin1");
  const open = s.indexOf("<sheetData");
  const openEnd = open < 0 ? -1 : s.indexOf(">", open);
  if (open < 0 || openEnd < 0 || s[openEnd - 1] === "/") {
    // No cells (or an empty <sheetData/>): the part is copied as it is.
    if (open >= 0 && s.indexOf("<sheetData", openEnd) >= 0) return false;
    if (out) out.write(part);
    return true;
  }
  const close = s.indexOf("</sheetData>", openEnd);
  if (close < 0) return false;
  // The plain form only: no comments, CDATA, processing instructions or prefixes.
  const odd = /<!|<\?|<[A-Za-z_][\w.-]*:/g;
  odd.lastIndex = openEnd;
  const found = odd.exec(s);
  if (found && found.index < close) return false;
  // Each cell's extent, and its place from its `r` (a cell without one: the tokenizer's way).
  const next = (from: number): { start: number; end: number; row: number; col: number } | false | undefined => {
    let at = from;
    for (;;) {
      const lt = s.indexOf("<c", at);
      if (lt < 0 || lt >= close) return undefined;
      const after = s.charCodeAt(lt + 2);
      if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) {
        at = lt + 2;
        continue;
      }
      const tagEnd = s.indexOf(">", lt);
      if (tagEnd < 0 || tagEnd > close) return false;
      const r = s.indexOf(' r="', lt);
      const q = r < 0 || r > tagEnd ? -1 : s.indexOf('"', r + 4);
      const ref = q < 0 || q > tagEnd ? undefined : cellRefAt(s, r + 4, q);
      if (!ref) return false;
      let end: number;
      if (s.charCodeAt(tagEnd - 1) === 0x2f) end = tagEnd + 1;
      else {
        const ce = s.indexOf("</c>", tagEnd);
        if (ce < 0 || ce > close) return false;
        end = ce + 4;
      }
      return { start: lt, end, row: ref[0], col: ref[1] };
    }
  };
  // Checked before any cell is handed over (a cell found wrong halfway could not be undone),
  // once per part: the second walk of a sheet (the rewrite) knows it is plain.
  if (!plainParts.has(entry)) {
    for (let c = next(openEnd); c !== undefined; c = next(c.end)) if (c === false) return false;
    plainParts.add(entry);
  }
  let done = 0;
  for (let c = next(openEnd); c; c = next(c.end)) {
    if (want && !want(c.row, c.col)) continue;
    const bytes = part.subarray(c.start, c.end);
    let parsed: XmlCell;
    try {
      parsed = quickCell(s, c.start, c.end, bytes, c.row, c.col) ?? parseCell(Buffer.from(bytes), c.row, c.col);
    } catch (e) {
      throw new CellProblem(c.row, c.col, e instanceof Error ? e.message : String(e));
    }
    const replacement = onCell(parsed);
    if (out && replacement) {
      out.write(part.subarray(done, c.start));
      out.write(replacement);
      done = c.end;
    }
  }
  if (out) out.write(part.subarray(done));
  return true;
}

/**
 * One cell of the plain form, parsed from the part's Latin-1 text; undefined for one it
 * leaves to parseCell (an inline string, single quotes, markup inside a child).
 */
function quickCell(
  s: string,
  start: number,
  end: number,
  bytes: Buffer,
  row: number,
  col: number,
): XmlCell | undefined {
  const tagEnd = s.indexOf(">", start) + 1;
  const attrs = new Map<string, string>();
  const tag = s.slice(start, tagEnd);
  if (tag.includes("'")) return undefined; // attributes in single quotes: parseCell reads them
  QUICK_ATTR.lastIndex = 0;
  for (let m = QUICK_ATTR.exec(tag); m; m = QUICK_ATTR.exec(tag)) attrs.set(m[1], decodeEntities(m[2]));
  const cell: XmlCell = { row, col, bytes, qname: "c", attrs, startTagEnd: tagEnd - start, endTagStart: bytes.length };
  if (s.charCodeAt(tagEnd - 2) === 0x2f) return cell;
  const bodyEnd = end - 4;
  cell.endTagStart = bodyEnd - start;
  let at = tagEnd;
  while (at < bodyEnd) {
    const lt = s.indexOf("<", at);
    if (lt < 0 || lt >= bodyEnd) break;
    const nameEnd = (() => {
      let k = lt + 1;
      while (k < bodyEnd && !" \t\r\n/>".includes(s[k])) k++;
      return k;
    })();
    const name = s.slice(lt + 1, nameEnd);
    const childTagEnd = s.indexOf(">", lt) + 1;
    if (childTagEnd <= 0 || childTagEnd > bodyEnd) return undefined;
    if (name === "is") return undefined;
    const childAttrs = new Map<string, string>();
    const childTag = s.slice(lt, childTagEnd);
    if (childTag.includes("'")) return undefined;
    QUICK_ATTR.lastIndex = 0;
    for (let m = QUICK_ATTR.exec(childTag); m; m = QUICK_ATTR.exec(childTag))
      childAttrs.set(m[1], decodeEntities(m[2]));
    let childEnd: number;
    let text = "";
    if (s.charCodeAt(childTagEnd - 2) === 0x2f) childEnd = childTagEnd;
    else {
      const closeAt = s.indexOf(`</${name}>`, childTagEnd);
      if (closeAt < 0 || closeAt > bodyEnd) return undefined;
      const raw = s.slice(childTagEnd, closeAt);
      if (raw.includes("<")) return undefined;
      text = decodeEntities(/[\x80-\xff]/.test(raw) ? Buffer.from(raw, "latin1").toString("utf8") : raw);
      childEnd = closeAt + name.length + 3;
    }
    if (name === "f" || name === "v")
      (cell as unknown as Record<string, CellChild>)[name] = {
        attrs: childAttrs,
        text,
        start: lt - start,
        end: childEnd - start,
      };
    at = childEnd;
  }
  return cell;
}

/**
 * The shared strings, in order: the text of each <si> (its <t>, or its runs' <t>s; the
 * phonetic guides in <rPh> are not part of the value). Over `maxCount` strings the walk
 * stops with `onOver`.
 */
export async function readSharedStrings(
  zip: ZipFile,
  entry: ZipEntry,
  maxCount: number,
  onOver: () => Error,
): Promise<string[]> {
  const strings: string[] = [];
  let capture = -1;
  let depth = 0;
  const scanner: XmlScanner = new XmlScanner((t) => {
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth--;
    if (t.name !== "si" || depth > (t.kind === "open" ? 2 : 1)) return;
    if (t.kind === "open") capture = t.start;
    else if (t.kind === "empty") strings.push("");
    else if (t.kind === "close" && capture >= 0) {
      strings.push(stringItem(scanner.bytes(capture, t.end)));
      capture = -1;
    }
    if (strings.length > maxCount) throw onOver();
  });
  await zip.stream(entry, (chunk) => {
    scanner.push(chunk);
    scanner.held = capture >= 0 ? capture : scanner.scanned;
  });
  scanner.finish();
  return strings;
}

function stringItem(bytes: Buffer): string {
  let text = "";
  let rph = 0;
  let inT = false;
  scanAll(bytes, (t, b) => {
    if (t.name === "rPh") {
      if (t.kind === "open") rph++;
      else if (t.kind === "close") rph--;
    } else if (t.name === "t" && rph === 0) {
      if (t.kind === "open") inT = true;
      else if (t.kind === "close") inT = false;
    } else if (inT && (t.kind === "text" || t.kind === "cdata")) text += tokenText(t, b(t.start, t.end));
  });
  return decodeOoxmlEscapes(text);
}
