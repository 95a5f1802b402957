/*
 * `npm run print-pages`: how each deal template prints. Writes every template with
 * `loan template` into build/print/, has LibreOffice (soffice, headless) print each to PDF
 * with the file's own print setup, and reports per template the pages, their size and
 * whether every page carries the print titles (the title and the legend; page 1 the Recourse |
 * Non-recourse | Non-recourse − recourse | Source / note headings over the summary), the size
 * the body text prints at, whether the first page holds the summary and the verdict, and the
 * text that prints over other text:
 * every pair of words whose boxes on a page cross (from poppler's `pdftotext -bbox`). Each
 * page is kept as a picture, build/print/<template>-<page>.png (poppler's pdftoppm), to look
 * at (`--docs` copies value-add's first page to docs/print-page.png, the README's). It
 * fails when a page lacks the titles, the summary or the chart is split, or any text
 * overlaps. It needs LibreOffice (Debian's libreoffice-calc), poppler-utils and Carlito
 * (fonts-crosextra-carlito, metric-compatible with Calibri; without it LibreOffice sets the
 * text in a wider face and the sizes shrink); .ci/run installs them and runs it after the
 * tests (`node scripts/print-pages.mjs` there: the tests have built dist/). docs/printing.md
 * records its figures.
 *
 * The PDF is read with a small reader of what LibreOffice writes: each page's content
 * stream (Flate), its text-showing operators (Tj, TJ) decoded through the fonts' ToUnicode
 * maps, and each Tf's font size (the printed size, after the fit-to-width scaling).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "build", "print");
const HEADINGS = ["Recourse", "Non-recourse", "Non-recourse − recourse", "Source / note"];
/** A page's text without white space: a heading wrapped over two lines still reads as one. */
const squeeze = (s) => s.replace(/\s+/g, "");
/** The page pictures' resolution (dots per inch): a Letter page 733 × 567 pixels, text still legible. */
const PNG_DPI = 67;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** The objects of a PDF, by number: their text (latin1) and their decoded stream. */
function objects(pdf) {
  const text = pdf.toString("latin1");
  const objs = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2];
    const s = /stream\r?\n([\s\S]*?)endstream/.exec(body);
    let data = "";
    if (s) {
      const raw = Buffer.from(s[1], "latin1");
      data = body.includes("FlateDecode")
        ? zlib.inflateSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString("latin1")
        : s[1];
    }
    objs.set(Number(m[1]), { body: s ? body.slice(0, s.index) : body, data });
  }
  return objs;
}

/** A ToUnicode CMap: hex code → text. */
function toUnicode(data) {
  const map = new Map();
  const utf16 = (hex) => Buffer.from(hex, "hex").swap16().toString("utf16le");
  for (const [, block] of data.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, a, b] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(a.toUpperCase(), utf16(b));
  for (const [, block] of data.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, a, b, c] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(c, 16);
      for (let k = parseInt(a, 16); k <= parseInt(b, 16); k++)
        map.set(k.toString(16).toUpperCase().padStart(a.length, "0"), String.fromCharCode(base + k - parseInt(a, 16)));
    }
  return map;
}

