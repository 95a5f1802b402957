/**
 * A worksheet part, walked cell by cell as it streams out of the zip: each <c> element is
 * handed over whole (its bytes, attributes, formula, value), with its row and column, and
 * when the walk writes a new part every byte outside the cells that change is copied as
 * it was. Also the shared-strings part, read string by string.
 */
import {
  attr,
  attributes,
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
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
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
 * `onRows` is called with each row's number as it starts (0-based).
 */
export async function walkSheet(
  zip: ZipFile,
  entry: ZipEntry,
  onCell: (cell: XmlCell) => Buffer | undefined,
  out?: PartDeflater,
): Promise<void> {
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
  await zip.stream(entry, (chunk) => {
    scanner.push(chunk);
    release();
  });
  scanner.finish();
  release();
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
