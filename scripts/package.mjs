#!/usr/bin/env node
/* `npm run package [-- -o FILE.zip]`: the production add-in as one zip archive, to hand to
 * whoever uploads it. It holds the files of the production build (dist/, or ADDIN_OUT) at its
 * root, manifest.xml among them, without dist/engine/ (the command-line engine, which is
 * not part of the add-in). Build first with `ADDIN_URL=https://host/path/ npm run build`.
 *
 * The zip is written here with Node's zlib (deflate and CRC-32): no archiving package. */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const require = createRequire(import.meta.url);
const { ROOT, DEV_BASE } = require("./addin-host.cjs");

/** CRC-32 (ISO 3309, as zip uses): zlib's from Node 20.15, else computed here. */
const crc32 =
  zlib.crc32 ??
  ((data) => {
    let crc = 0xffffffff;
    for (const byte of data) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
  });

/** Folders of the build that are not uploaded. */
const LEFT_OUT = new Set(["engine"]);

function fail(message) {
  process.stderr.write(`npm run package: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-o" || arg === "--output") {
      if (argv[i + 1] === undefined) fail(`${arg} needs a file name`);
      options.out = path.resolve(argv[++i]);
    } else if (arg === "-h" || arg === "--help") {
      process.stdout.write(
        "Usage: npm run package [-- -o FILE.zip]\n" +
          "Archives the production build (dist/, or ADDIN_OUT) with its manifest.xml into\n" +
          "build/loan-addin-VERSION.zip (or FILE.zip). Build it first:\n" +
          "  ADDIN_URL=https://host/path/ npm run build\n",
      );
      process.exit(0);
    } else fail(`unknown argument "${arg}" (try --help)`);
  }
  return options;
}

/** Every file under `dir` as [path inside the archive, absolute path], sorted. */
function listFiles(dir, prefix = "") {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = prefix + entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (prefix === "" && LEFT_OUT.has(entry.name)) continue;
      files.push(...listFiles(full, `${name}/`));
    } else if (entry.isFile()) files.push([name, full]);
  }
  return files;
}

/** MS-DOS time and date of a Date (local time, 2-second resolution), as zip stores them. */
function dosDateTime(date) {
  const year = Math.max(date.getFullYear(), 1980);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** A zip archive (PKWARE APPNOTE 4.3: local headers, central directory, end record) of
 * `entries` ([name, data, mtime]); each file deflated unless that makes it larger. */
export function zip(entries) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const [name, data, mtime] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const { time, date } = dosDateTime(mtime);
    if (data.length >= 0xffffffff || offset >= 0xffffffff)
      throw new Error(`${name}: too large for a zip without zip64`);
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    common.writeUInt16LE(0x0800, 2); // flags: names are UTF-8
    common.writeUInt16LE(stored ? 0 : 8, 4); // method: stored or deflated
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, nameBytes]);
    chunks.push(local, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    common.copy(entry, 6);
    entry.writeUInt16LE(0, 32); // no comment
    entry.writeUInt16LE(0, 34); // disk 0
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + body.length;
  }
  if (entries.length > 0xffff) throw new Error("too many files for a zip without zip64");
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** A path relative to the working directory when it is inside it, else absolute. */
function shortPath(file) {
  const relative = path.relative(process.cwd(), file);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const dir = path.resolve(ROOT, process.env.ADDIN_OUT || "dist");
  const manifestFile = path.join(dir, "manifest.xml");
  const shown = shortPath(dir);
  if (!fs.existsSync(manifestFile)) {
    fail(
      `${shown}/ holds no production build (no manifest.xml). Build one first:\n` +
        "  ADDIN_URL=https://host/path/ npm run build",
    );
  }
  const manifest = fs.readFileSync(manifestFile, "utf8");
  if (manifest.includes(DEV_BASE) || /localhost/i.test(manifest)) {
    fail(
      `${shown}/manifest.xml names localhost: it is not a production build. Run ADDIN_URL=https://host/path/ npm run build`,
    );
  }
  const version = /<Version>([^<]+)<\/Version>/.exec(manifest)?.[1] ?? "unknown";
  const base = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)?.[1] ?? "(unknown)";
  const out = options.out ?? path.join(ROOT, "build", `loan-addin-${version}.zip`);
  const files = listFiles(dir);
  const archive = zip(files.map(([name, full]) => [name, fs.readFileSync(full), fs.statSync(full).mtime]));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(temp, archive);
  fs.renameSync(temp, out);
  process.stdout.write(
    `Wrote ${shortPath(out)}: ${files.length} files, ${archive.length.toLocaleString("en-US")} bytes,\n` +
      `version ${version} for ${base}. Upload its contents to that folder and deploy manifest.xml (docs/deploy.md).\n`,
  );
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