/** Per page: its size in points, the strings it shows and the smallest font size used. */
function readPdf(file) {
  const objs = objects(fs.readFileSync(file));
  const ref = (body, key) => Number(new RegExp(`/${key}\\s*(\\d+)\\s+0\\s+R`).exec(body)?.[1]);
  const pages = [...objs.entries()].filter(([, o]) => /\/Type\s*\/Page[^s]/.test(o.body)).sort((a, b) => a[0] - b[0]);
  return pages.map(([, page]) => {
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(page.body)?.[1].trim().split(/\s+/).map(Number) ?? [];
    const resources = objs.get(ref(page.body, "Resources"))?.body ?? "";
    const fontDict = objs.get(ref(resources, "Font"))?.body ?? resources;
    const fonts = new Map();
    for (const [, name, n] of fontDict.matchAll(/\/(F\d+)\s+(\d+)\s+0\s+R/g)) {
      const unicode = ref(objs.get(Number(n))?.body ?? "", "ToUnicode");
      fonts.set(name, unicode ? toUnicode(objs.get(unicode)?.data ?? "") : new Map());
    }
    const content = objs.get(ref(page.body, "Contents"))?.data ?? "";
    const strings = [];
    let font = new Map();
    let smallest = Infinity;
    let size = 0;
    /** Font size → how many text runs print at it. */
    const sizes = new Map();
    for (const t of content.matchAll(/\/(F\d+)\s+([\d.]+)\s+Tf|\[([\s\S]*?)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (t[1]) {
        font = fonts.get(t[1]) ?? new Map();
        size = Number(t[2]);
        smallest = Math.min(smallest, size);
        continue;
      }
      const hexes = t[3] !== undefined ? [...t[3].matchAll(/<([0-9A-Fa-f]+)>/g)].map((h) => h[1]) : [t[4]];
      const width = [...font.keys()].some((k) => k.length === 4) ? 4 : 2;
      let s = "";
      for (const h of hexes)
        for (let i = 0; i < h.length; i += width) s += font.get(h.slice(i, i + width).toUpperCase()) ?? "?";
      strings.push(s);
      sizes.set(size, (sizes.get(size) ?? 0) + 1);
    }
    return { width: box[2] - box[0], height: box[3] - box[1], strings, smallest, sizes };
  });
}

/**
 * Every word's box on every page (points from the page's top left), from `pdftotext -bbox`:
 * pages[i] = [{ text, x0, y0, x1, y1 }].
 */
function wordBoxes(pdf) {
  const html = run("pdftotext", ["-bbox", pdf, "-"]);
  const unescape = (t) =>
    t.replace(/&(lt|gt|amp|quot|apos|#(\d+));/g, (_, e, n) =>
      n ? String.fromCharCode(Number(n)) : { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e],
    );
  return html
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ text: unescape(m[5]), x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] }),
      ),
    );
}

/**
 * The words of a page printed over other words: pairs whose boxes cross by more than half a
 * point across and whose middle bands cross down the page (a word's box runs from its
 * font's ascent to its descent; the middle half of it, about two thirds of the font's
 * size, is where its letters are, so two lines of a wrapped cell, however close, do not
 * count, and two texts set on the same row do).
 */
export function overlaps(words) {
  const band = (w) => {
    const h = w.y1 - w.y0;
    return [w.y0 + h / 4, w.y1 - h / 4];
  };
  const sorted = [...words].sort((a, b) => a.y0 - b.y0);
  const out = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    const [a0, a1] = band(a);
    for (let j = i + 1; j < sorted.length && sorted[j].y0 < a.y1; j++) {
      const b = sorted[j];
      const [b0, b1] = band(b);
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a1, b1) - Math.max(a0, b0);
      if (across > 0.5 && down > 0) out.push([a, b]);
    }
  }
  return out;
}

