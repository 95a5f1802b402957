/**
 * A streaming tokenizer over the bytes of an XML part, for `loan recalc`'s surgical writes.
 *
 * Why not an XML library: the output must keep every byte of a sheet that recalc does not
 * change, so each cell's place in the part must be known in bytes. A SAX parser (sax,
 * saxes) reports positions in decoded characters after normalizing line ends and
 * attribute values, and would mean decoding and re-encoding the whole part; the markup of
 * a part is ASCII, so scanning the raw bytes for tags finds each element's exact byte range
 * without decoding anything it does not need. Only what recalc reads (attribute values and
 * the text of <f>, <v>, <t>) is decoded, by `decodeText`. The tokenizer knows the whole of
 * XML's lexical structure that can appear in a part (declarations, processing instructions,
 * comments, CDATA, quoted attributes containing ">", namespace prefixes) and refuses a
 * document type declaration (an Office part never has one; entity expansion is a known
 * way to exhaust memory).
 */

/** An XML part that cannot be read. */
export class XmlProblem extends Error {}

export type TokenKind = "open" | "close" | "empty" | "text" | "cdata";

export interface Token {
  kind: TokenKind;
  /** The local name (without a namespace prefix) of a tag; "" for text. */
  name: string;
  /** Absolute byte offsets in the part: [start, end). */
  start: number;
  end: number;
}

const LT = 0x3c;
const GT = 0x3e;
const QUOT = 0x22;
const APOS = 0x27;
const SLASH = 0x2f;

function isNameEnd(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH || b === GT;
}

/**
 * Scans chunks of a part as they arrive; `onToken` is called for each complete token, and
 * may read its bytes (or any bytes from `held` on) with `bytes(start, end)`. Bytes before
 * `held` (set by the caller, or the start of the pending token) are let go after each chunk.
 */
export class XmlScanner {
  private buf: Buffer = Buffer.alloc(0);
  /** The absolute offset of buf[0]. */
  private base = 0;
  /** The absolute offset scanning has reached. */
  private pos = 0;
  /** The caller's oldest byte still needed (absolute). */
  held = 0;

  constructor(private readonly onToken: (t: Token) => void) {}

  /** Bytes [start, end) of the part (absolute offsets), while they are held. */
  bytes(start: number, end: number): Buffer {
    if (start < this.base) throw new Error("bytes already released");
    return this.buf.subarray(start - this.base, end - this.base);
  }

  /** How far the part has been scanned (absolute). */
  get scanned(): number {
    return this.pos;
  }

  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    this.scan(false);
    const keep = Math.min(this.held, this.pos);
    if (keep > this.base) {
      this.buf = this.buf.subarray(keep - this.base);
      this.base = keep;
    }
  }

  /** The part is complete: anything left must be text. */
  finish(): void {
    this.scan(true);
    const rest = this.base + this.buf.length;
    if (this.pos < rest) throw new XmlProblem(`the XML ends inside a tag at byte ${this.pos}`);
  }

  private scan(final: boolean): void {
    const buf = this.buf;
    const base = this.base;
    let p = this.pos - base;
    const n = buf.length;
    while (p < n) {
      if (buf[p] !== LT) {
        const lt = buf.indexOf(LT, p);
        if (lt < 0) {
          if (!final) break;
          this.onToken({ kind: "text", name: "", start: base + p, end: base + n });
          p = n;
          break;
        }
        this.onToken({ kind: "text", name: "", start: base + p, end: base + lt });
        p = lt;
        continue;
      }
      if (p + 1 >= n) break;
      const next = buf[p + 1];
      if (next === 0x3f) {
        // <? … ?>
        const end = buf.indexOf("?>", p + 2, "latin1");
        if (end < 0) break;
        p = end + 2;
        continue;
      }
      if (next === 0x21) {
        // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE …>
        if (p + 9 > n) break;
        if (buf[p + 2] === 0x2d && buf[p + 3] === 0x2d) {
          const end = buf.indexOf("-->", p + 4, "latin1");
          if (end < 0) break;
          p = end + 3;
          continue;
        }
        if (buf.toString("latin1", p, p + 9) === "<![CDATA[") {
          const end = buf.indexOf("]]>", p + 9, "latin1");
          if (end < 0) break;
          this.onToken({ kind: "cdata", name: "", start: base + p, end: base + end + 3 });
          p = end + 3;
          continue;
        }
        throw new XmlProblem(`a document type declaration (not allowed in an Office part) at byte ${base + p}`);
      }
      // A tag: up to the ">" outside quotes.
      let q = p + 1;
      let quote = 0;
      let gt = -1;
      while (q < n) {
        const b = buf[q];
        if (quote) {
          if (b === quote) quote = 0;
        } else if (b === QUOT || b === APOS) quote = b;
        else if (b === GT) {
          gt = q;
          break;
        } else if (b === LT) throw new XmlProblem(`"<" inside a tag at byte ${base + q}`);
        q++;
      }
      if (gt < 0) break;
      const close = next === SLASH;
      let s = p + (close ? 2 : 1);
      const nameStart = s;
      while (s < gt && !isNameEnd(buf[s])) s++;
      if (s === nameStart) throw new XmlProblem(`a tag without a name at byte ${base + p}`);
      let name = buf.toString("latin1", nameStart, s);
      const colon = name.indexOf(":");
      if (colon >= 0) name = name.slice(colon + 1);
      const kind: TokenKind = close ? "close" : buf[gt - 1] === SLASH ? "empty" : "open";
      this.onToken({ kind, name, start: base + p, end: base + gt + 1 });
      p = gt + 1;
    }
    this.pos = base + p;
  }
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text with its character and entity references replaced. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** OOXML's escapes of characters XML cannot hold (`_x000D_`), undone; `_x005F_` is a literal "_". */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text as XML element content: &, <, > escaped; characters XML cannot hold (and "_x") as OOXML escapes. */
export function encodeText(s: string): string {
  return s
    .replace(/_x(?=[0-9A-Fa-f]{4}_)/g, "_x005F_x")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

/** The attributes of a tag's bytes (`<c r="A1" t="s">`), values decoded; names as written (with prefixes). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const space = tag.search(/[\s/>]/);
  re.lastIndex = space < 0 ? tag.length : space;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1], decodeEntities(m[3] ?? m[4] ?? ""));
  return out;
}

/** An attribute by local name (any prefix), or undefined. */
export function attr(attrs: Map<string, string>, local: string): string | undefined {
  const direct = attrs.get(local);
  if (direct !== undefined) return direct;
  for (const [k, v] of attrs) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** Scans a whole part held in memory. */
export function scanAll(part: Buffer, onToken: (t: Token, bytes: (a: number, b: number) => Buffer) => void): void {
  const scanner: XmlScanner = new XmlScanner((t) => onToken(t, (a, b) => part.subarray(a, b)));
  scanner.held = 0;
  scanner.push(part);
  scanner.finish();
}

/** The decoded text of a text or CDATA token. */
export function tokenText(t: Token, raw: Buffer): string {
  if (t.kind === "cdata") return raw.toString("utf8", 9, raw.length - 3);
  return decodeEntities(raw.toString("utf8"));
}
