#!/usr/bin/env node
/* Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png) with nothing but Node's
 * zlib: a rounded square in a blue-to-teal gradient holding a white house whose door is
 * cut out of it. Each pixel is supersampled (8 x 8) so the edges stay smooth at 16 px.
 *
 *   node scripts/make-icons.mjs            writes the icons into assets/
 *   node scripts/make-icons.mjs OUT_DIR    writes them somewhere else
 *
 * The PNGs are committed; this script is here to regenerate them. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const SAMPLES = 8;

/** Colours, as [r, g, b]. */
const TOP_LEFT = [31, 78, 121];
const BOTTOM_RIGHT = [22, 128, 116];
const WHITE = [255, 255, 255];

// ---------------------------------------------------------------- the drawing
// Shapes live in the unit square (x right, y down); each is a point test.

/** Rounded square covering the whole icon. */
function inBackground(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Point-in-convex-polygon, vertices clockwise on screen (y down). */
function inConvex(points, x, y) {
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % points.length];
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) return false;
  }
  return true;
}

const ROOF = [
  [0.5, 0.17],
  [0.86, 0.5],
  [0.14, 0.5],
];
const BODY = { left: 0.25, right: 0.75, top: 0.47, bottom: 0.82 };
const DOOR = { left: 0.43, right: 0.57, top: 0.6, bottom: 0.82 };

function inRect(rect, x, y) {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** White where the house is, background elsewhere; the door shows the background. */
function inHouse(x, y) {
  if (inRect(DOOR, x, y)) return false;
  return inConvex(ROOF, x, y) || inRect(BODY, x, y);
}

function gradient(x, y) {
  const t = Math.min(Math.max((x + y) / 2, 0), 1);
  return TOP_LEFT.map((c, i) => c + (BOTTOM_RIGHT[i] - c) * t);
}

/** RGBA pixels (straight alpha) of the icon at `size` px. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inBackground(x, y)) continue;
          covered++;
          const colour = inHouse(x, y) ? WHITE : gradient(x, y);
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) for (let i = 0; i < 3; i++) pixels[at + i] = Math.round(sum[i] / covered);
      pixels[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

// ---------------------------------------------------------------- the PNG file

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, filter type 0 on every row. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.resolve(process.argv[2] ?? path.join(root, "assets"));
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
}
