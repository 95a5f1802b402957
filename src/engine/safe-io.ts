/**
 * Files for `loan recalc`, handled so that no workbook is ever damaged and no input can
 * exhaust memory: the uncompressed size of an .xlsx read from its zip directory before
 * anything is unpacked, and output written to a temporary file in the target folder, then
 * renamed over the target (a failed write leaves the target and the input as they were).
 */
import fs from "fs";
import path from "path";
import { ENGINE_MSG as M } from "./messages";

/** A failure the user can act on, with a message naming the file and what to do. */
export class FileProblem extends Error {}

/**
 * The total uncompressed size of a zip's entries, from its central directory (the file is
 * not unpacked). Undefined when the directory cannot be found (not a zip, or corrupt).
 * ZIP64 sizes count as unbounded.
 */
export function zipUncompressedSize(file: string): number | undefined {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
    const tail = Math.min(size, 22 + 65535);
    const buf = Buffer.alloc(tail);
    fs.readSync(fd, buf, 0, tail, size - tail);
    let eocd = -1;
    for (let i = tail - 22; i >= 0; i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return undefined;
    const entries = buf.readUInt16LE(eocd + 10);
    const dirSize = buf.readUInt32LE(eocd + 12);
    const dirOffset = buf.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || entries === 0xffff) return Infinity;
    if (dirOffset + dirSize > size) return undefined;
    const dir = Buffer.alloc(dirSize);
    fs.readSync(fd, dir, 0, dirSize, dirOffset);
    let total = 0;
    let p = 0;
    for (let k = 0; k < entries; k++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) return undefined;
      const uncompressed = dir.readUInt32LE(p + 24);
      if (uncompressed === 0xffffffff) return Infinity;
      total += uncompressed;
      p += 46 + dir.readUInt16LE(p + 28) + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return total;
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether two paths name the same file (an existing one, or the same resolved path). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EFBIG: "the file is too large for the file system",
  EDQUOT: "the disk quota is exhausted",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  EISDIR: "it is a folder",
  ENOENT: "the folder does not exist",
  ENOTDIR: "a part of the path is not a folder",
};

/** A short reason for a file-system error, without the stack. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Writes `target` atomically: `write` fills a temporary file beside it, which is then
 * renamed over the target. On any failure the temporary file is removed and the target is
 * untouched; the error is a FileProblem with a plain message.
 */
export async function writeAtomically(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new FileProblem(M.noFolder(target, dir));
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new FileProblem(M.outputIsFolder(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await write(temp);
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new FileProblem(M.cannotWrite(target, reason(e)));
  }
}
