/* Reads the formula cells of an .xlsx / .xlsm and the values cached for them, on its own
 * (JSZip and regular expressions; not the engine's reader), for the real-workbook corpus:
 * scripts/real-corpus.mjs stores what Excel or LibreOffice cached, and the test compares
 * recalc's output with it.
 *
 *   readFormulaCells(buffer) → { application, date1904, calc, sheets: [{ name, cells }] }
 *
 * CommonJS, so that the script (ES module) and the test (TypeScript under Jest) share it.
 *
 * Each sheet's `cells` maps an A1 address to { formula, kind, value }: every cell with a
 * formula (kind "normal", "shared", "array" for an array formula's first cell, "dataTable"),
 * and every other cell of an array formula's or a data table's range (kind "array-cell",
 * "dataTable-cell"), since those hold results too; a shared formula's other cells have the
 * master's text (its references not moved). `value` is what the file caches: a
 * number, text, a boolean, { error: "#N/A" }, or null when nothing is cached. */
const JSZip = require("jszip");

const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text decoded: entity and character references, then OOXML's _xHHHH_ escapes. */
function decodeXmlText(s) {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e) => {
      if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return ENTITIES[e] ?? m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
}

function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const local = m[1].includes(":") && !m[1].startsWith("xmlns") ? m[1].slice(m[1].indexOf(":") + 1) : m[1];
    out[local] = decodeXmlText(m[2] ?? m[3] ?? "");
  }
  return out;
}

/** "B12" → [11, 1]. */
function cellRef(ref) {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

function a1(row, col) {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}

function resolve(from, target) {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

async function text(zip, name) {
  const f =
    zip.file(name) ?? zip.file(Object.keys(zip.files).find((k) => k.toLowerCase() === name.toLowerCase()) ?? "");
  return f ? f.async("string") : undefined;
}

async function rels(zip, part) {
  const i = part.lastIndexOf("/");
  const xml = await text(zip, `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`);
  const out = [];
  for (const m of (xml ?? "").matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    if (a.TargetMode !== "External") out.push({ id: a.Id, type: a.Type ?? "", target: resolve(part, a.Target ?? "") });
  }
  return out;
}

/** The text of an <si> or <is>: its <t>s, outside phonetic runs (<rPh>). */
function richText(xml) {
  const plain = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "");
  let out = "";
  for (const m of plain.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return decodeXmlText(out);
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function cellValue(t, v, is, strings, date1904) {
  if (t === "inlineStr") return is === undefined ? null : richText(is);
  if (v === undefined) return null;
  const raw = decodeXmlText(v);
  switch (t) {
    case "s":
      return strings[Number(raw)] ?? null;
    case "str":
      return raw;
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return { error: raw.trim() };
    case "d": {
      const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isFinite(ms) ? (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / 86400000 : null;
    }
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** The formula cells of a workbook and their cached values (see the file's comment). */
async function readFormulaCells(buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const app = (await text(zip, "docProps/app.xml")) ?? "";
  const application = decodeXmlText(/<(?:\w+:)?Application>([^<]*)</.exec(app)?.[1] ?? "").trim();
  const appVersion = /<(?:\w+:)?AppVersion>([^<]*)</.exec(app)?.[1] ?? "";
  const office = (await rels(zip, "")).find((r) => r.type.endsWith("/officeDocument"));
  const wbPart = office?.target ?? "xl/workbook.xml";
  const wb = (await text(zip, wbPart)) ?? "";
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(wb);
  const calcTag = /<(?:\w+:)?calcPr\b([^>]*)>/.exec(wb);
  const calc = calcTag ? attrs(calcTag[1]) : {};
  const wbRels = await rels(zip, wbPart);
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const sstPart = wbRels.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const strings = [];
  if (sstPart) {
    const sst = (await text(zip, sstPart)) ?? "";
    for (const m of sst.matchAll(/<(?:\w+:)?si\b(?:[^>]*\/>|[^>]*>([\s\S]*?)<\/(?:\w+:)?si>)/g))
      strings.push(m[1] === undefined ? "" : richText(m[1]));
  }
  const sheets = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    const rel = byId.get(a.id);
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const xml = (await text(zip, rel.target)) ?? "";
    const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? "";
    const cells = new Map();
    const values = new Map();
    const ranges = [];
    const masters = new Map();
    let row = -1;
    let col = -1;
    const re = /<(?:\w+:)?row\b([^>]*?)\/?>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
    for (const c of data.matchAll(re)) {
      if (c[1] !== undefined) {
        const r = attrs(c[1]).r;
        row = r ? Number(r) - 1 : row + 1;
        col = -1;
        continue;
      }
      const ca = attrs(c[2]);
      const ref = ca.r ? cellRef(ca.r) : undefined;
      if (ref) [row, col] = ref;
      else col++;
      const body = c[3] ?? "";
      const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(body);
      const vm = /<(?:\w+:)?v(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
      const v = vm ? (vm[1] ?? "") : undefined;
      const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1];
      const value = cellValue(ca.t ?? "n", v, is, strings, date1904);
      const addr = a1(row, col);
      values.set(addr, value);
      if (!f) continue;
      const fa = attrs(f[1]);
      const kind = fa.t ?? "normal";
      const formula = decodeXmlText(f[2] ?? "");
      if (kind === "shared" && formula !== "") masters.set(fa.si, formula);
      cells.set(addr, { formula, kind, value, ...(kind === "shared" && formula === "" ? { si: fa.si } : {}) });
      if ((kind === "array" || kind === "dataTable") && fa.ref) ranges.push({ kind, ref: fa.ref, anchor: addr });
    }
    // A shared formula's other cells: the master's text (its references not moved).
    for (const c of cells.values()) {
      if (c.si === undefined) continue;
      c.formula = masters.get(c.si) ?? "";
      delete c.si;
    }
    for (const r of ranges) {
      const [p, q = p] = r.ref.split(":");
      const from = cellRef(p);
      const to = cellRef(q);
      if (!from || !to) continue;
      for (let i = from[0]; i <= to[0]; i++)
        for (let j = from[1]; j <= to[1]; j++) {
          const addr = a1(i, j);
          if (addr === r.anchor || cells.has(addr)) continue;
          cells.set(addr, { formula: "", kind: `${r.kind}-cell`, value: values.get(addr) ?? null });
        }
    }
    sheets.push({ name: a.name, cells });
  }
  return { application: appVersion ? `${application} ${appVersion}` : application, date1904, calc, sheets };
}

module.exports = { readFormulaCells, decodeXmlText, cellRef, a1 };