function main() {
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(out)) if (/\.(png|pdf|xlsx)$/.test(f)) fs.rmSync(path.join(out, f));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "loan-print-lo-"));
  const list = run(process.execPath, ["bin/loan.mjs", "template", "--list"])
    .split("\n")
    .map((l) => l.trim().split(/\s+/)[0])
    .filter(Boolean);
  const rows = [];
  const problems = [];
  try {
    for (const id of list) run(process.execPath, ["bin/loan.mjs", "template", id, "-o", path.join(out, `${id}.xlsx`)]);
    // One LibreOffice for every file: it starts once.
    run("soffice", [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      "pdf",
      "--outdir",
      out,
      ...list.map((id) => path.join(out, `${id}.xlsx`)),
    ]);
    for (const id of list) {
      const pdf = path.join(out, `${id}.pdf`);
      const pages = readPdf(pdf);
      run("pdftoppm", ["-png", "-r", String(PNG_DPI), pdf, path.join(out, id)]);
      const crossed = wordBoxes(pdf).map((words, i) => overlaps(words).map(([a, b]) => ({ page: i + 1, a, b })));
      for (const c of crossed.flat())
        problems.push(`${id} page ${c.page}: "${c.a.text}" and "${c.b.text}" print over each other`);
      // The print titles are the title and the legend (rows 1–2); each section names its own columns
      // (test/section-headings.test.ts), the pair headings heading the summary on page 1.
      const title = squeeze(pages[0]?.strings[0] ?? "");
      const titled = pages.filter((p) => title !== "" && squeeze(p.strings.join("")).includes(title)).length;
      const headed = HEADINGS.every((h) => squeeze(pages[0]?.strings.join("") ?? "").includes(squeeze(h)));
      if (!headed && id !== "portfolio") problems.push(`${id}: page 1 lacks the column headings over the summary`);
      // The summary's heading, its first row (the verdict) and its last (the exit cost, "(ExitCost)"), from
      // src/plan/deal/summary.ts, on the first page: the whole summary prints on one page.
      const first = pages[0]?.strings.join(" ") ?? "";
      const summaryFirst = ["Summary", "Verdict", "(ExitCost)"].every((w) => first.includes(w));
      // The chart prints whole: exactly one page shows its title (top) and its x-axis title (bottom).
      // A chart cut by a page break is drawn, clipped, on both pages, texts and all (src/plan/deal/chart.ts).
      const ends = ["Personal exposure against sale price", "Sale price (share of the property's value)"];
      const shown = pages.map((p) => ends.map((e) => p.strings.includes(e)));
      const chartWhole = shown.filter(([a, b]) => a || b).length === 1 && shown.some(([a, b]) => a && b);
      const size = [...new Set(pages.map((p) => `${p.width}×${p.height} pt`))].join(", ");
      const font = Math.min(...pages.map((p) => p.smallest));
      // The body text's printed size: the size most text runs print at (the cells' 11 points, scaled).
      const runs = new Map();
      for (const p of pages) for (const [k, n] of p.sizes) runs.set(k, (runs.get(k) ?? 0) + n);
      const body = [...runs.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
      rows.push({
        id,
        pages: pages.length,
        size,
        titled,
        summaryFirst,
        chartWhole,
        overlaps: crossed.flat().length,
        font: Math.round(font * 10) / 10,
        body: Math.round(body * 10) / 10,
      });
    }
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(
    "| Template | Pages | Page size | Pages with the print titles | Summary and verdict on page 1 | Chart on one page | Words printed over others | Body text printed at | Smallest printed font |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const first = r.summaryFirst ? "yes" : "no";
    const whole = r.chartWhole ? "yes" : "no";
    console.log(
      `| ${r.id} | ${r.pages} | ${r.size} | ${r.titled} of ${r.pages} | ${first} | ${whole} | ${r.overlaps} | ${r.body} pt | ${r.font} pt |`,
    );
  }
  for (const p of problems) console.log(p);
  console.log(`Page pictures: ${path.relative(root, out)}/<template>-<page>.png`);
  // `--docs`: the README's printed page, value-add's first (only when asked: a check run writes no tracked file).
  if (process.argv.includes("--docs")) {
    fs.copyFileSync(path.join(out, "value-add-01.png"), path.join(root, "docs", "print-page.png"));
    console.log("Copied build/print/value-add-01.png to docs/print-page.png");
  }
  // The portfolio (a book of loans, not a side-by-side deal) has no deal headings, summary or chart: only its
  // overlaps are checked.
  const deal = (r) => r.id !== "portfolio";
  if (rows.some((r) => (deal(r) && (r.titled !== r.pages || !r.summaryFirst || !r.chartWhole)) || r.overlaps > 0))
    process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
