/**
 * Files for `loan recalc` and `loan template`, handled so that no workbook is ever
 * damaged: output written to a temporary file in the target folder, then renamed over the
 * target (a failed write leaves the target and the input as they were).
 */
import fs from "fs";
import path from "path";
import { ENGINE_MSG as M } from "./messages";

/** A failure the user can act on, with a message naming the file and what to do. */
export class FileProblem extends Error {}

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
 * renamed over the target, with the target's mode. On any failure the temporary file is
 * removed and the target is untouched; the error is a FileProblem with a plain message.
 */
export async function writeAtomically(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new FileProblem(M.noFolder(target, dir));
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new FileProblem(M.outputIsFolder(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // The output keeps the mode of the file it replaces (a 0600 workbook stays 0600); a new
  // one gets the usual mode for new files.
  const mode = fs.existsSync(target) ? fs.statSync(target).mode & 0o7777 : 0o666 & ~process.umask();
  try {
    await write(temp);
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new FileProblem(M.cannotWrite(target, reason(e)));
  }
}
